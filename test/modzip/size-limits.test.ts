// vectors/xmod/zip/size_limits.json: the 500 MiB and 16 MiB limits for
// building (create_err) and for checking an existing zip (unzip_err). Large
// contents are never materialised: sources are generated zero streams, and
// zips only declare their sizes in the central directory (the checks never
// read entry data). The 500 MiB success cases are checked with checkFiles and
// checkZip rather than by compressing half a gigabyte.
import { closeSync, openSync, ftruncateSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkedFilesError,
  checkFiles,
  checkZip,
  createZip,
  MAX_GO_MOD,
  MAX_LICENSE,
  MAX_ZIP_FILE,
  unzip,
  type ZipSourceFile,
} from '../../src/modzip/index.js';
import { vectorsDir } from '../support/vectors.js';
import { buildZip } from './raw-zip.js';
import { tempDir } from '../support/temp-dir.js';

interface SizeCase {
  desc: string;
  files?: { path: string; size: number; content?: string }[];
  zip_file_size?: number;
  create_err?: string;
  unzip_err?: string;
}
const vec = JSON.parse(
  readFileSync(path.join(vectorsDir, 'xmod/zip/size_limits.json'), 'utf8'),
) as { limits: Record<string, number>; cases: SizeCase[] };

const m = { path: 'example.com/large', version: 'v1.0.0' };
// Writing a 500 MiB zip is not worth the seconds; smaller successes are written for real.
const WRITE_LIMIT = 32 << 20;

function zeros(size: number): Readable {
  let left = size;
  const chunk = Buffer.alloc(64 << 10);
  return new Readable({
    read() {
      if (left <= 0) {
        this.push(null);
        return;
      }
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

function source(f: { path: string; size: number; content?: string }): ZipSourceFile {
  return {
    path: f.path,
    kind: 'regular',
    size: f.size,
    open: () => Promise.resolve(f.content !== undefined ? Buffer.from(f.content) : zeros(f.size)),
  };
}

function sink(): Writable {
  return new Writable({
    write(_c, _e, cb) {
      cb();
    },
  });
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir('modseal-sizes-');
});

it('limits match the exported constants', () => {
  expect(vec.limits).toEqual({
    MaxZipFile: MAX_ZIP_FILE,
    MaxGoMod: MAX_GO_MOD,
    MaxLICENSE: MAX_LICENSE,
  });
});

describe('create', () => {
  for (const c of vec.cases.filter((c) => c.create_err !== undefined)) {
    it(c.desc, async () => {
      const files = c.files!.map(source);
      const total = c.files!.reduce((a, f) => a + f.size, 0);
      if (c.create_err === '' && total > WRITE_LIMIT) {
        expect(checkedFilesError(checkFiles(files))).toBeUndefined();
        return;
      }
      const result = await createZip(sink(), m, files).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      if (c.create_err === '') expect(result).toBeUndefined();
      else expect(result?.message).toContain(c.create_err);
    });
  }
});

describe('check zip / unzip', () => {
  let n = 0;
  for (const c of vec.cases.filter((c) => c.unzip_err !== undefined)) {
    it(c.desc, async () => {
      const zipPath = path.join(dir, `z${n++}.zip`);
      if (c.zip_file_size !== undefined) {
        // A sparse file: the size check comes before any parsing.
        writeFileSync(zipPath, buildZip([]));
        const fd = openSync(zipPath, 'r+');
        ftruncateSync(fd, c.zip_file_size);
        closeSync(fd);
      } else {
        const entries = c.files!.map((f) => ({
          name: `${m.path}@${m.version}/${f.path}`,
          data: Buffer.alloc(0),
          declaredSize: f.size,
        }));
        writeFileSync(zipPath, buildZip(entries));
      }
      const cf = await checkZip(m, zipPath);
      const err = checkedFilesError(cf);
      if (c.unzip_err === '') {
        expect(err).toBeUndefined();
        return;
      }
      expect(err?.message).toContain(c.unzip_err);
      const result = await unzip(path.join(dir, `out${n}`), m, zipPath).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(result?.message).toContain(c.unzip_err);
    });
  }
});

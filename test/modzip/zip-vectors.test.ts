// Every x/mod zip test-data file (vectors/xmod/zip/testdata), run the way
// x/mod's own zip_test.go runs it; expected hashes, errors and reports come
// from the vector files.
import { createWriteStream, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashDir, hashZipFile } from '../../src/dirhash/index.js';
import { encodeGoString } from '../../src/internal/go-string.js';
import {
  checkDir,
  checkedFilesError,
  checkFiles,
  checkZip,
  createZip,
  createZipFromDir,
  FileErrorList,
  hashZipContent,
  rootGoModFile,
  unzip,
  type ZipSourceFile,
} from '../../src/modzip/index.js';
import { commentKeys, readTxtar, type TxtarFile } from '../support/txtar.js';
import { vectorsDir } from '../support/vectors.js';
import { formatCheckedFiles } from './format-checked.js';
import { buildZip } from './raw-zip.js';
import { tempDir } from '../support/temp-dir.js';

const testdata = path.join(vectorsDir, 'xmod/zip/testdata');

function txtarFiles(folder: string): string[] {
  return readdirSync(path.join(testdata, folder))
    .filter((n) => n.endsWith('.txt'))
    .sort();
}

interface Vector {
  path: string;
  version: string;
  hash: string;
  wantErr: string;
  files: TxtarFile[];
  want?: string;
}

function loadVector(folder: string, name: string): Vector {
  const t = readTxtar(path.join(testdata, folder, name));
  const keys = commentKeys(t.comment);
  for (const k of keys.keys()) {
    if (!['path', 'version', 'hash', 'wantErr'].includes(k)) throw new Error(`unknown key ${k}`);
  }
  const wantFile = t.files.find((f) => f.name === 'want');
  const v: Vector = {
    path: keys.get('path') ?? '',
    version: keys.get('version') ?? '',
    hash: keys.get('hash') ?? '',
    wantErr: keys.get('wantErr') ?? '',
    files: t.files.filter((f) => f !== wantFile),
  };
  if (wantFile !== undefined) v.want = wantFile.data.toString('utf8');
  return v;
}

function sourceFiles(files: readonly TxtarFile[]): ZipSourceFile[] {
  return files.map((f) => ({
    path: f.name,
    kind: 'regular',
    size: f.data.length,
    open: () => Promise.resolve(f.data),
  }));
}

/** Go's errors may carry non-UTF-8 bytes; compare them as Go strings. */
function expectErrorContaining(e: unknown, want: string): void {
  expect(e).toBeInstanceOf(Error);
  expect((e as Error).message).toContain(want);
}

let work: string;
beforeAll(async () => {
  work = await tempDir('modseal-zipvec-');
});

let counter = 0;
async function freshDir(): Promise<string> {
  const d = path.join(work, `d${counter++}`);
  mkdirSync(d, { recursive: true });
  return Promise.resolve(d);
}

function writeTree(dir: string, files: readonly TxtarFile[]): void {
  for (const f of files) {
    const full = Buffer.concat([Buffer.from(dir + '/'), encodeGoString(f.name)]);
    const parent = full.subarray(0, full.lastIndexOf(0x2f));
    mkdirSync(parent, { recursive: true });
    writeFileSync(full, f.data);
  }
}

function writeStreamDone(file: string): { out: NodeJS.WritableStream; closed: Promise<void> } {
  const out = createWriteStream(file);
  const closed = new Promise<void>((resolve) => out.on('close', () => resolve()));
  return { out, closed };
}

describe('create (x/mod Create on a file list)', () => {
  const names = txtarFiles('create');
  it('has all 16 vectors', () => {
    expect(names).toHaveLength(16);
  });
  for (const name of names) {
    it(name, async () => {
      const v = loadVector('create', name);
      expect(v.hash !== '' || v.wantErr !== '').toBe(true);
      const zipPath = path.join(await freshDir(), 'out.zip');
      const { out, closed } = writeStreamDone(zipPath);
      const m = { path: v.path, version: v.version };
      const result = await createZip(out, m, sourceFiles(v.files)).then(
        () => undefined,
        (e: unknown) => e,
      );
      await closed;
      if (v.wantErr !== '') {
        expectErrorContaining(result, v.wantErr);
        expect((result as Error).message.startsWith('create zip: ')).toBe(true);
        return;
      }
      expect(result).toBeUndefined();
      expect(await hashZipFile(zipPath)).toBe(v.hash);
    });
  }
});

describe('create_from_dir (x/mod CreateFromDir)', () => {
  const names = txtarFiles('create_from_dir');
  it('has all 13 vectors', () => {
    expect(names).toHaveLength(13);
  });
  for (const name of names) {
    it(name, async () => {
      const v = loadVector('create_from_dir', name);
      const base = await freshDir();
      const src = path.join(base, 'src');
      mkdirSync(src);
      writeTree(src, v.files);
      const zipPath = path.join(base, 'out.zip');
      const { out, closed } = writeStreamDone(zipPath);
      const result = await createZipFromDir(out, { path: v.path, version: v.version }, src).then(
        () => undefined,
        (e: unknown) => e,
      );
      await closed;
      if (v.wantErr !== '') {
        expectErrorContaining(result, v.wantErr);
        expect((result as Error).message.startsWith(`create zip ${src}: `)).toBe(true);
        return;
      }
      expect(result).toBeUndefined();
      expect(await hashZipFile(zipPath)).toBe(v.hash);
    });
  }
});

describe('unzip (x/mod Unzip, then HashDir of the result)', () => {
  const names = txtarFiles('unzip');
  it('has all 15 vectors', () => {
    expect(names).toHaveLength(15);
  });
  for (const name of names) {
    it(name, async () => {
      const v = loadVector('unzip', name);
      const base = await freshDir();
      const zipPath = path.join(base, 'in.zip');
      writeFileSync(zipPath, buildZip(v.files.map((f) => ({ name: f.name, data: f.data }))));
      const dest = path.join(base, 'out');
      const m = { path: v.path, version: v.version };
      const result = await unzip(dest, m, zipPath).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (v.wantErr !== '') {
        expectErrorContaining(result, v.wantErr);
        expect((result as Error).message.startsWith(`unzip ${zipPath}: `)).toBe(true);
        return;
      }
      expect(result).toBeUndefined();
      expect(await hashDir(dest, `${v.path}@${v.version}`)).toBe(v.hash);
    });
  }
});

describe('check_files (x/mod CheckFiles)', () => {
  const names = txtarFiles('check_files');
  it('has all 4 vectors', () => {
    expect(names).toHaveLength(4);
  });
  for (const name of names) {
    it(name, async () => {
      const v = loadVector('check_files', name);
      expect(v.want).toBeDefined();
      const files = sourceFiles(v.files);
      const goMod = rootGoModFile(files);
      const goModData = goMod === undefined ? undefined : ((await goMod.open()) as Uint8Array);
      const cf = checkFiles(files, goModData);
      expect(formatCheckedFiles(cf)).toBe(v.want);
      const err = checkedFilesError(cf);
      if (cf.invalid.length === 0) expect(err).toBeUndefined();
      else expect(err?.message).toBe(new FileErrorList(cf.invalid).message);
    });
  }
});

describe('check_dir (x/mod CheckDir)', () => {
  const names = txtarFiles('check_dir');
  it('has all 4 vectors', () => {
    expect(names).toHaveLength(4);
  });
  for (const name of names) {
    it(name, async () => {
      const v = loadVector('check_dir', name);
      const dir = await freshDir();
      writeTree(dir, v.files);
      const cf = await checkDir(dir);
      expect(formatCheckedFiles(cf).split(dir).join('$work')).toBe(v.want);
    });
  }
});

describe('check_zip (x/mod CheckZip)', () => {
  const names = txtarFiles('check_zip');
  it('has all 2 vectors', () => {
    expect(names).toHaveLength(2);
  });
  for (const name of names) {
    it(name, async () => {
      const v = loadVector('check_zip', name);
      const zipPath = path.join(await freshDir(), 'in.zip');
      writeFileSync(zipPath, buildZip(v.files.map((f) => ({ name: f.name, data: f.data }))));
      const m = { path: v.path, version: v.version };
      const cf = await checkZip(m, zipPath);
      expect(formatCheckedFiles(cf)).toBe(v.want);
      // The one-pass helper agrees with the separate check and hash.
      const both = await hashZipContent(m, zipPath);
      expect(formatCheckedFiles(both.checked)).toBe(v.want);
      expect(both.hash).toBe(await hashZipFile(zipPath));
      expect(both.error?.message).toBe(checkedFilesError(cf)?.message);
    });
  }
});

// Hash1 against the computed dirhash vectors and the real go.sum lines of
// vectors/sumdb (goSum section); HashZip/HashDir on the upstream
// TestHashDir/TestHashZip inputs.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  hash1,
  hash1Summary,
  hashBytesFiles,
  hashDir,
  hashGoMod,
  hashZipFile,
  sha256,
} from '../../src/dirhash/index.js';
import { vectorsDir } from '../support/vectors.js';
import { buildZip } from '../modzip/raw-zip.js';
import { tempDir } from '../support/temp-dir.js';

interface DirhashCase {
  desc: string;
  files: { name: string; content_utf8: string }[];
  summary: string;
  h1: string;
}

const dirhashVectors = JSON.parse(
  readFileSync(path.join(vectorsDir, 'xmod/sumdb/dirhash/vectors.json'), 'utf8'),
) as { cases: DirhashCase[] };

interface GoSum {
  goModHashes: {
    cases: { modulePath: string; version: string; goModText: string; goSumLine: string }[];
  };
  dirHash: { cases: { files: Record<string, string>; h1: string }[] };
}
const goSum = (
  JSON.parse(readFileSync(path.join(vectorsDir, 'sumdb/vectors.json'), 'utf8')) as {
    goSum: GoSum;
  }
).goSum;

describe('Hash1 (vectors/xmod/sumdb/dirhash)', () => {
  it('has all 7 cases', () => {
    expect(dirhashVectors.cases).toHaveLength(7);
  });
  for (const c of dirhashVectors.cases) {
    it(c.desc, () => {
      const files = c.files.map((f) => ({ name: f.name, data: Buffer.from(f.content_utf8) }));
      const hashed = files.map((f) => ({ name: f.name, sha256: sha256(f.data) }));
      expect(hash1Summary(hashed).toString('utf8')).toBe(c.summary);
      expect(hash1(hashed)).toBe(c.h1);
      expect(hashBytesFiles(files)).toBe(c.h1);
    });
  }

  it('refuses a name with a newline, with Go text', () => {
    expect(() => hashBytesFiles([{ name: 'a\nb', data: Buffer.alloc(0) }])).toThrow(
      'dirhash: filenames with newlines are not supported',
    );
  });
});

describe('go.sum lines (vectors/sumdb goSum)', () => {
  for (const c of goSum.goModHashes.cases) {
    it(`${c.modulePath} ${c.version}/go.mod`, () => {
      const line = `${c.modulePath} ${c.version}/go.mod ${hashGoMod(Buffer.from(c.goModText))}`;
      expect(line).toBe(c.goSumLine);
    });
  }
  for (const c of goSum.dirHash.cases) {
    it(`dirHash ${Object.keys(c.files).join(',')}`, () => {
      const files = Object.entries(c.files).map(([name, text]) => ({
        name,
        data: Buffer.from(text),
      }));
      expect(hashBytesFiles(files)).toBe(c.h1);
    });
  }
});

describe('HashZip and HashDir on the upstream inputs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('modseal-dirhash-');
  });
  const prefixed = goSum.dirHash.cases.find((c) => Object.keys(c.files)[0]?.startsWith('prefix/'));
  const bare = goSum.dirHash.cases.find((c) => !Object.keys(c.files)[0]?.startsWith('prefix/'));

  it('hashes a zip of prefix/xyz and prefix/abc', async () => {
    const zipPath = path.join(dir, 'a.zip');
    const entries = Object.entries(prefixed!.files).map(([name, text]) => ({
      name,
      data: Buffer.from(text),
    }));
    writeFileSync(zipPath, buildZip(entries));
    expect(await hashZipFile(zipPath)).toBe(prefixed!.h1);
  });

  it('hashes a directory with a prefix', async () => {
    const tree = path.join(dir, 'tree');
    mkdirSync(tree);
    for (const [name, text] of Object.entries(bare!.files)) {
      writeFileSync(path.join(tree, name), text);
    }
    expect(await hashDir(tree, 'prefix')).toBe(prefixed!.h1);
    expect(await hashDir(tree, 'prefix/')).toBe(prefixed!.h1);
    expect(await hashDir(tree, '')).toBe(bare!.h1);
  });
});

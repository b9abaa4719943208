// The "downloaded zip file too large" decision: Go refuses a module when the
// zip `git archive --format=zip` writes is larger than codehost.MaxZipFile.
// With a small limit injected into listArchive, the decision must flip exactly
// at the size of the zip git itself writes for the same commit and directory,
// whether the files are incompressible, highly compressible, or tiny files in
// deep, long-named directories (where headers, not data, make the size).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_ZIP_FILE, openRepo, type GitRepo } from '../../src/git/index.js';
import { createFixtureRepo, git, type FixtureFile } from '../support/git-fixture.js';
import { commitWithGitlink } from '../oracle/git-view.js';
import { tempDir } from '../support/temp-dir.js';

function noise(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

const longDir = `m${'x'.repeat(150)}`;
const files: FixtureFile[] = [
  { path: 'go.mod', content: 'module example.com/z\n' },
  { path: 'zeros.bin', content: Buffer.alloc(300_000) },
  { path: 'noise.bin', content: noise(100_000) },
  { path: 'run.sh', content: '#!/bin/sh\n', mode: '100755' },
  { path: 'link', content: 'go.mod', mode: '120000' },
  { path: 'empty', content: '' },
  { path: 'r\udce9.txt', content: 'x' },
  ...Array.from({ length: 40 }, (_, i) => ({
    path: `${longDir}/d${i}/e${i}/f${i}.go`,
    content: 'x',
  })),
  { path: `${longDir}/go.mod`, content: 'module example.com/z/m\n' },
];

let tmp = '';
let dir = '';
let commit = '';
let repo: GitRepo;

beforeAll(async () => {
  tmp = await tempDir('modseal-zipsize-test-');
  const fx = await createFixtureRepo(path.join(tmp, 'repo'), [{ files }]);
  dir = fx.dir;
  commit = await commitWithGitlink(dir, fx.commits[0] ?? '', 'sub', 'c'.repeat(40), 'v1.0.0');
  repo = await openRepo(dir);
});

/** Size of the zip git writes, run as cmd/go runs it (the fixture has no attributes). */
async function gitZipSize(subdir: string): Promise<number> {
  const args = ['-c', 'core.autocrlf=input', '-c', 'core.eol=lf', 'archive', '--format=zip'];
  args.push('--prefix=prefix/', commit, ...(subdir === '' ? [] : ['--', subdir]));
  return (await git(dir, args)).length;
}

describe('zip too large', () => {
  it('uses cmd/go codehost.MaxZipFile (500 MiB) by default', () => {
    expect(MAX_ZIP_FILE).toBe(500 * 1024 * 1024);
  });

  for (const [what, subdir] of [
    ['the repository root (incompressible, compressible and special files)', ''],
    ['a long-named module directory of tiny files in deep directories', longDir],
  ] as const) {
    it(`flips exactly at the size of git's zip: ${what}`, async () => {
      const size = await gitZipSize(subdir);
      expect((await repo.listArchive(commit, subdir, size)).zipTooLarge).toBe(false);
      expect((await repo.listArchive(commit, subdir, size - 1)).zipTooLarge).toBe(true);
      expect((await repo.listArchive(commit, subdir, 1)).zipTooLarge).toBe(true);
      expect((await repo.listArchive(commit, subdir)).zipTooLarge).toBe(false);
    });

    it(`bounds git's zip size from the tar pass: ${what}`, async () => {
      const bound = await repo.archive(commit, subdir, () => Promise.resolve());
      expect(bound).toBeGreaterThanOrEqual(await gitZipSize(subdir));
    });
  }

  it('measures the real zip when the bound passes the limit but the zip does not', async () => {
    // 300 kB of zeros deflate to almost nothing: the data bound alone is over.
    const size = await gitZipSize('');
    expect(size).toBeLessThan(200_000);
    expect((await repo.listArchive(commit, '', 200_000)).zipTooLarge).toBe(false);
  });
});

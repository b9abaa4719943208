// BlobReuseRepo answers what GitRepo answers: raw reads and commit times
// over its cat-file process, archive listings from objects or, near Go's
// zip limit, from git archive; in SHA-256 repositories too; and after
// close it leaves nothing behind and keeps answering through plain git.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BlobReuseRepo } from '../../src/git/blob-reuse-repo.js';
import { openRepo, type GitRepo } from '../../src/git/index.js';
import { tempDir } from '../support/temp-dir.js';
import { importRepo, type ImportFile } from '../modfetch/tree-hash-fixture.js';

const files = (hexLength: number): ImportFile[] => [
  { path: 'go.mod', content: 'module example.com/r\n\ngo 1.22\n' },
  { path: '.gitattributes', content: '* text=auto eol=lf\n' },
  { path: 'LICENSE', content: 'license\r\n' },
  { path: 'a.go', content: 'package r\n' },
  { path: 'link', content: 'a.go', mode: '120000' },
  { path: 'mod', mode: '160000', gitlink: 'e'.repeat(hexLength) },
  { path: 'sub/go.mod', content: 'module example.com/r/sub\n' },
  { path: 'sub/s.go', content: Buffer.alloc(70_000, 'x') },
  { path: 'sub/deeper/d.go', content: 'package deeper\n' },
];

const paths = [
  'go.mod',
  'LICENSE',
  'link',
  'mod',
  'sub',
  'sub/go.mod',
  'sub/s.go',
  'missing',
  'sub/missing',
  'a.go/below',
  'missing/go.mod',
  'sub/deeper/d.go',
];

for (const objectFormat of ['sha1', 'sha256'] as const) {
  describe(`BlobReuseRepo (${objectFormat})`, () => {
    let dir: string;
    let reference: GitRepo;
    let commits: string[];
    beforeAll(async () => {
      dir = path.join(await tempDir('modseal-blobrepo-'), 'repo');
      const hex = objectFormat === 'sha1' ? 40 : 64;
      commits = await importRepo(
        dir,
        [{ files: files(hex) }, { files: files(hex).filter((f) => f.path !== 'sub/s.go') }],
        { objectFormat },
      );
      reference = await openRepo(dir);
    });

    it('reads blobs and commit times as GitRepo does', async () => {
      const repo = await BlobReuseRepo.open(dir);
      try {
        for (const c of commits) {
          expect(await repo.commit(c)).toEqual(await reference.commit(c));
          for (const p of paths) {
            expect({ p, blob: await repo.readBlob(c, p) }).toEqual({
              p,
              blob: await reference.readBlob(c, p),
            });
          }
        }
        expect(repo.stats().objectsRead).toBeGreaterThan(0);
      } finally {
        await repo.close();
      }
    });

    it('lists archives as git archive does, for the root and for subdirectories', async () => {
      const repo = await BlobReuseRepo.open(dir);
      try {
        for (const c of commits) {
          for (const subdir of ['', 'sub', 'sub/deeper']) {
            expect(await repo.listArchive(c, subdir)).toEqual(
              await reference.listArchive(c, subdir),
            );
          }
        }
        expect(repo.stats()).toMatchObject({ fromObjects: 6, fromArchive: 0 });
        // A subdirectory git archive reads as a pattern, or one that is absent.
        for (const subdir of ['su?', 'missing']) {
          const ours = await repo.listArchive(commits[0] as string, subdir).catch((e: Error) => e);
          const theirs = await reference
            .listArchive(commits[0] as string, subdir)
            .catch((e: Error) => e);
          expect(ours).toEqual(theirs);
        }
        expect(repo.stats().fallbackReasons).toEqual({ pathspec: 1, 'not-a-directory': 1 });
      } finally {
        await repo.close();
      }
    });

    it("leaves a listing near Go's zip size limit to git archive", async () => {
      const repo = await BlobReuseRepo.open(dir);
      try {
        const c = commits[0] as string;
        // Far below the content: both say too large. Just above git's own
        // zip: git archive measures, the bound alone would not know.
        const zipSize = await reference.zipArchiveSize(c, '');
        for (const limit of [1000, zipSize + 1]) {
          const theirs = await reference.listArchive(c, '', limit);
          expect(await repo.listArchive(c, '', limit)).toEqual(theirs);
          expect(theirs.zipTooLarge).toBe(limit === 1000);
        }
        expect(repo.stats().fallbackReasons).toEqual({ size: 2 });
        expect(await repo.listArchive(c, '')).toMatchObject({ zipTooLarge: false });
        expect(repo.stats().fromObjects).toBe(1);
      } finally {
        await repo.close();
      }
    });
  });
}

describe('closing', () => {
  it('removes its scratch folders and still answers afterwards, through plain git', async () => {
    const dir = path.join(await tempDir('modseal-blobrepo-close-'), 'repo');
    const [c] = await importRepo(dir, [{ files: files(40) }]);
    const commit = c as string;
    // Scratch folders of this repository: they borrow its objects.
    const objects = path.join(dir, '.git', 'objects');
    const scratch = async () => {
      const found: string[] = [];
      for (const n of await readdir(os.tmpdir())) {
        if (!n.startsWith('modseal-blobs-')) continue;
        const alt = path.join(os.tmpdir(), n, 'git', 'objects', 'info', 'alternates');
        const text = await readFile(alt, 'utf8').catch(() => '');
        if (text.trim() === objects) found.push(path.join(os.tmpdir(), n));
      }
      return found;
    };
    const repo = await BlobReuseRepo.open(dir);
    const listing = await repo.listArchive(commit, '');
    const made = await scratch();
    expect(made.length).toBe(1);
    // The check-attr work tree lives inside it.
    expect((await readdir(made[0] as string)).sort()).toEqual(['attributes-1', 'git']);
    await repo.close();
    expect(existsSync(made[0] as string)).toBe(false);
    expect(await repo.listArchive(commit, '')).toEqual(listing);
    expect(await repo.readBlob(commit, 'go.mod')).toEqual(Buffer.from(files(40)[0]!.content!));
    expect(repo.stats().fromArchive).toBe(1);
  });
});

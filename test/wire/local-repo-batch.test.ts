// The LocalRepo port reads many blobs through one `git cat-file --batch`
// (the lint's speed on a repository of 60 modules). Every read must still
// give exactly git's bytes, whatever the contents look like (empty, binary,
// lines that look like cat-file's own headers), and an object git cannot
// read fails that read alone, as a repository error. Expected bytes come
// from `git cat-file blob`, never from the code under test.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openRepo, RepositoryError } from '../../src/git/index.js';
import { gitLocalRepo } from '../../src/wire/index.js';
import { createFixtureRepo, git } from '../support/git-fixture.js';
import { tempDir } from '../support/temp-dir.js';

const ABSENT = 'a'.repeat(40);

describe('gitLocalRepo reads in batches', () => {
  let dir: string;
  let commit: string;
  let broken: string;

  beforeAll(async () => {
    dir = path.join(await tempDir('modseal-localrepo-batch-'), 'repo');
    const files = [
      { path: 'go.mod', content: 'module example.com/batch\n' },
      { path: 'sub/go.mod', content: 'module example.com/batch/sub\n' },
      { path: 'empty.go', content: '' },
      // Looks like an answer of `git cat-file --batch` inside a blob.
      { path: 'header.go', content: `${'b'.repeat(40)} blob 3\nabc\n\n${ABSENT} missing\n` },
      { path: 'binary.bin', content: Buffer.from([0, 10, 255, 10, 10, 0, 13, 10]) },
      ...Array.from({ length: 40 }, (_, i) => ({
        path: `p/f${i}.go`,
        content: `package p\n\n// ${'x'.repeat(i * 97)}\n`,
      })),
    ];
    ({
      commits: [commit = ''],
    } = await createFixtureRepo(dir, [{ files, tags: ['v1.0.0'] }]));
    // A tree naming a blob the repository does not have (a damaged clone).
    const blob = (await git(dir, ['rev-parse', `${commit}:empty.go`])).toString().trim();
    const tree = (
      await git(dir, ['mktree', '--missing'], {
        input: `100644 blob ${blob}\ta.go\n100644 blob ${ABSENT}\tb.go\n100644 blob ${blob}\tc.go\n`,
      })
    )
      .toString()
      .trim();
    broken = (
      await git(dir, ['commit-tree', tree, '-m', 'broken'], {
        env: {
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@modseal.invalid',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@modseal.invalid',
        },
      })
    )
      .toString()
      .trim();
  });

  it("gives every file git's own bytes when all are read at once", async () => {
    const local = gitLocalRepo(await openRepo(dir));
    const files = await local.files(commit, '');
    const got = await Promise.all(files.map((f) => f.read()));
    expect(files.length).toBe(45);
    for (const [i, f] of files.entries()) {
      expect(got[i], f.path).toEqual(await git(dir, ['cat-file', 'blob', `${commit}:${f.path}`]));
    }
  });

  it('answers go.mod of a listed tree and of an unlisted revision alike', async () => {
    const local = gitLocalRepo(await openRepo(dir));
    const unlisted = await local.goMod('v1.0.0', 'sub');
    await local.files(commit, '');
    const listed = await local.goMod(commit, 'sub');
    const expected = await git(dir, ['cat-file', 'blob', `${commit}:sub/go.mod`]);
    expect(listed).toEqual(expected);
    expect(unlisted).toEqual(expected);
    expect(await local.goMod(commit, 'p')).toBeUndefined();
    expect((await local.modules(commit)).map((m) => [m.dir, m.modulePath]).sort()).toEqual([
      ['', 'example.com/batch'],
      ['sub', 'example.com/batch/sub'],
    ]);
  });

  it('fails only the read of an object git does not have, as a repository error', async () => {
    const local = gitLocalRepo(await openRepo(dir));
    const files = await local.files(broken, '');
    const got = await Promise.allSettled(files.map((f) => f.read()));
    expect(files.map((f) => f.path)).toEqual(['a.go', 'b.go', 'c.go']);
    expect(got[0]).toEqual({ status: 'fulfilled', value: Buffer.alloc(0) });
    expect(got[2]).toEqual({ status: 'fulfilled', value: Buffer.alloc(0) });
    expect(got[1]?.status).toBe('rejected');
    const reason = (got[1] as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(RepositoryError);
    expect(reason.message).toContain(ABSENT);
  });
});

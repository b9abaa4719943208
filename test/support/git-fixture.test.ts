// The fixture builder is checked against git itself: the gitzip vectors'
// recorded hashes, and repositories made the ordinary way (git add/commit).
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  addCommits,
  createFixtureRepo,
  git,
  gitzipRepoVectors,
  moveTag,
  rebuildGitzipRepos,
} from './git-fixture.js';
import { tempDir } from './temp-dir.js';

let tmp: string;

beforeAll(async () => {
  tmp = await tempDir('modseal-fixture-test-');
});

async function out(dir: string, args: string[]): Promise<string> {
  return (await git(dir, args)).toString('utf8').trim();
}

/** `git ls-tree -r -z` parsed: mode, blob hash and raw path bytes. */
async function lsTree(
  dir: string,
  rev: string,
): Promise<{ mode: string; blob: string; path: Buffer }[]> {
  const raw = await git(dir, ['ls-tree', '-r', '-z', '--full-tree', rev]);
  const rows: { mode: string; blob: string; path: Buffer }[] = [];
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== 0) continue;
    const rec = raw.subarray(start, i);
    start = i + 1;
    const tab = rec.indexOf(9);
    const [mode, , blob] = rec.subarray(0, tab).toString().split(' ');
    rows.push({ mode: mode ?? '', blob: blob ?? '', path: rec.subarray(tab + 1) });
  }
  return rows;
}

describe('rebuildGitzipRepos', () => {
  test('rebuilds every repository of gitzip/cases.json with the recorded hashes', async () => {
    const repos = await rebuildGitzipRepos(path.join(tmp, 'gitzip'));
    const vectors = gitzipRepoVectors();
    expect([...repos.keys()]).toEqual(vectors.map((r) => r.name));
    expect(vectors.map((r) => r.name)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    for (const repo of vectors) {
      const dir = repos.get(repo.name) ?? '';
      for (const c of repo.commits) {
        expect(await out(dir, ['rev-parse', `${c.commit}^{commit}`])).toBe(c.commit);
        expect(await out(dir, ['rev-parse', `${c.commit}^{tree}`])).toBe(c.tree_sha1);
        expect(await out(dir, ['log', '-1', '--format=%P', c.commit])).toBe(c.parents.join(' '));
        for (const t of c.tags) {
          expect(await out(dir, ['rev-parse', `refs/tags/${t}`])).toBe(c.commit);
        }
        const files = await lsTree(dir, c.commit);
        expect(files.map((f) => [f.mode, f.blob, f.path.toString('utf8')])).toEqual(
          c.files.map((f) => [f.mode, f.blob_sha1, f.path]),
        );
      }
      expect(await out(dir, ['rev-parse', 'main'])).toBe(repo.commits.at(-1)?.commit);
      expect(await out(dir, ['symbolic-ref', 'HEAD'])).toBe('refs/heads/main');
      const tags = (await out(dir, ['tag', '--list'])).split('\n').filter((t) => t !== '');
      expect(tags.sort()).toEqual(repo.commits.flatMap((c) => c.tags).sort());
    }
  });
});

describe('createFixtureRepo', () => {
  test('gives the commit that git add + git commit give for the same files', async () => {
    const fixture = await createFixtureRepo(path.join(tmp, 'plumbing'), [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/m\n\ngo 1.16\n' },
          { path: 'run.sh', content: '#!/bin/sh\n', mode: '100755' },
          { path: 'link', content: 'go.mod', mode: '120000' },
          { path: 'sub/dir/x.go', content: 'package dir\n' },
        ],
      },
    ]);

    const dir = path.join(tmp, 'porcelain');
    await mkdir(path.join(dir, 'sub/dir'), { recursive: true });
    await git(dir, ['init', '-q']);
    await writeFile(path.join(dir, 'go.mod'), 'module example.com/m\n\ngo 1.16\n');
    await writeFile(path.join(dir, 'run.sh'), '#!/bin/sh\n');
    await chmod(path.join(dir, 'run.sh'), 0o755);
    await symlink('go.mod', path.join(dir, 'link'));
    await writeFile(path.join(dir, 'sub/dir/x.go'), 'package dir\n');
    await git(dir, ['add', '-A']);
    const when = '2021-02-03T04:05:06Z';
    await git(dir, ['commit', '-q', '-m', 'commit 0'], {
      env: {
        GIT_AUTHOR_NAME: 'modseal test',
        GIT_AUTHOR_EMAIL: 'test@modseal.invalid',
        GIT_AUTHOR_DATE: when,
        GIT_COMMITTER_NAME: 'modseal test',
        GIT_COMMITTER_EMAIL: 'test@modseal.invalid',
        GIT_COMMITTER_DATE: when,
      },
    });
    expect(fixture.commits).toEqual([await out(dir, ['rev-parse', 'HEAD'])]);
  });

  test('stores raw bytes, non-UTF-8 names, exec bits and symlinks; checks out the work tree', async () => {
    const bytes = new Uint8Array([0, 0xff, 0x0d, 0x0a, 0x80]);
    const dir = path.join(tmp, 'raw');
    const { commits } = await createFixtureRepo(dir, [
      {
        files: [
          { path: 'caf\udce9.bin', content: bytes },
          { path: 'tool', content: 'x\n', mode: '100755' },
          { path: 'ln', content: 'tool', mode: '120000' },
          { path: '.gitattributes', content: '*.txt text eol=crlf\n' },
          { path: 'a.txt', content: 'one\ntwo\n' },
        ],
        message: 'raw\n',
        time: '2020-06-07T08:09:10+02:00',
      },
    ]);
    const files = await lsTree(dir, commits[0] ?? '');
    const byName = new Map(files.map((f) => [f.path.toString('latin1'), f]));
    expect(byName.get('caf\xe9.bin')?.mode).toBe('100644');
    expect(byName.get('tool')?.mode).toBe('100755');
    expect(byName.get('ln')?.mode).toBe('120000');
    expect(
      new Uint8Array(await git(dir, ['cat-file', 'blob', byName.get('caf\xe9.bin')?.blob ?? ''])),
    ).toEqual(bytes);
    expect((await git(dir, ['cat-file', 'blob', 'HEAD:ln'])).toString()).toBe('tool');
    // The blob keeps LF; the checked-out copy is smudged by .gitattributes.
    expect((await git(dir, ['cat-file', 'blob', 'HEAD:a.txt'])).toString()).toBe('one\ntwo\n');
    expect(await readFile(path.join(dir, 'a.txt'), 'utf8')).toBe('one\r\ntwo\r\n');
    const rawName = Buffer.concat([
      Buffer.from(`${dir}/caf`),
      Buffer.from([0xe9]),
      Buffer.from('.bin'),
    ]);
    expect(new Uint8Array(await readFile(rawName))).toEqual(bytes);
    expect(await out(dir, ['log', '-1', '--format=%an <%ae>|%cn <%ce>|%aI|%cI|%B'])).toBe(
      'modseal test <test@modseal.invalid>|modseal test <test@modseal.invalid>|' +
        '2020-06-07T08:09:10+02:00|2020-06-07T08:09:10+02:00|raw',
    );
    expect(await out(dir, ['status', '--porcelain'])).toBe('');
  });

  test('tags, moved tags, merges and appended commits', async () => {
    const dir = path.join(tmp, 'history');
    const { commits } = await createFixtureRepo(dir, [
      { files: [{ path: 'f', content: '0\n' }], tags: ['v1.0.0'] },
      {
        files: [{ path: 'f', content: '1\n' }],
        tags: [{ name: 'v1.1.0', annotated: true, message: 'release 1.1\n' }],
      },
      { files: [{ path: 'g', content: 'side\n' }], parents: [0] },
    ]);
    const [c0, c1, c2] = commits;
    expect(await out(dir, ['log', '-1', '--format=%P', c1 ?? ''])).toBe(c0);
    expect(await out(dir, ['log', '-1', '--format=%P', c2 ?? ''])).toBe(c0);
    // Default times step by a minute from 2021-02-03T04:05:06Z.
    expect(await out(dir, ['log', '-1', '--format=%cI', c2 ?? ''])).toBe(
      '2021-02-03T04:07:06+00:00',
    );
    expect(await out(dir, ['cat-file', '-t', 'refs/tags/v1.0.0'])).toBe('commit');
    expect(await out(dir, ['cat-file', '-t', 'refs/tags/v1.1.0'])).toBe('tag');
    expect(
      await out(dir, [
        'for-each-ref',
        '--format=%(taggername) %(taggeremail)|%(contents)',
        'refs/tags/v1.1.0',
      ]),
    ).toBe('modseal test <test@modseal.invalid>|release 1.1');
    expect(await out(dir, ['rev-parse', 'v1.1.0^{commit}'])).toBe(c1);
    expect(await out(dir, ['rev-parse', 'HEAD'])).toBe(c2);

    await moveTag(dir, 'v1.0.0', 1);
    await moveTag(dir, 'v1.1.0', c2 ?? '');
    expect(await out(dir, ['rev-parse', 'v1.0.0'])).toBe(c1);
    expect(await out(dir, ['cat-file', '-t', 'refs/tags/v1.1.0'])).toBe('tag');
    expect(await out(dir, ['rev-parse', 'v1.1.0^{commit}'])).toBe(c2);
    expect(await out(dir, ['for-each-ref', '--format=%(contents)', 'refs/tags/v1.1.0'])).toBe(
      'release 1.1',
    );

    const [merge, next] = await addCommits(dir, [
      {
        files: [
          { path: 'f', content: '1\n' },
          { path: 'g', content: 'side\n' },
        ],
        parents: [1, 2],
      },
      { files: [{ path: 'h', content: 'h\n' }] },
    ]);
    expect(await out(dir, ['log', '-1', '--format=%P', merge ?? ''])).toBe(`${c1} ${c2}`);
    expect(await out(dir, ['log', '-1', '--format=%P', next ?? ''])).toBe(merge);
    expect(await out(dir, ['rev-parse', 'main'])).toBe(next);
    expect(await readFile(path.join(dir, 'h'), 'utf8')).toBe('h\n');
    expect(await out(dir, ['ls-files'])).toBe('h');
  });

  test('the same description gives the same hashes in another directory', async () => {
    const spec = [
      { files: [{ path: 'go.mod', content: 'module example.com/d\n' }], tags: ['v1.0.0'] },
      { files: [{ path: 'go.mod', content: 'module example.com/d\n\ngo 1.16\n' }] },
    ];
    const one = await createFixtureRepo(path.join(tmp, 'same1'), spec);
    const two = await createFixtureRepo(path.join(tmp, 'same2'), spec);
    expect(two.commits).toEqual(one.commits);
    expect(new Set(one.commits).size).toBe(2);
  });
});

// openRepo and GitRepo against repositories in every shape a user may hand
// us (work tree, subdirectory, bare, linked worktree, objects in alternates,
// shallow clone), with expected values from git's own plumbing. Also: the
// archive never writes to the user's repository and cleans up after itself,
// on success and on failure.
import { mkdir, mkdtemp, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashCommand } from '../../src/cli/hash-command.js';
import {
  createGitRunner,
  GitRepo,
  openRepo,
  RepositoryError,
  TarFormatError,
  type ArchiveFile,
  type ArchiveMember,
  type GitRunner,
} from '../../src/git/index.js';
import { InputError } from '../../src/internal/errors.js';
import { encodeGoString } from '../../src/internal/go-string.js';
import { createFixtureRepo, git } from '../support/git-fixture.js';
import {
  catBlob,
  commitWithGitlink,
  filesTruth,
  sha256hex,
  snapshot,
  withEnv,
  type FileTruth,
} from '../oracle/git-view.js';
import { tempDir } from '../support/temp-dir.js';

let tmp = '';
let src = '';
const c: string[] = [];

const text = async (dir: string, args: string[]) => (await git(dir, args)).toString().trim();

beforeAll(async () => {
  tmp = await realpath(await tempDir('modseal-gitrepo-test-'));
  const base = [
    { path: 'go.mod', content: 'module example.com/r\n' },
    { path: 'LICENSE', content: 'licence\r\n' },
    { path: 'dir/a.go', content: 'package dir\n' },
    { path: 'dir/sub/b.go', content: 'package sub\n' },
    { path: 'dir/go.mod', content: 'module example.com/r/dir\n' },
    { path: 'dir/link', content: '../go.mod', mode: '120000' as const },
    { path: 'run.sh', content: '#!/bin/sh\n', mode: '100755' as const },
    { path: 'empty', content: '' },
    { path: 'n\udcff.txt', content: 'raw name\n' },
  ];
  const fx = await createFixtureRepo(path.join(tmp, 'src'), [
    {
      files: base,
      tags: [
        'v1.0.0',
        { name: 'sub/v1.0.0', annotated: true },
        { name: 'a/b/v2.0.0', annotated: true },
      ],
    },
    {
      files: [...base, { path: 'c.go', content: 'package r\n' }],
      tags: [{ name: 'v1.1.0', annotated: true }],
    },
  ]);
  src = fx.dir;
  c.push(...fx.commits);
  c.push(await commitWithGitlink(src, c[1] ?? '', 'sub', 'b'.repeat(40), 'v1.2.0'));
  // A tag of a tag, tags of a tree and of a blob, and a second branch.
  const tagger = 'tagger t <t@modseal.invalid> 1612325106 +0000';
  const v110 = await text(src, ['rev-parse', 'refs/tags/v1.1.0']);
  const nestedObj = (
    await git(src, ['mktag'], {
      input: `object ${v110}\ntype tag\ntag nested\n${tagger}\n\nnested\n`,
    })
  )
    .toString()
    .trim();
  await git(src, ['update-ref', 'refs/tags/nested', nestedObj]);
  await git(src, [
    'update-ref',
    'refs/tags/treetag',
    await text(src, ['rev-parse', `${c[0]}^{tree}`]),
  ]);
  const blob = await text(src, ['rev-parse', `${c[0]}:go.mod`]);
  const blobTag = (
    await git(src, ['mktag'], {
      input: `object ${blob}\ntype blob\ntag blobtag\n${tagger}\n\nblob\n`,
    })
  )
    .toString()
    .trim();
  await git(src, ['update-ref', 'refs/tags/blobtag', blobTag]);
  await git(src, ['update-ref', 'refs/heads/feature', c[0] ?? '']);
});

/** Tags and heads as git resolves them: `<name>^{commit}`, absent when that fails. */
async function refsTruth(dir: string) {
  const peel = async (ref: string) => {
    try {
      return await text(dir, ['rev-parse', '--verify', '-q', `${ref}^{commit}`]);
    } catch {
      return undefined;
    }
  };
  const names = async (ns: string) =>
    (await text(dir, ['for-each-ref', '--format=%(refname)', ns])).split('\n').filter(Boolean);
  const tags = new Map<string, string>();
  for (const ref of await names('refs/tags')) {
    const h = await peel(ref);
    if (h !== undefined) tags.set(ref.slice('refs/tags/'.length), h);
  }
  const heads = new Map<string, string>();
  for (const ref of await names('refs/heads')) {
    heads.set(ref.slice('refs/heads/'.length), (await peel(ref)) ?? '');
  }
  return { tags, heads, head: await peel('HEAD') };
}

function comparable(files: ArchiveFile[]) {
  return files.map((f) => ({
    path: encodeGoString(f.path).toString('latin1'),
    kind: f.kind,
    size: f.size,
    sha256: f.sha256.toString('hex'),
  }));
}

function comparableTruth(files: FileTruth[]) {
  return files.map((f) => ({
    path: f.path.toString('latin1'),
    kind: f.kind,
    size: f.size,
    sha256: f.sha256,
  }));
}

async function expectArchiveMatchesGit(repo: GitRepo, rev: string, subdir = '') {
  const listing = await repo.listArchive(rev, subdir);
  expect(comparable(listing.files)).toEqual(comparableTruth(await filesTruth(src, rev, subdir)));
  return listing;
}

describe('openRepo', () => {
  it('rejects a directory outside any repository, naming the fix', async () => {
    const empty = await mkdtemp(path.join(tmp, 'not-a-repo-'));
    const err = await openRepo(empty).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain(`${empty} is not a git repository`);
    expect((err as Error).message).toMatch(/clone.*actions\/checkout/);
  });

  it('rejects a missing directory and a file with InputError', async () => {
    await expect(openRepo(path.join(tmp, 'missing'))).rejects.toThrow(
      new InputError(`${path.join(tmp, 'missing')}: no such directory`),
    );
    const file = path.join(tmp, 'a-file');
    await writeFile(file, 'x');
    const err = await openRepo(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain(`${file} is not a directory`);
  });

  it('says so when git cannot be run', async () => {
    const runner = createGitRunner({ git: path.join(tmp, 'no-such-git') });
    const err = await openRepo(src, runner).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/^cannot run git .*install git/);
  });

  it('opens a work tree, from its root or a subdirectory', async () => {
    const objects = await realpath(path.join(src, '.git', 'objects'));
    for (const d of [src, path.join(src, 'dir', 'sub')]) {
      const repo = await openRepo(d);
      expect(repo.dir).toBe(d);
      expect(await realpath(repo.objectsDir)).toBe(objects);
      expect(repo.shallow).toBe(false);
      expect(repo.objectFormat).toBe('sha1');
      // Blob paths are from the root of the tree whatever the directory.
      expect(await repo.readBlob(c[0] ?? '', 'go.mod')).toEqual(
        await git(src, ['cat-file', 'blob', `${c[0]}:go.mod`]),
      );
      await expectArchiveMatchesGit(repo, c[0] ?? '');
    }
  });

  it('opens a bare clone', async () => {
    const bare = path.join(tmp, 'bare.git');
    await git(tmp, ['clone', '-q', '--bare', src, bare]);
    const repo = await openRepo(bare);
    expect(await realpath(repo.objectsDir)).toBe(await realpath(path.join(bare, 'objects')));
    const truth = await refsTruth(bare);
    expect((await repo.refs()).tags).toEqual(truth.tags);
    await expectArchiveMatchesGit(repo, c[1] ?? '', 'dir');
  });

  it('opens a linked worktree (objects in the main repository)', async () => {
    const wt = path.join(tmp, 'wt');
    await git(src, ['worktree', 'add', '-q', '--detach', wt, 'v1.0.0']);
    const repo = await openRepo(wt);
    expect(await realpath(repo.objectsDir)).toBe(await realpath(path.join(src, '.git', 'objects')));
    expect((await repo.refs()).head).toBe(c[0]);
    expect((await repo.refs()).tags).toEqual((await refsTruth(src)).tags);
    await expectArchiveMatchesGit(repo, c[1] ?? '');
  });

  it('opens repositories whose objects live in alternates (absolute and relative)', async () => {
    const shared = path.join(tmp, 'shared');
    await git(tmp, ['clone', '-q', '--shared', src, shared]);
    const rel = path.join(tmp, 'rel');
    await git(tmp, ['init', '-q', '--bare', rel]);
    await writeFile(
      path.join(rel, 'objects', 'info', 'alternates'),
      path.relative(path.join(rel, 'objects'), path.join(src, '.git', 'objects')) + '\n',
    );
    await git(rel, ['update-ref', 'refs/tags/v1.1.0', c[1] ?? '']);
    for (const d of [shared, rel]) {
      // Nothing of the commit is stored in the repository itself.
      expect(await text(d, ['count-objects'])).toMatch(/^0 objects/);
      const repo = await openRepo(d);
      expect((await repo.refs()).tags.get('v1.1.0')).toBe(c[1]);
      await expectArchiveMatchesGit(repo, c[1] ?? '');
    }
  });

  it('detects a shallow clone, which lacks older tags, and the CLI says what to do', async () => {
    const shallow = path.join(tmp, 'shallow');
    await git(tmp, ['clone', '-q', '--depth', '1', '--branch', 'v1.1.0', `file://${src}`, shallow]);
    expect(await text(shallow, ['rev-parse', '--is-shallow-repository'])).toBe('true');
    const repo = await openRepo(shallow);
    expect(repo.shallow).toBe(true);
    expect((await repo.refs()).tags).toEqual((await refsTruth(shallow)).tags);
    expect((await repo.refs()).tags.has('v1.0.0')).toBe(false);
    await expectArchiveMatchesGit(repo, c[1] ?? '');
    const io = { stdout: () => undefined, stderr: () => undefined, env: process.env, cwd: tmp };
    const err = await hashCommand(['--repo', shallow, '--ref', 'v1.0.0'], io).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain('unknown ref "v1.0.0"');
    expect((err as Error).message).toContain('shallow clone');
    expect((err as Error).message).toContain('git fetch --tags');
  });
});

describe('refs and commits', () => {
  it('peels annotated tags (and tags of tags), keeps prefixed tags, drops tags of trees and blobs', async () => {
    const repo = await openRepo(src);
    const got = await repo.refs();
    const truth = await refsTruth(src);
    expect(got).toEqual(truth);
    // The fixture really has every kind of tag the assertion above relies on.
    expect(await text(src, ['cat-file', '-t', 'refs/tags/nested'])).toBe('tag');
    expect([...got.tags.keys()]).toEqual(expect.arrayContaining(['sub/v1.0.0', 'a/b/v2.0.0']));
    expect(got.tags.get('nested')).toBe(c[1]);
    expect(got.tags.has('treetag')).toBe(false);
    expect(got.tags.has('blobtag')).toBe(false);
  });

  it('reads commit facts, hashes, ancestry and merged tags as git does', async () => {
    const repo = await openRepo(src);
    const [hash, time] = (await text(src, ['log', '-1', '--format=%H %ct', c[1] ?? ''])).split(' ');
    expect(await repo.commit(c[1] ?? '')).toEqual({ hash, time: Number(time) });
    expect(await repo.resolveHash((c[1] ?? '').slice(0, 10))).toBe(c[1]);
    expect(await repo.resolveHash('0000000000')).toBeUndefined();
    expect(await repo.resolveAny('main~1')).toBe(await text(src, ['rev-parse', 'main~1']));
    expect(await repo.resolveAny('no-such-ref')).toBeUndefined();
    expect(await repo.isAncestor(c[0] ?? '', c[2] ?? '')).toBe(true);
    expect(await repo.isAncestor(c[2] ?? '', c[0] ?? '')).toBe(false);
    const merged = (await text(src, ['tag', '--merged', c[1] ?? ''])).split('\n');
    expect((await repo.tagsMergedInto(c[1] ?? '')).sort()).toEqual(merged.sort());
  });
});

describe('readBlob', () => {
  it('gives raw blobs and the target of a symlink; nothing for trees, gitlinks and missing paths', async () => {
    const repo = await openRepo(src);
    const tip = c[2] ?? '';
    expect(await repo.readBlob(tip, 'LICENSE')).toEqual(
      await git(src, ['cat-file', 'blob', `${tip}:LICENSE`]),
    );
    expect((await repo.readBlob(tip, 'dir/link'))?.toString()).toBe(
      (await git(src, ['cat-file', 'blob', `${tip}:dir/link`])).toString(),
    );
    expect((await repo.readBlob(tip, 'dir/link'))?.toString()).toBe('../go.mod');
    expect(await repo.readBlob(tip, 'dir')).toBeUndefined();
    expect(await repo.readBlob(tip, 'sub')).toBeUndefined();
    expect(await repo.readBlob(tip, 'missing.go')).toBeUndefined();
    expect(await repo.readBlob('f'.repeat(40), 'go.mod')).toBeUndefined();
  });
});

describe('archive', () => {
  it('lists files with raw names, symlinks with their target as content, no gitlinks', async () => {
    const repo = await openRepo(src);
    const listing = await expectArchiveMatchesGit(repo, c[2] ?? '');
    expect(listing.files.map((f) => f.path)).toContain('n\udcff.txt');
    expect(listing.files.some((f) => f.path === 'sub' || f.path.startsWith('sub/'))).toBe(false);
    expect(listing.goMod).toEqual(await git(src, ['cat-file', 'blob', `${c[2]}:go.mod`]));
    expect(listing.zipTooLarge).toBe(false);
    const sub = await expectArchiveMatchesGit(repo, c[2] ?? '', 'dir');
    expect(sub.goMod?.toString()).toBe('module example.com/r/dir\n');
  });

  it('hands each member its content as the zip holds it', async () => {
    const repo = await openRepo(src);
    const members: { path: string; kind: string; size: number; sha256: string }[] = [];
    await repo.archive(c[0] ?? '', 'dir', async (m: ArchiveMember) => {
      const parts: Buffer[] = [];
      for await (const b of m.body()) parts.push(Buffer.from(b));
      const body = Buffer.concat(parts);
      expect(body.length).toBe(m.size);
      members.push({ path: m.path, kind: m.kind, size: m.size, sha256: sha256hex(body) });
    });
    const truth = await filesTruth(src, c[0] ?? '', 'dir');
    expect(members).toEqual(
      truth.map((t) => ({ path: t.path.toString(), kind: t.kind, size: t.size, sha256: t.sha256 })),
    );
    expect(members.find((m) => m.path === 'link')?.sha256).toBe(
      sha256hex(await catBlob(src, await text(src, ['rev-parse', `${c[0]}:dir/link`]))),
    );
  });

  it('reports a missing subdirectory as Go does', async () => {
    const repo = await openRepo(src);
    await expect(repo.listArchive(c[0] ?? '', 'nope')).rejects.toThrow(/^file does not exist$/);
  });

  it('never changes the repository and removes its temporary directories, also on failure', async () => {
    const privateTmp = await mkdtemp(path.join(tmp, 'tmpdir-'));
    const before = await snapshot(src);
    await withEnv({ TMPDIR: privateTmp }, async () => {
      expect(os.tmpdir()).toBe(privateTmp);
      const repo = await openRepo(src);
      await repo.listArchive(c[2] ?? '', '');
      await repo.listArchive(c[2] ?? '', 'dir');
      expect(await readdir(privateTmp)).toEqual([]);
      await expect(repo.listArchive(c[2] ?? '', 'nope')).rejects.toThrow('file does not exist');
      expect(await readdir(privateTmp)).toEqual([]);
      await expect(repo.listArchive('e'.repeat(40), '')).rejects.toThrow(/^git archive: /);
      expect(await readdir(privateTmp)).toEqual([]);
      // The consumer gives up after the first member: git is stopped, the
      // temporary repository removed, the consumer's error passed on.
      const stop = new Error('consumer stopped');
      await expect(repo.archive(c[2] ?? '', '', () => Promise.reject(stop))).rejects.toBe(stop);
      expect(await readdir(privateTmp)).toEqual([]);
    });
    expect(await snapshot(src)).toEqual(before);
  });

  it('leaves a bare repository untouched too', async () => {
    const bare = path.join(tmp, 'untouched.git');
    await git(tmp, ['clone', '-q', '--bare', src, bare]);
    await mkdir(path.join(bare, 'info'), { recursive: true });
    const before = await snapshot(bare);
    const repo = await openRepo(bare);
    await repo.refs();
    await repo.listArchive(c[1] ?? '', '');
    await repo.readBlob(c[1] ?? '', 'go.mod');
    await repo.commit(c[1] ?? '');
    await expect(repo.listArchive(c[1] ?? '', 'nope')).rejects.toThrow('file does not exist');
    expect(await snapshot(bare)).toEqual(before);
  });
});

describe('a consumer that gives up early', () => {
  // git is still writing a large archive when the consumer stops: the
  // output already read into the stream is never read by anyone, and the
  // archive must still end (git killed, its output let go) instead of
  // waiting forever for a stream nobody drains. It hung now and then
  // before, depending on how much output was buffered at the kill.
  it("ends with the consumer's error however much output is left", async () => {
    const dir = path.join(await tempDir('modseal-giveup-'), 'repo');
    await createFixtureRepo(dir, [
      {
        files: [
          { path: 'a.go', content: 'package a\n' },
          ...Array.from({ length: 8 }, (_, i) => ({
            path: `big${i}.bin`,
            content: Buffer.alloc(256 * 1024, i + 1),
          })),
        ],
      },
    ]);
    const repo = await openRepo(dir);
    const head = (await git(dir, ['rev-parse', 'HEAD'])).toString('utf8').trim();
    for (let i = 0; i < 20; i++) {
      const stop = new Error(`consumer stopped ${i}`);
      await expect(repo.archive(head, '', () => Promise.reject(stop))).rejects.toBe(stop);
    }
  }, 30_000);
});

describe('when git fails mid-archive', () => {
  // A git that writes part of an archive, then dies: the header of a
  // 1000-byte file and 100 bytes of it, as a clone missing an object leaves
  // behind when git stops between its buffered writes.
  function cutArchive(): Buffer {
    const header = Buffer.alloc(512);
    header.write('prefix/a.go', 0, 'latin1');
    header.write('0001750\0', 124, 'latin1'); // size 1000, octal
    header.write('0', 156, 'latin1');
    header.write('ustar\u000000', 257, 'latin1');
    return Buffer.concat([header, Buffer.alloc(100, 0x61)]);
  }

  function fakeGit(stderr: string, code: number): GitRunner {
    return {
      run: () => Promise.resolve({ code: 0, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0) }),
      stream: () => ({
        stdout: Readable.from([cutArchive()]),
        done: Promise.resolve({ code, stderr: Buffer.from(stderr) }),
        kill: () => undefined,
      }),
    };
  }

  it("reports git's own words, not the cut archive", async () => {
    const said = "fatal: cannot read object 0123456789abcdef0123456789abcdef01234567 'a.go'\n";
    const repo = new GitRepo(
      src,
      path.join(src, '.git', 'objects'),
      false,
      'sha1',
      fakeGit(said, 128),
    );
    const err = await repo.listArchive(c[0] ?? '', '').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RepositoryError);
    expect((err as Error).message).toMatch(
      /^git archive: fatal: cannot read object 0123456789abcdef0123456789abcdef01234567 'a\.go': the clone lacks objects/,
    );
  });

  it('a cut archive from a git that said nothing is still reported as cut', async () => {
    const repo = new GitRepo(src, path.join(src, '.git', 'objects'), false, 'sha1', fakeGit('', 0));
    await expect(repo.listArchive(c[0] ?? '', '')).rejects.toThrow(TarFormatError);
  });
});

describe('a blob git cannot read', () => {
  it('is a RepositoryError naming the object, while a missing path is still nothing', async () => {
    const dir = path.join(tmp, 'lost-blob');
    const {
      commits: [commit = ''],
    } = await createFixtureRepo(dir, [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/lost\n' },
          { path: 'LICENSE', content: 'lost licence\n' },
        ],
      },
    ]);
    const oid = await text(dir, ['rev-parse', `${commit}:LICENSE`]);
    const repo = await openRepo(dir);
    expect((await repo.readBlob(commit, 'LICENSE'))?.toString()).toBe('lost licence\n');
    // A fresh commit's objects are loose files: take one away.
    await rm(path.join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
    const err = await repo.readBlob(commit, 'LICENSE').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RepositoryError);
    expect((err as Error).message).toContain(`(LICENSE is blob ${oid})`);
    expect(await repo.readBlob(commit, 'missing.go')).toBeUndefined();
  });
});

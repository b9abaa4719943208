// What git itself says about a commit, for the expected side of the src/git
// tests: trees and blobs through plumbing (`ls-tree`, `cat-file`), never
// through the code under test. Also small tools the tests share: a gitlink
// commit made with `git mktree`, a full snapshot of a directory, and a
// scoped process.env override.
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { git } from '../support/git-fixture.js';

export function sha256hex(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
  /** Raw path bytes from the root of the tree. */
  path: Buffer;
}

/** Every entry of `rev`'s tree (trees included, before their contents), as `git ls-tree -r -t -z`. */
export async function lsTree(dir: string, rev: string): Promise<TreeEntry[]> {
  const out = await git(dir, ['ls-tree', '-r', '-t', '-z', '--full-tree', rev]);
  const entries: TreeEntry[] = [];
  let i = 0;
  while (i < out.length) {
    const end = out.indexOf(0, i);
    const rec = out.subarray(i, end);
    const tab = rec.indexOf(0x09);
    const [mode = '', type = '', oid = ''] = rec.subarray(0, tab).toString('latin1').split(' ');
    entries.push({
      mode,
      type: type as TreeEntry['type'],
      oid,
      path: Buffer.from(rec.subarray(tab + 1)),
    });
    i = end + 1;
  }
  return entries;
}

/** The raw blob `oid` (`git cat-file blob`). */
export function catBlob(dir: string, oid: string): Promise<Buffer> {
  return git(dir, ['cat-file', 'blob', oid]);
}

/** One tar member as a reader should report it. */
export interface TarTruth {
  name: string;
  kind: 'file' | 'symlink' | 'dir';
  size: number;
  linkName: string;
  sha256: string;
}

/**
 * The members `git archive --format=tar --prefix=<prefix> <rev>` holds, from
 * git's own view of the tree: the prefix directory, then every tree entry in
 * tree order (directories and gitlinks as directories named with a slash,
 * symlinks with their blob as target). Names are latin1 strings of the raw
 * bytes so that non-UTF-8 names compare exactly. Only valid for trees without
 * conversion attributes.
 */
export async function tarTruth(dir: string, rev: string, prefix: string): Promise<TarTruth[]> {
  const out: TarTruth[] = [
    { name: prefix, kind: 'dir', size: 0, linkName: '', sha256: sha256hex(Buffer.alloc(0)) },
  ];
  for (const e of await lsTree(dir, rev)) {
    const name = Buffer.concat([Buffer.from(prefix), e.path]).toString('latin1');
    if (e.type === 'tree' || e.type === 'commit') {
      out.push({
        name: name + '/',
        kind: 'dir',
        size: 0,
        linkName: '',
        sha256: sha256hex(Buffer.alloc(0)),
      });
    } else if (e.mode === '120000') {
      const target = await catBlob(dir, e.oid);
      out.push({
        name,
        kind: 'symlink',
        size: 0,
        linkName: target.toString('latin1'),
        sha256: sha256hex(Buffer.alloc(0)),
      });
    } else {
      const content = await catBlob(dir, e.oid);
      out.push({
        name,
        kind: 'file',
        size: content.length,
        linkName: '',
        sha256: sha256hex(content),
      });
    }
  }
  return out;
}

/** A file of `rev` below `subdir` as the archive listing should report it (no conversions). */
export interface FileTruth {
  /** Raw path bytes relative to `subdir`. */
  path: Buffer;
  kind: 'regular' | 'symlink';
  size: number;
  sha256: string;
}

/** Blobs of `rev` under `subdir`, in tree order, with their raw content (symlink: target). */
export async function filesTruth(dir: string, rev: string, subdir = ''): Promise<FileTruth[]> {
  const strip = subdir === '' ? Buffer.alloc(0) : Buffer.from(subdir + '/');
  const out: FileTruth[] = [];
  for (const e of await lsTree(dir, rev)) {
    if (e.type !== 'blob' || !e.path.subarray(0, strip.length).equals(strip)) continue;
    const content = await catBlob(dir, e.oid);
    out.push({
      path: e.path.subarray(strip.length),
      kind: e.mode === '120000' ? 'symlink' : 'regular',
      size: content.length,
      sha256: sha256hex(content),
    });
  }
  return out;
}

const fixedIdentity = {
  GIT_AUTHOR_NAME: 'modseal test',
  GIT_AUTHOR_EMAIL: 'test@modseal.invalid',
  GIT_AUTHOR_DATE: '1612325106 +0000',
  GIT_COMMITTER_NAME: 'modseal test',
  GIT_COMMITTER_EMAIL: 'test@modseal.invalid',
  GIT_COMMITTER_DATE: '1612325106 +0000',
};

/**
 * A child of `parent` whose root tree is the parent's plus a gitlink `name`
 * pointing at `target` (a commit that need not exist), built with
 * `git mktree`; tagged `tag` (lightweight). Returns the new commit.
 */
export async function commitWithGitlink(
  dir: string,
  parent: string,
  name: string,
  target: string,
  tag: string,
): Promise<string> {
  const root = await git(dir, ['ls-tree', '-z', parent]);
  const entry = Buffer.from(`160000 commit ${target}\t${name}\0`);
  const tree = (await git(dir, ['mktree', '-z'], { input: Buffer.concat([root, entry]) }))
    .toString()
    .trim();
  const commit = (
    await git(dir, ['commit-tree', tree, '-p', parent], { input: 'gitlink\n', env: fixedIdentity })
  )
    .toString()
    .trim();
  await git(dir, ['update-ref', `refs/tags/${tag}`, commit]);
  return commit;
}

/**
 * Path → what identifies it on disk: kind, mode, mtime, size and content (or
 * link target). Names are handled as bytes (a work tree may hold non-UTF-8 names).
 */
export async function snapshot(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (rel: Buffer): Promise<void> => {
    const abs = Buffer.concat([Buffer.from(root), rel]);
    const key = rel.toString('latin1');
    const st = await lstat(abs);
    const head = `${st.mode.toString(8)} ${st.mtimeMs} ${st.size}`;
    if (st.isDirectory()) {
      out.set(key + '/', head);
      const names = await readdir(abs, { encoding: 'buffer' });
      for (const name of names.sort((a, b) => Buffer.compare(a, b))) {
        await walk(Buffer.concat([rel, Buffer.from('/'), name]));
      }
    } else if (st.isSymbolicLink()) {
      out.set(key, `${head} -> ${(await readlink(abs, { encoding: 'buffer' })).toString('hex')}`);
    } else {
      out.set(key, `${head} ${sha256hex(await readFile(abs))}`);
    }
  };
  await walk(Buffer.alloc(0));
  return out;
}

/** Runs `fn` with `vars` set in process.env (undefined: removed), restoring it afterwards. */
export async function withEnv<T>(
  vars: Record<string, string | undefined>,
  fn: () => Promise<T>,
): Promise<T> {
  const saved = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries(vars)) {
    saved.set(k, process.env[k]);
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await fn();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

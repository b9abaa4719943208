// Listing a commit's directory from tree objects over `cat-file --batch`,
// judged by `git ls-tree -r -t -z -l` on the same commit: the same entries
// in the same order with the same modes, ids and raw path bytes (names that
// are not UTF-8 included), in SHA-1 and SHA-256 repositories; every
// `.gitattributes` above and below the directory found; and trees git would
// read its own way refused, so that the caller takes git archive instead.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobReuseRepo } from '../../src/git/blob-reuse-repo.js';
import { CatFileBatch } from '../../src/git/cat-file-batch.js';
import { openRepo } from '../../src/git/index.js';
import { TreeLister, UnusualTreeError, type TreeListing } from '../../src/git/tree-lister.js';
import { git } from '../support/git-fixture.js';
import { tempDir } from '../support/temp-dir.js';
import { importRepo, type ImportFile } from '../modfetch/tree-hash-fixture.js';

const raw = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

const files = (hexLength: number): ImportFile[] => [
  { path: 'go.mod', content: 'module example.com/t\n' },
  { path: '.gitattributes', content: '* text=auto\n' },
  { path: 'a/b/c/deep.go', content: 'package c\n' },
  { path: 'a/b/.GITATTRIBUTES', content: '* -text\n' },
  { path: 'a/b/x.sh', content: '#!/bin/sh\n', mode: '100755' },
  { path: 'a/b/link', content: 'c/deep.go', mode: '120000' },
  { path: 'a/b/mod', mode: '160000', gitlink: 'c'.repeat(hexLength) },
  { path: 'a/b/sp ace.go', content: 'package b\n' },
  { path: raw('a/b/', [0xff, 0xfe], '.go'), content: 'not utf-8 name\n' },
  { path: raw('a/b/caf', [0xc3, 0xa9], '.go'), content: 'utf-8 name\n' },
  { path: 'a/b/-/x.go', content: 'package x\n' },
  { path: 'a/b.go', content: 'package a\n' },
  { path: 'a/.gitattributes', content: '*.go text\n' },
  { path: 'a/b/c/.gitattributes', mode: '120000', content: '../../.gitattributes' },
  { path: 'other/.gitattributes', content: '* ident\n' },
  { path: 'other/o.go', content: 'package o\n' },
  { path: 'file.txt', content: 'a file\n' },
];

interface Expected {
  files: { path: string; kind: string; oid: string }[];
  dirs: string[];
  gitlinks: string[];
}

/** What git ls-tree says is below `subdir`, in its order (paths as hex of their bytes). */
async function lsTree(dir: string, subdir: string): Promise<Expected> {
  const out = await git(dir, [
    'ls-tree',
    '-r',
    '-t',
    '-z',
    '-l',
    '--full-tree',
    'HEAD',
    ...(subdir === '' ? [] : ['--', subdir]),
  ]);
  const prefix = subdir === '' ? Buffer.alloc(0) : Buffer.from(subdir + '/');
  const e: Expected = { files: [], dirs: [], gitlinks: [] };
  let i = 0;
  while (i < out.length) {
    const end = out.indexOf(0, i);
    const rec = out.subarray(i, end);
    i = end + 1;
    const tab = rec.indexOf(0x09);
    const [mode = '', type = '', oid = ''] = rec.subarray(0, tab).toString().split(/ +/);
    const p = rec.subarray(tab + 1);
    if (!p.subarray(0, prefix.length).equals(prefix) || p.length === prefix.length) continue;
    const rel = p.subarray(prefix.length).toString('hex');
    if (type === 'tree') e.dirs.push(rel);
    else if (type === 'commit') e.gitlinks.push(rel);
    else {
      const kind = { '100644': 'regular', '100755': 'executable', '120000': 'symlink' }[mode];
      e.files.push({ path: rel, kind: kind ?? `mode ${mode}`, oid });
    }
  }
  return e;
}

/** Every entry of the commit named like .gitattributes whose directory is above, at or below `subdir`. */
async function attributeEntries(dir: string, subdir: string): Promise<string[]> {
  const out = await git(dir, ['ls-tree', '-r', '-t', '-z', '--full-tree', 'HEAD']);
  const found: string[] = [];
  for (const rec of out
    .toString('latin1')
    .split('\0')
    .filter((r) => r !== '')) {
    const [meta = '', p = ''] = rec.split('\t');
    const slash = p.lastIndexOf('/');
    const d = slash < 0 ? '' : p.slice(0, slash);
    if (p.slice(slash + 1).toLowerCase() !== '.gitattributes') continue;
    const related =
      subdir === '' ||
      d === '' ||
      subdir === d ||
      subdir.startsWith(d + '/') ||
      d.startsWith(subdir + '/');
    if (related) found.push(`${d}|${meta.split(' ')[2] ?? ''}`);
  }
  return found.sort();
}

function simplify(l: TreeListing): Expected {
  return {
    files: l.files.map((f) => ({ path: f.path.toString('hex'), kind: f.kind, oid: f.oid })),
    dirs: l.dirs.map((d) => d.toString('hex')),
    gitlinks: l.gitlinks.map((d) => d.toString('hex')),
  };
}

for (const objectFormat of ['sha1', 'sha256'] as const) {
  describe(`TreeLister (${objectFormat})`, () => {
    let dir: string;
    let batch: CatFileBatch;
    let lister: TreeLister;
    beforeAll(async () => {
      dir = path.join(await tempDir('modseal-treelister-'), 'repo');
      await importRepo(dir, [{ files: files(objectFormat === 'sha1' ? 40 : 64) }], {
        objectFormat,
      });
      batch = new CatFileBatch(dir);
      lister = new TreeLister(batch, objectFormat);
    });
    afterAll(async () => batch?.close());

    for (const subdir of ['', 'a', 'a/b', 'a/b/c', 'other']) {
      it(`lists ${JSON.stringify(subdir)} as git ls-tree does`, async () => {
        const head = (await git(dir, ['rev-parse', 'HEAD'])).toString().trim();
        const got = await lister.list(head, subdir);
        expect(got).toBeDefined();
        const l = got as TreeListing;
        expect(simplify(l)).toEqual(await lsTree(dir, subdir));
        expect(l.files.length + l.dirs.length + l.gitlinks.length).toBeGreaterThan(0);
        expect(l.attributes.map((a) => `${a.dir.toString('latin1')}|${a.oid}`).sort()).toEqual(
          await attributeEntries(dir, subdir),
        );
      });
    }

    it('answers undefined for a path that is no directory', async () => {
      const head = (await git(dir, ['rev-parse', 'HEAD'])).toString().trim();
      expect(await lister.list(head, 'missing')).toBeUndefined();
      expect(await lister.list(head, 'file.txt')).toBeUndefined();
      expect(await lister.list(head, 'a/b/mod')).toBeUndefined();
    });
  });
}

describe('trees git reads its own way', () => {
  it('refuses a mode outside git’s five, and the repository falls back to git archive', async () => {
    const dir = path.join(await tempDir('modseal-treelister-odd-'), 'repo');
    await importRepo(dir, [{ files: [{ path: 'go.mod', content: 'module example.com/odd\n' }] }]);
    const blob = (await git(dir, ['rev-parse', 'HEAD:go.mod'])).toString().trim();
    // Old gits wrote group-writable modes; hash-object --literally keeps them.
    const entry = (mode: string, name: string) =>
      Buffer.concat([Buffer.from(`${mode} ${name}\0`), Buffer.from(blob, 'hex')]);
    const tree = (
      await git(dir, ['hash-object', '-t', 'tree', '-w', '--literally', '--stdin'], {
        input: Buffer.concat([entry('100644', 'go.mod'), entry('100664', 'old.go')]),
      })
    )
      .toString()
      .trim();
    const commit = (
      await git(dir, ['commit-tree', tree], {
        input: 'odd\n',
        env: {
          GIT_AUTHOR_NAME: 'a',
          GIT_AUTHOR_EMAIL: 'a@example.com',
          GIT_COMMITTER_NAME: 'a',
          GIT_COMMITTER_EMAIL: 'a@example.com',
        },
      })
    )
      .toString()
      .trim();
    const batch = new CatFileBatch(dir);
    try {
      await expect(new TreeLister(batch, 'sha1').list(commit, '')).rejects.toBeInstanceOf(
        UnusualTreeError,
      );
    } finally {
      await batch.close();
    }
    const repo = await BlobReuseRepo.open(dir);
    try {
      const reference = await (await openRepo(dir)).listArchive(commit, '');
      expect(reference.files.map((f) => f.path)).toEqual(['go.mod', 'old.go']);
      expect(await repo.listArchive(commit, '')).toEqual(reference);
      expect(repo.stats().fallbackReasons).toEqual({ 'unusual-tree': 1 });
    } finally {
      await repo.close();
    }
  });
});

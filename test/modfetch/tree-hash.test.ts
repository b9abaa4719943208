// The blob-level path (tree objects + a blob id → SHA-256 cache) against the
// reference, the per-version `git archive` pipeline (buildModule over
// gitCodeHost), on every version of a repository built to hit each rule:
// attributes that convert and that do not, symlinks, a gitlink, nested
// modules, vendor folders under the go lines before and since 1.24,
// subdirectory modules with tag prefixes, the root LICENSE copied into them,
// a v2 subdirectory, invalid file names, versions Go refuses. Every field of
// every result is compared, error texts included; blobs read are counted
// from what git was asked, through a logging wrapper around git.
import { createHash } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepo } from '../../src/git/index.js';
import {
  buildModule,
  gitCodeHost,
  splitTag,
  type BuildRequest,
  type BuiltModule,
} from '../../src/modfetch/index.js';
import { TreeHasher, type VersionHashes } from '../../src/modfetch/tree-hash.js';
import { git } from '../support/git-fixture.js';
import { tempDir } from '../support/temp-dir.js';
import { importRepo, type ImportCommit, type ImportFile } from './tree-hash-fixture.js';

const ROOT = 'example.com/mono';

const OTEL_ATTRIBUTES =
  '* text=auto eol=lf\n*.{cmd,[cC][mM][dD]} text eol=crlf\n*.{bat,[bB][aA][tT]} text eol=crlf\n';

/** The commits, each a whole tree made by editing the previous one. */
function history(): ImportCommit[] {
  const tree = new Map<string, ImportFile>();
  const put = (p: string, content: string | Buffer, mode?: ImportFile['mode']): void =>
    void tree.set(p, { path: p, content, ...(mode === undefined ? {} : { mode }) });
  const commits: ImportCommit[] = [];
  const commit = (tags: string[]): void =>
    void commits.push({ files: [...tree.values()].map((f) => ({ ...f })), tags });

  put('go.mod', `module ${ROOT}\n\ngo 1.21\n`);
  put('LICENSE', 'root license\n');
  put('a.go', 'package mono\n');
  put('crlf.txt', 'one\r\ntwo\r\n');
  put('mixed.txt', 'a\nb\r\nc\rd');
  put('bin.dat', Buffer.from([0, 13, 10, 1, 2, 13, 255, 10]));
  put('empty.txt', '');
  put('tool.sh', '#!/bin/sh\r\necho hi\n', '100755');
  put('link.go', 'a.go', '120000');
  put('dangling', 'no/such/file', '120000');
  tree.set('deps/sub', { path: 'deps/sub', mode: '160000', gitlink: 'ab'.repeat(20) });
  put('vendor/modules.txt', '# example.org/dep v1.0.0\n');
  put('vendor/example.org/dep/dep.go', 'package dep\n');
  put('internal/vendor/top.go', 'package vendor\n');
  put('nested/go.mod', `module ${ROOT}/nested\n`);
  put('nested/n.go', 'package nested\n');
  put('sub/go.mod', `module ${ROOT}/sub\n\ngo 1.24\n`);
  put('sub/s.go', 'package sub\n');
  put('sub/vendor/modules.txt', '# example.org/x v1.0.0\n');
  put('sub/vendor/example.org/x/x.go', 'package x\n');
  put('sub/internal/vendor/top.go', 'package vendor\n');
  put('sub/internal/vendor/z/z.go', 'package z\n');
  put('lic/go.mod', `module ${ROOT}/lic\n`);
  put('lic/LICENSE', 'lic license\n');
  put('lic/l.go', 'package lic\n');
  put('bad/go.mod', `module ${ROOT}/bad\n`);
  put('bad/ok.go', 'package bad\n');
  put('bad/X.go', 'package bad\n');
  put('bad/x.go', 'package bad // lower\n');
  tree.set('bad/f\xff.go', {
    path: Buffer.from([...Buffer.from('bad/f'), 0xff, ...Buffer.from('.go')]),
    content: 'package bad\n',
  });
  commit(['v1.0.0', 'sub/v1.0.0', 'lic/v1.0.0', 'bad/v1.0.0', 'nested/v1.0.0']);

  // A file changed; everything else shared.
  put('a.go', 'package mono // 1\n');
  put('nested/n.go', 'package nested // 1\n');
  commit(['v1.1.0', 'sub/v1.0.1', 'nested/v1.1.0']);

  // opentelemetry-go's .gitattributes: nothing in it converts these files.
  put('.gitattributes', OTEL_ATTRIBUTES);
  put('sub/s.go', 'package sub // 2\n');
  commit(['v1.2.0', 'sub/v1.1.0', 'lic/v1.1.0']);

  // A .bat with LF endings under eol=crlf: git archive converts it.
  put('sub/.gitattributes', '*.bat text eol=crlf\n');
  put('sub/run.bat', 'echo one\necho two\n');
  commit(['v1.3.0', 'sub/v1.2.0']);

  // ident expands $Id$; export-subst and export-ignore are switched off by
  // the archive's own info/attributes.
  put(
    '.gitattributes',
    OTEL_ATTRIBUTES + 'id.txt ident\nsubst.txt export-subst\nignored.txt export-ignore\n',
  );
  put('id.txt', '$Id$\n');
  put('subst.txt', '$Format:%H$\n');
  put('ignored.txt', 'still archived\n');
  commit(['v1.4.0', 'lic/v1.2.0']);

  put('.gitattributes', OTEL_ATTRIBUTES + 'subst.txt export-subst\nignored.txt export-ignore\n');
  tree.delete('id.txt');
  tree.delete('sub/run.bat');
  put('big.bin', createHash('sha256').update('big').digest().toString('hex').repeat(8000));
  commit(['v1.5.0', 'lic/v1.3.0', 'sub/v1.2.1']);

  // go 1.24 vendor rules at the root; a v2 module in a subdirectory; a
  // .gitattributes that is a symlink and one spelt in another case.
  put('go.mod', `module ${ROOT}\n\ngo 1.24\n`);
  put('v2/go.mod', `module ${ROOT}/v2\n\ngo 1.24\n`);
  put('v2/v.go', 'package mono\n');
  put('v2/vendor/modules.txt', '# none\n');
  put('lic/.gitattributes', '../.gitattributes', '120000');
  put('nested/.GitAttributes', '* -text\n');
  commit(['v1.6.0', 'v2.0.0', 'lic/v1.4.0', 'nested/v1.2.0']);

  // A module directory without go.mod any more; a major version Go refuses.
  tree.delete('sub/go.mod');
  tree.delete('lic/.gitattributes');
  tree.delete('nested/.GitAttributes');
  put('a.go', 'package mono // 7\n');
  commit(['v1.7.0', 'v3.0.0', 'sub/v1.3.0', 'lic/v1.5.0']);
  return commits;
}

function requestFor(tag: string): BuildRequest {
  const { codeDir, version } = splitTag(tag);
  const v = version ?? '';
  const modulePath =
    codeDir === '' ? (v.startsWith('v2.') ? `${ROOT}/v2` : ROOT) : `${ROOT}/${codeDir}`;
  return { modulePath, codeRoot: ROOT, query: v };
}

let dir: string;
let tags: string[];
let reference: Map<string, BuiltModule>;

beforeAll(async () => {
  const work = await tempDir('modseal-treehash-');
  dir = path.join(work, 'repo');
  const commits = history();
  await importRepo(dir, commits);
  tags = commits.flatMap((c) => c.tags ?? []);
  // The reference: one `git archive` per version, as `modseal hash` does.
  const code = gitCodeHost(await openRepo(dir));
  reference = new Map();
  for (const t of tags) reference.set(t, await buildModule(code, requestFor(t)));
});

describe('blob-level hashing equals the per-version git archive pipeline', () => {
  let hasher: TreeHasher;
  let results: Map<string, VersionHashes>;
  beforeAll(async () => {
    hasher = await TreeHasher.open(dir, { concurrency: 3 });
    const hashed = await hasher.hashVersions(tags.map(requestFor));
    results = new Map(tags.map((t, i) => [t, hashed[i] as VersionHashes]));
  });
  afterAll(async () => hasher.close());

  it('gives the same BuiltModule for every version (sums, file lists, error texts)', async () => {
    for (const t of tags) {
      expect({ tag: t, built: await hasher.build(requestFor(t)) }).toEqual({
        tag: t,
        built: reference.get(t),
      });
    }
  });

  it('gives the same hashes and errors through hashVersions', () => {
    for (const t of tags) {
      const ref = reference.get(t) as BuiltModule;
      const got = results.get(t) as VersionHashes;
      expect({ tag: t, sum: got.sum, goModSum: got.goModSum, error: got.error }).toEqual({
        tag: t,
        sum: ref.sum,
        goModSum: ref.goModSum,
        error: ref.error,
      });
      expect({ tag: t, commit: got.commit, dir: got.dir }).toEqual({
        tag: t,
        commit: ref.commit,
        dir: ref.dir,
      });
    }
  });

  it('covers what it claims: sums and refusals, both listing paths, conversions git really makes', async () => {
    const sums = tags.filter((t) => reference.get(t)?.sum !== undefined);
    const errors = tags.filter((t) => reference.get(t)?.error !== undefined);
    expect(sums.length).toBeGreaterThan(15);
    expect(errors).toEqual(expect.arrayContaining(['bad/v1.0.0', 'v3.0.0', 'sub/v1.3.0']));
    const source = (t: string) => results.get(t)?.listing;
    // No .gitattributes; harmless ones (git's check-attr says so); export-subst
    // and export-ignore, which the archive's info/attributes switches off.
    for (const t of ['v1.0.0', 'v1.2.0', 'sub/v1.1.0', 'v1.5.0', 'sub/v1.2.1', 'v2.0.0']) {
      expect({ t, source: source(t) }).toEqual({ t, source: 'objects' });
    }
    for (const t of ['sub/v1.2.0', 'v1.4.0']) {
      expect({ t, source: source(t) }).toEqual({ t, source: 'attributes' });
    }
    for (const t of ['lic/v1.4.0', 'nested/v1.2.0', 'v1.6.0']) {
      expect({ t, source: source(t) }).toEqual({ t, source: 'attributes-file' });
    }
    // The fallback mattered: git archive did not write these blobs' bytes.
    const keptSha = (t: string, p: string) =>
      reference.get(t)?.files?.kept.find((f) => f.path === p)?.sha256;
    const blobSha = async (t: string, p: string) =>
      createHash('sha256')
        .update(await git(dir, ['cat-file', 'blob', `${t}:${p}`]))
        .digest('hex');
    expect(keptSha('sub/v1.2.0', 'run.bat')).toBeDefined();
    expect(keptSha('sub/v1.2.0', 'run.bat')).not.toBe(await blobSha('sub/v1.2.0', 'sub/run.bat'));
    expect(keptSha('v1.4.0', 'id.txt')).not.toBe(await blobSha('v1.4.0', 'id.txt'));
    // The rules in play: the LICENSE copied into sub, vendor/modules.txt kept
    // before go 1.24 only, nested modules and symlinks omitted.
    const kept = (t: string) => reference.get(t)?.files?.kept.map((f) => f.path) ?? [];
    const omitted = (t: string) => reference.get(t)?.files?.omitted.map((f) => f.path) ?? [];
    expect(kept('sub/v1.0.0')).toContain('LICENSE');
    expect(kept('v1.0.0')).toContain('vendor/modules.txt');
    expect(kept('v1.6.0')).not.toContain('vendor/modules.txt');
    expect(kept('v1.6.0')).toContain('internal/vendor/top.go');
    expect(omitted('v1.0.0')).toEqual(
      expect.arrayContaining(['link.go', 'nested/go.mod', 'internal/vendor/top.go']),
    );
  });
});

describe('each distinct blob is read once', () => {
  it('reads every blob it hashes once per run, and none again on a second pass', async () => {
    // A git that logs what cat-file --batch is asked.
    const work = await tempDir('modseal-treehash-log-');
    const log = path.join(work, 'requests.log');
    const wrapper = path.join(work, 'git');
    await writeFile(
      wrapper,
      `#!/bin/sh\nif [ "$1" = cat-file ]; then tee -a '${log}' | git "$@"; else exec git "$@"; fi\n`,
    );
    await chmod(wrapper, 0o755);
    await writeFile(log, '');
    const hasher = await TreeHasher.open(dir, { git: wrapper, concurrency: 4 });
    try {
      const reqs = tags.map(requestFor);
      const first = await hasher.hashVersions(reqs);
      const afterFirst = hasher.stats();
      const linesFirst = (await readFile(log, 'utf8')).split('\n').filter((l) => l !== '');
      const second = await hasher.hashVersions(reqs);
      const afterSecond = hasher.stats();
      const lines = (await readFile(log, 'utf8')).split('\n').filter((l) => l !== '');
      expect(second).toEqual(first);

      // Which requested ids are blobs, as git says.
      const ids = [...new Set(lines.filter((l) => /^[0-9a-f]{40}$/.test(l)))];
      const types = (
        await git(dir, ['cat-file', '--batch-check'], { input: ids.join('\n') + '\n' })
      )
        .toString()
        .trim()
        .split('\n');
      const blobs = new Set(ids.filter((_, i) => types[i]?.split(' ')[1] === 'blob'));
      const count = (ls: string[]) => {
        const m = new Map<string, number>();
        for (const l of ls) if (blobs.has(l)) m.set(l, (m.get(l) ?? 0) + 1);
        return m;
      };
      const perBlobFirst = count(linesFirst);
      const perBlob = count(lines);
      expect([...perBlob].filter(([, n]) => n !== 1)).toEqual([]);
      expect(perBlob).toEqual(perBlobFirst);
      expect(afterSecond.blobsHashed).toBe(afterFirst.blobsHashed);
      expect(afterFirst.blobsHashed).toBe(blobs.size);

      // Every file of every version listed from objects was among them,
      // though versions share most files: far fewer reads than listings.
      let listedFiles = 0;
      for (const [i, r] of first.entries()) {
        if (r.listing !== 'objects' || r.commit === undefined || r.dir === undefined) continue;
        const out = await git(dir, [
          'ls-tree',
          '-r',
          '-z',
          '--full-tree',
          r.commit,
          ...(r.dir === '' ? [] : ['--', r.dir]),
        ]);
        for (const e of out
          .toString('latin1')
          .split('\0')
          .filter((x) => x !== '')) {
          const [mode = '', type = '', oid = ''] = e.split('\t')[0]?.split(' ') ?? [];
          if (type !== 'blob') continue;
          listedFiles++;
          expect({ version: tags[i], mode, oid, read: blobs.has(oid) }).toEqual({
            version: tags[i],
            mode,
            oid,
            read: true,
          });
        }
      }
      expect(listedFiles).toBeGreaterThan(3 * blobs.size);
    } finally {
      await hasher.close();
    }
  });
});

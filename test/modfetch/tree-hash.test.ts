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
import { buildModule, gitCodeHost, type BuiltModule } from '../../src/modfetch/index.js';
import { TreeHasher, type VersionHashes } from '../../src/modfetch/tree-hash.js';
import { git } from '../support/git-fixture.js';
import { tempDir } from '../support/temp-dir.js';
import { importRepo, monoHistory, monoRequest as requestFor } from './tree-hash-fixture.js';

let dir: string;
let tags: string[];
let reference: Map<string, BuiltModule>;

beforeAll(async () => {
  const work = await tempDir('modseal-treehash-');
  dir = path.join(work, 'repo');
  const commits = monoHistory();
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

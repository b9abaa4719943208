// The blob-level hashes judged by the real go command: every version of the
// tree-hash test repository downloaded with `go mod download` (direct mode,
// over the loopback git server) and hashed through TreeHasher, whichever way
// each listing was made (from objects, or by git archive where attributes
// convert content). Sum, GoModSum and Go's error text must agree.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TreeHasher, type VersionHashes } from '../../src/modfetch/tree-hash.js';
import { goModDownload, type GoDownloadResult } from '../oracle/go-command.js';
import { describeWithGo } from '../oracle/go-env.js';
import { startGitServer, type GitServer } from '../support/loopback-git-server.js';
import { tempDir } from '../support/temp-dir.js';
import { importRepo, MONO_ROOT, monoHistory, monoRequest } from './tree-hash-fixture.js';

let server: GitServer | undefined;
afterAll(async () => server?.close());

describeWithGo('tree-hash against go mod download', () => {
  const ours = new Map<string, VersionHashes>();
  const theirs = new Map<string, GoDownloadResult>();
  let queries: string[] = [];

  beforeAll(async () => {
    const dir = path.join(await tempDir('modseal-treehash-go-'), 'repo');
    const commits = monoHistory();
    await importRepo(dir, commits);
    const reqs = commits.flatMap((c) => c.tags ?? []).map(monoRequest);
    queries = reqs.map((r) => `${r.modulePath}@${r.query}`);
    server = await startGitServer({ [MONO_ROOT]: dir });
    const go = await goModDownload(server, queries);
    const hasher = await TreeHasher.open(dir);
    try {
      const hashed = await hasher.hashVersions(reqs);
      queries.forEach((q, i) => {
        ours.set(q, hashed[i] as VersionHashes);
        theirs.set(q, go[i] as GoDownloadResult);
      });
    } finally {
      await hasher.close();
    }
  }, 120_000);

  it('agrees on every version, both listing paths and refusals included', () => {
    for (const q of queries) {
      const o = ours.get(q);
      const w = theirs.get(q);
      // Go's JSON replaces bytes that are not UTF-8 with U+FFFD.
      const error = o?.error?.replace(/[\udc80-\udcff]/g, '\ufffd');
      expect({ q, sum: o?.sum, goModSum: o?.goModSum, error }).toEqual({
        q,
        sum: w?.Sum,
        goModSum: w?.GoModSum,
        error: w?.Error,
      });
    }
    const listings = [...ours.values()].map((o) => o.listing);
    expect(listings).toContain('objects');
    expect(listings).toContain('attributes');
    expect([...theirs.values()].filter((w) => w.Sum !== undefined).length).toBeGreaterThan(15);
  });
});

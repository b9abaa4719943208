// Proves the oracle faithful: the real go command, fetching the rebuilt
// gitzip repositories through the loopback server, must reproduce every
// recorded download of vectors/gitzip/cases.json byte for byte.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  gitzipDownloadVectors,
  rebuildGitzipRepos,
  type GitzipDownload,
} from '../support/git-fixture.js';
import { describeWithGo } from './go-env.js';
import {
  downloadToProxyDir,
  goModDownload,
  goModDownloadFromProxy,
  zipEntries,
  type GoDownloadResult,
} from './go-command.js';
import { startGitServer, type GitServer } from '../support/loopback-git-server.js';
import { tempDir } from '../support/temp-dir.js';

const downloads = gitzipDownloadVectors();

describeWithGo('go mod download through the loopback server (gitzip vectors)', () => {
  let tmp: string;
  let server: GitServer;
  const results = new Map<string, GoDownloadResult>();

  beforeAll(async () => {
    tmp = await tempDir('modseal-gitzip-oracle-');
    const repos = await rebuildGitzipRepos(tmp);
    // cases.json serves repository NAME as https://example.com/NAME.
    server = await startGitServer(
      Object.fromEntries([...repos].map(([name, dir]) => [`example.com/${name}`, dir])),
    );
    // One go run per repository, all at once.
    const byRepo = new Map<string, string[]>();
    for (const d of downloads) {
      const repo = /^example\.com\/([a-z]+)\.git/.exec(d.query)?.[1] ?? '';
      byRepo.set(repo, [...(byRepo.get(repo) ?? []), d.query]);
    }
    await Promise.all(
      [...byRepo.values()].map(async (queries) => {
        const got = await goModDownload(server, queries);
        queries.forEach((q, i) => results.set(q, got[i] as GoDownloadResult));
      }),
    );
  });

  afterAll(async () => {
    await server?.close();
  });

  test('covers all 27 recorded downloads', () => {
    expect(downloads).toHaveLength(27);
    expect(results.size).toBe(27);
  });

  test.each(downloads.map((d) => [d.query, d] as const))('%s', async (_query, want) => {
    const got = results.get(want.query);
    expect(got).toBeDefined();
    if (got === undefined) return;
    expect(got.Path).toBe(want.Path);
    expect(got.Version).toBe(want.Version);
    expect(got.Error).toBe(want.Error);
    expect(got.Sum).toBe(want.Sum);
    expect(got.GoModSum).toBe(want.GoModSum);
    if (want.mod_file_utf8 !== undefined) {
      expect(await readFile(got.GoMod ?? '', 'utf8')).toBe(want.mod_file_utf8);
    }
    if (want.zip_entries_in_order !== undefined && want.zip_entries_in_order.length > 0) {
      expect(await zipEntries(got.Zip ?? '')).toEqual(
        want.zip_entries_in_order.map((e) => ({ name: e.name, sha256: e.sha256 })),
      );
    } else {
      expect(got.Zip).toBeUndefined();
    }
  });

  test('a GOPROXY folder from downloadToProxyDir serves the same bytes to go', async () => {
    const queries = [
      'example.com/a.git@v1.0.0',
      'example.com/c.git@v2.0.0+incompatible',
      'example.com/h.git/v2@v2.0.0',
      'example.com/h.git/v2@v2.1.0',
    ];
    const { proxyDir, results: direct } = await downloadToProxyDir(server, queries);
    expect(direct.map((r) => r.Error)).toEqual(queries.map(() => undefined));
    const requestsBefore = server.requests.length;
    const viaProxy = await goModDownloadFromProxy(`file://${proxyDir}`, [
      ...queries,
      'example.com/h.git/v2@latest',
      'example.com/h.git/v2@v2.2.0',
    ]);
    // Nothing reached the git server: the folder alone answered.
    expect(server.requests.length).toBe(requestsBefore);
    const want = (q: string): GitzipDownload | undefined => downloads.find((d) => d.query === q);
    for (const [i, q] of [...queries, 'example.com/h.git/v2@latest'].entries()) {
      const got = viaProxy[i];
      expect(got?.Error).toBeUndefined();
      expect(got?.Version).toBe(want(q)?.Version);
      expect(got?.Sum).toBe(want(q)?.Sum);
      expect(got?.GoModSum).toBe(want(q)?.GoModSum);
      expect(await zipEntries(got?.Zip ?? '')).toEqual(
        want(q)?.zip_entries_in_order?.map((e) => ({ name: e.name, sha256: e.sha256 })),
      );
    }
    // A version the folder lacks fails on its missing .info, not on anything fetched.
    expect(viaProxy[5]?.Error).toBe(
      `example.com/h.git/v2@v2.2.0: reading file://${proxyDir}/example.com/h.git/v2/@v/v2.2.0.info: no such file or directory`,
    );
  });
});

// `modseal scan` end to end: a repository with 32 versions over two modules,
// served to the real go command, whose module cache becomes the mirror and
// whose go.sum lines fill the checksum database. Then the repository drifts
// (two tags moved, one deleted, one unpublished, one Go refuses) and one
// mirror zip is swapped; the scan must report exactly those statuses, with
// the hashes the go command computed, and never ask about a version the
// mirror does not hold. A second run with the state file rebuilds only the
// tag that changed (counted by the scan's counters).
import { copyFile, cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Logger } from '../../src/checks/ports.js';
import type { ScanResult } from '../../src/checks/scan/report.js';
import { InputError } from '../../src/internal/errors.js';
import { runCli } from '../../src/cli/main.js';
import { makeScanCommand } from '../../src/cli/scan-command.js';
import { createScan, type ScanRun } from '../../src/wire/scan.js';
import { describeWithGo } from '../oracle/go-env.js';
import { downloadToProxyDir, type GoDownloadResult } from '../oracle/go-command.js';
import { captureIo } from '../support/cli-io.js';
import { createFixtureRepo, git, moveTag, removeAtEnd } from '../support/git-fixture.js';
import { startGoproxyServer, type GoproxyServer } from '../support/goproxy-server.js';
import { startGitServer, type GitServer } from '../support/loopback-git-server.js';
import { TestSumdb } from '../support/sumdb-server.js';

const ROOT = 'example.com/drift';
const SUB = 'example.com/drift/sub';
const ROOT_TAGS = 18;
const SUB_TAGS = 14;

const silent: Logger = { info: () => undefined, debug: () => undefined };

function goSumRecord(r: GoDownloadResult): string {
  return `${r.Path} ${r.Version} ${r.Sum}\n${r.Path} ${r.Version}/go.mod ${r.GoModSum}\n`;
}

describeWithGo('modseal scan against a go-made mirror and checksum database', () => {
  let tmp: string;
  let repo: string;
  let gitServer: GitServer;
  let mirror: GoproxyServer;
  let sumdb: TestSumdb;
  const before = new Map<string, GoDownloadResult>();
  const after = new Map<string, GoDownloadResult>();
  const held = new Set<string>();
  let first: ScanRun;
  let stateFile: string;
  let swapped: GoDownloadResult;

  const scan = (): Promise<ScanRun> =>
    createScan({
      logger: silent,
      env: {
        GOPROXY: mirror.url,
        GOSUMDB: `${sumdb.verifierKey} ${sumdb.url}`,
        GOPRIVATE: '',
        GONOSUMDB: '',
        GONOPROXY: '',
      },
    })({ repoDir: repo, stateFile, concurrency: 4 });

  const byVersion = (run: ScanRun): Map<string, ScanResult> =>
    new Map(run.report.results.map((r) => [`${r.module}@${r.version}`, r]));

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'modseal-e2e-scan-'));
    removeAtEnd(tmp);
    repo = path.join(tmp, 'drift');
    stateFile = path.join(tmp, 'state', 'scan-state.json');
    // Commit i carries v1.0.i (root) and, for i < SUB_TAGS, sub/v0.1.i; two
    // untagged commits at the end are where tags move to.
    const commits = Array.from({ length: ROOT_TAGS + 2 }, (_, i) => ({
      files: [
        { path: 'go.mod', content: `module ${ROOT}\n\ngo 1.18\n` },
        { path: 'drift.go', content: `package drift\n\nconst N = ${i}\n` },
        { path: 'LICENSE', content: 'public domain\n' },
        { path: 'sub/go.mod', content: `module ${SUB}\n` },
        { path: 'sub/sub.go', content: `package sub\n\nconst M = ${i}\n` },
        ...(i % 3 === 0 ? [{ path: `notes/n${i}.txt`, content: `note ${i}\n` }] : []),
      ],
      tags:
        i < ROOT_TAGS
          ? [`v1.0.${i}`, ...(i < SUB_TAGS ? [`sub/v0.1.${i}`] : [])]
          : ([] as string[]),
    }));
    await createFixtureRepo(repo, commits);
    gitServer = await startGitServer({ [ROOT]: repo });

    const queries = [
      ...Array.from({ length: ROOT_TAGS }, (_, i) => `${ROOT}@v1.0.${i}`),
      ...Array.from({ length: SUB_TAGS }, (_, i) => `${SUB}@v0.1.${i}`),
    ];
    const made = await downloadToProxyDir(gitServer, queries);
    for (const [i, q] of queries.entries()) {
      const r = made.results[i]!;
      expect(r.Error, q).toBeUndefined();
      before.set(q, r);
      held.add(q);
    }
    const mirrorRoot = path.join(tmp, 'mirror');
    await cp(made.proxyDir, mirrorRoot, { recursive: true });

    // The drift: two tags moved, one deleted, one unpublished, one Go refuses.
    await moveTag(repo, 'v1.0.3', ROOT_TAGS);
    await moveTag(repo, 'sub/v0.1.5', ROOT_TAGS + 1);
    await git(repo, ['tag', '-d', 'v1.0.7']);
    await git(repo, ['tag', 'v1.1.0', 'main']);
    await git(repo, ['tag', 'v2.0.0', 'main']);
    // Go's own hashes of the moved tags' new commits.
    // v1.0.11 moves only long enough for Go to zip another commit under its
    // name: the zip the mirror will serve instead of the recorded one.
    await moveTag(repo, 'v1.0.11', ROOT_TAGS);
    const moved = [`${ROOT}@v1.0.3`, `${SUB}@v0.1.5`, `${ROOT}@v1.0.11`];
    const again = await downloadToProxyDir(gitServer, moved);
    for (const [i, q] of moved.entries()) {
      expect(again.results[i]!.Error, q).toBeUndefined();
      after.set(q, again.results[i]!);
    }
    await moveTag(repo, 'v1.0.11', 11);
    swapped = after.get(`${ROOT}@v1.0.11`)!;
    after.delete(`${ROOT}@v1.0.11`);
    expect(swapped.Sum).not.toBe(before.get(`${ROOT}@v1.0.11`)!.Sum);
    await copyFile(
      swapped.Zip!,
      path.join(mirrorRoot, 'example.com', 'drift', '@v', 'v1.0.11.zip'),
    );

    mirror = await startGoproxyServer(mirrorRoot);
    sumdb = await TestSumdb.start({
      records: Object.fromEntries(
        [...before.values()].map((r) => [`${r.Path}@${r.Version}`, goSumRecord(r)]),
      ),
    });
    first = await scan();
  }, 300_000);

  afterAll(async () => {
    await mirror?.close();
    await sumdb?.close();
    await gitServer?.close();
  });

  it('reports exactly the drift, with the hashes the go command computed', () => {
    const results = byVersion(first);
    const problems = Object.fromEntries(
      [...results].filter(([, r]) => r.status !== 'ok').map(([k, r]) => [k, r.status]),
    );
    expect(problems).toEqual({
      [`${ROOT}@v1.0.3`]: 'moved',
      [`${SUB}@v0.1.5`]: 'moved',
      [`${ROOT}@v1.0.7`]: 'tag-missing',
      [`${ROOT}@v1.0.11`]: 'mirror-differs',
      [`${ROOT}@v1.1.0`]: 'unpublished',
      [`${ROOT}@v2.0.0+incompatible`]: 'invalid',
    });
    expect(results.size).toBe(ROOT_TAGS + SUB_TAGS + 2);
    expect(first.report.verdict).toBe('fail');
    for (const q of held) {
      const r = results.get(q)!;
      const go = before.get(q)!;
      expect(r.sumdb, q).toEqual({ zip: go.Sum, mod: go.GoModSum });
      const local = after.get(q) ?? (q === `${ROOT}@v1.0.7` ? undefined : go);
      expect(r.local, q).toEqual(
        local === undefined ? undefined : { zip: local.Sum, mod: local.GoModSum },
      );
    }
    expect(results.get(`${ROOT}@v1.0.11`)!.mirror?.zip).toBe(swapped.Sum);
    // One remedy per module with moved versions, above every version seen.
    expect(first.report.remedies.map((m) => [m.module, m.nextVersion])).toEqual([
      [ROOT, 'v1.1.1'],
      [SUB, `v0.1.${SUB_TAGS}`],
    ]);
    expect(first.counters.rebuilt).toBe(ROOT_TAGS - 1 + SUB_TAGS + 2);
  });

  it('never named a version the mirror does not hold, and never made the mirror fetch', () => {
    const versioned = mirror.requests
      .map((r) => decodeURIComponent(r.url))
      .filter((u) => u.includes('/@v/') && !u.endsWith('/@v/list'));
    expect(versioned.length).toBeGreaterThan(0);
    for (const u of versioned) {
      const m = /^\/(?:cached-only\/)?(.+)\/@v\/(.+)\.(info|mod|zip)$/.exec(u);
      expect(m, u).not.toBeNull();
      expect(held.has(`${m![1]}@${m![2]}`), u).toBe(true);
    }
    expect(mirror.requests.some((r) => r.url.includes('@latest'))).toBe(false);
    const lookups = sumdb.requests.filter((p) => p.includes('/lookup/'));
    expect(lookups.length).toBe(held.size);
    for (const p of lookups) {
      expect(held.has(decodeURIComponent(p.slice(p.indexOf('/lookup/') + 8))), p).toBe(true);
    }
  });

  it('a second run with the state file rebuilds only the tag that changed', async () => {
    await moveTag(repo, 'v1.0.12', ROOT_TAGS + 1);
    const mirrorBefore = mirror.requests.length;
    const second = await scan();
    expect(second.counters.rebuilt).toBe(1);
    expect(second.counters.reused).toBe(ROOT_TAGS - 1 + SUB_TAGS + 2 - 1);
    expect(byVersion(second).get(`${ROOT}@v1.0.12`)!.status).toBe('moved');
    // Zips again only where the record and the tag (or the mirror) disagree.
    expect(second.counters.mirrorZips).toBe(4);
    const zips = mirror.requests
      .slice(mirrorBefore)
      .filter((r) => r.url.endsWith('.zip'))
      .map((r) => decodeURIComponent(r.url))
      .sort();
    expect(zips).toEqual(
      [
        `/${ROOT}/@v/v1.0.11.zip`,
        `/${ROOT}/@v/v1.0.12.zip`,
        `/${ROOT}/@v/v1.0.3.zip`,
        `/${SUB}/@v/v0.1.5.zip`,
      ].sort(),
    );
    expect(second.state.trees.get(sumdb.name)?.size).toBe(held.size);
    await moveTag(repo, 'v1.0.12', 12);
  });

  it('with a cached-only view (as proxy.golang.org has) the same drift is found without a plain list', async () => {
    const from = mirror.requests.length;
    const run = await createScan({
      logger: silent,
      cachedOnlyHosts: ['127.0.0.1'],
      env: { GOPROXY: mirror.url, GOSUMDB: `${sumdb.verifierKey} ${sumdb.url}` },
    })({ repoDir: repo, concurrency: 4 });
    const problems = run.report.results
      .filter((r) => r.status !== 'ok')
      .map((r) => `${r.module}@${r.version} ${r.status}`);
    expect(problems).toEqual(
      [...byVersion(first)]
        .filter(([, r]) => r.status !== 'ok')
        .map(([k, r]) => `${k} ${r.status}`),
    );
    const urls = mirror.requests.slice(from).map((r) => decodeURIComponent(r.url));
    expect(urls.filter((u) => u.endsWith('/@v/list'))).toEqual([
      `/cached-only/${ROOT}/@v/list`,
      `/cached-only/${SUB}/@v/list`,
    ]);
    // Only what the mirror holds is named, to either view.
    for (const u of urls.filter((x) => /\.(info|mod|zip)$/.test(x))) {
      const m = /^\/(?:cached-only\/)?(.+)\/@v\/(.+)\.(info|mod|zip)$/.exec(u)!;
      expect(held.has(`${m[1]}@${m[2]}`), u).toBe(true);
    }
  });

  it('the CLI exits 1 on drift, and 2 with one line on a damaged state file', async () => {
    const env = { GOPROXY: mirror.url, GOSUMDB: `${sumdb.verifierKey} ${sumdb.url}` };
    const c = captureIo(tmp, env);
    const code = await makeScanCommand()(['--repo', repo, '--json', '--concurrency', '2'], c.io);
    expect(code).toBe(1);
    const doc = JSON.parse(c.stdout()) as { schema: string; counts: Record<string, number> };
    expect(doc.schema).toBe('modseal.scan-report/v1');
    expect(doc.counts.moved).toBe(2);

    const bad = path.join(tmp, 'bad-state.json');
    await writeFile(bad, '{"schema": "something-else/v1"}');
    const d = captureIo(tmp, env);
    const err: unknown = await makeScanCommand()(['--repo', repo, '--state', bad], d.io).catch(
      (e: unknown) => e,
    );
    // main.ts prints an InputError as one line and exits 2.
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/bad-state\.json: not a modseal scan state/);
    expect((err as Error).message).not.toContain('\n');
    // Through the command line: exit 2, one line naming the file, --json's error document.
    const e = captureIo(tmp, env);
    expect(await runCli(['scan', '--repo', repo, '--state', bad, '--json'], e.io)).toBe(2);
    expect(e.stderr().trim().split('\n')).toHaveLength(1);
    expect(e.stderr()).toContain('bad-state.json');
    expect(JSON.parse(e.stdout())).toMatchObject({ schema: 'modseal.error/v1', exitCode: 2 });
  });
});

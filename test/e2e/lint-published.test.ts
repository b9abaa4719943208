// `modseal lint` against a loopback mirror filled by the go command and a
// checksum database holding the go command's own record: a version number
// re-used after its tag was deleted is `version-published`; the servers'
// request logs show that the lint asked only what publishes nothing (the
// mirror's cached-only view and version list, the database only about a
// version the mirror holds) and never sent a version Go refuses.
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeLintCommand } from '../../src/cli/lint-command.js';
import { describeWithGo } from '../oracle/go-env.js';
import { downloadToProxyDir, type GoDownloadResult } from '../oracle/go-command.js';
import { captureIo } from '../support/cli-io.js';
import { createFixtureRepo } from '../support/git-fixture.js';
import { startGoproxyServer, type GoproxyServer } from '../support/goproxy-server.js';
import { startGitServer, type GitServer } from '../support/loopback-git-server.js';
import { TestSumdb } from '../support/sumdb-server.js';
import { tempDir } from '../support/temp-dir.js';

const mod = (p: string): string => `module ${p}\n\ngo 1.21\n`;

function goSumRecord(r: GoDownloadResult): string {
  return `${r.Path} ${r.Version} ${r.Sum}\n${r.Path} ${r.Version}/go.mod ${r.GoModSum}\n`;
}

async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describeWithGo('modseal lint asks the mirror and the checksum database only what they hold', () => {
  let gitServer: GitServer;
  let proxy: GoproxyServer;
  let sumdb: TestSumdb;
  /** The repository as it is now: the v1.0.0 tag deleted, the tree changed, two modules. */
  let lintRepo: string;
  /** example.com/ret now: one retraction published with v1.1.0, one new. */
  let retNow: string;

  beforeAll(async () => {
    const tmp = await tempDir('modseal-lint-pub-');
    const published = path.join(tmp, 'published');
    await createFixtureRepo(published, [
      {
        files: [
          { path: 'go.mod', content: mod('example.com/pub') },
          { path: 'p.go', content: 'package pub\n' },
        ],
        tags: ['v1.0.0'],
      },
    ]);
    const ret = path.join(tmp, 'ret');
    await createFixtureRepo(ret, [
      { files: [{ path: 'go.mod', content: mod('example.com/ret') }], tags: ['v1.0.0'] },
      {
        files: [
          { path: 'go.mod', content: `${mod('example.com/ret')}\nretract v1.0.0 // broken\n` },
        ],
        tags: ['v1.1.0'],
      },
    ]);
    gitServer = await startGitServer({ 'example.com/pub': published, 'example.com/ret': ret });
    const queries = ['example.com/pub@v1.0.0', 'example.com/ret@v1.0.0', 'example.com/ret@v1.1.0'];
    const filled = await downloadToProxyDir(gitServer, queries);
    for (const r of filled.results) expect(r.Error).toBeUndefined();
    proxy = await startGoproxyServer(filled.proxyDir);
    sumdb = await TestSumdb.start({
      records: Object.fromEntries(
        filled.results.map((r) => [`${r.Path}@${r.Version}`, goSumRecord(r)]),
      ),
    });
    retNow = path.join(tmp, 'ret-now');
    await createFixtureRepo(retNow, [
      {
        files: [
          {
            path: 'go.mod',
            content: `${mod('example.com/ret')}\nretract v1.0.0 // broken\nretract v1.1.0 // also broken\n`,
          },
        ],
      },
    ]);
    lintRepo = path.join(tmp, 'now');
    await createFixtureRepo(lintRepo, [
      {
        files: [
          { path: 'go.mod', content: mod('example.com/pub') },
          { path: 'p.go', content: 'package pub\n\nfunc New() {}\n' },
          { path: 'sub/go.mod', content: mod('example.com/pub/sub') },
        ],
      },
    ]);
  }, 120_000);

  afterAll(async () => {
    await proxy?.close();
    await sumdb?.close();
    await gitServer?.close();
  });

  async function lint(goproxy: string, args: string[], repo = lintRepo) {
    const c = captureIo(repo, {
      GOPROXY: goproxy,
      GOSUMDB: `${sumdb.verifierKey} ${sumdb.url}`,
    });
    const code = await makeLintCommand({ cachedOnlyHosts: ['127.0.0.1'] })(
      ['--json', ...args],
      c.io,
    );
    const report = JSON.parse(c.stdout()) as {
      verdict: string;
      findings: { code: string; file?: string; line?: number; column?: number; message: string }[];
    };
    return { code, report, stderr: c.stderr() };
  }

  it('a version the mirror and the database already hold is version-published, at the module line', async () => {
    proxy.requests.length = 0;
    const lookups = sumdb.requests.length;
    const r = await lint(proxy.url, ['--next', 'v1.0.0', '--next', 'sub/v0.1.0']);
    expect(
      r.report.findings.map((f) => ({
        code: f.code,
        file: f.file,
        line: f.line,
        column: f.column,
      })),
      r.stderr,
    ).toEqual([{ code: 'version-published', file: 'go.mod', line: 1, column: 1 }]);
    expect(r.report.findings[0]?.message).toContain('v1.0.0');
    expect(r.code).toBe(1);
    // Only the mirror's cached-only view (its list and the version) was asked.
    const urls = proxy.requests.map((q) => q.url).sort();
    expect(urls).toEqual([
      '/cached-only/example.com/pub/@v/list',
      '/cached-only/example.com/pub/@v/v1.0.0.info',
      '/cached-only/example.com/pub/sub/@v/list',
      '/cached-only/example.com/pub/sub/@v/v0.1.0.info',
    ]);
    // The database only about the version the mirror holds.
    const asked = sumdb.requests.slice(lookups).filter((p) => p.includes('/lookup/'));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((p) => p.endsWith('/lookup/example.com/pub@v1.0.0'))).toBe(true);
  });

  it('a retraction the latest published go.mod already carries is not pending; a new one is', async () => {
    proxy.requests.length = 0;
    const r = await lint(proxy.url, ['--next', 'v1.2.0'], retNow);
    expect(
      r.report.findings.map((f) => ({
        code: f.code,
        file: f.file,
        line: f.line,
        column: f.column,
      })),
      r.stderr,
    ).toEqual([{ code: 'retract-pending', file: 'go.mod', line: 6, column: 1 }]);
    // The go.mod read is that of a version the mirror lists, never the next one.
    const urls = proxy.requests.map((q) => q.url);
    expect(urls).toContain('/example.com/ret/@v/v1.1.0.mod');
    expect(urls.every((u) => u.startsWith('/cached-only/') || !u.includes('v1.2.0'))).toBe(true);
  });

  it('a version Go refuses is never sent anywhere', async () => {
    proxy.requests.length = 0;
    const lookups = sumdb.requests.length;
    const r = await lint(proxy.url, ['--next', 'v2.0.0']);
    expect(r.report.findings.map((f) => f.code)).toEqual(['version-invalid']);
    expect(proxy.requests.filter((q) => q.url.includes('v2.0.0'))).toEqual([]);
    expect(sumdb.requests.slice(lookups)).toEqual([]);
  });

  it('--offline asks nothing and says so', async () => {
    proxy.requests.length = 0;
    const lookups = sumdb.requests.length;
    const r = await lint(proxy.url, ['--next', 'v1.0.0', '--offline']);
    expect(r.report.findings).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('offline');
    expect(proxy.requests).toEqual([]);
    expect(sumdb.requests.slice(lookups)).toEqual([]);
  });

  it('an unreachable mirror is an unreachable warning and an inconclusive verdict (exit 3)', async () => {
    const port = await closedPort();
    const r = await lint(`http://127.0.0.1:${port}`, ['--next', 'v1.1.0', '--timeout', '20s']);
    expect(r.report.findings.map((f) => ({ code: f.code, file: f.file }))).toEqual([
      { code: 'unreachable', file: 'go.mod' },
    ]);
    expect(r.report.verdict).toBe('inconclusive');
    expect(r.code).toBe(3);
  });
});

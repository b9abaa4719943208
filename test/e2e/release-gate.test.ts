// `modseal verify` end to end: fixture repositories served to the real go
// command, whose module cache becomes the mirror (never zips modseal made),
// and a checksum database holding the go command's own Sum/GoModSum lines.
// Every expected hash below comes from the go command. Mirrors that stall,
// drip or keep answering 404 are loopback servers that count the requests
// they get, to hold the gate's attempt counts and progress lines to them.
import { copyFile, cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../src/checks/ports.js';
import type { ReleaseReport } from '../../src/checks/types.js';
import { makeVerifyCommand, type VerifyWiring } from '../../src/cli/verify-command.js';
import { createNodeHttpClient } from '../../src/http/index.js';
import { systemClock } from '../../src/internal/retry.js';
import { generateKey } from '../../src/sumdb/index.js';
import { createFixtureRepo, emptyHome, git, moveTag, removeAtEnd } from '../support/git-fixture.js';
import {
  startHostileServer,
  type Behaviour,
  type HostileServer,
} from '../support/hostile-server.js';
import { describeWithGo, goBin, isolatedGoEnv } from '../oracle/go-env.js';
import { spawnText } from '../support/spawn.js';
import { captureIo } from '../support/cli-io.js';
import { downloadToProxyDir, goModDownload, type GoDownloadResult } from '../oracle/go-command.js';
import { startGoproxyServer, type GoproxyServer } from '../support/goproxy-server.js';
import { startGitServer, type GitServer } from '../support/loopback-git-server.js';
import { TestSumdb } from '../support/sumdb-server.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  report: ReleaseReport;
}

/** A clock whose sleeps return at once and only move its own time forward. */
function fakeClock(): Clock & { slept: number } {
  let t = 1_700_000_000_000;
  const c = {
    slept: 0,
    now: () => t,
    sleep: (ms: number) => {
      t += ms;
      c.slept += ms;
      return Promise.resolve();
    },
  };
  return c;
}

/** A loopback port nobody listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

function goSumRecord(r: GoDownloadResult): string {
  return `${r.Path} ${r.Version} ${r.Sum}\n${r.Path} ${r.Version}/go.mod ${r.GoModSum}\n`;
}

function codes(report: ReleaseReport): string[] {
  return report.findings.map((f) => f.code);
}

describeWithGo('modseal verify against a go-made mirror and a checksum database', () => {
  let tmp: string;
  let gitServer: GitServer;
  const repos: Record<string, string> = {};
  const commits: Record<string, string[]> = {};
  /** Go's answers before any tag moved, by query. */
  const before = new Map<string, GoDownloadResult>();
  /** Go's answers for the moved tags, by query. */
  const after = new Map<string, GoDownloadResult>();
  let mirrorRoot: string;
  let tamperedRoot: string;
  let sumdb: TestSumdb;
  const closers: (() => Promise<void>)[] = [];

  const queries = [
    'example.com/clean@v1.0.0',
    'example.com/moved@v1.0.0',
    'example.com/tamper@v1.0.0',
    'example.com/multi/sub@v1.0.0',
    'example.com/major/v2@v2.0.0',
    'example.com/incompat@v2.0.0',
    'example.com/retract@v1.2.3',
    'example.com/retract@v1.3.0',
    'example.com/twice@v1.0.0',
    'example.com/twice@v1.1.0',
  ];

  async function mirror(root: string = mirrorRoot): Promise<GoproxyServer> {
    const s = await startGoproxyServer(root);
    closers.push(() => s.close());
    return s;
  }

  async function verify(opts: {
    repo: string;
    /** undefined: let verify pick the version tag at HEAD. */
    tag: string | undefined;
    goproxy: string;
    gosumdb?: string;
    args?: string[];
    wiring?: VerifyWiring;
    env?: Record<string, string>;
  }): Promise<Run> {
    const c = captureIo(tmp, {
      GOPROXY: opts.goproxy,
      GOSUMDB: opts.gosumdb ?? `${sumdb.verifierKey} ${sumdb.url}`,
      ...opts.env,
    });
    const cmd = makeVerifyCommand({ clock: fakeClock(), ...opts.wiring });
    const code = await cmd(
      [
        '--repo',
        repos[opts.repo]!,
        ...(opts.tag === undefined ? [] : ['--tag', opts.tag]),
        '--json',
        ...(opts.args ?? []),
      ],
      c.io,
    );
    const stdout = c.stdout();
    return { code, stdout, stderr: c.stderr(), report: JSON.parse(stdout) as ReleaseReport };
  }

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'modseal-e2e-gate-'));
    removeAtEnd(tmp);
    const make = async (name: string, list: Parameters<typeof createFixtureRepo>[1]) => {
      repos[name] = path.join(tmp, name);
      commits[name] = (await createFixtureRepo(repos[name], list)).commits;
    };
    await make('clean', [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/clean\n\ngo 1.18\n' },
          { path: 'clean.go', content: 'package clean\n' },
          { path: 'LICENSE', content: 'public domain\n' },
        ],
        tags: [{ name: 'v1.0.0', annotated: true }],
      },
    ]);
    await make('moved', [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/moved\n' },
          { path: 'a.go', content: 'package moved\n\nfunc A() int { return 1 }\n' },
          { path: 'README.md', content: '# moved\n' },
        ],
        tags: ['v1.0.0'],
      },
      {
        files: [
          { path: 'go.mod', content: 'module example.com/moved\n' },
          { path: 'a.go', content: 'package moved\n\nfunc A() int { return 2 }\n' },
          { path: 'b.go', content: 'package moved\n\nfunc B() {}\n' },
        ],
      },
    ]);
    await make('tamper', [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/tamper\n' },
          { path: 't.go', content: 'package tamper\n' },
        ],
        tags: ['v1.0.0'],
      },
      {
        files: [
          { path: 'go.mod', content: 'module example.com/tamper\n' },
          { path: 't.go', content: 'package tamper // evil\n' },
        ],
      },
    ]);
    await make('multi', [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/multi\n' },
          { path: 'm.go', content: 'package multi\n' },
          { path: 'LICENSE', content: 'root license\n' },
          { path: 'sub/go.mod', content: 'module example.com/multi/sub\n' },
          { path: 'sub/s.go', content: 'package sub\n' },
        ],
        tags: ['v1.0.0', 'sub/v1.0.0'],
      },
    ]);
    await make('major', [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/major\n' },
          { path: 'm.go', content: 'package major\n' },
          { path: 'v2/go.mod', content: 'module example.com/major/v2\n' },
          { path: 'v2/m.go', content: 'package major\n' },
        ],
        tags: ['v2.0.0'],
      },
    ]);
    await make('incompat', [
      {
        files: [
          { path: 'i.go', content: 'package incompat\n' },
          { path: 'LICENSE', content: 'public domain\n' },
        ],
        tags: ['v2.0.0'],
      },
    ]);
    // v1.3.0 retracts [v1.2.0, v1.2.9] and deprecates the module; v1.2.3's
    // own go.mod says neither, so only reading the latest go.mod finds them.
    await make('retract', [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/retract\n\ngo 1.18\n' },
          { path: 'r.go', content: 'package retract\n' },
        ],
        tags: ['v1.2.3'],
      },
      {
        files: [
          {
            path: 'go.mod',
            content:
              '// Deprecated: use example.com/clean instead.\nmodule example.com/retract\n\ngo 1.18\n\nretract [v1.2.0, v1.2.9] // broken build\n',
          },
          { path: 'r.go', content: 'package retract\n\nconst Fixed = true\n' },
        ],
        tags: ['v1.3.0'],
      },
    ]);
    // Two releases; v1.0.0 will move to a third commit after both are mirrored.
    await make('twice', [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/twice\n' },
          { path: 'w.go', content: 'package twice\n\nconst V = 1\n' },
        ],
        tags: ['v1.0.0'],
      },
      {
        files: [
          { path: 'go.mod', content: 'module example.com/twice\n' },
          { path: 'w.go', content: 'package twice\n\nconst V = 11\n' },
        ],
        tags: ['v1.1.0'],
      },
      {
        files: [
          { path: 'go.mod', content: 'module example.com/twice\n' },
          { path: 'w.go', content: 'package twice\n\nconst V = 2\n' },
        ],
      },
    ]);
    await make('v3bad', [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/v3bad\n' },
          { path: 'v.go', content: 'package v3bad\n' },
        ],
        tags: ['v3.0.0'],
      },
    ]);
    gitServer = await startGitServer(
      Object.fromEntries(Object.entries(repos).map(([k, d]) => [`example.com/${k}`, d])),
    );

    // The mirror as the go command fills it, before any tag moves.
    const first = await downloadToProxyDir(gitServer, queries);
    for (const [i, q] of queries.entries()) {
      const r = first.results[i]!;
      expect(r.Error, q).toBeUndefined();
      before.set(q, r);
    }
    mirrorRoot = path.join(tmp, 'mirror');
    await cp(first.proxyDir, mirrorRoot, { recursive: true });

    // Move two tags; Go's answers for the new commits give the expected
    // local hashes (moved) and a zip Go made from another commit (tamper).
    await moveTag(repos.moved!, 'v1.0.0', 1);
    await moveTag(repos.tamper!, 'v1.0.0', 1);
    await moveTag(repos.twice!, 'v1.0.0', 2);
    const moved = [
      'example.com/moved@v1.0.0',
      'example.com/tamper@v1.0.0',
      'example.com/twice@v1.0.0',
    ];
    const second = await downloadToProxyDir(gitServer, moved);
    for (const [i, q] of moved.entries()) {
      expect(second.results[i]!.Error, q).toBeUndefined();
      after.set(q, second.results[i]!);
    }
    await moveTag(repos.tamper!, 'v1.0.0', 0);
    // What actions/checkout makes on a tag push: one commit, only that tag.
    const shallow = path.join(tmp, 'twice-shallow');
    await mkdir(shallow);
    await git(shallow, ['init', '-q']);
    await git(shallow, [
      'fetch',
      '-q',
      '--no-tags',
      '--depth=1',
      pathToFileURL(repos.twice!).href,
      '+refs/tags/v1.0.0:refs/tags/v1.0.0',
    ]);
    await git(shallow, ['checkout', '-q', '--detach', 'v1.0.0']);
    repos['twice-shallow'] = shallow;
    tamperedRoot = path.join(tmp, 'tampered');
    await cp(mirrorRoot, tamperedRoot, { recursive: true });
    await copyFile(
      after.get('example.com/tamper@v1.0.0')!.Zip!,
      path.join(tamperedRoot, 'example.com', 'tamper', '@v', 'v1.0.0.zip'),
    );

    sumdb = await TestSumdb.start({
      records: Object.fromEntries(
        [...before.values()].map((r) => [`${r.Path}@${r.Version}`, goSumRecord(r)]),
      ),
    });
    closers.push(() => sumdb.close());
  }, 120_000);

  afterAll(async () => {
    for (const c of closers.splice(0).reverse()) await c();
    await gitServer?.close();
  });

  it('a clean release passes with the go command’s hashes on all three sides', async () => {
    const go = before.get('example.com/clean@v1.0.0')!;
    const proxy = await mirror();
    const r = await verify({ repo: 'clean', tag: 'v1.0.0', goproxy: proxy.url });
    expect(r.code, r.stderr).toBe(0);
    expect(r.report.verdict).toBe('pass');
    expect(r.report.module).toBe('example.com/clean');
    expect(r.report.version).toBe('v1.0.0');
    expect(r.report.commit).toBe(commits.clean![0]);
    expect(r.report.mirrorCommit).toBe(go.Origin?.Hash);
    for (const side of ['local', 'mirror', 'sumdb'] as const) {
      expect(r.report.hashes[side], side).toEqual({ zip: go.Sum, mod: go.GoModSum });
    }
    expect(r.report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.report.steps.every((s) => s.status === 'ok' || s.status === 'skipped')).toBe(true);
    // The proxy really was asked (warming, then content).
    const urls = proxy.requests.map((q) => q.url);
    expect(urls).toContain('/example.com/clean/@v/v1.0.0.info');
    expect(urls).toContain('/example.com/clean/@v/v1.0.0.zip');
  });

  it('a clean release also passes through the cached-only view, without warming', async () => {
    const go = before.get('example.com/clean@v1.0.0')!;
    const proxy = await mirror();
    const r = await verify({
      repo: 'clean',
      tag: 'v1.0.0',
      goproxy: proxy.url,
      wiring: { cachedOnlyHosts: ['127.0.0.1'] },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.report.hashes.mirror.zip).toBe(go.Sum);
    const infos = proxy.requests.map((q) => q.url).filter((u) => u.endsWith('.info'));
    expect(infos).toEqual(['/cached-only/example.com/clean/@v/v1.0.0.info']);
  });

  it('without --tag, the version tag at HEAD is checked', async () => {
    const go = before.get('example.com/clean@v1.0.0')!;
    const proxy = await mirror();
    const r = await verify({ repo: 'clean', tag: undefined, goproxy: proxy.url });
    expect(r.code, r.stderr).toBe(0);
    expect(r.report.tag).toBe('v1.0.0');
    expect(r.report.hashes.mirror.zip).toBe(go.Sum);
  });

  it('a tag moved after mirroring fails tag-moved, with the files that differ', async () => {
    const was = before.get('example.com/moved@v1.0.0')!;
    const now = after.get('example.com/moved@v1.0.0')!;
    expect(now.Sum).not.toBe(was.Sum);
    const proxy = await mirror();
    const r = await verify({
      repo: 'moved',
      tag: 'v1.0.0',
      goproxy: proxy.url,
      wiring: { cachedOnlyHosts: ['127.0.0.1'] },
    });
    expect(r.code, r.stderr).toBe(1);
    expect(r.report.verdict).toBe('fail');
    expect(codes(r.report)).toContain('tag-moved');
    expect(r.report.commit).toBe(commits.moved![1]);
    expect(r.report.mirrorCommit).toBe(commits.moved![0]);
    expect(r.report.hashes.local).toEqual({ zip: now.Sum, mod: now.GoModSum });
    expect(r.report.hashes.mirror).toEqual({ zip: was.Sum, mod: was.GoModSum });
    expect(r.report.hashes.sumdb).toEqual({ zip: was.Sum, mod: was.GoModSum });
    const diff = r.report.diff!;
    expect(diff.added).toEqual(['b.go']);
    expect(diff.removed).toEqual(['README.md']);
    expect(diff.changed.map((c) => c.name)).toEqual(['a.go']);
    expect(diff.changed[0]!.diff).toContain('-func A() int { return 1 }');
    expect(diff.changed[0]!.diff).toContain('+func A() int { return 2 }');
    const moved = r.report.findings.find((f) => f.code === 'tag-moved')!;
    expect(moved.fix).toContain('v1.0.1');
    expect(moved.fix).toContain('retract v1.0.0');
    expect(r.report.remedy?.nextVersion).toBe('v1.0.1');
    // A database that proves the move must not make the mirror fetch anything.
    expect(
      proxy.requests.some((q) => !q.url.startsWith('/cached-only/') && q.url.endsWith('.info')),
    ).toBe(false);
  });

  it('a mirror zip the go command built from another commit fails against the database', async () => {
    const original = before.get('example.com/tamper@v1.0.0')!;
    const donor = after.get('example.com/tamper@v1.0.0')!;
    expect(donor.Sum).not.toBe(original.Sum);
    const proxy = await mirror(tamperedRoot);
    const r = await verify({ repo: 'tamper', tag: 'v1.0.0', goproxy: proxy.url });
    expect(r.code, r.stderr).toBe(1);
    expect(r.report.verdict).toBe('fail');
    expect(codes(r.report)).toContain('sumdb-mismatch');
    expect(r.report.hashes.local.zip).toBe(original.Sum);
    expect(r.report.hashes.sumdb.zip).toBe(original.Sum);
    expect(r.report.hashes.mirror.zip).toBe(donor.Sum);
    expect(r.report.diff?.changed.map((c) => c.name)).toEqual(['t.go']);
  });

  it('a database that records another hash never passes', async () => {
    const go = before.get('example.com/clean@v1.0.0')!;
    const other = before.get('example.com/tamper@v1.0.0')!;
    const liar = await TestSumdb.start({
      records: {
        'example.com/clean@v1.0.0': `${go.Path} ${go.Version} ${other.Sum}\n${go.Path} ${go.Version}/go.mod ${go.GoModSum}\n`,
      },
    });
    closers.push(() => liar.close());
    const proxy = await mirror();
    const r = await verify({
      repo: 'clean',
      tag: 'v1.0.0',
      goproxy: proxy.url,
      gosumdb: `${liar.verifierKey} ${liar.url}`,
    });
    // The record verifies (it is in the signed log), so this is a content
    // disagreement: an error finding, verdict fail.
    expect(r.code, r.stderr).toBe(1);
    expect(r.report.verdict).toBe('fail');
    expect(r.report.hashes.sumdb.zip).toBe(other.Sum);
    expect(r.report.hashes.local.zip).toBe(go.Sum);
    expect(codes(r.report).some((c) => c === 'tag-moved' || c === 'sumdb-mismatch')).toBe(true);
  });

  it('a database signed with another key than GOSUMDB names fails sumdb-unverifiable', async () => {
    const proxy = await mirror();
    const stranger = generateKey(sumdb.name).vkey;
    expect(stranger).not.toBe(sumdb.verifierKey);
    const r = await verify({
      repo: 'clean',
      tag: 'v1.0.0',
      goproxy: proxy.url,
      gosumdb: `${stranger} ${sumdb.url}`,
    });
    expect(r.report.verdict).not.toBe('pass');
    // release.ts: a proof or signature that does not verify is a failure, not a transient fault.
    expect(r.code, r.stderr).toBe(1);
    expect(r.report.verdict).toBe('fail');
    expect(codes(r.report)).toContain('sumdb-unverifiable');
    expect(r.report.hashes.sumdb).toEqual({});
  });

  it('an unreachable mirror is inconclusive (exit 3), never pass', async () => {
    const port = await closedPort();
    const r = await verify({
      repo: 'clean',
      tag: 'v1.0.0',
      goproxy: `http://127.0.0.1:${port}`,
      args: ['--warm-timeout', '1ms'],
    });
    expect(r.code, r.stderr).toBe(3);
    expect(r.report.verdict).toBe('inconclusive');
    expect(codes(r.report)).toContain('unreachable');
    expect(r.report.hashes.mirror).toEqual({});
    // The fix names the failing GOPROXY entry and the proxy variables, not just "re-run".
    const fix = r.report.findings.find((f) => f.code === 'unreachable')?.fix ?? '';
    expect(fix).toContain(`http://127.0.0.1:${port}`);
    expect(fix).toContain('HTTPS_PROXY');
    expect(fix).toContain('NO_PROXY');
  });

  it('a v3 tag without /v3 in go.mod fails version-invalid with Go’s text and asks the mirror nothing', async () => {
    const [go] = await goModDownload(gitServer, ['example.com/v3bad@v3.0.0']);
    expect(go?.Error).toBeDefined();
    const proxy = await mirror();
    const r = await verify({ repo: 'v3bad', tag: 'v3.0.0', goproxy: proxy.url });
    expect(r.code, r.stderr).toBe(1);
    expect(r.report.verdict).toBe('fail');
    const f = r.report.findings.find((x) => x.code === 'version-invalid');
    expect(f?.message).toBe(go?.Error);
    expect(f?.file).toBe('go.mod');
    expect(f?.line).toBe(1);
    expect(proxy.requests.filter((q) => q.url.includes('v3'))).toEqual([]);
    expect(sumdb.requests.filter((p) => p.includes('v3bad'))).toEqual([]);
  });

  it('a tag in a subdirectory publishes the module in that directory', async () => {
    const go = before.get('example.com/multi/sub@v1.0.0')!;
    const proxy = await mirror();
    const r = await verify({ repo: 'multi', tag: 'sub/v1.0.0', goproxy: proxy.url });
    expect(r.code, r.stderr).toBe(0);
    expect(r.report.module).toBe('example.com/multi/sub');
    expect(r.report.version).toBe('v1.0.0');
    expect(r.report.goMod?.file).toBe('sub/go.mod');
    expect(r.report.hashes.local).toEqual({ zip: go.Sum, mod: go.GoModSum });
    expect(r.report.hashes.mirror.zip).toBe(go.Sum);
  });

  it('a major-subdirectory layout publishes the /v2 module from v2/', async () => {
    const go = before.get('example.com/major/v2@v2.0.0')!;
    const proxy = await mirror();
    const r = await verify({ repo: 'major', tag: 'v2.0.0', goproxy: proxy.url });
    expect(r.code, r.stderr).toBe(0);
    expect(r.report.module).toBe('example.com/major/v2');
    expect(r.report.goMod?.file).toBe('v2/go.mod');
    expect(r.report.hashes.local).toEqual({ zip: go.Sum, mod: go.GoModSum });
    expect(r.report.hashes.sumdb.zip).toBe(go.Sum);
  });

  it('a mirror that answers "unknown revision" while warming up is waited for', async () => {
    const go = before.get('example.com/clean@v1.0.0')!;
    const proxy = await mirror();
    const info = 'example.com/clean/@v/v1.0.0.info';
    proxy.script.set(info, {
      notFoundTimes: 3,
      notFoundBody:
        'not found: example.com/clean@v1.0.0: invalid version: unknown revision v1.0.0\n',
    });
    // The database learns the version only once the mirror has fetched it.
    const served = (): number => proxy.requests.filter((q) => q.url === `/${info}`).length;
    const lagging = await TestSumdb.start({
      gosum: (p, v) =>
        p === go.Path && v === go.Version && served() > 3 ? goSumRecord(go) : undefined,
    });
    closers.push(() => lagging.close());
    const clock = fakeClock();
    const r = await verify({
      repo: 'clean',
      tag: 'v1.0.0',
      goproxy: proxy.url,
      gosumdb: `${lagging.verifierKey} ${lagging.url}`,
      wiring: { clock },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.report.verdict).toBe('pass');
    expect(served()).toBeGreaterThanOrEqual(4);
    expect(r.report.hashes.sumdb.zip).toBe(go.Sum);
    expect(clock.slept).toBeGreaterThan(0);
  });

  it('a v2 tag without go.mod is checked as +incompatible once --module names the path', async () => {
    const go = before.get('example.com/incompat@v2.0.0')!;
    expect(go.Version).toBe('v2.0.0+incompatible');
    const proxy = await mirror();
    // A static directory cannot resolve the query v2.0.0 the way the real
    // mirror does; script that one answer with the go command's own .info.
    const { readFile } = await import('node:fs/promises');
    proxy.script.set('example.com/incompat/@v/v2.0.0.info', {
      status: 200,
      body: await readFile(go.Info!),
    });
    const r = await verify({
      repo: 'incompat',
      tag: 'v2.0.0',
      goproxy: proxy.url,
      args: ['--module', 'example.com/incompat'],
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.report.verdict).toBe('pass');
    expect(r.report.version).toBe('v2.0.0+incompatible');
    expect(r.report.hashes.local).toEqual({ zip: go.Sum, mod: go.GoModSum });
    expect(r.report.hashes.sumdb).toEqual({ zip: go.Sum, mod: go.GoModSum });
    expect(codes(r.report)).toContain('incompatible');
  });

  it('without go.mod and without --module, verify asks for --module', async () => {
    const proxy = await mirror();
    let stderr = '';
    const cmd = makeVerifyCommand({ clock: fakeClock() });
    const code = await cmd(['--repo', repos.incompat!, '--tag', 'v2.0.0', '--proxy', proxy.url], {
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: emptyHome() },
      cwd: tmp,
    }).catch((e: unknown) => {
      stderr += String(e);
      return 2;
    });
    expect(code).toBe(2);
    expect(stderr).toContain('--module');
    expect(proxy.requests).toEqual([]);
  });

  it('a version that a later version retracts warns with the go command’s own texts', async () => {
    const proxy = await mirror();
    // What go get prints for this version through the same mirror.
    const root = await mkdtemp(path.join(tmp, 'goget-'));
    const mod = path.join(root, 'work');
    await mkdir(mod);
    await writeFile(path.join(mod, 'go.mod'), 'module example.com/user\n\ngo 1.18\n');
    const got = await spawnText(goBin(), ['get', 'example.com/retract@v1.2.3'], {
      cwd: mod,
      env: isolatedGoEnv(root, { GOPROXY: proxy.url }),
      timeoutMs: 60_000,
    });
    expect(got.code, got.stderr).toBe(0);
    const goLines = got.stderr.split('\n');
    const goRetracted = goLines.find((l) => l.startsWith('go: warning: example.com/retract@'));
    const goDeprecated = goLines.find((l) => l.startsWith('go: module example.com/retract is'));
    expect(goRetracted, got.stderr).toBeDefined();
    expect(goDeprecated, got.stderr).toBeDefined();

    const r = await verify({ repo: 'retract', tag: 'v1.2.3', goproxy: proxy.url });
    expect(r.code, r.stderr).toBe(0);
    expect(r.report.verdict).toBe('pass');
    const retracted = r.report.findings.filter((f) => f.code === 'retracted');
    const deprecated = r.report.findings.filter((f) => f.code === 'deprecated');
    expect(retracted.map((f) => f.severity)).toEqual(['warning']);
    expect(retracted[0]?.message).toContain(goRetracted!.slice('go: warning: '.length));
    expect(deprecated.map((f) => f.severity)).toEqual(['warning']);
    expect(deprecated[0]?.message).toContain(goDeprecated!.slice('go: '.length));
    // Read from v1.3.0's .mod, which the mirror's list named.
    const urls = proxy.requests.map((q) => q.url);
    expect(urls).toContain('/example.com/retract/@v/list');
    expect(urls).toContain('/example.com/retract/@v/v1.3.0.mod');
  });

  it('a refusal body fails mirror-rejected and quotes the body', async () => {
    const proxy = await mirror();
    const body =
      'not found: example.com/clean@v1.0.0: invalid version: git ls-remote -q origin: exit status 128:\n\tfatal: repository not found\n';
    proxy.script.set('example.com/clean/@v/v1.0.0.info', { status: 404, body });
    const r = await verify({ repo: 'clean', tag: 'v1.0.0', goproxy: proxy.url });
    expect(r.code, r.stderr).toBe(1);
    expect(r.report.verdict).toBe('fail');
    const f = r.report.findings.find((x) => x.code === 'mirror-rejected');
    expect(f?.message).toContain(body.trim());
  });

  it('a shallow checkout of only the pushed tag still advises a version above the highest release', async () => {
    const was = before.get('example.com/twice@v1.0.0')!;
    const now = after.get('example.com/twice@v1.0.0')!;
    const newest = before.get('example.com/twice@v1.1.0')!;
    expect(now.Sum).not.toBe(was.Sum);
    const shallow = repos['twice-shallow']!;
    const isShallow = await git(shallow, ['rev-parse', '--is-shallow-repository']);
    expect(isShallow.toString().trim()).toBe('true');
    expect((await git(shallow, ['tag'])).toString().trim()).toBe('v1.0.0');
    // The go command's own list of the mirror names the higher release.
    const list = await readFile(
      path.join(mirrorRoot, 'example.com', 'twice', '@v', 'list'),
      'utf8',
    );
    expect(list.split('\n')).toContain(newest.Version);

    const proxy = await mirror();
    const r = await verify({ repo: 'twice-shallow', tag: 'v1.0.0', goproxy: proxy.url });
    expect(r.code, r.stderr).toBe(1);
    expect(codes(r.report)).toContain('tag-moved');
    expect(r.report.hashes.local).toEqual({ zip: now.Sum, mod: now.GoModSum });
    expect(r.report.hashes.sumdb).toEqual({ zip: was.Sum, mod: was.GoModSum });
    // Above v1.1.0, so the go command reads the retract line.
    expect(r.report.remedy).toEqual({
      nextVersion: 'v1.1.1',
      retract: 'retract v1.0.0 // tag v1.0.0 moved after publication; use v1.1.1',
    });
    expect(r.report.findings.find((f) => f.code === 'tag-moved')?.fix).toContain('Publish v1.1.1');
    expect(proxy.requests.map((q) => q.url)).toContain('/example.com/twice/@v/list');
  });

  it('the same checkout without a mirror to ask says the advice may be wrong, and why', async () => {
    const r = await verify({ repo: 'twice-shallow', tag: 'v1.0.0', goproxy: 'off' });
    expect(r.code, r.stderr).toBe(1);
    expect(codes(r.report)).toContain('tag-moved');
    expect(r.report.remedy?.nextVersion).toBe('v1.0.1');
    expect(r.report.remedy?.caveat).toContain('may be wrong');
    expect(r.report.remedy?.caveat).toContain('shallow');
    expect(r.report.remedy?.caveat).toContain('GOPROXY=off');
  });

  for (const kind of ['http', 'file'] as const) {
    it(`warming off, a ${kind} mirror without cached-only: a clean mirrored release passes`, async () => {
      const go = before.get('example.com/clean@v1.0.0')!;
      const proxy = await mirror();
      const goproxy = kind === 'http' ? proxy.url : pathToFileURL(mirrorRoot).href;
      const lookups = sumdb.requests.length;
      const r = await verify({ repo: 'clean', tag: 'v1.0.0', goproxy, args: ['--no-warm'] });
      expect(r.code, r.stderr).toBe(0);
      expect(r.report.verdict).toBe('pass');
      expect(r.report.compared).toEqual(['local', 'mirror', 'sumdb']);
      for (const side of ['local', 'mirror', 'sumdb'] as const) {
        expect(r.report.hashes[side], side).toEqual({ zip: go.Sum, mod: go.GoModSum });
      }
      expect(r.report.mirrorCommit).toBe(go.Origin?.Hash);
      expect(r.report.steps.find((s) => s.name === 'warm')?.status).toBe('skipped');
      expect(sumdb.requests.slice(lookups).some((p) => p.includes('example.com/clean'))).toBe(true);
      if (kind === 'http') {
        // The list first; .info, .mod and .zip only because it names the version.
        expect(proxy.requests.map((q) => q.url)).toEqual([
          '/example.com/clean/@v/list',
          '/example.com/clean/@v/v1.0.0.info',
          '/example.com/clean/@v/v1.0.0.mod',
          '/example.com/clean/@v/v1.0.0.zip',
        ]);
      }
    });
  }

  it('warming off, the same with the mirror’s zip swapped fails', async () => {
    const original = before.get('example.com/tamper@v1.0.0')!;
    const donor = after.get('example.com/tamper@v1.0.0')!;
    const proxy = await mirror(tamperedRoot);
    const r = await verify({
      repo: 'tamper',
      tag: 'v1.0.0',
      goproxy: proxy.url,
      args: ['--no-warm'],
    });
    expect(r.code, r.stderr).toBe(1);
    expect(codes(r.report)).toContain('sumdb-mismatch');
    expect(r.report.hashes.mirror.zip).toBe(donor.Sum);
    expect(r.report.hashes.sumdb.zip).toBe(original.Sum);
  });

  it('warming off, a version the mirror does not list is neither fetched nor looked up', async () => {
    const proxy = await mirror(await mkdtemp(path.join(tmp, 'empty-mirror-')));
    const lookups = sumdb.requests.length;
    const r = await verify({
      repo: 'clean',
      tag: 'v1.0.0',
      goproxy: proxy.url,
      args: ['--no-warm'],
    });
    expect(r.code, r.stderr).toBe(3);
    expect(r.report.verdict).toBe('inconclusive');
    expect(proxy.requests.map((q) => q.url)).toEqual(['/example.com/clean/@v/list']);
    expect(sumdb.requests.slice(lookups)).toEqual([]);
    const content = r.report.steps.find((s) => s.name === 'mirror-content');
    expect(content?.detail).toContain('does not hold example.com/clean@v1.0.0');
  });

  it('GOPRIVATE gives "pass (local only)" and asks nobody', async () => {
    const proxy = await mirror();
    const lookups = sumdb.requests.length;
    const r = await verify({
      repo: 'clean',
      tag: 'v1.0.0',
      goproxy: proxy.url,
      env: { GOPRIVATE: 'example.com/clean' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.report.verdict).toBe('pass');
    expect(r.report.compared).toEqual(['local']);
    expect(r.report.localOnly).toContain('GOPRIVATE matches example.com/clean');
    expect(r.stderr).toContain('modseal release gate: PASS (local only)');
    expect(r.stderr).toContain(`local only: ${r.report.localOnly}`);
    for (const s of r.report.steps.filter((x) => x.name !== 'local')) {
      expect(s.detail.startsWith('skipped by configuration'), s.name).toBe(true);
    }
    expect(proxy.requests).toEqual([]);
    expect(sumdb.requests.slice(lookups)).toEqual([]);
  });

  /** A misbehaving mirror, closed when the file ends. */
  async function hostile(b: Behaviour): Promise<HostileServer> {
    const s = await startHostileServer(b);
    closers.push(() => s.close());
    return s;
  }

  /** The progress lines about `url`, one per request the gate made there. */
  function progressLines(stderr: string, url: string): string[] {
    return stderr.split('\n').filter((l) => l.startsWith(`${url} `) && / attempt \d+: /.test(l));
  }

  it('a mirror that accepts connections and never answers ends by the deadline, with progress', async () => {
    const stall = await hostile({ kind: 'stall' });
    const r = await verify({
      repo: 'clean',
      tag: 'v1.0.0',
      goproxy: stall.url,
      args: ['--timeout', '2s'],
      wiring: { clock: systemClock },
    });
    expect(r.code, r.stderr).toBe(3);
    expect(r.report.verdict).toBe('inconclusive');
    const lines = progressLines(r.stderr, stall.url);
    expect(stall.received.length).toBeGreaterThan(0);
    expect(lines).toHaveLength(stall.received.length);
    expect(r.report.steps.find((s) => s.name === 'warm')?.attempts).toBe(stall.received.length);
    const deadline = r.report.findings.find((f) => f.message.includes("check's deadline"));
    expect(deadline?.message).toContain('timeout 2s');
    expect(deadline?.fix).toContain('--timeout');
  });

  it('a mirror that drips a byte at a time is cut, and ends by the deadline with progress', async () => {
    const drip = await hostile({ kind: 'drip', intervalMs: 100 });
    const r = await verify({
      repo: 'clean',
      tag: 'v1.0.0',
      goproxy: drip.url,
      args: ['--timeout', '5s'],
      wiring: {
        clock: systemClock,
        http: createNodeHttpClient({ minRate: { bytes: 1024, windowMs: 250 } }),
      },
    });
    expect(r.code, r.stderr).toBe(3);
    expect(r.report.verdict).toBe('inconclusive');
    const lines = progressLines(r.stderr, drip.url);
    expect(drip.received.length).toBeGreaterThan(0);
    expect(lines).toHaveLength(drip.received.length);
    expect(lines[0]).toContain('transfer too slow');
    expect(r.report.steps.find((s) => s.name === 'warm')?.attempts).toBe(drip.received.length);
  });

  it('a mirror answering 404 is asked until the deadline, each request counted once', async () => {
    const body = 'not found: example.com/clean@v1.0.0: invalid version: unknown revision v1.0.0';
    const lagging = await hostile({ kind: 'status', status: 404, body });
    const clock = fakeClock();
    const r = await verify({
      repo: 'clean',
      tag: 'v1.0.0',
      goproxy: lagging.url,
      args: ['--warm-timeout', '10m', '--timeout', '3m'],
      wiring: { clock },
    });
    expect(r.code, r.stderr).toBe(3);
    expect(r.report.verdict).toBe('inconclusive');
    const n = lagging.received.length;
    expect(n).toBeGreaterThan(1);
    expect(lagging.received.every((q) => q.requestLine.includes('/@v/v1.0.0.info'))).toBe(true);
    const lines = progressLines(r.stderr, lagging.url);
    expect(lines).toHaveLength(n);
    expect(lines.at(-1)).toContain('no time left to ask again');
    const warm = r.report.steps.find((s) => s.name === 'warm');
    expect(warm?.attempts).toBe(n);
    expect(warm?.detail).toContain(`(${n} attempts)`);
    expect(clock.slept).toBeLessThanOrEqual(3 * 60_000);
    const deadline = r.report.findings.find((f) => f.message.includes("check's deadline"));
    expect(deadline?.message).toContain('unknown revision v1.0.0');
  });
});

// The Action as GitHub runs it: `node dist/index.js` in a child process, with
// inputs in INPUT_* variables, the ref and workspace in GITHUB_*, and the
// outputs and job summary written to the files the runner hands over. The
// mirror is a go-made module cache served on 127.0.0.1 (or scripted, or a
// closed port); the checksum database holds the go command's own hashes.
import { readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCommits, createFixtureRepo, moveTag, removeAtEnd } from '../support/git-fixture.js';
import { describeWithGo } from '../oracle/go-env.js';
import { downloadToProxyDir, type GoDownloadResult } from '../oracle/go-command.js';
import { startGoproxyServer, type GoproxyServer } from '../support/goproxy-server.js';
import { startGitServer, type GitServer } from '../support/loopback-git-server.js';
import { TestSumdb } from '../support/sumdb-server.js';
import { renderGfm } from '../report/github-render.js';
import { BUILD_PATIENCE_MS, ensureDist, runAction, type ActionRun } from './dist-runner.js';

function errorCommands(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l.startsWith('::error'));
}

function expectNoStack(r: ActionRun): void {
  expect(r.stdout).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

const cleanFiles = [
  { path: 'go.mod', content: 'module example.com/clean\n\ngo 1.18\n' },
  { path: 'clean.go', content: 'package clean\n' },
];

beforeAll(ensureDist, BUILD_PATIENCE_MS + 60_000);

describe('dist/index.js without the go command', () => {
  let tmp: string;
  let workspace: string;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'modseal-dist-'));
    removeAtEnd(tmp);
    workspace = path.join(tmp, 'ws');
    await createFixtureRepo(workspace, [{ files: cleanFiles, tags: ['v1.0.0'] }]);
  });

  afterAll(async () => {
    for (const c of closers.splice(0)) await c();
  });

  it.each([
    ['warm-timeout', '5 parsecs'],
    ['goproxy', 'ftp://x'],
    ['gosumdb', 'a b c'],
    ['gosumdb', 'sum.example+1+abc ftp://x'],
  ])('a bad %s input (%j) is one ::error:: naming it, exit 1', async (name, value) => {
    const r = await runAction({
      workspace,
      ref: 'refs/tags/v1.0.0',
      inputs: { [name]: value },
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const errors = errorCommands(r.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^::error::${name}: `));
    expectNoStack(r);
    expect(r.outputs).toEqual({});
  });

  it('an unreachable mirror is inconclusive and fails the step', async () => {
    const port = await closedPort();
    const r = await runAction({
      workspace,
      ref: 'refs/tags/v1.0.0',
      inputs: {
        goproxy: `http://127.0.0.1:${port}`,
        gosumdb: 'off',
        'warm-timeout': '1ms',
      },
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.outputs.verdict).toBe('inconclusive');
    expect(r.outputs.module).toBe('example.com/clean');
    expect(r.outputs.version).toBe('v1.0.0');
    expect(r.outputs['mirror-h1']).toBe('');
    expect(r.outputs['sumdb-h1']).toBe('');
    // One line pointing at the summary; the annotations carry the messages.
    expect(r.stdout).toMatch(
      /^::error::modseal release gate: inconclusive for example\.com\/clean@v1\.0\.0 \([^)]*\): see the job summary$/m,
    );
    expect(r.summary).toContain('## modseal release gate: ⚠️ inconclusive');
    expectNoStack(r);
  });

  it('tags: all-at-head on workflow_dispatch gates every version tag on the commit', async () => {
    // Four tags on one commit: a single push of them creates no push event.
    const multi = path.join(tmp, 'four');
    const tags = ['a/v0.1.0', 'b/v0.2.0', 'c/v1.3.0', 'v1.0.0'];
    await createFixtureRepo(multi, [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/four\n' },
          { path: 'a/go.mod', content: 'module example.com/four/a\n' },
          { path: 'b/go.mod', content: 'module example.com/four/b\n' },
          { path: 'c/go.mod', content: 'module example.com/four/c\n' },
        ],
        tags: [...tags, 'not-a-version'],
      },
    ]);
    const r = await runAction({
      workspace: multi,
      ref: 'refs/heads/main',
      event: 'workflow_dispatch',
      inputs: { mode: 'release', tags: 'all-at-head', goproxy: 'off', gosumdb: 'off' },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(r.outputs.compared).toBe('local');
    expect(r.summary).toContain('## modseal release gate: ✅ pass (4 tags)');
    for (const tag of tags) {
      expect(r.summary).toContain(`### \`${tag}\`: ✅ pass (local only)`);
      // Nothing remote was compared: said where a maintainer looks.
      expect(r.stdout).toContain(`::notice title=modseal%3A pass (local only) ${tag}::`);
    }
    expect(r.summary).not.toContain('not-a-version');
    for (const dir of ['a', 'b', 'c']) {
      const file = path.join(r.runnerTemp, 'modseal', 'example.com', 'four', dir, '@v');
      expect(readdirSync(file)).toHaveLength(1);
    }
    expectNoStack(r);
  });

  describe('tokens', () => {
    const proxyToken = `mst_${randomBytes(12).toString('hex')}`;
    const githubToken = `ghs_${randomBytes(12).toString('hex')}`;
    let proxy: GoproxyServer;

    beforeAll(async () => {
      proxy = await startGoproxyServer(path.join(tmp, 'empty'));
      closers.push(() => proxy.close());
      // A mirror that echoes a secret in its refusal: the Action must not.
      proxy.script.set('example.com/clean/@v/v1.0.0.info', {
        status: 404,
        body: `not found: example.com/clean@v1.0.0: invalid version: git fetch https://x:${proxyToken}@example.com/clean failed (${githubToken})\n`,
      });
    });

    async function refused(failOn: string): Promise<ActionRun> {
      return runAction({
        workspace,
        ref: 'refs/tags/v1.0.0',
        inputs: {
          goproxy: proxy.url,
          gosumdb: 'off',
          'proxy-token': proxyToken,
          'github-token': githubToken,
          'fail-on': failOn,
        },
      });
    }

    it('are masked first and never printed or written anywhere else', async () => {
      const r = await refused('error');
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const lines = r.stdout.split('\n');
      expect(lines).toContain(`::add-mask::${proxyToken}`);
      expect(lines).toContain(`::add-mask::${githubToken}`);
      const firstMask = lines.findIndex((l) => l.startsWith('::add-mask::'));
      expect(lines.slice(0, firstMask).join('')).toBe('');
      for (const t of [proxyToken, githubToken]) {
        expect(
          occurrences(r.stdout, t),
          r.stdout
            .split('\n')
            .filter((l) => l.includes(t))
            .join('\n'),
        ).toBe(1);
        expect(r.stderr).not.toContain(t);
        expect(JSON.stringify(r.outputs)).not.toContain(t);
        expect(r.summary).not.toContain(t);
        expect(await readFile(r.outputs['report-path']!, 'utf8')).not.toContain(t);
      }
      // The refusal still reaches the user, with the secrets blanked out.
      const rejected = errorCommands(r.stdout).find((l) => l.includes('mirror-rejected'));
      expect(rejected).toMatch(/^::error title=modseal%3A mirror-rejected,file=go\.mod,line=1,/);
      expect(rejected).toContain('git fetch https://x:***@example.com/clean failed (***)');
      expect(r.outputs.verdict).toBe('fail');
      expect(r.outputs['report-path']).toBe(
        path.join(r.runnerTemp, 'modseal', 'example.com', 'clean', '@v', 'v1.0.0.json'),
      );
      const report = JSON.parse(await readFile(r.outputs['report-path']!, 'utf8')) as {
        verdict: string;
        findings: { code: string }[];
      };
      expect(report.verdict).toBe('fail');
      expect(report.findings.map((f) => f.code)).toContain('mirror-rejected');
      expect(r.summary).toContain('## modseal release gate: ❌ fail');
      expectNoStack(r);
    });

    it('fail-on: never reports the failure but keeps the step green', async () => {
      const r = await refused('never');
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.outputs.verdict).toBe('fail');
      expect(r.stdout).not.toMatch(/^::error::modseal release gate/m);
      expect(errorCommands(r.stdout).some((l) => l.includes('mirror-rejected'))).toBe(true);
    });
  });
});

describeWithGo('dist/index.js against a go-made mirror and checksum database', () => {
  let tmp: string;
  let gitServer: GitServer;
  let proxy: GoproxyServer;
  let sumdb: TestSumdb;
  const repos: Record<string, string> = {};
  const go = new Map<string, GoDownloadResult>();
  const queries = [
    'example.com/clean@v1.0.0',
    'example.com/deprecated@v1.0.0',
    'example.com/v3bad@v3.0.0',
    'example.com/multi/sub@v1.0.0',
    'example.com/moved@v1.0.0',
  ];

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'modseal-dist-go-'));
    removeAtEnd(tmp);
    const make = async (name: string, files: { path: string; content: string }[], tag: string) => {
      repos[name] = path.join(tmp, name);
      await createFixtureRepo(repos[name], [{ files, tags: [{ name: tag, annotated: true }] }]);
    };
    await make('clean', cleanFiles, 'v1.0.0');
    await make(
      'deprecated',
      [
        {
          path: 'go.mod',
          content: '// Deprecated: use example.com/clean instead.\nmodule example.com/deprecated\n',
        },
        { path: 'd.go', content: 'package deprecated\n' },
      ],
      'v1.0.0',
    );
    await make(
      'v3bad',
      [
        { path: 'go.mod', content: 'module example.com/v3bad\n' },
        { path: 'v.go', content: 'package v3bad\n' },
      ],
      'v3.0.0',
    );
    await make(
      'multi',
      [
        { path: 'go.mod', content: 'module example.com/multi\n' },
        { path: 'sub/go.mod', content: 'module example.com/multi/sub\n' },
        { path: 'sub/s.go', content: 'package sub\n' },
      ],
      'sub/v1.0.0',
    );
    await make(
      'moved',
      [
        { path: 'go.mod', content: 'module example.com/moved\n' },
        { path: 'm.go', content: 'package moved\n\nconst V = 1\n' },
      ],
      'v1.0.0',
    );
    gitServer = await startGitServer(
      Object.fromEntries(Object.entries(repos).map(([k, d]) => [`example.com/${k}`, d])),
    );
    const { proxyDir, results } = await downloadToProxyDir(gitServer, queries);
    for (const [i, q] of queries.entries()) go.set(q, results[i]!);
    const mirrorRoot = path.join(tmp, 'mirror');
    await cp(proxyDir, mirrorRoot, { recursive: true });
    proxy = await startGoproxyServer(mirrorRoot);
    sumdb = await TestSumdb.start({
      records: Object.fromEntries(
        [...go.values()]
          .filter((r) => r.Error === undefined)
          .map((r) => [
            `${r.Path}@${r.Version}`,
            `${r.Path} ${r.Version} ${r.Sum}\n${r.Path} ${r.Version}/go.mod ${r.GoModSum}\n`,
          ]),
      ),
    });
  }, 120_000);

  afterAll(async () => {
    await proxy?.close();
    await sumdb?.close();
    await gitServer?.close();
  });

  const inputs = (): Record<string, string> => ({
    goproxy: proxy.url,
    gosumdb: `${sumdb.verifierKey} ${sumdb.url}`,
  });

  it('a clean release passes: outputs carry the go command’s hashes', async () => {
    const want = go.get('example.com/clean@v1.0.0')!;
    expect(want.Error).toBeUndefined();
    const r = await runAction({
      workspace: repos.clean!,
      ref: 'refs/tags/v1.0.0',
      inputs: inputs(),
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(errorCommands(r.stdout)).toEqual([]);
    expect(r.outputs).toEqual({
      verdict: 'pass',
      module: 'example.com/clean',
      version: 'v1.0.0',
      compared: 'local,mirror,sumdb',
      'local-h1': want.Sum,
      'mirror-h1': want.Sum,
      'sumdb-h1': want.Sum,
      'next-version': '',
      'retract-line': '',
      'report-path': path.join(
        r.runnerTemp,
        'modseal',
        'example.com',
        'clean',
        '@v',
        'v1.0.0.json',
      ),
    });
    const report = JSON.parse(await readFile(r.outputs['report-path']!, 'utf8')) as {
      schema: string;
      verdict: string;
      hashes: { sumdb: { mod?: string } };
    };
    expect(report.schema).toBe('modseal.release-report/v1');
    expect(report.verdict).toBe('pass');
    expect(report.hashes.sumdb.mod).toBe(want.GoModSum);
    expect(r.summary).toContain('## modseal release gate: ✅ pass');
    expect(r.summary).toContain('example.com/clean@v1.0.0');
    expect(r.summary).toContain(want.Sum!);
    // The log: one collapsible group per phase of the check, none left open.
    const groups = r.stdout.split('\n').filter((l) => l.startsWith('::group::'));
    expect(groups.map((l) => l.replace(/ hold$/, ''))).toEqual([
      '::group::v1.0.0: rebuilding the module zip locally',
      `::group::v1.0.0: what ${proxy.url} and ${sumdb.name}`,
      `::group::v1.0.0: downloading from ${proxy.url}`,
      '::group::v1.0.0: retractions and deprecation',
    ]);
    expect(occurrences(r.stdout, '::endgroup::')).toBe(groups.length);
  });

  it('a v3 tag without /v3 is an error annotation on go.mod with Go’s text', async () => {
    const want = go.get('example.com/v3bad@v3.0.0')!;
    expect(want.Error).toBeDefined();
    const before = proxy.requests.length;
    const r = await runAction({
      workspace: repos.v3bad!,
      ref: 'refs/tags/v3.0.0',
      inputs: inputs(),
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const annotation = errorCommands(r.stdout).find((l) => l.includes('version-invalid'));
    expect(annotation).toMatch(
      /^::error title=modseal%3A version-invalid,file=go\.mod,line=1,col=1::/,
    );
    expect(annotation).toContain(want.Error!.replace(/%/g, '%25'));
    expect(r.stdout).toMatch(
      /^::error::modseal release gate: fail for example\.com\/v3bad@v3\.0\.0 \(version-invalid\): see the job summary$/m,
    );
    expect(r.outputs.verdict).toBe('fail');
    expect(r.outputs.module).toBe('example.com/v3bad');
    expect(r.outputs.version).toBe('v3.0.0');
    expect(r.outputs['mirror-h1']).toBe('');
    expect(proxy.requests.slice(before)).toEqual([]);
    expect(r.summary).toContain('version-invalid');
  });

  it('a push of a subdirectory tag checks the module in that directory', async () => {
    const want = go.get('example.com/multi/sub@v1.0.0')!;
    expect(want.Error).toBeUndefined();
    const r = await runAction({
      workspace: repos.multi!,
      ref: 'refs/tags/sub/v1.0.0',
      inputs: inputs(),
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(r.outputs.module).toBe('example.com/multi/sub');
    expect(r.outputs['local-h1']).toBe(want.Sum);
    expect(r.outputs['mirror-h1']).toBe(want.Sum);
    expect(r.outputs['sumdb-h1']).toBe(want.Sum);
  });

  it('fail-on decides whether a warning fails the step', async () => {
    const want = go.get('example.com/deprecated@v1.0.0')!;
    expect(want.Error).toBeUndefined();
    const run = (failOn: string) =>
      runAction({
        workspace: repos.deprecated!,
        ref: 'refs/tags/v1.0.0',
        inputs: { ...inputs(), 'fail-on': failOn },
      });
    const strict = await run('warning');
    expect(strict.code, strict.stdout + strict.stderr).toBe(1);
    expect(strict.outputs.verdict).toBe('pass');
    expect(strict.outputs['sumdb-h1']).toBe(want.Sum);
    expect(strict.stdout).toMatch(/^::warning title=modseal%3A deprecated,file=go\.mod,line=2,/m);
    const lenient = await run('error');
    expect(lenient.code, lenient.stdout + lenient.stderr).toBe(0);
    expect(lenient.outputs.verdict).toBe('pass');
  });

  it('a moved tag: one job-level error, the fix as outputs, a summary that reads as GitHub shows it', async () => {
    expect(go.get('example.com/moved@v1.0.0')?.Error).toBeUndefined();
    // The mirror and the database hold v1.0.0 as the go command saw it; then the tag moves.
    const [moved] = await addCommits(repos.moved!, [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/moved\n' },
          { path: 'm.go', content: 'package moved\n\nconst V = 2\n' },
        ],
      },
    ]);
    await moveTag(repos.moved!, 'v1.0.0', moved!);
    const r = await runAction({
      workspace: repos.moved!,
      ref: 'refs/tags/v1.0.0',
      inputs: inputs(),
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.outputs.verdict, r.stdout + r.stderr).toBe('fail');
    expect(r.outputs['next-version']).toBe('v1.0.1');
    expect(r.outputs['retract-line']).toMatch(/^retract v1\.0\.0 \/\/ .*v1\.0\.1$/);
    const errors = errorCommands(r.stdout);
    // The moved tag is not a problem of go.mod line 1: a job-level error, once.
    const annotations = errors.filter((l) => l.startsWith('::error title='));
    expect(annotations.filter((l) => l.includes('tag-moved'))).toHaveLength(1);
    expect(annotations.find((l) => l.includes('tag-moved'))).toMatch(
      /^::error title=modseal%3A tag-moved::/,
    );
    expect(annotations.filter((l) => l.includes('origin-mismatch'))).toEqual([]);
    expect(errors).toContain(
      '::error::modseal release gate: fail for example.com/moved@v1.0.0 (tag-moved): see the job summary',
    );
    const html = renderGfm(r.summary);
    expect(html).not.toContain('mailto:');
    expect(html).toContain(
      `<pre><code>${r.outputs['retract-line']!.replace(/&/g, '&amp;')}\n</code></pre>`,
    );
    expect(html).toContain('<strong>Who is affected.</strong>');
    expect(html).toContain(`href="https://github.com/example/module/commit/${moved!}"`);
    expect(html).toMatch(/❌ <strong><code>h1:/);
  });
});

import { describe, expect, it } from 'vitest';
import type { ReleaseApi } from '../../src/action/release-note.js';
import { runAction, type ActionReporter, type AnnotationProperties } from '../../src/action/run.js';
import type { ReleaseCheckRequest } from '../../src/checks/release.js';
import {
  REPORT_SCHEMA,
  type Finding,
  type ReleaseReport,
  type Verdict,
} from '../../src/checks/types.js';

interface Recorded {
  secrets: string[];
  outputs: Record<string, string>;
  annotations: { severity: string; message: string; props?: AnnotationProperties }[];
  info: string[];
  summary: string[];
  failed: string[];
  files: Record<string, string>;
  order: string[];
}

function recorder(): { reporter: ActionReporter; rec: Recorded } {
  const rec: Recorded = {
    secrets: [],
    outputs: {},
    annotations: [],
    info: [],
    summary: [],
    failed: [],
    files: {},
    order: [],
  };
  const annotate =
    (severity: string) =>
    (message: string, props?: AnnotationProperties): void => {
      rec.order.push(severity);
      rec.annotations.push({ severity, message, ...(props ? { props } : {}) });
    };
  const reporter: ActionReporter = {
    setSecret: (s) => {
      rec.order.push('setSecret');
      rec.secrets.push(s);
    },
    setOutput: (n, v) => {
      rec.order.push('setOutput');
      rec.outputs[n] = v;
    },
    info: (m) => {
      rec.order.push('info');
      rec.info.push(m);
    },
    error: annotate('error'),
    warning: annotate('warning'),
    notice: annotate('notice'),
    writeSummary: (md) => {
      rec.summary.push(md);
      return Promise.resolve();
    },
    setFailed: (m) => {
      rec.order.push('setFailed');
      rec.failed.push(m);
    },
  };
  return { reporter, rec };
}

function report(verdict: Verdict, findings: Finding[] = []): ReleaseReport {
  return {
    schema: REPORT_SCHEMA,
    verdict,
    tag: 'v1.2.3',
    module: 'example.com/m',
    version: 'v1.2.3',
    commit: '1111111111111111111111111111111111111111',
    goMod: { file: 'go.mod', line: 1, column: 1 },
    hashes: {
      local: { zip: 'h1:L=', mod: 'h1:LM=' },
      mirror: { zip: 'h1:M=', mod: 'h1:MM=' },
      sumdb: { zip: 'h1:S=', mod: 'h1:SM=' },
    },
    steps: [{ name: 'local', status: 'ok', detail: 'ok' }],
    findings,
  };
}

const finding = (severity: Finding['severity'], n = 0): Finding => ({
  code: severity === 'error' ? 'tag-moved' : 'deprecated',
  severity,
  message: `${severity} number ${n}`,
  file: 'go.mod',
  line: 1,
  column: 1,
});

class FakeReleases implements ReleaseApi {
  updates: { id: number; body: string }[] = [];
  constructor(
    public release: { id: number; body: string } | undefined,
    public tags: string[] = [],
  ) {}
  getReleaseByTag(tag: string): Promise<{ id: number; body: string } | undefined> {
    this.tags.push(tag);
    return Promise.resolve(this.release);
  }
  updateRelease(id: number, body: string): Promise<void> {
    this.updates.push({ id, body });
    if (this.release) this.release = { id, body };
    return Promise.resolve();
  }
}

interface Setup {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  result?: ReleaseReport | Error;
  releases?: FakeReleases;
}

async function run(setup: Setup = {}) {
  const { reporter, rec } = recorder();
  const requests: ReleaseCheckRequest[] = [];
  const tokens: string[] = [];
  const releases = setup.releases ?? new FakeReleases(undefined);
  const verdict = await runAction({
    getInput: (name) => ({ 'github-token': 'ghs_TOKEN123', ...setup.inputs })[name] ?? '',
    env: {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/tags/v1.2.3',
      GITHUB_WORKSPACE: '/ws',
      RUNNER_TEMP: '/tmp/runner',
      ...setup.env,
    },
    reporter,
    releaseCheck: (req) => {
      requests.push(req);
      const r = setup.result ?? report('pass');
      return r instanceof Error ? Promise.reject(r) : Promise.resolve(r);
    },
    writeFile: (file, text) => {
      rec.files[file] = text;
      return Promise.resolve();
    },
    releases: (token) => {
      tokens.push(token);
      return releases;
    },
  });
  return { verdict, rec, requests, tokens, releases };
}

describe('runAction', () => {
  it('runs the release gate on a tag push and publishes the results', async () => {
    const { verdict, rec, requests } = await run({ inputs: { 'working-directory': 'mod' } });
    expect(verdict).toBe('pass');
    expect(requests).toEqual([
      { repoDir: '/ws/mod', tag: 'v1.2.3', warm: true, warmTimeoutMs: 600_000 },
    ]);
    expect(rec.outputs).toEqual({
      'report-path': '/tmp/runner/modseal-report.json',
      verdict: 'pass',
      module: 'example.com/m',
      version: 'v1.2.3',
      'local-h1': 'h1:L=',
      'mirror-h1': 'h1:M=',
      'sumdb-h1': 'h1:S=',
    });
    const json = JSON.parse(rec.files['/tmp/runner/modseal-report.json'] ?? '{}') as {
      schema?: string;
    };
    expect(json.schema).toBe(REPORT_SCHEMA);
    expect(rec.summary).toHaveLength(1);
    expect(rec.summary[0]).toContain('modseal release gate: ✅ pass');
    expect(rec.failed).toEqual([]);
  });

  it('says that only the release gate exists when the event is not a tag push', async () => {
    const { verdict, rec, requests } = await run({
      env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' },
    });
    expect(verdict).toBe('input-error');
    expect(requests).toEqual([]);
    expect(rec.failed).toHaveLength(1);
    expect(rec.failed[0]).toMatch(/^mode: auto found a pull_request event on refs\/pull\/7\/merge/);
    expect(rec.failed[0]).toContain('only the release gate');
  });

  it('checks an explicit tag on any event', async () => {
    const { requests } = await run({
      inputs: { tag: 'sub/v2.0.1' },
      env: { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/heads/main' },
    });
    expect(requests[0]?.tag).toBe('sub/v2.0.1');
  });

  it('fails with the input named when an input is bad', async () => {
    const { verdict, rec, requests } = await run({ inputs: { 'warm-timeout': '5 parsecs' } });
    expect(verdict).toBe('input-error');
    expect(requests).toEqual([]);
    expect(rec.failed[0]).toMatch(/^warm-timeout: /);
  });

  it('reports a crash of the check as one line', async () => {
    const { rec } = await run({ result: new Error('boom') });
    expect(rec.failed).toEqual(['modseal: internal error: boom']);
  });

  it('puts version problems on the go.mod module line', async () => {
    const { rec } = await run({
      result: report('fail', [
        {
          code: 'version-invalid',
          severity: 'error',
          message: 'example.com/m@v2.0.0: invalid version: should be v0 or v1, not v2',
          file: 'sub/go.mod',
          line: 3,
          column: 1,
        },
      ]),
    });
    expect(rec.annotations).toEqual([
      {
        severity: 'error',
        message: expect.stringContaining('should be v0 or v1, not v2') as unknown,
        props: {
          title: 'modseal: version-invalid',
          file: 'sub/go.mod',
          startLine: 3,
          startColumn: 1,
        },
      },
    ]);
  });

  it('caps annotations at 10 per severity and lists the rest in the summary', async () => {
    const findings = [
      ...Array.from({ length: 15 }, (_, i) => finding('error', i)),
      ...Array.from({ length: 12 }, (_, i) => finding('warning', i)),
      finding('notice', 0),
    ];
    const { rec } = await run({ result: report('fail', findings) });
    const count = (s: string) => rec.annotations.filter((a) => a.severity === s).length;
    expect([count('error'), count('warning'), count('notice')]).toEqual([10, 10, 1]);
    const summary = rec.summary[0] ?? '';
    expect(summary).toContain('error number 14');
    expect(summary).toContain('warning number 11');
    expect(summary).toContain('7 more are listed here only');
  });

  describe('fail-on', () => {
    const cases: [string, Verdict, Finding[], boolean][] = [
      ['error', 'pass', [], false],
      ['error', 'pass', [finding('warning')], false],
      ['error', 'fail', [finding('error')], true],
      ['error', 'inconclusive', [], true],
      ['warning', 'pass', [finding('warning')], true],
      ['warning', 'pass', [finding('notice')], false],
      ['warning', 'fail', [finding('error')], true],
      ['never', 'fail', [finding('error')], false],
      ['never', 'inconclusive', [], false],
    ];
    it.each(cases)('fail-on %s with verdict %s (%j) fails: %s', async (failOn, v, f, fails) => {
      const { rec } = await run({ inputs: { 'fail-on': failOn }, result: report(v, f) });
      expect(rec.failed.length > 0).toBe(fails);
      expect(rec.outputs.verdict).toBe(v);
      if (fails) expect(rec.failed[0]).toMatch(new RegExp(`^modseal release gate: ${v}: `));
    });
  });

  describe('release-note', () => {
    it('adds a warning block to the release, replaces it on re-runs, removes it once clean', async () => {
      const releases = new FakeReleases({ id: 7, body: 'Release notes.\n' });
      const bad = report('fail', [finding('error')]);
      bad.remedy = { nextVersion: 'v1.2.4', retract: 'retract v1.2.3 // moved; use v1.2.4' };
      const first = await run({ inputs: { 'release-note': 'true' }, result: bad, releases });
      expect(first.tokens).toEqual(['ghs_TOKEN123']);
      expect(releases.tags).toEqual(['v1.2.3']);
      expect(releases.updates).toHaveLength(1);
      const body = releases.updates[0]?.body ?? '';
      expect(body.startsWith('Release notes.\n\n<!-- modseal:release-note:start -->')).toBe(true);
      expect(body).toContain('error number 0');
      expect(body).toContain('retract v1.2.3 // moved; use v1.2.4');

      await run({ inputs: { 'release-note': 'true' }, result: bad, releases });
      // Same content: no second write, and never two blocks.
      expect(releases.updates).toHaveLength(1);

      await run({ inputs: { 'release-note': 'true' }, result: report('pass'), releases });
      expect(releases.updates).toHaveLength(2);
      expect(releases.updates[1]?.body).toBe('Release notes.');
    });

    it('leaves releases alone unless asked', async () => {
      const releases = new FakeReleases({ id: 7, body: 'x' });
      const { tokens } = await run({ result: report('fail', [finding('error')]), releases });
      expect(tokens).toEqual([]);
      expect(releases.updates).toEqual([]);
    });

    it('copes with a tag that has no GitHub Release yet', async () => {
      const releases = new FakeReleases(undefined);
      const { rec } = await run({
        inputs: { 'release-note': 'true' },
        result: report('fail', [finding('error')]),
        releases,
      });
      expect(releases.updates).toEqual([]);
      expect(rec.info.some((m) => m.includes('no GitHub Release for v1.2.3'))).toBe(true);
    });
  });

  it('masks both tokens first and never prints them, even when a server echoes one', async () => {
    const proxyToken = 'PROXY_TOKEN_456';
    const echoed = report('inconclusive', [
      {
        code: 'unreachable',
        severity: 'warning',
        message: `GET https://x:${proxyToken}@goproxy.example/m/@v/v1.2.3.info: 502 (Bearer ghs_TOKEN123)`,
      },
    ]);
    echoed.steps = [{ name: 'warm', status: 'unchecked', detail: `token ${proxyToken}` }];
    const { rec, requests, releases } = await run({
      inputs: { 'proxy-token': proxyToken, 'release-note': 'true' },
      result: echoed,
      releases: new FakeReleases({ id: 1, body: '' }),
    });
    expect(releases.updates).toHaveLength(1);
    expect(rec.order.slice(0, 2)).toEqual(['setSecret', 'setSecret']);
    expect(rec.secrets.sort()).toEqual([proxyToken, 'ghs_TOKEN123'].sort());
    expect(requests[0]?.proxyToken).toBe(proxyToken);
    expect(JSON.stringify(requests)).not.toContain('ghs_TOKEN123');
    const printed = JSON.stringify([
      rec.outputs,
      rec.annotations,
      rec.info,
      rec.summary,
      rec.failed,
      rec.files,
      releases.updates,
    ]);
    expect(printed).toContain('***');
    expect(printed).not.toContain(proxyToken);
    expect(printed).not.toContain('ghs_TOKEN123');
  });
});

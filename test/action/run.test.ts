import { describe, expect, it } from 'vitest';
import type { ReleaseApi } from '../../src/action/release-note.js';
import { runAction, type ActionReporter, type AnnotationProperties } from '../../src/action/run.js';
import type { ReleaseCheckRequest } from '../../src/wire/index.js';
import { InputError } from '../../src/internal/errors.js';
import { sampleReport } from '../support/sample-report.js';
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
  return sampleReport({ verdict, findings });
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
  /** One result for every tag, or per tag. */
  result?: ReleaseReport | Error | ((tag: string) => ReleaseReport | Error);
  releases?: FakeReleases;
  tagsAtHead?: string[];
}

async function run(setup: Setup = {}) {
  const { reporter, rec } = recorder();
  const requests: ReleaseCheckRequest[] = [];
  const tokens: string[] = [];
  const headLookups: string[] = [];
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
      const given = setup.result ?? report('pass');
      const r = typeof given === 'function' ? given(req.tag) : given;
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
    tagsAtHead: (dir) => {
      headLookups.push(dir);
      return setup.tagsAtHead === undefined
        ? Promise.reject(
            new InputError(`tags: all-at-head: no version tag points at HEAD in ${dir}`),
          )
        : Promise.resolve(setup.tagsAtHead);
    },
  });
  return { verdict, rec, requests, tokens, releases, headLookups };
}

describe('runAction', () => {
  it('runs the release gate on a tag push and publishes the results', async () => {
    const { verdict, rec, requests } = await run({ inputs: { 'working-directory': 'mod' } });
    expect(verdict).toBe('pass');
    expect(requests).toEqual([
      {
        repoDir: '/ws/mod',
        tag: 'v1.2.3',
        warm: true,
        warmTimeoutMs: 600_000,
        timeoutMs: 900_000,
      },
    ]);
    const reportPath = '/tmp/runner/modseal/example.com/m/@v/v1.2.3.json';
    expect(rec.outputs).toEqual({
      'report-path': reportPath,
      verdict: 'pass',
      module: 'example.com/m',
      version: 'v1.2.3',
      compared: 'local,mirror,sumdb',
      'local-h1': 'h1:L=',
      'mirror-h1': 'h1:M=',
      'sumdb-h1': 'h1:S=',
      'next-version': '',
      'retract-line': '',
    });
    const json = JSON.parse(rec.files[reportPath] ?? '{}') as { schema?: string };
    expect(json.schema).toBe(REPORT_SCHEMA);
    expect(rec.summary).toHaveLength(1);
    expect(rec.summary[0]).toContain('modseal release gate: ✅ pass');
    expect(rec.failed).toEqual([]);
  });

  it('names the report after module and version, as the module cache does', async () => {
    const r = report('pass');
    r.module = 'github.com/Azure/go-autorest/v14';
    r.version = 'v14.2.0+incompatible';
    const { rec } = await run({ result: r });
    expect(rec.outputs['report-path']).toBe(
      '/tmp/runner/modseal/github.com/!azure/go-autorest/v14/@v/v14.2.0+incompatible.json',
    );
  });

  it('gives the fix of a moved tag as outputs and one short failure line', async () => {
    const moved = report('fail', [
      {
        code: 'tag-moved',
        severity: 'error',
        message:
          'v1.2.3 now points at 1111111111111111111111111111111111111111, but sum.golang.org records other bytes',
        file: 'go.mod',
        line: 1,
        column: 1,
        fix: 'Publish v1.2.4 from the commit you want, with this line added to go.mod:\n    retract v1.2.3 // moved; use v1.2.4',
      },
    ]);
    moved.remedy = { nextVersion: 'v1.2.4', retract: 'retract v1.2.3 // moved; use v1.2.4' };
    const { rec } = await run({ result: moved });
    expect(rec.outputs['next-version']).toBe('v1.2.4');
    expect(rec.outputs['retract-line']).toBe('retract v1.2.3 // moved; use v1.2.4');
    expect(rec.failed).toEqual([
      'modseal release gate: fail for example.com/m@v1.2.3 (tag-moved): see the job summary',
    ]);
    // The moved tag is a job-level error: go.mod line 1 did not change.
    const error = rec.annotations.find((a) => a.severity === 'error');
    expect(error?.props).toEqual({ title: 'modseal: tag-moved' });
    expect(error?.message).toContain('retract v1.2.3 // moved; use v1.2.4');
  });

  it('links commits to the repository on GitHub', async () => {
    const { rec } = await run({
      env: { GITHUB_SERVER_URL: 'https://ghe.example', GITHUB_REPOSITORY: 'owner/repo' },
    });
    expect(rec.summary[0]).toContain(
      '(https://ghe.example/owner/repo/commit/1111111111111111111111111111111111111111)',
    );
  });

  it('adds a notice to a pass that compared nothing remote', async () => {
    const local = report('pass');
    local.compared = ['local'];
    local.localOnly = 'GOPRIVATE matches example.com/m';
    local.hashes.mirror = {};
    local.hashes.sumdb = {};
    const { rec } = await run({ result: local });
    expect(rec.outputs.compared).toBe('local');
    expect(rec.summary[0]).toContain('modseal release gate: ✅ pass (local only)');
    expect(rec.annotations).toEqual([
      {
        severity: 'notice',
        message: expect.stringContaining('GOPRIVATE matches example.com/m') as unknown,
        props: { title: 'modseal: pass (local only)' },
      },
    ]);
    expect(rec.failed).toEqual([]);
  });

  describe('several tags in one run', () => {
    const byTag = (verdicts: Record<string, Verdict>) => (tag: string) => {
      const r = report(verdicts[tag] ?? 'pass', verdicts[tag] === 'fail' ? [finding('error')] : []);
      r.tag = tag;
      if (tag.startsWith('sub/')) r.module = 'example.com/m/sub';
      r.version = tag.split('/').pop();
      return r;
    };

    it('gates every listed tag; the verdict is the worst, with a section per tag', async () => {
      const { verdict, rec, requests } = await run({
        inputs: { tags: 'v1.2.3\nsub/v1.0.0' },
        env: { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/heads/main' },
        result: byTag({ 'sub/v1.0.0': 'fail' }),
      });
      expect(requests.map((r) => r.tag)).toEqual(['v1.2.3', 'sub/v1.0.0']);
      expect(verdict).toBe('fail');
      expect(rec.outputs.verdict).toBe('fail');
      // Single-valued outputs describe the worst tag.
      expect(rec.outputs.module).toBe('example.com/m/sub');
      expect(rec.outputs['report-path']).toBe(
        '/tmp/runner/modseal/example.com/m/sub/@v/v1.0.0.json',
      );
      expect(Object.keys(rec.files).sort()).toEqual([
        '/tmp/runner/modseal/example.com/m/@v/v1.2.3.json',
        '/tmp/runner/modseal/example.com/m/sub/@v/v1.0.0.json',
      ]);
      const summary = rec.summary[0] ?? '';
      expect(summary).toContain('## modseal release gate: ❌ fail (2 tags)');
      expect(summary).toContain('### `v1.2.3`: ✅ pass');
      expect(summary).toContain('### `sub/v1.0.0`: ❌ fail');
      expect(rec.annotations[0]?.props?.title).toBe('modseal: tag-moved sub/v1.0.0');
      expect(rec.failed).toEqual([
        'modseal release gate: fail (1 of 2 tags: sub/v1.0.0: fail: tag-moved): see the job summary',
      ]);
    });

    it('takes every version tag on the checked-out commit with all-at-head', async () => {
      const { requests, headLookups, verdict } = await run({
        inputs: { mode: 'release', tags: 'all-at-head', 'working-directory': 'repo' },
        env: { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/heads/main' },
        tagsAtHead: ['a/v0.3.0', 'b/v1.4.0', 'v1.9.0'],
        result: byTag({}),
      });
      expect(headLookups).toEqual(['/ws/repo']);
      expect(requests.map((r) => r.tag)).toEqual(['a/v0.3.0', 'b/v1.4.0', 'v1.9.0']);
      expect(verdict).toBe('pass');
    });

    it('fails with the reason when no version tag is on the commit', async () => {
      const { rec, requests, verdict } = await run({
        inputs: { tags: 'all-at-head' },
        env: { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/heads/main' },
      });
      expect(verdict).toBe('input-error');
      expect(requests).toEqual([]);
      expect(rec.failed).toEqual(['tags: all-at-head: no version tag points at HEAD in /ws']);
    });

    it('checks the other tags when one cannot be checked, and fails the step', async () => {
      const { rec, requests, verdict } = await run({
        inputs: { tags: 'v1.2.3, v9.9.9' },
        result: (tag) =>
          tag === 'v9.9.9' ? new InputError('tag v9.9.9 does not exist') : byTag({})(tag),
      });
      expect(requests.map((r) => r.tag)).toEqual(['v1.2.3', 'v9.9.9']);
      expect(verdict).toBe('input-error');
      expect(rec.outputs.verdict).toBe('inconclusive');
      expect(rec.summary[0]).toContain('### `v9.9.9`: ⛔ not checked');
      expect(rec.summary[0]).toContain('tag v9.9.9 does not exist');
      expect(rec.failed).toEqual([
        'modseal release gate: inconclusive (1 of 2 tags: v9.9.9: not checked): see the job summary',
      ]);
    });
  });

  it('says what auto runs when the event is neither a tag push, a pull request nor a branch push', async () => {
    const { verdict, rec, requests } = await run({
      env: { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/pull/7/merge' },
    });
    expect(verdict).toBe('input-error');
    expect(requests).toEqual([]);
    expect(rec.failed).toHaveLength(1);
    expect(rec.failed[0]).toMatch(
      /^mode: auto found a workflow_dispatch event on refs\/pull\/7\/merge/,
    );
    expect(rec.failed[0]).toContain('the lint on pull requests and branch pushes');
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
      if (fails) {
        expect(rec.failed).toHaveLength(1);
        expect(rec.failed[0]).toMatch(
          new RegExp(
            `^modseal release gate: ${v === 'pass' ? 'pass with warnings' : v} for example\\.com/m@v1\\.2\\.3.*: see the job summary$`,
          ),
        );
      }
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

// Which runs are the drift scan, and what the scan mode reports: the event
// decides with mode auto (schedule, or workflow_dispatch without tags; with
// tags the dispatch stays the release gate), mode scan forces it, and the
// step's status follows the scan's verdict and fail-on.
import { describe, expect, it } from 'vitest';
import { runAction, type ActionReporter } from '../../src/action/run.js';
import { scanReport } from '../../src/checks/scan/report.js';
import type { VersionFacts } from '../../src/checks/scan/status.js';
import { emptyState } from '../../src/checks/scan/state.js';
import type { ScanRequest, ScanRun } from '../../src/wire/scan.js';
import { sampleReport } from '../support/sample-report.js';

const H = (c: string): string => `h1:${c.repeat(43)}=`;

function facts(moved: boolean): VersionFacts[] {
  return [
    {
      modulePath: 'example.com/m',
      version: 'v1.0.0',
      tag: 'v1.0.0',
      commit: 'a'.repeat(40),
      local: { kind: 'built', hashes: { zip: moved ? H('B') : H('A'), mod: H('M') } },
      mirror: { kind: 'held' },
      sumdb: { kind: 'found', hashes: { zip: H('A'), mod: H('M') } },
      mirrorZip: { kind: 'remembered', hashes: { zip: H('A'), mod: H('M') } },
    },
  ];
}

function setup(inputs: Record<string, string>, env: Record<string, string>, moved = false) {
  const rec = {
    failed: [] as string[],
    outputs: {} as Record<string, string>,
    summary: [] as string[],
  };
  const reporter: ActionReporter = {
    setSecret: () => undefined,
    setOutput: (n, v) => void (rec.outputs[n] = v),
    info: () => undefined,
    error: () => undefined,
    warning: () => undefined,
    notice: () => undefined,
    writeSummary: (md) => {
      rec.summary.push(md);
      return Promise.resolve();
    },
    setFailed: (m) => void rec.failed.push(m),
  };
  const scans: ScanRequest[] = [];
  const gated: string[] = [];
  const deps = {
    getInput: (n: string) => inputs[n] ?? '',
    env: { GITHUB_WORKSPACE: '/ws', RUNNER_TEMP: '/tmp/runner', ...env },
    reporter,
    releaseCheck: (req: { tag: string }) => {
      gated.push(req.tag);
      return Promise.resolve(sampleReport({ verdict: 'pass', findings: [] }));
    },
    writeFile: () => Promise.resolve(),
    releases: () => ({
      getReleaseByTag: () => Promise.resolve(undefined),
      updateRelease: () => Promise.resolve(),
    }),
    tagsAtHead: () => Promise.resolve([]),
    scan: (req: ScanRequest): Promise<ScanRun> => {
      scans.push(req);
      return Promise.resolve({
        report: scanReport(facts(moved)),
        counters: { rebuilt: 1, reused: 0, sumdbLookups: 1, mirrorZips: 0, backoffs: 0 },
        state: emptyState(),
      });
    },
  };
  return { deps, rec, scans, gated };
}

describe('the Action scan mode', () => {
  it('runs the scan on a schedule with mode auto, with the state file from the workspace', async () => {
    const s = setup(
      { 'state-file': '.modseal/state.json' },
      { GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: 'refs/heads/main' },
    );
    expect(await runAction(s.deps)).toBe('pass');
    expect(s.scans).toEqual([
      expect.objectContaining({ repoDir: '/ws', stateFile: '/ws/.modseal/state.json' }),
    ]);
    expect(s.gated).toEqual([]);
    expect(s.rec.outputs.verdict).toBe('pass');
    expect(s.rec.outputs['report-path']).toBe('/tmp/runner/modseal/scan-report.json');
    expect(s.rec.failed).toEqual([]);
  });

  it('keeps a workflow_dispatch with tags on the release gate, and scans one without', async () => {
    const gate = setup(
      { tags: 'v1.2.3' },
      { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/heads/main' },
    );
    await runAction(gate.deps);
    expect(gate.gated).toEqual(['v1.2.3']);
    expect(gate.scans).toEqual([]);
    const scan = setup(
      {},
      { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/heads/main' },
    );
    await runAction(scan.deps);
    expect(scan.scans).toHaveLength(1);
    expect(scan.gated).toEqual([]);
  });

  it('mode scan scans on any event and fails the step on a moved tag', async () => {
    const s = setup(
      { mode: 'scan' },
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.0.0' },
      true,
    );
    expect(await runAction(s.deps)).toBe('fail');
    expect(s.rec.failed).toEqual(['modseal scan: fail (1 moved): see the job summary']);
    expect(s.rec.summary).toHaveLength(1);
  });

  it('scan-issue: true without a token is an input error', async () => {
    const s = setup({ mode: 'scan', 'scan-issue': 'true' }, { GITHUB_EVENT_NAME: 'schedule' });
    expect(await runAction(s.deps)).toBe('input-error');
    expect(s.rec.failed).toEqual(['scan-issue: true needs github-token (with issues: write)']);
    expect(s.scans).toEqual([]);
  });
});

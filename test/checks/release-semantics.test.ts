// The release gate's rules for issue 8, over fake ports: warming off never
// publishes (the checksum database is asked only about a version the mirror
// holds; without a cached-only view the version list is read first), the
// remedy's next version comes from everything seen, one retry loop counts
// and reports every attempt under one deadline, and the report says what
// was compared.
import { describe, expect, it } from 'vitest';
import { BY_CONFIG, runReleaseCheck } from '../../src/checks/release.js';
import type { Logger, ReleasePorts } from '../../src/checks/ports.js';
import type { ReleaseReport } from '../../src/checks/types.js';
import {
  COMMIT,
  FakeClock,
  H,
  MIRROR_FILES,
  fileSet,
  localModule,
  ports,
  sumdbAgrees,
  type Call,
} from './fakes.js';

const input = { tag: 'v1.2.3', warm: true, warmTimeoutMs: 60_000 };
const noWarm = { ...input, warm: false };
const codes = (r: ReleaseReport): string[] => r.findings.map((f) => f.code);
const step = (r: ReleaseReport, name: string) => r.steps.find((s) => s.name === name);
const ops = (calls: Call[]): string[] => calls.map((c) => c.op);
const sumdbMoved = { kind: 'found' as const, zipHash: H.otherZip, goModHash: H.localMod };

/** A logger that keeps its lines. */
function recorder(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => void lines.push(m), debug: () => undefined };
}

function withLogger(p: ReleasePorts, logger: Logger): ReleasePorts {
  return { ...p, logger };
}

describe('warming off: nothing may publish the version', () => {
  it('does not ask the checksum database about a version the cached-only view does not hold', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(noWarm, ports(localModule(), {}, [sumdbAgrees], calls));
    expect(ops(calls)).not.toContain('lookup');
    expect(ops(calls)).not.toContain('warm');
    expect(r.verdict).toBe('inconclusive');
    expect(step(r, 'warm')).toMatchObject({ status: 'skipped' });
    expect(step(r, 'warm')?.detail.startsWith(BY_CONFIG)).toBe(true);
    expect(step(r, 'sumdb')?.status).toBe('unchecked');
    expect(step(r, 'sumdb')?.detail).toContain('not asked');
    expect(step(r, 'mirror-content')?.detail).toContain('does not hold');
    expect(r.compared).toEqual(['local']);
    expect(r.localOnly).toBeUndefined();
  });

  it('without a cached-only view reads the list first, then compares .info, .mod, .zip and the database', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      noWarm,
      ports(
        localModule(),
        { cached: { kind: 'unsupported' }, list: { kind: 'ok', versions: ['v1.2.3'] } },
        [sumdbAgrees],
        calls,
      ),
    );
    expect(r.verdict).toBe('pass');
    expect(ops(calls)).toEqual(['cached', 'list', 'lookup', 'info', 'mod', 'zip']);
    expect(r.compared).toEqual(['local', 'mirror', 'sumdb']);
    expect(step(r, 'mirror-cache')?.detail).toContain('version list names v1.2.3');
    expect(step(r, 'warm')?.status).toBe('skipped');
    expect(r.hashes.mirror).toEqual({ zip: H.localZip, mod: H.localMod });
  });

  it('a listed version whose mirror zip is other bytes fails', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      noWarm,
      ports(
        localModule(),
        {
          cached: { kind: 'unsupported' },
          list: { kind: 'ok', versions: ['v1.2.3'] },
          zip: { kind: 'ok', h1: H.otherZip, ...fileSet(MIRROR_FILES) },
        },
        [sumdbAgrees],
        calls,
      ),
    );
    expect(r.verdict).toBe('fail');
    expect(codes(r)).toEqual(['sumdb-mismatch']);
  });

  it('an unlisted version is neither fetched nor looked up, and the report says so', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      noWarm,
      ports(
        localModule(),
        { cached: { kind: 'unsupported' }, list: { kind: 'ok', versions: ['v1.2.2'] } },
        [sumdbAgrees],
        calls,
      ),
    );
    // Only what the mirror already holds is read: the listed v1.2.2's go.mod
    // (for retractions), never anything of v1.2.3.
    expect(calls.filter((c) => c.version === 'v1.2.3').map((c) => c.op)).toEqual(['cached']);
    expect(ops(calls)).toEqual(['cached', 'list', 'mod']);
    expect(r.verdict).toBe('inconclusive');
    expect(step(r, 'mirror-cache')?.detail).toContain('does not name v1.2.3');
    expect(step(r, 'mirror-content')?.detail).toContain('warming is off');
  });

  it('with warming on, a step the user turned off does not make a good release inconclusive', async () => {
    const calls: Call[] = [];
    const p = ports(localModule(), {}, undefined, calls);
    const r = await runReleaseCheck(input, p);
    expect(r.verdict).toBe('pass');
    expect(step(r, 'sumdb')?.detail).toBe(`${BY_CONFIG}: GOSUMDB=off`);
    expect(r.compared).toEqual(['local', 'mirror']);
    expect(r.localOnly).toBeUndefined();
  });
});

describe('say what was checked', () => {
  it('a pass with the mirror and the database off is local only, with the reason', async () => {
    const r = await runReleaseCheck(input, ports(localModule(), undefined, undefined, []));
    expect(r.verdict).toBe('pass');
    expect(r.compared).toEqual(['local']);
    expect(r.localOnly).toContain('GOPROXY=off');
    expect(r.localOnly).toContain('GOSUMDB=off');
    for (const name of ['mirror-cache', 'warm', 'origin', 'mirror-content', 'sumdb']) {
      expect(step(r, name)?.detail.startsWith(BY_CONFIG), name).toBe(true);
    }
  });

  it('an invalid version compared nothing', async () => {
    const r = await runReleaseCheck(
      input,
      ports(localModule({ versionError: { text: 'bad' } }), {}, [sumdbAgrees], []),
    );
    expect(r.compared).toEqual([]);
    expect(r.localOnly).toBeUndefined();
  });
});

describe('the remedy works from any checkout', () => {
  it('goes above the highest release the mirror lists, not only the local tags', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      { ...input, tag: 'v1.0.0' },
      ports(
        localModule({
          version: 'v1.0.0',
          tag: 'v1.0.0',
          existingVersions: ['v1.0.0'],
          shallow: true,
        }),
        { list: { kind: 'ok', versions: ['v1.0.0', 'v1.1.0', 'v2.0.0+incompatible'] } },
        [sumdbMoved],
        calls,
      ),
    );
    expect(codes(r)).toContain('tag-moved');
    expect(r.remedy?.nextVersion).toBe('v1.1.1');
    expect(r.remedy?.retract).toBe(
      'retract v1.0.0 // tag v1.0.0 moved after publication; use v1.1.1',
    );
    expect(r.remedy?.caveat).toBeUndefined();
  });

  it('never asks about, nor counts, a listed version the go command would refuse for the path', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      input,
      ports(
        localModule({ existingVersions: ['v1.2.3'] }),
        {
          list: { kind: 'ok', versions: ['v1.2.3', 'v1.3', 'v1.4.0', 'v3.0.0', 'v1.5.0+meta'] },
          mods: { 'v1.4.0': 'module example.com/m\n' },
        },
        [sumdbMoved],
        calls,
      ),
    );
    const asked = new Set(calls.map((c) => c.version));
    for (const v of ['v1.3', 'v3.0.0', 'v1.5.0+meta']) expect(asked.has(v), v).toBe(false);
    // v1.4.0 is the latest the go command sees: its go.mod is read, and the remedy goes above it.
    expect(calls).toContainEqual({ op: 'mod', path: 'example.com/m', version: 'v1.4.0' });
    expect(r.remedy?.nextVersion).toBe('v1.4.1');
  });

  it('carries a caveat when the checkout is shallow and the list could not be read', async () => {
    const r = await runReleaseCheck(
      input,
      ports(
        localModule({ existingVersions: ['v1.2.3', 'v1.2.4'], shallow: true }),
        { list: { kind: 'unreachable', reason: 'GET …/@v/list: 503 Service Unavailable' } },
        [sumdbMoved],
        [],
      ),
    );
    expect(r.remedy?.nextVersion).toBe('v1.2.5');
    expect(r.remedy?.caveat).toContain('may be wrong');
    expect(r.remedy?.caveat).toContain('shallow');
    expect(r.remedy?.caveat).toContain('503 Service Unavailable');
    const moved = r.findings.find((f) => f.code === 'tag-moved');
    expect(moved?.fix).toContain(r.remedy?.caveat);
  });

  it('carries a caveat when no mirror may be asked and no other tag is known', async () => {
    const p = ports(localModule({ existingVersions: ['v1.2.3'] }), undefined, [sumdbMoved], []);
    const r = await runReleaseCheck(input, p);
    expect(r.verdict).toBe('fail');
    expect(r.remedy?.nextVersion).toBe('v1.2.4');
    expect(r.remedy?.caveat).toContain('no other version tag of example.com/m');
    expect(r.remedy?.caveat).toContain('GOPROXY=off');
  });

  it('has no caveat for a full checkout with other tags', async () => {
    const p = ports(
      localModule({ existingVersions: ['v1.2.3', 'v1.2.0'] }),
      undefined,
      [sumdbMoved],
      [],
    );
    const r = await runReleaseCheck(input, p);
    expect(r.remedy?.nextVersion).toBe('v1.2.4');
    expect(r.remedy?.caveat).toBeUndefined();
  });
});

describe('one retry loop, one deadline, progress', () => {
  it('retries transient trouble and reports every attempt once', async () => {
    const calls: Call[] = [];
    const log = recorder();
    const transient = { kind: 'unreachable' as const, reason: 'GET …: 503', transient: true };
    const r = await runReleaseCheck(
      input,
      withLogger(
        ports(
          localModule(),
          {
            warm: [
              transient,
              transient,
              { kind: 'found', version: 'v1.2.3', origin: { VCS: 'git', Hash: COMMIT } },
            ],
          },
          [sumdbAgrees],
          calls,
        ),
        log,
      ),
    );
    expect(r.verdict).toBe('pass');
    const warms = calls.filter((c) => c.op === 'warm').length;
    expect(warms).toBe(3);
    expect(step(r, 'warm')?.attempts).toBe(3);
    expect(step(r, 'warm')?.detail).toContain('3 attempts');
    const lines = log.lines.filter((l) =>
      l.includes('.info of example.com/m@v1.2.3 (makes the mirror fetch it)'),
    );
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/attempt 1: GET …: 503 \[.* elapsed, .* left\]; asking again in/);
    expect(lines[2]).toContain('attempt 3: found v1.2.3');
  });

  it('gives up on transient trouble after a few attempts in a row, long before warm-timeout', async () => {
    const calls: Call[] = [];
    const clock = new FakeClock();
    const r = await runReleaseCheck(
      { ...input, warmTimeoutMs: 6 * 3_600_000 },
      ports(
        localModule(),
        { warm: [{ kind: 'unreachable', reason: 'connect ECONNREFUSED', transient: true }] },
        [sumdbAgrees],
        calls,
        clock,
      ),
    );
    expect(r.verdict).toBe('inconclusive');
    expect(calls.filter((c) => c.op === 'warm')).toHaveLength(4);
    expect(step(r, 'warm')?.attempts).toBe(4);
    expect(r.findings.find((f) => f.code === 'unreachable')?.message).toContain('4 attempts');
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(60_000);
  });

  it('ends at the deadline as inconclusive, with the reason, and asks nothing after it', async () => {
    const calls: Call[] = [];
    const clock = new FakeClock();
    const log = recorder();
    const r = await runReleaseCheck(
      { ...input, warmTimeoutMs: 10 * 60_000, timeoutMs: 60_000 },
      withLogger(
        ports(
          localModule(),
          {
            warm: [{ kind: 'not-found', body: 'not found: unknown revision v1.2.3', final: false }],
          },
          [sumdbAgrees],
          calls,
          clock,
        ),
        log,
      ),
    );
    expect(r.verdict).toBe('inconclusive');
    const warms = calls.filter((c) => c.op === 'warm').length;
    // 0, 5, 15, 35 s; the next wait (40 s) would leave no time to ask.
    expect(warms).toBe(4);
    expect(step(r, 'warm')?.attempts).toBe(warms);
    expect(clock.t - 1_000_000).toBeLessThanOrEqual(60_000);
    // Nothing is asked once the deadline leaves no time: no list, no second lookup.
    expect(ops(calls).slice(-1)).toEqual(['warm']);
    const deadline = r.findings.find((f) => f.message.includes("check's deadline"));
    expect(deadline?.message).toContain('timeout 1m0s');
    expect(deadline?.message).toContain('not found: unknown revision v1.2.3');
    expect(deadline?.fix).toContain('--timeout');
    const progress = log.lines.filter((l) => / attempt \d+: /.test(l));
    // cached-only and the database lookup, then each warming request.
    expect(progress).toHaveLength(2 + warms);
    expect(progress.at(-1)).toContain('no time left to ask again');
  });

  it('a mirror that needs no retry is asked once per question', async () => {
    const calls: Call[] = [];
    const log = recorder();
    const r = await runReleaseCheck(
      input,
      withLogger(ports(localModule(), {}, [sumdbAgrees], calls), log),
    );
    expect(r.verdict).toBe('pass');
    const progress = log.lines.filter((l) => / attempt \d+: /.test(l));
    // cached, lookup, warm, mod, zip, list: one line each.
    expect(progress).toHaveLength(calls.length);
    expect(r.steps.map((s) => [s.name, s.attempts])).toEqual([
      ['local', undefined],
      ['mirror-cache', 1],
      ['warm', 1],
      ['origin', undefined],
      ['mirror-content', 2],
      ['sumdb', 1],
    ]);
  });
});

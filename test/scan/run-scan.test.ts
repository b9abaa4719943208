// runScan's orchestration over fake ports: which questions it may ask (the
// cached-only view replaces the plain version list; nothing about a version
// the mirror does not hold), and the shared pause when a server says slow
// down. The statuses themselves are status.ts's (tested there and end to end
// in test/e2e/scan.test.ts against the go command).
import { describe, expect, it } from 'vitest';
import type {
  CachedAnswer,
  Mirror,
  SideFor,
  Sumdb,
  SumdbAnswer,
  VersionTag,
} from '../../src/checks/ports.js';
import { runScan, type ScanPorts } from '../../src/checks/scan/run-scan.js';
import { emptyState } from '../../src/checks/scan/state.js';

const H = (c: string): string => `h1:${c.repeat(43)}=`;
const COMMIT = 'c'.repeat(40);

function ports(opts: {
  cached: (version: string, calls: number) => CachedAnswer;
  /** undefined: the record the hasher's hashes match. */
  sumdb?: (version: string, calls: number) => SumdbAnswer | undefined;
}) {
  const log: string[] = [];
  let now = 1_000_000;
  const slept: number[] = [];
  let cachedCalls = 0;
  let sumdbCalls = 0;
  const mirror: Mirror = {
    url: 'https://mirror.test',
    cached: (_p, v) => {
      log.push(`cached ${v}`);
      return Promise.resolve(opts.cached(v, ++cachedCalls));
    },
    warm: () => Promise.reject(new Error('the scan never warms')),
    info: () => Promise.reject(new Error('not used')),
    mod: (_p, v) => {
      log.push(`mod ${v}`);
      return Promise.resolve({ kind: 'ok', h1: H('M'), data: Buffer.from('module m\n') });
    },
    list: () => {
      log.push('list');
      return Promise.resolve({ kind: 'ok', versions: [] });
    },
    zip: (_p, v) => {
      log.push(`zip ${v}`);
      return Promise.resolve({
        kind: 'ok',
        h1: H('Z'),
        files: new Map(),
        readFile: () => Promise.resolve(undefined),
      });
    },
  };
  const sumdb: Sumdb = {
    name: 'sum.test',
    lookup: (_p, v) => {
      log.push(`lookup ${v}`);
      return Promise.resolve(
        opts.sumdb?.(v, ++sumdbCalls) ?? { kind: 'found', zipHash: H('Z'), goModHash: H('M') },
      );
    },
  };
  const tags: VersionTag[] = ['v1.0.0', 'v1.1.0'].map((v) => ({
    name: v,
    codeDir: '',
    version: v,
    canonical: true,
    commit: COMMIT,
  }));
  const p: ScanPorts = {
    local: {
      modules: () => Promise.resolve([{ dir: '', modulePath: 'example.com/m' }]),
      versionTags: () => Promise.resolve(tags),
      goMod: () => Promise.resolve(Buffer.from('module example.com/m\n')),
    },
    hasher: {
      hashVersions: (reqs) =>
        Promise.resolve(
          reqs.map((r) => ({ version: r.query, commit: COMMIT, sum: H('Z'), goModSum: H('M') })),
        ),
    },
    mirrorFor: (): Promise<SideFor<Mirror>> => Promise.resolve({ kind: 'on', port: mirror }),
    sumdbFor: (): Promise<SideFor<Sumdb>> => Promise.resolve({ kind: 'on', port: sumdb }),
    clock: {
      now: () => now,
      sleep: (ms) => {
        slept.push(ms);
        now += ms;
        return Promise.resolve();
      },
    },
    logger: { info: () => undefined, debug: () => undefined },
    random: () => 0,
  };
  return { p, log, slept };
}

describe('runScan', () => {
  it('uses the cached-only view instead of the version list, and asks nothing about what the mirror lacks', async () => {
    const { p, log } = ports({
      cached: (v) =>
        v === 'v1.0.0'
          ? { kind: 'found', version: v }
          : { kind: 'not-found', body: 'not found: cached-only' },
    });
    const out = await runScan({ state: emptyState(), concurrency: 1 }, p);
    expect(log).not.toContain('list');
    expect(log.filter((l) => !l.startsWith('cached'))).toEqual([
      'lookup v1.0.0',
      'mod v1.0.0',
      'zip v1.0.0',
    ]);
    expect(out.report.results.map((r) => [r.version, r.status])).toEqual([
      ['v1.0.0', 'ok'],
      ['v1.1.0', 'unpublished'],
    ]);
  });

  it('reads the version list only when the mirror has no cached-only view', async () => {
    const { p, log } = ports({ cached: () => ({ kind: 'unsupported' }) });
    const out = await runScan({ state: emptyState() }, p);
    expect(log.filter((l) => l === 'list')).toHaveLength(1);
    expect(out.report.counts.unpublished).toBe(2);
    expect(log.some((l) => l.startsWith('lookup') || l.startsWith('zip'))).toBe(false);
  });

  it('every request waits when a server says slow down (Retry-After), then asks again', async () => {
    const { p, slept } = ports({
      cached: (v) => ({ kind: 'found', version: v }),
      sumdb: (_v, n) =>
        n === 1
          ? {
              kind: 'unreachable',
              reason: 'GET …: 429 Too Many Requests',
              transient: true,
              retryAfterMs: 7_000,
            }
          : undefined,
    });
    const out = await runScan({ state: emptyState(), concurrency: 1 }, p);
    expect(slept).toEqual([7_000]);
    expect(out.counters.backoffs).toBe(1);
    expect(out.report.verdict).toBe('pass');
  });

  it('other trouble is not waited on: one answer, the version unchecked', async () => {
    const { p, slept, log } = ports({
      cached: (v) => ({ kind: 'found', version: v }),
      sumdb: () => ({
        kind: 'unreachable',
        reason: 'GET …: 503 Service Unavailable',
        transient: true,
      }),
    });
    const out = await runScan({ state: emptyState(), concurrency: 1 }, p);
    expect(slept).toEqual([]);
    expect(log.filter((l) => l.startsWith('lookup'))).toEqual(['lookup v1.0.0', 'lookup v1.1.0']);
    expect(out.report.verdict).toBe('inconclusive');
  });
});

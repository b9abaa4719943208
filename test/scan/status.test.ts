// The scan's per-version decision, its "never publish" predicates and its
// verdict rule, from hand-made facts. Expected statuses come from DESIGN's
// table (ok, moved, tag-missing, unpublished, invalid, mirror-differs,
// unchecked) and the release gate's rule for the verdict.
import { describe, expect, it } from 'vitest';
import { scanReport } from '../../src/checks/scan/report.js';
import {
  countStatuses,
  exitCodeOf,
  mayAskSumdb,
  maySend,
  mirrorHolds,
  needsMirrorZip,
  scanStatus,
  scanVerdict,
  versionRefusal,
  type ScanStatus,
  type VersionFacts,
} from '../../src/checks/scan/status.js';
import type { HashPair } from '../../src/checks/types.js';

/** A distinct, well-formed h1 hash per letter. */
const h = (c: string): string => `h1:${c.repeat(43)}=`;
const A: HashPair = { zip: h('A'), mod: h('a') };
const B: HashPair = { zip: h('B'), mod: h('a') };
const MOD_ONLY: HashPair = { zip: h('A'), mod: h('b') };
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const OLD_COMMIT = 'fedcba9876543210fedcba9876543210fedcba98';

function facts(over: Partial<VersionFacts> = {}): VersionFacts {
  return {
    modulePath: 'example.com/m',
    version: 'v1.2.3',
    tag: 'v1.2.3',
    commit: COMMIT,
    local: { kind: 'built', hashes: A },
    mirror: { kind: 'held' },
    sumdb: { kind: 'found', hashes: A },
    mirrorZip: { kind: 'remembered', hashes: A },
    ...over,
  };
}

const status = (over: Partial<VersionFacts>): ScanStatus => scanStatus(facts(over)).status;

describe('scanStatus', () => {
  it('ok: the rebuild matches the database and the mirror', () => {
    const d = scanStatus(facts());
    expect(d.status).toBe('ok');
    expect(d.fix).toBeUndefined();
    expect(status({ mirrorZip: { kind: 'downloaded', hashes: A } })).toBe('ok');
  });

  it('moved: the zip or the go.mod of the rebuild differs from the record', () => {
    const d = scanStatus(facts({ local: { kind: 'built', hashes: B } }));
    expect(d.status).toBe('moved');
    expect(d.detail).toContain(h('B'));
    expect(d.detail).toContain(h('A'));
    expect(status({ local: { kind: 'built', hashes: MOD_ONLY } })).toBe('moved');
  });

  it('moved: the tag now names a tree Go refuses, but the version was published', () => {
    for (const local of [
      { kind: 'zip-error', error: 'zip file contains more than 4000 files' },
      {
        kind: 'refused',
        error: 'module contains a go.mod file, so module path must match major version',
      },
    ] as const) {
      const d = scanStatus(facts({ local }));
      expect(d.status).toBe('moved');
      expect(d.detail).toContain(local.error);
    }
  });

  it('invalid: a version Go refuses for the path is never asked about', () => {
    const f = facts({ version: 'v2.0.0', tag: 'v2.0.0' });
    expect(maySend(f.modulePath, f.version)).toBe(false);
    expect(mayAskSumdb(f.modulePath, f.version, { kind: 'held' })).toBe(false);
    const d = scanStatus(f);
    expect(d.status).toBe('invalid');
    expect(d.detail).toContain('should be v0 or v1, not v2');
    expect(d.fix).toContain('git push origin :refs/tags/v2.0.0');
    // Not canonical: the go command lists only canonical versions.
    expect(status({ version: 'v1.2' })).toBe('invalid');
    expect(versionRefusal('example.com/m', 'v1.2')).toContain('v1.2.0');
    // Go refusing the tag's tree, and the mirror not holding the version.
    for (const local of [
      { kind: 'refused', error: 'go.mod has post-v1 module path' },
      { kind: 'zip-error', error: 'malformed file path' },
    ] as const) {
      for (const mirror of [
        { kind: 'not-held' },
        { kind: 'unreachable', reason: 'timeout' },
      ] as const) {
        expect(status({ local, mirror, sumdb: undefined, mirrorZip: undefined })).toBe('invalid');
      }
    }
  });

  it('accepts +incompatible for a path without a major suffix, and /vN versions for /vN', () => {
    expect(maySend('example.com/m', 'v2.0.0+incompatible')).toBe(true);
    expect(maySend('example.com/m/v2', 'v2.0.0')).toBe(true);
    expect(maySend('example.com/m/v2', 'v2.0.0+incompatible')).toBe(false);
    expect(maySend('gopkg.in/yaml.v3', 'v3.0.1')).toBe(true);
  });

  it('unpublished: a tag the mirror does not hold; nothing is asked', () => {
    const f = facts({ mirror: { kind: 'not-held' }, sumdb: undefined, mirrorZip: undefined });
    expect(mayAskSumdb(f.modulePath, f.version, f.mirror)).toBe(false);
    expect(needsMirrorZip({ held: false })).toBe(false);
    const d = scanStatus(f);
    expect(d.status).toBe('unpublished');
    expect(d.fix).toContain('example.com/m@v1.2.3');
    // A version only named by a retract directive: nothing to publish.
    const named = scanStatus({ ...f, local: { kind: 'no-tag' } });
    expect(named.status).toBe('unpublished');
    expect(named.fix).toBeUndefined();
  });

  it('tag-missing: published, but the tag is gone', () => {
    const d = scanStatus(facts({ local: { kind: 'no-tag' }, commit: undefined }));
    expect(d.status).toBe('tag-missing');
    const withCommit = scanStatus(
      facts({ local: { kind: 'no-tag' }, commit: undefined, publishedCommit: OLD_COMMIT }),
    );
    expect(withCommit.fix).toContain(`git tag v1.2.3 ${OLD_COMMIT}`);
    // The mirror's zip was due (first scan) and could not be read: a warning
    // does not stand in for a check that was not done.
    expect(
      status({
        local: { kind: 'no-tag' },
        commit: undefined,
        mirrorZip: { kind: 'unreachable', reason: 'reset' },
      }),
    ).toBe('unchecked');
  });

  it('mirror-differs: the mirror serves other bytes than the database recorded', () => {
    for (const mirrorZip of [
      { kind: 'downloaded', hashes: B },
      { kind: 'remembered', hashes: MOD_ONLY },
    ] as const) {
      expect(status({ mirrorZip })).toBe('mirror-differs');
    }
    // It outranks the tag's own state: every user is affected.
    expect(
      status({ mirrorZip: { kind: 'downloaded', hashes: B }, local: { kind: 'no-tag' } }),
    ).toBe('mirror-differs');
  });

  it('unchecked: the mirror or the database could not be asked, or the rebuild failed', () => {
    const off = scanStatus(
      facts({ mirror: { kind: 'off', reason: 'GOPROXY=off' }, sumdb: undefined }),
    );
    expect(off.status).toBe('unchecked');
    expect(off.detail).toMatch(/^skipped by configuration: GOPROXY=off/);
    expect(status({ mirror: { kind: 'unreachable', reason: '503' }, sumdb: undefined })).toBe(
      'unchecked',
    );
    expect(status({ sumdb: { kind: 'unreachable', reason: 'inclusion proof failed' } })).toBe(
      'unchecked',
    );
    expect(status({ sumdb: undefined })).toBe('unchecked');
    expect(status({ local: { kind: 'failed', reason: 'git cat-file died' } })).toBe('unchecked');
    // The mirror's zip had to be downloaded (first scan) and could not be.
    expect(status({ mirrorZip: { kind: 'unreachable', reason: 'reset' } })).toBe('unchecked');
    // The database's record changed since the last scan: it cannot be trusted.
    const changed = scanStatus(facts({ rememberedSumdb: B }));
    expect(changed.status).toBe('unchecked');
    expect(changed.detail).toContain('changed since an earlier scan');
  });

  it('a difference already seen wins over what could not be asked (fail over inconclusive)', () => {
    expect(
      status({
        sumdb: { kind: 'unreachable', reason: '503' },
        mirrorZip: { kind: 'downloaded', hashes: B },
      }),
    ).toBe('moved');
    expect(
      status({
        sumdb: { kind: 'unreachable', reason: '503' },
        mirrorZip: { kind: 'downloaded', hashes: A },
      }),
    ).toBe('unchecked');
    expect(
      status({
        mirrorZip: { kind: 'unreachable', reason: 'reset' },
        local: { kind: 'built', hashes: B },
      }),
    ).toBe('moved');
  });

  it('without a database record the mirror is the reference', () => {
    for (const sumdb of [{ kind: 'off', reason: 'GONOSUMDB' }, { kind: 'not-found' }] as const) {
      expect(status({ sumdb })).toBe('ok');
      expect(status({ sumdb, local: { kind: 'built', hashes: B } })).toBe('moved');
      expect(status({ sumdb, local: { kind: 'no-tag' } })).toBe('tag-missing');
      expect(status({ sumdb, mirrorZip: undefined })).toBe('unchecked');
    }
  });
});

describe('what may be asked', () => {
  it('the cached-only view decides where the mirror has one, else the version list', () => {
    const list = { kind: 'ok', versions: ['v1.0.0'] } as const;
    expect(mirrorHolds('v1.2.3', { cached: { kind: 'found' }, list })).toEqual({ kind: 'held' });
    expect(mirrorHolds('v1.0.0', { cached: { kind: 'not-found' }, list })).toEqual({
      kind: 'not-held',
    });
    expect(mirrorHolds('v1.0.0', { cached: { kind: 'unsupported' }, list })).toEqual({
      kind: 'held',
    });
    expect(mirrorHolds('v1.2.3', { list })).toEqual({ kind: 'not-held' });
    expect(mirrorHolds('v1.2.3', { list: { kind: 'not-found' } })).toEqual({ kind: 'not-held' });
    expect(mirrorHolds('v1.2.3', { cached: { kind: 'unreachable', reason: 'x' }, list }).kind).toBe(
      'unreachable',
    );
    expect(mirrorHolds('v1.2.3', { list: { kind: 'unreachable', reason: 'x' } }).kind).toBe(
      'unreachable',
    );
    expect(mirrorHolds('v1.2.3', {}).kind).toBe('unreachable');
    expect(mirrorHolds('v1.2.3', { off: 'GOPRIVATE', list })).toEqual({
      kind: 'off',
      reason: 'GOPRIVATE',
    });
  });

  it('the checksum database only about versions the mirror holds', () => {
    expect(mayAskSumdb('example.com/m', 'v1.2.3', { kind: 'held' })).toBe(true);
    for (const m of [
      { kind: 'not-held' },
      { kind: 'off', reason: 'x' },
      { kind: 'unreachable', reason: 'x' },
    ] as const) {
      expect(mayAskSumdb('example.com/m', 'v1.2.3', m)).toBe(false);
    }
  });

  it("the mirror's zip: once, then again whenever the comparison disagrees", () => {
    // First scan: nothing remembered.
    expect(needsMirrorZip({ held: true, sumdb: A, local: A })).toBe(true);
    expect(needsMirrorZip({ held: true, remembered: { mod: h('a') }, sumdb: A, local: A })).toBe(
      true,
    );
    // Later scans rely on the remembered hash while everything agrees.
    expect(needsMirrorZip({ held: true, remembered: A, sumdb: A, local: A })).toBe(false);
    // The database and the rebuild differ: download to show what changed.
    expect(needsMirrorZip({ held: true, remembered: A, sumdb: A, local: B })).toBe(true);
    // The remembered mirror disagreed with the database: see if it still does.
    expect(needsMirrorZip({ held: true, remembered: B, sumdb: A, local: A })).toBe(true);
    // No record: the remembered mirror is the reference.
    expect(needsMirrorZip({ held: true, remembered: A, local: A })).toBe(false);
    expect(needsMirrorZip({ held: true, remembered: A, local: B })).toBe(true);
    expect(needsMirrorZip({ held: true, remembered: A })).toBe(false);
    // Never for a version the mirror does not hold.
    expect(needsMirrorZip({ held: false, sumdb: A, local: B })).toBe(false);
  });
});

describe('verdict and exit status', () => {
  const r = (status: ScanStatus, retracted?: string) =>
    retracted === undefined ? { status } : { status, retracted };

  it('any moved, invalid or mirror-differs fails, even beside unchecked versions', () => {
    for (const s of ['moved', 'invalid', 'mirror-differs'] as const) {
      expect(scanVerdict([r('ok'), r('unchecked'), r(s)])).toBe('fail');
    }
    expect(exitCodeOf('fail')).toBe(1);
  });

  it('otherwise any unchecked is inconclusive', () => {
    expect(scanVerdict([r('ok'), r('unchecked'), r('tag-missing')])).toBe('inconclusive');
    expect(exitCodeOf('inconclusive')).toBe(3);
  });

  it('warnings pass', () => {
    expect(scanVerdict([r('ok'), r('tag-missing'), r('unpublished')])).toBe('pass');
    expect(scanVerdict([])).toBe('pass');
    expect(exitCodeOf('pass')).toBe(0);
  });

  it('a problem the latest go.mod already retracts no longer fails; an invalid tag still does', () => {
    expect(scanVerdict([r('moved', 'retracted by module author'), r('ok')])).toBe('pass');
    expect(scanVerdict([r('mirror-differs', 'retracted by module author: x')])).toBe('pass');
    expect(scanVerdict([r('invalid', 'retracted by module author')])).toBe('fail');
  });

  it('counts every status, zeros included', () => {
    const counts = countStatuses([r('ok'), r('ok'), r('moved')]);
    expect(counts).toEqual({
      moved: 1,
      'mirror-differs': 0,
      invalid: 0,
      'tag-missing': 0,
      unpublished: 0,
      unchecked: 0,
      ok: 2,
    });
  });
});

describe('scanReport', () => {
  const versions = ['v1.0.0', 'v1.1.0', 'v1.2.0', 'v1.3.0'];
  const all = (over: Record<string, Partial<VersionFacts>>): VersionFacts[] =>
    versions.map((v) => facts({ version: v, tag: `sub/${v}`, ...over[v] }));

  it('one remedy per module; each retracted version points at it; statuses beside retractions', () => {
    const report = scanReport(
      [
        ...all({
          'v1.1.0': { local: { kind: 'built', hashes: B } },
          'v1.2.0': { mirrorZip: { kind: 'downloaded', hashes: B } },
          'v1.0.0': {
            local: { kind: 'built', hashes: B },
            retracted: 'retracted by module author',
          },
        }),
        facts({ modulePath: 'example.com/a', version: 'v0.1.0', tag: 'a/v0.1.0' }),
      ],
      [
        {
          modulePath: 'example.com/m',
          tagPrefix: 'sub/',
          goModPath: 'sub/go.mod',
          seen: ['v1.4.0'],
        },
      ],
    );
    expect(report.verdict).toBe('fail');
    expect(report.results.map((x) => `${x.module}@${x.version}`)).toEqual([
      'example.com/a@v0.1.0',
      ...versions.map((v) => `example.com/m@${v}`),
    ]);
    expect(report.remedies).toHaveLength(1);
    const remedy = report.remedies[0]!;
    // Above v1.4.0, which only the mirror's list knows.
    expect(remedy).toMatchObject({
      module: 'example.com/m',
      nextVersion: 'v1.4.1',
      tag: 'sub/v1.4.1',
    });
    expect(remedy.versions).toEqual(['v1.1.0', 'v1.2.0']);
    const byVersion = new Map(report.results.map((x) => [x.version, x]));
    expect(byVersion.get('v1.1.0')?.fix).toContain('v1.4.1');
    expect(byVersion.get('v1.1.0')?.fix).toContain('`sub/go.mod`');
    expect(byVersion.get('v1.2.0')?.status).toBe('mirror-differs');
    // Already retracted: still moved, noted, no fix left.
    const handled = byVersion.get('v1.0.0');
    expect(handled?.status).toBe('moved');
    expect(handled?.retracted).toBe('retracted by module author');
    expect(handled?.fix).toBeUndefined();
    expect(report.counts.moved).toBe(2);
    expect(report.counts.ok).toBe(2);
  });

  it('the hashes of each side are reported only when known', () => {
    const report = scanReport([
      facts({ mirror: { kind: 'not-held' }, sumdb: undefined, mirrorZip: undefined }),
    ]);
    const x = report.results[0]!;
    expect(x.status).toBe('unpublished');
    expect(x.local).toEqual(A);
    expect(x.sumdb).toBeUndefined();
    expect(x.mirror).toBeUndefined();
    expect(report.verdict).toBe('pass');
  });
});

// The engine's steps on their own, as lint and scan will call them: the
// pure three-way comparison, the ledger's verdict rule, the remedy, and what
// the gate asks of its ports (the module path it found, groups in the log).
import { describe, expect, it } from 'vitest';
import { compareSides, comparisonFindings } from '../../src/checks/compare.js';
import { StepLedger, decideVerdict } from '../../src/checks/ledger.js';
import type { Logger, ReleasePorts } from '../../src/checks/ports.js';
import { runReleaseCheck } from '../../src/checks/release.js';
import { remedyFor } from '../../src/checks/remedy.js';
import { COMMIT, H, OTHER_COMMIT, localModule, ports, sumdbAgrees, type Call } from './fakes.js';

const L = { zip: H.localZip, mod: H.localMod };
const other = { zip: H.otherZip, mod: H.localMod };
const git = (hash: string) => ({ origin: { VCS: 'git', Hash: hash } });
const input = { tag: 'v1.2.3', warm: true, warmTimeoutMs: 60_000 };

describe('compareSides', () => {
  it('finds nothing when all three sides agree', () => {
    const c = compareSides({
      local: L,
      commit: COMMIT,
      info: git(COMMIT),
      mirror: L,
      sumdb: L,
      fetchedByUs: false,
    });
    expect(c).toMatchObject({
      tagMoved: false,
      broken: false,
      needDiff: false,
      mirrorVsSumdb: false,
    });
    expect(c.steps).toEqual([
      { name: 'origin', status: 'ok', detail: `the mirror fetched the tag at ${COMMIT}` },
    ]);
  });

  it('blames the tag when the checksum database holds other bytes, and names the database', () => {
    const c = compareSides({ local: L, commit: COMMIT, sumdb: other, fetchedByUs: false });
    expect(c).toMatchObject({ tagMoved: true, broken: true, holder: 'sumdb', published: other });
  });

  it('blames its own rebuild when the mirror built the very commit the tag names', () => {
    const c = compareSides({
      local: L,
      commit: COMMIT,
      info: git(COMMIT),
      mirror: other,
      fetchedByUs: false,
    });
    expect(c).toMatchObject({
      tagMoved: false,
      ourRebuildDiffers: true,
      broken: false,
      needDiff: true,
    });
    const f = comparisonFindings(c, {
      tag: 'v1.2.3',
      local: localModule(),
      hashes: { local: L, mirror: other },
    });
    expect(f.map((x) => [x.code, x.severity])).toEqual([['build-mismatch', 'warning']]);
  });

  it('calls a moved commit with the same bytes a warning, and another commit with other bytes a tag move', () => {
    const same = compareSides({
      local: L,
      commit: COMMIT,
      info: git(OTHER_COMMIT),
      mirror: L,
      fetchedByUs: false,
    });
    expect(same).toMatchObject({ originMismatch: { contentAgrees: true }, broken: false });
    const moved = compareSides({
      local: L,
      commit: COMMIT,
      info: git(OTHER_COMMIT),
      mirror: other,
      fetchedByUs: false,
    });
    expect(moved).toMatchObject({ tagMoved: true, broken: true, mirrorCommit: OTHER_COMMIT });
    expect(moved.originMismatch).toBeUndefined();
    expect(moved.steps.at(-1)).toMatchObject({ name: 'origin', status: 'failed' });
  });
});

describe('StepLedger and the verdict rule', () => {
  it('leaves a forgotten step unchecked, so the verdict can never be pass by omission', () => {
    const l = new StepLedger();
    l.set('local', 'ok', 'built');
    expect(decideVerdict({ findings: [], steps: l.steps() })).toBe('inconclusive');
    l.setAll(['mirror-cache', 'warm', 'origin', 'mirror-content', 'sumdb'], 'skipped', 'off');
    expect(decideVerdict({ findings: [], steps: l.steps() })).toBe('pass');
  });
});

describe('remedyFor', () => {
  it('goes above every version seen and carries no caveat once the list was read', () => {
    const r = remedyFor({
      local: { modulePath: 'example.com/m', version: 'v1.2.3', existingVersions: ['v1.2.3'] },
      tag: 'v1.2.3',
      seen: { listed: { kind: 'ok', versions: ['v1.4.0'] } },
      sumdbVouched: true,
    });
    expect(r).toEqual({
      nextVersion: 'v1.4.1',
      retract: 'retract v1.2.3 // tag v1.2.3 moved after publication; use v1.4.1',
    });
  });
});

describe('the gate and its ports', () => {
  it('asks for the mirror and the checksum database of the module the tag publishes', async () => {
    const asked: string[] = [];
    const p = ports(
      localModule({ modulePath: 'example.com/m/v2', declaredModulePath: 'example.com/m/v2' }),
      {},
      [sumdbAgrees],
      [],
    );
    const r = await runReleaseCheck(input, {
      ...p,
      mirrorFor: (path) => (asked.push(`mirror ${path}`), p.mirrorFor(path)),
      sumdbFor: (path) => (asked.push(`sumdb ${path}`), p.sumdbFor(path)),
    });
    expect(asked).toEqual(['mirror example.com/m/v2', 'sumdb example.com/m/v2']);
    expect(r.module).toBe('example.com/m/v2');
  });

  it('passes the tag and the given module path to the local build', async () => {
    const p = ports(localModule(), {}, [sumdbAgrees], []);
    const builds: unknown[] = [];
    const local: ReleasePorts['local'] = {
      build: (tag, options) => (builds.push([tag, options]), p.local.build(tag, options)),
    };
    await runReleaseCheck({ ...input, modulePath: 'example.com/m' }, { ...p, local });
    expect(builds).toEqual([['v1.2.3', { modulePath: 'example.com/m' }]]);
  });

  it('logs each phase in its own group, every progress line inside one', async () => {
    const events: string[] = [];
    let open: string | undefined;
    const logger: Logger = {
      info: (m) => void events.push(open === undefined ? `outside: ${m}` : `in ${open}`),
      debug: () => undefined,
      group: async (name, fn) => {
        expect(open).toBeUndefined(); // GitHub's groups do not nest
        open = name;
        events.push(`group ${name}`);
        try {
          return await fn();
        } finally {
          open = undefined;
        }
      },
    };
    const calls: Call[] = [];
    const r = await runReleaseCheck(input, {
      ...ports(localModule(), {}, [sumdbAgrees], calls),
      logger,
    });
    expect(r.verdict).toBe('pass');
    expect(events.filter((e) => e.startsWith('group '))).toEqual([
      'group v1.2.3: rebuilding the module zip locally',
      'group v1.2.3: what https://proxy.example and sum.example hold',
      'group v1.2.3: downloading from https://proxy.example',
      'group v1.2.3: retractions and deprecation',
    ]);
    expect(events.filter((e) => e.startsWith('outside'))).toEqual([]);
    // cached, lookup, warm, mod, zip, list: each a progress line in a group.
    expect(events.filter((e) => e.startsWith('in ')).length).toBeGreaterThanOrEqual(calls.length);
  });
});

import { describe, expect, it } from 'vitest';
import { runReleaseCheck } from '../../src/checks/release.js';
import type { ReleaseReport } from '../../src/checks/types.js';
import { InputError } from '../../src/internal/errors.js';
import {
  COMMIT,
  FakeClock,
  H,
  LOCAL_FILES,
  MIRROR_FILES,
  OTHER_COMMIT,
  fileSet,
  localModule,
  modOk,
  ports,
  sumdbAgrees,
  type Call,
} from './fakes.js';

const input = { tag: 'v1.2.3', warm: true, warmTimeoutMs: 60_000 };
const codes = (r: ReleaseReport): string[] => r.findings.map((f) => f.code);
const stepStatus = (r: ReleaseReport): Record<string, string> =>
  Object.fromEntries(r.steps.map((s) => [s.name, s.status]));

const originOf = (hash: string) => ({
  VCS: 'git',
  URL: 'https://example.com/m',
  Hash: hash,
  Ref: 'refs/tags/v1.2.3',
});
const mirrorZipOld = { kind: 'ok' as const, h1: H.otherZip, ...fileSet(MIRROR_FILES) };

describe('runReleaseCheck', () => {
  it('passes when mirror, checksum database and tag agree', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      input,
      ports(
        localModule(),
        { warm: [{ kind: 'found', version: 'v1.2.3', origin: originOf(COMMIT) }] },
        [sumdbAgrees],
        calls,
      ),
    );
    expect(r.verdict).toBe('pass');
    expect(r.findings).toEqual([]);
    expect(Object.values(stepStatus(r))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(r.hashes).toEqual({
      local: { zip: H.localZip, mod: H.localMod },
      mirror: { zip: H.localZip, mod: H.localMod },
      sumdb: { zip: H.localZip, mod: H.localMod },
    });
    expect(r.mirrorCommit).toBe(COMMIT);
    // Cached-only and the checksum database are asked before warming.
    // The version list (for retractions) is read last, once the content is known.
    expect(calls.map((c) => c.op)).toEqual(['cached', 'lookup', 'warm', 'mod', 'zip', 'list']);
  });

  it('reports an invalid version with Go text and never asks the mirror', async () => {
    const calls: Call[] = [];
    const text =
      'example.com/m@v2.0.0: invalid version: module contains a go.mod file, so module path must match major version ("example.com/m/v2")';
    const r = await runReleaseCheck(
      { ...input, tag: 'v2.0.0' },
      ports(
        localModule({ version: 'v2.0.0', tag: 'v2.0.0', versionError: { text } }),
        {},
        [sumdbAgrees],
        calls,
      ),
    );
    expect(r.verdict).toBe('fail');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      code: 'version-invalid',
      severity: 'error',
      message: text,
      file: 'go.mod',
      line: 1,
      column: 1,
    });
    expect(calls).toEqual([]);
  });

  it('reports a zip that cannot be built without asking the mirror', async () => {
    const calls: Call[] = [];
    const text = `create zip: bad'name.go: malformed file path "bad'name.go": invalid char '\\''`;
    const r = await runReleaseCheck(
      input,
      ports(localModule({ sum: undefined, zipError: { text } }), {}, [sumdbAgrees], calls),
    );
    expect(r.verdict).toBe('fail');
    expect(codes(r)).toEqual(['zip-invalid']);
    expect(r.findings[0]?.message).toBe(text);
    expect(calls).toEqual([]);
  });

  it('reports go.mod declaring another module path', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      input,
      ports(localModule({ declaredModulePath: 'example.com/other' }), {}, [sumdbAgrees], calls),
    );
    expect(r.verdict).toBe('fail');
    expect(codes(r)).toEqual(['module-path-mismatch']);
    expect(calls).toEqual([]);
  });

  it('finds a moved tag in the mirror cache before any warming request', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      input,
      ports(
        localModule({ existingVersions: ['v1.2.3', 'v1.2.4', 'v1.3.0'] }),
        {
          cached: { kind: 'found', version: 'v1.2.3', origin: originOf(OTHER_COMMIT) },
          mod: modOk(LOCAL_FILES['go.mod'], H.localMod),
          zip: mirrorZipOld,
        },
        [{ kind: 'found', zipHash: H.otherZip, goModHash: H.localMod }],
        calls,
      ),
    );
    expect(r.verdict).toBe('fail');
    expect(calls.some((c) => c.op === 'warm')).toBe(false);
    // One finding per cause: the mirror's other commit is evidence inside tag-moved.
    expect(codes(r)).toEqual(['tag-moved']);
    expect(r.findings[0]?.message).toContain(OTHER_COMMIT);
    expect(r.steps.find((s) => s.name === 'origin')?.status).toBe('failed');
    expect(r.mirrorCommit).toBe(OTHER_COMMIT);
    expect(r.diff?.added).toEqual(['new.go']);
    expect(r.diff?.removed).toEqual(['old.go']);
    expect(r.diff?.changed.map((c) => c.name)).toEqual(['m.go']);
    expect(r.diff?.changed[0]?.diff).toBe(
      [
        '--- mirror/m.go',
        '+++ local/m.go',
        '@@ -1,3 +1,3 @@',
        ' package m',
        ' ',
        '-const V = 1',
        '+const V = 2',
        '',
      ].join('\n'),
    );
    // v1.3.0 is the latest: a retract line works only from the latest
    // version's go.mod, so the remedy is v1.3.1.
    expect(r.remedy).toEqual({
      nextVersion: 'v1.3.1',
      retract: 'retract v1.2.3 // tag v1.2.3 moved after publication; use v1.3.1',
    });
    const moved = r.findings.find((f) => f.code === 'tag-moved');
    expect(moved?.fix).toContain(
      'retract v1.2.3 // tag v1.2.3 moved after publication; use v1.3.1',
    );
    expect(moved?.fix).toContain('Publish v1.3.1');
    expect(moved?.fix?.toLowerCase()).not.toContain('move the tag back');
    expect(moved?.message).toContain(COMMIT);
  });

  it('finds a moved tag in the checksum database and does not warm', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      input,
      ports(
        localModule(),
        {},
        [{ kind: 'found', zipHash: H.otherZip, goModHash: H.localMod }],
        calls,
      ),
    );
    expect(r.verdict).toBe('fail');
    expect(codes(r)).toEqual(['tag-moved']);
    // Only read-only requests: the list never makes the mirror fetch.
    expect(calls.map((c) => c.op)).toEqual(['cached', 'lookup', 'list']);
    expect(r.diff).toBeUndefined();
    expect(r.remedy?.nextVersion).toBe('v1.2.4');
  });

  it('keeps warming through a lag and then passes', async () => {
    const calls: Call[] = [];
    const clock = new FakeClock();
    const r = await runReleaseCheck(
      input,
      ports(
        localModule(),
        {
          warm: [
            { kind: 'not-found', body: 'not found: unknown revision v1.2.3', final: false },
            { kind: 'not-found', body: 'not found: unknown revision v1.2.3', final: false },
            { kind: 'found', version: 'v1.2.3' },
          ],
        },
        [sumdbAgrees],
        calls,
        clock,
      ),
    );
    expect(r.verdict).toBe('pass');
    expect(calls.filter((c) => c.op === 'warm')).toHaveLength(3);
    expect(clock.sleeps).toHaveLength(2);
    expect(clock.sleeps[1]).toBeGreaterThan(clock.sleeps[0] ?? Infinity);
    // No Origin: that step is skipped, which does not block a pass.
    expect(stepStatus(r).origin).toBe('skipped');
  });

  it('reports a final refusal as mirror-rejected with the server body', async () => {
    const calls: Call[] = [];
    const body =
      'not found: example.com/m@v1.2.3: invalid version: git ls-remote -q origin in /tmp: exit status 128';
    const r = await runReleaseCheck(
      input,
      ports(
        localModule(),
        { warm: [{ kind: 'not-found', body, final: true }] },
        [sumdbAgrees],
        calls,
      ),
    );
    expect(r.verdict).toBe('fail');
    expect(codes(r)).toEqual(['mirror-rejected']);
    expect(r.findings[0]?.message).toContain(body);
    expect(calls.filter((c) => c.op === 'warm')).toHaveLength(1);
    expect(calls.some((c) => c.op === 'zip')).toBe(false);
  });

  it('gives up warming at the deadline as inconclusive: a lagging mirror proves nothing wrong', async () => {
    const calls: Call[] = [];
    const clock = new FakeClock();
    const r = await runReleaseCheck(
      { ...input, warmTimeoutMs: 30_000 },
      ports(
        localModule(),
        { warm: [{ kind: 'not-found', body: 'not found: later', final: false }] },
        [sumdbAgrees],
        calls,
        clock,
      ),
    );
    expect(r.verdict).toBe('inconclusive');
    expect(codes(r)).toEqual(['unreachable']);
    expect(r.findings[0]?.message).toContain('not found: later');
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(30_000);
    expect(calls.filter((c) => c.op === 'warm').length).toBeGreaterThan(1);
  });

  it('follows a +incompatible answer and warns about it', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      { ...input, tag: 'v2.0.0' },
      ports(
        localModule({
          version: 'v2.0.0+incompatible',
          tag: 'v2.0.0',
          declaredModulePath: undefined,
        }),
        { warm: [{ kind: 'found', version: 'v2.0.0+incompatible' }] },
        [sumdbAgrees],
        calls,
      ),
    );
    expect(r.verdict).toBe('pass');
    expect(r.version).toBe('v2.0.0+incompatible');
    expect(calls.find((c) => c.op === 'warm')?.version).toBe('v2.0.0');
    for (const op of ['mod', 'zip', 'lookup'] as const) {
      expect(calls.find((c) => c.op === op)?.version).toBe('v2.0.0+incompatible');
    }
    expect(codes(r)).toEqual(['incompatible']);
    expect(r.findings[0]?.severity).toBe('warning');
    expect(r.findings[0]?.fix).toContain('example.com/m/v2');
  });

  it('rejects an answer that names another version', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      input,
      ports(localModule(), { warm: [{ kind: 'found', version: 'v1.2.4' }] }, [sumdbAgrees], calls),
    );
    expect(r.verdict).toBe('fail');
    expect(codes(r)).toEqual(['mirror-rejected']);
    expect(calls.some((c) => c.op === 'zip')).toBe(false);
  });

  it('warns about an Origin naming another commit when the bytes are identical', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      input,
      ports(
        localModule(),
        { cached: { kind: 'found', version: 'v1.2.3', origin: originOf(OTHER_COMMIT) } },
        [sumdbAgrees],
        calls,
      ),
    );
    expect(codes(r)).toEqual(['origin-mismatch']);
    expect(r.findings[0]?.severity).toBe('warning');
    expect(r.verdict).toBe('pass');
  });

  it('reports a tag moved after the mirror and the checksum database recorded it', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      input,
      ports(
        localModule(),
        { cached: { kind: 'found', version: 'v1.2.3' }, zip: mirrorZipOld },
        [{ kind: 'found', zipHash: H.otherZip, goModHash: H.localMod }],
        calls,
      ),
    );
    expect(r.verdict).toBe('fail');
    expect(codes(r)).toEqual(['tag-moved']);
    expect(r.diff?.added).toEqual(['new.go']);
    expect(r.diff?.removed).toEqual(['old.go']);
    expect(r.diff?.changed.map((c) => c.name)).toEqual(['m.go']);
  });

  it('reports a mirror serving bytes the checksum database does not vouch for', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      input,
      ports(localModule(), { zip: mirrorZipOld }, [sumdbAgrees], calls),
    );
    expect(r.verdict).toBe('fail');
    expect(codes(r)).toEqual(['sumdb-mismatch']);
    expect(r.diff?.changed.map((c) => c.name)).toEqual(['m.go']);
    expect(r.remedy).toBeUndefined();
  });

  it('never passes on an unverifiable checksum database answer', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      input,
      ports(localModule(), {}, [{ kind: 'unverifiable', reason: 'inclusion proof failed' }], calls),
    );
    expect(r.verdict).toBe('fail');
    expect(codes(r)).toEqual(['sumdb-unverifiable']);
  });

  it('never passes when the checksum database disagrees with everybody', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      input,
      ports(
        localModule(),
        {},
        [{ kind: 'found', zipHash: H.thirdZip, goModHash: H.localMod }],
        calls,
      ),
    );
    expect(r.verdict).not.toBe('pass');
  });

  it('is inconclusive when the mirror cannot be reached', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      input,
      ports(
        localModule(),
        { warm: [{ kind: 'unreachable', reason: 'GET https://proxy.example/…: 503' }] },
        [sumdbAgrees],
        calls,
      ),
    );
    expect(r.verdict).toBe('inconclusive');
    expect(codes(r)).toEqual(['unreachable']);
    expect(stepStatus(r).sumdb).toBe('ok');
  });

  it('treats a port that throws as unreachable, not as a pass', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      input,
      ports(localModule(), { zip: 'throw' }, [sumdbAgrees], calls),
    );
    expect(r.verdict).toBe('inconclusive');
    expect(r.findings[0]?.message).toContain('socket hang up');
  });

  it('is inconclusive when the checksum database has no record yet', async () => {
    const calls: Call[] = [];
    const clock = new FakeClock();
    const r = await runReleaseCheck(
      { ...input, warmTimeoutMs: 20_000 },
      ports(localModule(), {}, [{ kind: 'not-found', body: 'not found' }], calls, clock),
    );
    expect(r.verdict).toBe('inconclusive');
    expect(calls.filter((c) => c.op === 'lookup').length).toBeGreaterThan(1);
  });

  it('is inconclusive when the mirror lacks the version and warming is off', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      { ...input, warm: false },
      ports(localModule(), {}, [sumdbAgrees], calls),
    );
    expect(r.verdict).toBe('inconclusive');
    expect(calls.some((c) => c.op === 'warm')).toBe(false);
  });

  it('does not blame the tag when the mirror built the same commit differently', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      input,
      ports(
        localModule(),
        {
          warm: [{ kind: 'found', version: 'v1.2.3', origin: originOf(COMMIT) }],
          zip: mirrorZipOld,
        },
        [
          { kind: 'not-found', body: 'not found' },
          { kind: 'found', zipHash: H.otherZip, goModHash: H.localMod },
        ],
        calls,
      ),
    );
    expect(codes(r)).toEqual(['build-mismatch']);
    expect(r.verdict).toBe('inconclusive');
    expect(r.remedy).toBeUndefined();
  });

  it('blames the tag when the checksum database kept older bytes than the mirror', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      input,
      ports(
        localModule(),
        { cached: { kind: 'found', version: 'v1.2.3', origin: originOf(COMMIT) } },
        [{ kind: 'found', zipHash: H.otherZip, goModHash: H.localMod }],
        calls,
      ),
    );
    expect(r.verdict).toBe('fail');
    expect(codes(r).sort()).toEqual(['sumdb-mismatch', 'tag-moved']);
    expect(r.remedy?.nextVersion).toBe('v1.2.4');
  });

  it('warns about its own retraction and a deprecation', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(
      input,
      ports(
        localModule({
          retractions: [
            { low: 'v1.0.0', high: 'v1.1.0', rationale: 'older' },
            { low: 'v1.2.0', high: 'v1.2.9', rationale: 'broken build\nsecond line', line: 5 },
          ],
          deprecated: 'use example.com/n instead',
        }),
        {},
        [sumdbAgrees],
        calls,
      ),
    );
    expect(r.verdict).toBe('pass');
    // The empty list makes v1.2.3 the latest version: its own go.mod counts.
    expect(codes(r)).toEqual(['retracted', 'deprecated', 'retracted']);
    expect(r.findings[0]).toMatchObject({ severity: 'warning', file: 'go.mod', line: 5 });
    expect(r.findings[0]?.message).toContain(
      'example.com/m@v1.2.3: retracted by module author: broken build',
    );
    expect(r.findings[0]?.message).not.toContain('second line');
    expect(r.findings[1]?.message).toContain(
      'module example.com/m is deprecated: use example.com/n instead',
    );
    // Publishing it retracts the other interval: worth knowing, not a problem.
    expect(r.findings[2]).toMatchObject({ severity: 'notice', file: 'go.mod' });
    expect(r.findings[2]?.message).toContain('[v1.0.0, v1.1.0]');
  });

  it('passes on local checks alone when mirror and checksum database are off', async () => {
    const calls: Call[] = [];
    const r = await runReleaseCheck(input, ports(localModule(), undefined, undefined, calls));
    expect(r.verdict).toBe('pass');
    expect(stepStatus(r)).toMatchObject({
      local: 'ok',
      'mirror-content': 'skipped',
      sumdb: 'skipped',
    });
  });

  it('lets input errors from the local build through', async () => {
    const p = ports(localModule(), {}, [sumdbAgrees], []);
    p.local = { build: () => Promise.reject(new InputError('tag v9.9.9 does not exist')) };
    await expect(runReleaseCheck(input, p)).rejects.toThrow('tag v9.9.9 does not exist');
  });
});

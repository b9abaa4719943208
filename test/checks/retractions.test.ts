// Retractions and deprecation in the release gate, read where the go command
// reads them: the go.mod of the latest version, the released one counted as
// published (spec zip-and-versions.md §5.5). The texts checked are Go's
// (`retracted by module author: …`, `module … is deprecated: …`); which
// version Go picks is also checked against the go command in
// retractions-go.test.ts.
import { describe, expect, it } from 'vitest';
import type { LocalModule } from '../../src/checks/ports.js';
import { runReleaseCheck } from '../../src/checks/release.js';
import { latestIgnoringRetractions } from '../../src/checks/retractions.js';
import type { Finding, ReleaseReport } from '../../src/checks/types.js';
import { localModule, ports, sumdbAgrees, type Call, type MirrorScript } from './fakes.js';

const input = { tag: 'v1.2.3', warm: true, warmTimeoutMs: 60_000 };
const PLAIN = 'module example.com/m\n\ngo 1.19\n';
/** Go's synthesized go.mod: a version without a go.mod file. */
const LEGACY = 'module example.com/m\n';

const about = (r: ReleaseReport, code: 'retracted' | 'deprecated'): Finding[] =>
  r.findings.filter((f) => f.code === code);
const modCalls = (calls: Call[]): string[] =>
  calls.filter((c) => c.op === 'mod').map((c) => c.version);

async function gate(
  local: LocalModule,
  mirror: MirrorScript | undefined,
  calls: Call[] = [],
  tag = input.tag,
): Promise<ReleaseReport> {
  return runReleaseCheck(
    { ...input, tag },
    ports(
      local,
      mirror && { warm: [{ kind: 'found', version: local.version }], ...mirror },
      [sumdbAgrees],
      calls,
    ),
  );
}

describe('retractions from the latest version', () => {
  it('warns when a later version already retracts the one being released', async () => {
    const calls: Call[] = [];
    const r = await gate(
      localModule(),
      {
        list: { kind: 'ok', versions: ['v1.3.0', 'v1.2.0', 'v1.0.0'] },
        mods: { 'v1.3.0': `${PLAIN}\nretract [v1.2.0, v1.2.9] // broken build\n` },
      },
      calls,
    );
    expect(r.verdict).toBe('pass');
    const [f, ...rest] = about(r, 'retracted');
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('example.com/m@v1.2.3: retracted by module author: broken build');
    expect(f?.message).toContain('v1.3.0');
    // The directive is in another version's go.mod: no place in this repository.
    expect(f?.file).toBeUndefined();
    expect(modCalls(calls)).toContain('v1.3.0');
  });

  it('says "retracted by module author" alone for a directive without rationale', async () => {
    const r = await gate(localModule(), {
      list: { kind: 'ok', versions: ['v1.3.0'] },
      mods: { 'v1.3.0': `${PLAIN}retract v1.2.3\n` },
    });
    expect(about(r, 'retracted')[0]?.message).toMatch(
      /^example\.com\/m@v1\.2\.3: retracted by module author \(/,
    );
  });

  it('ignores a later version that does not retract it', async () => {
    const r = await gate(localModule(), {
      list: { kind: 'ok', versions: ['v1.3.0'] },
      mods: { 'v1.3.0': `${PLAIN}retract v1.2.2\n` },
    });
    expect(r.findings).toEqual([]);
  });

  it('reads the local go.mod for a self-retraction when the release is the latest version', async () => {
    const calls: Call[] = [];
    const r = await gate(
      localModule({
        retractions: [
          { low: 'v1.2.3', high: 'v1.2.3', rationale: 'published by mistake', line: 4 },
        ],
      }),
      { list: { kind: 'ok', versions: ['v1.2.2'] }, mods: { 'v1.2.2': PLAIN } },
      calls,
    );
    expect(r.verdict).toBe('pass');
    expect(about(r, 'retracted')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'go.mod',
        line: 4,
        message: expect.stringContaining(
          'example.com/m@v1.2.3: retracted by module author: published by mistake',
        ) as unknown,
      }),
    ]);
    // The local file is the latest go.mod: the mirror's copy is not fetched.
    expect(modCalls(calls)).not.toContain('v1.3.0');
  });

  it('reports what publishing the new latest version retracts, and what it stops retracting', async () => {
    const r = await gate(
      localModule({
        retractions: [
          { low: 'v1.2.2', high: 'v1.2.2', rationale: 'data race', line: 3 },
          { low: 'v1.0.0', high: 'v1.0.5', rationale: 'old', line: 4 },
        ],
      }),
      {
        list: { kind: 'ok', versions: ['v1.2.2', 'v1.2.1'] },
        mods: { 'v1.2.2': `${PLAIN}retract [v1.0.0, v1.0.5] // old\nretract v1.1.0 // bad tag\n` },
      },
    );
    const fs = about(r, 'retracted');
    // v1.2.2 is new; [v1.0.0, v1.0.5] was retracted already; v1.1.0 is dropped.
    expect(fs.map((f) => [f.severity, f.line])).toEqual([
      ['notice', 3],
      ['warning', undefined],
    ]);
    expect(fs[0]?.message).toContain('retracts v1.2.2');
    expect(fs[0]?.message).toContain('retracted by module author: data race');
    expect(fs[1]?.message).toContain('v1.1.0');
    expect(fs[1]?.message).toContain('no longer');
    expect(r.verdict).toBe('pass');
  });

  it('warns that this tag’s own directives have no effect when a higher version is published', async () => {
    const r = await gate(
      localModule({
        retractions: [{ low: 'v1.2.2', high: 'v1.2.2', rationale: 'data race', line: 3 }],
        deprecated: 'use example.com/n',
      }),
      { list: { kind: 'ok', versions: ['v1.3.0'] }, mods: { 'v1.3.0': PLAIN } },
    );
    expect(r.findings.map((f) => [f.code, f.severity, f.line])).toEqual([
      ['retracted', 'warning', 3],
      ['deprecated', 'warning', 1],
    ]);
    expect(r.findings[0]?.message).toContain('no effect');
    expect(r.findings[1]?.message).toContain('no effect');
  });
});

describe('deprecation from the latest version', () => {
  it('warns with the latest version’s Deprecated comment, not this tag’s', async () => {
    const r = await gate(localModule(), {
      list: { kind: 'ok', versions: ['v1.3.0'] },
      mods: { 'v1.3.0': '// Deprecated: use example.com/n instead.\nmodule example.com/m\n' },
    });
    expect(about(r, 'deprecated')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining(
          'module example.com/m is deprecated: use example.com/n instead.',
        ) as unknown,
      }),
    ]);
    expect(r.verdict).toBe('pass');
  });

  it('warns with this tag’s Deprecated comment when it is the latest version', async () => {
    const r = await gate(localModule({ deprecated: 'moved to example.com/n' }), {
      list: { kind: 'ok', versions: ['v1.0.0'] },
      mods: { 'v1.0.0': PLAIN },
    });
    expect(about(r, 'deprecated')).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'go.mod', line: 1 }),
    ]);
    expect(about(r, 'deprecated')[0]?.message).toContain(
      'module example.com/m is deprecated: moved to example.com/n',
    );
  });

  it('warns when the new latest version drops the deprecation', async () => {
    const r = await gate(localModule(), {
      list: { kind: 'ok', versions: ['v1.0.0'] },
      mods: { 'v1.0.0': 'module example.com/m // Deprecated: gone\n' },
    });
    expect(about(r, 'deprecated').map((f) => f.severity)).toEqual(['warning']);
    expect(about(r, 'deprecated')[0]?.message).toContain('no longer deprecated');
  });
});

describe('falling back to the local go.mod', () => {
  const selfRetracted = () =>
    localModule({
      retractions: [{ low: 'v1.2.3', high: 'v1.2.3', rationale: 'oops', line: 3 }],
    });

  it('treats an empty or missing list as "this release is the latest"', async () => {
    for (const list of [
      { kind: 'ok' as const, versions: [] },
      { kind: 'not-found' as const, body: 'not found: example.com/m: no versions' },
    ]) {
      const calls: Call[] = [];
      const r = await gate(selfRetracted(), { list }, calls);
      expect(about(r, 'retracted')).toHaveLength(1);
      expect(about(r, 'retracted')[0]?.message).not.toContain('judged from');
      expect(modCalls(calls)).toEqual(['v1.2.3']);
    }
  });

  it('says so when the list cannot be read, and keeps the verdict', async () => {
    for (const list of [
      'throw' as const,
      { kind: 'unreachable' as const, reason: '503 Service Unavailable' },
    ]) {
      const r = await gate(selfRetracted(), { list });
      expect(r.verdict).toBe('pass');
      const [f] = about(r, 'retracted');
      expect(f).toMatchObject({ severity: 'warning', line: 3 });
      expect(f?.message).toContain('example.com/m@v1.2.3: retracted by module author: oops');
      expect(f?.message).toContain('judged from this tag');
      expect(f?.message).toContain(list === 'throw' ? 'connection reset' : '503');
    }
  });

  it('says so when the latest version’s go.mod cannot be read', async () => {
    const r = await gate(selfRetracted(), {
      list: { kind: 'ok', versions: ['v1.3.0'] },
      mods: { 'v1.3.0': { kind: 'unreachable', reason: 'timeout' } },
    });
    expect(r.verdict).toBe('pass');
    expect(about(r, 'retracted')[0]?.message).toContain('could not read the go.mod of v1.3.0');
  });

  it('uses the local go.mod without asking when there is no mirror', async () => {
    const calls: Call[] = [];
    const r = await gate(selfRetracted(), undefined, calls);
    expect(calls.some((c) => c.op === 'list')).toBe(false);
    expect(about(r, 'retracted')[0]?.message).toContain('no mirror: GOPROXY=off');
  });

  it('does not ask for the list once the mirror proved unreachable', async () => {
    const calls: Call[] = [];
    const r = await gate(
      selfRetracted(),
      { warm: [{ kind: 'unreachable', reason: 'connect ECONNREFUSED' }] },
      calls,
    );
    expect(r.verdict).toBe('inconclusive');
    expect(calls.some((c) => c.op === 'list')).toBe(false);
    expect(about(r, 'retracted')[0]?.message).toContain('ECONNREFUSED');
  });
});

describe('prerelease and +incompatible versions', () => {
  it('prefers any release to a higher prerelease', async () => {
    const r = await gate(
      localModule({
        retractions: [{ low: 'v1.2.3', high: 'v1.2.3', rationale: 'oops', line: 3 }],
      }),
      {
        list: { kind: 'ok', versions: ['v1.4.0-rc.1'] },
        mods: { 'v1.4.0-rc.1': `${PLAIN}retract v1.2.0\n` },
      },
    );
    // v1.2.3 (a release) is the latest, not v1.4.0-rc.1: its own retraction counts.
    expect(about(r, 'retracted')[0]?.line).toBe(3);
  });

  it('reads a release’s go.mod when a prerelease is being tagged', async () => {
    const local = localModule({
      version: 'v1.3.0-rc.1',
      tag: 'v1.3.0-rc.1',
      retractions: [{ low: 'v1.3.0-rc.1', high: 'v1.3.0-rc.1', rationale: 'x', line: 3 }],
    });
    const r = await gate(
      local,
      {
        list: { kind: 'ok', versions: ['v1.2.0'] },
        mods: { 'v1.2.0': `${PLAIN}retract [v1.3.0-rc.0, v1.3.0-rc.9] // not ready\n` },
      },
      [],
      'v1.3.0-rc.1',
    );
    const fs = about(r, 'retracted');
    expect(fs[0]?.message).toContain(
      'example.com/m@v1.3.0-rc.1: retracted by module author: not ready',
    );
    // Its own directive has no effect: v1.2.0 is the latest version.
    expect(fs[1]).toMatchObject({ line: 3 });
    expect(fs[1]?.message).toContain('no effect');
  });

  it('uses the highest prerelease when the list holds only prereleases', async () => {
    const local = localModule({ version: 'v2.0.0-rc.2', tag: 'v2.0.0-rc.2', deprecated: 'x' });
    const r = await gate(
      local,
      { list: { kind: 'ok', versions: ['v2.0.0-rc.1', 'v2.0.0-alpha'] }, mods: {} },
      [],
      'v2.0.0-rc.2',
    );
    expect(about(r, 'deprecated')[0]).toMatchObject({ file: 'go.mod', line: 1 });
  });

  it('skips +incompatible versions when the highest compatible version has a go.mod', async () => {
    const calls: Call[] = [];
    const r = await gate(
      localModule({ retractions: [{ low: 'v1.2.3', high: 'v1.2.3', rationale: 'r', line: 3 }] }),
      {
        list: { kind: 'ok', versions: ['v2.0.0+incompatible', 'v1.0.0'] },
        mods: { 'v2.0.0+incompatible': LEGACY, 'v1.0.0': PLAIN },
      },
      calls,
    );
    expect(about(r, 'retracted')[0]?.line).toBe(3);
    expect(modCalls(calls)).not.toContain('v2.0.0+incompatible');
  });

  it('keeps +incompatible versions when the highest compatible one has no go.mod', async () => {
    const r = await gate(
      localModule({
        goMod: Buffer.from(LEGACY),
        retractions: [],
      }),
      {
        list: { kind: 'ok', versions: ['v2.0.0+incompatible'] },
        mods: { 'v2.0.0+incompatible': LEGACY },
      },
    );
    // v2.0.0+incompatible is the latest, and a synthesized go.mod retracts nothing.
    expect(r.findings).toEqual([]);
  });

  it('applies a compatible latest version’s retractions to a +incompatible release', async () => {
    const local = localModule({
      version: 'v2.1.0+incompatible',
      tag: 'v2.1.0',
      goMod: Buffer.from(LEGACY),
      declaredModulePath: undefined,
    });
    const r = await gate(
      local,
      {
        list: { kind: 'ok', versions: ['v1.5.0', 'v2.0.0+incompatible'] },
        mods: {
          'v1.5.0': `${PLAIN}retract [v2.0.0+incompatible, v2.9.9+incompatible] // use /v2\n`,
        },
      },
      [],
      'v2.1.0',
    );
    expect(about(r, 'retracted')[0]?.message).toContain(
      'example.com/m@v2.1.0+incompatible: retracted by module author: use /v2',
    );
  });
});

describe('latestIgnoringRetractions', () => {
  const noGoMod = () => Promise.resolve(false);
  const goMod = () => Promise.resolve(true);

  it('picks the highest release, else the highest prerelease, else nothing', async () => {
    expect(
      await latestIgnoringRetractions(['v1.0.0', 'v1.10.0', 'v1.9.0', 'v2.0.0-rc.1'], goMod),
    ).toBe('v1.10.0');
    expect(await latestIgnoringRetractions(['v1.0.0-rc.1', 'v1.0.0-beta.2'], goMod)).toBe(
      'v1.0.0-rc.1',
    );
    expect(await latestIgnoringRetractions([], goMod)).toBeUndefined();
  });

  it('ignores invalid and pseudo-versions, as the go command does with a list', async () => {
    expect(
      await latestIgnoringRetractions(
        ['v1.0.0', 'v1.1.0-0.20200101000000-abcdefabcdef', 'latest', 'v1.2.x'],
        goMod,
      ),
    ).toBe('v1.0.0');
  });

  it('asks about a go.mod once, for the highest compatible version', async () => {
    const asked: string[] = [];
    const ask = (v: string) => {
      asked.push(v);
      return Promise.resolve(false);
    };
    expect(
      await latestIgnoringRetractions(
        ['v1.0.0', 'v1.1.0-rc.1', 'v3.0.0+incompatible', 'v2.0.0+incompatible'],
        ask,
      ),
    ).toBe('v3.0.0+incompatible');
    expect(asked).toEqual(['v1.1.0-rc.1']);
    expect(await latestIgnoringRetractions(['v2.0.0+incompatible'], noGoMod)).toBe(
      'v2.0.0+incompatible',
    );
  });
});

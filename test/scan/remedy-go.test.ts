// The scan's remedy judged by the go command: each case is a file:// module
// proxy made by hand with the versions a module has published, plus the
// remedy's next version whose go.mod holds the remedy's retract text. The go
// command then says which version is latest (`go list -m M@latest`) and which
// versions it hides as retracted (`go list -m -versions` leaves them out,
// `-retracted` lists them again). The remedy works only if the next version
// is latest and exactly the affected versions are hidden; a control case
// shows a lower fix version (what a per-major bump gives for v0 while v1
// exists) hides nothing, so the check can fail.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  moduleRemedy,
  nextVersionAbove,
  type RetractedStatus,
} from '../../src/checks/scan/remedy.js';
import { remedyFor } from '../../src/checks/remedy.js';
import { parseLax } from '../../src/modfile/index.js';
import { compare, prerelease } from '../../src/semver/index.js';
import { describeWithGo, goBin, isolatedGoEnv } from '../oracle/go-env.js';
import { spawnText } from '../support/spawn.js';
import { tempDir } from '../support/temp-dir.js';

interface Case {
  name: string;
  path: string;
  /** Published versions; a value of 'legacy' has no go.mod (Go synthesizes `module <path>`). */
  published: Record<string, 'go.mod' | 'legacy'>;
  affected: Record<string, RetractedStatus>;
  /** How many retract directives the block should have, when runs are collapsed. */
  directives?: number;
}

const cases: Case[] = [
  {
    name: 'v0 and v1 are one module path: the fix goes above v1 even for a moved v0 version',
    path: 'example.com/m',
    published: {
      'v0.1.0': 'go.mod',
      'v0.3.0': 'go.mod',
      'v1.0.0': 'go.mod',
      'v1.2.0': 'go.mod',
      'v1.3.0-rc.1': 'go.mod',
    },
    affected: { 'v0.3.0': 'moved', 'v1.0.0': 'moved' },
  },
  {
    name: 'consecutive versions become intervals that retract nothing else',
    path: 'example.com/runs',
    published: {
      'v1.0.0': 'go.mod',
      'v1.0.1': 'go.mod',
      'v1.0.2': 'go.mod',
      'v1.0.3': 'go.mod',
      'v1.0.4': 'go.mod',
      'v1.0.5': 'go.mod',
      'v1.0.6': 'go.mod',
    },
    affected: {
      'v1.0.1': 'moved',
      'v1.0.2': 'moved',
      'v1.0.3': 'moved',
      'v1.0.5': 'mirror-differs',
      'v1.0.6': 'moved',
    },
    // [v1.0.1, v1.0.3], v1.0.5 (another reason), v1.0.6.
    directives: 3,
  },
  {
    name: 'only prereleases: the next prerelease becomes latest',
    path: 'example.com/pre',
    published: { 'v1.0.0-alpha': 'go.mod', 'v1.0.0-beta.1': 'go.mod', 'v0.9.0-rc.3': 'go.mod' },
    affected: { 'v1.0.0-alpha': 'moved' },
  },
  {
    name: 'a /v2 module path counts only its own versions',
    path: 'example.com/two/v2',
    published: { 'v2.0.0': 'go.mod', 'v2.1.0': 'go.mod', 'v2.1.1-rc.1': 'go.mod' },
    affected: { 'v2.0.0': 'moved' },
  },
  {
    name: '+incompatible versions are retracted by a compatible version with a go.mod',
    path: 'example.com/inc',
    published: {
      'v1.0.0': 'go.mod',
      'v2.0.0+incompatible': 'legacy',
      'v2.1.0+incompatible': 'legacy',
    },
    affected: { 'v2.0.0+incompatible': 'moved' },
  },
];

function runGo(args: string[], cwd: string, env: Record<string, string>) {
  return spawnText(goBin(), args, { cwd, env, timeoutMs: 60_000 });
}

/** A file:// proxy holding `published` plus `fix` (the version carrying `goMod`). */
async function proxyWith(
  c: Case,
  fix: { version: string; goMod: string },
): Promise<{ root: string; env: Record<string, string> }> {
  const root = await tempDir('modseal-scan-remedy-go-');
  const dir = path.join(root, 'proxy', c.path, '@v');
  await mkdir(dir, { recursive: true });
  const mods: Record<string, string> = {};
  for (const [v, kind] of Object.entries(c.published)) {
    mods[v] = kind === 'legacy' ? `module ${c.path}\n` : `module ${c.path}\n\ngo 1.19\n`;
  }
  mods[fix.version] = fix.goMod;
  await writeFile(path.join(dir, 'list'), Object.keys(mods).join('\n') + '\n');
  for (const [v, mod] of Object.entries(mods)) {
    await writeFile(
      path.join(dir, `${v}.info`),
      JSON.stringify({ Version: v, Time: '2023-01-02T03:04:05Z' }),
    );
    await writeFile(path.join(dir, `${v}.mod`), mod);
  }
  await mkdir(path.join(root, 'work'));
  return { root, env: isolatedGoEnv(root, { GOPROXY: `file://${path.join(root, 'proxy')}` }) };
}

interface GoView {
  latest: string;
  /** `go list -m -versions`: retracted versions left out. */
  visible: string[];
  /** `go list -m -retracted -versions`: all of them. */
  all: string[];
  /** The rationale go list reports for each affected version. */
  rationale: Record<string, string[] | undefined>;
}

async function askGo(c: Case, fix: { version: string; goMod: string }): Promise<GoView> {
  const { root, env } = await proxyWith(c, fix);
  const cwd = path.join(root, 'work');
  const latest = await runGo(['list', '-m', `${c.path}@latest`], cwd, env);
  expect(latest.code, latest.stderr).toBe(0);
  const visible = await runGo(['list', '-m', '-versions', c.path], cwd, env);
  expect(visible.code, visible.stderr).toBe(0);
  const all = await runGo(['list', '-m', '-retracted', '-versions', c.path], cwd, env);
  expect(all.code, all.stderr).toBe(0);
  const rationale: Record<string, string[] | undefined> = {};
  for (const v of Object.keys(c.affected)) {
    const r = await runGo(['list', '-m', '-json', '-retracted', `${c.path}@${v}`], cwd, env);
    expect(r.code, r.stderr).toBe(0);
    rationale[v] = (JSON.parse(r.stdout) as { Retracted?: string[] }).Retracted;
  }
  const words = (s: string) => s.trim().split(/\s+/).slice(1);
  return {
    latest: words(latest.stdout)[0] ?? '',
    visible: words(visible.stdout),
    all: words(all.stdout),
    rationale,
  };
}

function remedyOf(c: Case) {
  const remedy = moduleRemedy({
    modulePath: c.path,
    affected: Object.entries(c.affected).map(([version, status]) => ({ version, status })),
    seen: Object.keys(c.published),
  });
  expect(remedy?.nextVersion).toBeDefined();
  return remedy!;
}

const goModWith = (c: Case, retract: string) => `module ${c.path}\n\ngo 1.19\n\n${retract}\n`;

describeWithGo('the scan remedy, as the go command reads it', () => {
  for (const c of cases) {
    it(
      c.name,
      async () => {
        const remedy = remedyOf(c);
        const next = remedy.nextVersion!;
        const go = await askGo(c, { version: next, goMod: goModWith(c, remedy.retract) });
        // Publishing the fix makes it the latest version: its go.mod is read.
        expect(go.latest).toBe(next);
        // Every version is still there; exactly the affected ones are hidden.
        expect(new Set(go.all)).toEqual(new Set([...Object.keys(c.published), next]));
        const hidden = go.all.filter((v) => !go.visible.includes(v));
        expect(new Set(hidden)).toEqual(new Set(Object.keys(c.affected)));
        // Users are told why: the rationale of the line that retracts each.
        const file = parseLax('go.mod', remedy.retract);
        if (c.directives !== undefined) expect(file.retract).toHaveLength(c.directives);
        for (const v of Object.keys(c.affected)) {
          const hit = file.retract.find((r) => compare(r.low, v) <= 0 && compare(v, r.high) <= 0);
          expect(go.rationale[v]).toEqual([hit?.rationale]);
        }
      },
      120_000,
    );
  }

  it('the release gate advises the same kind of version for a moved v0 tag while v1 exists', async () => {
    const c = cases[0]!;
    const published = Object.keys(c.published);
    const remedy = remedyFor({
      local: { modulePath: c.path, version: 'v0.3.0', existingVersions: published },
      tag: 'v0.3.0',
      seen: { listed: { kind: 'ok', versions: published } },
      sumdbVouched: true,
    });
    expect(remedy).toBeDefined();
    const go = await askGo(c, {
      version: remedy!.nextVersion,
      goMod: goModWith(c, remedy!.retract),
    });
    expect(go.latest).toBe(remedy!.nextVersion);
    expect(go.all.filter((v) => !go.visible.includes(v))).toEqual(['v0.3.0']);
  }, 120_000);

  it('control: a fix version below the latest release (the next v0 patch while v1 exists) retracts nothing', async () => {
    const c = cases[0]!;
    const remedy = remedyOf(c);
    const low = 'v0.3.1';
    expect(compare(low, remedy.nextVersion!)).toBe(-1);
    const go = await askGo(c, { version: low, goMod: goModWith(c, remedy.retract) });
    expect(go.latest).not.toBe(low);
    expect(go.visible).toEqual(go.all);
  }, 120_000);
});

describe('nextVersionAbove', () => {
  it('goes above every release of the module path, v0 and v1 together', () => {
    expect(nextVersionAbove('example.com/m', ['v0.3.0', 'v1.2.0', 'v1.3.0-rc.1'])).toBe('v1.2.1');
    expect(nextVersionAbove('example.com/m', ['v0.3.0', 'v0.9.9'])).toBe('v0.9.10');
  });

  it('ignores versions Go refuses for the path, pseudo-versions and +incompatible ones as a base', () => {
    expect(
      nextVersionAbove('example.com/m', [
        'v1.0.0',
        'v3.0.0', // another major: refused for example.com/m
        'v1.2', // not canonical
        'v1.5.1-0.20230102030405-abcdefabcdef', // a pseudo-version
        'v2.0.0+incompatible',
      ]),
    ).toBe('v1.0.1');
    expect(nextVersionAbove('example.com/m/v3', ['v1.0.0', 'v3.1.0'])).toBe('v3.1.1');
  });

  it('skips versions already taken', () => {
    expect(nextVersionAbove('example.com/pre', ['v1.0.0-rc.1', 'v1.0.0-rc.2.1'])).toBe(
      'v1.0.0-rc.2.2',
    );
  });

  it('is undefined when the path has no compatible version', () => {
    expect(nextVersionAbove('example.com/m', ['v2.0.0+incompatible'])).toBeUndefined();
    const r = moduleRemedy({
      modulePath: 'example.com/m',
      affected: [{ version: 'v2.0.0+incompatible', status: 'moved' }],
      seen: ['v2.0.0+incompatible', 'v2.1.0+incompatible'],
    });
    expect(r?.nextVersion).toBeUndefined();
    expect(r?.note).toContain('+incompatible');
    expect(r?.retract).toBe('retract v2.0.0+incompatible // tag moved after publication');
  });

  it('a single version is one line; the next version is never inside a retracted interval', () => {
    const r = moduleRemedy({
      modulePath: 'example.com/m',
      tagPrefix: 'sub/',
      goModPath: 'sub/go.mod',
      affected: [{ version: 'v1.1.0', status: 'moved' }],
      seen: ['v1.0.0', 'v1.1.0', 'v1.2.0'],
    });
    expect(r).toMatchObject({ nextVersion: 'v1.2.1', tag: 'sub/v1.2.1', versions: ['v1.1.0'] });
    expect(r?.retract).toBe('retract v1.1.0 // tag moved after publication; use v1.2.1');
    for (const x of parseLax('go.mod', r!.retract).retract) {
      expect(compare(x.high, r!.nextVersion!)).toBe(-1);
      expect(prerelease(x.low)).toBe('');
    }
  });

  it('never retracts a version Go refuses, and nothing when nothing is affected', () => {
    expect(
      moduleRemedy({
        modulePath: 'example.com/m',
        affected: [{ version: 'v2.0.0', status: 'moved' }],
        seen: ['v1.0.0'],
      }),
    ).toBeUndefined();
    expect(
      moduleRemedy({ modulePath: 'example.com/m', affected: [], seen: ['v1.0.0'] }),
    ).toBeUndefined();
  });
});

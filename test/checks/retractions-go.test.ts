// Which go.mod the go command reads retractions and deprecation from, asked
// of the go command itself: each case is a file:// module proxy (list, .info,
// .mod) holding the version being released plus the versions published before
// it; `go list -m -retracted -u -json M@latest M@<released>` names the latest
// version (retractions ignored, as -retracted does) and whether the release
// is retracted or deprecated. retractionFindings gets the same files through
// a Mirror port and must agree.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { LocalModule, Mirror, Retraction } from '../../src/checks/ports.js';
import { latestIgnoringRetractions, retractionFindings } from '../../src/checks/retractions.js';
import { deprecation, parseLax } from '../../src/modfile/index.js';
import { describeWithGo, goBin, isolatedGoEnv } from '../oracle/go-env.js';
import { spawnText } from '../support/spawn.js';
import { tempDir } from '../support/temp-dir.js';
import { localModule, quietLogger } from './fakes.js';

const M = 'example.com/m';
const PLAIN = `module ${M}\n\ngo 1.19\n`;
/** Byte for byte what Go synthesizes for a version without go.mod. */
const LEGACY = `module ${M}\n`;

interface Case {
  name: string;
  released: { version: string; mod: string };
  /** Versions already published, with their .mod. */
  published: Record<string, string>;
  /** What the case is built to show (so a case that shows nothing fails). */
  shows: { retracted: boolean; deprecated: boolean };
}

const cases: Case[] = [
  {
    name: 'a later version retracts the release and deprecates the module',
    released: { version: 'v1.2.3', mod: PLAIN },
    published: {
      'v1.2.0': PLAIN,
      'v1.3.0': `// Deprecated: use example.com/n instead.\n${PLAIN}retract [v1.2.0, v1.2.9] // broken build\n`,
    },
    shows: { retracted: true, deprecated: true },
  },
  {
    name: 'a later version retracts the release without a rationale',
    released: { version: 'v1.2.3', mod: PLAIN },
    published: { 'v1.3.0': `${PLAIN}retract v1.2.3\n` },
    shows: { retracted: true, deprecated: false },
  },
  {
    name: 'the release retracts itself and is the latest version',
    released: { version: 'v1.2.3', mod: `${PLAIN}retract v1.2.3 // published by mistake\n` },
    published: { 'v1.2.2': PLAIN },
    shows: { retracted: true, deprecated: false },
  },
  {
    name: 'the release retracts itself but a higher version exists',
    released: { version: 'v1.2.4', mod: `${PLAIN}retract v1.2.4 // oops\n` },
    published: { 'v1.3.0': PLAIN },
    shows: { retracted: false, deprecated: false },
  },
  {
    name: 'the release is deprecated in its own go.mod and is the latest version',
    released: { version: 'v1.4.0', mod: `module ${M} // Deprecated: moved\n` },
    published: { 'v1.3.0': PLAIN },
    shows: { retracted: false, deprecated: true },
  },
  {
    name: 'a release beats a higher prerelease',
    released: { version: 'v1.2.3', mod: PLAIN },
    published: { 'v1.4.0-rc.1': `${PLAIN}retract v1.2.3 // from the rc\n` },
    shows: { retracted: false, deprecated: false },
  },
  {
    name: 'a prerelease is tagged while a release exists',
    released: { version: 'v1.3.0-rc.1', mod: PLAIN },
    published: { 'v1.2.0': `${PLAIN}retract v1.3.0-rc.1 // not ready\n` },
    shows: { retracted: true, deprecated: false },
  },
  {
    name: 'only prereleases: the highest one',
    released: { version: 'v1.0.0-rc.2', mod: `// Deprecated: experimental\n${PLAIN}` },
    published: { 'v1.0.0-rc.1': PLAIN, 'v1.0.0-beta': PLAIN },
    shows: { retracted: false, deprecated: true },
  },
  {
    name: '+incompatible skipped: the highest compatible version has a go.mod',
    released: { version: 'v1.2.3', mod: `${PLAIN}retract v1.2.3 // self\n` },
    published: { 'v2.0.0+incompatible': LEGACY, 'v1.0.0': LEGACY },
    shows: { retracted: true, deprecated: false },
  },
  {
    name: '+incompatible kept: the highest compatible go.mod is byte-identical to the synthesized one',
    released: { version: 'v1.2.3', mod: LEGACY },
    published: { 'v2.0.0+incompatible': LEGACY },
    shows: { retracted: false, deprecated: false },
  },
  {
    name: 'a +incompatible release retracted by the compatible latest version',
    released: { version: 'v2.1.0+incompatible', mod: LEGACY },
    published: {
      'v1.5.0': `${PLAIN}retract [v2.0.0+incompatible, v2.9.9+incompatible] // use the /v2 module\n`,
      'v2.0.0+incompatible': LEGACY,
    },
    shows: { retracted: true, deprecated: false },
  },
];

interface GoModule {
  Version: string;
  Retracted?: string[];
  Deprecated?: string;
  Error?: { Err: string };
}

function runGo(args: string[], cwd: string, env: Record<string, string>) {
  return spawnText(goBin(), args, { cwd, env, timeoutMs: 60_000 });
}

function splitJson(text: string): GoModule[] {
  // go list -json prints objects one after another; each starts at column 0.
  return text
    .split(/\n(?=\{)/)
    .filter((t) => t.trim() !== '')
    .map((t) => JSON.parse(t) as GoModule);
}

async function askGo(c: Case): Promise<{ latest: GoModule; released: GoModule }> {
  const root = await tempDir('modseal-retract-go-');
  const dir = path.join(root, 'proxy', M, '@v');
  await mkdir(dir, { recursive: true });
  const all = { ...c.published, [c.released.version]: c.released.mod };
  await writeFile(path.join(dir, 'list'), Object.keys(all).join('\n') + '\n');
  for (const [v, mod] of Object.entries(all)) {
    await writeFile(
      path.join(dir, `${v}.info`),
      JSON.stringify({ Version: v, Time: '2023-01-02T03:04:05Z' }),
    );
    await writeFile(path.join(dir, `${v}.mod`), mod);
  }
  await mkdir(path.join(root, 'work'));
  const env = isolatedGoEnv(root, { GOPROXY: `file://${path.join(root, 'proxy')}` });
  const r = await runGo(
    ['list', '-m', '-retracted', '-u', '-json', `${M}@latest`, `${M}@${c.released.version}`],
    path.join(root, 'work'),
    env,
  );
  expect(r.code, r.stderr).toBe(0);
  const [latest, released] = splitJson(r.stdout);
  expect(latest?.Error, r.stdout).toBeUndefined();
  expect(released?.Error, r.stdout).toBeUndefined();
  return { latest: latest!, released: released! };
}

function mirrorOf(c: Case): Mirror {
  const all: Record<string, string> = { ...c.published, [c.released.version]: c.released.mod };
  return {
    url: 'file:///proxy',
    cached: () => Promise.resolve({ kind: 'unsupported' }),
    warm: () => Promise.resolve({ kind: 'unreachable', reason: 'unused' }),
    info: () => Promise.resolve({ kind: 'unreachable', reason: 'unused' }),
    zip: () => Promise.resolve({ kind: 'unreachable', reason: 'unused' }),
    list: () => Promise.resolve({ kind: 'ok', versions: Object.keys(c.published) }),
    mod: (_p, v) => {
      const mod = all[v];
      return Promise.resolve(
        mod === undefined
          ? { kind: 'not-found', body: `not found: ${M}@${v}` }
          : { kind: 'ok', h1: 'h1:unused', data: Buffer.from(mod) },
      );
    },
  };
}

/** The local module as the wiring builds it from the tagged go.mod. */
function localOf(c: Case): LocalModule {
  const file = parseLax('go.mod', c.released.mod);
  const dep = deprecation(file);
  return localModule({
    version: c.released.version,
    tag: c.released.version.replace(/\+incompatible$/, ''),
    goMod: Buffer.from(c.released.mod),
    retractions: file.retract.map((r): Retraction => ({
      low: r.low,
      high: r.high,
      rationale: r.rationale,
      line: r.line,
    })),
    ...(dep !== undefined ? { deprecated: dep } : {}),
  });
}

describeWithGo('retractions and deprecation agree with the go command', () => {
  for (const c of cases) {
    it(
      c.name,
      async () => {
        const go = await askGo(c);
        expect({
          retracted: go.released.Retracted !== undefined,
          deprecated: go.released.Deprecated !== undefined,
        }).toEqual(c.shows);
        const all = { ...c.published, [c.released.version]: c.released.mod };
        const ours = await latestIgnoringRetractions(Object.keys(all), (v) =>
          Promise.resolve(all[v] !== LEGACY),
        );
        expect(ours).toBe(go.latest.Version);

        const findings = await retractionFindings({
          released: localOf(c),
          mirror: mirrorOf(c),
          logger: quietLogger,
        });
        const prefix = `${M}@${c.released.version}: `;
        const retracted = findings.filter(
          (f) => f.code === 'retracted' && f.message.startsWith(prefix),
        );
        const deprecated = findings.filter(
          (f) => f.code === 'deprecated' && f.message.startsWith(`module ${M} is deprecated: `),
        );
        // go list reports the rationales; the first one (single-line here) is
        // what the go command prints after "retracted by module author: ".
        const why = go.released.Retracted;
        if (why === undefined) {
          expect(retracted).toEqual([]);
        } else {
          const first = why[0]!;
          const text =
            first === 'retracted by module author'
              ? 'retracted by module author'
              : `retracted by module author: ${first}`;
          expect(retracted.map((f) => f.message.slice(prefix.length).split(' (')[0])).toEqual([
            text,
          ]);
          expect(retracted[0]?.severity).toBe('warning');
        }
        if (go.released.Deprecated === undefined) {
          expect(deprecated).toEqual([]);
        } else {
          expect(deprecated).toHaveLength(1);
          expect(deprecated[0]?.message).toContain(
            `module ${M} is deprecated: ${go.released.Deprecated} (`,
          );
        }
      },
      60_000,
    );
  }
});

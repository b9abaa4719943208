import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/action/inputs.js';

const root = path.resolve(import.meta.dirname, '../..');
const actionYml = readFileSync(path.join(root, 'action.yml'), 'utf8');

/** name → default of each input, read with a plain line scan (independent of the script). */
function inputDefaults(): Map<string, string> {
  const section = actionYml.split(/^inputs:\n/m)[1]?.split(/^\S/m)[0] ?? '';
  const out = new Map<string, string>();
  let current = '';
  for (const line of section.split('\n')) {
    const name = /^ {2}([a-z0-9-]+):$/.exec(line);
    if (name) current = name[1] ?? '';
    const def = /^ {4}default: (.*)$/.exec(line);
    if (def && current) out.set(current, (def[1] ?? '').replace(/^"(.*)"$|^'(.*)'$/, '$1$2'));
  }
  return out;
}

const outputNames = (): string[] =>
  [
    ...(actionYml.split(/^outputs:\n/m)[1]?.split(/^\S/m)[0] ?? '').matchAll(
      /^ {2}([a-z0-9-]+):$/gm,
    ),
  ].map((m) => m[1] ?? '');

describe('action.yml', () => {
  it('runs on node24 from dist/index.js', () => {
    expect(actionYml).toMatch(/^runs:\n {2}using: node24\n {2}main: dist\/index\.js\n/m);
  });

  it('declares the inputs and outputs the Action reads and sets', () => {
    expect([...inputDefaults().keys()].sort()).toEqual(
      [
        'mode',
        'tag',
        'tags',
        'module',
        'working-directory',
        'goproxy',
        'gosumdb',
        'goprivate',
        'gonosumdb',
        'proxy-token',
        'warm',
        'warm-timeout',
        'timeout',
        'fail-on',
        'github-token',
        'release-note',
        'sumdb-cache',
        'next',
        'state-file',
        'scan-issue',
      ].sort(),
    );
    expect(outputNames().sort()).toEqual(
      [
        'verdict',
        'module',
        'version',
        'compared',
        'local-h1',
        'mirror-h1',
        'sumdb-h1',
        'next-version',
        'retract-line',
        'report-path',
        'sarif-path',
        'scan-issue',
      ].sort(),
    );
  });

  it('has defaults that parseInputs accepts', () => {
    const defaults = inputDefaults();
    const config = parseInputs((name) =>
      name === 'github-token' ? 'tok' : (defaults.get(name) ?? ''),
    );
    expect(config).toMatchObject({ mode: 'auto', warm: true, failOn: 'error', releaseNote: false });
  });
});

describe('scripts/gen-action-docs.mjs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'modseal-docs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = path.join(root, 'scripts/gen-action-docs.mjs');
  const gen = (readme: string, ...args: string[]): number => {
    try {
      execFileSync(process.execPath, [script, '--readme', readme, ...args], { stdio: 'pipe' });
      return 0;
    } catch (e) {
      return (e as { status: number }).status;
    }
  };

  it('writes one row per input and output between the markers, then is up to date', () => {
    const readme = path.join(dir, 'README.md');
    writeFileSync(
      readme,
      '# t\n\n<!-- action-docs:start -->\nstale\n<!-- action-docs:end -->\n\nend\n',
    );
    expect(gen(readme, '--check')).toBe(1);
    expect(gen(readme)).toBe(0);
    const text = readFileSync(readme, 'utf8');
    expect(text.startsWith('# t\n\n<!-- action-docs:start -->\n')).toBe(true);
    expect(text.endsWith('<!-- action-docs:end -->\n\nend\n')).toBe(true);
    expect(text).not.toContain('stale');
    for (const [name, def] of inputDefaults()) {
      const row = text.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
      expect(row, name).toBeDefined();
      if (def !== '') expect(row?.endsWith(`| \`${def}\` |`), name).toBe(true);
    }
    for (const name of outputNames()) expect(text).toContain(`| \`${name}\` |`);
    expect(gen(readme, '--check')).toBe(0);
  });

  it('refuses an action.yml that is not YAML, naming it', () => {
    const readme = path.join(dir, 'ok.md');
    writeFileSync(readme, '<!-- action-docs:start -->\n<!-- action-docs:end -->\n');
    const bad = path.join(dir, 'bad.yml');
    writeFileSync(bad, 'inputs:\n  a:\n    description: "unterminated\n');
    expect(gen(readme, '--action', bad)).toBe(2);
    expect(readFileSync(readme, 'utf8')).toBe(
      '<!-- action-docs:start -->\n<!-- action-docs:end -->\n',
    );
  });

  it('refuses a README without markers', () => {
    const readme = path.join(dir, 'plain.md');
    writeFileSync(readme, '# nothing\n');
    expect(gen(readme)).toBe(2);
    expect(readFileSync(readme, 'utf8')).toBe('# nothing\n');
  });
});

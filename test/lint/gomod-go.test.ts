// `gomod-invalid` against the go command: each go.mod is written into an
// empty module directory and `go list -m` (offline) reads it as the main
// module. Every `go.mod:LINE[:COL]: message` line it prints must be one
// finding with that message at that line and column (Go's rune column,
// converted here to UTF-16 units from the line's text), and a go.mod it
// reads without complaint gives no finding.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readGoMod } from '../../src/checks/lint/index.js';
import { describeWithGo, goBin, isolatedGoEnv } from '../oracle/go-env.js';
import { spawnCollect } from '../support/spawn.js';
import { tempDir } from '../support/temp-dir.js';

interface GoProblem {
  message: string;
  line?: number;
  column?: number;
}

// The go command's column counts runes; the lint's counts UTF-16 units.
function utf16Column(text: string, line: number, runeColumn: number): number {
  const l = text.split('\n')[line - 1] ?? '';
  return [...l].slice(0, runeColumn - 1).join('').length + 1;
}

async function goListProblems(text: string): Promise<{ ok: boolean; problems: GoProblem[] }> {
  const root = await tempDir('modseal-lint-gomod-');
  const dir = path.join(root, 'm');
  await mkdir(dir);
  await writeFile(path.join(dir, 'go.mod'), text);
  const r = await spawnCollect(goBin(), ['list', '-m'], {
    cwd: dir,
    env: isolatedGoEnv(root, { GOPROXY: 'off', GOFLAGS: '-mod=mod' }),
  });
  const err = r.stderr.toString('utf8');
  if (r.code === 0) return { ok: true, problems: [] };
  const missing = /^go: error reading go\.mod: ([\s\S]*?)\n?$/.exec(err);
  if (missing !== null) return { ok: false, problems: [{ message: missing[1] ?? '' }] };
  const problems: GoProblem[] = [];
  for (const l of err.split('\n')) {
    const m = /^go\.mod:(\d+)(?::(\d+))?: (.*)$/.exec(l);
    if (m === null) continue;
    const line = Number(m[1]);
    problems.push({
      message: m[3] ?? '',
      line,
      column: m[2] === undefined ? 1 : utf16Column(text, line, Number(m[2])),
    });
  }
  if (problems.length === 0) throw new Error(`go list -m said: ${err}`);
  return { ok: false, problems };
}

const cases: [name: string, text: string][] = [
  ['an unknown directive', 'module example.com/m\n\ngo 1.21\nfoo bar\n'],
  [
    'a requirement with the wrong major',
    'module example.com/m\n\nrequire example.com/x/v2 v1.0.0\n',
  ],
  [
    'retractions of another major (the module path is checked)',
    'module example.com/m/v2\n\nretract (\n\tv2.0.0\n\tv1.0.0 // old\n)\n',
  ],
  ['an unterminated string', 'module example.com/m\n\nrequire "example.com/x v1.0.0\n'],
  [
    'a toolchain line with two arguments',
    'module example.com/m\n\ngo 1.21\n  toolchain   go1.21.0 x\n',
  ],
  ['tool and ignore without arguments', 'module example.com/m\n\nignore ./a b\ntool\n'],
  ['a module line without a path', 'module\n'],
  ['two module lines', 'module example.com/m\nmodule example.com/n\n'],
  ['a bad go version', 'module example.com/m\n\ngo 1.21.x\n'],
  ['a godebug without value', 'module example.com/m\n\ngodebug (\n\tdefault\n)\n'],
  [
    'a problem after wide characters on the line',
    'module example.com/m\n\nreplace example.com/ü/𝔵 => "./a\n',
  ],
  ['an unknown block', 'module example.com/m\n\nfrobnicate (\n\tx\n)\n'],
  [
    'a replacement without version that is not a directory',
    'module example.com/m\n\nreplace example.com/a => example.com/b\n',
  ],
  ['no module directive', 'go 1.21\n'],
  [
    'valid: every directive of today',
    'module example.com/m\n\ngo 1.23.0\n\ntoolchain go1.23.4\n\ngodebug default=go1.21\n\nrequire example.com/x v1.2.3 // indirect\n\nexclude example.com/x v1.2.2\n\nreplace example.com/y => ./y\n\nretract [v1.0.0, v1.0.5] // broken\n\ntool example.com/x/cmd/t\n\nignore ./node_modules\n',
  ],
  ['valid: a go.mod with only a module line', 'module example.com/m\n'],
];

describeWithGo("gomod-invalid carries the go command's text at its position", () => {
  for (const [name, text] of cases) {
    it(name, async () => {
      const go = await goListProblems(text);
      const { view, findings } = readGoMod('go.mod', Buffer.from(text));
      expect(view.valid).toBe(go.ok);
      expect(findings.map((f) => f.code).every((c) => c === 'gomod-invalid')).toBe(true);
      expect(
        findings.map((f) => ({
          message: f.message,
          ...(f.line !== undefined ? { line: f.line } : {}),
          ...(f.column !== undefined ? { column: f.column } : {}),
        })),
      ).toEqual(
        go.problems.map((p) => (p.line === undefined ? { message: p.message, line: 1 } : p)),
      );
      if (name.startsWith('valid')) expect(go.ok).toBe(true);
      else expect(go.ok).toBe(false);
    });
  }
});

// Malformed go.mod files and odd trees give findings, never a crash: random
// bytes, truncated and mangled real go.mod files, trees with go.mod files in
// odd places and odd tags, all through every rule; every finding must be
// well formed.
import { describe, expect, it } from 'vitest';
import { LINT_SEVERITY, type LintFinding } from '../../src/checks/lint/index.js';
import { lintFacts, type TreeFacts } from './harness.js';

// A small deterministic generator (mulberry32), so a failure can be replayed.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REAL = `// Deprecated: use example.com/n.
module example.com/m/v2

go 1.23.0

toolchain go1.23.4

godebug default=go1.21

require (
\texample.com/x v1.2.3 // indirect
\tgopkg.in/yaml.v3 v3.0.1
)

replace example.com/y => ./y

retract (
\tv2.0.0 // broken
\t[v2.1.0, v2.1.9]
)

tool example.com/x/cmd/t

ignore ./node_modules
`;

const PIECES = [
  'module',
  'require',
  'retract',
  '(',
  ')',
  '[',
  ']',
  ',',
  '"',
  '`',
  '//',
  '/*',
  '\n',
  ' ',
  '\t',
  'v2.0.0',
  'example.com/m',
  'é',
  '\u0000',
  '\ufeff',
  '=>',
  'Deprecated:',
  'go',
  '1.21',
];

function mangle(r: () => number): Uint8Array {
  const kind = Math.floor(r() * 4);
  if (kind === 0) {
    const b = new Uint8Array(Math.floor(r() * 200));
    for (let i = 0; i < b.length; i++) b[i] = Math.floor(r() * 256);
    return b;
  }
  if (kind === 1) return Buffer.from(REAL.slice(0, Math.floor(r() * REAL.length)));
  if (kind === 2) {
    const chars = [...REAL];
    for (let k = 0; k < 5; k++) {
      const i = Math.floor(r() * chars.length);
      chars.splice(i, Math.floor(r() * 3), PIECES[Math.floor(r() * PIECES.length)] ?? '');
    }
    return Buffer.from(chars.join(''));
  }
  let s = '';
  for (let k = 0; k < 30; k++) s += PIECES[Math.floor(r() * PIECES.length)] ?? '';
  return Buffer.from(s);
}

function wellFormed(f: LintFinding): void {
  expect(LINT_SEVERITY[f.code]).toBe(f.severity);
  expect(typeof f.message).toBe('string');
  expect(f.message.length).toBeGreaterThan(0);
  if (f.line !== undefined) expect(f.line).toBeGreaterThanOrEqual(1);
  if (f.column !== undefined) expect(f.column).toBeGreaterThanOrEqual(1);
  if (f.file !== undefined) expect(f.file).not.toMatch(/^\/|\/\/|\/$/);
}

describe('never a crash', () => {
  it('random and mangled go.mod files, at the root and in a major subdirectory', () => {
    const r = rng(20240610);
    let gomodInvalid = 0;
    for (let i = 0; i < 400; i++) {
      const facts: TreeFacts = {
        files: {
          'go.mod': mangle(r),
          'sub/v2/go.mod': mangle(r),
          'sub/v2/a.go': mangle(r),
          'a.go': 'package m\n\nimport "example.com/m/x"\n',
        },
        tags: { 'v2.0.0': { 'a.go': 'package m\n' }, 'sub/v1.0.0': {} },
        next: i % 3 === 0 ? ['v2.1.0'] : [],
        published: {
          'example.com/m/v2': {
            mirror: { name: 'm', versions: ['v2.1.0', 'v2.0.0+incompatible'] },
          },
        },
      };
      const got = lintFacts(facts);
      got.findings.forEach(wellFormed);
      gomodInvalid += got.findings.filter((f) => f.code === 'gomod-invalid').length;
    }
    // Most of these files are broken, and say so.
    expect(gomodInvalid).toBeGreaterThan(200);
  });

  it('odd trees and odd tags', () => {
    const odd: TreeFacts[] = [
      { files: {} },
      { files: { 'go.mod': '' } },
      { files: { 'go.mod': '\ufeffmodule example.com/m\n' } },
      { files: { 'go.mod': 'module example.com/m\n', 'go.mod/x': 'a directory named go.mod' } },
      { files: { 'a/b/c/d/e/go.mod': 'module x\n' }, next: ['a/b/c/d/e/v1.0.0'] },
      { files: { 'go.mod': 'module example.com/m\n' }, next: ['v1.0.0', 'v1.0.0'] },
      { files: { 'go.mod': 'module example.com/m\n' }, next: ['other/v1.0.0', 'garbage', ''] },
      { files: { 'go.mod': 'module example.com/m/v2\n', 'x.go': new Uint8Array([0xff, 0, 0x22]) } },
      {
        files: {
          'go.mod': `module example.com/m\n${'require example.com/x v1.0.0\n'.repeat(2000)}`,
        },
      },
      {
        files: { 'go.mod': 'module example.com/m\n' },
        tags: { 'v999999999999999999999.0.0': {}, 'v1.0.0-': {}, vv1: {} },
      },
      { files: { 'go.mod': 'module "example.com/m\n' }, next: ['v2.0.0'] },
      { files: { 'go.mod': 'module gopkg.in/x.v0\n' }, next: ['v0.1.0'] },
      {
        files: {
          'v2/go.mod': 'module example.com/m/v2\n',
          'v3/go.mod': 'module example.com/m/v2\n',
        },
      },
      { files: { 'go.mod': 'module example.com/m\n' }, repoRoot: 'example.com/other' },
    ];
    for (const facts of odd) {
      const got = lintFacts(facts);
      got.findings.forEach(wellFormed);
      expect(Array.isArray(got.errors)).toBe(true);
    }
    expect(lintFacts(odd[6]!).errors.length).toBe(3);
    expect(lintFacts(odd[10]!).findings.map((f) => f.code)).toContain('gomod-invalid');
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBinary, unifiedDiff } from '../../src/internal/text-diff.js';

/** Lines with their terminators ('' for a last line without one). */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Apply a unified diff to `old`; a second, independent reading of our output. */
function applyPatch(old: string, patch: string): string {
  const oldLines = linesOf(old);
  const lines = patch.split('\n').slice(2, -1);
  const out: string[] = [];
  let pos = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    const m = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(l);
    if (m) {
      const start = Number(m[1]);
      const target = m[2] === '0' ? start : start - 1;
      while (pos < target) out.push(oldLines[pos++] ?? '');
      continue;
    }
    if (l === '\\ No newline at end of file') continue;
    const full = l.slice(1) + (lines[i + 1] === '\\ No newline at end of file' ? '' : '\n');
    if (l.startsWith('+')) {
      out.push(full);
    } else {
      expect(oldLines[pos]).toBe(full);
      if (l.startsWith(' ')) out.push(full);
      pos++;
    }
  }
  while (pos < oldLines.length) out.push(oldLines[pos++] ?? '');
  return out.join('');
}

function gnuDiff(a: string, b: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'modseal-diff-'));
  try {
    writeFileSync(path.join(dir, 'a'), a);
    writeFileSync(path.join(dir, 'b'), b);
    try {
      execFileSync('diff', ['-u', '--label', 'mirror/f', '--label', 'local/f', 'a', 'b'], {
        cwd: dir,
        encoding: 'utf8',
      });
      return '';
    } catch (e) {
      return (e as { stdout: string }).stdout;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let hasDiff = true;
try {
  execFileSync('diff', ['--version'], { stdio: 'ignore' });
} catch {
  hasDiff = false;
}

const numbered = (n: number, f: (i: number) => string = (i) => `line ${i}`): string =>
  Array.from({ length: n }, (_, i) => f(i + 1) + '\n').join('');

const cases: [string, string, string][] = [
  ['one change', 'a\nb\nc\n', 'a\nB\nc\n'],
  ['insert at start', 'a\nb\n', 'x\na\nb\n'],
  ['append', 'a\nb\n', 'a\nb\nc\n'],
  ['delete everything', 'a\nb\n', ''],
  ['from empty', '', 'a\n'],
  ['missing final newline', 'a\nb', 'a\nb\n'],
  ['gains no-newline', 'a\nb\n', 'a\nc'],
  [
    'two far hunks',
    numbered(40),
    numbered(40, (i) => (i === 3 || i === 35 ? `changed ${i}` : `line ${i}`)),
  ],
  [
    'hunks 6 apart merge',
    numbered(30),
    numbered(30, (i) => (i === 10 || i === 17 ? 'x' : `line ${i}`)),
  ],
  [
    'hunks 7 apart split',
    numbered(30),
    numbered(30, (i) => (i === 10 || i === 18 ? 'x' : `line ${i}`)),
  ],
  ['reorder', 'a\nb\nc\nd\ne\n', 'c\nd\na\nb\ne\n'],
];

describe('unifiedDiff', () => {
  it.each(cases)('%s: the patch turns old into new', (_name, a, b) => {
    const d = unifiedDiff('mirror/f', 'local/f', Buffer.from(a), Buffer.from(b));
    expect(d.kind).toBe('diff');
    if (d.kind !== 'diff') return;
    expect(applyPatch(a, d.text)).toBe(b);
  });

  it.runIf(hasDiff).each(cases.filter(([n]) => n !== 'reorder'))(
    '%s: same text as GNU diff -u',
    (_name, a, b) => {
      const d = unifiedDiff('mirror/f', 'local/f', Buffer.from(a), Buffer.from(b));
      expect(d.kind === 'diff' ? d.text : '').toBe(gnuDiff(a, b));
    },
  );

  it('says identical, binary or too large instead of diffing', () => {
    expect(unifiedDiff('a', 'b', Buffer.from('x\n'), Buffer.from('x\n')).kind).toBe('identical');
    expect(unifiedDiff('a', 'b', Buffer.from('x\0y'), Buffer.from('x\n')).kind).toBe('binary');
    expect(unifiedDiff('a', 'b', Buffer.from([0xff, 0x0a]), Buffer.from('x\n')).kind).toBe(
      'binary',
    );
    const big = Buffer.alloc(2000, 'a');
    expect(unifiedDiff('a', 'b', big, Buffer.from('x'), { maxBytes: 1000 })).toMatchObject({
      kind: 'too-large',
    });
    expect(
      unifiedDiff('a', 'b', Buffer.from(numbered(50)), Buffer.from(numbered(50, (i) => `x${i}`)), {
        maxEdits: 10,
      }),
    ).toMatchObject({ kind: 'too-large' });
  });

  it('cuts long output and says so', () => {
    const d = unifiedDiff(
      'a',
      'b',
      Buffer.from(numbered(500)),
      Buffer.from(numbered(500, (i) => `x${i}`)),
      { maxOutputLines: 50 },
    );
    expect(d).toMatchObject({ kind: 'diff', truncated: true });
    expect(d.kind === 'diff' ? d.text.split('\n').length : 0).toBeLessThanOrEqual(51);
  });

  it('detects binary content as git does', () => {
    expect(isBinary(Buffer.from('plain text\n'))).toBe(false);
    expect(isBinary(Buffer.from('héllo\n'))).toBe(false);
    expect(isBinary(Buffer.from([0x61, 0x00]))).toBe(true);
  });
});

// The import reader's contract beyond what Go decides (read-imports-go.test.ts
// holds the differential tests): it never throws, whatever the bytes; its
// results are self-consistent; and its units are the documented ones.
import { describe, expect, it } from 'vitest';
import { importPosition, readImports, type ReadImportsResult } from '../../src/imports/index.js';
import { Rng } from '../modfetch/gen-repos.js';
import { handwritten } from './corpus.js';

function checkShape(src: Buffer, r: ReadImportsResult): void {
  if (r.error !== undefined) {
    expect(r.imports).toEqual([]);
    expect(r.error.line).toBeGreaterThanOrEqual(1);
    expect(r.error.column).toBeGreaterThanOrEqual(1);
    expect(r.error.offset).toBeLessThanOrEqual(src.length);
    expect(r.error.message).not.toBe('');
  }
  let last = -1;
  for (const imp of r.imports) {
    expect(imp.offset).toBeGreaterThan(last);
    last = imp.offset;
    expect(imp.endOffset).toBeLessThanOrEqual(src.length);
    expect(imp.endColumn - imp.column).toBe(imp.endOffset - imp.offset);
    const at = importPosition(imp);
    expect(at.offset).toBeLessThanOrEqual(imp.offset);
  }
}

const ALPHABET = [
  'package',
  'import',
  'p',
  ' ',
  '\n',
  '\r\n',
  '\t',
  ';',
  '(',
  ')',
  '"',
  '`',
  "'",
  '\\',
  '/',
  '*',
  '.',
  '_',
  'x',
  '0',
  '1e',
  '0x',
  '\x00',
  '\xff',
  '\xef\xbb\xbf',
  'é',
  '“',
  '//line a:1\n',
  '/*line :0*/',
  '\f',
];

describe('readImports', () => {
  it('never throws on generated noise', () => {
    for (let i = 0; i < 3000; i++) {
      const rng = new Rng(9000 + i);
      let s = rng.chance(0.7) ? 'package p\n' : '';
      const n = rng.int(40);
      for (let k = 0; k < n; k++) s += rng.pick(ALPHABET);
      const src = Buffer.from(s, 'latin1');
      checkShape(src, readImports(src));
    }
  });

  it('never throws on any prefix of the hand-written cases', () => {
    for (const c of handwritten) {
      for (let end = 0; end <= c.src.length; end++) {
        const src = c.src.subarray(0, end);
        checkShape(src, readImports(src));
      }
    }
  });

  it('gives up after many errors, as Go does, without a deep scan', () => {
    const src = Buffer.from('package p\nimport (\n' + '1\n'.repeat(100_000) + ')\n');
    const r = readImports(src);
    expect(r.error).toMatchObject({ line: 3, column: 1, message: 'import path must be a string' });
  });

  it('reads only the header: what follows the imports is never scanned', () => {
    const body = Buffer.alloc(4 << 20, '"'); // one unterminated string after another
    const src = Buffer.concat([Buffer.from('package p\nimport "example.com/a"\n'), body]);
    const r = readImports(src);
    expect(r.error).toBeUndefined();
    expect(r.imports.map((i) => i.path)).toEqual(['example.com/a']);
  });

  it('counts columns in bytes, not runes', () => {
    // `é` is two bytes: the path's quote is byte 17 of its line, rune 16.
    const src = Buffer.from('package p\n/* é */ import "a"\n');
    const [imp] = readImports(src).imports;
    expect(imp).toMatchObject({ line: 2, column: 17, endColumn: 20, offset: 26 });
  });

  it("does not count a leading byte order mark in line 1's columns, but in offsets", () => {
    const src = Buffer.from('\ufeffpackage p; import x "a"');
    const [imp] = readImports(src).imports;
    // `x` is the 19th byte after the mark, the 22nd of the file.
    expect(imp?.name).toEqual({ name: 'x', line: 1, column: 19, offset: 21 });
    expect(imp).toMatchObject({ line: 1, column: 21, offset: 23 });
    expect(importPosition(imp!)).toEqual({ line: 1, column: 19, offset: 21 });
  });
});

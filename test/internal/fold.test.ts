// Expected values are data from Go's own tests (unicode/letter_test.go and
// strings/strings_test.go, Go 1.19) and the folding facts of the spec (§2.7).
// The exhaustive comparison with the real Go is in test/module/go-oracle.test.ts.
import { describe, expect, it } from 'vitest';

import { equalFold, simpleFold, toFold } from '../../src/internal/fold.js';

describe('simpleFold (unicode.SimpleFold)', () => {
  const cycles = [
    'Aa',
    '\u03b4\u0394',
    'Kk\u212a',
    'Ss\u017f',
    '\u03c1\u03f1\u03a1',
    '\u0345\u0399\u03b9\u1fbe',
    '\u0130',
    '\u0131',
    '\u13b0\uab80',
  ];
  it.each(cycles)('cycles through %s', (cycle) => {
    const runes = [...cycle].map((c) => c.codePointAt(0)!);
    let r = runes[runes.length - 1]!;
    for (const want of runes) {
      expect(simpleFold(r).toString(16)).toBe(want.toString(16));
      r = want;
    }
  });
  it('leaves invalid runes alone', () => {
    expect(simpleFold(-42)).toBe(-42);
    expect(simpleFold(0x110000)).toBe(0x110000);
  });
});

describe('equalFold (strings.EqualFold)', () => {
  const rows: [string, string, boolean][] = [
    ['abc', 'abc', true],
    ['ABcd', 'ABcd', true],
    ['123abc', '123ABC', true],
    ['αβδ', 'ΑΒΔ', true],
    ['abc', 'xyz', false],
    ['abc', 'XYZ', false],
    ['abcdefghijk', 'abcdefghijX', false],
    ['abcdefghijk', 'abcdefghij\u212A', true],
    ['abcdefghijK', 'abcdefghij\u212A', true],
    ['abcdefghijkz', 'abcdefghij\u212Ay', false],
    ['abcdefghijKz', 'abcdefghij\u212Ay', false],
    ['1', '2', false],
    ['utf-8', 'US-ASCII', false],
  ];
  it.each(rows)('%s ~ %s = %s', (a, b, want) => {
    expect(equalFold(a, b)).toBe(want);
    expect(equalFold(b, a)).toBe(want);
  });
});

describe('toFold (x/mod zip collision key)', () => {
  it('puts K, k and the Kelvin sign together; ſ with s; not ß with ss', () => {
    expect(toFold('K.go')).toBe(toFold('\u212a.go'));
    expect(toFold('k.go')).toBe(toFold('\u212a.go'));
    expect(toFold('ſ')).toBe(toFold('S'));
    expect(toFold('ß')).not.toBe(toFold('ss'));
    expect(toFold('ß')).toBe(toFold('\u1e9e'));
    expect(toFold('İ')).not.toBe(toFold('i'));
  });
  it('lowers ASCII and leaves lower-case ASCII as is', () => {
    expect(toFold('A.GO/b')).toBe('a.go/b');
    expect(toFold('plain/path.go')).toBe('plain/path.go');
  });
});

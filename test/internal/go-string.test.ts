// Node's own UTF-8 validator (buffer.isUtf8) and Buffer.compare are the
// independent oracles here; the real Go is used in test/module/go-oracle.test.ts.
import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';

import {
  compareGoStrings,
  decodeGoString,
  decodeRune,
  encodeGoString,
  goRunes,
  goStringByteLength,
  isValidUtf8GoString,
} from '../../src/internal/go-string.js';

// A small deterministic generator so failures reproduce.
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** Byte strings biased towards UTF-8 edge cases (lead bytes, continuations, boundaries). */
function samples(n: number): Buffer[] {
  const next = rng(12345);
  const interesting = [
    0x00, 0x2f, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xee, 0xef, 0xf0, 0xf4,
    0xf5, 0xff, 0x9f, 0xa0, 0x8f, 0x90,
  ];
  const out: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const len = next() % 9;
    const b = Buffer.alloc(len);
    for (let k = 0; k < len; k++) {
      b[k] = next() % 3 === 0 ? next() % 256 : interesting[next() % interesting.length]!;
    }
    out.push(b);
  }
  const fixed = [
    'e282ac',
    'e282',
    'c080',
    'eda080',
    'edbfbf',
    'f4908080',
    'f09f9880',
    'f09f98',
    'efbfbd',
    'ff',
  ];
  for (const h of fixed) out.push(Buffer.from(h, 'hex'));
  return out;
}

describe('decodeGoString / encodeGoString', () => {
  const all = samples(5000);

  it('round-trips every byte string', () => {
    for (const b of all)
      expect(encodeGoString(decodeGoString(b)).equals(b), b.toString('hex')).toBe(true);
  });

  it('agrees with Node on which byte strings are valid UTF-8', () => {
    for (const b of all) {
      const s = decodeGoString(b);
      expect(isValidUtf8GoString(s), b.toString('hex')).toBe(isUtf8(b));
      if (isUtf8(b)) expect(s).toBe(b.toString('utf8'));
    }
  });

  it('counts bytes and walks runes at the right offsets', () => {
    for (const b of all) {
      const s = decodeGoString(b);
      expect(goStringByteLength(s)).toBe(b.length);
      let expected = 0;
      for (const { rune, offset } of goRunes(s)) {
        expect(offset).toBe(expected);
        const [r, w] = decodeRune(b, offset);
        expect(rune).toBe(r);
        expected += w;
      }
      expect(expected).toBe(b.length);
    }
  });

  it('orders strings by their bytes', () => {
    const strs = all.slice(0, 400);
    for (let i = 0; i + 1 < strs.length; i++) {
      const a = strs[i]!;
      const b = strs[i + 1]!;
      expect(compareGoStrings(decodeGoString(a), decodeGoString(b))).toBe(
        Math.sign(Buffer.compare(a, b)),
      );
    }
    // Code-unit order would put U+FFFD after U+1F600; byte order does not.
    expect(compareGoStrings('\uFFFD', '\u{1F600}')).toBe(-1);
  });
});

// Expected values are rows of Go's own strconv tests (quote_test.go,
// Go 1.19): data, not code. The generated comparison with the real Go is in
// test/module/go-oracle.test.ts.
import { describe, expect, it } from 'vitest';

import { goQuote, goQuoteRune, isGoPrint } from '../../src/internal/go-quote.js';
import { decodeGoString } from '../../src/internal/go-string.js';

describe('goQuote (strconv.Quote)', () => {
  const rows: [string, string][] = [
    ['\x07\b\f\r\n\t\v', '"\\a\\b\\f\\r\\n\\t\\v"'],
    ['\\', '"\\\\"'],
    [decodeGoString(Buffer.from('abc\xffdef', 'latin1')), '"abc\\xffdef"'],
    ['\u263a', '"☺"'],
    ['\u{10ffff}', '"\\U0010ffff"'],
    ['\x04', '"\\x04"'],
    ['!\u00a0!\u2000!\u3000!', '"!\\u00a0!\\u2000!\\u3000!"'],
    ['\x7f', '"\\x7f"'],
  ];
  it.each(rows)('%j → %s', (input, want) => expect(goQuote(input)).toBe(want));

  it('escapes the double quote but not the single one', () => {
    expect(goQuote(`a"b'c`)).toBe(`"a\\"b'c"`);
  });
});

describe('goQuoteRune (strconv.QuoteRune, %q of a rune)', () => {
  const rows: [number, string][] = [
    [0x61, "'a'"],
    [0x07, "'\\a'"],
    [0x5c, "'\\\\'"],
    [0xff, "'ÿ'"],
    [0x263a, "'☺'"],
    [0xdead, "'�'"],
    [0xfffd, "'�'"],
    [0x10ffff, "'\\U0010ffff'"],
    [0x10ffff + 1, "'�'"],
    [0x04, "'\\x04'"],
    [0xa0, "'\\u00a0'"],
    [0x2000, "'\\u2000'"],
    [0x3000, "'\\u3000'"],
  ];
  it.each(rows)('%i → %s', (cp, want) => expect(goQuoteRune(cp)).toBe(want));

  it("escapes the single quote (Go's `invalid char '\\''`)", () => {
    expect(goQuoteRune(0x27)).toBe("'\\''");
    expect(goQuoteRune(0x22)).toBe(`'"'`);
  });

  it('treats the soft hyphen and controls as unprintable, like Go', () => {
    expect(isGoPrint(0xad)).toBe(false);
    expect(isGoPrint(0x85)).toBe(false);
    expect(isGoPrint(0x20)).toBe(true);
    expect(isGoPrint(0x301)).toBe(true);
  });
});

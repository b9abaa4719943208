// Go's `%q`: strconv.Quote for strings and strconv.QuoteRune for runes. Go's
// error texts embed these, so matching them byte for byte needs Go's rules:
// which runes print as themselves (strconv.IsPrint) and how the others are
// escaped.
//
// Unicode-version caveat: "printable" (categories L, M, N, P, S, plus the
// ASCII space) is taken from the JS engine's Unicode tables, which may be
// newer than the Go release being matched; runes assigned in between print
// differently (Go escapes them as \u…).

import { escapedByte } from './go-string.js';

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's strconv.IsPrint. */
export function isGoPrint(cp: number): boolean {
  if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return PRINTABLE.test(String.fromCodePoint(cp));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(cp: number, quote: '"' | "'"): string {
  if (cp === quote.charCodeAt(0) || cp === 0x5c) return '\\' + String.fromCharCode(cp);
  if (isGoPrint(cp)) return String.fromCodePoint(cp);
  switch (cp) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\\ufffd';
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

/**
 * Go's strconv.Quote (and `%q` of a string): a double-quoted Go string
 * literal; bytes that are not valid UTF-8 (surrogate-escaped) print as `\xNN`.
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const b = escapedByte(cp);
    if (b >= 0) {
      out += '\\x' + hex(b, 2);
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      // A lone surrogate that is not an escape encodes as U+FFFD (see
      // encodeGoString), which is printable.
      out += '\uFFFD';
    } else {
      out += escapeRune(cp, '"');
    }
  }
  return out + '"';
}

/**
 * Go's `%q` of a rune (strconv.QuoteRune): a single-quoted rune literal such
 * as `'\''`; a value that is not a valid rune prints as U+FFFD.
 */
export function goQuoteRune(cp: number): string {
  let r = cp;
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  return "'" + escapeRune(r, "'") + "'";
}

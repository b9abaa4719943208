// Byte-level string helpers the go.mod lexer and rules need beyond the
// project-wide ones: Go's unicode.IsSpace, the lexer's identifier runes,
// strings.TrimSpace, and strconv.Unquote (Go 1.19) whose failures decide
// "invalid quoted string" errors.

import { decodeGoString, decodeRune, encodeGoString, RUNE_ERROR } from '../internal/go-string.js';
import { isGoPrint } from '../internal/go-quote.js';

/** Input as bytes: strings are taken as surrogate-escaped Go strings. */
export function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? encodeGoString(data) : data;
}

const whiteSpaceRe = /^\p{White_Space}$/u;

/** unicode.IsSpace. */
export function isSpace(r: number): boolean {
  if (r <= 0xff) {
    return (
      r === 0x09 ||
      r === 0x0a ||
      r === 0x0b ||
      r === 0x0c ||
      r === 0x0d ||
      r === 0x20 ||
      r === 0x85 ||
      r === 0xa0
    );
  }
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return false;
  return whiteSpaceRe.test(String.fromCodePoint(r));
}

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

function isValidUtf8(b: Uint8Array): boolean {
  let i = 0;
  while (i < b.length) {
    const [r, size] = decodeRune(b, i);
    if (size === 1 && r === RUNE_ERROR && (b[i] ?? 0) >= 0x80) return false;
    i += size;
  }
  return true;
}

function encodeRune(r: number, out: number[]): void {
  for (const byte of Buffer.from(String.fromCodePoint(r), 'utf8')) out.push(byte);
}

/**
 * strconv.Unquote (Go 1.19 semantics) of a Go string; undefined where Go
 * returns ErrSyntax ("invalid syntax").
 */
export function goUnquote(s: string): string | undefined {
  const b = encodeGoString(s);
  const n = b.length;
  if (n < 2) return undefined;
  const quote = b[0] ?? 0;
  const end = b.indexOf(quote, 1);
  if (end < 0) return undefined;
  if (quote === 0x60) {
    if (end !== n - 1) return undefined;
    const body = Array.from(b.subarray(1, n - 1)).filter((c) => c !== 0x0d);
    return decodeGoString(Uint8Array.from(body));
  }
  if (quote !== 0x22 && quote !== 0x27) return undefined;
  const head = b.subarray(0, end + 1);
  if (!head.includes(0x5c) && !head.includes(0x0a)) {
    let valid: boolean;
    const inner = b.subarray(1, end);
    if (quote === 0x22) {
      valid = isValidUtf8(inner);
    } else {
      const [r, size] = decodeRune(inner, 0);
      valid = size + 2 === end + 1 && (r !== RUNE_ERROR || size !== 1);
    }
    if (valid) return end === n - 1 ? decodeGoString(inner) : undefined;
  }
  const out: number[] = [];
  let i = 1;
  while (i < n && b[i] !== quote) {
    const c = b[i] ?? 0;
    if (c === 0x0a) return undefined;
    if (c >= 0x80) {
      const [r, size] = decodeRune(b, i);
      encodeRune(r, out);
      i += size;
    } else if (c !== 0x5c) {
      out.push(c);
      i++;
    } else {
      if (i + 1 >= n) return undefined;
      const e = b[i + 1] ?? 0;
      i += 2;
      const simple: Record<number, number> = {
        0x61: 7,
        0x62: 8,
        0x66: 12,
        0x6e: 10,
        0x72: 13,
        0x74: 9,
        0x76: 11,
        0x5c: 0x5c,
      };
      const mapped = simple[e];
      if (mapped !== undefined) {
        out.push(mapped);
      } else if (e === 0x78 || e === 0x75 || e === 0x55) {
        const digits = e === 0x78 ? 2 : e === 0x75 ? 4 : 8;
        if (i + digits > n) return undefined;
        let v = 0;
        for (let j = 0; j < digits; j++) {
          const x = unhex(b[i + j] ?? 0);
          if (x < 0) return undefined;
          v = v * 16 + x;
        }
        i += digits;
        if (e === 0x78) {
          out.push(v);
        } else {
          if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
          encodeRune(v, out);
        }
      } else if (e >= 0x30 && e <= 0x37) {
        if (i + 2 > n) return undefined;
        let v = e - 0x30;
        for (let j = 0; j < 2; j++) {
          const x = (b[i + j] ?? 0) - 0x30;
          if (x < 0 || x > 7) return undefined;
          v = v * 8 + x;
        }
        i += 2;
        if (v > 255) return undefined;
        out.push(v);
      } else if (e === 0x27 || e === 0x22) {
        if (e !== quote) return undefined;
        out.push(e);
      } else {
        return undefined;
      }
    }
    if (quote === 0x27) break;
  }
  if (!(i < n && b[i] === quote)) return undefined;
  if (i + 1 !== n) return undefined;
  return decodeGoString(Uint8Array.from(out));
}

/** Whether the go.mod lexer takes rune `r` as part of an unquoted token. */
export function isIdentRune(r: number): boolean {
  switch (r) {
    case 0x20:
    case 0x28:
    case 0x29:
    case 0x5b:
    case 0x5d:
    case 0x7b:
    case 0x7d:
    case 0x2c:
      return false;
    default:
      return !isSpace(r) && isGoPrint(r);
  }
}

/** strings.TrimSpace: trims what unicode.IsSpace calls space (not U+FEFF). */
export function goTrimSpace(s: string): string {
  const chars = [...s];
  let i = 0;
  let j = chars.length;
  const space = (ch: string | undefined): boolean => isSpace(ch?.codePointAt(0) ?? -1);
  while (i < j && space(chars[i])) i++;
  while (j > i && space(chars[j - 1])) j--;
  return chars.slice(i, j).join('');
}

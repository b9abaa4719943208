// Go strings are byte strings; JS strings are UTF-16. The project-wide bridge:
// valid UTF-8 maps to the same characters, and every byte that Go's decoder
// would turn into a one-byte RuneError is kept as the lone surrogate
// U+DC00+byte (surrogate-escape, as in Python). Because valid UTF-8 never
// encodes a surrogate, the mapping is lossless for every Go string.

const ESCAPE_BASE = 0xdc00;
const ESCAPE_MIN = 0xdc80;
const ESCAPE_MAX = 0xdcff;

/** Go's utf8.RuneError. */
export const RUNE_ERROR = 0xfffd;

/** The byte a surrogate-escaped code point stands for, or -1 if it is a real character. */
export function escapedByte(cp: number): number {
  return cp >= ESCAPE_MIN && cp <= ESCAPE_MAX ? cp - ESCAPE_BASE : -1;
}

/**
 * Decodes one rune at `i` exactly as Go's utf8.DecodeRune does: returns the
 * rune and its width; an invalid or truncated sequence gives [0xFFFD, 1].
 */
export function decodeRune(b: Uint8Array, i: number): [rune: number, width: number] {
  const n = b.length - i;
  if (n <= 0) return [RUNE_ERROR, 0];
  const b0 = b[i]!;
  if (b0 < 0x80) return [b0, 1];
  // Ranges of the second byte follow the table in the Unicode standard
  // (Table 3-7): they exclude overlong forms, surrogates and values above U+10FFFF.
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  let cp: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    need = 1;
    cp = b0 & 0x1f;
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    need = 2;
    cp = b0 & 0x0f;
    if (b0 === 0xe0) lo = 0xa0;
    else if (b0 === 0xed) hi = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    need = 3;
    cp = b0 & 0x07;
    if (b0 === 0xf0) lo = 0x90;
    else if (b0 === 0xf4) hi = 0x8f;
  } else {
    return [RUNE_ERROR, 1];
  }
  if (n < need + 1) return [RUNE_ERROR, 1];
  for (let k = 1; k <= need; k++) {
    const c = b[i + k]!;
    if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return [RUNE_ERROR, 1];
    cp = (cp << 6) | (c & 0x3f);
  }
  return [cp, need + 1];
}

/** Go bytes to a JS string, with every undecodable byte surrogate-escaped. */
export function decodeGoString(b: Uint8Array): string {
  let run = 0;
  let i = 0;
  const parts: string[] = [];
  while (i < b.length) {
    const [r, w] = decodeRune(b, i);
    if (w === 1 && r === RUNE_ERROR) {
      if (i > run) parts.push(Buffer.from(b.buffer, b.byteOffset + run, i - run).toString('utf8'));
      parts.push(String.fromCharCode(ESCAPE_BASE + b[i]!));
      i++;
      run = i;
    } else {
      i += w;
    }
  }
  if (run === 0) return Buffer.from(b.buffer, b.byteOffset, b.length).toString('utf8');
  if (i > run) parts.push(Buffer.from(b.buffer, b.byteOffset + run, i - run).toString('utf8'));
  return parts.join('');
}

/**
 * A JS string to Go bytes: escaped surrogates become their byte again. Lone
 * surrogates that are not escapes cannot come from a Go string; they encode as
 * U+FFFD, as Buffer.from does.
 */
export function encodeGoString(s: string): Buffer {
  if (!hasSurrogate(s)) return Buffer.from(s, 'utf8');
  const bytes: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const eb = escapedByte(cp);
    if (eb >= 0) {
      bytes.push(eb);
    } else {
      for (const x of Buffer.from(ch, 'utf8')) bytes.push(x);
    }
  }
  return Buffer.from(bytes);
}

/** Whether the Go string is valid UTF-8, i.e. holds no escaped byte. */
export function isValidUtf8GoString(s: string): boolean {
  if (!hasSurrogate(s)) return true;
  for (const ch of s) {
    if (escapedByte(ch.codePointAt(0)!) >= 0) return false;
  }
  return true;
}

/** Length in bytes of the Go string. */
export function goStringByteLength(s: string): number {
  if (!hasSurrogate(s)) return Buffer.byteLength(s, 'utf8');
  return encodeGoString(s).length;
}

/**
 * Go's `range` over a string: each rune with the byte offset where it starts;
 * an escaped byte yields 0xFFFD, as Go does for invalid UTF-8.
 */
export function* goRunes(s: string): Generator<{ rune: number; offset: number }> {
  let offset = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (escapedByte(cp) >= 0) {
      yield { rune: RUNE_ERROR, offset };
      offset += 1;
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      yield { rune: RUNE_ERROR, offset };
      offset += 3;
    } else {
      yield { rune: cp, offset };
      offset += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
  }
}

/** Go's `a < b` for strings as -1/0/1: byte order of the encodings. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  // Without surrogates, UTF-16 code-unit order equals code-point order, which
  // equals UTF-8 byte order; only supplementary characters and escaped bytes
  // need the encoded form.
  if (!hasSurrogate(a) && !hasSurrogate(b)) return a < b ? -1 : 1;
  const c = Buffer.compare(encodeGoString(a), encodeGoString(b));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

const SURROGATE_RE = /[\ud800-\udfff]/;

function hasSurrogate(s: string): boolean {
  return SURROGATE_RE.test(s);
}

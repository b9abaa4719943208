// Go's columns to the lint's (UTF-16 code units, see ./types.ts). Bytes are
// decoded as Go decodes them (utf8.DecodeRune: an invalid byte is one
// U+FFFD), so a column lands on the character GitHub shows for it; a rune
// above U+FFFF takes two UTF-16 units.

import { decodeRune } from '../../internal/go-string.js';

function units(rune: number): number {
  return rune > 0xffff ? 2 : 1;
}

// The byte offset where the line holding byte `offset` starts; a leading
// byte order mark is not part of line 1 (go/build drops it before parsing,
// and editors do not show it).
function lineStartOf(text: Uint8Array, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== 0x0a) start--;
  if (start === 0 && text[0] === 0xef && text[1] === 0xbb && text[2] === 0xbf && offset >= 3) {
    return 3;
  }
  return start;
}

/** The UTF-16 column (1-based) of the byte at `offset` in `text`. */
export function columnAtOffset(text: Uint8Array, offset: number): number {
  let col = 1;
  let i = lineStartOf(text, offset);
  while (i < offset) {
    const [r, w] = decodeRune(text, i);
    col += units(r);
    i += Math.max(w, 1);
  }
  return col;
}

/** The byte offset of the start of 1-based `line` (the end of `text` when it has fewer lines). */
export function offsetOfLine(text: Uint8Array, line: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf(0x0a, offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return offset;
}

/**
 * The UTF-16 column of a rune column (x/mod's LineRune, 1-based) on 1-based
 * `line` of `text`. A column past the end of the line is carried on as if
 * every further rune were one unit.
 */
export function columnOfRune(text: Uint8Array, line: number, runeColumn: number): number {
  let col = 1;
  let i = offsetOfLine(text, line);
  for (let r = 1; r < runeColumn; r++) {
    if (i >= text.length || text[i] === 0x0a) return col + (runeColumn - r);
    const [rune, w] = decodeRune(text, i);
    col += units(rune);
    i += Math.max(w, 1);
  }
  return col;
}

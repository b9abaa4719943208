// A Go tokenizer with the semantics of go/scanner in ScanComments mode:
// automatic semicolons, every literal form, and the same error texts at the
// same offsets. The import reader needs all of it because Go parses the
// header of a file with go/parser, and a malformed token anywhere in that
// header (a number, a rune literal, an escape, a //line comment) is an error
// whose position the go command reports.
//
// Offsets are byte offsets into the text handed to the scanner. Positions of
// //line directives are checked for errors (Go reports malformed ones) but
// never applied: callers want the file's physical lines. Which non-ASCII
// runes are letters and digits (\p{L}, \p{Nd}) comes from the JS engine's
// Unicode tables, which may be newer than those of the Go release matched.

import { decodeGoString, decodeRune, RUNE_ERROR } from '../internal/go-string.js';
import { goQuoteRune, isGoPrint } from '../internal/go-quote.js';

/**
 * A token, spelled as Go's token.Token.String() spells it: literal kinds by
 * name (`IDENT`, `STRING`…), operators and keywords by their text.
 */
export type Token = string;

const LITERAL_KINDS = new Set(['IDENT', 'INT', 'FLOAT', 'IMAG', 'CHAR', 'STRING']);

/** token.IsLiteral: identifiers and basic literals. */
export function isLiteral(tok: Token): boolean {
  return LITERAL_KINDS.has(tok);
}

const KEYWORDS = new Set([
  'break',
  'case',
  'chan',
  'const',
  'continue',
  'default',
  'defer',
  'else',
  'fallthrough',
  'for',
  'func',
  'go',
  'goto',
  'if',
  'import',
  'interface',
  'map',
  'package',
  'range',
  'return',
  'select',
  'struct',
  'switch',
  'type',
  'var',
]);

const EOF = -1;
const BOM = 0xfeff;
const LF = 0x0a;
const CR = 0x0d;

const letterRe = /^\p{L}$/u;
const digitRe = /^\p{Nd}$/u;

function lower(ch: number): number {
  return 0x20 | ch;
}

function isDecimal(ch: number): boolean {
  return ch >= 0x30 && ch <= 0x39;
}

function isHex(ch: number): boolean {
  return isDecimal(ch) || (lower(ch) >= 0x61 && lower(ch) <= 0x66);
}

function isLetter(ch: number): boolean {
  if ((lower(ch) >= 0x61 && lower(ch) <= 0x7a) || ch === 0x5f) return true;
  return ch >= 0x80 && ch !== RUNE_ERROR && letterRe.test(String.fromCodePoint(ch));
}

function isDigit(ch: number): boolean {
  return (
    isDecimal(ch) || (ch >= 0x80 && ch !== RUNE_ERROR && digitRe.test(String.fromCodePoint(ch)))
  );
}

function digitVal(ch: number): number {
  if (isDecimal(ch)) return ch - 0x30;
  if (lower(ch) >= 0x61 && lower(ch) <= 0x66) return lower(ch) - 0x61 + 10;
  return 16;
}

/** fmt's `%#U`: `U+0041 'A'`, or just `U+0000` for a rune that does not print. */
export function formatSharpU(ch: number): string {
  const hex = `U+${ch.toString(16).toUpperCase().padStart(4, '0')}`;
  return isGoPrint(ch) ? `${hex} '${String.fromCodePoint(ch)}'` : hex;
}

function litName(prefix: number): string {
  switch (prefix) {
    case 0x78:
      return 'hexadecimal literal';
    case 0x6f:
    case 0x30:
      return 'octal literal';
    case 0x62:
      return 'binary literal';
    default:
      return 'decimal literal';
  }
}

/** Index of the first misplaced `_` in a number literal, or -1. */
function invalidSep(x: Uint8Array): number {
  let x1 = 0x20;
  let d = 0x2e; // '.': anything that is not a digit or '_'
  let i = 0;
  if (x.length >= 2 && x[0] === 0x30) {
    x1 = lower(x[1]!);
    if (x1 === 0x78 || x1 === 0x6f || x1 === 0x62) {
      d = 0x30;
      i = 2;
    }
  }
  for (; i < x.length; i++) {
    const p = d;
    d = x[i]!;
    if (d === 0x5f) {
      if (p !== 0x30) return i;
    } else if (isDecimal(d) || (x1 === 0x78 && isHex(d))) {
      d = 0x30;
    } else {
      if (p === 0x5f) return i - 1;
      d = 0x2e;
    }
  }
  return d === 0x5f ? x.length - 1 : -1;
}

/** Removes `\r` as go/scanner's stripCR does (keeping a `*\r/` that would close a comment early). */
function stripCR(b: Uint8Array, comment: boolean): Uint8Array {
  const c: number[] = [];
  for (let j = 0; j < b.length; j++) {
    const ch = b[j]!;
    if (
      ch !== CR ||
      (comment && c.length > 2 && c[c.length - 1] === 0x2a && j + 1 < b.length && b[j + 1] === 0x2f)
    ) {
      c.push(ch);
    }
  }
  return Uint8Array.from(c);
}

/** strconv.ParseUint(s, 10, 0) then Go's int(): undefined when it fails; wraps past MaxInt64. */
function parseLineNumber(s: Uint8Array): bigint | undefined {
  if (s.length === 0) return undefined;
  let n = 0n;
  for (const c of s) {
    if (!isDecimal(c)) return undefined;
    n = n * 10n + BigInt(c - 0x30);
    if (n > 0xffffffffffffffffn) return undefined;
  }
  return BigInt.asIntN(64, n);
}

/** Result of trailingDigits: where the digits after the last ':' start, their value, and whether they parsed. */
function trailingDigits(text: Uint8Array): [i: number, n: bigint, ok: boolean] {
  const i = text.lastIndexOf(0x3a);
  if (i < 0) return [0, 0n, false];
  const n = parseLineNumber(text.subarray(i + 1));
  return [i + 1, n ?? 0n, n !== undefined];
}

const MAX_LINE_COL = BigInt(1 << 30);
const LINE_PREFIX = Buffer.from('line ');

/** One token: its kind, start offset, literal text (surrogate-escaped Go string) and end offset. */
export interface Scanned {
  pos: number;
  tok: Token;
  lit: string;
  end: number;
}

/** Receives each error at its byte offset. */
export type ErrorHandler = (offset: number, msg: string) => void;

/** go/scanner's Scanner (ScanComments mode) over one source text. */
export class Scanner {
  private ch = 0x20;
  private offset = 0;
  private rdOffset = 0;
  private lineOffset = 0;
  private insertSemi = false;
  private nlPos = -1;

  constructor(
    private readonly src: Uint8Array,
    private readonly onError: ErrorHandler,
  ) {
    this.next();
    if (this.ch === BOM) this.next();
  }

  private error(offs: number, msg: string): void {
    this.onError(offs, msg);
  }

  private next(): void {
    const src = this.src;
    if (this.rdOffset < src.length) {
      this.offset = this.rdOffset;
      if (this.ch === LF) this.lineOffset = this.offset;
      let r = src[this.rdOffset]!;
      let w = 1;
      if (r === 0) {
        this.error(this.offset, 'illegal character NUL');
      } else if (r >= 0x80) {
        [r, w] = decodeRune(src, this.rdOffset);
        if (r === RUNE_ERROR && w === 1) {
          const b0 = src[this.rdOffset];
          const b1 = src[this.rdOffset + 1];
          if (
            this.offset === 0 &&
            src.length - this.rdOffset >= 2 &&
            ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff))
          ) {
            this.error(this.offset, 'illegal UTF-8 encoding (got UTF-16)');
            this.rdOffset = src.length;
          } else {
            this.error(this.offset, 'illegal UTF-8 encoding');
          }
        } else if (r === BOM && this.offset > 0) {
          this.error(this.offset, 'illegal byte order mark');
        }
      }
      this.rdOffset += w;
      this.ch = r;
    } else {
      this.offset = src.length;
      if (this.ch === LF) this.lineOffset = this.offset;
      this.ch = EOF;
    }
  }

  // The current character, read past TypeScript's narrowing (next() changes it).
  private current(): number {
    return this.ch;
  }

  private peek(): number {
    return this.rdOffset < this.src.length ? this.src[this.rdOffset]! : 0;
  }

  private text(from: number, to: number): string {
    return decodeGoString(this.src.subarray(from, to));
  }

  private scanComment(): number {
    // The initial '/' is consumed; ch is '/' or '*'.
    const offs = this.offset - 1;
    let next = -1;
    let numCR = 0;
    let nlOffset = 0;
    if (this.ch === 0x2f) {
      this.next();
      for (let ch = this.ch; ch !== LF && ch >= 0; ch = this.ch) {
        if (ch === CR) numCR++;
        this.next();
      }
      next = this.offset;
      if (this.current() === LF) next++;
    } else {
      this.next();
      let closed = false;
      while (this.ch >= 0) {
        const ch = this.ch;
        if (ch === CR) numCR++;
        else if (ch === LF && nlOffset === 0) nlOffset = this.offset;
        this.next();
        if (ch === 0x2a && this.ch === 0x2f) {
          this.next();
          next = this.offset;
          closed = true;
          break;
        }
      }
      if (!closed) this.error(offs, 'comment not terminated');
    }
    let lit = this.src.subarray(offs, this.offset);
    if (numCR > 0 && lit.length >= 2 && lit[1] === 0x2f && lit[lit.length - 1] === CR) {
      lit = lit.subarray(0, lit.length - 1);
    }
    if (
      next >= 0 &&
      (lit[1] === 0x2a || offs === this.lineOffset) &&
      Buffer.from(lit.subarray(2, 2 + LINE_PREFIX.length)).equals(LINE_PREFIX)
    ) {
      this.checkLineDirective(offs, lit);
    }
    return nlOffset;
  }

  // go/scanner's updateLineInfo, for its errors only: a directive that
  // parses is not applied (positions stay physical).
  private checkLineDirective(offs: number, lit: Uint8Array): void {
    let text = lit[1] === 0x2a ? lit.subarray(0, lit.length - 2) : lit;
    text = text.subarray(7);
    offs += 7;
    const [i, n, ok] = trailingDigits(text);
    if (i === 0) return;
    if (!ok) {
      this.error(offs + i, 'invalid line number: ' + decodeGoString(text.subarray(i)));
      return;
    }
    // With two numbers (`file:line:col`) the first is the line.
    let line = n;
    let lineAt = i;
    const [i2, n2, ok2] = trailingDigits(text.subarray(0, i - 1));
    if (ok2) {
      if (n === 0n || n > MAX_LINE_COL) {
        this.error(offs + i, 'invalid column number: ' + decodeGoString(text.subarray(i)));
        return;
      }
      line = n2;
      lineAt = i2;
      text = text.subarray(0, i - 1);
    }
    if (line === 0n || line > MAX_LINE_COL) {
      this.error(offs + lineAt, 'invalid line number: ' + decodeGoString(text.subarray(lineAt)));
    }
  }

  private scanIdentifier(): string {
    const offs = this.offset;
    while (isLetter(this.ch) || isDigit(this.ch)) this.next();
    return this.text(offs, this.offset);
  }

  private digits(base: number, invalid: { at: number } | undefined): number {
    let digsep = 0;
    if (base <= 10) {
      const max = 0x30 + base;
      while (isDecimal(this.ch) || this.ch === 0x5f) {
        let ds = 1;
        if (this.ch === 0x5f) ds = 2;
        else if (this.ch >= max && invalid !== undefined && invalid.at < 0)
          invalid.at = this.offset;
        digsep |= ds;
        this.next();
      }
    } else {
      while (isHex(this.ch) || this.ch === 0x5f) {
        digsep |= this.ch === 0x5f ? 2 : 1;
        this.next();
      }
    }
    return digsep;
  }

  private scanNumber(): [Token, string] {
    const offs = this.offset;
    let tok: Token = 'ILLEGAL';
    let base = 10;
    let prefix = 0;
    let digsep = 0;
    const invalid = { at: -1 };

    if (this.ch !== 0x2e) {
      tok = 'INT';
      if (this.ch === 0x30) {
        this.next();
        switch (lower(this.ch)) {
          case 0x78:
            this.next();
            base = 16;
            prefix = 0x78;
            break;
          case 0x6f:
            this.next();
            base = 8;
            prefix = 0x6f;
            break;
          case 0x62:
            this.next();
            base = 2;
            prefix = 0x62;
            break;
          default:
            base = 8;
            prefix = 0x30;
            digsep = 1;
        }
      }
      digsep |= this.digits(base, invalid);
    }

    if (this.ch === 0x2e) {
      tok = 'FLOAT';
      if (prefix === 0x6f || prefix === 0x62) {
        this.error(this.offset, 'invalid radix point in ' + litName(prefix));
      }
      this.next();
      digsep |= this.digits(base, invalid);
    }

    if ((digsep & 1) === 0) this.error(this.offset, litName(prefix) + ' has no digits');

    const e = lower(this.ch);
    if (e === 0x65 || e === 0x70) {
      if (e === 0x65 && prefix !== 0 && prefix !== 0x30) {
        this.error(this.offset, `${goQuoteRune(this.ch)} exponent requires decimal mantissa`);
      } else if (e === 0x70 && prefix !== 0x78) {
        this.error(this.offset, `${goQuoteRune(this.ch)} exponent requires hexadecimal mantissa`);
      }
      this.next();
      tok = 'FLOAT';
      if (this.ch === 0x2b || this.ch === 0x2d) this.next();
      const ds = this.digits(10, undefined);
      digsep |= ds;
      if ((ds & 1) === 0) this.error(this.offset, 'exponent has no digits');
    } else if (prefix === 0x78 && tok === 'FLOAT') {
      this.error(this.offset, "hexadecimal mantissa requires a 'p' exponent");
    }

    if (this.ch === 0x69) {
      tok = 'IMAG';
      this.next();
    }

    const lit = this.src.subarray(offs, this.offset);
    if (tok === 'INT' && invalid.at >= 0) {
      this.error(
        invalid.at,
        `invalid digit ${goQuoteRune(lit[invalid.at - offs]!)} in ${litName(prefix)}`,
      );
    }
    if ((digsep & 2) !== 0) {
      const i = invalidSep(lit);
      if (i >= 0) this.error(offs + i, "'_' must separate successive digits");
    }
    return [tok, decodeGoString(lit)];
  }

  private scanEscape(quote: number): boolean {
    const offs = this.offset;
    let n: number;
    let base: number;
    let max: number;
    switch (this.ch) {
      case 0x61:
      case 0x62:
      case 0x66:
      case 0x6e:
      case 0x72:
      case 0x74:
      case 0x76:
      case 0x5c:
      case quote:
        this.next();
        return true;
      case 0x30:
      case 0x31:
      case 0x32:
      case 0x33:
      case 0x34:
      case 0x35:
      case 0x36:
      case 0x37:
        n = 3;
        base = 8;
        max = 255;
        break;
      case 0x78:
        this.next();
        n = 2;
        base = 16;
        max = 255;
        break;
      case 0x75:
        this.next();
        n = 4;
        base = 16;
        max = 0x10ffff;
        break;
      case 0x55:
        this.next();
        n = 8;
        base = 16;
        max = 0x10ffff;
        break;
      default:
        this.error(
          offs,
          this.ch < 0 ? 'escape sequence not terminated' : 'unknown escape sequence',
        );
        return false;
    }
    let x = 0;
    for (; n > 0; n--) {
      const d = digitVal(this.ch);
      if (d >= base) {
        this.error(
          this.offset,
          this.ch < 0
            ? 'escape sequence not terminated'
            : `illegal character ${formatSharpU(this.ch)} in escape sequence`,
        );
        return false;
      }
      x = x * base + d;
      this.next();
    }
    if (x > max || (x >= 0xd800 && x < 0xe000)) {
      this.error(offs, 'escape sequence is invalid Unicode code point');
      return false;
    }
    return true;
  }

  private scanRune(): string {
    const offs = this.offset - 1;
    let valid = true;
    let n = 0;
    for (;;) {
      const ch = this.ch;
      if (ch === LF || ch < 0) {
        if (valid) {
          this.error(offs, 'rune literal not terminated');
          valid = false;
        }
        break;
      }
      this.next();
      if (ch === 0x27) break;
      n++;
      if (ch === 0x5c && !this.scanEscape(0x27)) valid = false;
    }
    if (valid && n !== 1) this.error(offs, 'illegal rune literal');
    return this.text(offs, this.offset);
  }

  private scanString(): string {
    const offs = this.offset - 1;
    for (;;) {
      const ch = this.ch;
      if (ch === LF || ch < 0) {
        this.error(offs, 'string literal not terminated');
        break;
      }
      this.next();
      if (ch === 0x22) break;
      if (ch === 0x5c) this.scanEscape(0x22);
    }
    return this.text(offs, this.offset);
  }

  private scanRawString(): string {
    const offs = this.offset - 1;
    let hasCR = false;
    for (;;) {
      const ch = this.ch;
      if (ch < 0) {
        this.error(offs, 'raw string literal not terminated');
        break;
      }
      this.next();
      if (ch === 0x60) break;
      if (ch === CR) hasCR = true;
    }
    let lit = this.src.subarray(offs, this.offset);
    if (hasCR) lit = stripCR(lit, false);
    return decodeGoString(lit);
  }

  private skipWhitespace(): void {
    while (
      this.ch === 0x20 ||
      this.ch === 0x09 ||
      (this.ch === LF && !this.insertSemi) ||
      this.ch === CR
    ) {
      this.next();
    }
  }

  private switch2(tok0: Token, tok1: Token): Token {
    if (this.ch === 0x3d) {
      this.next();
      return tok1;
    }
    return tok0;
  }

  private switch3(tok0: Token, tok1: Token, ch2: number, tok2: Token): Token {
    if (this.ch === 0x3d) {
      this.next();
      return tok1;
    }
    if (this.ch === ch2) {
      this.next();
      return tok2;
    }
    return tok0;
  }

  private switch4(tok0: Token, tok1: Token, ch2: number, tok2: Token, tok3: Token): Token {
    if (this.ch === 0x3d) {
      this.next();
      return tok1;
    }
    if (this.ch === ch2) {
      this.next();
      if (this.ch === 0x3d) {
        this.next();
        return tok3;
      }
      return tok2;
    }
    return tok0;
  }

  /** The next token, as go/scanner's Scan returns it (comments included). */
  scan(): Scanned {
    for (;;) {
      if (this.nlPos >= 0) {
        // The semicolon a newline inside a /*…*/ comment stands for.
        const pos = this.nlPos;
        this.nlPos = -1;
        return { pos, tok: ';', lit: '\n', end: pos + 1 };
      }
      this.skipWhitespace();
      const pos = this.offset;
      let insertSemi = false;
      let tok: Token;
      let lit = '';
      const ch = this.ch;
      if (isLetter(ch)) {
        lit = this.scanIdentifier();
        if (lit.length > 1 && KEYWORDS.has(lit)) {
          tok = lit;
          insertSemi =
            lit === 'break' || lit === 'continue' || lit === 'fallthrough' || lit === 'return';
        } else {
          tok = 'IDENT';
          insertSemi = true;
        }
      } else if (isDecimal(ch) || (ch === 0x2e && isDecimal(this.peek()))) {
        insertSemi = true;
        [tok, lit] = this.scanNumber();
      } else {
        this.next();
        switch (ch) {
          case EOF:
            if (this.insertSemi) {
              this.insertSemi = false;
              return { pos, tok: ';', lit: '\n', end: pos };
            }
            tok = 'EOF';
            break;
          case LF:
            // Reached only when a semicolon is due (skipWhitespace stopped here).
            this.insertSemi = false;
            return { pos, tok: ';', lit: '\n', end: pos + 1 };
          case 0x22:
            insertSemi = true;
            tok = 'STRING';
            lit = this.scanString();
            break;
          case 0x27:
            insertSemi = true;
            tok = 'CHAR';
            lit = this.scanRune();
            break;
          case 0x60:
            insertSemi = true;
            tok = 'STRING';
            lit = this.scanRawString();
            break;
          case 0x3a:
            tok = this.switch2(':', ':=');
            break;
          case 0x2e:
            tok = '.';
            if (this.ch === 0x2e && this.peek() === 0x2e) {
              this.next();
              this.next();
              tok = '...';
            }
            break;
          case 0x2c:
            tok = ',';
            break;
          case 0x3b:
            tok = ';';
            lit = ';';
            break;
          case 0x28:
            tok = '(';
            break;
          case 0x29:
            insertSemi = true;
            tok = ')';
            break;
          case 0x5b:
            tok = '[';
            break;
          case 0x5d:
            insertSemi = true;
            tok = ']';
            break;
          case 0x7b:
            tok = '{';
            break;
          case 0x7d:
            insertSemi = true;
            tok = '}';
            break;
          case 0x2b:
            tok = this.switch3('+', '+=', 0x2b, '++');
            insertSemi = tok === '++';
            break;
          case 0x2d:
            tok = this.switch3('-', '-=', 0x2d, '--');
            insertSemi = tok === '--';
            break;
          case 0x2a:
            tok = this.switch2('*', '*=');
            break;
          case 0x2f:
            if (this.ch === 0x2f || this.ch === 0x2a) {
              const commentStart = pos;
              const nlOffset = this.scanComment();
              if (this.insertSemi && nlOffset !== 0) {
                this.nlPos = nlOffset;
                this.insertSemi = false;
              } else {
                insertSemi = this.insertSemi;
              }
              this.insertSemi = insertSemi;
              return {
                pos: commentStart,
                tok: 'COMMENT',
                lit: this.text(commentStart, this.offset),
                end: this.offset,
              };
            }
            tok = this.switch2('/', '/=');
            break;
          case 0x25:
            tok = this.switch2('%', '%=');
            break;
          case 0x5e:
            tok = this.switch2('^', '^=');
            break;
          case 0x3c:
            if (this.ch === 0x2d) {
              this.next();
              tok = '<-';
            } else {
              tok = this.switch4('<', '<=', 0x3c, '<<', '<<=');
            }
            break;
          case 0x3e:
            tok = this.switch4('>', '>=', 0x3e, '>>', '>>=');
            break;
          case 0x3d:
            tok = this.switch2('=', '==');
            break;
          case 0x21:
            tok = this.switch2('!', '!=');
            break;
          case 0x26:
            if (this.ch === 0x5e) {
              this.next();
              tok = this.switch2('&^', '&^=');
            } else {
              tok = this.switch3('&', '&=', 0x26, '&&');
            }
            break;
          case 0x7c:
            tok = this.switch3('|', '|=', 0x7c, '||');
            break;
          case 0x7e:
            tok = '~';
            break;
          default:
            // next() already reported a misplaced byte order mark.
            if (ch !== BOM) {
              if (ch === 0x201c || ch === 0x201d) {
                this.error(pos, `curly quotation mark ${goQuoteRune(ch)} (use neutral '"')`);
              } else {
                this.error(pos, `illegal character ${formatSharpU(ch)}`);
              }
            }
            insertSemi = this.insertSemi;
            tok = 'ILLEGAL';
            lit = String.fromCodePoint(ch);
        }
      }
      this.insertSemi = insertSemi;
      return { pos, tok, lit, end: this.offset };
    }
  }
}

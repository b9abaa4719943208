// The go.mod / go.work syntax tree, lexer and parser (the semantics of
// x/mod/modfile read.go): tokens, line blocks, and the attachment of `//`
// comments to the syntax around them, which is what deprecation notices and
// retraction rationales are read from.

import { decodeGoString, decodeRune } from '../internal/go-string.js';
import { goQuoteRune } from '../internal/go-quote.js';
import { isIdentRune } from './text.js';

/** A position: 1-based line, 1-based rune column in the line, 0-based byte offset. */
export interface Position {
  line: number;
  lineRune: number;
  byte: number;
}

/** One `//` comment; `token` excludes the line ending. */
export interface Comment {
  start: Position;
  token: string;
  /** An end-of-line comment (after tokens on the same line). */
  suffix: boolean;
}

/** Comments attached to an expression. */
export interface Comments {
  /** Whole-line comments before it (an empty token records a blank line in a block). */
  before: Comment[];
  /** End-of-line comments after it. */
  suffix: Comment[];
  /** Whole-line comments after it (top-level statements and the file only). */
  after: Comment[];
}

/** A top-level block of comments that belongs to no directive. */
export interface CommentBlock {
  kind: 'comments';
  comments: Comments;
  start: Position;
}

/** One line of tokens, at top level or inside a block. */
export interface Line {
  kind: 'line';
  comments: Comments;
  start: Position;
  /** Token texts; quoted tokens keep their quotes. */
  token: string[];
  inBlock: boolean;
  end: Position;
}

/** Holder of the comments after `(` of a block. */
export interface LParen {
  kind: 'lparen';
  comments: Comments;
  pos: Position;
}

/** Holder of the comments before `)` of a block. */
export interface RParen {
  kind: 'rparen';
  comments: Comments;
  pos: Position;
}

/** A factored block: `verb (` newline, lines, `)`. */
export interface LineBlock {
  kind: 'block';
  comments: Comments;
  start: Position;
  lparen: LParen;
  token: string[];
  line: Line[];
  rparen: RParen;
}

/** A top-level statement. */
export type Stmt = CommentBlock | Line | LineBlock;
/** Any node comments can attach to. */
export type Expr = Stmt | LParen | RParen | FileSyntax;

/** A whole parsed file. */
export interface FileSyntax {
  kind: 'file';
  name: string;
  comments: Comments;
  stmt: Stmt[];
}

/** One located problem, with Go's message text (no position prefix). */
export interface SyntaxProblem {
  filename: string;
  pos: Position;
  message: string;
}

/** A lexer or parser failure; the parser stops at the first one, as Go's does. */
export class SyntaxFailure extends Error {
  override name = 'SyntaxFailure';
  constructor(readonly problem: SyntaxProblem) {
    super(problem.message);
  }
}

/** Fresh empty comments. */
export function noComments(): Comments {
  return { before: [], suffix: [], after: [] };
}

function addPos(p: Position, s: string): Position {
  // Only ever used for the one-character parens.
  return { line: p.line, lineRune: p.lineRune + [...s].length, byte: p.byte + s.length };
}

function span(x: Expr): [Position, Position] {
  switch (x.kind) {
    case 'file': {
      const first = x.stmt[0];
      const last = x.stmt[x.stmt.length - 1];
      if (first === undefined || last === undefined) {
        const zero = { line: 0, lineRune: 0, byte: 0 };
        return [zero, zero];
      }
      return [span(first)[0], span(last)[1]];
    }
    case 'comments':
      return [x.start, x.start];
    case 'line':
      return [x.start, x.end];
    case 'block':
      return [x.start, addPos(x.rparen.pos, ')')];
    case 'lparen':
    case 'rparen':
      return [x.pos, addPos(x.pos, ')')];
  }
}

// Token kinds: 'eof', 'eolcomment', 'ident', 'string', 'comment', or the
// character itself for punctuation and newline.
type TokenKind = string;

interface Token {
  kind: TokenKind;
  pos: Position;
  endPos: Position;
  text: string;
}

function isEOL(k: TokenKind): boolean {
  return k === 'eof' || k === 'eolcomment' || k === '\n';
}

const SLASH = 0x2f;
const STAR = 0x2a;

class Input {
  private readonly complete: Uint8Array;
  private offset = 0;
  private tokenStart = 0;
  private token: Token;
  private pos: Position = { line: 1, lineRune: 1, byte: 0 };
  readonly comments: Comment[] = [];
  readonly file: FileSyntax;
  private readonly pre: Expr[] = [];
  private readonly post: Expr[] = [];

  constructor(
    private readonly filename: string,
    data: Uint8Array,
  ) {
    this.complete = data;
    this.token = { kind: 'eof', pos: this.pos, endPos: this.pos, text: '' };
    this.file = { kind: 'file', name: filename, comments: noComments(), stmt: [] };
  }

  fail(message: string): never {
    throw new SyntaxFailure({ filename: this.filename, pos: { ...this.pos }, message });
  }

  private eof(): boolean {
    return this.offset >= this.complete.length;
  }

  private peekRune(): number {
    if (this.eof()) return 0;
    return decodeRune(this.complete, this.offset)[0];
  }

  private peekPrefix(a: number, b: number): boolean {
    return this.complete[this.offset] === a && this.complete[this.offset + 1] === b;
  }

  private readRune(): number {
    if (this.eof()) this.fail('internal lexer error: readRune at EOF');
    const [r, size] = decodeRune(this.complete, this.offset);
    this.offset += size;
    if (r === 0x0a) {
      this.pos = { line: this.pos.line + 1, lineRune: 1, byte: this.pos.byte + size };
    } else {
      this.pos = {
        line: this.pos.line,
        lineRune: this.pos.lineRune + 1,
        byte: this.pos.byte + size,
      };
    }
    return r;
  }

  private startToken(): void {
    this.tokenStart = this.offset;
    this.token = { kind: 'eof', pos: this.pos, endPos: this.pos, text: '' };
  }

  private endToken(kind: TokenKind): void {
    let bytes = this.complete.subarray(this.tokenStart, this.offset);
    if (kind === 'comment' || kind === 'eolcomment') {
      const n = bytes.length;
      if (n >= 2 && bytes[n - 2] === 0x0d && bytes[n - 1] === 0x0a) {
        bytes = bytes.subarray(0, n - 2);
      } else if (n >= 1 && bytes[n - 1] === 0x0a) {
        bytes = bytes.subarray(0, n - 1);
      }
    }
    this.token = { kind, pos: this.token.pos, endPos: this.pos, text: decodeGoString(bytes) };
  }

  peek(): TokenKind {
    return this.token.kind;
  }

  lex(): Token {
    const tok = this.token;
    this.readToken();
    return tok;
  }

  // Whether anything but spaces precedes byte offset `at` on its line.
  private textBeforeOnLine(at: number): boolean {
    const lineStart = this.complete.lastIndexOf(0x0a, at - 1) + 1;
    for (let i = lineStart; i < at; i++) {
      const c = this.complete[i];
      if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0b && c !== 0x0c) return true;
    }
    return false;
  }

  readToken(): void {
    while (!this.eof()) {
      const c = this.peekRune();
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        this.readRune();
        continue;
      }
      if (this.peekPrefix(SLASH, SLASH)) {
        this.startToken();
        const suffix = this.offset > 0 && this.textBeforeOnLine(this.offset);
        this.readRune();
        this.readRune();
        while (!this.eof() && this.readRune() !== 0x0a) {
          // consume the comment through its newline
        }
        if (!suffix) {
          this.endToken('comment');
          return;
        }
        this.endToken('eolcomment');
        this.comments.push({ start: this.token.pos, token: this.token.text, suffix: true });
        return;
      }
      if (this.peekPrefix(SLASH, STAR)) {
        this.fail('mod files must use // comments (not /* */ comments)');
      }
      break;
    }

    this.startToken();
    if (this.eof()) {
      this.endToken('eof');
      return;
    }

    const c = this.peekRune();
    switch (c) {
      case 0x0a:
      case 0x28:
      case 0x29:
      case 0x5b:
      case 0x5d:
      case 0x7b:
      case 0x7d:
      case 0x2c:
        this.readRune();
        this.endToken(String.fromCharCode(c));
        return;
      case 0x22:
      case 0x60: {
        const quote = c;
        this.readRune();
        for (;;) {
          if (this.eof()) {
            this.pos = this.token.pos;
            this.fail('unexpected EOF in string');
          }
          if (this.peekRune() === 0x0a) this.fail('unexpected newline in string');
          const d = this.readRune();
          if (d === quote) break;
          if (d === 0x5c && quote !== 0x60) {
            if (this.eof()) {
              this.pos = this.token.pos;
              this.fail('unexpected EOF in string');
            }
            this.readRune();
          }
        }
        this.endToken('string');
        return;
      }
    }

    if (!isIdentRune(c)) this.fail(`unexpected input character ${goQuoteRune(c)}`);
    while (isIdentRune(this.peekRune())) {
      if (this.peekPrefix(SLASH, SLASH)) break;
      if (this.peekPrefix(SLASH, STAR)) {
        this.fail('mod files must use // comments (not /* */ comments)');
      }
      this.readRune();
    }
    this.endToken('ident');
  }

  parseFile(): void {
    let cb: CommentBlock | undefined;
    for (;;) {
      switch (this.peek()) {
        case '\n':
          this.lex();
          if (cb !== undefined) {
            this.file.stmt.push(cb);
            cb = undefined;
          }
          break;
        case 'comment': {
          const tok = this.lex();
          cb ??= { kind: 'comments', comments: noComments(), start: tok.pos };
          cb.comments.before.push({ start: tok.pos, token: tok.text, suffix: false });
          break;
        }
        case 'eof':
          if (cb !== undefined) this.file.stmt.push(cb);
          return;
        default: {
          this.parseStmt();
          if (cb !== undefined) {
            const last = this.file.stmt[this.file.stmt.length - 1];
            if (last !== undefined) last.comments.before = cb.comments.before;
            cb = undefined;
          }
        }
      }
    }
  }

  private parseStmt(): void {
    const first = this.lex();
    const start = first.pos;
    let end = first.endPos;
    const tokens = [first.text];
    for (;;) {
      const tok = this.lex();
      if (isEOL(tok.kind)) {
        this.file.stmt.push({
          kind: 'line',
          comments: noComments(),
          start,
          token: tokens,
          inBlock: false,
          end,
        });
        return;
      }
      if (tok.kind === '(') {
        const next = this.peek();
        if (isEOL(next)) {
          this.file.stmt.push(this.parseLineBlock(start, tokens, tok));
          return;
        }
        if (next === ')') {
          const rparen = this.lex();
          if (isEOL(this.peek())) {
            this.lex();
            this.file.stmt.push({
              kind: 'block',
              comments: noComments(),
              start,
              token: tokens,
              lparen: { kind: 'lparen', comments: noComments(), pos: tok.pos },
              line: [],
              rparen: { kind: 'rparen', comments: noComments(), pos: rparen.pos },
            });
            return;
          }
          // "( )" in the middle of a line is two plain tokens; note that,
          // as in Go, the end position is not advanced over them.
          tokens.push(tok.text, rparen.text);
        } else {
          tokens.push(tok.text);
        }
        continue;
      }
      tokens.push(tok.text);
      end = tok.endPos;
    }
  }

  private parseLineBlock(start: Position, token: string[], lparen: Token): LineBlock {
    const x: LineBlock = {
      kind: 'block',
      comments: noComments(),
      start,
      token,
      lparen: { kind: 'lparen', comments: noComments(), pos: lparen.pos },
      line: [],
      rparen: { kind: 'rparen', comments: noComments(), pos: lparen.pos },
    };
    let comments: Comment[] = [];
    for (;;) {
      switch (this.peek()) {
        case 'eolcomment':
          this.lex();
          break;
        case '\n': {
          this.lex();
          const last = comments[comments.length - 1];
          if (
            (comments.length === 0 && x.line.length > 0) ||
            (last !== undefined && last.token !== '')
          ) {
            comments.push(blankComment());
          }
          break;
        }
        case 'comment': {
          const tok = this.lex();
          comments.push({ start: tok.pos, token: tok.text, suffix: false });
          break;
        }
        case 'eof':
          this.fail(
            `syntax error (unterminated block started at ${this.filename}:${x.start.line}:${x.start.lineRune})`,
          );
          break;
        case ')': {
          const rparen = this.lex();
          // Newer x/mod (golang/go#70632) drops a lone blank line before
          // `)`; v0.7.0 kept it. The newer behaviour is what `go mod tidy`
          // writes today and what the upstream golden files expect.
          if (comments.length === 1 && isBlank(comments[0])) comments = [];
          x.rparen.comments.before = comments;
          x.rparen.pos = rparen.pos;
          if (!isEOL(this.peek())) this.fail('syntax error (expected newline after closing paren)');
          this.lex();
          return x;
        }
        default: {
          const l = this.parseLine();
          x.line.push(l);
          l.comments.before = comments;
          comments = [];
        }
      }
    }
  }

  private parseLine(): Line {
    const first = this.lex();
    if (isEOL(first.kind)) this.fail('internal parse error: parseLine at end of line');
    const start = first.pos;
    let end = first.endPos;
    const tokens = [first.text];
    for (;;) {
      const tok = this.lex();
      if (isEOL(tok.kind)) {
        return { kind: 'line', comments: noComments(), start, token: tokens, inBlock: true, end };
      }
      tokens.push(tok.text);
      end = tok.endPos;
    }
  }

  private order(x: Expr): void {
    this.pre.push(x);
    if (x.kind === 'file') {
      for (const stmt of x.stmt) this.order(stmt);
    } else if (x.kind === 'block') {
      this.order(x.lparen);
      for (const l of x.line) this.order(l);
      this.order(x.rparen);
    }
    this.post.push(x);
  }

  assignComments(): void {
    this.order(this.file);
    const line: Comment[] = [];
    const suffix: Comment[] = [];
    for (const com of this.comments) (com.suffix ? suffix : line).push(com);

    // Whole-line comments go to the first expression starting after them.
    let li = 0;
    for (const x of this.pre) {
      const [start] = span(x);
      const xcom = x.comments;
      while (li < line.length && start.byte >= (line[li]?.start.byte ?? 0)) {
        const com = line[li++];
        if (com !== undefined) xcom.before.push(com);
      }
    }
    this.file.comments.after.push(...line.slice(li));

    // End-of-line comments go to the last single-line expression ending
    // before them, walking backwards so outer expressions lose to inner ones.
    for (let i = this.post.length - 1; i >= 0; i--) {
      const x = this.post[i];
      if (x === undefined || x.kind === 'file') continue;
      const [start, end] = span(x);
      if (start.line !== end.line) continue;
      const xcom = x.comments;
      for (;;) {
        const last = suffix[suffix.length - 1];
        if (last === undefined || end.byte > last.start.byte) break;
        xcom.suffix.push(last);
        suffix.pop();
      }
    }
    for (const x of this.post) x.comments.suffix.reverse();
    this.file.comments.before.push(...suffix);
  }
}

function blankComment(): Comment {
  return { start: { line: 0, lineRune: 0, byte: 0 }, token: '', suffix: false };
}

function isBlank(c: Comment | undefined): boolean {
  return (
    c !== undefined &&
    c.token === '' &&
    !c.suffix &&
    c.start.line === 0 &&
    c.start.lineRune === 0 &&
    c.start.byte === 0
  );
}

/**
 * Parses go.mod / go.work syntax (no directive rules). Throws SyntaxFailure
 * with Go's message and position on the first lexical or syntax error.
 */
export function parseSyntax(filename: string, data: Uint8Array): FileSyntax {
  const input = new Input(filename, data);
  input.readToken();
  input.parseFile();
  input.assignComments();
  return input.file;
}

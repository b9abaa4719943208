// The import declarations of a Go source file, read exactly as the go command
// reads them for `go list` and `go build`: go/build's header cut (header.ts),
// then go/parser in ImportsOnly mode over that header, then go/build's own
// check of each path. Positions are those `go list` reports (ImportPos,
// Error.Pos): 1-based lines, and 1-based columns counted in BYTES from the
// start of the line (go/token's Column), where the leading byte order mark
// of a file is not counted (go/build drops it before parsing).
//
// Not the unit of src/modfile, whose Position.lineRune counts runes as
// x/mod's LineRune does: a column here after `ü` is one more than there.
//
// One deliberate difference from `go list`: `//line` directives are not
// applied. go list shifts positions after a `//line file:N` comment; an
// annotation must point at the file as it is, so positions here are the
// physical ones (go/token's PositionFor(pos, false)).

import { compareGoStrings, goRunes, RUNE_ERROR } from '../internal/go-string.js';
import { goUnquote, isSpace } from '../modfile/text.js';
import { readHeader } from './header.js';
import { isLiteral, Scanner, type Token } from './scanner.js';

/** A line and column (see the file comment for units) and the byte offset in the file. */
export interface SourcePosition {
  line: number;
  column: number;
  /** Byte offset in the file as given (a leading byte order mark included). */
  offset: number;
}

/** One import spec of a file. */
export interface GoImport {
  /** The import path, unquoted as strconv.Unquote does (a surrogate-escaped Go string). */
  path: string;
  /** Line of the path literal's opening quote. */
  line: number;
  /** Column of the path literal's opening quote. */
  column: number;
  /** Column just past the literal's closing quote (a valid path literal never spans lines). */
  endColumn: number;
  /** Byte offsets of the literal in the file: [offset, endOffset). */
  offset: number;
  endOffset: number;
  /** The literal as written, quotes included. */
  literal: string;
  /** The name before the path: an alias, `.` or `_`. */
  name?: { name: string } & SourcePosition;
}

/** Why the go command cannot read a file's imports, where it says so. */
export interface ImportsError extends SourcePosition {
  /** Go's text: go/scanner's or go/parser's message, `invalid import path: …`, or `unexpected NUL in input`. */
  message: string;
}

export interface ReadImportsResult {
  /** The package clause's name; undefined when the file has none Go could parse. */
  packageName?: string;
  /** Every import spec in file order; empty when there is an error (the go command then uses none). */
  imports: GoImport[];
  /** The first error in position order, as `go list` reports it for the file. */
  error?: ImportsError;
}

/**
 * The position `go list` gives an import (build.Package.ImportPos): that of
 * its name when it has one, else that of its path.
 */
export function importPosition(imp: GoImport): SourcePosition {
  const at = imp.name ?? imp;
  return { line: at.line, column: at.column, offset: at.offset };
}

// Line starts as go/token records them: a line begins after each '\n'
// except one that ends the text.
function lineStarts(text: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i + 1 < text.length; i++) if (text[i] === 0x0a) starts.push(i + 1);
  return starts;
}

class Positions {
  private readonly starts: number[];
  constructor(
    text: Uint8Array,
    private readonly base: number,
  ) {
    this.starts = lineStarts(text);
  }

  /** The position of header offset `offs`. */
  at(offs: number): SourcePosition {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offs) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offs - this.starts[lo]! + 1, offset: this.base + offs };
  }
}

interface Spec {
  name?: { name: string; pos: number };
  pos: number;
  end: number;
  /** The literal; '' when the spec has none (an error was reported). */
  lit: string;
}

interface RawError {
  offs: number;
  pos: SourcePosition;
  msg: string;
}

class Bailout extends Error {}

// go/parser's parseFile with ImportsOnly: the package clause, then import
// declarations until the first token that is not `import`.
class ImportsParser {
  private readonly scanner: Scanner;
  readonly errors: RawError[] = [];
  private tok: Token = 'ILLEGAL';
  private pos = 0;
  private lit = '';
  private end = 0;
  private syncPos = -1;
  private syncCnt = 0;
  packageName: string | undefined;
  readonly specs: Spec[] = [];

  constructor(
    text: Uint8Array,
    private readonly positions: Positions,
  ) {
    // The scanner's errors go straight into the list; the parser's own
    // go through error(), which drops a second error on the same line.
    this.scanner = new Scanner(text, (offs, msg) =>
      this.errors.push({ offs, pos: positions.at(offs), msg }),
    );
    this.next();
  }

  // The current token, read past TypeScript's narrowing (next() changes it).
  private at(tok: Token): boolean {
    return this.tok === tok;
  }

  private next(): void {
    do {
      ({ pos: this.pos, tok: this.tok, lit: this.lit, end: this.end } = this.scanner.scan());
    } while (this.tok === 'COMMENT');
  }

  private error(offs: number, msg: string): void {
    const pos = this.positions.at(offs);
    const n = this.errors.length;
    if (n > 0 && this.errors[n - 1]!.pos.line === pos.line) return;
    if (n > 10) throw new Bailout();
    this.errors.push({ offs, pos, msg });
  }

  private errorExpected(offs: number, what: string): void {
    let msg = 'expected ' + what;
    if (offs === this.pos) {
      if (this.tok === ';' && this.lit === '\n') msg += ', found newline';
      else if (isLiteral(this.tok)) msg += ', found ' + this.lit;
      else msg += ", found '" + this.tok + "'";
    }
    this.error(offs, msg);
  }

  private expect(tok: Token): number {
    const pos = this.pos;
    if (this.tok !== tok) this.errorExpected(pos, `'${tok}'`);
    this.next();
    return pos;
  }

  private advance(to: ReadonlySet<Token>): void {
    for (; this.tok !== 'EOF'; this.next()) {
      if (to.has(this.tok)) {
        if (this.pos === this.syncPos && this.syncCnt < 10) {
          this.syncCnt++;
          return;
        }
        if (this.pos > this.syncPos) {
          this.syncPos = this.pos;
          this.syncCnt = 0;
          return;
        }
      }
    }
  }

  private expectSemi(): void {
    switch (this.tok) {
      case ')':
      case '}':
        return;
      case ',':
        this.errorExpected(this.pos, "';'");
        this.next();
        return;
      case ';':
        this.next();
        return;
      default:
        this.errorExpected(this.pos, "';'");
        this.advance(STMT_START);
    }
  }

  private parseIdent(): string {
    if (this.tok === 'IDENT') {
      const name = this.lit;
      this.next();
      return name;
    }
    this.expect('IDENT');
    return '_';
  }

  private parseImportSpec(): void {
    let name: Spec['name'];
    if (this.tok === 'IDENT') {
      const pos = this.pos;
      name = { name: this.parseIdent(), pos };
    } else if (this.tok === '.') {
      name = { name: '.', pos: this.pos };
      this.next();
    }
    const pos = this.pos;
    let end = this.pos;
    let lit = '';
    if (this.tok === 'STRING') {
      lit = this.lit;
      end = this.end;
      this.next();
    } else if (isLiteral(this.tok)) {
      this.error(pos, 'import path must be a string');
      this.next();
    } else {
      this.error(pos, 'missing import path');
      this.advance(EXPR_END);
    }
    this.expectSemi();
    this.specs.push({ ...(name === undefined ? {} : { name }), pos, end, lit });
  }

  private parseImportDecl(): void {
    this.expect('import');
    if (this.tok === '(') {
      this.next();
      while (!this.at(')') && !this.at('EOF')) this.parseImportSpec();
      this.expect(')');
      this.expectSemi();
    } else {
      this.parseImportSpec();
    }
  }

  parseFile(): void {
    // Errors in the first token: likely not Go at all, and Go stops here.
    if (this.errors.length !== 0) return;
    this.expect('package');
    const name = this.parseIdent();
    this.expectSemi();
    if (this.errors.length !== 0) return;
    this.packageName = name;
    while (this.tok === 'import') this.parseImportDecl();
  }
}

const STMT_START: ReadonlySet<Token> = new Set([
  'break',
  'const',
  'continue',
  'defer',
  'fallthrough',
  'for',
  'go',
  'goto',
  'if',
  'return',
  'select',
  'switch',
  'type',
  'var',
]);

const EXPR_END: ReadonlySet<Token> = new Set([',', ':', ';', ')', ']', '}']);

const ILLEGAL_IMPORT_CHARS = new Set(
  Array.from('!"#$%&\'()*,:;<=>?[\\]^{|}`\uFFFD', (c) => c.codePointAt(0)!),
);
const graphicRe = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]$/u;

/** go/build's isValidImport: graphic, no space, none of the characters the spec lets compilers refuse. */
export function isValidImportPath(path: string): boolean {
  for (const { rune } of goRunes(path)) {
    if (
      rune === RUNE_ERROR ||
      ILLEGAL_IMPORT_CHARS.has(rune) ||
      isSpace(rune) ||
      !graphicRe.test(String.fromCodePoint(rune))
    ) {
      return false;
    }
  }
  return path !== '';
}

function firstError(errors: RawError[]): RawError | undefined {
  let best: RawError | undefined;
  for (const e of errors) {
    if (
      best === undefined ||
      e.pos.line < best.pos.line ||
      (e.pos.line === best.pos.line &&
        (e.pos.column < best.pos.column ||
          (e.pos.column === best.pos.column && compareGoStrings(e.msg, best.msg) < 0)))
    ) {
      best = e;
    }
  }
  return best;
}

/**
 * Reads the package clause and import declarations at the top of a Go
 * source file as the go command does. Never throws: a file Go cannot read
 * gives `error` (with Go's message and position) and no imports.
 */
export function readImports(src: Uint8Array): ReadImportsResult {
  const header = readHeader(src);
  const text = src.subarray(header.start, header.end);
  const positions = new Positions(text, header.start);
  if (header.nul !== undefined) {
    // go/build gives no position for this one; the NUL's own is the useful one.
    return {
      imports: [],
      error: { message: 'unexpected NUL in input', ...positions.at(header.nul - header.start) },
    };
  }
  const parser = new ImportsParser(text, positions);
  try {
    parser.parseFile();
  } catch (e) {
    if (!(e instanceof Bailout)) throw e;
  }
  const pkg = parser.packageName === undefined ? {} : { packageName: parser.packageName };
  const first = firstError(parser.errors);
  if (first !== undefined) {
    return { ...pkg, imports: [], error: { message: first.msg, ...first.pos } };
  }
  const imports: GoImport[] = [];
  for (const spec of parser.specs) {
    const path = goUnquote(spec.lit);
    const at = positions.at(spec.pos);
    const name =
      spec.name === undefined
        ? undefined
        : { name: spec.name.name, ...positions.at(spec.name.pos) };
    if (path === undefined || !isValidImportPath(path)) {
      // go/build's own check (the parser stopped making it in Go 1.20).
      const where = name ?? at;
      const message =
        path === undefined
          ? `parser returned invalid quoted string: <${spec.lit}>`
          : 'invalid import path: ' + path;
      return { ...pkg, imports: [], error: { message, ...where } };
    }
    const endAt = positions.at(spec.end);
    imports.push({
      path,
      line: at.line,
      column: at.column,
      endColumn: endAt.line === at.line ? endAt.column : at.column + (spec.end - spec.pos),
      offset: at.offset,
      endOffset: endAt.offset,
      literal: spec.lit,
      ...(name === undefined ? {} : { name }),
    });
  }
  return { ...pkg, imports };
}

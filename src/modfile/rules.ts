// Directive rules over the syntax tree (the semantics of x/mod/modfile
// rule.go): strict parsing for the main module, lenient parsing for
// dependencies, with Go's exact error texts and positions.
//
// Verb set: current x/mod (toolchain with `default`, godebug, tool, ignore);
// Go 1.19's x/mod v0.7.0 rejected those four as unknown directives in strict
// mode and wrote `must match format 1.23` where current Go writes `1.23.0`.

import { InvalidVersionError, ModuleError } from '../module/errors.js';
import { goQuote } from '../internal/go-quote.js';
import { canonicalVersion, checkPathMajor, splitPathVersion } from '../module/index.js';
import type { FileSyntax, Line, LineBlock, Position } from './syntax.js';
import { parseSyntax, SyntaxFailure } from './syntax.js';
import { goTrimSpace, goUnquote, isSpace, toBytes } from './text.js';
import { isGoPrint } from '../internal/go-quote.js';

/** One problem, located for annotations. */
export interface ModfileProblem {
  line: number;
  column: number;
  /** Go's text without the `file:line:col: ` prefix. */
  message: string;
  /** Go's full text for this problem. */
  text: string;
}

/** Parse failure; `message` is Go's ErrorList text (problems joined by `\n`). */
export class ModfileError extends Error {
  override name = 'ModfileError';
  constructor(readonly errors: ModfileProblem[]) {
    super(errors.map((e) => e.text).join('\n'));
  }
}

/** Where a directive sits: 1-based line and rune column, and its syntax line. */
export interface Located {
  line: number;
  column: number;
  syntax: Line;
}

/** The `module` directive. */
export interface ModuleStmt extends Located {
  path: string;
  /** The `Deprecated:` paragraph of its comments, when there is one. */
  deprecated?: string;
}
/** The `go` directive. */
export interface GoStmt extends Located {
  version: string;
}
/** The `toolchain` directive. */
export interface ToolchainStmt extends Located {
  name: string;
}
/** One `godebug key=value`. */
export interface GodebugStmt extends Located {
  key: string;
  value: string;
}
/** One `require`. */
export interface RequireStmt extends Located {
  path: string;
  version: string;
  indirect: boolean;
}
/** One `exclude`. */
export interface ExcludeStmt extends Located {
  path: string;
  version: string;
}
/** One `replace`; versions are '' when absent. */
export interface ReplaceStmt extends Located {
  oldPath: string;
  oldVersion: string;
  newPath: string;
  newVersion: string;
}
/** A closed version interval; low == high for a single version. */
export interface VersionInterval {
  low: string;
  high: string;
}
/** One `retract` with its rationale (its comments, `//` stripped, joined by `\n`). */
export interface RetractStmt extends Located, VersionInterval {
  rationale: string;
}
/** One `tool` or `ignore` path. */
export interface PathStmt extends Located {
  path: string;
}

/** A parsed go.mod. */
export interface ModFile {
  module?: ModuleStmt;
  go?: GoStmt;
  toolchain?: ToolchainStmt;
  godebug: GodebugStmt[];
  require: RequireStmt[];
  exclude: ExcludeStmt[];
  replace: ReplaceStmt[];
  retract: RetractStmt[];
  tool: PathStmt[];
  ignore: PathStmt[];
  /** The syntax tree, tokens normalised as Go's parser leaves them (for format). */
  syntax: FileSyntax;
}

/**
 * Canonicalises a version for a module path (Go's VersionFixer); throw to
 * reject. A thrown ModuleError is unwrapped as Go does.
 */
export type VersionFixer = (path: string, version: string) => string;

/** Options for parse / parseLax. */
export interface ParseOptions {
  /**
   * Go's `fix` argument. When given, versions go through it instead of the
   * canonical-form check, and retractions require a module directive.
   */
  fix?: VersionFixer;
}

// A problem before it is positioned: Go's Error{Verb, ModPath, Err}.
class DirectiveError extends Error {
  constructor(
    readonly verb: string,
    readonly modPath: string,
    readonly err: Error,
  ) {
    super((modPath !== '' ? `${verb} ${modPath}: ` : verb !== '' ? `${verb}: ` : '') + err.message);
  }
}

/** Go's Error.Error() position prefix. */
export function positionPrefix(filename: string, pos: Position): string {
  if (pos.lineRune > 1) return `${filename}:${pos.line}:${pos.lineRune}: `;
  if (pos.line > 0) return `${filename}:${pos.line}: `;
  if (filename !== '') return `${filename}: `;
  return '';
}

/** Collects positioned problems in Go's order. */
export class Problems {
  readonly list: ModfileProblem[] = [];
  constructor(private readonly filename: string) {}

  add(pos: Position, message: string): void {
    this.list.push({
      line: pos.line,
      column: pos.lineRune,
      message,
      text: positionPrefix(this.filename, pos) + message,
    });
  }
}

/** Runs the syntax parser, turning its failure into a ModfileError. */
export function parseSyntaxOrThrow(file: string, data: string | Uint8Array): FileSyntax {
  try {
    return parseSyntax(file, toBytes(data));
  } catch (e) {
    if (e instanceof SyntaxFailure) {
      const p = new Problems(e.problem.filename);
      p.add(e.problem.pos, e.problem.message);
      throw new ModfileError(p.list);
    }
    throw e;
  }
}

const goVersionRe = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;
const laxGoVersionRe = /^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9][\s\S]*)$/;
const toolchainRe = /^default$|^go1($|\.)/;

/** Whether a go.mod `go` line value is well formed (strict rule). */
export function isGoVersion(v: string): boolean {
  return goVersionRe.test(v);
}

/** Whether a toolchain name is acceptable (x/mod ToolchainRE). */
export function isToolchainName(name: string): boolean {
  return toolchainRe.test(name);
}

/** MustQuote: whether a token needs quoting to stay one go.mod token. */
export function mustQuote(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    // Escaped invalid bytes range as U+FFFD, which is printable.
    const r = cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp;
    switch (r) {
      case 0x20:
      case 0x22:
      case 0x27:
      case 0x60:
        return true;
      case 0x28:
      case 0x29:
      case 0x5b:
      case 0x5d:
      case 0x7b:
      case 0x7d:
      case 0x2c:
        if (s.length > 1) return true;
        break;
      default:
        if (!isGoPrint(r)) return true;
    }
  }
  return s === '' || s.includes('//') || s.includes('/*');
}

/** AutoQuote: `s`, or its Go quotation when it must be quoted. */
export function autoQuote(s: string): string {
  return mustQuote(s) ? goQuote(s) : s;
}

/** Unquotes a token and rewrites it in its normal spelling (Go's parseString). */
export function parseString(args: string[], i: number): string {
  let t = args[i] ?? '';
  if (t.startsWith('"')) {
    const u = goUnquote(t);
    if (u === undefined) throw new Error('invalid syntax');
    t = u;
  } else if (/["'`]/.test(t)) {
    throw new Error('unquoted string cannot contain quote');
  }
  args[i] = autoQuote(t);
  return t;
}

function parseVersion(
  verb: string,
  path: string,
  args: string[],
  i: number,
  fix: VersionFixer | undefined,
): string {
  let t: string;
  try {
    t = parseString(args, i);
  } catch (e) {
    throw new DirectiveError(verb, path, new InvalidVersionError(args[i] ?? '', e as Error));
  }
  if (fix !== undefined) {
    try {
      t = fix(path, t);
    } catch (e) {
      if (e instanceof ModuleError) throw new DirectiveError(verb, path, e.err);
      throw e;
    }
  } else {
    const cv = canonicalVersion(t);
    if (cv === '') {
      throw new DirectiveError(
        verb,
        path,
        new InvalidVersionError(t, new Error('must be of the form v1.2.3')),
      );
    }
    t = cv;
  }
  args[i] = t;
  return t;
}

function modulePathMajor(path: string): string {
  const { pathMajor, ok } = splitPathVersion(path);
  if (!ok) throw new Error('invalid module path');
  return pathMajor;
}

// parseVersionInterval consumes an interval from the front of args.
function parseVersionInterval(
  verb: string,
  path: string,
  args: string[],
  fix: VersionFixer | undefined,
): [VersionInterval, string[]] {
  let toks = args;
  if (toks.length === 0 || toks[0] === '(') throw new Error("expected '[' or version");
  if (toks[0] !== '[') {
    const v = parseVersion(verb, path, toks, 0, fix);
    return [{ low: v, high: v }, toks.slice(1)];
  }
  // Versions are rewritten in place in the original token list, as Go does
  // through its slice aliasing.
  let base = 1;
  toks = args.slice(1);
  if (toks.length === 0) throw new Error("expected version after '['");
  const low = parseVersion(verb, path, args, base, fix);
  toks = args.slice(++base);
  if (toks.length === 0 || toks[0] !== ',') throw new Error("expected ',' after version");
  toks = args.slice(++base);
  if (toks.length === 0) throw new Error("expected version after ','");
  const high = parseVersion(verb, path, args, base, fix);
  toks = args.slice(++base);
  if (toks.length === 0 || toks[0] !== ']') throw new Error("expected ']' after version");
  return [{ low, high }, args.slice(base + 1)];
}

const deprecatedRe = /(?:^|\n\n)Deprecated: *([\s\S]*?)(?:$|\n\n)/;

/** The comment text of a directive (or of its block when it has none). */
export function directiveComment(block: LineBlock | undefined, line: Line): string {
  let comments = line.comments;
  if (block !== undefined && comments.before.length === 0 && comments.suffix.length === 0) {
    comments = block.comments;
  }
  const lines: string[] = [];
  for (const c of [...comments.before, ...comments.suffix]) {
    if (!c.token.startsWith('//')) continue; // a blank line
    lines.push(goTrimSpace(c.token.slice(2)));
  }
  return lines.join('\n');
}

/** The `Deprecated:` paragraph of a comment text, or '' when there is none. */
export function deprecationIn(text: string): string {
  const m = deprecatedRe.exec(text);
  return m?.[1] ?? '';
}

function goFields(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isSpace(cp)) {
      if (cur !== '') out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  if (cur !== '') out.push(cur);
  return out;
}

function isIndirect(line: Line): boolean {
  const first = line.comments.suffix[0];
  if (first === undefined) return false;
  const t = first.token.startsWith('//') ? first.token.slice(2) : first.token;
  const f = goFields(t);
  return (f.length === 1 && f[0] === 'indirect') || (f.length > 1 && f[0] === 'indirect;');
}

/** IsDirectoryPath: how a replacement target without version must look. */
export function isDirectoryPath(ns: string): boolean {
  return (
    ns === '.' ||
    ns.startsWith('./') ||
    ns.startsWith('.\\') ||
    ns === '..' ||
    ns.startsWith('../') ||
    ns.startsWith('..\\') ||
    ns.startsWith('/') ||
    ns.startsWith('\\') ||
    (ns.length >= 2 && /^[A-Za-z]$/.test(ns[0] ?? '') && ns[1] === ':')
  );
}

/** Parses a replace directive's arguments; shared with go.work. */
export function parseReplace(
  verb: string,
  args: string[],
  fix: VersionFixer | undefined,
): { oldPath: string; oldVersion: string; newPath: string; newVersion: string } {
  let arrow = 2;
  if (args.length >= 2 && args[1] === '=>') arrow = 1;
  if (args.length < arrow + 2 || args.length > arrow + 3 || args[arrow] !== '=>') {
    throw new Error(
      `usage: ${verb} module/path [v1.2.3] => other/module v1.4\n\t or ${verb} module/path [v1.2.3] => ../local/directory`,
    );
  }
  const s = quoted(() => parseString(args, 0));
  let pathMajor: string;
  try {
    pathMajor = modulePathMajor(s);
  } catch (e) {
    throw new DirectiveError(verb, s, e as Error);
  }
  let v = '';
  if (arrow === 2) {
    v = parseVersion(verb, s, args, 1, fix);
    const err = checkPathMajor(v, pathMajor);
    if (err !== undefined) throw new DirectiveError(verb, s, err);
  }
  const ns = quoted(() => parseString(args, arrow + 1));
  let nv = '';
  if (args.length === arrow + 2) {
    if (!isDirectoryPath(ns)) {
      if (ns.includes('@')) {
        throw new Error("replacement module must match format 'path version', not 'path@version'");
      }
      throw new Error(
        'replacement module without version must be directory path (rooted or starting with . or ..)',
      );
    }
    // modseal runs where the path separator is `/`, as on the proxy.
    if (ns.includes('\\')) {
      throw new Error('replacement directory appears to be Windows path (on a non-windows system)');
    }
  }
  if (args.length === arrow + 3) {
    nv = parseVersion(verb, ns, args, arrow + 2, fix);
    if (isDirectoryPath(ns)) {
      throw new Error(`replacement module directory path ${goQuote(ns)} cannot have version`);
    }
  }
  return { oldPath: s, oldVersion: v, newPath: ns, newVersion: nv };
}

// Wraps an unquoting failure as "invalid quoted string: …".
function quoted(f: () => string): string {
  try {
    return f();
  } catch (e) {
    throw new Error(`invalid quoted string: ${(e as Error).message}`, { cause: e });
  }
}

function locate(line: Line): Located {
  return { line: line.start.line, column: line.start.lineRune, syntax: line };
}

const laxVerbs = new Set(['go', 'module', 'retract', 'require', 'ignore']);
const blockVerbs = new Set([
  'module',
  'godebug',
  'require',
  'exclude',
  'replace',
  'retract',
  'tool',
  'ignore',
]);

function addDirective(
  f: ModFile,
  problems: Problems,
  block: LineBlock | undefined,
  line: Line,
  verb: string,
  args: string[],
  fix: VersionFixer | undefined,
  strict: boolean,
): void {
  if (!strict && !laxVerbs.has(verb)) return;
  const at = line.start;
  const fail = (e: unknown): void => {
    if (e instanceof Error) problems.add(at, e.message);
    else throw e;
  };
  try {
    switch (verb) {
      default:
        throw new Error(`unknown directive: ${verb}`);
      case 'go': {
        if (f.go !== undefined) throw new Error('repeated go statement');
        if (args.length !== 1) throw new Error('go directive expects exactly one argument');
        const v = args[0] ?? '';
        if (!goVersionRe.test(v)) {
          const m = strict ? null : laxGoVersionRe.exec(v);
          if (m === null) throw new Error(`invalid go version '${v}': must match format 1.23.0`);
          args[0] = m[1] ?? '';
        }
        f.go = { ...locate(line), version: args[0] ?? '' };
        return;
      }
      case 'toolchain': {
        if (f.toolchain !== undefined) throw new Error('repeated toolchain statement');
        if (args.length !== 1) throw new Error('toolchain directive expects exactly one argument');
        const name = args[0] ?? '';
        if (!toolchainRe.test(name)) {
          throw new Error(
            `invalid toolchain version '${name}': must match format go1.23.0 or default`,
          );
        }
        f.toolchain = { ...locate(line), name };
        return;
      }
      case 'module': {
        if (f.module !== undefined) throw new Error('repeated module statement');
        const deprecated = deprecationIn(directiveComment(block, line));
        const stmt: ModuleStmt = { ...locate(line), path: '' };
        if (deprecated !== '') stmt.deprecated = deprecated;
        f.module = stmt;
        if (args.length !== 1) throw new Error('usage: module module/path');
        stmt.path = quoted(() => parseString(args, 0));
        return;
      }
      case 'godebug': {
        const a = args[0] ?? '';
        if (args.length !== 1 || /["`',]/.test(a)) throw new Error('usage: godebug key=value');
        const eq = a.indexOf('=');
        if (eq < 0) throw new Error('usage: godebug key=value');
        f.godebug.push({ ...locate(line), key: a.slice(0, eq), value: a.slice(eq + 1) });
        return;
      }
      case 'require':
      case 'exclude': {
        if (args.length !== 2) throw new Error(`usage: ${verb} module/path v1.2.3`);
        const s = quoted(() => parseString(args, 0));
        const v = parseVersion(verb, s, args, 1, fix);
        const pathMajor = modulePathMajor(s);
        const err = checkPathMajor(v, pathMajor);
        if (err !== undefined) throw new DirectiveError(verb, s, err);
        if (verb === 'require') {
          f.require.push({ ...locate(line), path: s, version: v, indirect: isIndirect(line) });
        } else {
          f.exclude.push({ ...locate(line), path: s, version: v });
        }
        return;
      }
      case 'replace':
        f.replace.push({ ...locate(line), ...parseReplace(verb, args, fix) });
        return;
      case 'retract': {
        const rationale = directiveComment(block, line);
        let vi: VersionInterval;
        let rest: string[];
        try {
          // Versions are taken as written here; fix applies after the
          // whole file is read (it needs the module path).
          [vi, rest] = parseVersionInterval(verb, '', args, (_p, v) => v);
        } catch (e) {
          // Lenient parsing skips retractions it cannot read: future
          // syntax must not break dependents.
          if (strict) throw e;
          return;
        }
        if (rest.length > 0 && strict) {
          throw new Error(`unexpected token after version: ${goQuote(rest[0] ?? '')}`);
        }
        f.retract.push({ ...locate(line), ...vi, rationale });
        return;
      }
      case 'tool':
      case 'ignore': {
        if (args.length !== 1) throw new Error(`${verb} directive expects exactly one argument`);
        const path = quoted(() => parseString(args, 0));
        (verb === 'tool' ? f.tool : f.ignore).push({ ...locate(line), path });
        return;
      }
    }
  } catch (e) {
    fail(e);
  }
}

// Go applies fix to retractions only once the module path is known.
function fixRetract(f: ModFile, problems: Problems, fix: VersionFixer | undefined): void {
  if (fix === undefined) return;
  const path = f.module?.path ?? '';
  for (const r of f.retract) {
    if (path === '') {
      problems.add(r.syntax.start, 'no module directive found, so retract cannot be used');
      return;
    }
    const tokens = r.syntax.token;
    const offset = tokens[0] === 'retract' ? 1 : 0;
    const args = tokens.slice(offset);
    try {
      const [vi] = parseVersionInterval('retract', path, args, fix);
      r.low = vi.low;
      r.high = vi.high;
    } catch (e) {
      if (!(e instanceof Error)) throw e;
      problems.add(r.syntax.start, e.message);
      r.low = '';
      r.high = '';
    }
    writeBack(tokens, offset, args);
  }
}

// Go's directive code rewrites tokens through a slice of the line's own
// tokens; we hand out copies and store the rewrites back.
function writeBack(tokens: string[], offset: number, args: string[]): void {
  args.forEach((a, i) => {
    tokens[offset + i] = a;
  });
}

function parseToFile(
  file: string,
  data: string | Uint8Array,
  strict: boolean,
  options: ParseOptions,
): ModFile {
  const syntax = parseSyntaxOrThrow(file, data);
  const f: ModFile = {
    godebug: [],
    require: [],
    exclude: [],
    replace: [],
    retract: [],
    tool: [],
    ignore: [],
    syntax,
  };
  const problems = new Problems(file);
  for (const x of syntax.stmt) {
    if (x.kind === 'line') {
      const args = x.token.slice(1);
      addDirective(f, problems, undefined, x, x.token[0] ?? '', args, options.fix, strict);
      writeBack(x.token, 1, args);
      continue;
    }
    if (x.kind !== 'block') continue;
    const verb = x.token[0] ?? '';
    if (x.token.length > 1 || !blockVerbs.has(verb)) {
      if (strict) problems.add(x.start, `unknown block type: ${x.token.join(' ')}`);
      continue;
    }
    for (const l of x.line) addDirective(f, problems, x, l, verb, l.token, options.fix, strict);
  }
  fixRetract(f, problems, options.fix);
  if (problems.list.length > 0) throw new ModfileError(problems.list);
  return f;
}

/**
 * Parses a main module's go.mod (Go's modfile.Parse): every directive must be
 * known and well formed. Throws ModfileError with Go's text.
 */
export function parse(
  file: string,
  data: string | Uint8Array,
  options: ParseOptions = {},
): ModFile {
  return parseToFile(file, data, true, options);
}

/**
 * Parses a dependency's go.mod (Go's modfile.ParseLax): only module, go,
 * require, retract and ignore are read; unknown and main-module-only
 * directives and unreadable retractions are skipped.
 */
export function parseLax(
  file: string,
  data: string | Uint8Array,
  options: ParseOptions = {},
): ModFile {
  return parseToFile(file, data, false, options);
}

// Module, import and file path rules (x/mod module.CheckPath and friends) and
// the major-version suffix of a module path. The rules, their order and the
// error texts follow Go exactly: the first failing rule is the one reported.

import { equalFold } from '../internal/fold.js';
import { goQuote, goQuoteRune } from '../internal/go-quote.js';
import { isValidUtf8GoString } from '../internal/go-string.js';
import * as semver from '../semver/semver.js';
import { InvalidPathError, InvalidVersionError, ModuleError, type PathKind } from './errors.js';

const LETTER = /^\p{L}$/u;

function isAsciiAlnum(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

/** First element of a module path: a lower-case LDH domain name. */
function firstPathOK(cp: number): boolean {
  return cp === 0x2d || cp === 0x2e || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a);
}

/** Module path elements: ASCII letters, digits and `- . _ ~`. */
function modPathOK(cp: number): boolean {
  return isAsciiAlnum(cp) || cp === 0x2d || cp === 0x2e || cp === 0x5f || cp === 0x7e;
}

/** Import paths also allow `+` (historically used for binaries such as `g++`). */
function importPathOK(cp: number): boolean {
  return modPathOK(cp) || cp === 0x2b;
}

const FILE_PUNCT = new Set([...'!#$%&()+,-.=@[]^_{}~ '].map((c) => c.charCodeAt(0)));

/**
 * File names: ASCII letters and digits, a safe subset of punctuation and the
 * space, and any non-ASCII letter. Shell and Windows specials stay out.
 */
function fileNameOK(cp: number): boolean {
  if (cp < 0x80) return isAsciiAlnum(cp) || FILE_PUNCT.has(cp);
  return LETTER.test(String.fromCodePoint(cp));
}

/** Reserved device names on Windows; COM0 and LPT0 are deliberately absent, as in Go. */
const BAD_WINDOWS_NAMES = [
  'CON',
  'PRN',
  'AUX',
  'NUL',
  'COM1',
  'COM2',
  'COM3',
  'COM4',
  'COM5',
  'COM6',
  'COM7',
  'COM8',
  'COM9',
  'LPT1',
  'LPT2',
  'LPT3',
  'LPT4',
  'LPT5',
  'LPT6',
  'LPT7',
  'LPT8',
  'LPT9',
];

const BAD_WINDOWS_UPPER = new Set(BAD_WINDOWS_NAMES);

// Called for every element of every file in a module (20,000-file trees), so
// the common cases stay cheap: the names are 3 or 4 runes, and an ASCII
// candidate needs only an upper-case look-up. Non-ASCII runes can still fold
// onto ASCII letters (U+212A KELVIN SIGN is K), hence the general fallback.
function isBadWindowsName(short: string): boolean {
  if (short.length < 3 || short.length > 8) return false;
  if (!/[^\x20-\x7e]/.test(short)) return BAD_WINDOWS_UPPER.has(short.toUpperCase());
  return BAD_WINDOWS_NAMES.some((bad) => equalFold(bad, short));
}

function checkElem(elem: string, kind: PathKind): Error | undefined {
  if (elem === '') return new Error('empty path element');
  if (/^\.+$/.test(elem)) return new Error(`invalid path element ${goQuote(elem)}`);
  if (elem[0] === '.' && kind === 'module') return new Error('leading dot in path element');
  if (elem.endsWith('.')) return new Error('trailing dot in path element');
  const ok = kind === 'module' ? modPathOK : kind === 'import' ? importPathOK : fileNameOK;
  for (const ch of elem) {
    const cp = ch.codePointAt(0)!;
    if (!ok(cp)) return new Error(`invalid char ${goQuoteRune(cp)}`);
  }

  const dot = elem.indexOf('.');
  const short = dot >= 0 ? elem.slice(0, dot) : elem;
  if (isBadWindowsName(short)) {
    return new Error(`${goQuote(short)} disallowed as path element component on Windows`);
  }

  // Windows short names (PROGRA~1) only matter for import paths; file names
  // in a module zip may look like them.
  if (kind === 'file') return undefined;
  const tilde = short.lastIndexOf('~');
  if (tilde >= 0 && tilde < short.length - 1 && /^[0-9]+$/.test(short.slice(tilde + 1))) {
    return new Error('trailing tilde and digits in path element');
  }
  return undefined;
}

function checkPathText(path: string, kind: PathKind): Error | undefined {
  if (!isValidUtf8GoString(path)) return new Error('invalid UTF-8');
  if (path === '') return new Error('empty string');
  // Since Go 1.17 a file may start with a dash; module and import paths may not
  // (they would read as command-line flags).
  if (path[0] === '-' && kind !== 'file') return new Error('leading dash');
  if (path.includes('//')) return new Error('double slash');
  if (path.endsWith('/')) return new Error('trailing slash');
  for (const elem of path.split('/')) {
    const err = checkElem(elem, kind);
    if (err !== undefined) return err;
  }
  return undefined;
}

/**
 * Go's module.CheckPath: the InvalidPathError (kind "module") explaining why
 * `path` is not a valid module path, or undefined.
 */
export function checkPath(path: string): InvalidPathError | undefined {
  const reason = checkModulePath(path);
  return reason === undefined ? undefined : new InvalidPathError('module', path, reason);
}

function checkModulePath(path: string): Error | undefined {
  const err = checkPathText(path, 'module');
  if (err !== undefined) return err;
  let i = path.indexOf('/');
  if (i < 0) i = path.length;
  if (i === 0) return new Error('leading slash');
  const first = path.slice(0, i);
  if (!first.includes('.')) return new Error('missing dot in first path element');
  if (path[0] === '-') return new Error('leading dash in first path element');
  for (const ch of first) {
    const cp = ch.codePointAt(0)!;
    if (!firstPathOK(cp)) return new Error(`invalid char ${goQuoteRune(cp)} in first path element`);
  }
  if (!splitPathVersion(path).ok) return new Error('invalid version');
  return undefined;
}

/** Go's module.CheckImportPath: the InvalidPathError (kind "import") or undefined. */
export function checkImportPath(path: string): InvalidPathError | undefined {
  const err = checkPathText(path, 'import');
  return err === undefined ? undefined : new InvalidPathError('import', path, err);
}

/**
 * Go's module.CheckFilePath, the rule for names inside a module zip: the
 * InvalidPathError (kind "file") or undefined.
 */
export function checkFilePath(path: string): InvalidPathError | undefined {
  const err = checkPathText(path, 'file');
  return err === undefined ? undefined : new InvalidPathError('file', path, err);
}

/**
 * The reason `elem` is not a valid file path element (Go's unexported
 * checkElem for files), used for versions in escaping; undefined if valid.
 */
export function checkFileElem(elem: string): Error | undefined {
  return checkElem(elem, 'file');
}

/** Prefix and major-version suffix of a module path; prefix + pathMajor === path when ok. */
export interface PathVersionSplit {
  prefix: string;
  /** `""`, `/vN` (N ≥ 2), or for gopkg.in `.vN` / `.vN-unstable`. */
  pathMajor: string;
  /** False when the last element looks like a major suffix but breaks the rules (`/v1`, `/v0`, `/v2.0`). */
  ok: boolean;
}

function isAsciiDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/**
 * Go's module.SplitPathVersion: splits `example.com/m/v2` into
 * `example.com/m` + `/v2`; gopkg.in paths use `.vN`.
 */
export function splitPathVersion(path: string): PathVersionSplit {
  if (path.startsWith('gopkg.in/')) return splitGopkgIn(path);
  let i = path.length;
  let dot = false;
  while (i > 0 && (isAsciiDigit(path[i - 1]) || path[i - 1] === '.')) {
    if (path[i - 1] === '.') dot = true;
    i--;
  }
  if (i <= 1 || i === path.length || path[i - 1] !== 'v' || path[i - 2] !== '/') {
    return { prefix: path, pathMajor: '', ok: true };
  }
  const prefix = path.slice(0, i - 2);
  const pathMajor = path.slice(i - 2);
  if (dot || pathMajor.length <= 2 || pathMajor[2] === '0' || pathMajor === '/v1') {
    return { prefix: path, pathMajor: '', ok: false };
  }
  return { prefix, pathMajor, ok: true };
}

/** Go's module.SplitPathVersion restricted to gopkg.in paths (`gopkg.in/yaml.v2`). */
export function splitGopkgIn(path: string): PathVersionSplit {
  if (!path.startsWith('gopkg.in/')) return { prefix: path, pathMajor: '', ok: false };
  let i = path.length;
  if (path.endsWith('-unstable')) i -= '-unstable'.length;
  while (i > 0 && isAsciiDigit(path[i - 1])) i--;
  if (i <= 1 || path[i - 1] !== 'v' || path[i - 2] !== '.') {
    return { prefix: path, pathMajor: '', ok: false };
  }
  const prefix = path.slice(0, i - 2);
  const pathMajor = path.slice(i - 2);
  if (pathMajor.length <= 2 || (pathMajor[2] === '0' && pathMajor !== '.v0')) {
    return { prefix: path, pathMajor: '', ok: false };
  }
  return { prefix, pathMajor, ok: true };
}

/** Whether `path` is a gopkg.in path (whose majors are `.vN` and start at v0). */
export function isGopkgIn(path: string): boolean {
  return path.startsWith('gopkg.in/');
}

function trimUnstable(pathMajor: string): string {
  if (pathMajor.startsWith('.v') && pathMajor.endsWith('-unstable')) {
    return pathMajor.slice(0, -'-unstable'.length);
  }
  return pathMajor;
}

/**
 * Go's module.CheckPathMajor: an InvalidVersionError (`should be v0 or v1,
 * not v2`) when version `v` does not belong to a path with suffix `pathMajor`.
 */
export function checkPathMajor(v: string, pathMajor: string): InvalidVersionError | undefined {
  let pm = trimUnstable(pathMajor);
  // An old go command wrote v0.0.0-… pseudo-versions for gopkg.in .v1
  // modules; go.mod files in the wild still require them.
  if (v.startsWith('v0.0.0-') && pm === '.v1') return undefined;
  const m = semver.major(v);
  if (pm === '') {
    if (m === 'v0' || m === 'v1' || semver.build(v) === '+incompatible') return undefined;
    pm = 'v0 or v1';
  } else if (pm[0] === '/' || pm[0] === '.') {
    if (m === pm.slice(1)) return undefined;
    pm = pm.slice(1);
  }
  return new InvalidVersionError(v, new Error(`should be ${pm}, not ${m}`));
}

/** Go's module.MatchPathMajor: whether checkPathMajor accepts. */
export function matchPathMajor(v: string, pathMajor: string): boolean {
  return checkPathMajor(v, pathMajor) === undefined;
}

/**
 * Go's module.PathMajorPrefix: the tag major implied by a suffix (`/v2` →
 * `v2`, `.v1-unstable` → `v1`, `""` → `""`). Throws on a malformed suffix, where Go panics.
 */
export function pathMajorPrefix(pathMajor: string): string {
  if (pathMajor === '') return '';
  if (pathMajor[0] !== '/' && pathMajor[0] !== '.') {
    throw new Error(`pathMajor suffix ${pathMajor} passed to PathMajorPrefix lacks separator`);
  }
  const pm = trimUnstable(pathMajor);
  const m = pm.slice(1);
  if (m !== semver.major(m)) {
    throw new Error(`pathMajor suffix ${pm}passed to PathMajorPrefix is not a valid major version`);
  }
  return m;
}

/**
 * Go's module.Check: the path is valid, the version is valid semver and
 * matches the path's major suffix. Returns Go's error or undefined.
 */
export function check(path: string, version: string): InvalidPathError | ModuleError | undefined {
  const perr = checkPath(path);
  if (perr !== undefined) return perr;
  if (!semver.isValid(version)) {
    return new ModuleError(
      path,
      '',
      new InvalidVersionError(version, new Error('not a semantic version')),
    );
  }
  const merr = checkPathMajor(version, splitPathVersion(path).pathMajor);
  if (merr !== undefined) return new ModuleError(path, '', merr);
  return undefined;
}

/** Go's module.CanonicalVersion: semver canonical form, keeping a `+incompatible` suffix. */
export function canonicalVersion(v: string): string {
  const cv = semver.canonical(v);
  return semver.build(v) === '+incompatible' ? cv + '+incompatible' : cv;
}

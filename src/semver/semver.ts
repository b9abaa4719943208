// Go's semantic versions (golang.org/x/mod/semver): a leading `v`, shorthand
// `vX` and `vX.Y`, no leading zeros, build metadata ignored for precedence.
// Every valid version is ASCII, so string indexing here is byte indexing.

import { compareGoStrings } from '../internal/go-string.js';

interface Parsed {
  major: string;
  minor: string;
  patch: string;
  /** What canonicalisation appends to a shorthand: ".0.0", ".0" or "". */
  short: string;
  prerelease: string;
  build: string;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isIdentChar(c: string): boolean {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '-';
}

/** A numeric prerelease identifier with a leading zero ("01") is not allowed. */
function isBadNum(id: string): boolean {
  return /^0[0-9]+$/.test(id);
}

function isNum(id: string): boolean {
  return /^[0-9]*$/.test(id);
}

/** A decimal without leading zeros at the start of `v`, and the rest. */
function parseInt(v: string): [num: string, rest: string] | undefined {
  if (!isDigit(v[0])) return undefined;
  let i = 1;
  while (isDigit(v[i])) i++;
  if (v[0] === '0' && i !== 1) return undefined;
  return [v.slice(0, i), v.slice(i)];
}

function parseIdents(v: string, sep: '-' | '+', stopAtPlus: boolean, checkNum: boolean) {
  if (v[0] !== sep) return undefined;
  let i = 1;
  let start = 1;
  while (i < v.length && !(stopAtPlus && v[i] === '+')) {
    const c = v[i]!;
    if (!isIdentChar(c) && c !== '.') return undefined;
    if (c === '.') {
      if (start === i || (checkNum && isBadNum(v.slice(start, i)))) return undefined;
      start = i + 1;
    }
    i++;
  }
  if (start === i || (checkNum && isBadNum(v.slice(start, i)))) return undefined;
  return [v.slice(0, i), v.slice(i)] as const;
}

function parse(v: string): Parsed | undefined {
  if (v === '' || v[0] !== 'v') return undefined;
  const p: Parsed = { major: '', minor: '', patch: '', short: '', prerelease: '', build: '' };
  let r = parseInt(v.slice(1));
  if (r === undefined) return undefined;
  let rest: string;
  [p.major, rest] = r;
  if (rest === '') {
    p.minor = '0';
    p.patch = '0';
    p.short = '.0.0';
    return p;
  }
  if (rest[0] !== '.') return undefined;
  r = parseInt(rest.slice(1));
  if (r === undefined) return undefined;
  [p.minor, rest] = r;
  if (rest === '') {
    p.patch = '0';
    p.short = '.0';
    return p;
  }
  if (rest[0] !== '.') return undefined;
  r = parseInt(rest.slice(1));
  if (r === undefined) return undefined;
  [p.patch, rest] = r;
  if (rest[0] === '-') {
    const q = parseIdents(rest, '-', true, true);
    if (q === undefined) return undefined;
    [p.prerelease, rest] = q;
  }
  if (rest[0] === '+') {
    const q = parseIdents(rest, '+', false, false);
    if (q === undefined) return undefined;
    [p.build, rest] = q;
  }
  if (rest !== '') return undefined;
  return p;
}

/** Whether `v` is a valid Go semantic version. */
export function isValid(v: string): boolean {
  return parse(v) !== undefined;
}

/**
 * `vX.Y.Z[-pre]`: shorthand padded with `.0`, build metadata dropped; `""`
 * for an invalid version.
 */
export function canonical(v: string): string {
  const p = parse(v);
  if (p === undefined) return '';
  if (p.build !== '') return v.slice(0, v.length - p.build.length);
  return v + p.short;
}

/** `vX` of a valid version (`v1.2.3` → `v1`), else `""`. */
export function major(v: string): string {
  const p = parse(v);
  if (p === undefined) return '';
  return v.slice(0, 1 + p.major.length);
}

/** `vX.Y` of a valid version (`v1` → `v1.0`), else `""`. */
export function majorMinor(v: string): string {
  const p = parse(v);
  if (p === undefined) return '';
  const i = 1 + p.major.length;
  const j = i + 1 + p.minor.length;
  if (j <= v.length && v[i] === '.' && v.slice(i + 1, j) === p.minor) return v.slice(0, j);
  return v.slice(0, i) + '.' + p.minor;
}

/** The `-pre` part of a valid version (with its dash), else `""`. */
export function prerelease(v: string): string {
  return parse(v)?.prerelease ?? '';
}

/** The `+build` part of a valid version (with its plus), else `""`. */
export function build(v: string): string {
  return parse(v)?.build ?? '';
}

function compareInt(x: string, y: string): -1 | 0 | 1 {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}

function comparePrerelease(x: string, y: string): -1 | 0 | 1 {
  if (x === y) return 0;
  if (x === '') return 1;
  if (y === '') return -1;
  // Both start with '-'; identifiers are separated by '.'.
  const xs = x.slice(1).split('.');
  const ys = y.slice(1).split('.');
  for (let k = 0; k < xs.length && k < ys.length; k++) {
    const dx = xs[k]!;
    const dy = ys[k]!;
    if (dx === dy) continue;
    const nx = isNum(dx);
    const ny = isNum(dy);
    if (nx !== ny) return nx ? -1 : 1;
    if (nx && dx.length !== dy.length) return dx.length < dy.length ? -1 : 1;
    return dx < dy ? -1 : 1;
  }
  return xs.length < ys.length ? -1 : 1;
}

/**
 * Go's semver.Compare: -1, 0 or +1. Invalid versions are equal to each
 * other and smaller than every valid one; build metadata is ignored.
 */
export function compare(v: string, w: string): -1 | 0 | 1 {
  const pv = parse(v);
  const pw = parse(w);
  if (pv === undefined && pw === undefined) return 0;
  if (pv === undefined) return -1;
  if (pw === undefined) return 1;
  return (
    compareInt(pv.major, pw.major) ||
    compareInt(pv.minor, pw.minor) ||
    compareInt(pv.patch, pw.patch) ||
    comparePrerelease(pv.prerelease, pw.prerelease)
  );
}

/** Go's semver.Max: the larger of the two canonical forms (`""` if both invalid). */
export function max(v: string, w: string): string {
  const cv = canonical(v);
  const cw = canonical(w);
  return compare(cv, cw) > 0 ? cv : cw;
}

/** Go's semver.ByVersion order: by precedence, ties broken by byte order. */
export function compareVersionStrings(a: string, b: string): number {
  return compare(a, b) || compareGoStrings(a, b);
}

/** A sorted copy of `list` in Go's semver.Sort order. */
export function sortVersions(list: readonly string[]): string[] {
  return [...list].sort(compareVersionStrings);
}

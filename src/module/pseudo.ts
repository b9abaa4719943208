// Pseudo-versions (x/mod module/pseudo.go): versions that name an untagged
// commit by its time and short hash, based on the closest older tag.
//   vX.0.0-yyyymmddhhmmss-abcdefabcdef        no older tag
//   vX.Y.(Z+1)-0.yyyymmddhhmmss-abcdef...     older tag vX.Y.Z
//   vX.Y.Z-pre.0.yyyymmddhhmmss-abcdef...     older tag vX.Y.Z-pre
// Build metadata of the older tag (e.g. +incompatible) is kept at the end.

import { goQuote } from '../internal/go-quote.js';
import * as semver from '../semver/semver.js';
import { InvalidVersionError } from './errors.js';

const PSEUDO_RE =
  /^v[0-9]+\.(0\.0-|[0-9]+\.[0-9]+-([^+]*\.)?0\.)[0-9]{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

/** The 14-digit UTC `yyyymmddhhmmss` of a time, as Go formats "20060102150405". */
export function formatPseudoTimestamp(t: Date): string {
  const y = t.getUTCFullYear();
  // Go pads years to four digits and writes a minus sign before negative ones.
  const year = y < 0 ? '-' + String(-y).padStart(4, '0') : String(y).padStart(4, '0');
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    year +
    two(t.getUTCMonth() + 1) +
    two(t.getUTCDate()) +
    two(t.getUTCHours()) +
    two(t.getUTCMinutes()) +
    two(t.getUTCSeconds())
  );
}

/**
 * Go's module.PseudoVersion: the pseudo-version for revision `rev` at time
 * `t`, given the path's major (`""` means v0) and the closest older tag
 * (`""` when there is none).
 */
export function pseudoVersion(major: string, older: string, t: Date, rev: string): string {
  const mj = major === '' ? 'v0' : major;
  const segment = `${formatPseudoTimestamp(t)}-${rev}`;
  const build = semver.build(older);
  const base = semver.canonical(older);
  if (base === '') return `${mj}.0.0-${segment}`;
  if (semver.prerelease(base) !== '') return `${base}.0.${segment}${build}`;
  const i = base.lastIndexOf('.') + 1;
  return `${base.slice(0, i)}${incDecimal(base.slice(i))}-0.${segment}${build}`;
}

/** Go's time.Time{} (year 1, January 1, 00:00:00 UTC). */
function zeroTime(): Date {
  const d = new Date(0);
  d.setUTCFullYear(1, 0, 1);
  d.setUTCHours(0, 0, 0, 0);
  return d;
}

/** Go's module.ZeroPseudoVersion: a placeholder pseudo-version with zero time and revision. */
export function zeroPseudoVersion(major: string): string {
  return pseudoVersion(major, '', zeroTime(), '000000000000');
}

/** A decimal digit string plus one (`"99"` → `"100"`). */
export function incDecimal(decimal: string): string {
  const d = [...decimal];
  let i = d.length - 1;
  for (; i >= 0 && d[i] === '9'; i--) d[i] = '0';
  if (i >= 0) {
    d[i] = String.fromCharCode(d[i]!.charCodeAt(0) + 1);
  } else {
    // Go writes '1' over the first digit and appends a '0'.
    d[0] = '1';
    d.push('0');
  }
  return d.join('');
}

/** A decimal digit string minus one, or `""` when it is all zeros. */
export function decDecimal(decimal: string): string {
  let d = [...decimal];
  let i = d.length - 1;
  for (; i >= 0 && d[i] === '0'; i--) d[i] = '9';
  if (i < 0) return '';
  if (i === 0 && d[i] === '1' && d.length > 1) {
    d = d.slice(1);
  } else {
    d[i] = String.fromCharCode(d[i]!.charCodeAt(0) - 1);
  }
  return d.join('');
}

/** Go's module.IsPseudoVersion. */
export function isPseudoVersion(v: string): boolean {
  let dashes = 0;
  for (const c of v) if (c === '-') dashes++;
  return dashes >= 2 && semver.isValid(v) && PSEUDO_RE.test(v);
}

/** Go's module.IsZeroPseudoVersion: whether `v` is what zeroPseudoVersion gives for its major. */
export function isZeroPseudoVersion(v: string): boolean {
  return v === zeroPseudoVersion(semver.major(v));
}

interface PseudoParts {
  base: string;
  timestamp: string;
  rev: string;
  build: string;
}

function parsePseudoVersion(v: string): PseudoParts {
  if (!isPseudoVersion(v)) throw new InvalidVersionError(v, new Error('syntax error'), true);
  const build = semver.build(v);
  let rest = v.slice(0, v.length - build.length);
  const j = rest.lastIndexOf('-');
  const rev = rest.slice(j + 1);
  rest = rest.slice(0, j);
  const i = rest.lastIndexOf('-');
  const k = rest.lastIndexOf('.');
  if (k > i) return { base: rest.slice(0, k), timestamp: rest.slice(k + 1), rev, build };
  return { base: rest.slice(0, i), timestamp: rest.slice(i + 1), rev, build };
}

function daysIn(month: number, year: number): number {
  if (month === 2) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Go's module.PseudoVersionTime: the UTC time in a pseudo-version. Throws
 * `pseudo-version "v" invalid: syntax error` or `…: malformed time "ts"`.
 */
export function pseudoVersionTime(v: string): Date {
  const { timestamp } = parsePseudoVersion(v);
  const n = (a: number, b: number): number => Number(timestamp.slice(a, b));
  const [year, month, day, hour, min, sec] = [
    n(0, 4),
    n(4, 6),
    n(6, 8),
    n(8, 10),
    n(10, 12),
    n(12, 14),
  ];
  // Go's time.Parse checks every field's range, the day against its month.
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysIn(month, year) ||
    hour > 23 ||
    min > 59 ||
    sec > 59
  ) {
    throw new InvalidVersionError(v, new Error(`malformed time ${goQuote(timestamp)}`), true);
  }
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, min, sec, 0);
  return d;
}

/** Go's module.PseudoVersionRev: the revision part; throws like pseudoVersionTime. */
export function pseudoVersionRev(v: string): string {
  return parsePseudoVersion(v).rev;
}

/**
 * Go's module.PseudoVersionBase: the tag the pseudo-version builds on
 * (`""` for the `vX.0.0-` form), with its build suffix. Throws Go's
 * InvalidVersionError when no base can exist.
 */
export function pseudoVersionBase(v: string): string {
  const { base, build } = parsePseudoVersion(v);
  const pre = semver.prerelease(base);
  if (pre === '') {
    // vX.0.0-…+incompatible would claim both "no older tag" and "older tag of
    // another major"; Go rejects it.
    if (build !== '') {
      throw new InvalidVersionError(
        v,
        new Error(`lacks base version, but has build metadata ${goQuote(build)}`),
        true,
      );
    }
    return '';
  }
  if (pre === '-0') {
    const b = base.slice(0, base.length - pre.length);
    const i = b.lastIndexOf('.');
    const patch = decDecimal(b.slice(i + 1));
    if (patch === '') {
      throw new InvalidVersionError(
        v,
        new Error(`version before ${b} would have negative patch number`),
        true,
      );
    }
    return b.slice(0, i + 1) + patch + build;
  }
  return base.slice(0, -'.0'.length) + build;
}

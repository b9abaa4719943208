// The `!`-escaping of module paths and versions used in proxy URLs and in the
// module cache: case-insensitive file systems and servers must never need two
// spellings of one name, so each upper-case ASCII letter becomes `!` + lower case.

import { goQuote } from '../internal/go-quote.js';
import { InvalidVersionError } from './errors.js';
import { checkFileElem, checkPath } from './path.js';

function escapeString(s: string): string {
  for (const ch of s) {
    // Valid paths and versions never hold these; the escaping below would
    // not be reversible if they did.
    if (ch === '!' || ch.codePointAt(0)! >= 0x80) {
      throw new Error('internal error: inconsistency in EscapePath');
    }
  }
  return s.replace(/[A-Z]/g, (c) => '!' + c.toLowerCase());
}

/** Go's module.EscapePath; throws the InvalidPathError of an invalid module path. */
export function escapePath(path: string): string {
  const err = checkPath(path);
  if (err !== undefined) throw err;
  return escapeString(path);
}

/**
 * Go's module.EscapeVersion. Any valid file name without `!` is allowed (not
 * only semver); otherwise throws `version "v" invalid: disallowed version string`.
 */
export function escapeVersion(v: string): string {
  if (checkFileElem(v) !== undefined || v.includes('!')) {
    throw new InvalidVersionError(v, new Error('disallowed version string'));
  }
  return escapeString(v);
}

/** Undoes the `!` escaping, or undefined when `escaped` is not a possible escape. */
function unescapeString(escaped: string): string | undefined {
  let out = '';
  let bang = false;
  for (const ch of escaped) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x80) return undefined;
    if (bang) {
      bang = false;
      if (ch < 'a' || ch > 'z') return undefined;
      out += ch.toUpperCase();
      continue;
    }
    if (ch === '!') {
      bang = true;
      continue;
    }
    if (ch >= 'A' && ch <= 'Z') return undefined;
    out += ch;
  }
  if (bang) return undefined;
  return out;
}

/** Go's module.UnescapePath; throws `invalid escaped module path "…"[: reason]`. */
export function unescapePath(escaped: string): string {
  const path = unescapeString(escaped);
  if (path === undefined) throw new Error(`invalid escaped module path ${goQuote(escaped)}`);
  const err = checkPath(path);
  if (err !== undefined) {
    throw new Error(`invalid escaped module path ${goQuote(escaped)}: ${err.message}`);
  }
  return path;
}

/** Go's module.UnescapeVersion; throws `invalid escaped version "…"[: reason]`. */
export function unescapeVersion(escaped: string): string {
  const v = unescapeString(escaped);
  if (v === undefined) throw new Error(`invalid escaped version ${goQuote(escaped)}`);
  const err = checkFileElem(v);
  // Go quotes the unescaped version here, unlike in the message above.
  if (err !== undefined) throw new Error(`invalid escaped version ${goQuote(v)}: ${err.message}`);
  return v;
}

// GOPRIVATE-style glob lists (module.MatchPrefixPatterns) on top of Go's
// path.Match. Both work on bytes, so Go strings are encoded first; patterns
// are decoded rune by rune only where Go does (inside `[...]` and for `?`).

import { decodeRune, encodeGoString, RUNE_ERROR } from '../internal/go-string.js';

const SLASH = 0x2f;
const STAR = 0x2a;
const BACKSLASH = 0x5c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;
const QUESTION = 0x3f;

class BadPattern extends Error {
  constructor() {
    super('syntax error in pattern');
  }
}

/** Leading stars of a pattern, the chunk up to the next star outside brackets, and the rest. */
function scanChunk(p: Uint8Array): { star: boolean; chunk: Uint8Array; rest: Uint8Array } {
  let star = false;
  let s = 0;
  while (s < p.length && p[s] === STAR) {
    s++;
    star = true;
  }
  let inRange = false;
  let i = s;
  scan: for (; i < p.length; i++) {
    switch (p[i]) {
      case BACKSLASH:
        if (i + 1 < p.length) i++;
        break;
      case LBRACKET:
        inRange = true;
        break;
      case RBRACKET:
        inRange = false;
        break;
      case STAR:
        if (!inRange) break scan;
        break;
    }
  }
  return { star, chunk: p.subarray(s, i), rest: p.subarray(i) };
}

/** One (possibly escaped) character of a `[...]` class. */
function getEsc(chunk: Uint8Array): [rune: number, rest: Uint8Array] {
  if (chunk.length === 0 || chunk[0] === DASH || chunk[0] === RBRACKET) throw new BadPattern();
  let c = chunk;
  if (c[0] === BACKSLASH) {
    c = c.subarray(1);
    if (c.length === 0) throw new BadPattern();
  }
  const [r, n] = decodeRune(c, 0);
  const rest = c.subarray(n);
  if ((r === RUNE_ERROR && n === 1) || rest.length === 0) throw new BadPattern();
  return [r, rest];
}

/**
 * Matches a star-free chunk at the start of `s`: the unmatched rest of `s`,
 * or undefined. Like Go, it keeps scanning after a mismatch so that a
 * malformed chunk is always reported.
 */
function matchChunk(chunkIn: Uint8Array, sIn: Uint8Array): Uint8Array | undefined {
  let chunk = chunkIn;
  let s = sIn;
  let failed = false;
  while (chunk.length > 0) {
    if (!failed && s.length === 0) failed = true;
    const c0 = chunk[0]!;
    if (c0 === LBRACKET) {
      let r = 0;
      if (!failed) {
        const [rr, n] = decodeRune(s, 0);
        r = rr;
        s = s.subarray(n);
      }
      chunk = chunk.subarray(1);
      let negated = false;
      if (chunk.length > 0 && chunk[0] === CARET) {
        negated = true;
        chunk = chunk.subarray(1);
      }
      let match = false;
      let nrange = 0;
      for (;;) {
        if (chunk.length > 0 && chunk[0] === RBRACKET && nrange > 0) {
          chunk = chunk.subarray(1);
          break;
        }
        let lo: number;
        let hi: number;
        [lo, chunk] = getEsc(chunk);
        hi = lo;
        if (chunk[0] === DASH) [hi, chunk] = getEsc(chunk.subarray(1));
        if (lo <= r && r <= hi) match = true;
        nrange++;
      }
      if (match === negated) failed = true;
    } else if (c0 === QUESTION) {
      if (!failed) {
        if (s[0] === SLASH) failed = true;
        const [, n] = decodeRune(s, 0);
        s = s.subarray(n);
      }
      chunk = chunk.subarray(1);
    } else {
      if (c0 === BACKSLASH) {
        chunk = chunk.subarray(1);
        if (chunk.length === 0) throw new BadPattern();
      }
      if (!failed) {
        if (chunk[0] !== s[0]) failed = true;
        s = s.subarray(1);
      }
      chunk = chunk.subarray(1);
    }
  }
  return failed ? undefined : s;
}

function tryMatchChunk(chunk: Uint8Array, s: Uint8Array): { rest?: Uint8Array; bad: boolean } {
  try {
    const rest = matchChunk(chunk, s);
    return rest === undefined ? { bad: false } : { rest, bad: false };
  } catch (e) {
    if (e instanceof BadPattern) return { bad: true };
    throw e;
  }
}

function matchBytes(patternIn: Uint8Array, nameIn: Uint8Array): boolean {
  let pattern = patternIn;
  let name = nameIn;
  pattern: while (pattern.length > 0) {
    const { star, chunk, rest } = scanChunk(pattern);
    pattern = rest;
    if (star && chunk.length === 0) return !name.includes(SLASH);
    const first = tryMatchChunk(chunk, name);
    if (first.rest !== undefined && (first.rest.length === 0 || pattern.length > 0)) {
      name = first.rest;
      continue;
    }
    if (first.bad) return false;
    if (star) {
      // A star matches any run of non-slash bytes: retry after each one.
      for (let i = 0; i < name.length && name[i] !== SLASH; i++) {
        const t = tryMatchChunk(chunk, name.subarray(i + 1));
        if (t.rest !== undefined) {
          if (pattern.length === 0 && t.rest.length > 0) continue;
          name = t.rest;
          continue pattern;
        }
        if (t.bad) return false;
      }
    }
    // A malformed pattern never matches, even when the mismatch came first.
    while (pattern.length > 0) {
      const next = scanChunk(pattern);
      pattern = next.rest;
      if (tryMatchChunk(next.chunk, new Uint8Array(0)).bad) return false;
    }
    return false;
  }
  return name.length === 0;
}

/**
 * Go's path.Match, reporting a malformed pattern as no match (the only way
 * module.MatchPrefixPatterns uses it).
 */
export function pathMatch(pattern: string, name: string): boolean {
  return matchBytes(encodeGoString(pattern), encodeGoString(name));
}

/**
 * Go's module.MatchPrefixPatterns (GOPRIVATE, GONOPROXY, GONOSUMDB): whether
 * a glob in the comma-separated list matches a leading run of path elements
 * of `target`, a glob with k slashes matching the first k+1 elements. Empty
 * and malformed globs are ignored; a trailing slash on a glob is ignored.
 */
export function matchPrefixPatterns(globs: string, target: string): boolean {
  for (let glob of globs.split(',')) {
    if (glob.endsWith('/')) glob = glob.slice(0, -1);
    if (glob === '') continue;
    let n = 0;
    for (const c of glob) if (c === '/') n++;
    let prefix = target;
    for (let i = 0; i < target.length; i++) {
      if (target[i] === '/') {
        if (n === 0) {
          prefix = target.slice(0, i);
          break;
        }
        n--;
      }
    }
    if (n > 0) continue;
    if (pathMatch(glob, prefix)) return true;
  }
  return false;
}

// Unicode simple case folding the way Go does it (unicode.SimpleFold,
// strings.EqualFold, and x/mod zip's fold key for collision checks).
//
// Go's SimpleFold walks the set of runes that are equal under simple case
// folding (CaseFolding.txt statuses C and S) in increasing order, wrapping
// from the largest back to the smallest. That set is exactly what a JS
// regular expression with the `iu` flags treats as equal, so we derive the
// sets from the JS engine instead of shipping Unicode tables. Candidates come
// from single-character case mappings, and from characters whose full
// upper-case mappings are the same string (Unicode 15.1 made U+0390 and
// U+1FD3, U+03B0 and U+1FE3, U+FB05 and U+FB06 simple-fold partners, and no
// single-character mapping links them); each link is confirmed by the regex
// engine, so a full mapping alone (U+0130 → "i̇") links nothing and U+0130
// ends up alone, as in Go.
//
// Unicode-version caveat: the answer follows the Unicode version of the JS
// engine's ICU (17.0 in the Node 20 and 24 releases we test), while Go
// follows its own release (Go 1.27: Unicode 17.0). Characters assigned in
// between two versions may fold differently; the suite compares every rune
// with today's Go (test/module/go-oracle.test.ts).

import { goRunes } from './go-string.js';

const MAX_RUNE = 0x10ffff;

let orbits: Map<number, readonly number[]> | undefined;

function sameSimpleFold(a: number, b: number): boolean {
  return new RegExp(`^\\u{${a.toString(16)}}$`, 'iu').test(String.fromCodePoint(b));
}

function singleCodePoint(s: string): number | undefined {
  const cp = s.codePointAt(0);
  if (cp === undefined) return undefined;
  return s.length === (cp > 0xffff ? 2 : 1) ? cp : undefined;
}

function buildOrbits(): Map<number, readonly number[]> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    for (let p = parent.get(r); p !== undefined && p !== r; p = parent.get(r)) r = p;
    // Path compression keeps later look-ups short.
    for (let y = x, p = parent.get(y); p !== undefined && p !== r; p = parent.get(y)) {
      parent.set(y, r);
      y = p;
    }
    return r;
  };
  const union = (a: number, b: number): void => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };

  // Every member of a folding set of two or more changes under some case
  // mapping, so only those characters need looking at.
  const cased = /\p{Changes_When_Casemapped}/gu;
  const sameFullUpper = new Map<string, number[]>();
  const chunk = 0x1000;
  for (let start = 0; start <= MAX_RUNE; start += chunk) {
    if (start >= 0xd800 && start < 0xe000) continue;
    // Planes 3–13 and 15–16 hold no cased characters in any Unicode version
    // so far; skipping them keeps the one-time build cheap.
    if (start >= 0x30000 && start < 0xe0000) continue;
    if (start >= 0xf0000) continue;
    const cps: number[] = [];
    for (let cp = start; cp < start + chunk; cp++) cps.push(cp);
    const text = String.fromCodePoint(...cps);
    for (const m of text.matchAll(cased)) {
      const ch = m[0];
      const cp = ch.codePointAt(0)!;
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      if (singleCodePoint(upper) === undefined) {
        const same = sameFullUpper.get(upper);
        if (same === undefined) sameFullUpper.set(upper, [cp]);
        else same.push(cp);
      }
      const candidates = [lower, upper, upper.toLowerCase(), lower.toUpperCase()];
      for (const c of candidates) {
        const other = singleCodePoint(c);
        if (other !== undefined && other !== cp && sameSimpleFold(cp, other)) union(cp, other);
      }
    }
  }

  for (const cps of sameFullUpper.values()) {
    for (let i = 0; i < cps.length; i++) {
      for (let j = i + 1; j < cps.length; j++) {
        if (sameSimpleFold(cps[i]!, cps[j]!)) union(cps[i]!, cps[j]!);
      }
    }
  }

  const groups = new Map<number, number[]>();
  for (const cp of parent.keys()) {
    const r = find(cp);
    let g = groups.get(r);
    if (g === undefined) {
      g = [];
      groups.set(r, g);
    }
    g.push(cp);
  }
  const out = new Map<number, readonly number[]>();
  for (const g of groups.values()) {
    g.sort((x, y) => x - y);
    const frozen = Object.freeze(g);
    for (const cp of g) out.set(cp, frozen);
  }
  return out;
}

function orbitOf(cp: number): readonly number[] | undefined {
  orbits ??= buildOrbits();
  return orbits.get(cp);
}

/**
 * Go's unicode.SimpleFold: the next larger rune equal to `cp` under simple
 * case folding, wrapping to the smallest; `cp` itself when it folds to nothing else.
 */
export function simpleFold(cp: number): number {
  if (cp < 0 || cp > MAX_RUNE) return cp;
  const orbit = orbitOf(cp);
  if (orbit === undefined) return cp;
  for (const x of orbit) if (x > cp) return x;
  return orbit[0]!;
}

/**
 * x/mod zip's fold key: every rune replaced by the smallest rune of its
 * folding set, then ASCII upper case lowered. Two paths collide on a
 * case-insensitive file system iff their keys are equal. Invalid UTF-8 bytes
 * become U+FFFD, as Go's range loop makes them.
 */
export function toFold(s: string): string {
  // ASCII without upper case is its own key; most paths are like that.
  if (/^[\0-@[-\x7f]*$/.test(s)) return s;
  let out = '';
  for (const { rune } of goRunes(s)) {
    let r = rune;
    const orbit = orbitOf(r);
    if (orbit !== undefined) r = orbit[0]!;
    if (r >= 0x41 && r <= 0x5a) r += 0x20;
    out += String.fromCodePoint(r);
  }
  return out;
}

/**
 * Go's strings.EqualFold: equal under simple Unicode case folding. Invalid
 * UTF-8 bytes all read as U+FFFD, so they match each other.
 */
export function equalFold(a: string, b: string): boolean {
  const ra = [...goRunes(a)];
  const rb = [...goRunes(b)];
  if (ra.length !== rb.length) return false;
  for (let i = 0; i < ra.length; i++) {
    let sr = ra[i]!.rune;
    let tr = rb[i]!.rune;
    if (sr === tr) continue;
    if (tr < sr) [sr, tr] = [tr, sr];
    if (tr < 0x80) {
      if (sr >= 0x41 && sr <= 0x5a && tr === sr + 0x20) continue;
      return false;
    }
    let r = simpleFold(sr);
    while (r !== sr && r < tr) r = simpleFold(r);
    if (r !== tr) return false;
  }
  return true;
}

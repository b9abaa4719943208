// Differential tests: generated tricky inputs go to today's Go (the
// oracle's go and x/mod) and to our code; every answer must agree byte for byte,
// error texts included. Skipped, loudly, where the go command is missing.
import { beforeAll, expect, it } from 'vitest';

import { equalFold, simpleFold, toFold } from '../../src/internal/fold.js';
import { goQuote, goQuoteRune, isGoPrint } from '../../src/internal/go-quote.js';
import { decodeGoString } from '../../src/internal/go-string.js';
import {
  canonicalVersion,
  check,
  checkFilePath,
  checkImportPath,
  checkPath,
  checkPathMajor,
  escapePath,
  escapeVersion,
  isPseudoVersion,
  isZeroPseudoVersion,
  matchPathMajor,
  matchPrefixPatterns,
  pathMajorPrefix,
  pseudoVersion,
  pseudoVersionBase,
  pseudoVersionRev,
  pseudoVersionTime,
  splitPathVersion,
  unescapePath,
  unescapeVersion,
} from '../../src/module/index.js';
import * as semver from '../../src/semver/index.js';
import { describeWithGo } from '../oracle/go-env.js';
import { buildGoOracle, type Field, type GoOracle } from '../oracle/xmod-module.js';

const bytes = (hex: string): string => decodeGoString(Buffer.from(hex, 'hex'));

// Path elements chosen to hit every rule; non-ASCII characters are all from
// Unicode 6 or older, so the sample means the same in every Unicode version.
const ELEMENTS = [
  'z',
  'Z',
  'zZ09',
  'a.b',
  'a..b',
  '.',
  '..',
  '...',
  '.a',
  'a.',
  '-a',
  'a-',
  '_a',
  '~',
  'a~',
  'a~1',
  'PROGRA~1',
  'z~09z',
  'z~09z~09',
  'a~b~12',
  'v',
  'v0',
  'v1',
  'v2',
  'v02',
  'v2.0',
  'v10',
  'v2x',
  'CON',
  'con',
  'Con.txt',
  'aux.go',
  'AUX.tar.gz',
  'nul',
  'NUL.',
  'prn2',
  'com1',
  'COM9',
  'com0',
  'LPT0',
  'lpt1.x',
  'lpt',
  'conx',
  'a b',
  ' ',
  'a!b',
  'a#b',
  'a$b',
  'a%b',
  'a&b',
  'a(b)',
  'a+b',
  'a++',
  'a,b',
  'a=b',
  'a@b',
  'a[b]',
  'a^b',
  'a{b}',
  'a"b',
  "a'b",
  'a*b',
  'a<b',
  'a>b',
  'a?b',
  'a`b',
  'a|b',
  'a:b',
  'a;b',
  'a\\b',
  'a\x00b',
  'a\x01',
  'a\tb',
  'a\nb',
  'a\x7f',
  'caf\u00e9',
  'e\u0301',
  '\u00df',
  'stra\u00dfe',
  '\u0130',
  '\u0131',
  '\u212a',
  '\u212b',
  '\u017f',
  '\u01c5',
  '\u0418\u0441\u043f',
  '\u4e2d\u6587',
  '\u0663',
  '\u00bd',
  '\u2013',
  '\uff08x\uff09',
  '\u00a0',
  '\u200b',
  '\u2028',
  '\ufeff',
  '\ue000',
  '\ufffd',
  '\u{1f600}',
  '\u{10400}',
  '\u{1d400}',
  '\u{10fffd}',
  '\u03a3\u03c3\u03c2',
  '\u1e9e',
  '\u0345',
  bytes('ff'),
  bytes('c080'),
  bytes('eda080'),
  bytes('e282'),
  bytes('61f09f98'),
  bytes('c3'),
];

function pathInputs(): string[] {
  const out = new Set<string>([
    '',
    '/',
    'x.y',
    'x.y/',
    '/x.y/z',
    'x.y//z',
    '-x.y/z',
    'X.y/z',
    'x_y.com/z',
    'xy/z',
    'x.y:80/z',
    'gopkg.in/yaml',
    'gopkg.in/yaml.v0',
    'gopkg.in/yaml.v1',
    'gopkg.in/yaml.v2',
    'gopkg.in/yaml.v02',
    'gopkg.in/yaml.v2-unstable',
    'gopkg.in/user/pkg.v3',
    'gopkg.in/v1',
    'gopkg.in/.v1',
    'github.com/Azure/go',
    'github.com/!azure/go',
    'github.com/a/b/v2/v3',
    'example.com/v2',
    'example.com/m/V2',
    'x.y/z/v9999999999999999999',
    'a.b.c/d/e/f/g.h',
    'example.com/a~1/b',
  ]);
  for (const e of ELEMENTS) {
    out.add(e);
    out.add(`example.com/${e}`);
    out.add(`x.y/${e}/v2`);
    out.add(`dir/${e}.go`);
    out.add(`${e}.example.com/m`);
  }
  return [...out];
}

const VERSIONS = [
  '',
  'v',
  'v0',
  'v1',
  'v01',
  'v1.0',
  'v1.00',
  'v1.2.3',
  'v1.2.03',
  'V1.2.3',
  '1.2.3',
  'v1.2.3.4',
  'v1.2.3-',
  'v1.2.3-0',
  'v1.2.3-00',
  'v1.2.3-01',
  'v1.2.3-0a',
  'v1.2.3-a.',
  'v1.2.3-a..b',
  'v1.2.3-alpha',
  'v1.2.3-alpha.1',
  'v1.2.3-alpha.10',
  'v1.2.3-alpha.2',
  'v1.2.3-alpha.beta',
  'v1.2.3-Alpha',
  'v1.2.3-1',
  'v1.2.3-11',
  'v1.2.3-2',
  'v1.2.3-rc-1',
  'v1.2.3+',
  'v1.2.3+a',
  'v1.2.3+01',
  'v1.2.3+a.',
  'v1.2.3+a_b',
  'v1.2.3-pre+build.5',
  'v2.0.0+incompatible',
  'v2.0.0+INCOMPATIBLE',
  'v2+incompatible',
  'v1.0.0+incompatible',
  'v2.0.0-pre+incompatible',
  'v18446744073709551616.0.0',
  'v99999999999999999999.1.1',
  'v1.2.3-\u00e9',
  'v1.2.3\u00e9',
  'v1.2.3-a b',
  'v2.0.0!',
  'v1.0.0-RC1',
  'v1.2.3/go.mod',
  // Pseudo-versions, good and bad.
  'v0.0.0-20060102150405-abcdefabcdef',
  'v0.0.0-20060102150405-abcdefabcdef+incompatible',
  'v1.0.0-20060102150405-abcdefabcdef',
  'v2.0.0-20060102150405-abcdefabcdef',
  'v1.2.4-0.20060102150405-abcdefabcdef',
  'v1.2.4-0.20060102150405-abcdefabcdef+incompatible',
  'v1.2.0-0.20060102150405-abcdefabcdef',
  'v1.2.3-pre.0.20060102150405-abcdefabcdef',
  'v1.2.3-pre.1.0.20060102150405-abcdefabcdef',
  'v1.2.3-0.0.20060102150405-abcdefabcdef',
  'v0.0.0-00010101000000-000000000000',
  'v1.0.0-00010101000000-000000000000',
  'v2.0.0-00010101000000-000000000000',
  'v0.0.0-00000101000000-abc',
  'v0.0.0-20061302150405-abc',
  'v0.0.0-20060230150405-abc',
  'v0.0.0-20040229150405-abc',
  'v0.0.0-19000229000000-abc',
  'v0.0.0-20000229000000-abc',
  'v0.0.0-20060102240000-abc',
  'v0.0.0-20060102236000-abc',
  'v0.0.0-20060102235960-abc',
  'v0.0.0-20060100000000-abc',
  'v0.0.0-2006010215040-abc',
  'v0.0.0-200601021504050-abc',
  'v0.0.0-20060102150405-',
  'v0.0.0-20060102150405-ab_c',
  'v0.0.0-20060102150405-ABC',
  'v1.2.3-0.20060102150405-abc.def',
  'v0.0.0-0.20060102150405-abc',
  'v1.0.0-0.20060102150405-abc',
  'v1.10.100-0.20060102150405-abc',
  'v1.2.3-x.0.20060102150405-abc+meta.1',
];

const PATH_MAJORS = [
  '',
  '/v2',
  '/v3',
  '.v0',
  '.v1',
  '.v2',
  '.v1-unstable',
  '.v2-unstable',
  '/v1',
  'v2',
  'x',
  '/vx',
];

const GLOBS = [
  '',
  ',',
  '*',
  '*/*',
  'example.com',
  'example.com/',
  'example.*',
  '*.com/m',
  'ex*le.com/m/*',
  'example.com/m/v2',
  '[a-z]*.com',
  '[^a-z]*',
  '[]a]',
  '[a-]',
  '[\\]]*',
  '\\',
  'a\\',
  '?xample.com',
  'example.com/[',
  'exam[p-q]le.com,nope',
  '*/m,',
  '\u00e9*',
  '[\u00e0-\u00ff]*',
  '**/m',
  'x/y/z/w',
];
const TARGETS = [
  'example.com/m',
  'example.com/m/v2',
  'example.com',
  'ex.com/m',
  '\u00e9x.com/m',
  'a/b/c/d',
  '[a',
  ']',
  'example.com/[',
];

// Maps a (value | thrown Error) to the [value, error-text] pair the oracle prints.
function tryPair(f: () => string): [Field, Field] {
  try {
    return [f(), null];
  } catch (e) {
    return [null, (e as Error).message];
  }
}

const errMsg = (e: Error | undefined): Field => (e === undefined ? null : e.message);
const bool = (b: boolean): string => (b ? 'true' : 'false');

describeWithGo("differential against today's Go (x/mod and the unicode package)", () => {
  let go: GoOracle;
  let goAssigned: (cp: number) => boolean;
  let goBits: (cp: number) => number;
  let ucd: Awaited<ReturnType<GoOracle['ucd']>>;

  beforeAll(async () => {
    go = await buildGoOracle();
    ucd = await go.ucd();
    const starts = ucd.runs.map((r) => r[0]);
    goBits = (cp: number): number => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= cp) lo = mid;
        else hi = mid - 1;
      }
      return ucd.runs[lo]![1];
    };
    goAssigned = (cp) => (goBits(cp) & 2) !== 0;
  });

  /** Whether every character of `s` existed in Go's Unicode version (else properties may differ). */
  const knownToGo = (s: string): boolean =>
    [...s].every((c) => {
      const cp = c.codePointAt(0)!;
      return (cp >= 0xd800 && cp <= 0xdfff) || goAssigned(cp);
    });

  it('paths: Check*Path, SplitPathVersion, escaping, Quote, fold key', async () => {
    const inputs = pathInputs();
    expect(inputs.length).toBeGreaterThan(400);
    for (const s of inputs) expect(knownToGo(s), JSON.stringify(s)).toBe(true);
    const answers = await go.ask(inputs.map((s) => ['path', s] as const));
    inputs.forEach((s, i) => {
      const split = splitPathVersion(s);
      const ours: Field[] = [
        errMsg(checkPath(s)),
        errMsg(checkImportPath(s)),
        errMsg(checkFilePath(s)),
        split.prefix,
        split.pathMajor,
        bool(split.ok),
        ...tryPair(() => escapePath(s)),
        ...tryPair(() => unescapePath(s)),
        ...tryPair(() => escapeVersion(s)),
        ...tryPair(() => unescapeVersion(s)),
        goQuote(s),
        goQuote(s),
        toFold(s),
      ];
      expect(ours, JSON.stringify(s)).toEqual(answers[i]);
    });
  });

  it('versions: semver parts, CanonicalVersion, pseudo-version parsing', async () => {
    const answers = await go.ask(VERSIONS.map((v) => ['ver', v] as const));
    VERSIONS.forEach((v, i) => {
      const ours: Field[] = [
        bool(semver.isValid(v)),
        semver.canonical(v),
        semver.major(v),
        semver.majorMinor(v),
        semver.prerelease(v),
        semver.build(v),
        canonicalVersion(v),
        bool(isPseudoVersion(v)),
        bool(isZeroPseudoVersion(v)),
        ...tryPair(() => String(Math.floor(pseudoVersionTime(v).getTime() / 1000))),
        ...tryPair(() => pseudoVersionRev(v)),
        ...tryPair(() => pseudoVersionBase(v)),
      ];
      expect(ours, v).toEqual(answers[i]);
    });
  });

  it('versions: Compare and Max of every pair, and Sort', async () => {
    const pairs = VERSIONS.flatMap((a) => VERSIONS.map((b) => [a, b] as const));
    const answers = await go.ask(pairs.map(([a, b]) => ['cmp', a, b] as const));
    pairs.forEach(([a, b], i) => {
      expect([String(semver.compare(a, b)), semver.max(a, b)], `${a} vs ${b}`).toEqual(answers[i]);
    });
    const shuffled = [...VERSIONS].reverse();
    const [sorted] = await go.ask([['sort', ...shuffled]]);
    expect(semver.sortVersions(shuffled)).toEqual(sorted);
  });

  it('module.Check, CheckPathMajor, MatchPathMajor, PathMajorPrefix', async () => {
    const paths = [
      'example.com/m',
      'example.com/m/v2',
      'example.com/m/v3',
      'gopkg.in/yaml.v1',
      'gopkg.in/yaml.v2',
      'gopkg.in/yaml.v0',
      'gopkg.in/yaml.v2-unstable',
      'example.com/m/v1',
      'Example.com/m',
      '',
    ];
    const checks = paths.flatMap((p) => VERSIONS.map((v) => [p, v] as const));
    const majors = PATH_MAJORS.flatMap((pm) => VERSIONS.map((v) => [v, pm] as const));
    const answers = await go.ask([
      ...checks.map(([p, v]) => ['check', p, v] as const),
      ...majors.map(([v, pm]) => ['pm', v, pm] as const),
    ]);
    checks.forEach(([p, v], i) => {
      expect([errMsg(check(p, v))], `${p}@${v}`).toEqual(answers[i]);
    });
    majors.forEach(([v, pm], i) => {
      const prefix = tryPair(() => pathMajorPrefix(pm));
      const ours = [
        errMsg(checkPathMajor(v, pm)),
        bool(matchPathMajor(v, pm)),
        prefix[0] ?? `panic: ${prefix[1]}`,
      ];
      expect(ours, `${v} ${pm}`).toEqual(answers[checks.length + i]);
    });
  });

  it('module.PseudoVersion', async () => {
    const majors = ['', 'v0', 'v1', 'v2', 'v10'];
    const olders = [
      '',
      'v0.0.0',
      'v1.2.3',
      'v1.2',
      'v1',
      'v1.2.3-pre',
      'v1.2.3-pre+incompatible',
      'v2.0.0+incompatible',
      'v1.2.9',
      'v1.2.99',
      'v1.2.3+meta',
      'bad',
      'v1.2.3-0.20060102150405-abc',
    ];
    // Seconds since 1970, including times before 1970, year 1 and past 9999.
    const times = [0, 1136214245, -62135596800, -1, 253402300799, 253402300800, 1700000000];
    const revs = ['abcdefabcdef', '0123456789ab', 'x'];
    const qs: [string, string, number, string][] = [];
    for (const m of majors)
      for (const o of olders) for (const t of times) qs.push([m, o, t, revs[qs.length % 3]!]);
    const answers = await go.ask(qs.map(([m, o, t, r]) => ['pseudo', m, o, String(t), r] as const));
    qs.forEach(([m, o, t, r], i) => {
      expect([pseudoVersion(m, o, new Date(t * 1000), r)], `${m} ${o} ${t}`).toEqual(answers[i]);
    });
  });

  it('module.MatchPrefixPatterns (path.Match underneath)', async () => {
    const qs = GLOBS.flatMap((g) => TARGETS.map((t) => [g, t] as const));
    const answers = await go.ask(qs.map(([g, t]) => ['match', g, t] as const));
    qs.forEach(([g, t], i) => {
      expect([bool(matchPrefixPatterns(g, t))], `${g} vs ${t}`).toEqual(answers[i]);
    });
  });

  it('strings.EqualFold on tricky pairs', async () => {
    const words = [
      'k',
      'K',
      '\u212a',
      's',
      'S',
      '\u017f',
      '\u00df',
      'ss',
      '\u1e9e',
      'i',
      'I',
      '\u0130',
      '\u0131',
      '\u03c3',
      '\u03c2',
      '\u03a3',
      bytes('ff'),
      bytes('fe'),
      '\ufffd',
      '',
      'con',
      'CON',
      '\u01c4',
      '\u01c5',
      '\u01c6',
      '\u13b0',
      '\uab80',
    ];
    const qs = words.flatMap((a) => words.map((b) => [a, b] as const));
    const answers = await go.ask(qs.map(([a, b]) => ['eqf', a, b] as const));
    qs.forEach(([a, b], i) => {
      expect([bool(equalFold(a, b))], `${JSON.stringify(a)} ~ ${JSON.stringify(b)}`).toEqual(
        answers[i],
      );
    });
  });

  it('%q of runes and SimpleFold on a sample of runes', async () => {
    const cps: number[] = [-1, 0x110000, 0xd800, 0xdfff];
    for (let cp = 0; cp < 0x600; cp++) cps.push(cp);
    for (let cp = 0x1e00; cp < 0x2200; cp++) cps.push(cp);
    for (let cp = 0xfe00; cp < 0x10000; cp++) cps.push(cp);
    cps.push(0x1f600, 0x10400, 0x1d400, 0xe0001, 0xf0000, 0x10ffff, 0x13b0, 0xab80, 0xa64a, 0x1c88);
    const sample = cps.filter(
      (cp) => cp < 0 || cp > 0x10ffff || goAssigned(cp) || (cp >= 0xd800 && cp <= 0xdfff),
    );
    const answers = await go.ask(sample.map((cp) => ['rune', String(cp)] as const));
    sample.forEach((cp, i) => {
      const answer = answers[i]!;
      expect(goQuoteRune(cp), `U+${cp.toString(16)}`).toBe(answer[0]);
      // A fold partner added after Go's Unicode version is a known, documented difference.
      const fold = simpleFold(cp);
      if (cp < 0 || cp > 0x10ffff || goAssigned(fold)) {
        expect(String(fold), `SimpleFold U+${cp.toString(16)}`).toBe(answer[1]);
      }
    });
  });

  it('every rune the oracle Go knows: IsPrint, IsLetter and SimpleFold agree', () => {
    expect(ucd.folds.size).toBeGreaterThan(2000);
    const letter = /^\p{L}$/u;
    const mismatches: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (!goAssigned(cp)) continue;
      const bits = goBits(cp);
      const ch = String.fromCodePoint(cp);
      if (isGoPrint(cp) !== ((bits & 1) !== 0)) mismatches.push(`IsPrint U+${cp.toString(16)}`);
      const isLetter = cp < 0xd800 || cp > 0xdfff ? letter.test(ch) : false;
      if (isLetter !== ((bits & 4) !== 0)) mismatches.push(`IsLetter U+${cp.toString(16)}`);
      const ours = simpleFold(cp);
      const theirs = ucd.folds.get(cp) ?? cp;
      // A fold partner added after Go's Unicode version is a known, documented difference.
      if (ours !== theirs && goAssigned(ours)) {
        mismatches.push(
          `SimpleFold U+${cp.toString(16)}: ours U+${ours.toString(16)}, Go U+${theirs.toString(16)}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
  });
});

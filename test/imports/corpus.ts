// Go source headers for the import reader's differential tests: hand-written
// cases for each rule, and a seeded generator that combines the syntax
// (comments everywhere, odd spacing, CRLF, a byte order mark, non-ASCII text
// before an import on its line, raw and escaped paths, aliases, groups,
// semicolons) and then damages some files. Only inputs come from here; every
// expected value comes from Go.
import { Rng } from '../modfetch/gen-repos.js';

export interface SourceCase {
  name: string;
  src: Buffer;
  /** Name the file `x_test.go` instead of `x.go`. */
  test?: boolean;
  /**
   * Holds a well-formed `//line` directive: go list moves the positions
   * after it, the reader keeps the physical ones (go/parser's unadjusted).
   */
  lineDirective?: boolean;
}

const b = (s: string): Buffer => Buffer.from(s, 'utf8');
const bin = (s: string): Buffer => Buffer.from(s, 'latin1');

export const handwritten: SourceCase[] = [
  { name: 'single import', src: b('package p\n\nimport "fmt"\n') },
  {
    name: 'group with alias, dot and blank',
    src: b('package p\n\nimport (\n\t"fmt"\n\tf "fmt"\n\t. "strings"\n\t_ "embed"\n)\n'),
  },
  {
    name: 'semicolons',
    src: b('package p; import ("example.com/a"; "example.com/b"); import "c"; func f() {}'),
  },
  {
    name: 'comments everywhere',
    src: b(
      '/* c */ // x\n//go:build linux\n\n// doc\npackage /* c */ p // c\n/* c */ import /* c */ ( /* c */ a /* c */ "example.com/a" /* c */ ; "example.com/b" // c\n) // c\n',
    ),
  },
  {
    name: 'crlf',
    src: b('package p\r\n\r\nimport (\r\n\t"example.com/a"\r\n\tb "example.com/b"\r\n)\r\n'),
  },
  { name: 'bom', src: b('\ufeffpackage p\nimport "example.com/a"\n') },
  { name: 'bom, import on line 1', src: b('\ufeffpackage p; import z "example.com/a"') },
  { name: 'bom twice', src: b('\ufeff\ufeffpackage p; import "example.com/a"') },
  { name: 'bom in the middle', src: b('package p\nimport \ufeff"example.com/a"\n') },
  {
    name: 'utf-16 bom',
    src: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('package p\n', 'utf16le')]),
  },
  {
    name: 'non-ascii before the import on its line',
    src: b('package p\n/* ü€😀 */ import "example.com/a"\n'),
  },
  {
    name: 'non-ascii alias',
    src: b('package pä\nimport ( é "example.com/b"; ñ "example.com/c" )\n'),
  },
  { name: 'raw string', src: b('package p\nimport `example.com/raw`\n') },
  { name: 'raw string with cr', src: b('package p\nimport `example.com/r\raw`\n') },
  { name: 'raw string with newline', src: b('package p\nimport `example.com/r\naw`\n') },
  { name: 'escapes', src: b('package p\nimport "example.com/\\u00e9\\x41\\101\\U0001F600"\n') },
  { name: 'escape to invalid utf-8', src: b('package p\nimport "example.com/\\xff"\n') },
  { name: 'unknown escape', src: b('package p\nimport "example.com/\\q"\n') },
  { name: 'short unicode escape', src: b('package p\nimport "\\u12"\n') },
  { name: 'surrogate escape', src: b('package p\nimport "\\uD800"\n') },
  { name: 'escaped quote', src: b('package p\nimport "a\\"b"\n') },
  { name: 'unterminated string', src: b('package p\nimport "a\n') },
  { name: 'unterminated string at eof', src: b('package p\nimport "a') },
  { name: 'unterminated raw string', src: b('package p\nimport `a') },
  { name: 'empty group', src: b('package p\nimport ()\nimport (\n)\n') },
  { name: 'missing path', src: b('package p\nimport x\n') },
  { name: 'import at eof', src: b('package p\nimport "a"\nimport') },
  { name: 'path not a string', src: b('package p\nimport 42\n') },
  { name: 'two paths on a line', src: b('package p\nimport "a" "b"\n') },
  { name: 'comma in group', src: b('package p\nimport ("a", "b")\n') },
  { name: 'two paths in a group', src: b('package p\nimport ("a" "b")\n') },
  { name: 'unterminated group', src: b('package p\nimport ( "a" ') },
  { name: 'no package clause', src: b('import "a"\n') },
  { name: 'no package name', src: b('package\nimport "a"\n') },
  { name: 'package name a number', src: b('package 9x\n') },
  { name: 'package keyword as name', src: b('package func\n') },
  { name: 'package _', src: b('package _\nimport "a"\n') },
  { name: 'unterminated comment', src: b('package p\n/* abc') },
  { name: 'unterminated comment before package', src: b('/* abc\npackage p') },
  { name: 'slash in header', src: b('package p\nimport "a"\n/x\n') },
  { name: 'nul in header', src: bin('package p\x00\nimport "a"\n') },
  { name: 'nul in leading comment', src: bin('// \x00\npackage p\n') },
  { name: 'nul after imports', src: bin('package p\nimport "a"\nvar x = "\x00"\n') },
  { name: 'nul after a syntax error', src: bin('package p\nimport "a\nvar x = "\x00"\n') },
  { name: 'invalid utf-8 in leading comment', src: bin('// \xff\npackage p\nimport "a"\n') },
  { name: 'invalid utf-8 alias', src: bin('package p\nimport \xff "a"\n') },
  { name: 'invalid utf-8 in path', src: bin('package p\nimport "a\xffb"\n') },
  { name: 'form feed', src: b('package p\f\nimport "a"\n') },
  { name: 'keyword as alias', src: b('package p\nimport func "a"\n') },
  { name: 'importx', src: b('package p\nimportx "a"\n') },
  { name: 'import then other token', src: b('package p\nimport "a"; var x = 1; import "b"\n') },
  { name: 'import after declaration', src: b('package p\nvar x int\nimport "a"\n') },
  { name: 'newline before group', src: b('package p\nimport\n(\n"a"\n)\n') },
  { name: 'empty file', src: b('') },
  { name: 'only comments', src: b('// a\n/* b */\n') },
  { name: 'documentation package', src: b('package documentation\nimport "example.com/a"\n') },
  { name: 'no newline at end', src: b('package p; import "example.com/a"') },
  { name: 'line comment at eof', src: b('package p\nimport "example.com/a" // c') },
  {
    name: 'comment with newline ends the spec',
    src: b('package p\nimport "example.com/a" /* c\n */ "example.com/b"\n'),
  },
  { name: 'unterminated string after the header', src: b('package p\nimport "a"\n"b\n') },
  { name: 'hex float alias', src: b('package p\nimport ( 0x1p "a" )\n') },
  { name: 'octal digits', src: b('package p\nimport ( 08 "a" )\n') },
  { name: 'bad separator', src: b('package p\nimport ( 1__0 "a" )\n') },
  { name: 'binary radix point', src: b('package p\nimport ( 0b1.0 "a" )\n') },
  { name: 'exponent without digits', src: b('package p\nimport ( 1e+ "a" )\n') },
  { name: 'hex mantissa', src: b('package p\nimport ( 0x1.0 "a" )\n') },
  { name: 'imaginary', src: b('package p\nimport ( 0x1i "a" )\n') },
  { name: 'rune literal', src: b('package p\nimport ( \'ab\' "a" )\n') },
  { name: 'empty rune', src: b("package p\nimport ''\n") },
  { name: 'curly quotes', src: b('package p\nimport “a”\n') },
  { name: 'illegal character', src: b('package p\nimport @"a"\n') },
  { name: 'ellipsis', src: b('package p\nimport ... "a"\n') },
  { name: 'many errors', src: b('package p\nimport (\n' + '1\n'.repeat(14) + ')\n') },
  { name: 'invalid path with space', src: b('package p\nimport "a b"\n') },
  { name: 'empty path', src: b('package p\nimport ""\n') },
  { name: 'path with bang', src: b('package p\nimport "a!b"\n') },
  { name: 'path with tab', src: b('package p\nimport "\\t"\n') },
  { name: 'invalid path after alias', src: b('package p\nimport (\n\t"ok"\n\tz "a b"\n)\n') },
  { name: 'line directive, bad line', src: b('package p\n//line foo.go:x\nimport "a"\n') },
  { name: 'line directive, zero column', src: b('package p\n//line foo.go:10:0\nimport "a"\n') },
  { name: 'line directive, zero line', src: b('package p\n/*line foo.go:0*/ import "a"\n') },
  {
    name: 'line directive, huge line',
    src: b('package p\n//line foo.go:99999999999999999999\nimport "a"\n'),
  },
  {
    name: 'line directive, wrapping line',
    src: b('package p\n//line foo.go:18446744073709551615\nimport "a"\n'),
    lineDirective: true,
  },
  {
    name: 'line directive',
    src: b('package p\n//line foo.go:10:5\nimport ( "a"; b "c" )\n/*line :20*/import "d"\n'),
    lineDirective: true,
  },
  { name: 'line directive not at line start', src: b('package p\n //line foo.go:x\nimport "a"\n') },
  { name: 'line directive with cr', src: b('package p\r\n//line foo.go:x\r\nimport "a"\r\n') },
  { name: 'test file', src: b('package p\nimport "example.com/m/v2"\n'), test: true },
  {
    name: 'external test file',
    src: b('package p_test\nimport ( "testing"; . "example.com/m" )\n'),
    test: true,
  },
  { name: 'cgo', src: b('package p\n\nimport "C"\nimport "example.com/a"\n') },
  { name: 'go:build ignore', src: b('//go:build ignore\n\npackage p\nimport "example.com/a"\n') },
  { name: '+build line', src: b('// +build linux,!cgo\n\npackage p\nimport "example.com/a"\n') },
  {
    name: 'duplicate import',
    src: b('package p\nimport "example.com/a"\nimport x "example.com/a"\n'),
  },
  { name: 'relative import', src: b('package p\nimport "./x"\n') },
];

const PATHS = [
  'fmt',
  'example.com/m',
  'example.com/m/sub',
  'example.com/m/v2',
  'example.com/m/v2/pkg',
  'example.com/mother',
  'gopkg.in/yaml.v2',
  'example.com/ü/ö',
  'example.com/a-b_c.d~e',
];

const ALIASES = ['x', '_', '.', 'é', 'alias9', 'ß'];

const COMMENTS = ['/* c */', '/* ü€ */', '/*\n*/', '/**/', '// line\n', '//go:build linux\n'];

const SPACES = [' ', '  ', '\t', ' \t '];

const MUTATIONS = [
  '"',
  '`',
  '(',
  ')',
  ';',
  '/',
  '*',
  '\\',
  '\x00',
  '\xff',
  "'",
  '\n',
  '.',
  'x',
  '0',
  '\f',
  '\r',
  '\xef\xbb\xbf',
];

function pathLiteral(rng: Rng, path: string): string {
  switch (rng.int(5)) {
    case 0:
      return '`' + path + '`';
    case 1:
      // One escaped character.
      return (
        '"' +
        [...path]
          .map((c, i) =>
            i === 1 && c.charCodeAt(0) < 0x80 ? `\\x${c.charCodeAt(0).toString(16)}` : c,
          )
          .join('') +
        '"'
      );
    case 2:
      return '"' + path.replace('/', '\\u002f') + '"';
    default:
      return '"' + path + '"';
  }
}

function gap(rng: Rng): string {
  let s = rng.pick(SPACES);
  if (rng.chance(0.3)) s += rng.pick(COMMENTS) + rng.pick(SPACES);
  return s;
}

// Most paths are made unique to their case: `go list` reports where a
// path it cannot resolve is imported only for the first file importing it.
function spec(rng: Rng, unique: string): string {
  const name = rng.chance(0.4) ? rng.pick(ALIASES) + gap(rng) : '';
  const p = rng.pick(PATHS);
  return (
    name + pathLiteral(rng, p !== 'fmt' && rng.chance(0.7) ? `${p}/${unique}${rng.int(9)}` : p)
  );
}

function decl(rng: Rng, nl: string, unique: string): string {
  if (rng.chance(0.4)) return 'import' + gap(rng) + spec(rng, unique);
  const n = rng.int(4);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    parts.push(spec(rng, unique) + (rng.chance(0.3) ? gap(rng) : ''));
  }
  const sep = (): string => (rng.chance(0.5) ? ';' + gap(rng) : nl + (rng.chance(0.5) ? '\t' : ''));
  let body = rng.chance(0.5) ? nl + '\t' : gap(rng);
  body += parts.map((p, i) => p + (i < parts.length - 1 || rng.chance(0.6) ? sep() : '')).join('');
  return 'import' + gap(rng) + '(' + body + ')';
}

/** The `count` generated cases of run `seed`. */
export function generated(seed: number, count: number): SourceCase[] {
  const out: SourceCase[] = [];
  for (let i = 0; i < count; i++) {
    const rng = new Rng(seed * 100_003 + i);
    const nl = rng.chance(0.3) ? '\r\n' : '\n';
    let s = '';
    if (rng.chance(0.15)) s += '\ufeff';
    if (rng.chance(0.3)) s += rng.pick(COMMENTS) + nl;
    if (rng.chance(0.2)) s += '//go:build !windows' + nl + nl;
    s += 'package' + gap(rng) + rng.pick(['p', 'p_test', 'pä']) + (rng.chance(0.3) ? ';' : '') + nl;
    const decls = rng.int(4);
    for (let d = 0; d < decls; d++) {
      // Non-ASCII text before a declaration on its own line: byte and rune
      // columns differ from here on.
      if (rng.chance(0.25)) s += rng.pick(['/* ü€😀 */ ', '/* é */', '\t']);
      s += decl(rng, nl, `s${seed}c${i}x`) + (rng.chance(0.3) ? ';' + gap(rng) : '') + nl;
    }
    if (rng.chance(0.5))
      s += rng.pick(['func f() {}', 'var x = 1', 'type t int', 'const c = "\\q"']) + nl;
    let src = Buffer.from(s, 'utf8');
    const damage = rng.int(10);
    if (damage < 3) {
      // A byte inserted, deleted, or the file cut short.
      const at = rng.int(src.length + 1);
      if (damage === 0) {
        src = Buffer.concat([src.subarray(0, at), bin(rng.pick(MUTATIONS)), src.subarray(at)]);
      } else if (damage === 1) {
        src = Buffer.concat([src.subarray(0, at), src.subarray(at + 1)]);
      } else {
        src = src.subarray(0, at);
      }
    }
    out.push({ name: `seed ${seed} case ${i}`, src, test: rng.chance(0.2) });
  }
  return out;
}

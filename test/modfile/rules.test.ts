// Behaviour taken from current x/mod sources and cmd/go, as unit tests (the
// differential test against today's x/mod is go-differential.test.ts): newer verbs, error positions, the vendor-gate
// version, retraction checks and message shortening. Expected texts are the
// upstream wording (x/mod modfile/rule.go, cmd/go modload.ShortMessage).
import { describe, expect, it } from 'vitest';
import {
  deprecation,
  goLanguageVersion,
  isRetracted,
  ModfileError,
  modulePath,
  parse,
  parseLax,
  parseWork,
  retractionMessage,
  shortenRationale,
} from '../../src/modfile/index.js';

function errorOf(f: () => unknown): ModfileError {
  try {
    f();
  } catch (e) {
    if (e instanceof ModfileError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('ModulePath scanner (upstream modulePathTests)', () => {
  const table: [string, string][] = [
    ['module "github.com/rsc/vgotest"', 'github.com/rsc/vgotest'],
    ['module  github.com/rsc/vgotest', 'github.com/rsc/vgotest'],
    ['module `github.com/rsc/vgotest`', 'github.com/rsc/vgotest'],
    ['module "gopkg.in/check.v1\n"', ''],
    ['module "gopkg.in/check.v1"\r\n', 'gopkg.in/check.v1'],
    ['module gopkg.in/check.v1\r\n', 'gopkg.in/check.v1'],
    ['module \n"gopkg.in/check.v1"\n\n', ''],
    ['module "gopkg.in/check.v1"asd', ''],
    ['module  \nmodule a/b/c ', 'a/b/c'],
    ['module "   "', '   '],
    ['module   ', ''],
    ['module "  a/b/c  "', '  a/b/c  '],
    ['module "github.com/rsc/vgotest1" // with a comment', 'github.com/rsc/vgotest1'],
  ];
  for (const [input, want] of table) {
    it(JSON.stringify(input), () => expect(modulePath(input)).toBe(want));
  }
});

describe('newer verbs (current x/mod)', () => {
  it('accepts toolchain, godebug, tool and ignore strictly', () => {
    const f = parse(
      'go.mod',
      'module m\ngo 1.23.0\ntoolchain go1.23.4\ngodebug (\n\tpanicnil=1\n)\ntool example.com/t\nignore ./testdata\n',
    );
    expect(f.toolchain?.name).toBe('go1.23.4');
    expect(f.godebug.map((g) => [g.key, g.value])).toEqual([['panicnil', '1']]);
    expect(f.tool.map((t) => t.path)).toEqual(['example.com/t']);
    expect(f.ignore.map((t) => t.path)).toEqual(['./testdata']);
    expect(f.go?.version).toBe('1.23.0');
  });

  it('reports their errors with upstream texts and block columns', () => {
    const e = errorOf(() =>
      parse(
        'go.mod',
        'module m\ntoolchain 1.21\ngodebug (\n\tx\n)\ntool a b\nignore\ngo 1.21.0-x\n',
      ),
    );
    expect(e.message).toBe(
      [
        "go.mod:2: invalid toolchain version '1.21': must match format go1.23.0 or default",
        'go.mod:4:2: usage: godebug key=value',
        'go.mod:6: tool directive expects exactly one argument',
        'go.mod:7: ignore directive expects exactly one argument',
        "go.mod:8: invalid go version '1.21.0-x': must match format 1.23.0",
      ].join('\n'),
    );
    expect(e.errors.map((p) => [p.line, p.column])).toEqual([
      [2, 1],
      [4, 2],
      [6, 1],
      [7, 1],
      [8, 1],
    ]);
  });

  it('lenient parsing ignores main-module-only verbs but reads ignore', () => {
    const f = parseLax('go.mod', 'module m\ntoolchain junk\ngodebug x\ntool a b\nignore ./x\n');
    expect(f.toolchain).toBeUndefined();
    expect(f.ignore.map((i) => i.path)).toEqual(['./x']);
  });

  it('applies a version fixer to retractions, needing a module line', () => {
    const fix = (_p: string, v: string): string => v;
    expect(errorOf(() => parse('go.mod', 'retract v1.0.0\n', { fix })).message).toBe(
      'go.mod:1: no module directive found, so retract cannot be used',
    );
  });
});

describe('go.work', () => {
  it('rejects go.mod-only directives', () => {
    expect(errorOf(() => parseWork('go.work', 'go 1.22\nmodule m\n')).message).toBe(
      'go.work:2: unknown directive: module',
    );
  });
});

describe('vendor gate language version', () => {
  const table: [string, string | undefined][] = [
    ['module m\ngo 1.24\n', '1.24'],
    ['module m\ngo 1.24.3\n', '1.24'],
    ['module m\ngo 1.21rc1\n', '1.21'],
    ['module m\ngo v1.13\n', undefined],
    ['module m\ngo v1.13.1\n', '1.13'],
    ['module m\ngo 1.21.0-foo\n', '1.21'],
    ['module m\n', undefined],
    ['module m\ngo 1\n', undefined],
    ['module m\nmodule n\ngo 1.24\n', undefined],
  ];
  for (const [text, want] of table) {
    it(JSON.stringify(text), () => expect(goLanguageVersion(text)).toBe(want));
  }
});

describe('retractions and deprecation', () => {
  const f = parseLax(
    'go.mod',
    '// Deprecated: use example.com/new\nmodule m\nretract [v1.0.0, v1.2.0] // broken\nretract v1.5.0\n',
  );

  it('finds retracted versions by semver order', () => {
    expect(isRetracted('v1.1.9', f.retract)).toBe(true);
    expect(isRetracted('v1.2.0', f.retract)).toBe(true);
    expect(isRetracted('v1.2.1', f.retract)).toBe(false);
    expect(isRetracted('v1.5.0', f.retract)).toBe(true);
  });

  it("words cmd/go's retraction error", () => {
    expect(retractionMessage('v1.0.0', f.retract)).toBe('retracted by module author: broken');
    expect(retractionMessage('v1.5.0', f.retract)).toBe('retracted by module author');
    expect(retractionMessage('v1.3.0', f.retract)).toBeUndefined();
  });

  it('reads the deprecation', () => {
    expect(deprecation(f)).toBe('use example.com/new');
  });

  it('shortens like modload.ShortMessage', () => {
    expect(shortenRationale('  first line  \nsecond')).toBe('first line');
    expect(shortenRationale('')).toBe('retracted by module author');
    expect(shortenRationale('', '')).toBe('');
    expect(shortenRationale('x'.repeat(500))).toBe('x'.repeat(500));
    expect(shortenRationale('x'.repeat(501))).toBe('(message omitted: too long)');
    expect(shortenRationale('é'.repeat(251))).toBe('(message omitted: too long)');
    expect(shortenRationale('bell\u0007')).toBe(
      '(message omitted: contains non-printable characters)',
    );
    expect(shortenRationale('tab\tand\u00a0nbsp')).toBe('tab\tand\u00a0nbsp');
  });
});

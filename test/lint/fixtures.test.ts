// Repositories with one mistake each, in single- and multi-module layouts,
// each giving exactly the expected findings (code, file, line, column, in
// UTF-16 columns counted by hand from the fixture text); clean repositories
// give none. The go command's verdicts on the same layouts are in the
// *-go.test.ts files next to this one.
import { describe, expect, it } from 'vitest';
import { brief, lintFacts, type TreeFacts } from './harness.js';

const mod = (p: string, extra = ''): string => `module ${p}\n\ngo 1.21\n${extra}`;
const pkg = (name: string): string => `package ${name}\n`;

function findings(facts: TreeFacts) {
  const got = lintFacts(facts);
  expect(got.errors).toEqual([]);
  return got.findings.map(brief);
}

describe('old-major-import', () => {
  it('single module at /v2: plain, aliased, test, build-constrained files; vendor, testdata, _dirs and nested modules left out', () => {
    const facts: TreeFacts = {
      files: {
        'go.mod': mod('example.com/r/v2'),
        'a.go':
          'package r\n\nimport (\n\t"fmt"\n\told "example.com/r/foo"\n\t"example.com/r/v2/foo"\n\t"example.com/r/nested"\n)\n',
        'b_test.go': 'package r_test\n\nimport "example.com/r"\n',
        'c_linux.go':
          '//go:build linux\n\npackage r\n\nimport _ "example.com/r/v2/x"\nimport "example.com/r/bar"\n',
        // Non-ASCII before the path: the column counts characters, not bytes.
        'd.go': 'package r\n\nimport /* é */ "example.com/r/baz"\n',
        'foo/foo.go': 'package foo\n\nimport "example.com/r/v2"\n',
        'vendor/example.com/r/foo/foo.go': 'package foo\n\nimport "example.com/r"\n',
        'testdata/t.go': 'package t\n\nimport "example.com/r"\n',
        '_tools/t.go': 'package t\n\nimport "example.com/r"\n',
        'nested/go.mod': mod('example.com/r/nested'),
        'nested/n.go': 'package n\n\nimport "example.com/r"\n',
      },
    };
    expect(findings(facts)).toEqual([
      { code: 'old-major-import', file: 'a.go', line: 5, column: 6 },
      { code: 'old-major-import', file: 'b_test.go', line: 3, column: 8 },
      { code: 'old-major-import', file: 'c_linux.go', line: 6, column: 8 },
      { code: 'old-major-import', file: 'd.go', line: 3, column: 16 },
    ]);
    const f = lintFacts(facts).findings[0];
    expect(f?.message).toContain('example.com/r/foo');
    expect(f?.fix).toBe(
      'Import "example.com/r/v2/foo" instead (the same package in this major version).',
    );
  });

  it('multi-module: a major subdirectory importing its v1 sibling, not the root module', () => {
    expect(
      findings({
        files: {
          'go.mod': mod('example.com/r'),
          'sub/go.mod': mod('example.com/r/sub'),
          'sub/s.go': pkg('sub'),
          'sub/v2/go.mod': mod('example.com/r/sub/v2'),
          'sub/v2/s.go':
            'package sub\n\nimport (\n\t"example.com/r"\n\t"example.com/r/sub/internal/x"\n\t"example.com/r/sub/v2/y"\n)\n',
        },
      }),
    ).toEqual([{ code: 'old-major-import', file: 'sub/v2/s.go', line: 5, column: 2 }]);
  });

  it('gopkg.in: imports of .v2 from .v3', () => {
    expect(
      findings({
        files: {
          'go.mod': mod('gopkg.in/yaml.v3'),
          'y.go': 'package yaml\n\nimport "gopkg.in/yaml.v2/sub"\n',
        },
      }),
    ).toEqual([{ code: 'old-major-import', file: 'y.go', line: 3, column: 8 }]);
  });
});

describe('version-published and version-lower', () => {
  const base: TreeFacts = {
    files: { 'go.mod': mod('example.com/p'), 'sub/go.mod': mod('example.com/p/sub') },
    tags: {
      'v1.0.0': { 'go.mod': mod('example.com/p') },
      'v1.1.0': { 'go.mod': mod('example.com/p') },
      'sub/v0.3.0': { 'sub/go.mod': mod('example.com/p/sub') },
    },
  };

  it('the implied next version was published from a tag since deleted', () => {
    const facts: TreeFacts = {
      ...base,
      published: {
        'example.com/p': {
          mirror: { name: 'proxy.golang.org', versions: ['v1.0.0', 'v1.1.0', 'v1.2.0'] },
          sumdb: { name: 'sum.golang.org', versions: ['v1.2.0'] },
        },
      },
    };
    expect(findings(facts)).toEqual([
      { code: 'version-published', file: 'go.mod', line: 1, column: 1 },
    ]);
    const f = lintFacts(facts).findings[0];
    expect(f?.message).toContain('example.com/p@v1.2.0 is already published');
    expect(f?.message).toContain('proxy.golang.org holds it, sum.golang.org records it');
    expect(f?.fix).toContain('v1.2.1 is free');
  });

  it('a --next tag of a subdirectory module known only to the checksum database', () => {
    expect(
      findings({
        ...base,
        next: ['sub/v0.3.1'],
        published: {
          'example.com/p/sub': {
            mirror: { name: 'proxy.golang.org', versions: ['v0.3.0'] },
            sumdb: { name: 'sum.golang.org', versions: ['v0.3.1'] },
          },
        },
      }),
    ).toEqual([{ code: 'version-published', file: 'sub/go.mod', line: 1, column: 1 }]);
  });

  it('a --next release below the latest release of its line is a warning only', () => {
    const got = lintFacts({
      ...base,
      next: ['v1.0.5'],
      published: { 'example.com/p': { mirror: { name: 'm', versions: ['v1.1.1'] } } },
    });
    expect(got.findings.map(brief)).toEqual([
      { code: 'version-lower', file: 'go.mod', line: 1, column: 1 },
    ]);
    expect(got.findings[0]?.message).toContain('lower than v1.1.1');
    expect(got.verdict).toBe('pass');
  });
});

describe('retract-unknown and retract-pending', () => {
  it('single module: a typo, a pending retraction and a pending interval', () => {
    const facts: TreeFacts = {
      files: {
        'go.mod': mod(
          'example.com/t',
          '\nretract v1.0.1 // typo for v1.0.0\nretract v1.0.0 // broken\n\nretract (\n\t[v1.1.0, v1.1.9] // bad line\n\tv1.2.0 // the next release retracts itself\n)\n',
        ),
      },
      tags: {
        'v1.0.0': { 'go.mod': mod('example.com/t') },
        'v1.1.0': { 'go.mod': mod('example.com/t') },
      },
    };
    expect(findings(facts)).toEqual([
      { code: 'retract-unknown', file: 'go.mod', line: 5, column: 1 },
      { code: 'retract-pending', file: 'go.mod', line: 6, column: 1 },
      { code: 'retract-pending', file: 'go.mod', line: 9, column: 2 },
      { code: 'retract-pending', file: 'go.mod', line: 10, column: 2 },
    ]);
  });

  it('multi-module: a retraction of a version published but no longer tagged is known', () => {
    expect(
      findings({
        files: {
          'go.mod': mod('example.com/t'),
          'x/go.mod': mod('example.com/t/x', 'retract v0.1.5\n'),
        },
        tags: { 'x/v0.1.0': { 'x/go.mod': mod('example.com/t/x') } },
        published: { 'example.com/t/x': { mirror: { name: 'm', versions: ['v0.1.0', 'v0.1.5'] } } },
      }),
    ).toEqual([{ code: 'retract-pending', file: 'x/go.mod', line: 4, column: 1 }]);
  });
});

describe('incompatible-trap', () => {
  it('v2+ tags without go.mod, and a go.mod without /vN', () => {
    const facts: TreeFacts = {
      files: { 'go.mod': mod('example.com/i'), 'a.go': pkg('i') },
      tags: {
        'v1.0.0': { 'a.go': pkg('i') },
        'v2.0.0': { 'a.go': pkg('i') },
        'v3.1.0': { 'a.go': pkg('i') },
      },
      next: ['v1.1.0'],
    };
    expect(findings(facts)).toEqual([
      { code: 'incompatible-trap', file: 'go.mod', line: 1, column: 1 },
    ]);
    const f = lintFacts(facts).findings[0];
    expect(f?.message).toContain('v2.0.0+incompatible, v3.1.0+incompatible');
    expect(f?.fix).toContain('"module example.com/i/v4"');
    expect(f?.fix).toContain('retract [v2.0.0+incompatible, v3.1.0+incompatible]');
  });

  it('the mirror names the +incompatible versions; a subdirectory module is never trapped', () => {
    expect(
      findings({
        files: { 'go.mod': mod('example.com/j'), 'sub/go.mod': mod('example.com/j/sub') },
        next: ['v1.0.0'],
        published: {
          'example.com/j': { mirror: { name: 'm', versions: ['v2.3.0+incompatible'] } },
          'example.com/j/sub': { mirror: { name: 'm', versions: ['v2.0.0+incompatible'] } },
        },
      }),
    ).toEqual([{ code: 'incompatible-trap', file: 'go.mod', line: 1, column: 1 }]);
  });

  it('a major-branch layout: v2 tags whose go.mod says /v2 are not this line', () => {
    expect(
      findings({
        files: { 'go.mod': mod('example.com/k') },
        tags: {
          'v1.0.0': { 'go.mod': mod('example.com/k') },
          'v2.0.0': { 'go.mod': mod('example.com/k/v2') },
        },
      }),
    ).toEqual([]);
  });
});

describe('clean repositories give no finding', () => {
  it('single module with history and a retraction already in effect', () => {
    const retract = 'retract v1.0.0 // broken\n';
    const facts: TreeFacts = {
      files: { 'go.mod': mod('example.com/c', retract), 'c.go': pkg('c') },
      tags: {
        'v1.0.0': { 'go.mod': mod('example.com/c') },
        'v1.0.1': { 'go.mod': mod('example.com/c', retract) },
      },
      published: { 'example.com/c': { mirror: { name: 'm', versions: ['v1.0.0', 'v1.0.1'] } } },
      inEffect: { 'example.com/c': [{ low: 'v1.0.0', high: 'v1.0.0' }] },
    };
    const got = lintFacts(facts);
    expect(got.findings).toEqual([]);
    expect(got.verdict).toBe('pass');
    // Without the fact that the latest version carries it, a notice, never a failure.
    const { inEffect: _, ...unknown } = facts;
    expect(lintFacts(unknown).findings.map((f) => f.code)).toEqual(['retract-pending']);
  });

  it('an opentelemetry-shaped tree: many modules, major subdirectories, vendored and test go.mod files', () => {
    const files: Record<string, string> = {
      'go.mod': mod('go.opentelemetry.io/otel'),
      'v2/go.mod': mod('go.opentelemetry.io/otel/v2'),
      'v2/a.go': 'package otel\n\nimport "go.opentelemetry.io/otel/v2/trace"\n',
      'vendor/x/go.mod': 'garbage',
      'internal/testdata/go.mod': 'more garbage',
    };
    const tags: TreeFacts['tags'] = {};
    for (const d of [
      'exporters/otlp',
      'sdk',
      'sdk/metric',
      'bridge/opencensus',
      'internal/tools',
    ]) {
      files[`${d}/go.mod`] = mod(`go.opentelemetry.io/otel/${d}`);
      files[`${d}/x.go`] = `package x\n\nimport "go.opentelemetry.io/otel/${d}/y"\n`;
      tags[`${d}/v1.2.0`] = { [`${d}/go.mod`]: mod(`go.opentelemetry.io/otel/${d}`) };
    }
    const got = lintFacts({ files, tags, next: ['v2.0.0'] });
    expect(got.findings).toEqual([]);
    expect(got.modules.map((m) => [m.dir, m.tagPrefix, m.next ?? ''])).toEqual([
      ['', '', ''],
      ['bridge/opencensus', 'bridge/opencensus/', 'v1.3.0'],
      ['exporters/otlp', 'exporters/otlp/', 'v1.3.0'],
      ['internal/tools', 'internal/tools/', 'v1.3.0'],
      ['sdk', 'sdk/', 'v1.3.0'],
      ['sdk/metric', 'sdk/metric/', 'v1.3.0'],
      ['v2', '', 'v2.0.0'],
    ]);
  });
});

describe('what may be sent to the mirror', () => {
  it('only a version the go command accepts, of a module it would find', async () => {
    const { askableVersion, readGoMod } = await import('../../src/checks/lint/index.js');
    const view = (text: string) => readGoMod('go.mod', Buffer.from(text)).view;
    const next = (version: string, implied = false) => ({ version, tag: version, implied });
    expect(askableVersion({ view: view(mod('example.com/a')), next: next('v1.2.0') })).toBe(
      'v1.2.0',
    );
    expect(
      askableVersion({ view: view(mod('example.com/a')), next: next('v2.0.0') }),
    ).toBeUndefined();
    expect(
      askableVersion({ view: view(mod('example.com/a')), next: next('v1.2') }),
    ).toBeUndefined();
    expect(askableVersion({ view: view(mod('example.com/a')) })).toBeUndefined();
    expect(
      askableVersion({ view: view(mod('example.com/a')), next: next('v1.2.0'), misplaced: true }),
    ).toBeUndefined();
    expect(askableVersion({ view: view('go 1.21\n'), next: next('v1.2.0') })).toBeUndefined();
  });
});

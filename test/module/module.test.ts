import { describe, expect, it } from 'vitest';

import {
  check,
  checkFilePath,
  checkImportPath,
  checkPath,
  escapePath,
  escapeVersion,
  InvalidPathError,
  matchPathMajor,
  matchPrefixPatterns,
  splitPathVersion,
  unescapePath,
} from '../../src/module/index.js';
import { field, flag, goStr, loadTable, readJson } from './vector-tables.js';

const FILE = 'xmod/module/module_test.tables.json';
const table = (name: string) => loadTable(FILE, name);

describe('checkTests (module.Check)', () => {
  const rows = table('checkTests');
  it('has the rows', () => expect(rows).toHaveLength(29));
  it.each(rows.map((r) => [field(r, 'path'), field(r, 'version'), flag(r, 'ok')] as const))(
    '%s@%s ok=%s',
    (path, version, ok) => {
      expect(check(path, version) === undefined).toBe(ok);
    },
  );
});

describe('checkPathTests (module, import and file paths)', () => {
  const rows = table('checkPathTests').map((r) => ({
    path: field(r, 'path'),
    ok: flag(r, 'ok'),
    importOK: flag(r, 'importOK'),
    fileOK: flag(r, 'fileOK'),
  }));
  it('has the rows, including the invalid UTF-8 one', () => {
    expect(rows).toHaveLength(105);
    expect(rows.some((r) => r.path.includes('\udcff'))).toBe(true);
  });
  it.each(rows)('$path', (row) => {
    const m = checkPath(row.path);
    expect(m === undefined, `module: ${m?.message}`).toBe(row.ok);
    const i = checkImportPath(row.path);
    expect(i === undefined, `import: ${i?.message}`).toBe(row.importOK);
    const f = checkFilePath(row.path);
    expect(f === undefined, `file: ${f?.message}`).toBe(row.fileOK);
    for (const [err, kind] of [
      [m, 'module'],
      [i, 'import'],
      [f, 'file'],
    ] as const) {
      if (err === undefined) continue;
      expect(err).toBeInstanceOf(InvalidPathError);
      expect(err.kind).toBe(kind);
      expect(err.path).toBe(row.path);
      expect(err.message.startsWith(`malformed ${kind} path "`)).toBe(true);
    }

    // Derived upstream rules: every path splits into two parts that join back
    // (the split may refuse, but never loses bytes) …
    const { prefix, pathMajor } = splitPathVersion(row.path);
    expect(prefix + pathMajor).toBe(row.path);
    // … and an invalid module path can be neither escaped nor unescaped.
    if (!row.ok) {
      expect(() => escapePath(row.path)).toThrow();
      expect(() => unescapePath(row.path)).toThrow();
    } else {
      expect(unescapePath(escapePath(row.path))).toBe(row.path);
    }
  });
});

describe('splitPathVersionTests', () => {
  const rows = table('splitPathVersionTests');
  it('has the rows', () => expect(rows).toHaveLength(8));
  it.each(rows.map((r) => [field(r, 'pathPrefix'), field(r, 'version')] as const))(
    '%s + %s',
    (pathPrefix, version) => {
      expect(splitPathVersion(pathPrefix + version)).toEqual({
        prefix: pathPrefix,
        pathMajor: version,
        ok: true,
      });
    },
  );
});

describe('escapeTests and badUnescape', () => {
  const rows = table('escapeTests');
  it('has the rows', () => expect(rows).toHaveLength(2));
  it.each(rows.map((r) => [field(r, 'path'), field(r, 'esc')] as const))('%s', (path, esc) => {
    const want = esc === '' ? path : esc;
    expect(escapePath(path)).toBe(want);
    expect(unescapePath(want)).toBe(path);
  });

  const bad = table('badUnescape').map(goStr);
  it('has the bad rows', () => expect(bad).toHaveLength(6));
  it.each(bad)('rejects unescaping %j', (s) => {
    expect(() => unescapePath(s)).toThrow(/^invalid escaped module path /);
  });
});

describe('TestMatchPathMajor', () => {
  const rows = table('TestMatchPathMajor.range1');
  it('has the rows', () => expect(rows).toHaveLength(11));
  it.each(rows.map((r) => [field(r, 'v'), field(r, 'pathMajor'), flag(r, 'want')] as const))(
    '%s with %j → %s',
    (v, pathMajor, want) => {
      expect(matchPathMajor(v, pathMajor)).toBe(want);
    },
  );
});

describe('TestMatchPrefixPatterns', () => {
  const rows = table('TestMatchPrefixPatterns.range1');
  it('has the rows', () => expect(rows).toHaveLength(26));
  it.each(rows.map((r) => [field(r, 'globs'), field(r, 'target'), flag(r, 'want')] as const))(
    '%j vs %s → %s',
    (globs, target, want) => {
      expect(matchPrefixPatterns(globs, target)).toBe(want);
    },
  );
});

interface SumdbVectors {
  moduleEscaping: {
    pathCases: { path: string; escaped: string }[];
    versionCases: { version: string; escaped: string }[];
    badUnescape: { cases: string[] };
  };
  matchPrefixPatterns: {
    cases: { globs: string; target: string; match: boolean }[];
    gonosumdbClientCases: { globs: string; skipped: string[]; notSkipped: string[] };
  };
}

describe('sumdb/vectors.json: moduleEscaping and matchPrefixPatterns', () => {
  const v = readJson('sumdb/vectors.json') as SumdbVectors;

  it.each(v.moduleEscaping.pathCases)('escapes path $path', ({ path, escaped }) => {
    expect(escapePath(path)).toBe(escaped);
    expect(unescapePath(escaped)).toBe(path);
  });
  it.each(v.moduleEscaping.versionCases)('escapes version $version', ({ version, escaped }) => {
    expect(escapeVersion(version)).toBe(escaped);
  });
  it.each(v.moduleEscaping.badUnescape.cases)('rejects unescaping %j', (s) => {
    expect(() => unescapePath(s)).toThrow();
  });
  it.each(v.matchPrefixPatterns.cases)('$globs vs $target', ({ globs, target, match }) => {
    expect(matchPrefixPatterns(globs, target)).toBe(match);
  });
  it('GONOSUMDB client cases', () => {
    const c = v.matchPrefixPatterns.gonosumdbClientCases;
    expect(c.skipped.length + c.notSkipped.length).toBeGreaterThan(0);
    for (const p of c.skipped) expect(matchPrefixPatterns(c.globs, p), p).toBe(true);
    for (const p of c.notSkipped) expect(matchPrefixPatterns(c.globs, p), p).toBe(false);
  });
});

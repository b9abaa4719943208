// The import reader against Go: every case (hand-written and generated) is
// written alone in a directory and read by go/build, the code `go list`
// runs, with build constraints off (see go-imports-oracle.ts). We compare
// the imports, their positions (go list's ImportPos), the path and name
// columns (go/parser), the package name, and the error and its position.
// A second run of the real `go list` over a module of the same files
// checks that go/build's view is the go command's: its errors name the
// position of each import it cannot resolve, and of each parse error.
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { decodeGoString } from '../../src/internal/go-string.js';
import {
  hasBom,
  importPosition,
  readImports,
  type ReadImportsResult,
} from '../../src/imports/index.js';
import { describeWithGo, isolatedGoEnv } from '../oracle/go-env.js';
import { tempDir } from '../support/temp-dir.js';
import { generated, handwritten, type SourceCase } from './corpus.js';
import { b64, runImportsOracle, type OracleResult } from './go-imports-oracle.js';
import { ageTree, goListJson } from './go-list.js';

// MODSEAL_IMPORTS_SEEDS=5,6 reruns the generator with other seeds.
const seeds = (process.env.MODSEAL_IMPORTS_SEEDS ?? '1,2').split(',').map(Number);
const cases: SourceCase[] = [...handwritten, ...seeds.flatMap((s) => generated(s, 250))];

function fileName(c: SourceCase): string {
  return c.test === true ? 'x_test.go' : 'x.go';
}

function dirName(i: number): string {
  return `c${String(i).padStart(4, '0')}`;
}

const goString = (s: string | null | undefined): string => decodeGoString(b64(s));

function message(e: { Msg: string }): string {
  return goString(e.Msg);
}

/** What go/build says, in our result's shape. */
function expected(c: SourceCase, want: OracleResult): unknown {
  const bom = hasBom(c.src) ? 3 : 0;
  const err = want.Err;
  if (err !== null) {
    // go/build prefixes errors that are not parse errors with the file.
    const msg = message(err).replace(/^read .*?\.go: /, '');
    return {
      error:
        err.Pos === null
          ? { message: msg }
          : { message: msg, line: err.Pos.Line, column: err.Pos.Column },
    };
  }
  return {
    imports: (want.Imports ?? []).map((imp) => ({
      path: goString(imp.Path),
      line: imp.Pos.Line,
      column: imp.Pos.Column,
      offset: imp.Pos.Offset + bom,
    })),
  };
}

function actual(got: ReadImportsResult, oracleHasPos: boolean): unknown {
  if (got.error !== undefined) {
    const { message: msg, line, column } = got.error;
    return { error: oracleHasPos ? { message: msg, line, column } : { message: msg } };
  }
  return {
    imports: got.imports.map((imp) => {
      const at = importPosition(imp);
      return { path: imp.path, line: at.line, column: at.column, offset: at.offset };
    }),
  };
}

describeWithGo('readImports agrees with go/build and go/parser', () => {
  let root = '';
  let results: OracleResult[] = [];

  beforeAll(async () => {
    root = await tempDir('modseal-imports-');
    await fs.mkdir(path.join(root, 'tmp'));
    const files: string[] = [];
    for (const [i, c] of cases.entries()) {
      const dir = path.join(root, 'cases', dirName(i));
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, fileName(c));
      await fs.writeFile(file, c.src);
      files.push(file);
    }
    results = await runImportsOracle(files, isolatedGoEnv(root));
  }, 180_000);

  it('ran every case', () => {
    expect(results).toHaveLength(cases.length);
  });

  it('covers what it claims to: errors, constrained files, BOMs, CRLF, byte columns', () => {
    const ours = cases.map((c) => readImports(c.src));
    expect(ours.filter((r) => r.error !== undefined).length).toBeGreaterThan(60);
    expect(ours.filter((r) => r.imports.length > 0).length).toBeGreaterThan(200);
    expect(cases.filter((c) => c.src.includes('//go:build')).length).toBeGreaterThan(20);
    expect(cases.filter((c) => hasBom(c.src)).length).toBeGreaterThan(20);
    expect(cases.filter((c) => c.src.includes('\r\n')).length).toBeGreaterThan(50);
    // An import after multi-byte text on its line, where byte and rune columns differ.
    const multiByte = ours.filter((r, i) =>
      r.imports.some((imp) => {
        const src = cases[i]!.src;
        const lineStart = src.lastIndexOf(0x0a, imp.offset) + 1;
        return src.subarray(lineStart, imp.offset).some((x) => x >= 0x80);
      }),
    );
    expect(multiByte.length).toBeGreaterThan(10);
  });

  cases.forEach((c, i) => {
    it(c.name, () => {
      const want = results[i];
      if (want === undefined) throw new Error('no oracle result');
      const got = readImports(c.src);

      if (got.packageName === 'documentation') {
        // go/build ignores such a file entirely; we report its name so callers can.
        expect(want.Name).toBe('');
        expect(message(want.Err!)).toMatch(/^no buildable Go source files/);
        return;
      }
      if (c.lineDirective === true) {
        // go list applies the directive; we keep physical positions, which
        // go/parser gives unadjusted.
        expect(got.error).toBeUndefined();
        const physical = (want.Specs ?? []).map((s) => (s.HasName ? s.NamePos : s.PathPos));
        expect(got.imports.map((imp) => importPosition(imp))).toEqual(
          physical.map((p) => ({ line: p.Line, column: p.Column, offset: p.Offset })),
        );
        expect((want.Imports ?? []).map((imp) => imp.Pos.Line)).not.toEqual(
          physical.map((p) => p.Line),
        );
      } else {
        expect(actual(got, want.Err?.Pos != null)).toEqual(expected(c, want));
      }
      if (got.error !== undefined) return;
      // go/build names an external test package after the package it tests.
      const name =
        c.test === true && got.packageName?.endsWith('_test') === true
          ? got.packageName.slice(0, -'_test'.length)
          : got.packageName;
      expect(name).toBe(want.Name);

      // The path literal and the name, as go/parser places them.
      const specs = want.Specs ?? [];
      expect(got.imports).toHaveLength(specs.length);
      const bom = hasBom(c.src) ? 3 : 0;
      got.imports.forEach((imp, k) => {
        const s = specs[k]!;
        expect({
          path: imp.path,
          literal: imp.literal,
          line: imp.line,
          column: imp.column,
          endColumn: imp.endColumn,
          offset: imp.offset,
          endOffset: imp.endOffset,
          name: imp.name,
        }).toEqual({
          path: goString(s.Path),
          literal: goString(s.Literal),
          line: s.PathPos.Line,
          column: s.PathPos.Column,
          endColumn: s.PathEnd.Column,
          offset: s.PathPos.Offset + bom,
          endOffset: s.PathEnd.Offset + bom,
          name: s.HasName
            ? {
                name: s.Name,
                line: s.NamePos.Line,
                column: s.NamePos.Column,
                offset: s.NamePos.Offset + bom,
              }
            : undefined,
        });
        // The offsets delimit the literal in the file.
        const quote = c.src[imp.offset];
        expect([0x22, 0x60]).toContain(quote);
        expect(c.src[imp.endOffset - 1]).toBe(quote);
      });
    });
  });
});

interface ListError {
  Pos: string;
  Err: string;
  /** The listed package that carried it (filled in here). */
  In?: string;
}

interface ListedPackage {
  ImportPath: string;
  Error?: ListError;
  DepsErrors?: ListError[];
}

describeWithGo('readImports agrees with go list', () => {
  // The same cases as packages of one module, listed by the real go
  // command with its default build tags: every position it reports (the
  // import behind each error it gives, the first parse error of a file)
  // must be ours.
  const errors: ListError[] = [];

  beforeAll(async () => {
    const root = await tempDir('modseal-imports-list-');
    const mod = path.join(root, 'mod');
    await fs.mkdir(mod);
    await fs.writeFile(path.join(mod, 'go.mod'), 'module example.com/cases\n\ngo 1.25\n');
    for (const [i, c] of cases.entries()) {
      // go list applies //line directives, so positions differ by design;
      // and go1.27 fails outright ("attempting to write an int to the index
      // that overflows int32") on a package index with a directive that
      // wraps, once the files are old enough to be indexed.
      if (c.lineDirective === true) continue;
      await fs.mkdir(path.join(mod, dirName(i)));
      await fs.writeFile(path.join(mod, dirName(i), fileName(c)), c.src);
    }
    await ageTree(mod);
    const listed = await goListJson<ListedPackage>(root, mod, [
      '-e',
      '-test',
      '-json=ImportPath,Error,DepsErrors',
      './...',
    ]);
    const seen = new Set<string>();
    for (const p of listed) {
      // A generated test main (`….test`) carries errors of parsing whole
      // test files to find their tests: not import reading.
      const own = p.Error === undefined || p.ImportPath.endsWith('.test') ? [] : [p.Error];
      for (const e of [...own, ...(p.DepsErrors ?? [])]) {
        const key = `${e.Pos}\0${e.Err}`;
        if (e.Pos === '' || seen.has(key)) continue;
        seen.add(key);
        errors.push({ ...e, In: p.ImportPath });
      }
    }
  }, 180_000);

  it('reports at our positions', () => {
    let parseErrors = 0;
    let importErrors = 0;
    const unexplained: string[] = [];
    for (const e of errors) {
      const m = /^c(\d{4})\/x(?:_test)?\.go:(\d+):(\d+)$/.exec(e.Pos);
      if (m === null) {
        unexplained.push(`${e.In}: ${e.Pos}: ${e.Err}`);
        continue;
      }
      const c = cases[Number(m[1])]!;
      const [line, column] = [Number(m[2]), Number(m[3])];
      const got = readImports(c.src);
      if (got.error !== undefined) {
        if (got.error.line === line && got.error.column === column && got.error.message === e.Err) {
          parseErrors++;
          continue;
        }
      } else if (
        got.imports.some((imp) => {
          const at = importPosition(imp);
          return at.line === line && at.column === column && e.Err.includes(imp.path);
        })
      ) {
        importErrors++;
        continue;
      }
      unexplained.push(`${c.name} (${e.In}): ${e.Pos}: ${e.Err}`);
    }
    expect(unexplained).toEqual([]);
    expect(parseErrors).toBeGreaterThan(100);
    expect(importErrors).toBeGreaterThan(300);
  });
});

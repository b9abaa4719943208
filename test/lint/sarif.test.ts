// SARIF output judged by the SARIF project's own validator
// (`@microsoft/sarif-multitool validate`, with its GitHub code scanning
// rules): generated logs must draw no error and no warning, and a broken log
// must draw an error (so this test can fail). The SARIF carries the same
// findings as the JSON document, and its fingerprints survive moved lines.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Log, Result } from 'sarif';
import {
  LINT_REPORT_SCHEMA,
  LINT_SEVERITY,
  type LintCode,
  type LintFinding,
  type LintReport,
} from '../../src/checks/lint/index.js';
import { renderLintJson } from '../../src/report/lint-json.js';
import { lintSarif, renderLintSarif } from '../../src/report/sarif.js';
import { validate, type Verdict } from './sarif-validator.js';
import { lintFacts } from './harness.js';

const CODES = Object.keys(LINT_SEVERITY) as LintCode[];

function finding(code: LintCode, extra: Partial<LintFinding> = {}): LintFinding {
  return {
    code,
    severity: LINT_SEVERITY[code],
    message: `the ${code} message, quoting "Go's text" <verbatim> & 100% | raw`,
    module: 'example.com/m/v2',
    file: 'go.mod',
    line: 1,
    column: 1,
    fix: 'Do this.\nThen that',
    ...extra,
  };
}

const everyCode: LintReport = {
  schema: LINT_REPORT_SCHEMA,
  verdict: 'fail',
  ref: 'HEAD',
  commit: 'a'.repeat(40),
  modules: [
    { path: 'example.com/m/v2', dir: '', tagPrefix: '', latest: 'v2.0.0', next: 'v2.1.0' },
    { path: 'example.com/m/dir ü', dir: 'dir ü', tagPrefix: 'dir ü/' },
  ],
  findings: [
    ...CODES.map((c) => finding(c)),
    finding('old-major-import', {
      file: 'dir ü/a b.go',
      line: 12,
      column: 9,
      module: 'example.com/m/dir ü',
    }),
    finding('unreachable', { file: undefined, line: undefined, column: undefined }),
    finding('zip-invalid', {
      module: 'example.com/m/dir ü',
      file: undefined,
      line: undefined,
      column: undefined,
    }),
    finding('gomod-invalid', { column: undefined, message: 'ends with a period.' }),
  ],
};

const empty: LintReport = {
  schema: LINT_REPORT_SCHEMA,
  verdict: 'pass',
  ref: 'HEAD',
  modules: [],
  findings: [],
};

const mod = (p: string): string => `module ${p}\n\ngo 1.21\n`;

function fromFixture(): LintReport {
  const got = lintFacts({
    files: {
      'go.mod': mod('example.com/f'),
      'sub/v2/go.mod': mod('example.com/f/sub'),
      'api/go.mod': mod('example.com/f/api/v3'),
      'api/a.go': 'package api\n\nimport "example.com/f/api/v2/x"\n',
    },
    next: ['v2.0.0'],
  });
  return {
    schema: LINT_REPORT_SCHEMA,
    verdict: got.verdict,
    ref: 'main',
    modules: got.modules,
    findings: got.findings,
  };
}

const options = { toolVersion: '0.1.0' };

describe('SARIF', () => {
  let verdicts: Map<string, Verdict[]>;
  const fixture = fromFixture();

  beforeAll(async () => {
    const valid = JSON.parse(renderLintSarif(everyCode, options)) as Log;
    const broken = structuredClone(valid);
    const result = broken.runs[0]?.results?.[0] as Result;
    result.locations = [
      { physicalLocation: { artifactLocation: { uri: 'go.mod' }, region: { startLine: 0 } } },
    ];
    result.message = {};
    verdicts = await validate({
      'every-code.sarif': renderLintSarif(everyCode, options),
      'empty.sarif': renderLintSarif(empty, options),
      'fixture.sarif': renderLintSarif(fixture, options),
      'broken.sarif': JSON.stringify(broken),
    });
  }, 120_000);

  it('the validator finds no error and no warning in what modseal writes', () => {
    for (const name of ['every-code.sarif', 'empty.sarif', 'fixture.sarif']) {
      const bad = (verdicts.get(name) ?? []).filter(
        (v) => v.level === 'error' || v.level === 'warning',
      );
      expect(bad, name).toEqual([]);
    }
    expect(fixture.findings.length).toBeGreaterThan(2);
  });

  it('the validator reports a broken log (the check can fail)', () => {
    const errors = (verdicts.get('broken.sarif') ?? []).filter((v) => v.level === 'error');
    expect(errors.length).toBeGreaterThan(0);
  });

  it('carries the same findings as the JSON document', () => {
    for (const report of [everyCode, fixture]) {
      const json = JSON.parse(renderLintJson(report)) as { findings: LintFinding[] };
      const run = lintSarif(report, options).runs[0];
      const rules = run?.tool.driver.rules ?? [];
      expect(rules.map((r) => r.id)).toEqual(CODES);
      const results = run?.results ?? [];
      expect(results).toHaveLength(json.findings.length);
      json.findings.forEach((f, i) => {
        const r = results[i];
        expect(r?.ruleId).toBe(f.code);
        expect(rules[r?.ruleIndex ?? -1]?.id).toBe(f.code);
        expect(r?.level).toBe({ error: 'error', warning: 'warning', notice: 'note' }[f.severity]);
        expect(r?.message.text?.startsWith(f.message)).toBe(true);
        const loc = r?.locations?.[0]?.physicalLocation;
        if (f.file !== undefined) {
          expect(decodeURIComponent(loc?.artifactLocation?.uri ?? '')).toBe(f.file);
        }
        expect(loc?.region?.startLine).toBe(f.line ?? 1);
        expect(loc?.region?.startColumn).toBe(f.column);
      });
    }
    expect(lintSarif(everyCode, options).runs[0]?.columnKind).toBe('utf16CodeUnits');
  });

  it("a finding without a file is shown on its module's go.mod, file names percent-encoded", () => {
    const results = lintSarif(everyCode, options).runs[0]?.results ?? [];
    const uris = results.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri);
    // old-major-import, unreachable, zip-invalid, gomod-invalid: the last four.
    expect(uris.slice(-4)).toEqual([
      'dir%20%C3%BC/a%20b.go',
      'go.mod',
      'dir%20%C3%BC/go.mod',
      'go.mod',
    ]);
    expect(results.at(-3)?.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 1 });
  });

  it('fingerprints ignore the line and version numbers, not the code, module or file', () => {
    const print = (f: LintFinding): string | undefined =>
      lintSarif({ ...empty, findings: [f] }, options).runs[0]?.results?.[0]?.partialFingerprints?.[
        'modsealFinding/v1'
      ];
    const base = finding('version-invalid', {
      message: 'example.com/m@v2.1.0: invalid version: x',
    });
    expect(print({ ...base, line: 7 })).toBe(print(base));
    expect(print({ ...base, message: 'example.com/m@v2.2.0: invalid version: x' })).toBe(
      print(base),
    );
    expect(print({ ...base, code: 'version-published' })).not.toBe(print(base));
    expect(print({ ...base, file: 'sub/go.mod' })).not.toBe(print(base));
    expect(print({ ...base, module: 'example.com/n' })).not.toBe(print(base));
  });
});

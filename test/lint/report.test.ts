// The lint report as JSON (the modseal.lint-report/v1 contract) and as the
// job summary (one row per module, findings linked to their file and line).
import { describe, expect, it } from 'vitest';
import { LINT_REPORT_SCHEMA, type LintReport } from '../../src/checks/lint/index.js';
import { renderLintJson } from '../../src/report/lint-json.js';
import { renderLintMarkdown } from '../../src/report/lint-markdown.js';

const report: LintReport = {
  schema: LINT_REPORT_SCHEMA,
  verdict: 'fail',
  ref: 'refs/pull/7/merge',
  commit: '0123456789abcdef0123456789abcdef01234567',
  modules: [
    { path: 'example.com/r', dir: '', tagPrefix: '', latest: 'v1.4.0', next: 'v2.0.0' },
    { path: 'example.com/r/sub/v2', dir: 'sub/v2', tagPrefix: 'sub/', next: 'v2.0.0' },
    { path: 'example.com/r/clean', dir: 'clean', tagPrefix: 'clean/' },
  ],
  findings: [
    {
      code: 'version-invalid',
      severity: 'error',
      message:
        'example.com/r@v2.0.0: invalid version: module contains a go.mod file, so module path must match major version ("example.com/r/v2")',
      module: 'example.com/r',
      file: 'go.mod',
      line: 1,
      column: 1,
      fix: 'Change the module directive.',
    },
    {
      code: 'old-major-import',
      severity: 'error',
      message: 'imports example.com/r/sub/x, a package of example.com/r/sub',
      module: 'example.com/r/sub/v2',
      file: 'sub/v2/my file.go',
      line: 5,
      column: 2,
    },
    {
      code: 'retract-pending',
      severity: 'notice',
      message: 'retract v2.0.1 takes effect <later> | *soon*',
      module: 'example.com/r/sub/v2',
      file: 'sub/v2/go.mod',
      line: 6,
      column: 1,
    },
    { code: 'unreachable', severity: 'warning', message: 'could not reach the mirror' },
  ],
};

describe('lint JSON', () => {
  it('keeps the contract: keys in order, absent facts left out', () => {
    const doc = JSON.parse(renderLintJson(report)) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['schema', 'verdict', 'ref', 'commit', 'modules', 'findings']);
    expect(doc.schema).toBe('modseal.lint-report/v1');
    expect(doc.modules).toEqual([
      { path: 'example.com/r', dir: '', tagPrefix: '', latest: 'v1.4.0', next: 'v2.0.0' },
      { path: 'example.com/r/sub/v2', dir: 'sub/v2', tagPrefix: 'sub/', next: 'v2.0.0' },
      { path: 'example.com/r/clean', dir: 'clean', tagPrefix: 'clean/' },
    ]);
    const findings = doc.findings as Record<string, unknown>[];
    expect(Object.keys(findings[0] ?? {})).toEqual([
      'code',
      'severity',
      'message',
      'module',
      'file',
      'line',
      'column',
      'fix',
    ]);
    expect(findings[3]).toEqual({
      code: 'unreachable',
      severity: 'warning',
      message: 'could not reach the mirror',
    });
    expect(renderLintJson(report).endsWith('}\n')).toBe(true);
  });

  it('leaves out the commit when there is none', () => {
    const { commit: _, ...rest } = report;
    expect(Object.keys(JSON.parse(renderLintJson(rest)) as object)).not.toContain('commit');
  });
});

describe('lint job summary', () => {
  const md = renderLintMarkdown(report, { repoUrl: 'https://github.com/o/r' });

  it('has one row per module with its findings counted', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| module'));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('`example.com/r`');
    expect(rows[0]).toContain('❌ 1');
    expect(rows[1]).toContain('`sub/v2/`');
    expect(rows[1]).toContain('❌ 1 ℹ️ 1');
    expect(rows[2]).toMatch(/\| ✅ \|$/);
  });

  it('links findings to their file and line at the linted commit', () => {
    expect(md).toContain(
      '[`go.mod:1`](https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/go.mod#L1)',
    );
    expect(md).toContain('/blob/0123456789abcdef0123456789abcdef01234567/sub/v2/my%20file.go#L5)');
    expect(md).toContain('**Fix:** Change the module directive.');
  });

  it('escapes repository text', () => {
    expect(md).not.toContain('<later>');
    expect(md).not.toContain('*soon*');
    expect(md).toContain('## modseal lint: ❌ fail');
  });

  it('without a repository URL, locations are plain code spans', () => {
    expect(renderLintMarkdown(report)).toContain('`sub/v2/go.mod:6`');
    expect(renderLintMarkdown(report)).not.toContain('](');
  });
});

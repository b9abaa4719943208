// Every lint finding code has a heading in README.md, which is where each
// SARIF rule's helpUri points (`…/modseal#<code>`): a code added without its
// explanation, or a renamed heading, fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { LINT_SEVERITY, type LintCode } from '../../src/checks/lint/index.js';
import { lintSarif } from '../../src/report/sarif.js';

const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** GitHub's anchor for a heading: lower case, backticks and punctuation dropped, spaces to dashes. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

it('README has one heading per finding code, at the anchor SARIF links to', () => {
  const anchors = readme
    .split('\n')
    .filter((l) => /^#{1,6} /.test(l))
    .map((l) => anchor(l.replace(/^#+ /, '')));
  const log = lintSarif(
    { schema: 'modseal.lint-report/v1', verdict: 'pass', ref: 'HEAD', modules: [], findings: [] },
    { toolVersion: '0.0.0' },
  );
  const rules = log.runs[0]?.tool.driver.rules ?? [];
  expect(rules.map((r) => r.id).sort()).toEqual(Object.keys(LINT_SEVERITY).sort());
  for (const code of Object.keys(LINT_SEVERITY) as LintCode[]) {
    expect(
      anchors.filter((a) => a === code),
      code,
    ).toHaveLength(1);
    const help = rules.find((r) => r.id === code)?.helpUri ?? '';
    expect(help.endsWith(`#${code}`), code).toBe(true);
  }
});

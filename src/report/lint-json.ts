// The lint report as JSON (DESIGN "Pull-request lint"): one document, keys
// in a fixed order, absent facts left out rather than null. Consumers key on
// `schema` ("modseal.lint-report/v1"); fields are only ever added within it.
//
// {
//   "schema":   "modseal.lint-report/v1",
//   "verdict":  "pass" | "fail" | "inconclusive",
//   "ref":      the revision as named,  "commit": the commit it resolved to,
//   "modules":  [{"path", "dir", "tagPrefix", "latest", "next"}],
//   "findings": [{"code", "severity", "message", "module", "file", "line", "column", "fix"}]
// }
// `file` is repository-relative; `line` and `column` are 1-based, the column
// in UTF-16 code units (characters as GitHub shows them).
import type { LintReport } from '../checks/lint/types.js';

/**
 * The lint report as a stable JSON document (pretty-printed, trailing
 * newline). Keys are written in the contract's order; JSON.stringify leaves
 * out the undefined ones.
 */
export function renderLintJson(report: LintReport): string {
  const doc = {
    schema: report.schema,
    verdict: report.verdict,
    ref: report.ref,
    commit: report.commit,
    modules: report.modules.map((m) => ({
      path: m.path,
      dir: m.dir,
      tagPrefix: m.tagPrefix,
      latest: m.latest,
      next: m.next,
    })),
    findings: report.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      module: f.module,
      file: f.file,
      line: f.line,
      column: f.column,
      fix: f.fix,
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

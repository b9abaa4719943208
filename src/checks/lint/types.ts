// The pull-request lint's vocabulary: its finding codes (DESIGN "Pull-request
// lint"), the findings and the report they make. Plain JSON-compatible data,
// so the JSON document, the job summary, the annotations and SARIF are all
// renderings of the same value.
//
// Positions. `line` and `column` are 1-based and `column` counts UTF-16 code
// units from the start of the line: the characters of a JavaScript string,
// which is what GitHub's web views count when they place an annotation or a
// code-scanning result (SARIF `columnKind: utf16CodeUnits`, written out
// explicitly in ../../report/sarif.ts). Go reports other units, converted in
// ./columns.ts: go.mod positions (x/mod, src/modfile) are rune columns,
// Go source positions (go/token, src/imports) are byte columns. The two agree
// with ours on ASCII lines, which nearly every go.mod and import line is.

export type LintSeverity = 'error' | 'warning' | 'notice';

/** Stable finding codes of `modseal lint`. */
export type LintCode =
  | 'version-invalid'
  | 'gomod-invalid'
  | 'module-path-mismatch'
  | 'old-major-import'
  | 'version-published'
  | 'zip-invalid'
  | 'version-lower'
  | 'retract-unknown'
  | 'retract-pending'
  | 'deprecated-unrecognised'
  | 'incompatible-trap'
  | 'unreachable';

/** The severity each code always has (DESIGN's table). */
export const LINT_SEVERITY: Readonly<Record<LintCode, LintSeverity>> = {
  'version-invalid': 'error',
  'gomod-invalid': 'error',
  'module-path-mismatch': 'error',
  'old-major-import': 'error',
  'version-published': 'error',
  'zip-invalid': 'error',
  'version-lower': 'warning',
  'retract-unknown': 'warning',
  'retract-pending': 'notice',
  'deprecated-unrecognised': 'warning',
  'incompatible-trap': 'warning',
  unreachable: 'warning',
};

export interface LintFinding {
  code: LintCode;
  severity: LintSeverity;
  /** One paragraph; may quote Go's text or repository text verbatim (renderers escape it). */
  message: string;
  /** The module path the finding is about, when go.mod names one. */
  module?: string;
  /** Repository-relative, '/'-separated (`sub/go.mod`, `sub/v2/a.go`). */
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based, in UTF-16 code units (see the file comment). */
  column?: number;
  /** What to do about it, in plain text; may span lines. */
  fix?: string;
}

/** Where a finding points. */
export interface LintWhere {
  file?: string;
  line?: number;
  column?: number;
}

export type LintVerdict = 'pass' | 'fail' | 'inconclusive';

export const LINT_REPORT_SCHEMA = 'modseal.lint-report/v1';

/** One module of the tree, as the report lists it. */
export interface LintModuleSummary {
  /** The module path go.mod declares ('' when it declares none). */
  path: string;
  /** Repository-relative directory ('' for the root). */
  dir: string;
  /** The prefix of its version tags ('' for the root, `sub/` for `sub/` and `sub/v2/`). */
  tagPrefix: string;
  /** The highest version tag of its line, when there is one. */
  latest?: string;
  /** The version checked as the next release (given with --next, or implied). */
  next?: string;
}

export interface LintReport {
  schema: typeof LINT_REPORT_SCHEMA;
  verdict: LintVerdict;
  /** The revision as the user named it (`HEAD`, a branch, a commit). */
  ref: string;
  /** The commit it resolved to. */
  commit?: string;
  modules: LintModuleSummary[];
  findings: LintFinding[];
}

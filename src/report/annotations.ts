// Findings as workflow annotations. Version problems already carry go.mod's
// `module` line; findings without a place become annotations without a file.
import type { Finding, ReleaseReport, Severity } from '../checks/types.js';

export interface Annotation {
  severity: Severity;
  title: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** One annotation per finding, errors first, in report order within a severity. */
export function toAnnotations(report: ReleaseReport): Annotation[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
  return [...report.findings]
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .map(({ f }) => toAnnotation(f));
}

function toAnnotation(f: Finding): Annotation {
  const a: Annotation = {
    severity: f.severity,
    title: `modseal: ${f.code}`,
    message: f.fix === undefined ? f.message : `${f.message}\n\nFix: ${f.fix}`,
  };
  if (f.file !== undefined) a.file = f.file;
  if (f.line !== undefined) a.line = f.line;
  if (f.column !== undefined) a.column = f.column;
  return a;
}

// Findings as workflow annotations, only where the maintainer must act.
// A problem with the version or go.mod is shown on go.mod's `module` line;
// a problem with what the world holds (a moved tag, a mirror that disagrees
// with the checksum database, a server that could not be reached) is not a
// problem of any line, so it becomes a job-level annotation rather than a
// mark on a go.mod line that did not change.
import type { Finding, FindingCode, ReleaseReport, Severity } from '../checks/types.js';

export interface Annotation {
  severity: Severity;
  title: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Findings about the version or go.mod itself: their place is go.mod's `module` line. */
const ON_MODULE_LINE: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'version-invalid',
  'module-path-mismatch',
  'mirror-rejected',
  'incompatible',
  'deprecated',
  'retracted',
]);

/** Whether a finding belongs on go.mod's `module` line (else it is job-level). */
export function isOnModuleLine(f: Finding): boolean {
  return ON_MODULE_LINE.has(f.code);
}

/**
 * The findings to show, one per cause. A moved tag is reported by the gate
 * both as `tag-moved` (other bytes) and as `origin-mismatch` (another commit);
 * the commit is evidence of the same cause, so it is folded into `tag-moved`.
 */
export function findingsToShow(report: Pick<ReleaseReport, 'findings'>): Finding[] {
  const moved = report.findings.find((f) => f.code === 'tag-moved');
  if (moved === undefined) return report.findings;
  const origin = report.findings.filter((f) => f.code === 'origin-mismatch');
  if (origin.length === 0) return report.findings;
  return report.findings.flatMap((f): Finding[] => {
    if (f.code === 'origin-mismatch') return [];
    if (f !== moved) return [f];
    // Keep the Origin evidence when the tag-moved text does not already name the commit.
    const evidence = origin
      .map((o) => o.message)
      .filter((m) => !f.message.includes(m))
      .filter((m) => {
        const commit = /[0-9a-f]{40}/.exec(m)?.[0];
        return commit === undefined || !f.message.includes(commit);
      });
    return [
      evidence.length === 0 ? f : { ...f, message: `${f.message} Origin: ${evidence.join(' ')}` },
    ];
  });
}

export interface AnnotationOptions {
  /** Added to each title, e.g. the tag when one run checks several. */
  subject?: string;
}

/** One annotation per shown finding, errors first, in report order within a severity. */
export function toAnnotations(
  report: ReleaseReport,
  options: AnnotationOptions = {},
): Annotation[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
  const annotations = findingsToShow(report)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .map(({ f }) => toAnnotation(f, options));
  const localOnly = report.localOnly;
  if (report.verdict === 'pass' && localOnly !== undefined) {
    annotations.push({
      severity: 'notice',
      title: `modseal: pass (local only)${options.subject ? ` ${options.subject}` : ''}`,
      message: `Nothing remote was compared, so the mirror and the checksum database may hold other bytes. ${localOnly}`,
    });
  }
  return annotations;
}

function toAnnotation(f: Finding, options: AnnotationOptions): Annotation {
  const a: Annotation = {
    severity: f.severity,
    title: `modseal: ${f.code}${options.subject ? ` ${options.subject}` : ''}`,
    message: f.fix === undefined ? f.message : `${f.message}\n\nFix: ${f.fix}`,
  };
  if (isOnModuleLine(f) && f.file !== undefined) {
    a.file = f.file;
    if (f.line !== undefined) a.line = f.line;
    if (f.column !== undefined) a.column = f.column;
  }
  return a;
}

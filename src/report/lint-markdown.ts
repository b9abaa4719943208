// The lint report as the job summary: the verdict, one row per module of
// the tree (where it is, its tags, the version checked and how it fared),
// then the findings with their fix, each linked to its file and line at the
// commit that was linted. Everything from the repository goes through
// ./escape.ts.
import type { LintFinding, LintReport, LintVerdict } from '../checks/lint/types.js';
import { cell, codeSpan, prose } from './escape.js';

const ICON: Record<LintVerdict, string> = { pass: '✅', fail: '❌', inconclusive: '⚠️' };
const SEVERITY: Record<LintFinding['severity'], string> = {
  error: '❌ **error**',
  warning: '⚠️ **warning**',
  notice: 'ℹ️ **notice**',
};

export interface LintMarkdownOptions {
  /** `https://github.com/OWNER/REPO`: files become links to the linted commit. */
  repoUrl?: string;
}

function location(f: LintFinding, report: LintReport, options: LintMarkdownOptions): string {
  if (f.file === undefined) return '';
  const text = codeSpan(f.line === undefined ? f.file : `${f.file}:${f.line}`);
  if (options.repoUrl === undefined || report.commit === undefined) return text;
  const file = f.file.split('/').map(encodeURIComponent).join('/');
  const anchor = f.line === undefined ? '' : `#L${f.line}`;
  return `[${text}](${options.repoUrl}/blob/${report.commit}/${file}${anchor})`;
}

function counts(findings: readonly LintFinding[]): string {
  if (findings.length === 0) return '✅';
  const n = (s: LintFinding['severity']): number => findings.filter((f) => f.severity === s).length;
  const parts: string[] = [];
  if (n('error') > 0) parts.push(`❌ ${n('error')}`);
  if (n('warning') > 0) parts.push(`⚠️ ${n('warning')}`);
  if (n('notice') > 0) parts.push(`ℹ️ ${n('notice')}`);
  return parts.join(' ');
}

// A finding belongs to the module whose path it names, else to the module
// whose directory holds its file.
function ownerOf(f: LintFinding, report: LintReport): number {
  const byPath = report.modules.findIndex((m) => m.path !== '' && m.path === f.module);
  if (byPath >= 0) return byPath;
  let best = -1;
  report.modules.forEach((m, i) => {
    const inside = m.dir === '' || f.file === m.dir || (f.file ?? '').startsWith(m.dir + '/');
    if (inside && (best < 0 || m.dir.length > (report.modules[best]?.dir.length ?? 0))) best = i;
  });
  return best;
}

/** The lint report as a job summary (GitHub-flavoured Markdown). */
export function renderLintMarkdown(report: LintReport, options: LintMarkdownOptions = {}): string {
  const out: string[] = [];
  const at = report.commit !== undefined ? ` at ${codeSpan(report.commit.slice(0, 12))}` : '';
  out.push(`## modseal lint: ${ICON[report.verdict]} ${report.verdict}`, '');
  out.push(
    `${report.modules.length} module${report.modules.length === 1 ? '' : 's'} in ${codeSpan(report.ref)}${at}.`,
    '',
  );
  const owned = report.findings.map((f) => ownerOf(f, report));
  if (report.modules.length > 0) {
    out.push('| module | directory | tag prefix | latest | next | findings |');
    out.push('|---|---|---|---|---|---|');
    report.modules.forEach((m, i) => {
      const mine = report.findings.filter((_, k) => owned[k] === i);
      out.push(
        `| ${m.path === '' ? '(none)' : codeSpan(m.path, { table: true })} | ${codeSpan(m.dir === '' ? '.' : m.dir + '/', { table: true })} | ${m.tagPrefix === '' ? '' : codeSpan(m.tagPrefix, { table: true })} | ${m.latest === undefined ? '' : cell(m.latest)} | ${m.next === undefined ? '' : cell(m.next)} | ${counts(mine)} |`,
      );
    });
    out.push('');
  }
  if (report.findings.length > 0) {
    out.push('### Findings', '');
    for (const f of report.findings) {
      const loc = location(f, report, options);
      out.push(
        `- ${SEVERITY[f.severity]} ${codeSpan(f.code)}${loc === '' ? '' : ` ${loc}`}: ${prose(f.message)}`,
      );
      if (f.fix !== undefined) out.push(`  <br>**Fix:** ${prose(f.fix)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

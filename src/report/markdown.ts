// The report as the job summary: Markdown with inline HTML. Everything that
// came from a server or a repository goes through escapeHtml/cell, because
// the runner inserts the summary as is.
import type { HashPair, ReleaseReport } from '../checks/types.js';
import { cell, code, escapeHtml } from './escape.js';

const HEADLINE: Record<ReleaseReport['verdict'], string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  inconclusive: '⚠️ inconclusive',
};

export interface MarkdownOptions {
  /** A note under the findings, e.g. that only the first annotations were emitted. */
  findingsNote?: string;
}

function hashRow(label: string, h: HashPair): string {
  const c = (v: string | undefined): string => (v === undefined ? '–' : code(v));
  return `| ${label} | ${c(h.zip)} | ${c(h.mod)} |`;
}

/** Job-summary Markdown; ends with a newline. */
export function renderMarkdown(report: ReleaseReport, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  out.push(`## modseal release gate: ${HEADLINE[report.verdict]}`, '');
  const subject = report.module
    ? code(`${report.module}@${report.version ?? '?'}`)
    : code(report.tag);
  const commit = report.commit ? ` at ${code(report.commit)}` : '';
  out.push(`${subject} from tag ${code(report.tag)}${commit}`, '');

  out.push('| source | zip | go.mod |', '|---|---|---|');
  out.push(hashRow('tag now (local rebuild)', report.hashes.local));
  out.push(
    hashRow(
      `mirror ${report.mirrorUrl ? cell(report.mirrorUrl) : ''}`.trim(),
      report.hashes.mirror,
    ),
  );
  out.push(
    hashRow(
      `checksum database ${report.sumdbName ? cell(report.sumdbName) : ''}`.trim(),
      report.hashes.sumdb,
    ),
  );
  if (report.mirrorCommit) out.push('', `The mirror fetched commit ${code(report.mirrorCommit)}.`);
  out.push('');

  if (report.findings.length > 0) {
    out.push('### Findings', '', '| severity | code | where | message |', '|---|---|---|---|');
    for (const f of report.findings) {
      const where = f.file ? code(`${f.file}${f.line ? `:${f.line}` : ''}`) : '';
      out.push(`| ${f.severity} | ${code(f.code)} | ${where} | ${cell(f.message)} |`);
    }
    if (options.findingsNote) out.push('', cell(options.findingsNote));
    out.push('');
    const fixes = [...new Set(report.findings.filter((f) => f.fix).map((f) => f.fix ?? ''))];
    if (fixes.length > 0) {
      out.push('### Fix', '');
      for (const fix of fixes) out.push(`<pre>${escapeHtml(fix)}</pre>`, '');
    }
  }

  const d = report.diff;
  if (d) {
    out.push('### Files that differ (mirror → tag now)', '');
    for (const n of d.added) out.push(`- added ${code(n)}`);
    for (const n of d.removed) out.push(`- removed ${code(n)}`);
    for (const c of d.changed) {
      out.push(`- changed ${code(c.name)}${c.note ? ` (${cell(c.note)})` : ''}`);
    }
    out.push('');
    for (const c of d.changed) {
      if (!c.diff) continue;
      out.push(
        '<details>',
        `<summary>diff ${code(c.name)}</summary>`,
        '',
        `<pre>${escapeHtml(c.diff)}</pre>`,
        '</details>',
        '',
      );
    }
  }

  out.push('<details>', '<summary>Steps</summary>', '');
  out.push('| step | status | detail |', '|---|---|---|');
  for (const s of report.steps) out.push(`| ${s.name} | ${s.status} | ${cell(s.detail)} |`);
  out.push('', '</details>', '');
  return out.join('\n');
}

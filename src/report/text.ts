// The report as plain text for a terminal or a log (stderr).
import type { HashPair, ReleaseReport } from '../checks/types.js';

const VERDICT: Record<ReleaseReport['verdict'], string> = {
  pass: 'PASS',
  fail: 'FAIL',
  inconclusive: 'INCONCLUSIVE',
};

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? l : prefix + l))
    .join('\n');
}

function hashLine(label: string, h: HashPair): string | undefined {
  if (h.zip === undefined && h.mod === undefined) return undefined;
  return `  ${label.padEnd(8)} zip ${h.zip ?? '-'}  go.mod ${h.mod ?? '-'}`;
}

/** Human-readable report; ends with a newline. */
export function renderText(report: ReleaseReport): string {
  const out: string[] = [];
  const subject = report.module ? `${report.module}@${report.version ?? '?'}` : report.tag;
  // A pass that compared nothing remote must not read like a full pass.
  const verdict =
    report.verdict === 'pass' && report.localOnly !== undefined
      ? `${VERDICT.pass} (local only)`
      : VERDICT[report.verdict];
  out.push(`modseal release gate: ${verdict}  ${subject} (tag ${report.tag})`);
  if (report.localOnly !== undefined) out.push(`  local only: ${report.localOnly}`);
  // Absent only in reports made before the field existed.
  if ((report.compared as ReleaseReport['compared'] | undefined) !== undefined) {
    out.push(`  compared ${report.compared.length > 0 ? report.compared.join(', ') : 'nothing'}`);
  }
  if (report.commit) out.push(`  commit   ${report.commit}`);
  for (const line of [
    hashLine('local', report.hashes.local),
    hashLine('mirror', report.hashes.mirror),
    hashLine('sumdb', report.hashes.sumdb),
  ]) {
    if (line !== undefined) out.push(line);
  }
  out.push('', 'steps:');
  for (const s of report.steps) {
    const tries =
      s.attempts === undefined ? '' : ` [${s.attempts} request${s.attempts === 1 ? '' : 's'}]`;
    out.push(`  ${s.name.padEnd(14)} ${s.status.padEnd(9)} ${s.detail}${tries}`);
  }
  if (report.findings.length > 0) {
    out.push('', 'findings:');
    for (const f of report.findings) {
      const where = f.file
        ? ` ${f.file}${f.line ? `:${f.line}` : ''}${f.column ? `:${f.column}` : ''}`
        : '';
      out.push(`  ${f.severity} ${f.code}${where}`);
      out.push(indent(f.message, '    '));
      if (f.fix) out.push(indent(`fix: ${f.fix}`, '    '));
    }
  }
  const d = report.diff;
  if (d) {
    out.push('', 'files (mirror -> tag now):');
    for (const n of d.added) out.push(`  added    ${n}`);
    for (const n of d.removed) out.push(`  removed  ${n}`);
    for (const c of d.changed) out.push(`  changed  ${c.name}${c.note ? ` (${c.note})` : ''}`);
    for (const c of d.changed) if (c.diff) out.push('', indent(c.diff.trimEnd(), '  '));
  }
  return out.join('\n') + '\n';
}

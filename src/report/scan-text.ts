// The scan's report for a terminal and the Action's log: each problem with
// what was seen and the fix, the retract block per module, then the counts.
import type { ScanReport } from '../checks/scan/report.js';

/** The report for a terminal: problems with their fixes, then the counts. */
export function renderScanText(report: ScanReport): string {
  const lines: string[] = [];
  for (const r of report.results) {
    if (r.status === 'ok') continue;
    lines.push(
      `${r.module}@${r.version}: ${r.status}${r.retracted !== undefined ? ' (retracted)' : ''}`,
    );
    lines.push(`  ${r.detail}`);
    if (r.fix !== undefined) lines.push(`  fix: ${r.fix}`);
  }
  for (const m of report.remedies) {
    const where = m.goModPath ?? `the go.mod of ${m.module}`;
    lines.push(
      m.nextVersion === undefined
        ? `${m.module}: ${m.note ?? ''}`
        : `${m.module}: add to ${where} and publish ${m.nextVersion} (tag ${m.tag ?? m.nextVersion}):`,
    );
    lines.push(...m.retract.split('\n').map((l) => `    ${l}`));
  }
  const counts = Object.entries(report.counts)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  lines.push(`scan ${report.verdict}: ${report.results.length} versions (${counts || 'none'})`);
  return `${lines.join('\n')}\n`;
}

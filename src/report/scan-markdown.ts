// The drift scan as the job summary: the verdict, counts by status, the fix
// for each module (the go.mod text to paste, alone in a fenced block), then
// every version, problems first. A repository with thousands of versions
// must still fit GitHub's summary limit (1 MiB per step), so the tables stop
// at a byte budget and say how many rows were left out. Everything from a
// server or a repository goes through ./escape.ts.
import type { ModuleRemedy } from '../checks/scan/remedy.js';
import type { ScanReport, ScanResult } from '../checks/scan/report.js';
import {
  SCAN_STATUSES,
  handledByRetraction,
  needsAction,
  type ScanStatus,
} from '../checks/scan/status.js';
import type { Verdict } from '../checks/types.js';
import { cell, codeSpan, fenced, prose } from './escape.js';

const VERDICT_ICON: Record<Verdict, string> = { pass: '✅', fail: '❌', inconclusive: '⚠️' };
const STATUS_ICON: Record<ScanStatus, string> = {
  moved: '❌',
  'mirror-differs': '❌',
  invalid: '❌',
  'tag-missing': '⚠️',
  unpublished: '⚠️',
  unchecked: '❔',
  ok: '✅',
};

/** GitHub refuses a step summary over 1 MiB; keep clear of it. */
export const SUMMARY_BUDGET = 1_000_000;

export interface ScanMarkdownOptions {
  /** `https://github.com/OWNER/REPO`: commits become links. */
  repoUrl?: string;
  /** Byte budget of the whole text (default SUMMARY_BUDGET). */
  budget?: number;
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * `items` (each one or more lines of text) from the start, as many as fit in
 * `room` bytes together with the line saying how many were left out.
 */
export function takeWithin(
  items: readonly string[],
  room: number,
  omitted: (left: number) => string,
): string[] {
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as string;
    const left = items.length - i - 1;
    // Room for this item, and for the omission line if later ones do not fit.
    const tail = left > 0 ? bytes(omitted(items.length)) + 2 : 0;
    if (used + bytes(item) + 1 + tail > room) {
      out.push(omitted(items.length - i));
      return out;
    }
    out.push(item);
    used += bytes(item) + 1;
  }
  return out;
}

/** The status as the tables show it, with the retraction noted beside it. */
export function statusCell(r: ScanResult): string {
  const base = `${STATUS_ICON[r.status]} ${r.status}`;
  if (r.retracted === undefined) return base;
  return handledByRetraction(r) ? `${base}, retracted ✔` : `${base}, retracted`;
}

function commitText(sha: string, repoUrl: string | undefined): string {
  const text = codeSpan(sha.slice(0, 12), { table: true });
  if (repoUrl === undefined || !/^[0-9a-f]{40,64}$/.test(sha)) return text;
  return `[${text}](${repoUrl}/commit/${sha})`;
}

/** `v1.2.3`, with the tag when it is not the version itself. */
function versionCell(r: ScanResult): string {
  const v = codeSpan(r.version, { table: true });
  const plainTag = r.version.replace(/\+incompatible$/, '');
  return r.tag === plainTag ? v : `${v}<br>tag ${codeSpan(r.tag, { table: true })}`;
}

export const RESULT_HEADER = [
  '| status | module | version | commit | what was seen | fix |',
  '|---|---|---|---|---|---|',
];

/** One table row of a version. */
export function resultRow(r: ScanResult, repoUrl?: string): string {
  return [
    '',
    statusCell(r),
    codeSpan(r.module, { table: true }),
    versionCell(r),
    r.commit === undefined ? '–' : commitText(r.commit, repoUrl),
    cell(r.detail),
    r.fix === undefined ? '' : cell(r.fix),
    '',
  ]
    .join(' | ')
    .trim();
}

/** "2 moved · 1 invalid · 40 ok": the non-zero counts, problems first. */
export function countsLine(report: ScanReport): string {
  return SCAN_STATUSES.filter((s) => (report.counts[s] ?? 0) > 0)
    .map((s) => `${report.counts[s]} ${s}`)
    .join(' · ');
}

/** The fix of one module: what to paste where, and what to publish. */
export function remedySection(m: ModuleRemedy, heading: string): string {
  const where =
    m.goModPath === undefined ? `the go.mod of ${codeSpan(m.module)}` : codeSpan(m.goModPath);
  const n = m.versions.length;
  const lines = [`${heading} ${codeSpan(m.module)}`, ''];
  if (m.nextVersion === undefined) {
    lines.push(
      `${n === 1 ? 'One version needs' : `${n} versions need`} retracting, but ${prose(m.note ?? 'no version can carry the retraction')}.`,
      '',
      fenced(m.retract),
    );
    return lines.join('\n');
  }
  const tag = m.tag !== undefined && m.tag !== m.nextVersion ? ` (tag ${codeSpan(m.tag)})` : '';
  lines.push(
    `Add this to ${where}, then publish ${codeSpan(m.nextVersion)}${tag}: it becomes the latest version, whose go.mod is the one the go command reads retractions from. ` +
      `The mirror keeps the first bytes of a version forever, so moving ${n === 1 ? 'the tag' : 'tags'} back is not the fix.`,
    '',
    fenced(m.retract),
  );
  if (m.note !== undefined) lines.push('', `> ${prose(m.note)}`);
  return lines.join('\n');
}

/** Problems first (needing action, then unchecked, then already retracted), then ok. */
export function orderForTables(results: readonly ScanResult[]): ScanResult[] {
  const rank = (r: ScanResult): number => {
    if (needsAction(r)) return SCAN_STATUSES.indexOf(r.status);
    if (r.status === 'unchecked') return SCAN_STATUSES.length;
    if (r.status !== 'ok') return SCAN_STATUSES.length + 1;
    return SCAN_STATUSES.length + 2;
  };
  return results
    .map((r, i) => ({ r, i, k: rank(r) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.r);
}

function headline(report: ScanReport): string[] {
  const modules = new Set(report.results.map((r) => r.module)).size;
  const total = report.results.length;
  const attention = report.results.filter(needsAction).length;
  const scope = `${total} version${total === 1 ? '' : 's'} of ${modules} module${modules === 1 ? '' : 's'}`;
  const line =
    attention > 0
      ? `${attention} of ${scope} need attention.`
      : report.verdict === 'inconclusive'
        ? `No problem found in ${scope}, but some could not be checked (see below).`
        : `Every one of ${scope} matches what was published, or is already retracted.`;
  return [`## ${VERDICT_ICON[report.verdict]} modseal scan: ${report.verdict}`, '', line, ''];
}

/** The scan as a GitHub job summary, within `options.budget` bytes. */
export function renderScanMarkdown(report: ScanReport, options: ScanMarkdownOptions = {}): string {
  const budget = options.budget ?? SUMMARY_BUDGET;
  const out = [...headline(report)];
  out.push('| status | versions |', '|---|---|');
  for (const s of SCAN_STATUSES) {
    const n = report.counts[s] ?? 0;
    if (n > 0) out.push(`| ${STATUS_ICON[s]} ${s} | ${n} |`);
  }
  out.push('');
  const ordered = orderForTables(report.results);
  const notOk = ordered.filter((r) => r.status !== 'ok');
  const ok = ordered.filter((r) => r.status === 'ok');

  // The fixes come first: they are what the reader acts on. Each part gets
  // what the earlier ones left of the budget.
  const room = (): number => budget - bytes(out.join('\n')) - 64;
  if (report.remedies.length > 0) {
    out.push('### Fixes', '');
    const blocks = report.remedies.map((m) => `${remedySection(m, '####')}\n`);
    out.push(
      ...takeWithin(
        blocks,
        Math.floor(room() / 2),
        (left) =>
          `_${left} more module fix${left === 1 ? '' : 'es'} not shown: see \`modseal scan --json\`._\n`,
      ),
    );
  }
  if (notOk.length > 0) {
    out.push('### Versions needing attention or not checked', '', ...RESULT_HEADER);
    out.push(
      ...takeWithin(
        notOk.map((r) => resultRow(r, options.repoUrl)),
        room(),
        (left) =>
          `\n_${left} more version${left === 1 ? '' : 's'} not shown: see \`modseal scan --json\`._`,
      ),
      '',
    );
  }
  if (ok.length > 0) {
    const head = [
      '<details>',
      `<summary>${ok.length} version${ok.length === 1 ? '' : 's'} ok</summary>`,
      '',
      ...RESULT_HEADER,
    ];
    const rows = takeWithin(
      ok.map((r) => resultRow(r, options.repoUrl)),
      room() - bytes(head.join('\n')) - 32,
      (left) => `\n_${left} more not shown._`,
    );
    if (rows.length > 0 && !rows[0]?.startsWith('\n_')) {
      out.push(...head, ...rows, '', '</details>', '');
    } else {
      out.push(
        `_${ok.length} version${ok.length === 1 ? '' : 's'} ok, not listed: the summary is full._`,
        '',
      );
    }
  }
  return out.join('\n') + '\n';
}

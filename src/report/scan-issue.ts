// The body of the one GitHub issue the scheduled scan keeps per repository:
// a hidden marker (an HTML comment, invisible when rendered) by which the
// next scan finds the issue again, the fix of each module, and each version
// that needs attention with its own fix. GitHub refuses a body over 65,536
// characters, so the text stops at a byte budget (bytes bound characters in
// any counting) and says how much was left out, for any number of findings.
import type { ScanReport } from '../checks/scan/report.js';
import { needsAction } from '../checks/scan/status.js';
import {
  RESULT_HEADER,
  countsLine,
  remedySection,
  resultRow,
  takeWithin,
} from './scan-markdown.js';

/** GitHub's limit on an issue body or comment, in characters. */
export const ISSUE_BODY_LIMIT = 65_536;
/** What the body aims for, leaving GitHub's limit a margin. */
const DEFAULT_BUDGET = 60_000;

const MARKER_PREFIX = '<!-- modseal:scan-issue';

/**
 * The hidden first line of the issue. `key` tells apart scans of different
 * module sets in one repository (two workflows must not close each other's
 * issue); it may hold letters, digits and `._/@-` only, so it cannot end the comment.
 */
export function scanIssueMarker(key = ''): string {
  if (key !== '' && !/^[A-Za-z0-9._/@-]+$/.test(key)) {
    throw new Error(`scan issue key ${JSON.stringify(key)}: use letters, digits and ._/@- only`);
  }
  return key === '' ? `${MARKER_PREFIX} -->` : `${MARKER_PREFIX} ${key} -->`;
}

/**
 * Whether an issue body is one this scan wrote: it starts with the marker
 * line (a quote of it elsewhere in someone's issue does not count).
 */
export function hasScanIssueMarker(body: string | null | undefined, key = ''): boolean {
  if (body === null || body === undefined) return false;
  const first = body.trimStart().split(/\r?\n/, 1)[0]?.trim();
  return first === scanIssueMarker(key);
}

export interface ScanIssueOptions {
  /** Scope of the issue (see scanIssueMarker). */
  key?: string;
  /** The workflow run that wrote the body. */
  runUrl?: string;
  /** `https://github.com/OWNER/REPO`: commits become links. */
  repoUrl?: string;
  /** Bytes the body may take (default 60,000, under GitHub's 65,536 characters). */
  budget?: number;
}

/** The issue's title: how many versions need attention. */
export function scanIssueTitle(report: ScanReport): string {
  const n = report.results.filter(needsAction).length;
  return `modseal scan: ${n} version${n === 1 ? '' : 's'} need${n === 1 ? 's' : ''} attention`;
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** The issue body for a report with versions needing attention. */
export function renderScanIssue(report: ScanReport, options: ScanIssueOptions = {}): string {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const problems = report.results.filter(needsAction);
  const unchecked = report.results.filter((r) => r.status === 'unchecked').length;
  const run =
    options.runUrl === undefined ? 'The latest scan' : `[The latest scan](${options.runUrl})`;
  const out = [
    scanIssueMarker(options.key),
    `${run} found ${problems.length} version${problems.length === 1 ? '' : 's'} needing attention.`,
    '',
    `**Counts:** ${countsLine(report)}.${unchecked > 0 ? ` ${unchecked} could not be checked; they are listed in the run's summary.` : ''}`,
    '',
  ];
  const closing = [
    '',
    '---',
    '_modseal updates this issue on every scheduled scan and closes it once every version is ok (or retracted) again. ' +
      'The line at the top of this text lets it find the issue: keep it when editing._',
  ];
  const room = (): number => budget - bytes(out.join('\n')) - bytes(closing.join('\n')) - 16;

  if (report.remedies.length > 0) {
    out.push('### Fixes', '');
    out.push(
      ...takeWithin(
        report.remedies.map((m) => `${remedySection(m, '####')}\n`),
        Math.floor(room() / 2),
        (left) =>
          `_${left} more module fix${left === 1 ? '' : 'es'} not shown (no room in an issue): see the run's summary or \`modseal scan --json\`._\n`,
      ),
    );
  }
  out.push('### Versions', '', ...RESULT_HEADER);
  out.push(
    ...takeWithin(
      problems.map((r) => resultRow(r, options.repoUrl)),
      room(),
      (left) =>
        `\n_${left} more version${left === 1 ? '' : 's'} not shown (no room in an issue): see the run's summary or \`modseal scan --json\`._`,
    ),
  );
  out.push(...closing);
  return out.join('\n') + '\n';
}

/** The comment posted when the issue is closed: every version is ok (or retracted) again. */
export function renderScanIssueClosing(report: ScanReport, options: ScanIssueOptions = {}): string {
  const run =
    options.runUrl === undefined ? 'The latest scan' : `[The latest scan](${options.runUrl})`;
  const n = report.results.length;
  const m = new Set(report.results.map((r) => r.module)).size;
  return (
    `${run} found nothing left to fix in ${n} version${n === 1 ? '' : 's'} of ${m} module${m === 1 ? '' : 's'}` +
    `${n > 0 ? ` (${countsLine(report)})` : ''}. Closing.\n`
  );
}

// A warning block on the GitHub Release of the checked tag, so people who
// read the release page learn what the gate found. The block sits between
// markers and is replaced (or removed once clean) on every run, so re-runs
// never stack notes.
import type { ReleaseReport } from '../checks/types.js';
import { findingsToShow } from '../report/annotations.js';
import { codeSpan, fenced, prose } from '../report/escape.js';

export const NOTE_START = '<!-- modseal:release-note:start -->';
export const NOTE_END = '<!-- modseal:release-note:end -->';

/** The two GitHub calls the note needs (contents: write). */
export interface ReleaseApi {
  /** undefined when the tag has no GitHub Release (404). */
  getReleaseByTag(tag: string): Promise<{ id: number; body: string } | undefined>;
  updateRelease(id: number, body: string): Promise<void>;
}

/** The block for this report, or undefined when there is nothing to warn about. */
export function noteBlock(report: ReleaseReport): string | undefined {
  const shown = findingsToShow(report).filter((f) => f.severity !== 'notice');
  if (report.verdict === 'pass' && shown.length === 0) return undefined;
  // Code spans and fenced blocks, not <code>/<pre>: GitHub autolinks
  // module@version inside HTML as an e-mail address, and <pre> never wraps.
  const subject = codeSpan(`${report.module ?? report.tag}@${report.version ?? ''}`);
  const lines = [
    NOTE_START,
    '> [!WARNING]',
    `> **modseal release gate: ${report.verdict}** for ${subject}`,
    '>',
  ];
  for (const f of shown) {
    lines.push(`> - **${f.code}** (${f.severity}): ${prose(f.message.replace(/\n/g, ' '))}`);
  }
  if (report.remedy) {
    lines.push(
      '>',
      `> Use ${codeSpan(report.remedy.nextVersion)} instead; its go.mod says:`,
      '>',
      ...fenced(report.remedy.retract)
        .split('\n')
        .map((l) => `> ${l}`),
    );
  }
  lines.push(NOTE_END);
  return lines.join('\n');
}

/** `body` with the modseal block replaced by `block`, appended, or removed (block undefined). */
export function mergeNote(body: string, block: string | undefined): string {
  const start = body.indexOf(NOTE_START);
  const end = body.indexOf(NOTE_END, start);
  if (start >= 0 && end >= 0) {
    const before = body.slice(0, start).replace(/\n+$/, '');
    const after = body.slice(end + NOTE_END.length).replace(/^\n+/, '');
    const rest = [before, after].filter((s) => s !== '').join('\n\n');
    if (block === undefined) return rest;
    return rest === '' ? block : `${rest}\n\n${block}`;
  }
  if (block === undefined) return body;
  return body.trim() === '' ? block : `${body.replace(/\n+$/, '')}\n\n${block}`;
}

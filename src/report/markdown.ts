// The report as the job summary, written for a maintainer who reads it once,
// at a glance: the verdict, what to do (a paragraph and the go.mod line to
// paste, alone in a fenced block), who is affected, then the evidence.
// GitHub renders it as GitHub-flavoured Markdown and inserts raw HTML as is,
// so everything that came from a server or a repository goes through
// ./escape.ts: prose with code spans for module@version (GitHub autolinks
// those as e-mail addresses, even inside an HTML <code>), fenced blocks for
// diffs, and no <pre> (it does not wrap).
import type { Finding, ReleaseReport, Verdict } from '../checks/types.js';
import { findingsToShow, isOnModuleLine } from './annotations.js';
import { codeSpan, escapeHtml, fenced, prose } from './escape.js';

const ICON: Record<Verdict, string> = { pass: '✅', fail: '❌', inconclusive: '⚠️' };
const SEVERITY: Record<Finding['severity'], string> = {
  error: '❌ **error**',
  warning: '⚠️ **warning**',
  notice: 'ℹ️ **notice**',
};
const RANK: Record<Verdict, number> = { pass: 0, inconclusive: 1, fail: 2 };

/** fail over inconclusive over pass: the verdict of several checks. */
export function worstVerdict(verdicts: Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((w, v) => (RANK[v] > RANK[w] ? v : w), 'pass');
}

export interface MarkdownOptions {
  /** A note under the findings, e.g. that only the first annotations were emitted. */
  findingsNote?: string;
  /**
   * The repository on GitHub (`https://github.com/OWNER/REPO`, from
   * GITHUB_SERVER_URL and GITHUB_REPOSITORY): commits become links.
   */
  repoUrl?: string;
}

/** The verdict as a headline word: a pass that compared nothing remote says so. */
function verdictLabel(report: ReleaseReport): string {
  const localOnly = report.verdict === 'pass' && report.localOnly !== undefined;
  return `${ICON[report.verdict]} ${report.verdict}${localOnly ? ' (local only)' : ''}`;
}

function subjectOf(report: ReleaseReport): string {
  return report.module ? `${report.module}@${report.version ?? '?'}` : report.tag;
}

function commitLink(sha: string, options: MarkdownOptions): string {
  const text = codeSpan(sha.slice(0, 12));
  if (options.repoUrl === undefined || !/^[0-9a-f]{40,64}$/.test(sha)) return text;
  return `[${text}](${options.repoUrl}/commit/${sha})`;
}

function comparedLine(report: ReleaseReport): string {
  const remote: string[] = [];
  const sides = report.compared;
  if (sides.includes('mirror')) {
    remote.push(`the mirror${report.mirrorUrl ? ` ${codeSpan(report.mirrorUrl)}` : ''}`);
  }
  if (sides.includes('sumdb')) {
    remote.push(`the checksum database${report.sumdbName ? ` ${codeSpan(report.sumdbName)}` : ''}`);
  }
  if (remote.length === 0) {
    const reason = report.localOnly?.trim().replace(/\.$/, '');
    if (reason !== undefined) return `**Local only:** ${prose(reason)}.`;
    return 'Only the local rebuild was checked: the mirror and the checksum database could not be compared (see the steps).';
  }
  return `Compared the local rebuild of the tag with ${remote.join(' and ')}.`;
}

/** A hash cell of the mirror or checksum-database row, marked against the local rebuild. */
function markedHash(value: string | undefined, local: string | undefined): string {
  if (value === undefined) return '– not compared';
  if (local === undefined) return codeSpan(value, { table: true });
  if (value === local) return `✅ ${codeSpan(value, { table: true })}`;
  return `❌ **${codeSpan(value, { table: true })} differs**`;
}

/**
 * One row per hash and source, the zip's three first: two columns of
 * 47-character hashes side by side do not fit the summary pane at 1200 px.
 */
function hashTable(report: ReleaseReport): string[] {
  const { local, mirror, sumdb } = report.hashes;
  const out = ['| hash | source | h1 |', '|---|---|---|'];
  for (const [kind, key] of [
    ['zip', 'zip'],
    ['go.mod', 'mod'],
  ] as const) {
    const L = local[key];
    out.push(
      `| **${kind}** | tag now (local rebuild) | ${L === undefined ? '–' : codeSpan(L, { table: true })} |`,
      `| | mirror | ${markedHash(mirror[key], L)} |`,
      `| | checksum database | ${markedHash(sumdb[key], L)} |`,
    );
  }
  const used = out.join('\n');
  const legend = [
    used.includes('✅') ? '✅ same as the tag now' : '',
    used.includes('❌') ? '❌ differs from the tag now' : '',
  ].filter((l) => l !== '');
  if (legend.length > 0) out.push('', legend.join(' · '));
  return out;
}

/**
 * The fix: each distinct fix as a paragraph. When it carries the remedy's
 * go.mod line, that line is taken out of the paragraph and shown alone in a
 * fenced block, ready to paste.
 */
function fixSection(report: ReleaseReport, shown: Finding[]): string[] {
  const out: string[] = [];
  const remedy = report.remedy;
  const caveat = remedy?.caveat;
  let remedyShown = false;
  const fixes = [...new Set(shown.flatMap((f) => (f.fix ? [f.fix] : [])))];
  for (const fix of fixes) {
    // The caveat is shown once, set apart, right under the line to paste.
    const lines = (caveat ? fix.split(caveat).join('') : fix).split('\n');
    if (remedy !== undefined && lines.some((l) => l.trim() === remedy.retract)) {
      if (remedyShown) continue;
      remedyShown = true;
      const text = lines.filter((l) => l.trim() !== remedy.retract).join('\n');
      out.push(prose(text.trim()), '', fenced(remedy.retract), '');
    } else {
      out.push(prose(lines.join('\n').trim()), '');
    }
  }
  if (remedy !== undefined && !remedyShown) {
    out.push(
      `Publish ${codeSpan(remedy.nextVersion)} from the commit you want, with this line added to its go.mod:`,
      '',
      fenced(remedy.retract),
      '',
    );
  }
  if (caveat !== undefined) out.push(`> ⚠️ ${prose(caveat)}`, '');
  return out;
}

/** One short paragraph, as the demo says it, when the tag moved after publication. */
function whoIsAffected(report: ReleaseReport, options: MarkdownOptions): string[] {
  const old = report.mirrorCommit ? ` of commit ${commitLink(report.mirrorCommit, options)}` : '';
  return [
    `**Who is affected.** Users who fetch ${codeSpan(subjectOf(report))} through the mirror keep getting the old bytes${old}; ` +
      `anyone who fetches the tag directly gets the new commit and ${codeSpan('verifying module: checksum mismatch … SECURITY ERROR')}. ` +
      'Moving the tag back is safe only if nobody fetched the new commit.',
    '',
  ];
}

/** A list rather than a table: messages are long, and a narrow column breaks the codes. */
function findingsList(shown: Finding[], options: MarkdownOptions): string[] {
  const out: string[] = [];
  for (const f of shown) {
    const at =
      isOnModuleLine(f) && f.file !== undefined
        ? ` at ${codeSpan(`${f.file}${f.line ? `:${f.line}` : ''}`)}`
        : '';
    out.push(`- ${SEVERITY[f.severity]} ${codeSpan(f.code)}${at}: ${prose(f.message)}`);
  }
  if (options.findingsNote) out.push('', prose(options.findingsNote));
  out.push('');
  return out;
}

function filesSection(report: ReleaseReport, options: MarkdownOptions, h: string): string[] {
  const d = report.diff;
  if (!d) return [];
  const out = [`${h} Files that differ (mirror → tag now)`, ''];
  for (const n of d.added) out.push(`- added ${codeSpan(n)}`);
  for (const n of d.removed) out.push(`- removed ${codeSpan(n)}`);
  for (const c of d.changed)
    out.push(`- changed ${codeSpan(c.name)}${c.note ? ` (${prose(c.note)})` : ''}`);
  out.push('');
  const { mirrorCommit, commit } = report;
  if (options.repoUrl && mirrorCommit && commit && mirrorCommit !== commit) {
    out.push(
      `[Compare the two commits on GitHub](${options.repoUrl}/compare/${mirrorCommit}...${commit}) (the mirror's first, the tag's now).`,
      '',
    );
  }
  const withDiff = d.changed.filter((c) => c.diff);
  for (const c of withDiff) {
    const text = c.diff ?? '';
    // A few short diffs are shown open; a long list stays folded.
    const open = withDiff.length <= 3 && text.split('\n').length <= 40 ? ' open' : '';
    out.push(
      `<details${open}>`,
      // An HTML block: GitHub neither parses nor autolinks inside it.
      `<summary>diff <code>${escapeHtml(c.name)}</code></summary>`,
      '',
      fenced(text, 'diff'),
      '',
      '</details>',
      '',
    );
  }
  return out;
}

function stepsSection(report: ReleaseReport): string[] {
  const out = ['<details>', '<summary>Steps</summary>', ''];
  out.push('| step | status | requests | detail |', '|---|---|---|---|');
  for (const s of report.steps) {
    out.push(
      `| ${s.name} | ${s.status} | ${s.attempts ?? ''} | ${prose(s.detail, { table: true })} |`,
    );
  }
  out.push('', '</details>', '');
  return out;
}

/** The body of one report, under a heading of `level`. */
function renderReport(
  report: ReleaseReport,
  heading: string,
  level: number,
  options: MarkdownOptions,
): string[] {
  const h = '#'.repeat(level + 1);
  const out = [`${'#'.repeat(level)} ${heading}`, ''];
  const commit = report.commit ? ` at commit ${commitLink(report.commit, options)}` : '';
  out.push(
    `${codeSpan(subjectOf(report))} from tag ${codeSpan(report.tag)}${commit}. ${comparedLine(report)}`,
    '',
  );

  const shown = findingsToShow(report);
  const moved = shown.some((f) => f.code === 'tag-moved' && f.severity === 'error');
  const fix = fixSection(report, shown);
  if (fix.length > 0) out.push(`${h} Fix`, '', ...fix);
  if (moved) out.push(...whoIsAffected(report, options));
  if (shown.length > 0) out.push(`${h} Findings`, '', ...findingsList(shown, options));
  out.push(`${h} Hashes`, '', ...hashTable(report), '');
  // For a moved tag the paragraph on who is affected already names it.
  if (!moved && report.mirrorCommit && report.mirrorCommit !== report.commit) {
    out.push(`The mirror fetched commit ${commitLink(report.mirrorCommit, options)}.`, '');
  }
  out.push(...filesSection(report, options, h));
  out.push(...stepsSection(report));
  return out;
}

/** Job-summary Markdown of one report; ends with a newline. */
export function renderMarkdown(report: ReleaseReport, options: MarkdownOptions = {}): string {
  return renderReport(report, `modseal release gate: ${verdictLabel(report)}`, 2, options).join(
    '\n',
  );
}

/** One tag of a run: its report, or why it could not be checked. */
export interface SummaryEntry {
  tag: string;
  report?: ReleaseReport;
  error?: string;
}

/**
 * The job summary of a run: one report as renderMarkdown; several tags as
 * an overview table with the worst verdict, then a section per tag.
 */
export function renderSummary(entries: SummaryEntry[], options: MarkdownOptions = {}): string {
  const [only] = entries;
  if (entries.length === 1 && only?.report !== undefined)
    return renderMarkdown(only.report, options);
  const verdicts = entries.map((e) => e.report?.verdict ?? 'inconclusive');
  const worst = worstVerdict(verdicts);
  const out = [`## modseal release gate: ${ICON[worst]} ${worst} (${entries.length} tags)`, ''];
  out.push('| tag | module@version | verdict |', '|---|---|---|');
  for (const e of entries) {
    const what = e.report ? codeSpan(subjectOf(e.report), { table: true }) : '–';
    const verdict = e.report ? verdictLabel(e.report) : '⛔ not checked';
    out.push(`| ${codeSpan(e.tag, { table: true })} | ${what} | ${verdict} |`);
  }
  out.push('');
  if (options.findingsNote) out.push(prose(options.findingsNote), '');
  const inner: MarkdownOptions = { ...options };
  delete inner.findingsNote;
  for (const e of entries) {
    if (e.report !== undefined) {
      out.push(
        ...renderReport(e.report, `${codeSpan(e.tag)}: ${verdictLabel(e.report)}`, 3, inner),
      );
    } else {
      out.push(`### ${codeSpan(e.tag)}: ⛔ not checked`, '', prose(e.error ?? 'unknown error'), '');
    }
  }
  return out.join('\n');
}

// The Action as a function of its inputs, environment and reporter: decides
// the job, runs the release gate, and turns the report into annotations, a
// job summary, outputs, an optional release note and the step's status.
import path from 'node:path';
import type { ReleaseReport, Severity, Verdict } from '../checks/types.js';
import { InputError, errorMessage } from '../internal/errors.js';
import { escapePath, escapeVersion } from '../module/index.js';
import { findingsToShow, toAnnotations } from '../report/annotations.js';
import { renderJson } from '../report/json.js';
import { renderSummary, worstVerdict, type SummaryEntry } from '../report/markdown.js';
import { renderText } from '../report/text.js';
import type { ReleaseCheck, ReleaseCheckRequest } from '../wire/index.js';
import { parseInputs, type ActionConfig, type GetInput } from './inputs.js';
import { lintsByEvent, runLintMode } from './lint-mode.js';
import { runScanMode, scansByEvent, type ScanRunner } from './scan-mode.js';
import type { IssuesPort } from './scan-issue.js';
import type { Lint } from '../wire/lint.js';
import { mergeNote, noteBlock, type ReleaseApi } from './release-note.js';

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/** The subset of @actions/core the Action uses. */
export interface ActionReporter {
  setSecret(secret: string): void;
  setOutput(name: string, value: string): void;
  info(message: string): void;
  error(message: string, properties?: AnnotationProperties): void;
  warning(message: string, properties?: AnnotationProperties): void;
  notice(message: string, properties?: AnnotationProperties): void;
  /** Appends Markdown to the job summary. */
  writeSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
}

export interface ActionDeps {
  getInput: GetInput;
  /** GITHUB_EVENT_NAME, GITHUB_REF, GITHUB_WORKSPACE, RUNNER_TEMP… */
  env: Record<string, string | undefined>;
  reporter: ActionReporter;
  releaseCheck: ReleaseCheck;
  writeFile(file: string, text: string): Promise<void>;
  /** GitHub Releases client for the release note, given the github-token. */
  releases(token: string): ReleaseApi;
  /** The version tags pointing at HEAD of the checkout in `repoDir` (tags: all-at-head). */
  tagsAtHead(repoDir: string): Promise<string[]>;
  /** The pull-request lint (mode lint, and auto on pull requests and branch pushes). */
  lint?: Lint;
  /** modseal's version, for SARIF. */
  toolVersion?: string;
  /** The drift scan (mode scan, and auto on schedule and on workflow_dispatch without tags). */
  scan?: ScanRunner;
  /** The repository's issues for scan-issue: true. */
  issues?: (token: string) => IssuesPort;
}

/** Annotations per severity that GitHub shows for a step; the rest go to the summary only. */
export const ANNOTATION_CAP = 10;

/** Every string sent out goes through here: a token must never reach a log, even when echoed by a server. */
export function redactor(secrets: string[]): (s: string) => string {
  const live = secrets.filter((s) => s.length > 0);
  return (s) => live.reduce((acc, t) => acc.split(t).join('***'), s);
}

function redacting(reporter: ActionReporter, clean: (s: string) => string): ActionReporter {
  const props = (p?: AnnotationProperties): AnnotationProperties | undefined =>
    p === undefined ? undefined : { ...p, ...(p.title ? { title: clean(p.title) } : {}) };
  return {
    setSecret: (s) => reporter.setSecret(s),
    setOutput: (n, v) => reporter.setOutput(n, clean(v)),
    info: (m) => reporter.info(clean(m)),
    error: (m, p) => reporter.error(clean(m), props(p)),
    warning: (m, p) => reporter.warning(clean(m), props(p)),
    notice: (m, p) => reporter.notice(clean(m), props(p)),
    writeSummary: (md) => reporter.writeSummary(clean(md)),
    setFailed: (m) => reporter.setFailed(clean(m)),
  };
}

/**
 * The tags to check: the `tags` input, else the `tag` input, else the tag
 * that triggered the run; or an InputError saying why there is none.
 */
export async function selectTags(
  config: ActionConfig,
  env: ActionDeps['env'],
  tagsAtHead: (repoDir: string) => Promise<string[]>,
  repoDir: string,
): Promise<string[]> {
  if (config.tags?.kind === 'list') return config.tags.tags;
  if (config.tags?.kind === 'all-at-head') return tagsAtHead(repoDir);
  if (config.tag !== undefined) return [config.tag];
  const ref = env.GITHUB_REF ?? '';
  if (ref.startsWith('refs/tags/')) return [ref.slice('refs/tags/'.length)];
  const event = env.GITHUB_EVENT_NAME ?? 'unknown';
  if (config.mode === 'release') {
    throw new InputError(
      `tag: mode release needs a tag: set the tag or tags input (tags: all-at-head gates every version tag on the checked-out commit), or run on a tag push (this run is a ${event} event on ${ref || 'no ref'})`,
    );
  }
  throw new InputError(
    `mode: auto found a ${event} event on ${ref || 'no ref'}: it runs the release gate on tag pushes ("on: push: tags: ['v*', '**/v*']") ` +
      `and the lint on pull requests and branch pushes. Set mode: lint, or the tag or tags input to check tags.`,
  );
}

function shouldFail(config: ActionConfig, report: ReleaseReport): boolean {
  if (config.failOn === 'never') return false;
  if (report.verdict !== 'pass') return true;
  return config.failOn === 'warning' && report.findings.some((f) => f.severity === 'warning');
}

/** What made a report fail the step, as codes (the annotations carry the words). */
function causes(report: ReleaseReport): string {
  const shown = findingsToShow(report);
  const pick = (keep: (f: (typeof shown)[number]) => boolean): string[] => [
    ...new Set(shown.filter(keep).map((f) => f.code)),
  ];
  let codes: string[];
  if (report.verdict === 'fail') codes = pick((f) => f.severity === 'error');
  else if (report.verdict === 'inconclusive') {
    codes = pick((f) => f.code === 'unreachable' || f.code === 'build-mismatch');
    if (codes.length === 0) {
      codes = report.steps
        .filter((s) => s.status !== 'ok' && s.status !== 'skipped')
        .map((s) => `${s.name} not checked`);
    }
  } else codes = pick((f) => f.severity === 'warning');
  return codes.join(', ');
}

/**
 * One short line for setFailed: the verdict and what caused it, pointing at
 * the job summary; the annotations already carry the messages.
 */
export function failureMessage(entries: SummaryEntry[], failing: SummaryEntry[]): string {
  const worst = worstVerdict(entries.map((e) => e.report?.verdict ?? 'inconclusive'));
  const one = (e: SummaryEntry): string => {
    if (e.report === undefined) return 'not checked';
    const why = causes(e.report);
    const label = e.report.verdict === 'pass' ? 'pass with warnings' : e.report.verdict;
    return why === '' ? label : `${label}: ${why}`;
  };
  const [only] = entries;
  if (entries.length === 1 && only?.report !== undefined) {
    const r = only.report;
    const subject = r.module ? `${r.module}@${r.version ?? '?'}` : r.tag;
    const why = causes(r);
    const label = r.verdict === 'pass' ? 'pass with warnings' : r.verdict;
    return `modseal release gate: ${label} for ${subject}${why ? ` (${why})` : ''}: see the job summary`;
  }
  const list = failing.map((e) => `${e.tag}: ${one(e)}`).join('; ');
  return `modseal release gate: ${worst} (${failing.length} of ${entries.length} tags: ${list}): see the job summary`;
}

/**
 * Where a report's JSON goes: one file per module and version, laid out as
 * the module cache does (…/MODULE/@v/VERSION.json, with the go command's
 * `!` escaping of capitals, so case-insensitive file systems keep two
 * modules apart). Several steps or tags in one job never overwrite each other.
 */
export function reportPath(dir: string, report: ReleaseReport): string {
  const root = path.join(dir, 'modseal');
  try {
    if (report.module !== undefined && report.version !== undefined) {
      const parts = escapePath(report.module).split('/');
      return path.join(root, ...parts, '@v', `${escapeVersion(report.version)}.json`);
    }
  } catch {
    // An invalid path or version still gets a report, named after the tag.
  }
  return path.join(root, '@tag', `${encodeURIComponent(report.tag)}.json`);
}

/** https://github.com/OWNER/REPO when running in the Action, for commit links. */
export function repositoryUrl(env: ActionDeps['env']): string | undefined {
  const repo = env.GITHUB_REPOSITORY ?? '';
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) return undefined;
  if (!/^https?:\/\/[A-Za-z0-9.:-]+$/.test(server)) return undefined;
  return `${server}/${repo}`;
}

/**
 * Run the Action. Never throws: problems end in `setFailed`. Returns the
 * worst verdict, or 'input-error' when the inputs or a tag were unusable.
 */
export async function runAction(deps: ActionDeps): Promise<Verdict | 'input-error'> {
  // Mask both tokens before anything else can print them.
  const secrets = [deps.getInput('github-token').trim(), deps.getInput('proxy-token').trim()];
  for (const s of secrets) if (s !== '') deps.reporter.setSecret(s);
  const clean = redactor(secrets);
  const out = redacting(deps.reporter, clean);

  let config: ActionConfig;
  let base: Omit<ReleaseCheckRequest, 'tag'>;
  let tags: string[];
  try {
    config = parseInputs(deps.getInput);
    if (lintsByEvent(config, deps.env) && deps.lint !== undefined) {
      const lintDeps = { ...deps, lint: deps.lint, toolVersion: deps.toolVersion ?? 'dev' };
      return await runLintMode(config, lintDeps, out, clean, ANNOTATION_CAP);
    }
    if (scansByEvent(config, deps.env) && deps.scan !== undefined) {
      const scanDeps = {
        getInput: deps.getInput,
        env: deps.env,
        scan: deps.scan,
        writeFile: (file: string, text: string) => deps.writeFile(file, text),
        ...(deps.issues !== undefined ? { issues: deps.issues } : {}),
      };
      return await runScanMode(config, scanDeps, out, clean, repositoryUrl(deps.env));
    }
    const workspace = deps.env.GITHUB_WORKSPACE ?? process.cwd();
    const repoDir = path.resolve(workspace, config.workingDirectory);
    tags = await selectTags(config, deps.env, (dir) => deps.tagsAtHead(dir), repoDir);
    base = {
      repoDir,
      warm: config.warm,
      warmTimeoutMs: config.warmTimeoutMs,
      timeoutMs: config.timeoutMs,
    };
    if (config.modulePath !== undefined) base.modulePath = config.modulePath;
    if (config.goproxy !== undefined) base.goproxy = config.goproxy;
    if (config.gosumdb !== undefined) base.gosumdb = config.gosumdb;
    if (config.goprivate !== undefined) base.goprivate = config.goprivate;
    if (config.gonosumdb !== undefined) base.gonosumdb = config.gonosumdb;
    if (config.proxyToken !== undefined) base.proxyToken = config.proxyToken;
    if (config.sumdbCache !== undefined) {
      base.sumdbCache = path.resolve(workspace, config.sumdbCache);
    }
  } catch (e) {
    out.setFailed(errorMessage(e));
    return 'input-error';
  }

  // One gate run per tag, one after the other (they share the mirror and
  // the checksum database's tree-head cache).
  const entries: SummaryEntry[] = [];
  for (const [i, tag] of tags.entries()) {
    if (tags.length > 1) out.info(`modseal: checking ${tag} (${i + 1} of ${tags.length})`);
    try {
      const request: ReleaseCheckRequest = { ...base, tag };
      entries.push({ tag, report: await deps.releaseCheck(request) });
    } catch (e) {
      const prefix = e instanceof InputError ? 'modseal' : 'modseal: internal error';
      const message = `${prefix}: ${errorMessage(e)}`;
      if (tags.length === 1) {
        out.setFailed(message);
        return 'input-error';
      }
      out.error(`${tag}: ${message}`, { title: `modseal: ${tag} not checked` });
      entries.push({ tag, error: message });
    }
  }
  const reports = entries.flatMap((e) => (e.report ? [e.report] : []));
  const several = tags.length > 1;

  // Annotations: GitHub shows only the first few per severity and step, so
  // emit the most important ones and point at the summary for the rest.
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  let hidden = 0;
  for (const report of reports) {
    out.info(renderText(report));
    for (const a of toAnnotations(report, several ? { subject: report.tag } : {})) {
      if (counts[a.severity] >= ANNOTATION_CAP) {
        hidden++;
        continue;
      }
      counts[a.severity]++;
      const props: AnnotationProperties = { title: a.title };
      if (a.file !== undefined) props.file = a.file;
      if (a.line !== undefined) props.startLine = a.line;
      if (a.column !== undefined) props.startColumn = a.column;
      out[a.severity](a.message, props);
    }
  }

  const dir = deps.env.RUNNER_TEMP ?? deps.env.GITHUB_WORKSPACE ?? process.cwd();
  const paths = new Map<ReleaseReport, string>();
  for (const report of reports) {
    const file = reportPath(dir, report);
    try {
      await deps.writeFile(file, clean(renderJson(report)));
      paths.set(report, file);
    } catch (e) {
      out.warning(`could not write the JSON report to ${file}: ${errorMessage(e)}`);
    }
  }

  try {
    const note =
      hidden > 0
        ? `Annotations show the first ${ANNOTATION_CAP} findings of each severity; ${hidden} more are listed here only.`
        : undefined;
    const repoUrl = repositoryUrl(deps.env);
    await out.writeSummary(
      renderSummary(entries, {
        ...(note ? { findingsNote: note } : {}),
        ...(repoUrl ? { repoUrl } : {}),
      }),
    );
  } catch (e) {
    out.warning(`could not write the job summary: ${errorMessage(e)}`);
  }

  // Single-valued outputs describe the tag with the worst verdict (the
  // first of them); every tag's JSON report is written.
  const worst = worstVerdict(reports.map((r) => r.verdict));
  const primary = reports.find((r) => r.verdict === worst);
  if (primary !== undefined) {
    const file = paths.get(primary);
    if (file !== undefined) out.setOutput('report-path', file);
    out.setOutput('verdict', worstVerdict(entries.map((e) => e.report?.verdict ?? 'inconclusive')));
    out.setOutput('module', primary.module ?? '');
    out.setOutput('version', primary.version ?? '');
    out.setOutput('compared', primary.compared.join(','));
    out.setOutput('local-h1', primary.hashes.local.zip ?? '');
    out.setOutput('mirror-h1', primary.hashes.mirror.zip ?? '');
    out.setOutput('sumdb-h1', primary.hashes.sumdb.zip ?? '');
    out.setOutput('next-version', primary.remedy?.nextVersion ?? '');
    out.setOutput('retract-line', primary.remedy?.retract ?? '');
  }

  if (config.releaseNote && config.githubToken !== undefined) {
    for (const report of reports) await releaseNote(out, deps, config.githubToken, report, clean);
  }

  const failing = entries.filter((e) => e.report === undefined || shouldFail(config, e.report));
  if (failing.length > 0) out.setFailed(failureMessage(entries, failing));
  if (entries.some((e) => e.report === undefined)) return 'input-error';
  return worst;
}

/** Adds, replaces or removes the warning block on the tag's GitHub Release. */
async function releaseNote(
  out: ActionReporter,
  deps: ActionDeps,
  token: string,
  report: ReleaseReport,
  clean: (s: string) => string,
): Promise<void> {
  try {
    const api = deps.releases(token);
    const release = await api.getReleaseByTag(report.tag);
    if (release === undefined) {
      out.info(`release-note: no GitHub Release for ${report.tag} yet; nothing to annotate`);
      return;
    }
    const block = noteBlock(report);
    const body = mergeNote(release.body, block === undefined ? undefined : clean(block));
    if (body !== release.body) {
      await api.updateRelease(release.id, body);
      out.info(`release-note: updated the GitHub Release of ${report.tag}`);
    }
  } catch (e) {
    out.warning(`release-note: could not update the GitHub Release: ${errorMessage(e)}`);
  }
}

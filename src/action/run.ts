// The Action as a function of its inputs, environment and reporter: decides
// the job, runs the release gate, and turns the report into annotations, a
// job summary, outputs, an optional release note and the step's status.
import path from 'node:path';
import type { ReleaseCheck, ReleaseCheckRequest } from '../checks/release.js';
import type { ReleaseReport, Severity } from '../checks/types.js';
import { InputError, errorMessage } from '../internal/errors.js';
import { toAnnotations } from '../report/annotations.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderText } from '../report/text.js';
import { parseInputs, type ActionConfig, type GetInput } from './inputs.js';
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
}

/** Annotations per severity that GitHub shows for a step; the rest go to the summary only. */
export const ANNOTATION_CAP = 10;

/** Every string sent out goes through here: a token must never reach a log, even when echoed by a server. */
function redactor(secrets: string[]): (s: string) => string {
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

/** The tag to check, or an InputError saying why there is none. */
export function selectTag(config: ActionConfig, env: ActionDeps['env']): string {
  if (config.tag !== undefined) return config.tag;
  const ref = env.GITHUB_REF ?? '';
  if (ref.startsWith('refs/tags/')) return ref.slice('refs/tags/'.length);
  const event = env.GITHUB_EVENT_NAME ?? 'unknown';
  if (config.mode === 'release') {
    throw new InputError(
      `tag: mode release needs a tag: set the tag input, or run on a tag push (this run is a ${event} event on ${ref || 'no ref'})`,
    );
  }
  throw new InputError(
    `mode: auto found a ${event} event on ${ref || 'no ref'}, not a tag push. This version of modseal has only the release gate: ` +
      `run it on "on: push: tags: ['v*']", or set the tag input to check a tag.`,
  );
}

function shouldFail(config: ActionConfig, report: ReleaseReport): boolean {
  if (config.failOn === 'never') return false;
  if (report.verdict !== 'pass') return true;
  return config.failOn === 'warning' && report.findings.some((f) => f.severity === 'warning');
}

function failureMessage(report: ReleaseReport): string {
  const first =
    report.findings.find((f) => f.severity === 'error') ??
    report.findings.find((f) => f.code === 'unreachable') ??
    report.findings[0];
  const step = report.steps.find((s) => s.status === 'unchecked');
  const why = first
    ? `${first.code}: ${first.message}`
    : step
      ? `${step.name}: ${step.detail}`
      : 'see the job summary';
  return `modseal release gate: ${report.verdict}: ${why}`;
}

/**
 * Run the Action. Never throws: problems end in `setFailed`. Returns the
 * verdict, or 'input-error' when the inputs or the tag were unusable.
 */
export async function runAction(
  deps: ActionDeps,
): Promise<ReleaseReport['verdict'] | 'input-error'> {
  // Mask both tokens before anything else can print them.
  const secrets = [deps.getInput('github-token').trim(), deps.getInput('proxy-token').trim()];
  for (const s of secrets) if (s !== '') deps.reporter.setSecret(s);
  const clean = redactor(secrets);
  const out = redacting(deps.reporter, clean);

  let config: ActionConfig;
  let request: ReleaseCheckRequest;
  try {
    config = parseInputs(deps.getInput);
    const tag = selectTag(config, deps.env);
    const workspace = deps.env.GITHUB_WORKSPACE ?? process.cwd();
    request = {
      repoDir: path.resolve(workspace, config.workingDirectory),
      tag,
      warm: config.warm,
      warmTimeoutMs: config.warmTimeoutMs,
    };
    if (config.modulePath !== undefined) request.modulePath = config.modulePath;
    if (config.goproxy !== undefined) request.goproxy = config.goproxy;
    if (config.gosumdb !== undefined) request.gosumdb = config.gosumdb;
    if (config.goprivate !== undefined) request.goprivate = config.goprivate;
    if (config.gonosumdb !== undefined) request.gonosumdb = config.gonosumdb;
    if (config.proxyToken !== undefined) request.proxyToken = config.proxyToken;
    if (config.sumdbCache !== undefined) {
      request.sumdbCache = path.resolve(workspace, config.sumdbCache);
    }
  } catch (e) {
    out.setFailed(errorMessage(e));
    return 'input-error';
  }

  let report: ReleaseReport;
  try {
    report = await deps.releaseCheck(request);
  } catch (e) {
    const prefix = e instanceof InputError ? 'modseal' : 'modseal: internal error';
    out.setFailed(`${prefix}: ${errorMessage(e)}`);
    return 'input-error';
  }

  out.info(renderText(report));

  // Annotations: GitHub shows only the first few per severity, so emit the
  // most important ones and point at the summary for the rest.
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  let hidden = 0;
  for (const a of toAnnotations(report)) {
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

  const reportPath = path.join(
    deps.env.RUNNER_TEMP ?? deps.env.GITHUB_WORKSPACE ?? process.cwd(),
    'modseal-report.json',
  );
  try {
    await deps.writeFile(reportPath, clean(renderJson(report)));
    out.setOutput('report-path', reportPath);
  } catch (e) {
    out.warning(`could not write the JSON report to ${reportPath}: ${errorMessage(e)}`);
  }

  try {
    const note =
      hidden > 0
        ? `Annotations show the first ${ANNOTATION_CAP} findings of each severity; ${hidden} more are listed here only.`
        : undefined;
    await out.writeSummary(renderMarkdown(report, note ? { findingsNote: note } : {}));
  } catch (e) {
    out.warning(`could not write the job summary: ${errorMessage(e)}`);
  }

  out.setOutput('verdict', report.verdict);
  out.setOutput('module', report.module ?? '');
  out.setOutput('version', report.version ?? '');
  out.setOutput('local-h1', report.hashes.local.zip ?? '');
  out.setOutput('mirror-h1', report.hashes.mirror.zip ?? '');
  out.setOutput('sumdb-h1', report.hashes.sumdb.zip ?? '');

  if (config.releaseNote && config.githubToken !== undefined) {
    try {
      const api = deps.releases(config.githubToken);
      const release = await api.getReleaseByTag(request.tag);
      if (release === undefined) {
        out.info(`release-note: no GitHub Release for ${request.tag} yet; nothing to annotate`);
      } else {
        const block = noteBlock(report);
        const body = mergeNote(release.body, block === undefined ? undefined : clean(block));
        if (body !== release.body) {
          await api.updateRelease(release.id, body);
          out.info(`release-note: updated the GitHub Release of ${request.tag}`);
        }
      }
    } catch (e) {
      out.warning(`release-note: could not update the GitHub Release: ${errorMessage(e)}`);
    }
  }

  if (shouldFail(config, report)) out.setFailed(failureMessage(report));
  return report.verdict;
}

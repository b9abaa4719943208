// The Action's scheduled mode: the drift scan (`mode: scan`, and `mode: auto`
// on `schedule`, and on `workflow_dispatch` without tags to gate). A job
// summary with problems first, the JSON report, an optional issue kept in
// line with the report (`scan-issue: true`), and the step's status from the
// scan's verdict.
import path from 'node:path';
import type { ScanReport } from '../checks/scan/report.js';
import type { Verdict } from '../checks/types.js';
import { InputError, errorMessage } from '../internal/errors.js';
import { renderScanJson } from '../report/scan-json.js';
import { renderScanMarkdown } from '../report/scan-markdown.js';
import { renderScanText } from '../report/scan-text.js';
import type { ScanRequest, ScanRun } from '../wire/scan.js';
import type { ActionConfig, GetInput } from './inputs.js';
import type { ActionReporter } from './run.js';
import { syncScanIssue, type IssuesPort } from './scan-issue.js';

export type ScanRunner = (request: ScanRequest) => Promise<ScanRun>;

export interface ScanModeDeps {
  getInput: GetInput;
  env: Record<string, string | undefined>;
  scan: ScanRunner;
  writeFile(file: string, text: string): Promise<void>;
  /** The repository's issues, given the github-token (scan-issue: true). */
  issues?: (token: string) => IssuesPort;
}

/** Whether this run is the scan: asked for, or auto on a schedule (or a dispatch with no tag to gate). */
export function scansByEvent(
  config: ActionConfig,
  env: Record<string, string | undefined>,
): boolean {
  // Compared as text: the mode list grows with each job the Action runs.
  if ((config.mode as string) === 'scan') return true;
  if (config.mode !== 'auto' || config.tag !== undefined || config.tags !== undefined) return false;
  const event = env.GITHUB_EVENT_NAME ?? '';
  const ref = env.GITHUB_REF ?? '';
  return (
    event === 'schedule' ||
    (event === 'workflow_dispatch' && (ref === '' || ref.startsWith('refs/heads/')))
  );
}

function parseBoolean(name: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`${name}: must be true or false, not ${JSON.stringify(value)}`);
}

function shouldFail(config: ActionConfig, report: ScanReport): boolean {
  if (config.failOn === 'never') return false;
  if (report.verdict !== 'pass') return true;
  return (
    config.failOn === 'warning' &&
    (report.counts['tag-missing'] > 0 || report.counts.unpublished > 0)
  );
}

/** Runs the scan for the Action; never throws. */
export async function runScanMode(
  config: ActionConfig,
  deps: ScanModeDeps,
  out: ActionReporter,
  clean: (s: string) => string,
  repoUrl: string | undefined,
): Promise<Verdict | 'input-error'> {
  let request: ScanRequest;
  let scanIssue: boolean;
  try {
    const workspace = deps.env.GITHUB_WORKSPACE ?? process.cwd();
    request = { repoDir: path.resolve(workspace, config.workingDirectory) };
    const stateFile = deps.getInput('state-file').trim();
    if (stateFile !== '') request.stateFile = path.resolve(workspace, stateFile);
    const modules = deps
      .getInput('module')
      .split(/[\s,]+/)
      .filter((m) => m !== '');
    if (modules.length > 0) request.modules = modules;
    if (config.goproxy !== undefined) request.goproxy = config.goproxy;
    if (config.gosumdb !== undefined) request.gosumdb = config.gosumdb;
    if (config.goprivate !== undefined) request.goprivate = config.goprivate;
    if (config.gonosumdb !== undefined) request.gonosumdb = config.gonosumdb;
    if (config.proxyToken !== undefined) request.proxyToken = config.proxyToken;
    request.timeoutMs = config.timeoutMs;
    scanIssue = parseBoolean('scan-issue', deps.getInput('scan-issue').trim() || 'false');
    if (scanIssue && config.githubToken === undefined) {
      throw new InputError('scan-issue: true needs github-token (with issues: write)');
    }
  } catch (e) {
    out.setFailed(errorMessage(e));
    return 'input-error';
  }

  let run: ScanRun;
  try {
    run = await deps.scan(request);
  } catch (e) {
    const prefix = e instanceof InputError ? 'modseal scan' : 'modseal scan: internal error';
    out.setFailed(`${prefix}: ${errorMessage(e)}`);
    return 'input-error';
  }
  const report = run.report;
  out.info(renderScanText(report));

  try {
    await out.writeSummary(renderScanMarkdown(report, repoUrl === undefined ? {} : { repoUrl }));
  } catch (e) {
    out.warning(`could not write the job summary: ${errorMessage(e)}`);
  }
  const dir = deps.env.RUNNER_TEMP ?? deps.env.GITHUB_WORKSPACE ?? process.cwd();
  const file = path.join(dir, 'modseal', 'scan-report.json');
  try {
    await deps.writeFile(file, clean(renderScanJson(report)));
    out.setOutput('report-path', file);
  } catch (e) {
    out.warning(`could not write the JSON report to ${file}: ${errorMessage(e)}`);
  }
  out.setOutput('verdict', report.verdict);
  for (const m of report.remedies) {
    out.error(
      `${m.module}: ${m.versions.join(', ')} no longer match what was published; ${m.retract}`,
      {
        title: `modseal scan: retract in ${m.module}${m.nextVersion === undefined ? '' : ` and publish ${m.nextVersion}`}`,
      },
    );
  }

  if (scanIssue && config.githubToken !== undefined && deps.issues !== undefined) {
    try {
      const runUrl =
        repoUrl !== undefined && deps.env.GITHUB_RUN_ID !== undefined
          ? `${repoUrl}/actions/runs/${deps.env.GITHUB_RUN_ID}`
          : undefined;
      const outcome = await syncScanIssue(deps.issues(config.githubToken), report, {
        ...(repoUrl !== undefined ? { repoUrl } : {}),
        ...(runUrl !== undefined ? { runUrl } : {}),
      });
      out.info(
        outcome.action === 'none'
          ? `scan-issue: ${outcome.reason}`
          : `scan-issue: ${outcome.action} #${outcome.number}`,
      );
      if (outcome.action !== 'none') out.setOutput('scan-issue', String(outcome.number));
    } catch (e) {
      // The scan's answer stands; the issue's trouble is said, and fails the step.
      out.error(errorMessage(e), { title: 'modseal scan: the issue could not be updated' });
      out.setFailed(`scan-issue: ${errorMessage(e)}`);
      return report.verdict;
    }
  }

  if (shouldFail(config, report)) {
    const counts = Object.entries(report.counts)
      .filter(([s, n]) => n > 0 && s !== 'ok')
      .map(([s, n]) => `${n} ${s}`)
      .join(', ');
    out.setFailed(
      `modseal scan: ${report.verdict === 'pass' ? 'pass with warnings' : report.verdict} (${counts}): see the job summary`,
    );
  }
  return report.verdict;
}

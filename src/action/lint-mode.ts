// The Action's pull-request mode: `modseal lint` over the checked-out
// revision, its findings as annotations at their line and column, a job
// summary with one row per module, the report as JSON and SARIF files (the
// `sarif-path` output feeds github/codeql-action/upload-sarif), and the
// step's status by `fail-on`.
import path from 'node:path';
import type { LintReport } from '../checks/lint/types.js';
import { errorMessage, InputError } from '../internal/errors.js';
import { renderLintJson } from '../report/lint-json.js';
import { renderLintMarkdown } from '../report/lint-markdown.js';
import { renderLintSarif } from '../report/sarif.js';
import type { LintRequest, Lint } from '../wire/lint.js';
import type { ActionConfig } from './inputs.js';
import {
  repositoryUrl,
  type ActionDeps,
  type ActionReporter,
  type AnnotationProperties,
} from './run.js';

/** Whether `mode: auto` lints this run: a pull request, or a push to a branch (a tag push is the release gate's). */
export function lintsByEvent(config: ActionConfig, env: ActionDeps['env']): boolean {
  if (config.mode === 'lint') return true;
  if (config.mode !== 'auto' || config.tag !== undefined || config.tags !== undefined) return false;
  const event = env.GITHUB_EVENT_NAME ?? '';
  const ref = env.GITHUB_REF ?? '';
  return (
    event === 'pull_request' ||
    event === 'pull_request_target' ||
    (event === 'push' && ref.startsWith('refs/heads/'))
  );
}

function shouldFail(config: ActionConfig, report: LintReport): boolean {
  if (config.failOn === 'never') return false;
  if (report.verdict !== 'pass') return true;
  return config.failOn === 'warning' && report.findings.some((f) => f.severity === 'warning');
}

/** Runs the lint for the Action; never throws. */
export async function runLintMode(
  config: ActionConfig,
  deps: ActionDeps & { lint: Lint; toolVersion: string },
  out: ActionReporter,
  clean: (s: string) => string,
  cap: number,
): Promise<LintReport['verdict'] | 'input-error'> {
  const workspace = deps.env.GITHUB_WORKSPACE ?? process.cwd();
  const request: LintRequest = {
    repoDir: path.resolve(workspace, config.workingDirectory),
    ref: 'HEAD',
    next: config.next,
    offline: false,
    timeoutMs: config.timeoutMs,
  };
  if (config.goproxy !== undefined) request.goproxy = config.goproxy;
  if (config.gosumdb !== undefined) request.gosumdb = config.gosumdb;
  if (config.goprivate !== undefined) request.goprivate = config.goprivate;
  if (config.gonosumdb !== undefined) request.gonosumdb = config.gonosumdb;
  if (config.proxyToken !== undefined) request.proxyToken = config.proxyToken;
  let report: LintReport;
  try {
    report = await deps.lint(request);
  } catch (e) {
    const prefix = e instanceof InputError ? 'modseal' : 'modseal: internal error';
    out.setFailed(`${prefix}: ${errorMessage(e)}`);
    return 'input-error';
  }

  const shown = { error: 0, warning: 0, notice: 0 };
  let hidden = 0;
  for (const f of report.findings) {
    if (shown[f.severity] >= cap) {
      hidden++;
      continue;
    }
    shown[f.severity]++;
    const props: AnnotationProperties = { title: `modseal ${f.code}` };
    if (f.file !== undefined) props.file = f.file;
    if (f.line !== undefined) props.startLine = f.line;
    if (f.column !== undefined) props.startColumn = f.column;
    out[f.severity](f.fix === undefined ? f.message : `${f.message}\n\n${f.fix}`, props);
  }

  const dir = path.join(deps.env.RUNNER_TEMP ?? workspace, 'modseal');
  const files = [
    { output: 'report-path', file: path.join(dir, 'lint.json'), text: renderLintJson(report) },
    {
      output: 'sarif-path',
      file: path.join(dir, 'lint.sarif'),
      text: renderLintSarif(report, { toolVersion: deps.toolVersion }),
    },
  ];
  for (const f of files) {
    try {
      await deps.writeFile(f.file, clean(f.text));
      out.setOutput(f.output, f.file);
    } catch (e) {
      out.warning(`could not write ${f.file}: ${errorMessage(e)}`);
    }
  }
  try {
    const repoUrl = repositoryUrl(deps.env);
    let md = renderLintMarkdown(report, repoUrl !== undefined ? { repoUrl } : {});
    if (hidden > 0) {
      md += `\nAnnotations show the first ${cap} findings of each severity; ${hidden} more are listed here only.\n`;
    }
    await out.writeSummary(md);
  } catch (e) {
    out.warning(`could not write the job summary: ${errorMessage(e)}`);
  }
  out.setOutput('verdict', report.verdict);

  if (shouldFail(config, report)) {
    const codes = [...new Set(report.findings.map((f) => f.code))].join(', ');
    const label = report.verdict === 'pass' ? 'pass with warnings' : report.verdict;
    out.setFailed(
      `modseal lint: ${label}${codes === '' ? '' : ` (${codes})`}: see the job summary`,
    );
  }
  return report.verdict;
}

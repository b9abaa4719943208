// The scheduled scan's one issue per repository (`scan-issue: true`, needs
// `issues: write`): opened when versions need attention, updated in place on
// later scans, closed with a comment once every version is ok (or retracted)
// again. The issue is found by the hidden marker its body starts with; an
// issue without it is never touched, whoever wrote it. The decisions are
// made over a small port so they run the same against GitHub and in tests;
// githubIssues adapts Octokit to it.
import { getOctokit } from '@actions/github';
import type { ScanReport } from '../checks/scan/report.js';
import { needsAction } from '../checks/scan/status.js';
import { InputError, errorMessage } from '../internal/errors.js';
import {
  hasScanIssueMarker,
  renderScanIssue,
  renderScanIssueClosing,
  scanIssueTitle,
  type ScanIssueOptions,
} from '../report/scan-issue.js';

export interface OpenIssue {
  number: number;
  title: string;
  body: string;
}

/** What the scan needs of GitHub's issues. */
export interface IssuesPort {
  /** Open issues (not pull requests), oldest first, optionally only with all `labels` or by `creator`. */
  listOpenIssues(filter: { labels?: readonly string[]; creator?: string }): Promise<OpenIssue[]>;
  create(issue: {
    title: string;
    body: string;
    labels?: readonly string[];
  }): Promise<{ number: number }>;
  update(number: number, change: { title: string; body: string }): Promise<void>;
  /** Posts `comment` on the issue, then closes it as completed. */
  close(number: number, comment: string): Promise<void>;
}

export interface ScanIssueSettings extends ScanIssueOptions {
  /** Labels put on a new issue and required of the issue found. */
  labels?: readonly string[];
  /** Only issues opened by this login count (e.g. `github-actions[bot]` with the workflow's token). */
  creator?: string;
}

export type ScanIssueOutcome =
  | { action: 'opened' | 'updated' | 'unchanged' | 'closed'; number: number }
  | { action: 'none'; reason: string; number?: number };

/** What the report asks of the issue: shown, closed, or left as it is. */
export function issueWanted(report: ScanReport): 'show' | 'close' | 'keep' {
  if (report.results.some(needsAction)) return 'show';
  // Nothing checked, or some versions could not be: no ground to say all is well.
  if (report.results.length === 0) return 'keep';
  if (report.results.some((r) => r.status === 'unchecked')) return 'keep';
  return 'close';
}

/**
 * Brings the repository's scan issue in line with the report: opens it when
 * versions need attention and none is open, updates it in place when one is
 * (the oldest open issue with the marker; a body already up to date is left
 * alone), closes it with a comment when everything is ok again.
 */
export async function syncScanIssue(
  port: IssuesPort,
  report: ScanReport,
  settings: ScanIssueSettings = {},
): Promise<ScanIssueOutcome> {
  const wanted = issueWanted(report);
  const filter = {
    ...(settings.labels !== undefined && settings.labels.length > 0
      ? { labels: settings.labels }
      : {}),
    ...(settings.creator !== undefined ? { creator: settings.creator } : {}),
  };
  const open = await port.listOpenIssues(filter);
  const ours = open
    .filter((i) => hasScanIssueMarker(i.body, settings.key))
    .sort((a, b) => a.number - b.number)[0];

  if (wanted === 'show') {
    const title = scanIssueTitle(report);
    const body = renderScanIssue(report, settings);
    if (ours === undefined) {
      const created = await port.create({
        title,
        body,
        ...(settings.labels !== undefined && settings.labels.length > 0
          ? { labels: settings.labels }
          : {}),
      });
      return { action: 'opened', number: created.number };
    }
    if (ours.title === title && ours.body === body)
      return { action: 'unchanged', number: ours.number };
    await port.update(ours.number, { title, body });
    return { action: 'updated', number: ours.number };
  }
  if (ours === undefined) {
    return { action: 'none', reason: 'no version needs attention and no scan issue is open' };
  }
  if (wanted === 'keep') {
    return {
      action: 'none',
      number: ours.number,
      reason:
        report.results.length === 0
          ? 'no version was scanned: the issue stays open'
          : 'some versions could not be checked: the issue stays open until a scan checks them all',
    };
  }
  await port.close(ours.number, renderScanIssueClosing(report, settings));
  return { action: 'closed', number: ours.number };
}

// ---------------------------------------------------------------------------
// GitHub, through Octokit.

export interface GitHubTarget {
  owner: string;
  repo: string;
  /** The REST API's URL (GITHUB_API_URL on GitHub Enterprise; a loopback fake in tests). */
  baseUrl?: string;
}

/** A failed API call as one line; missing permissions name the fix. */
function apiError(e: unknown, what: string, t: GitHubTarget): Error {
  const status = (e as { status?: number }).status;
  const message = errorMessage(e);
  const where = `${t.owner}/${t.repo}`;
  if ((status === 401 || status === 403) && !/rate limit/i.test(message)) {
    return new InputError(
      `scan-issue: GitHub refused to ${what} in ${where} (HTTP ${status}: ${message}); give the workflow \`permissions: issues: write\` (or a token that has it), or set scan-issue: false`,
    );
  }
  if (status === 404) {
    return new InputError(
      `scan-issue: GitHub answered 404 when asked to ${what} in ${where}: the token cannot see the repository's issues; check github-token and the workflow's permissions, or set scan-issue: false`,
    );
  }
  if (status === 410) {
    return new InputError(
      `scan-issue: issues are disabled in ${where} (HTTP 410); enable them in the repository's settings or set scan-issue: false`,
    );
  }
  return new Error(`scan-issue: could not ${what} in ${where}: ${message}`);
}

/** The issues of one repository through the GitHub REST API. */
export function githubIssues(token: string, target: GitHubTarget): IssuesPort {
  const octokit = getOctokit(
    token,
    target.baseUrl === undefined ? {} : { baseUrl: target.baseUrl },
  );
  const { owner, repo } = target;
  const call = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw apiError(e, what, target);
    }
  };
  return {
    listOpenIssues: (filter) =>
      call('list open issues', async () => {
        const items = await octokit.paginate(octokit.rest.issues.listForRepo, {
          owner,
          repo,
          state: 'open',
          sort: 'created',
          direction: 'asc',
          per_page: 100,
          ...(filter.labels !== undefined ? { labels: filter.labels.join(',') } : {}),
          ...(filter.creator !== undefined ? { creator: filter.creator } : {}),
        });
        return items
          .filter((i) => i.pull_request === undefined || i.pull_request === null)
          .map((i) => ({ number: i.number, title: i.title, body: i.body ?? '' }));
      }),
    create: (issue) =>
      call('open an issue', async () => {
        const r = await octokit.rest.issues.create({
          owner,
          repo,
          title: issue.title,
          body: issue.body,
          ...(issue.labels !== undefined ? { labels: [...issue.labels] } : {}),
        });
        return { number: r.data.number };
      }),
    update: (number, change) =>
      call(`update issue #${number}`, async () => {
        await octokit.rest.issues.update({
          owner,
          repo,
          issue_number: number,
          title: change.title,
          body: change.body,
        });
      }),
    close: (number, comment) =>
      call(`close issue #${number}`, async () => {
        await octokit.rest.issues.createComment({
          owner,
          repo,
          issue_number: number,
          body: comment,
        });
        await octokit.rest.issues.update({
          owner,
          repo,
          issue_number: number,
          state: 'closed',
          state_reason: 'completed',
        });
      }),
  };
}

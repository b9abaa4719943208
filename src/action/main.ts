// The bundled entry (dist/index.js): real @actions/core, real GitHub API,
// real filesystem. All decisions live in run.ts; the release check itself is
// composed from the git, GOPROXY and checksum-database modules by ../wire,
// which builds the real ports behind createReleaseCheck.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import type { Logger } from '../checks/ports.js';
import { cleanUpNow } from '../internal/temp-dirs.js';
import { createReleaseCheck, versionTagsAtHead, type ReleaseCheck } from '../wire/index.js';
import { createLint } from '../wire/lint.js';
import { createScan } from '../wire/scan.js';
import { githubIssues } from './scan-issue.js';
import type { ReleaseApi } from './release-note.js';
import { redactor, runAction, type ActionReporter } from './run.js';

// Set by scripts/build.mjs, as for the CLI; SARIF names the tool's version.
declare const MODSEAL_VERSION: string | undefined;

const reporter: ActionReporter = {
  setSecret: (s) => core.setSecret(s),
  setOutput: (n, v) => core.setOutput(n, v),
  info: (m) => core.info(m),
  error: (m, p) => core.error(m, p),
  warning: (m, p) => core.warning(m, p),
  notice: (m, p) => core.notice(m, p),
  writeSummary: async (markdown) => {
    // Outside a runner (local runs) there is no summary file to append to.
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await core.summary.addRaw(markdown, true).write();
  },
  setFailed: (m) => core.setFailed(m),
};

// The gate's progress lines quote servers, which may echo a token: they go
// through the same redaction as everything runAction prints.
const clean = redactor([core.getInput('github-token').trim(), core.getInput('proxy-token').trim()]);
// Each phase of a check (rebuild, mirror and database, download, …) is one
// collapsible group of the log, as actions/checkout and codeql-action do.
const logger: Logger = {
  info: (m) => core.info(clean(m)),
  debug: (m) => core.debug(clean(m)),
  group: (name, fn) => core.group(clean(name), fn),
};

function releases(token: string): ReleaseApi {
  const octokit = getOctokit(token);
  const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  return {
    async getReleaseByTag(tag) {
      try {
        const r = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag });
        return { id: r.data.id, body: r.data.body ?? '' };
      } catch (e) {
        if ((e as { status?: number }).status === 404) return undefined;
        throw e;
      }
    },
    async updateRelease(id, body) {
      await octokit.rest.repos.updateRelease({ owner, repo, release_id: id, body });
    },
  };
}

// A cancelled run gets SIGINT, then SIGTERM: what the gate left on disk
// (the mirror's zip, git's temporary repository) goes before the runner
// kills the process.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUpNow();
    core.setFailed(`modseal: cancelled (${signal})`);
    process.exit(1);
  });
}

// Typed here so a drift between the wiring and the gate's contract fails the build.
const releaseCheck: ReleaseCheck = createReleaseCheck({ logger });

await runAction({
  getInput: (name) => core.getInput(name),
  env: process.env,
  reporter,
  releaseCheck,
  writeFile: async (file, text) => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  },
  releases,
  tagsAtHead: versionTagsAtHead,
  lint: createLint({ logger }),
  scan: createScan({ logger }),
  issues: (token) => {
    const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
    const baseUrl = process.env.GITHUB_API_URL;
    return githubIssues(token, { owner, repo, ...(baseUrl ? { baseUrl } : {}) });
  },
  toolVersion: typeof MODSEAL_VERSION === 'string' ? MODSEAL_VERSION : 'dev',
});

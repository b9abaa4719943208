// The Action as GitHub runs it, for the tests of its modes: `node
// dist/index.js` in a child process with inputs in INPUT_* variables, the
// event (name, ref, payload file) and workspace in GITHUB_*, and the outputs
// and job summary written to the files the runner hands over.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { isolatedEnv, removeAtEnd } from '../support/git-fixture.js';
import { spawnText } from '../support/spawn.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const committedIndex = path.join(repoRoot, 'dist', 'index.js');
export const BUILD_PATIENCE_MS = 4 * 60_000;
/** The bundle the runs use: dist/index.js, or a fresh build of src/ when that is stale. */
let distIndex = committedIndex;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function distIsFresh(): boolean {
  if (!existsSync(committedIndex)) return false;
  return statSync(committedIndex).mtimeMs >= newestMtime(path.join(repoRoot, 'src'));
}

/**
 * Uses dist/index.js when it is at least as new as src/; otherwise runs the
 * real build script in a scratch tree linked to the sources (as the demo
 * test does), so the working tree's dist/ is never rewritten under other
 * engineers' or tests' feet. Someone may be mid-way through a file the
 * bundle imports, so a failed build is retried for a few minutes.
 */
export async function ensureDist(): Promise<void> {
  if (distIsFresh()) return;
  const work = await mkdtemp(path.join(os.tmpdir(), 'modseal-dist-build-'));
  removeAtEnd(work);
  for (const d of ['src', 'scripts', 'node_modules']) {
    await symlink(path.join(repoRoot, d), path.join(work, d));
  }
  await copyFile(path.join(repoRoot, 'package.json'), path.join(work, 'package.json'));
  const started = Date.now();
  for (;;) {
    try {
      await promisify(execFile)(process.execPath, ['scripts/build.mjs'], {
        cwd: work,
        timeout: 120_000,
      });
      distIndex = path.join(work, 'dist', 'index.js');
      return;
    } catch (e) {
      if (Date.now() - started > BUILD_PATIENCE_MS) throw e;
      await new Promise((r) => setTimeout(r, 10_000));
    }
  }
}

/** The inputs of action.yml with their defaults, as the runner passes them. */
function actionYmlDefaults(): Record<string, string> {
  const text = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');
  const inputs = text.slice(text.indexOf('\ninputs:\n'), text.indexOf('\noutputs:\n'));
  const out: Record<string, string> = {};
  let name: string | undefined;
  for (const line of inputs.split('\n')) {
    const key = /^ {2}([a-z-]+):\s*$/.exec(line);
    if (key) name = key[1];
    const def = /^ {4}default:\s*(.*)$/.exec(line);
    if (def && name !== undefined) out[name] = def[1]!.replace(/^'(.*)'$|^"(.*)"$/, '$1$2');
  }
  return out;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  runnerTemp: string;
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^([^\n<]+)<<(ghadelimiter_[0-9a-f-]+)\n([\s\S]*?)\n\2$/gm)) {
    out[m[1]!] = m[3]!;
  }
  return out;
}

export async function runAction(opts: {
  workspace: string;
  ref: string;
  inputs: Record<string, string>;
  event?: string;
  /** The webhook payload GitHub writes to GITHUB_EVENT_PATH (a pull_request event's). */
  payload?: unknown;
}): Promise<ActionRun> {
  const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'modseal-runner-'));
  removeAtEnd(runnerTemp);
  const outputFile = path.join(runnerTemp, 'github_output');
  const summaryFile = path.join(runnerTemp, 'step_summary');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const eventFile = path.join(runnerTemp, 'event.json');
  await writeFile(eventFile, JSON.stringify(opts.payload ?? {}));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(isolatedEnv())) {
    if (/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/i.test(k)) continue;
    env[k] = v;
  }
  const github = {
    ...actionYmlDefaults(),
    // What the runner substitutes for ${{ github.token }}.
    'github-token': opts.inputs['github-token'] ?? '',
    ...opts.inputs,
  };
  for (const [name, value] of Object.entries(github)) {
    // @actions/core reads INPUT_<NAME> with spaces as '_', dashes kept.
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.event ?? 'push',
    GITHUB_REF: opts.ref,
    GITHUB_REPOSITORY: 'example/module',
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
  });
  const { code, stdout, stderr } = await spawnText(process.execPath, [distIndex], {
    cwd: opts.workspace,
    env,
    timeoutMs: 60_000,
  });
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    runnerTemp,
  };
}

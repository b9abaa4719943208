// The bundled CLI as a process: Ctrl-C (SIGINT) and a cancelled job
// (SIGTERM) remove every temporary folder and exit 130 / 143; anything
// uncaught becomes one line and exit 2. The run is held at a known point by
// a loopback mirror that accepts the connection and never answers, so the
// signal always lands while modseal is at work (no timing involved).
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScratchTree } from '../support/cli-bundle.js';
import { createFixtureRepo, emptyHome, removeAtEnd } from '../support/git-fixture.js';
import { startHostileServer, type HostileServer } from '../support/hostile-server.js';

let cli = '';
let repo = '';
let tmp = '';
let mirror: HostileServer;

beforeAll(async () => {
  cli = path.join(await buildScratchTree(), 'dist', 'cli.js');
  tmp = await mkdtemp(path.join(os.tmpdir(), 'modseal-process-'));
  removeAtEnd(tmp);
  repo = path.join(tmp, 'repo');
  await createFixtureRepo(repo, [
    {
      files: [
        { path: 'go.mod', content: 'module example.com/m\n' },
        { path: 'm.go', content: 'package m\n' },
      ],
      tags: ['v1.0.0'],
    },
  ]);
  mirror = await startHostileServer({ kind: 'stall' });
});
afterAll(async () => {
  await mirror.close();
});

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** What was left in the run's own TMPDIR. */
  left: string[];
}

/**
 * Starts `modseal verify` against the stalling mirror with a TMPDIR of its
 * own, waits until the mirror has been asked (the run is then mid-check,
 * with its temporary folder in place), calls `act`, and waits for the end.
 */
async function runStalled(
  act: (child: ReturnType<typeof spawn>) => void,
  nodeArgs: string[] = [],
): Promise<Ended> {
  const tmpdir = await mkdtemp(path.join(tmp, 'tmpdir-'));
  const asked = mirror.received.length;
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      cli,
      'verify',
      '--repo',
      repo,
      '--tag',
      'v1.0.0',
      '--proxy',
      mirror.url,
      '--sumdb',
      'off',
    ],
    {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: emptyHome(),
        TMPDIR: tmpdir,
        GOPRIVATE: '',
        GONOPROXY: '',
        GONOSUMDB: '',
        GOFLAGS: '',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  let exited = false;
  void ended.then(() => (exited = true));
  while (mirror.received.length === asked && !exited) {
    await new Promise((r) => setTimeout(r, 20));
  }
  if (!exited) {
    // The run's private folder (and what is in it) exists while it works.
    expect(await readdir(tmpdir)).not.toEqual([]);
    act(child);
  }
  const end = await ended;
  return { ...end, stderr, left: await readdir(tmpdir) };
}

describe('interrupted', () => {
  it('Ctrl-C (SIGINT): temporary folders removed, exit 130', async () => {
    const r = await runStalled((child) => child.kill('SIGINT'));
    expect(r.code, r.stderr).toBe(130);
    expect(r.left).toEqual([]);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
      'modseal: interrupted (SIGINT); temporary files removed',
    );
  });

  it('a cancelled job (SIGTERM): temporary folders removed, exit 143', async () => {
    const r = await runStalled((child) => child.kill('SIGTERM'));
    expect(r.code, r.stderr).toBe(143);
    expect(r.left).toEqual([]);
    expect(r.stderr).toContain('modseal: interrupted (SIGTERM); temporary files removed\n');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('anything uncaught', () => {
  // A preloaded module fails, mid-run, when the test says so (SIGUSR2): as
  // a stray rejected promise, and as an exception thrown from a timer.
  it.each([
    ['an unhandled rejection', 'void Promise.reject(new Error("injected failure"))'],
    ['an uncaught exception', 'setTimeout(() => { throw new Error("injected failure"); })'],
  ])('%s: one line, exit 2, temporary folders removed', async (_, fail) => {
    const preload = path.join(tmp, `preload-${Math.random().toString(36).slice(2)}.mjs`);
    await writeFile(preload, `process.on('SIGUSR2', () => { ${fail}; });\n`);
    const r = await runStalled(
      (child) => child.kill('SIGUSR2'),
      ['--import', pathToFileURL(preload).href],
    );
    expect(r.code, r.stderr).toBe(2);
    // Progress lines come first; the failure is one line, with no stack.
    expect(r.stderr.endsWith('\nmodseal: internal error: injected failure\n')).toBe(true);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.left).toEqual([]);
  });
});

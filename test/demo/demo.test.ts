// `modseal demo`: in-process, and as the bundled CLI a fresh clone runs, with
// git as the only program on the PATH.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCommand } from '../../src/cli/demo-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { runDemo } from '../../src/demo/run-demo.js';
import { spawnText } from '../support/spawn.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

async function runInProcess(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    env: {},
    cwd: os.tmpdir(),
  };
  const code = await demoCommand(argv, io);
  return { code, out, err };
}

/** What a maintainer must see after the tag moved (DESIGN "Findings"; the task's contract). */
function expectMovedTagReport(out: string): void {
  expect(out).toContain('modseal release gate: PASS  example.com/hello@v1.0.0');
  expect(out).toContain('modseal release gate: FAIL  example.com/hello@v1.0.0');
  expect(out).toMatch(/^ {2}error tag-moved /m);
  expect(out).toMatch(/^ {2}changed {2}hello\.go$/m);
  expect(out).toContain('+++ local/hello.go');
  expect(out).toContain('retract v1.0.0');
  expect(out).toContain('v1.0.1');
  expect(out).toContain('expected outcome');
}

describe('modseal demo in-process', () => {
  it('passes the first release, fails the moved tag with the fix, and exits 0', async () => {
    const r = await runInProcess([]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expectMovedTagReport(r.out);
  });

  it('leaves no directory and no listening server behind', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'modseal-demo-test-'));
    try {
      let out = '';
      const outcome = await runDemo(
        { stdout: (s) => void (out += s), stderr: (s) => void (out += s) },
        { tmpDir: tmp },
      );
      expect(outcome.asExpected).toBe(true);
      expect(outcome.first?.verdict).toBe('pass');
      expect(outcome.second?.verdict).toBe('fail');
      expect(await readdir(tmp)).toEqual([]);
      const urls = [...new Set(out.match(/http:\/\/127\.0\.0\.1:\d+/g) ?? [])];
      expect(urls).toHaveLength(2);
      for (const u of urls) {
        await expect(fetch(u, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
      }
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });

  it('answers --help and refuses arguments', async () => {
    const help = await runInProcess(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('usage: modseal demo');
    const bad = await runInProcess(['--fast']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unexpected arguments: --fast');
  });
});

async function runNode(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string; err: string }> {
  const r = await spawnText(process.execPath, args, { env, cwd: os.tmpdir(), timeoutMs: 60_000 });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

describe('the bundled CLI (scripts/build.mjs) without a Go toolchain', () => {
  let work: string;
  let cli: string;
  let gitOnly: string;

  beforeAll(async () => {
    // The real build script, run in a scratch tree that links to the sources,
    // so the committed dist/ is never rewritten under other tests' feet.
    work = await mkdtemp(path.join(os.tmpdir(), 'modseal-demo-build-'));
    for (const d of ['src', 'scripts', 'node_modules']) {
      await symlink(path.join(repoRoot, d), path.join(work, d));
    }
    await copyFile(path.join(repoRoot, 'package.json'), path.join(work, 'package.json'));
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: work, stdio: 'pipe' });
    cli = path.join(work, 'dist', 'cli.js');

    // A PATH holding git and nothing else (no go, whatever the host has).
    const git = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    gitOnly = path.join(work, 'bin');
    await mkdir(gitOnly);
    await symlink(git, path.join(gitOnly, 'git'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('runs the demo with git as the only program on the PATH', async () => {
    const r = await runNode([cli, 'demo'], { PATH: gitOnly, HOME: work });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expectMovedTagReport(r.out);
  });

  it('exits non-zero and says so when the demo itself breaks (no git)', async () => {
    const empty = path.join(work, 'empty');
    await mkdir(empty);
    const r = await runNode([cli, 'demo'], { PATH: empty, HOME: work, TMPDIR: work });
    expect(r.code).toBe(1);
    expect(r.err).toContain('the demo itself broke');
    expect(r.err).toContain('cannot run git');
    expect((await readdir(work)).filter((n) => n.startsWith('modseal-demo-'))).toEqual([]);
  });
});

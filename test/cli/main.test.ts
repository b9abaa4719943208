// The dispatcher: modseal's own version, and whatever a command throws
// turned into one line and exit 2 (never 1, which means "fail"), with a
// JSON document on stdout when --json was asked for.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/flags.js';
import { reportError, runCli } from '../../src/cli/main.js';
import { repositoryError } from '../../src/git/repository-error.js';
import { NetworkError } from '../../src/http/index.js';
import { InputError } from '../../src/internal/errors.js';
import { repoRoot } from '../support/cli-bundle.js';
import { captureIo } from '../support/cli-io.js';

function capture() {
  let out = '';
  let err = '';
  return {
    io: { stdout: (s: string) => void (out += s), stderr: (s: string) => void (err += s) },
    out: () => out,
    err: () => err,
  };
}

describe('modseal --version', () => {
  it("prints modseal's own version, from package.json", async () => {
    const { version } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const c = captureIo(repoRoot);
    expect(await runCli(['--version'], c.io)).toBe(0);
    expect(c.stdout()).toBe(`modseal ${version}\n`);
    expect(c.stderr()).toBe('');
  });

  it('is listed in the usage', async () => {
    const c = captureIo(repoRoot);
    expect(await runCli(['--help'], c.io)).toBe(0);
    expect(c.stdout()).toContain('modseal --version');
    expect(c.stdout()).toContain('130/143 interrupted');
  });
});

describe('reportError', () => {
  it('an unexpected error: one line saying so, exit 2', () => {
    const c = capture();
    const e = new TypeError(
      "Cannot read properties of undefined (reading 'x')\n    at f (file.js:1:1)",
    );
    expect(reportError('verify', [], e, c.io)).toBe(2);
    expect(c.err()).toBe(
      "modseal: internal error: Cannot read properties of undefined (reading 'x'); at f (file.js:1:1)\n",
    );
    expect(c.out()).toBe('');
  });

  it('what is not an Error at all', () => {
    const c = capture();
    expect(reportError('hash', ['--json'], 'a bare string', c.io)).toBe(2);
    expect(c.err()).toBe('modseal: internal error: a bare string\n');
    expect(JSON.parse(c.out())).toEqual({
      schema: 'modseal.error/v1',
      command: 'hash',
      error: 'internal error: a bare string',
      code: 'internal',
      exitCode: 2,
    });
  });

  it('input and usage errors, with --json before a -- only', () => {
    const c = capture();
    expect(reportError('verify', ['--', '--json'], new InputError('bad tag'), c.io)).toBe(2);
    expect(c.err()).toBe('modseal: bad tag\n');
    expect(c.out()).toBe('');
    const u = capture();
    expect(reportError('hash', ['--json'], new UsageError('unknown flag --x', 'hash'), u.io)).toBe(
      2,
    );
    expect(u.err()).toBe(
      "modseal hash: unknown flag --x (run 'modseal hash --help' for its flags)\n",
    );
    expect((JSON.parse(u.out()) as { error: string }).error).toBe(
      "unknown flag --x (run 'modseal hash --help' for its flags)",
    );
  });

  it('the --json document names the kind of error by its code', () => {
    const codeOf = (e: unknown): unknown => {
      const c = capture();
      expect(reportError('verify', ['--json'], e, c.io)).toBe(2);
      return (JSON.parse(c.out()) as { code: unknown }).code;
    };
    expect(codeOf(new UsageError('unknown flag --x', 'verify'))).toBe('usage');
    expect(codeOf(new InputError('bad tag'))).toBe('input');
    expect(codeOf(repositoryError('archive', Buffer.from('fatal: bad object abc')))).toBe(
      'repository',
    );
    expect(codeOf(new NetworkError('Get "https://x": refused', 'https://x', 'ECONNREFUSED'))).toBe(
      'network-error',
    );
    expect(codeOf(new RangeError('oops'))).toBe('internal');
  });
});

describe('commands', () => {
  it('an unknown command or top-level flag', async () => {
    const c = captureIo(repoRoot);
    expect(await runCli(['--json'], c.io)).toBe(2);
    expect(c.stderr()).toMatch(/^modseal: unknown flag "--json"\n/);
    const d = captureIo(repoRoot);
    expect(await runCli(['hsah'], d.io)).toBe(2);
    expect(d.stderr()).toMatch(/^modseal: unknown command "hsah"\n/);
  });
});

// `modseal verify` with input it cannot use: the user gets exit status 2 and
// one line that says what is wrong (and, where there is one, the fix), never
// a stack trace. Everything fails before any network request; GOPROXY and
// GOSUMDB are off so a regression could not reach the internet anyway.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { captureIo } from '../support/cli-io.js';
import { createFixtureRepo, git, removeAtEnd } from '../support/git-fixture.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function verify(args: string[], cwd: string): Promise<Run> {
  const c = captureIo(cwd, { GOPROXY: 'off', GOSUMDB: 'off' });
  const code = await runCli(['verify', ...args, '--json'], c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

/**
 * Exit 2, exactly one line on stderr, no stack frames, and (every run here
 * asks for --json) one JSON document on stdout whose `error` is that line's
 * message; returns the line.
 */
function oneLineInputError(r: Run): string {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.endsWith('\n')).toBe(true);
  const lines = r.stderr.slice(0, -1).split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toContain('internal error');
  const doc = JSON.parse(r.stdout) as Record<string, unknown>;
  expect(doc).toEqual({
    schema: 'modseal.error/v1',
    command: 'verify',
    error: expect.any(String) as string,
    code: expect.stringMatching(/^(usage|input|repository)$/) as string,
    exitCode: 2,
  });
  expect(lines[0]).toContain(doc.error);
  return lines[0]!;
}

describe('modseal verify input errors', () => {
  let tmp: string;
  let repo: string;
  let noGoMod: string;
  let shallow: string;
  let notGit: string;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'modseal-e2e-input-'));
    removeAtEnd(tmp);
    repo = path.join(tmp, 'repo');
    await createFixtureRepo(repo, [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/m\n' },
          { path: 'm.go', content: 'package m\n' },
        ],
        tags: ['v1.0.0', 'release-1'],
      },
      {
        files: [
          { path: 'go.mod', content: 'module example.com/m\n' },
          { path: 'm.go', content: 'package m // 2\n' },
        ],
        tags: ['v1.1.0'],
      },
    ]);
    noGoMod = path.join(tmp, 'nogomod');
    await createFixtureRepo(noGoMod, [
      { files: [{ path: 'm.go', content: 'package m\n' }], tags: ['v1.0.0'] },
    ]);
    // A CI checkout with fetch-depth 1: only the tip and the tags on it.
    shallow = path.join(tmp, 'shallow');
    await git(tmp, ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    notGit = path.join(tmp, 'plain');
    await mkdir(notGit);
  });

  it('an unknown tag', async () => {
    const line = oneLineInputError(await verify(['--repo', repo, '--tag', 'v9.9.9'], tmp));
    expect(line).toContain('"v9.9.9" does not exist');
  });

  it('a tag that is not a semantic version', async () => {
    const line = oneLineInputError(await verify(['--repo', repo, '--tag', 'release-1'], tmp));
    expect(line).toContain('"release-1" is not a module version tag');
  });

  it('a shallow clone without the tag names the fetch that fixes it', async () => {
    // The clone really lacks the tag but has the one on its tip.
    const tags = (await git(shallow, ['tag', '--list'])).toString().split('\n');
    expect(tags).toContain('v1.1.0');
    expect(tags).not.toContain('v1.0.0');
    const line = oneLineInputError(await verify(['--repo', shallow, '--tag', 'v1.0.0'], tmp));
    expect(line).toContain('shallow');
    expect(line).toContain('git fetch --tags');
    expect(line).toContain('fetch-depth: 0');
  });

  it('a tagged commit without go.mod', async () => {
    const line = oneLineInputError(await verify(['--repo', noGoMod, '--tag', 'v1.0.0'], tmp));
    expect(line).toContain('no go.mod at v1.0.0');
  });

  it('a bad --proxy', async () => {
    const line = oneLineInputError(
      await verify(['--repo', repo, '--tag', 'v1.0.0', '--proxy', 'ftp://x'], tmp),
    );
    expect(line).toContain('ftp://x');
    expect(line).toMatch(/^modseal: --proxy: /);
  });

  it('a bad --sumdb', async () => {
    const line = oneLineInputError(
      await verify(['--repo', repo, '--tag', 'v1.0.0', '--sumdb', 'a b c'], tmp),
    );
    expect(line).toContain('GOSUMDB');
    expect(line).toMatch(/^modseal: --sumdb: /);
    const bad = oneLineInputError(
      await verify(
        ['--repo', repo, '--tag', 'v1.0.0', '--sumdb', 'sum.example+1+bad ftp://x'],
        tmp,
      ),
    );
    expect(bad).toContain('GOSUMDB');
  });

  it('without --tag, version tags of two modules on HEAD must be told apart', async () => {
    const two = path.join(tmp, 'two-modules');
    await createFixtureRepo(two, [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/two\n' },
          { path: 'sub/go.mod', content: 'module example.com/two/sub\n' },
        ],
        tags: ['v1.0.0', 'sub/v1.0.0'],
      },
    ]);
    const line = oneLineInputError(await verify(['--repo', two], tmp));
    expect(line).toContain('sub/v1.0.0, v1.0.0');
    expect(line).toContain('--tag');
  });

  it('a bad --warm-timeout', async () => {
    const line = oneLineInputError(
      await verify(['--repo', repo, '--tag', 'v1.0.0', '--warm-timeout', '5 parsecs'], tmp),
    );
    expect(line).toContain('--warm-timeout');
    expect(line).toContain('5 parsecs');
  });

  it('a directory that is not a git repository', async () => {
    const line = oneLineInputError(await verify(['--repo', notGit, '--tag', 'v1.0.0'], tmp));
    expect(line).toContain(notGit);
  });

  it('--ref (hash spells it so) is refused with the flag verify takes', async () => {
    const line = oneLineInputError(await verify(['--repo', repo, '--ref', 'v1.0.0'], tmp));
    expect(line).toBe(
      "modseal verify: unknown flag --ref; did you mean --tag? (run 'modseal verify --help' for its flags)",
    );
  });

  it('Action input names and typos suggest the flag', async () => {
    const goproxy = oneLineInputError(await verify(['--goproxy', 'off', '--tag', 'v1.0.0'], tmp));
    expect(goproxy).toContain('unknown flag --goproxy; did you mean --proxy?');
    const typo = oneLineInputError(await verify(['--tga', 'v1.0.0'], tmp));
    expect(typo).toContain('unknown flag --tga; did you mean --tag?');
    const none = oneLineInputError(await verify(['--colour'], tmp));
    expect(none).toContain('unknown flag --colour');
    expect(none).not.toContain('did you mean');
  });

  it('a flag without its value', async () => {
    const line = oneLineInputError(await verify(['--repo', repo, '--tag'], tmp));
    expect(line).toContain('--tag needs a value');
  });

  it('a --sumdb-cache that cannot be a file', async () => {
    const blocked = path.join(repo, 'go.mod', 'cache');
    const line = oneLineInputError(
      await verify(['--repo', repo, '--tag', 'v1.0.0', '--sumdb-cache', blocked], tmp),
    );
    expect(line).toContain('--sumdb-cache');
    expect(line).toContain(path.join(repo, 'go.mod'));
    const folder = oneLineInputError(
      await verify(['--repo', repo, '--tag', 'v1.0.0', '--sumdb-cache', tmp], tmp),
    );
    expect(folder).toContain(`--sumdb-cache ${tmp} is a folder`);
  });

  it('the current directory when it is not a git repository', async () => {
    const line = oneLineInputError(await verify(['--tag', 'v1.0.0'], notGit));
    expect(line).toContain(notGit);
  });
});

describe('modseal verify on a clone that lacks an object', () => {
  it("reports git's own text as an input error, not Go refusing the version", async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'modseal-e2e-damaged-'));
    removeAtEnd(tmp);
    const dir = path.join(tmp, 'repo');
    await createFixtureRepo(dir, [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/damaged\n' },
          { path: 'a.go', content: 'package damaged\n' },
        ],
        tags: ['v1.0.0'],
      },
    ]);
    const oid = (await git(dir, ['rev-parse', 'v1.0.0:a.go'])).toString('utf8').trim();
    await rm(path.join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
    const line = oneLineInputError(await verify(['--repo', dir, '--tag', 'v1.0.0'], tmp));
    expect(line).toContain(oid);
    expect(line).toContain('git fsck');
    expect(line).not.toContain('version-invalid');
  });
});

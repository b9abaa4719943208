// The Action's pull-request mode as GitHub runs it: the bundled dist/index.js
// in a child process with a `pull_request` event (name, ref and payload
// file), on a checkout with two modules. The mirror is turned off by the
// goproxy input (skipped by configuration, no network); findings become
// annotations at their file, line and column, the job summary has one row
// per module, and the SARIF file named by the `sarif-path` output passes the
// SARIF project's validator.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFixtureRepo } from '../support/git-fixture.js';
import { tempDir } from '../support/temp-dir.js';
import { validate } from '../lint/sarif-validator.js';
import { BUILD_PATIENCE_MS, ensureDist, runAction } from './dist-runner.js';

const mod = (p: string): string => `module ${p}\n\ngo 1.21\n`;

beforeAll(ensureDist, BUILD_PATIENCE_MS + 60_000);

describe('dist/index.js in pull-request mode', () => {
  let broken: string;
  let clean: string;

  beforeAll(async () => {
    const tmp = await tempDir('modseal-dist-lint-');
    broken = path.join(tmp, 'broken');
    await createFixtureRepo(broken, [
      {
        files: [
          { path: 'go.mod', content: mod('example.com/m/v2') },
          { path: 'a.go', content: 'package m\n\nimport "example.com/m/foo"\n' },
          { path: 'foo/foo.go', content: 'package foo\n' },
          { path: 'sub/go.mod', content: mod('example.com/m/sub') },
          { path: 'sub/s.go', content: 'package sub\n' },
        ],
      },
    ]);
    clean = path.join(tmp, 'clean');
    await createFixtureRepo(clean, [
      {
        files: [
          { path: 'go.mod', content: mod('example.com/c') },
          { path: 'c.go', content: 'package c\n' },
        ],
        tags: ['v1.0.0'],
      },
      {
        files: [
          { path: 'go.mod', content: mod('example.com/c') },
          { path: 'c.go', content: 'package c\n\nfunc C() {}\n' },
        ],
      },
    ]);
  }, 60_000);

  it('a pull_request event lints: annotation at line and column, one summary row per module, SARIF, exit by fail-on', async () => {
    const r = await runAction({
      workspace: broken,
      event: 'pull_request',
      ref: 'refs/pull/7/merge',
      payload: { action: 'synchronize', number: 7, pull_request: { number: 7 } },
      inputs: { goproxy: 'off' },
    });
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      /^::error title=modseal old-major-import,file=a\.go,line=3,col=8::.*example\.com\/m\/foo/,
    );
    // fail-on: error fails the step with one line naming the code.
    expect(errors[1]).toBe('::error::modseal lint: fail (old-major-import): see the job summary');
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.summary).toContain('modseal lint');
    const rows = r.summary
      .split('\n')
      .filter((l) => l.startsWith('|') && l.includes('example.com/m'));
    expect(rows).toHaveLength(2);
    expect(r.stdout).toContain('skipped by configuration');

    const sarifPath = r.outputs['sarif-path'] ?? '';
    expect(sarifPath).toBe(path.join(r.runnerTemp, 'modseal', 'lint.sarif'));
    const sarif = await readFile(sarifPath, 'utf8');
    const verdicts = await validate({ 'lint.sarif': sarif });
    expect(
      (verdicts.get('lint.sarif') ?? []).filter(
        (v) => v.level === 'error' || v.level === 'warning',
      ),
    ).toEqual([]);
    const json = JSON.parse(await readFile(r.outputs['report-path'] ?? '', 'utf8')) as {
      schema: string;
      findings: { code: string }[];
    };
    expect(json.schema).toBe('modseal.lint-report/v1');
    expect(json.findings.map((f) => f.code)).toEqual(['old-major-import']);
  }, 120_000);

  it('fail-on: never reports without failing the step', async () => {
    const r = await runAction({
      workspace: broken,
      event: 'pull_request',
      ref: 'refs/pull/7/merge',
      payload: { number: 7, pull_request: { number: 7 } },
      inputs: { goproxy: 'off', 'fail-on': 'never' },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('fail');
  }, 120_000);

  it('a push to a branch lints too; a clean tree passes', async () => {
    const r = await runAction({
      workspace: clean,
      event: 'push',
      ref: 'refs/heads/main',
      inputs: { goproxy: 'off' },
    });
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(r.summary).toContain('example.com/c');
  }, 120_000);
});

// `modseal lint --json` end to end over fixture git repositories: one
// mistake each, in single- and multi-module layouts, each giving exactly the
// expected findings (code, file, line, column, counted by hand from the
// fixture text); clean repositories give none. Offline here: the "already
// published" questions are asked of loopback servers in lint-published.test.ts.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeLintCommand } from '../../src/cli/lint-command.js';
import { captureIo } from '../support/cli-io.js';
import { createFixtureRepo, type FixtureCommit } from '../support/git-fixture.js';
import { tempDir } from '../support/temp-dir.js';
import { validate } from '../lint/sarif-validator.js';
import { runCli } from '../../src/cli/main.js';

type Tree = Record<string, string>;

const mod = (p: string, extra = ''): string => `module ${p}\n\ngo 1.21\n${extra}`;

/** A repository: earlier commits each tagged, then the tree being linted at HEAD (untagged). */
async function repo(head: Tree, tagged: Record<string, Tree> = {}): Promise<string> {
  const dir = path.join(await tempDir('modseal-lint-e2e-'), 'r');
  const commits: FixtureCommit[] = Object.entries(tagged).map(([tag, tree]) => ({
    files: Object.entries(tree).map(([p, content]) => ({ path: p, content })),
    tags: [tag],
  }));
  commits.push({ files: Object.entries(head).map(([p, content]) => ({ path: p, content })) });
  await createFixtureRepo(dir, commits);
  return dir;
}

interface Finding {
  code: string;
  module?: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
  fix?: string;
}

async function lint(dir: string, ...args: string[]) {
  const c = captureIo(dir);
  const code = await makeLintCommand()(['--offline', '--json', ...args], c.io);
  const report = JSON.parse(c.stdout()) as {
    schema: string;
    verdict: string;
    ref: string;
    commit: string;
    modules: { path: string; dir: string; tagPrefix: string; latest?: string; next?: string }[];
    findings: Finding[];
  };
  const brief = report.findings.map((f) => ({
    code: f.code,
    ...(f.file !== undefined ? { file: f.file } : {}),
    ...(f.line !== undefined ? { line: f.line } : {}),
    ...(f.column !== undefined ? { column: f.column } : {}),
  }));
  return { code, report, brief, stderr: c.stderr(), dir };
}

describe('clean repositories give no findings', () => {
  it('single module with history', async () => {
    const tree = { 'go.mod': mod('example.com/m'), 'm.go': 'package m\n' };
    const r = await lint(await repo(tree, { 'v1.0.0': tree, 'v1.1.0': tree }));
    expect(r.brief).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.report.verdict).toBe('pass');
    expect(r.report.schema).toBe('modseal.lint-report/v1');
    expect(r.report.ref).toBe('HEAD');
    expect(r.report.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(r.report.modules).toEqual([
      { path: 'example.com/m', dir: '', tagPrefix: '', latest: 'v1.1.0', next: 'v1.2.0' },
    ]);
    expect(r.stderr).toContain('offline');
  });

  it('multi-module with a major subdirectory and a /v2 release named with --next', async () => {
    const tree = {
      'go.mod': mod('example.com/m'),
      'm.go': 'package m\n\nimport "example.com/m/sub"\n',
      'sub/go.mod': mod('example.com/m/sub'),
      'sub/s.go': 'package sub\n',
      'sub/v2/go.mod': mod('example.com/m/sub/v2'),
      'sub/v2/s.go': 'package sub\n\nimport "example.com/m/sub/v2/inner"\n',
    };
    const r = await lint(await repo(tree, { 'sub/v1.0.0': tree }), '--next', 'sub/v2.0.0');
    expect(r.brief).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('each mistake, single and multi-module', () => {
  it('version-invalid: a v2 release of a path without /v2', async () => {
    const tree = { 'go.mod': mod('example.com/m'), 'm.go': 'package m\n' };
    const r = await lint(await repo(tree, { 'v1.0.0': tree }), '--next', 'v2.0.0');
    expect(r.brief).toEqual([{ code: 'version-invalid', file: 'go.mod', line: 1, column: 1 }]);
    expect(r.report.findings[0]?.message).toContain(
      'module contains a go.mod file, so module path must match major version ("example.com/m/v2")',
    );
    expect(r.code).toBe(1);
    expect(r.report.verdict).toBe('fail');
  });

  it('version-invalid: a subdirectory module, named by its prefixed tag', async () => {
    const tree = {
      'go.mod': mod('example.com/m'),
      'api/go.mod': `// The API.\n${mod('example.com/m/api')}`,
    };
    const r = await lint(await repo(tree), '--next', 'api/v3.1.0');
    expect(r.brief).toEqual([{ code: 'version-invalid', file: 'api/go.mod', line: 2, column: 1 }]);
    expect(r.code).toBe(1);
  });

  it('old-major-import: after the bump to /v2, single module and a major subdirectory', async () => {
    const single = await lint(
      await repo({
        'go.mod': mod('example.com/m/v2'),
        'a.go': 'package m\n\nimport "example.com/m/foo"\n',
        'a_test.go': 'package m\n\nimport (\n\t"testing"\n\tx "example.com/m"\n)\n',
        'vendor/example.com/m/foo/f.go': 'package foo\n\nimport "example.com/m"\n',
        'testdata/t.go': 'package t\n\nimport "example.com/m"\n',
        'foo/foo.go': 'package foo\n',
      }),
    );
    expect(single.brief).toEqual([
      { code: 'old-major-import', file: 'a.go', line: 3, column: 8 },
      { code: 'old-major-import', file: 'a_test.go', line: 5, column: 4 },
    ]);
    expect(single.code).toBe(1);
    // Without --json: one line per finding with its place, its fix indented, then the verdict.
    const human = captureIo(single.dir);
    expect(await makeLintCommand()(['--offline', '--repo', single.dir], human.io)).toBe(1);
    const lines = human.stdout().split('\n');
    expect(lines[0]).toMatch(/^a\.go:3:8: error old-major-import: /);
    expect(lines[1]).toMatch(/^ {4}Import "example\.com\/m\/v2\/foo" instead/);
    expect(lines.at(-2)).toBe('lint fail: 1 module at HEAD, 2 findings');
    const multi = await lint(
      await repo({
        'go.mod': mod('example.com/m'),
        'sub/go.mod': mod('example.com/m/sub'),
        'sub/s.go': 'package sub\n',
        'sub/v2/go.mod': mod('example.com/m/sub/v2'),
        'sub/v2/s.go': '//go:build linux\n\npackage sub\n\nimport "example.com/m/sub/x"\n',
      }),
    );
    expect(multi.brief).toEqual([
      { code: 'old-major-import', file: 'sub/v2/s.go', line: 5, column: 8 },
    ]);
  });

  it('module-path-mismatch: a major subdirectory whose path names another major', async () => {
    const r = await lint(
      await repo({
        'go.mod': mod('example.com/m'),
        'v2/go.mod': mod('example.com/m/v3'),
      }),
    );
    expect(r.brief).toEqual([
      { code: 'module-path-mismatch', file: 'v2/go.mod', line: 1, column: 1 },
    ]);
    expect(r.code).toBe(1);
  });

  it('gomod-invalid: an unknown directive, at the go command position', async () => {
    const r = await lint(await repo({ 'go.mod': mod('example.com/m', '\nfrobnicate x\n') }));
    expect(r.brief).toEqual([{ code: 'gomod-invalid', file: 'go.mod', line: 5, column: 1 }]);
    expect(r.report.findings[0]?.message).toContain('unknown directive: frobnicate');
    expect(r.code).toBe(1);
  });

  it('retract-unknown and retract-pending', async () => {
    const tree = {
      'go.mod': mod('example.com/m', '\nretract v0.9.0\nretract v1.0.0 // broken\n'),
    };
    const r = await lint(await repo(tree, { 'v1.0.0': { 'go.mod': mod('example.com/m') } }));
    expect(r.brief).toEqual([
      { code: 'retract-unknown', file: 'go.mod', line: 5, column: 1 },
      { code: 'retract-pending', file: 'go.mod', line: 6, column: 1 },
    ]);
    // Warnings and notices only.
    expect(r.code).toBe(0);
  });

  it('version-lower: a --next below the latest release of its line (multi-module)', async () => {
    const tree = { 'go.mod': mod('example.com/m'), 'sub/go.mod': mod('example.com/m/sub') };
    const r = await lint(await repo(tree, { 'sub/v1.4.0': tree }), '--next', 'sub/v1.3.9');
    expect(r.brief).toEqual([{ code: 'version-lower', file: 'sub/go.mod', line: 1, column: 1 }]);
    expect(r.code).toBe(0);
  });

  it('zip-invalid: two file names that differ only in case', async () => {
    const r = await lint(
      await repo({ 'go.mod': mod('example.com/m'), 'README.md': 'a\n', 'readme.md': 'b\n' }),
    );
    expect(r.brief).toEqual([{ code: 'zip-invalid', file: 'go.mod' }]);
    expect(r.report.findings[0]?.message).toContain('case-insensitive file name collision');
    expect(r.code).toBe(1);
  });

  it('zip-invalid in a subdirectory module only: the root module leaves nested modules out', async () => {
    const r = await lint(
      await repo({
        'go.mod': mod('example.com/m'),
        'sub/go.mod': mod('example.com/m/sub'),
        'sub/Doc.go': 'package sub\n',
        'sub/doc.go': 'package sub\n',
      }),
    );
    expect(r.brief).toEqual([{ code: 'zip-invalid', file: 'sub/go.mod' }]);
    expect(r.report.findings[0]?.module).toBe('example.com/m/sub');
  });

  it('incompatible-trap: v2 tags without go.mod, and now a go.mod without /vN', async () => {
    const r = await lint(
      await repo(
        { 'go.mod': mod('example.com/m'), 'm.go': 'package m\n' },
        { 'v1.0.0': { 'm.go': 'package m\n' }, 'v2.0.0': { 'm.go': 'package m\n' } },
      ),
      '--next',
      'v1.1.0',
    );
    expect(r.brief).toEqual([{ code: 'incompatible-trap', file: 'go.mod', line: 1, column: 1 }]);
    expect(r.report.findings[0]?.message).toContain('v2.0.0+incompatible');
    expect(r.code).toBe(0);
  });
});

describe('input errors and SARIF', () => {
  it('a --next tag no module takes, and a bad --ref, are input errors (exit 2)', async () => {
    const dir = await repo({ 'go.mod': mod('example.com/m') });
    const c = captureIo(dir);
    expect(await runCli(['lint', '--offline', '--next', 'nope/v1.0.0'], c.io)).toBe(2);
    expect(c.stderr()).toMatch(/^modseal: .*nope\/v1\.0\.0.*\n$/);
    const d = captureIo(dir);
    expect(await runCli(['lint', '--offline', '--ref', 'no-such-branch'], d.io)).toBe(2);
    expect(d.stderr()).toMatch(/^modseal: --ref "no-such-branch" names no commit/);
  });

  it('--sarif writes a valid SARIF log carrying the same findings as the JSON', async () => {
    const dir = await repo({
      'go.mod': mod('example.com/m/v2'),
      'a.go': 'package m\n\nimport "example.com/m/foo"\n',
    });
    const out = path.join(await tempDir('modseal-lint-sarif-'), 'lint.sarif');
    const r = await lint(dir, '--sarif', out);
    const text = await readFile(out, 'utf8');
    const verdicts = await validate({ 'lint.sarif': text });
    expect(
      (verdicts.get('lint.sarif') ?? []).filter(
        (v) => v.level === 'error' || v.level === 'warning',
      ),
    ).toEqual([]);
    const log = JSON.parse(text) as {
      runs: {
        results: {
          ruleId: string;
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string };
              region: { startLine: number; startColumn?: number };
            };
          }[];
        }[];
      }[];
    };
    const results = log.runs[0]?.results ?? [];
    expect(
      results.map((x) => ({
        code: x.ruleId,
        file: x.locations[0]?.physicalLocation.artifactLocation.uri,
        line: x.locations[0]?.physicalLocation.region.startLine,
        column: x.locations[0]?.physicalLocation.region.startColumn,
      })),
    ).toEqual(r.brief);
  });

  it('--sarif into a folder that does not exist is an input error before any work', async () => {
    const dir = await repo({ 'go.mod': mod('example.com/m') });
    const c = captureIo(dir);
    expect(await runCli(['lint', '--offline', '--sarif', 'no/such/dir/x.sarif'], c.io)).toBe(2);
    expect(c.stderr()).toMatch(/^modseal: --sarif .*does not exist/);
  });
});

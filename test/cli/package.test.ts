// modseal outside its checkout: the tarball `npm pack` makes installs in an
// empty folder with no registry (every dependency is bundled into dist/),
// and the installed `modseal` runs `--version` and the demo. The bundle for
// the CLI carries none of the GitHub-only packages the Action uses.
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildScratchTree, repoRoot } from '../support/cli-bundle.js';
import { spawnText } from '../support/spawn.js';
import { tempDir } from '../support/temp-dir.js';

const run = promisify(execFile);

interface PackageJson {
  version: string;
  license: string;
  bin: Record<string, string>;
  files: string[];
  engines: { node: string };
  dependencies?: Record<string, string>;
}

const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as PackageJson;

let work = '';
let tarball = '';
let packed: string[] = [];
let npmEnv: NodeJS.ProcessEnv = {};

beforeAll(async () => {
  work = await buildScratchTree();
  // npm's cache and configuration of its own: nothing from the machine's.
  npmEnv = {
    PATH: process.env.PATH,
    HOME: work,
    npm_config_cache: path.join(work, '.npm-cache'),
    npm_config_userconfig: path.join(work, '.npmrc-none'),
    npm_config_update_notifier: 'false',
  };
  const out = path.join(work, 'packed');
  await mkdir(out);
  // The scratch tree has no scripts/prepare.mjs to run (pack needs none).
  const { stdout } = await run(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', out],
    { cwd: work, env: npmEnv, timeout: 120_000 },
  );
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(out, info?.filename ?? '');
  packed = (info?.files ?? []).map((f) => f.path).sort();
});

describe('package.json is ready to publish', () => {
  it('names the bin, a licence with its text, and the Node versions the bundle targets', () => {
    expect(pkg.bin).toEqual({ modseal: 'dist/cli.js' });
    expect(pkg.license).toBe('BSD-3-Clause');
    expect(pkg.engines.node).toBe('>=20');
  });

  it('has no runtime dependencies: dist/ bundles them', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('packs the bundles, action.yml, README and LICENSE, and no sources', () => {
    expect(packed).toEqual([
      'LICENSE',
      'README.md',
      'action.yml',
      'dist/cli.js',
      'dist/index.js',
      'package.json',
    ]);
  });
});

describe('dist/cli.js', () => {
  it('bundles what the CLI uses and none of the GitHub-only packages', async () => {
    const cli = await readFile(path.join(work, 'dist', 'cli.js'), 'utf8');
    // esbuild marks each bundled module with a `// <path>` line (here the
    // path leads through the scratch tree's link to node_modules).
    const modules = new Set(
      [...cli.matchAll(/^\/\/ \S*node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\//gm)].map((m) => m[1]),
    );
    expect(modules).toContain('yauzl');
    expect(modules).toContain('yazl');
    expect(
      [...modules].filter((m) => m?.startsWith('@actions/') || m?.startsWith('@octokit/')),
    ).toEqual([]);
    const action = await readFile(path.join(work, 'dist', 'index.js'), 'utf8');
    expect(action).toMatch(/^\/\/ \S*node_modules\/@actions\/core\//m);
  });
});

describe('installed from the tarball, outside the checkout', () => {
  let bin = '';
  let prefix = '';
  beforeAll(async () => {
    // An empty folder with no package.json above it (npm would install
    // into that project instead).
    prefix = await tempDir('modseal-installed-');
    // --offline: there is no registry in tests, and none is needed.
    await run(
      'npm',
      ['install', tarball, '--offline', '--no-audit', '--no-fund', '--prefix', prefix],
      {
        cwd: prefix,
        env: npmEnv,
        timeout: 120_000,
      },
    );
    bin = path.join(prefix, 'node_modules', '.bin', 'modseal');
  });

  it('modseal --version prints the version of package.json', async () => {
    const r = await spawnText(bin, ['--version'], { cwd: prefix, env: npmEnv });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`modseal ${pkg.version}\n`);
  });

  it('modseal demo runs the release gate offline', async () => {
    const r = await spawnText(bin, ['demo'], { cwd: prefix, env: npmEnv, timeoutMs: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('modseal release gate: FAIL  example.com/hello@v1.0.0');
    expect(r.stdout).toContain('retract v1.0.0');
  });
});

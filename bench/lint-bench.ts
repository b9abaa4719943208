// `modseal lint` at HEAD of a generated repository shaped like
// opentelemetry-go (issue 10, item 4: interactive, a few seconds on 2 cores
// with the network off): 60 modules (the root and 59 subdirectory modules,
// some on a /v2 path in place, some in a /v2 major subdirectory), about
// 3,000 .go files with import blocks, two releases tagged per module and a
// third, untagged, at HEAD (the pull request).
// `node dist/cli.js lint --offline --json` runs as a child process, timed
// with its peak RSS, against a baseline in the same call: `git ls-tree -r`
// and `git cat-file --batch` over the .go blobs the lint must read, the
// least any tool must do to read them. Generated once under .bench/.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { moduleSourceFiles, needsImportScan } from '../src/checks/lint/rules.js';
import {
  importRepo,
  type ImportCommit,
  type ImportFile,
} from '../test/modfetch/tree-hash-fixture.js';

const ROOT = 'example.com/otelish';
const MODULES = 60;
const GO_FILES_PER_MODULE = 50;
const PACKAGES_PER_MODULE = 5;
const RELEASES = 3;
const RUNS = 3;

type Layout = 'v1' | 'v2-in-place' | 'v2-subdir';

interface Mod {
  /** Directory of go.mod. */
  dir: string;
  path: string;
  /** Tag prefix (the code directory: a major subdirectory's parent). */
  prefix: string;
  major: 1 | 2;
}

function layout(k: number): Layout {
  if (k !== 0 && k % 6 === 0) return 'v2-in-place';
  if (k % 6 === 3) return 'v2-subdir';
  return 'v1';
}

function mod(k: number): Mod {
  const groups = ['exporters/otlp', 'sdk', 'bridge', 'exporters', 'instrumentation'];
  const base = k === 0 ? '' : `${groups[k % groups.length] as string}/m${k}`;
  const basePath = base === '' ? ROOT : `${ROOT}/${base}`;
  const prefix = base === '' ? '' : `${base}/`;
  switch (layout(k)) {
    case 'v1':
      return { dir: base, path: basePath, prefix, major: 1 };
    case 'v2-in-place':
      return { dir: base, path: `${basePath}/v2`, prefix, major: 2 };
    case 'v2-subdir':
      return { dir: `${base}/v2`, path: `${basePath}/v2`, prefix, major: 2 };
  }
}

// Deterministic filler that looks like Go code to a reader of imports:
// doc comments and small functions after the import block.
function body(seed: string, lines: number): string {
  const out: string[] = [];
  let h = createHash('sha256').update(seed).digest('hex');
  for (let i = 0; i < lines; i++) {
    if (i % 8 === 0) h = createHash('sha256').update(h).digest('hex');
    out.push(
      i % 4 === 0
        ? `// F${i} documents ${h.slice(0, 24)}.\nfunc F${i}() string { return fmt.Sprint("${h.slice(24, 48)}") }`
        : `var v${i} = strings.Repeat("${h.slice(i % 8, 32 + (i % 8))}", ${i})`,
    );
  }
  return out.join('\n') + '\n';
}

function goFile(m: Mod, k: number, j: number, r: number): string {
  const pkg = `p${j % PACKAGES_PER_MODULE}`;
  const tail = j % 10 === 0 ? '_test' : '';
  const sibling = `p${(j + 1) % PACKAGES_PER_MODULE}`;
  const imports = ['"fmt"', '"strings"', `"${m.path}/${sibling}"`];
  if (k !== 0) imports.push(`"${ROOT}/p${j % PACKAGES_PER_MODULE}"`);
  if (j % 5 === 0) imports.push('"context"', '"net/http"');
  const constraint = j % 9 === 0 ? '//go:build linux\n\n' : '';
  const pkgName = tail === '' ? pkg : `${pkg}_test`;
  return `${constraint}package ${pkgName}\n\nimport (\n${imports.map((i) => `\t${i}`).join('\n')}\n)\n\n${body(`${m.path}/${j}@${r % 2}`, 40 + (j % 30))}`;
}

function goFileName(j: number): string {
  return `p${j % PACKAGES_PER_MODULE}/f${j}${j % 10 === 0 ? '_test' : ''}.go`;
}

function* history(): Generator<ImportCommit> {
  const mods = Array.from({ length: MODULES }, (_, k) => mod(k));
  for (let r = 0; r < RELEASES; r++) {
    const files: ImportFile[] = [
      { path: 'LICENSE', content: 'Apache License\nVersion 2.0, January 2004\n' },
      { path: 'README.md', content: `# otelish, release ${r}\n` },
    ];
    const tags: string[] = [];
    for (const [k, m] of mods.entries()) {
      const at = m.dir === '' ? '' : `${m.dir}/`;
      const requires = k === 0 ? '' : `\nrequire ${ROOT} v1.${r}.0\n`;
      files.push({ path: `${at}go.mod`, content: `module ${m.path}\n\ngo 1.23\n${requires}` });
      for (let j = 0; j < GO_FILES_PER_MODULE; j++) {
        files.push({ path: `${at}${goFileName(j)}`, content: goFile(m, k, j, r) });
      }
      files.push({ path: `${at}testdata/x.txt`, content: 'fixture\n' });
      // Releases before HEAD are tagged; HEAD is the pull request.
      if (r < RELEASES - 1) tags.push(`${m.prefix}v${m.major}.${r}.0`);
    }
    yield { files, tags };
  }
}

async function ensureRepo(): Promise<{ dir: string; generated: boolean }> {
  const dir = path.resolve('.bench', 'lint-repo');
  const marker = path.join(dir, '.git', 'refs', 'tags', `v1.${RELEASES - 2}.0`);
  if (existsSync(marker)) return { dir, generated: false };
  await rm(dir, { recursive: true, force: true });
  console.log(`  generating ${dir} (once) ...`);
  await importRepo(dir, history());
  return { dir, generated: true };
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

interface LintRun {
  seconds: number;
  peakRssMiB: number;
  exitCode: number;
  modules: string[];
  verdict: string;
  findings: number;
}

/** `node dist/cli.js lint --offline --json` under GNU time when present (peak RSS of the tree). */
async function runLint(dir: string): Promise<LintRun> {
  const useTime = existsSync('/usr/bin/time');
  const args = [path.resolve('dist/cli.js'), 'lint', '--repo', dir, '--offline', '--json'];
  const start = process.hrtime.bigint();
  const { code, stdout, stderr } = await new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
  }>((resolve, reject) => {
    const child = useTime
      ? spawn('/usr/bin/time', ['-f', 'MAXRSS %M', process.execPath, ...args], {
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
  });
  const elapsed = seconds(start);
  // 0 pass, 1 fail: both are a finished lint; anything else is the bench's failure.
  if (code !== 0 && code !== 1) throw new Error(`lint exited ${code}: ${stderr.slice(-2000)}`);
  const report = JSON.parse(stdout) as {
    verdict: string;
    modules: { path: string }[];
    findings: unknown[];
  };
  const m = /(?:^|\n)MAXRSS (\d+)/.exec(stderr);
  return {
    seconds: elapsed,
    peakRssMiB: (m !== null ? Number(m[1]) : process.resourceUsage().maxRSS) / 1024,
    exitCode: code,
    modules: report.modules.map((x) => x.path),
    verdict: report.verdict,
    findings: report.findings.length,
  };
}

interface Blob {
  path: string;
  oid: string;
}

function lsTree(dir: string): Blob[] {
  const r = spawnSync('git', ['ls-tree', '-r', '-z', '--full-tree', 'HEAD'], {
    cwd: dir,
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`git ls-tree: ${r.stderr.toString()}`);
  return r.stdout
    .toString('utf8')
    .split('\0')
    .filter((rec) => rec !== '')
    .map((rec) => {
      const tab = rec.indexOf('\t');
      return { path: rec.slice(tab + 1), oid: rec.slice(0, tab).split(' ')[2] ?? '' };
    });
}

/** The .go files the lint reads: the modules whose path has a major suffix, as it selects them. */
function goFilesRead(blobs: readonly Blob[]): Blob[] {
  const paths = blobs.map((b) => b.path);
  const byPath = new Map(blobs.map((b) => [b.path, b]));
  const out: Blob[] = [];
  for (let k = 0; k < MODULES; k++) {
    const m = mod(k);
    if (!needsImportScan(m.path)) continue;
    for (const p of moduleSourceFiles(paths, m.dir)) out.push(byPath.get(p)!);
  }
  return out;
}

/** The baseline: `git ls-tree -r` then `git cat-file --batch` over `pick`'s blobs. */
async function baseline(
  dir: string,
  pick: (blobs: Blob[]) => Blob[],
): Promise<{ seconds: number; files: number; mib: number }> {
  const start = process.hrtime.bigint();
  const listed = await new Promise<Buffer>((resolve, reject) => {
    const child = spawn('git', ['ls-tree', '-r', '-z', '--full-tree', 'HEAD'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (c) =>
      c === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${c}`)),
    );
  });
  const blobs = listed
    .toString('utf8')
    .split('\0')
    .filter((rec) => rec !== '')
    .map((rec) => {
      const tab = rec.indexOf('\t');
      return { path: rec.slice(tab + 1), oid: rec.slice(0, tab).split(' ')[2] ?? '' };
    });
  const wanted = pick(blobs);
  let bytes = 0;
  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd: dir,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (c: Buffer) => (bytes += c.length));
    child.on('error', reject);
    child.on('close', (c) => (c === 0 ? resolve() : reject(new Error(`cat-file ${c}`))));
    child.stdin.end(wanted.map((b) => b.oid).join('\n') + '\n');
  });
  return { seconds: seconds(start), files: wanted.length, mib: bytes / 2 ** 20 };
}

export interface LintBench {
  modules: number;
  goFilesInTree: number;
  /** .go files of the modules with a major suffix: the ones the import check reads. */
  goFilesRead: number;
  tags: number;
  runs: LintRun[];
  /** ls-tree + cat-file --batch over the .go files the lint reads. */
  baselineRead: { seconds: number; files: number; mib: number };
  /** The same over every .go file of the tree. */
  baselineAll: { seconds: number; files: number; mib: number };
  generated: boolean;
}

export async function benchLint(): Promise<LintBench> {
  const { dir, generated } = await ensureRepo();
  const blobs = lsTree(dir);
  const goAll = blobs.filter((b) => b.path.endsWith('.go'));
  const read = goFilesRead(blobs);
  const tags = spawnSync('git', ['tag'], { cwd: dir }).stdout.toString().trim().split('\n');
  // One warm-up each, so the page cache is equally warm for both.
  await baseline(dir, goFilesRead);
  const runs: LintRun[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runLint(dir));
  const baselineRead = await baseline(dir, goFilesRead);
  const baselineAll = await baseline(dir, (b) => b.filter((x) => x.path.endsWith('.go')));
  return {
    modules: runs[0]?.modules.length ?? 0,
    goFilesInTree: goAll.length,
    goFilesRead: read.length,
    tags: tags.length,
    runs,
    baselineRead,
    baselineAll,
    generated,
  };
}

// The drift scan's hashing of every version of every module (issue 11,
// item 2) on a generated repository shaped like opentelemetry-go: 60
// modules (the root and 59 subdirectories, tags with directory prefixes),
// all tagged at each release, 2,000 module versions, about 34,000 distinct
// file contents, opentelemetry-go's .gitattributes at the root, one LICENSE
// copied into every subdirectory module, every go.mod changing each release.
// Reported as ratios against `modseal hash` run per version (on a sample)
// and against `git cat-file --batch` reading the same objects. Generated
// once under .bench/ (MODSEAL_SCAN_BENCH_MIB sets the content size; 500 is
// opentelemetry-go's, the default 150 keeps generation to a minute).
import { spawn, spawnSync } from 'node:child_process';
import { createCipheriv, createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { openRepo } from '../src/git/index.js';
import { buildModule, gitCodeHost, type BuildRequest } from '../src/modfetch/index.js';
import { TreeHasher } from '../src/modfetch/tree-hash.js';
import { createScan } from '../src/wire/scan.js';
import { Rng } from '../test/modfetch/gen-repos.js';
import {
  importRepo,
  type ImportCommit,
  type ImportFile,
} from '../test/modfetch/tree-hash-fixture.js';

const ROOT = 'example.com/otelish';
const MODULES = 60;
const FILES_PER_MODULE = 40;
const RELEASES = 34;
const VERSIONS = 2_000;
/** Files changed at each release besides every go.mod: ~34,000 distinct contents in all. */
const CHANGED_PER_RELEASE = 896;
const GITATTRIBUTES =
  '* text=auto eol=lf\n*.{cmd,[cC][mM][dD]} text eol=crlf\n*.{bat,[bB][aA][tT]} text eol=crlf\n';
const SAMPLE = 12;

function moduleDir(k: number): string {
  if (k === 0) return '';
  const groups = ['exporters/otlp', 'sdk', 'bridge', 'exporters'];
  return `${groups[k % groups.length] as string}/m${k}`;
}

function modulePath(k: number): string {
  const d = moduleDir(k);
  return d === '' ? ROOT : `${ROOT}/${d}`;
}

// Deterministic text: an AES-CTR keystream as hex lines, looking to zlib
// like source code does (about half its size compressed).
function text(seed: string, size: number): Buffer {
  const key = createHash('sha256').update(seed).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const hex = cipher.update(Buffer.alloc(Math.ceil(size / 2))).toString('hex');
  return Buffer.from(hex.slice(0, size).replace(/(.{79})./g, '$1\n'));
}

function* history(avgSize: number): Generator<ImportCommit> {
  const rng = new Rng(11);
  const slots: { path: string; size: number; rev: number; content?: Buffer }[] = [];
  for (let k = 0; k < MODULES; k++) {
    const d = moduleDir(k);
    for (let j = 0; j < FILES_PER_MODULE; j++) {
      const pkg = `p${j % 4}`;
      slots.push({
        path: `${d === '' ? '' : d + '/'}${pkg}/f${j}.go`,
        size: Math.max(64, Math.round(avgSize * (0.25 + 1.5 * rng.next()))),
        rev: 0,
      });
    }
  }
  for (let r = 0; r < RELEASES; r++) {
    if (r > 0) {
      for (const s of rng.some(slots, CHANGED_PER_RELEASE)) {
        s.rev = r;
        s.content = undefined;
      }
    }
    const files: ImportFile[] = [
      { path: '.gitattributes', content: GITATTRIBUTES },
      { path: 'LICENSE', content: 'Apache License\nVersion 2.0, January 2004\n' },
    ];
    const tags: string[] = [];
    const tagged = r < RELEASES - 1 ? MODULES : VERSIONS - (RELEASES - 1) * MODULES;
    for (let k = 0; k < MODULES; k++) {
      const d = moduleDir(k);
      const requires = k === 0 ? '' : `\nrequire ${ROOT} v1.${r}.0\n`;
      files.push({
        path: d === '' ? 'go.mod' : `${d}/go.mod`,
        content: `module ${modulePath(k)}\n\ngo 1.23\n${requires}`,
      });
      if (k < tagged) tags.push(`${d === '' ? '' : d + '/'}v1.${r}.0`);
    }
    for (const s of slots) {
      s.content ??= text(`${s.path}@${s.rev}`, s.size);
      files.push({ path: s.path, content: s.content });
    }
    yield { files, tags };
  }
}

async function ensureRepo(
  avgSize: number,
  mib: number,
): Promise<{ dir: string; generated: boolean }> {
  const dir = path.resolve('.bench', `scan-repo-${mib}`);
  const marker = path.join(dir, '.git', 'refs', 'tags', `v1.${RELEASES - 1}.0`);
  if (existsSync(marker)) return { dir, generated: false };
  await rm(dir, { recursive: true, force: true });
  console.log(`  generating ${dir} (once) ...`);
  await importRepo(dir, history(avgSize));
  return { dir, generated: true };
}

function requests(dir: string): { tag: string; req: BuildRequest }[] {
  const tags = spawnSync('git', ['tag'], { cwd: dir }).stdout.toString().trim().split('\n');
  return tags.map((tag) => {
    const slash = tag.lastIndexOf('/');
    const d = slash < 0 ? '' : tag.slice(0, slash);
    return {
      tag,
      req: {
        modulePath: d === '' ? ROOT : `${ROOT}/${d}`,
        codeRoot: ROOT,
        query: tag.slice(slash + 1),
      },
    };
  });
}

/** CPU seconds of this process's reaped children (git), from /proc; undefined elsewhere. */
function childrenCpu(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime, fields 16 and 17 of proc(5), in clock ticks (100 a second on Linux).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** `git cat-file --batch` reading every object of the repository once, output discarded. */
async function catFileAll(dir: string): Promise<{ seconds: number; objects: number; mib: number }> {
  const ids = spawnSync('git', ['rev-list', '--objects', '--no-object-names', '--all'], {
    cwd: dir,
    maxBuffer: 1 << 30,
  }).stdout;
  const objects = ids.toString().trim().split('\n').length;
  const start = process.hrtime.bigint();
  let bytes = 0;
  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd: dir,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (c: Buffer) => (bytes += c.length));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`cat-file ${code}`))));
    child.stdin.end(ids);
  });
  return { seconds: seconds(start), objects, mib: bytes / 2 ** 20 };
}

function cliHash(dir: string, tag: string): Promise<number> {
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.resolve('dist/cli.js'), 'hash', '--repo', dir, '--ref', tag],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(seconds(start)) : reject(new Error(`hash ${tag}: ${err}`)),
    );
  });
}

export interface ScanBench {
  versions: number;
  modules: number;
  distinctBlobs: number;
  contentMiB: number;
  first: {
    seconds: number;
    /** This process's CPU time over the first pass. */
    cpuSeconds: number;
    /** git's CPU time over both passes (Linux only). */
    gitCpuSeconds?: number;
    fromObjects: number;
    fromArchive: number;
  };
  second: { seconds: number; newBlobs: number };
  catFile: { seconds: number; objects: number; mib: number };
  /** Mean seconds a version over the sample, `modseal hash` as a process. */
  cliPerVersion: number;
  /** Mean seconds a version over the sample, buildModule with git archive in this process. */
  archivePerVersion: number;
  /** Heap after a full GC once 25/50/75/100 % of the versions were hashed, MiB. */
  heapMiB: number[];
  peakRssMiB: number;
  /** The repository was generated by this run (the peak RSS includes that). */
  generated: boolean;
  /**
   * `modseal scan` itself (runScan over the repository, the mirror and the
   * database turned off so only the local side is measured), twice with one
   * state file: the second run has nothing changed.
   */
  stateRuns: { seconds: number; rebuilt: number; reused: number; versions: number }[];
}

/** Two scans with one state file, offline; seconds and what each rebuilt. */
async function scanWithState(dir: string): Promise<ScanBench['stateRuns']> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'modseal-scan-bench-'));
  try {
    const scan = createScan({
      logger: { info: () => undefined, debug: () => undefined },
      env: { GOPROXY: 'off', GOSUMDB: 'off', PATH: process.env.PATH ?? '' },
    });
    const runs: ScanBench['stateRuns'] = [];
    for (let i = 0; i < 2; i++) {
      const start = process.hrtime.bigint();
      const r = await scan({ repoDir: dir, stateFile: path.join(work, 'state.json') });
      runs.push({
        seconds: seconds(start),
        rebuilt: r.counters.rebuilt,
        reused: r.counters.reused,
        versions: r.report.results.length,
      });
    }
    return runs;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export async function benchScan(): Promise<ScanBench> {
  const mib = Number(process.env.MODSEAL_SCAN_BENCH_MIB ?? '150');
  // Content bytes over distinct contents: about 34,000 of them.
  const avgSize = Math.round((mib * 2 ** 20) / 34_000);
  const { dir, generated } = await ensureRepo(avgSize, mib);
  const all = requests(dir);
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;

  const catFile = await catFileAll(dir);

  gc();
  const git0 = childrenCpu();
  const hasher = await TreeHasher.open(dir);
  const heapMiB: number[] = [];
  const quarter = Math.ceil(all.length / 4);
  let done = 0;
  const cpu0 = process.cpuUsage();
  let start = process.hrtime.bigint();
  // Heap samples pause the clock: a full GC is the bench's doing.
  let paused = 0n;
  const hashed = await hasher.hashVersions(
    all.map((a) => a.req),
    (h) => {
      if (h.error !== undefined) throw new Error(`${h.modulePath}@${h.version}: ${h.error}`);
      done++;
      if (done % quarter === 0 || done === all.length) {
        const t = process.hrtime.bigint();
        gc();
        heapMiB.push(process.memoryUsage().heapUsed / 2 ** 20);
        paused += process.hrtime.bigint() - t;
      }
    },
  );
  const firstSeconds = seconds(start) - Number(paused) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const s1 = hasher.stats();
  start = process.hrtime.bigint();
  await hasher.hashVersions(all.map((a) => a.req));
  const secondSeconds = seconds(start);
  const s2 = hasher.stats();
  await hasher.close();
  // Both passes: git's processes are counted once they have exited.
  const git1 = childrenCpu();

  // Per-version baselines on a sample spread over modules and releases.
  const sample = Array.from(
    { length: SAMPLE },
    (_, i) => all[Math.floor((i * all.length) / SAMPLE)]!,
  );
  let cli = 0;
  for (const s of sample) cli += await cliHash(dir, s.tag);
  const code = gitCodeHost(await openRepo(dir));
  start = process.hrtime.bigint();
  const built = [];
  for (const s of sample) built.push(await buildModule(code, s.req));
  const archive = seconds(start);
  // The sample doubles as a check: the same hashes both ways.
  for (const [i, b] of built.entries()) {
    const h = hashed[all.indexOf(sample[i]!)];
    if (h?.sum !== b.sum || h?.goModSum !== b.goModSum || b.sum === undefined) {
      throw new Error(
        `${sample[i]!.tag}: scan ${h?.sum} / ${h?.goModSum}, hash ${b.sum} / ${b.goModSum}`,
      );
    }
  }

  return {
    versions: all.length,
    modules: MODULES,
    distinctBlobs: s1.blobsHashed,
    contentMiB: s1.bytesHashed / 2 ** 20,
    first: {
      seconds: firstSeconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      ...(git0 === undefined || git1 === undefined ? {} : { gitCpuSeconds: git1 - git0 }),
      fromObjects: s1.fromObjects,
      fromArchive: s1.fromArchive,
    },
    second: { seconds: secondSeconds, newBlobs: s2.blobsHashed - s1.blobsHashed },
    catFile,
    cliPerVersion: cli / SAMPLE,
    archivePerVersion: archive / SAMPLE,
    heapMiB,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    generated,
    stateRuns: await scanWithState(dir),
  };
}

// `modseal hash` against `go mod download` on one large repository (~20,000
// files, ~300 MB, deterministic pseudo-random text and binary content),
// both as child processes. The repository is generated once under .bench/.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { oracle } from '../test/oracle/find-go.js';

const MODULE = 'example.com/benchmod';

interface RepoShape {
  files: number;
  total: number;
  dir: string;
}

/** The repository of the goal, and one a tenth its size to show memory stays flat. */
const LARGE: RepoShape = {
  files: 20_000,
  total: 300 * 1024 * 1024,
  dir: path.resolve('.bench', 'hash-repo'),
};
const SMALL: RepoShape = {
  files: 2_000,
  total: 30 * 1024 * 1024,
  dir: path.resolve('.bench', 'hash-repo-small'),
};

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v;
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'bench',
    GIT_AUTHOR_EMAIL: 'bench@modseal.invalid',
    GIT_COMMITTER_NAME: 'bench',
    GIT_COMMITTER_EMAIL: 'bench@modseal.invalid',
    GIT_AUTHOR_DATE: '1600000000 +0000',
    GIT_COMMITTER_DATE: '1600000000 +0000',
  };
}

function git(repo: string, args: string[]): void {
  const r = spawnSync('git', args, {
    cwd: repo,
    env: gitEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.toString()}`);
}

// Deterministic bytes: SHA-256 in counter mode over a seed.
function pseudoRandom(seed: string, n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let off = 0, i = 0; off < n; i++) {
    const block = createHash('sha256').update(`${seed}:${i}`).digest();
    off += block.copy(out, off);
  }
  return out;
}

async function ensureRepo({ files, total, dir: repo }: RepoShape): Promise<string> {
  if (existsSync(path.join(repo, '.git', 'refs', 'tags', 'v1.0.0'))) return repo;
  await rm(repo, { recursive: true, force: true });
  await mkdir(repo, { recursive: true });
  git(repo, ['init', '-q']);
  await writeFile(path.join(repo, 'go.mod'), `module ${MODULE}\n\ngo 1.16\n`);
  const per = Math.floor(total / files);
  for (let i = 0; i < files; i++) {
    const dir = path.join(repo, `d${i % 100}`, `e${Math.floor(i / 100) % 20}`);
    await mkdir(dir, { recursive: true });
    const raw = pseudoRandom(`f${i}`, per);
    // Every third file is text (hex lines), the rest binary.
    const data =
      i % 3 === 0
        ? Buffer.from(
            raw
              .toString('hex')
              .slice(0, per)
              .replace(/(.{63})/g, '$1\n'),
          )
        : raw;
    await writeFile(path.join(dir, `f${i}${i % 3 === 0 ? '.txt' : '.bin'}`), data);
  }
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'bench']);
  git(repo, ['tag', 'v1.0.0']);
  return repo;
}

interface Measure {
  seconds: number;
  /** Largest resident set of the process tree (GNU time: the process or any child, e.g. git). */
  peakRssMiB: number;
  /** modseal only: the Node process itself, without the git children it streams from. */
  nodeRssMiB?: number;
}

// Makes a Node child print its own peak RSS on exit, so the bench can tell
// modseal's memory from git's (git maps pack files and its RSS follows them).
const NODE_RSS_HOOK =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("NODE_MAXRSS "+process.resourceUsage().maxRSS+"\\n"))';

// Peak RSS from GNU time when present; otherwise from a Node wrapper that
// reports the child's maxRSS through process.resourceUsage of a re-exec.
async function measure(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<Measure> {
  const useTime = existsSync('/usr/bin/time');
  const start = process.hrtime.bigint();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>(
    (resolve, reject) => {
      const child = useTime
        ? spawn('/usr/bin/time', ['-f', 'MAXRSS %M', cmd, ...args], {
            env,
            cwd,
            stdio: ['ignore', 'ignore', 'pipe'],
          })
        : spawn(cmd, args, { env, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (b: Buffer) => (err += b.toString()));
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c, stderr: err }));
    },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (code !== 0) throw new Error(`${cmd} failed (${code}): ${stderr.slice(-2000)}`);
  const m = /(?:^|\n)MAXRSS (\d+)/.exec(stderr);
  const kib = m !== null ? Number(m[1]) : process.resourceUsage().maxRSS;
  const node = /NODE_MAXRSS (\d+)/.exec(stderr);
  return {
    seconds,
    peakRssMiB: kib / 1024,
    ...(node !== null ? { nodeRssMiB: Number(node[1]) / 1024 } : {}),
  };
}

export interface HashBench {
  /** `modseal hash` on the large repository. */
  ours: Measure;
  /** The same with `--zip-out`: also writes the zip, as the go command does. */
  oursZip: Measure;
  /** `modseal hash` on the small repository (memory should not grow with size). */
  oursSmall: Measure;
  /**
   * The large repository again with V8's old generation capped at 32 MiB:
   * finishing proves that what the process keeps is small, whatever the RSS
   * (which also holds garbage V8 has not needed to collect yet).
   */
  oursCappedHeap: Measure;
  go: Measure;
}

function runHash(repo: string, extra: string[] = [], nodeFlags: string[] = []): Promise<Measure> {
  return measure(
    process.execPath,
    [
      ...nodeFlags,
      `--import=${NODE_RSS_HOOK}`,
      path.resolve('dist/cli.js'),
      'hash',
      '--repo',
      repo,
      '--ref',
      'v1.0.0',
      ...extra,
    ],
    process.env,
    process.cwd(),
  );
}

/** Times `node dist/cli.js hash` and `go mod download` on the generated repositories. */
export async function benchHash(): Promise<HashBench> {
  const large = await ensureRepo(LARGE);
  const small = await ensureRepo(SMALL);
  const oursSmall = await runHash(small);
  const ours = await runHash(large);
  const zipOut = path.resolve('.bench', 'hash-out.zip');
  const oursZip = await runHash(large, ['--zip-out', zipOut]);
  const oursCappedHeap = await runHash(large, [], ['--max-old-space-size=32']);
  await rm(zipOut, { force: true });
  // go reads the repository directly through a file:// URL rewrite: the
  // direct-mode path the mirror runs, with a fresh module cache each run.
  const root = await mkdtemp(path.join(os.tmpdir(), 'modseal-bench-go-'));
  try {
    const gitConfig = path.join(root, 'gitconfig');
    await writeFile(
      gitConfig,
      `[url "file://${large}"]\n\tinsteadOf = https://example.com/benchmod\n[protocol "file"]\n\tallow = always\n`,
    );
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: root,
      GOPATH: path.join(root, 'gopath'),
      GOMODCACHE: path.join(root, 'modcache'),
      GOCACHE: path.join(root, 'gocache'),
      GOENV: 'off',
      GOFLAGS: '-modcacherw',
      GOPROXY: 'direct',
      GOSUMDB: 'off',
      GOTOOLCHAIN: 'local',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: gitConfig,
    };
    const go = await measure(
      oracle?.bin ?? 'go',
      ['mod', 'download', '-json', `${MODULE}.git@v1.0.0`],
      env,
      root,
    );
    return { ours, oursZip, oursSmall, oursCappedHeap, go };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

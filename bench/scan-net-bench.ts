// The drift scan against a slow network (issue 11, item 2): a 300-version
// repository (3 modules, 100 releases each), a loopback mirror holding every
// version and a loopback checksum database recording them, both answering
// each request 50 ms late. `modseal scan` (dist/cli.js, as users run it)
// runs twice with one state file; the figures are compared with what a
// client asking one request at a time would need (requests x 50 ms).
// The mirror's zips come from modseal's own zip writer (src/demo/publish.ts):
// this measures speed only; that those zips and hashes are the go command's
// is tested elsewhere, against the go command itself.
// Also: the peak RSS of the same command (offline) on the 2,000-version
// repository of scan-bench.ts against this 300-version one, and against the
// 2,000-version repository's root module alone (34 versions, the same
// contents): memory is meant to stay flat in the number of versions.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { publishTag } from '../src/demo/publish.js';
import { MemoryMirrorStore, startMirrorServer, type MirrorServer } from '../src/goproxy/server.js';
import { ChecksumDatabase, type SumdbAnswer } from '../src/sumdb/server.js';
import {
  importRepo,
  type ImportCommit,
  type ImportFile,
} from '../test/modfetch/tree-hash-fixture.js';

const ROOT = 'example.com/slownet';
const MODULE_DIRS = ['', 'sub/a', 'sub/b'];
const RELEASES = 100;
const FILES_PER_MODULE = 12;
export const LATENCY_MS = 50;

/** A checksum database that answers every request LATENCY_MS late. */
class SlowChecksumDatabase extends ChecksumDatabase {
  override async answer(rawUrl: string): Promise<SumdbAnswer> {
    await sleep(LATENCY_MS);
    return super.answer(rawUrl);
  }
}

function* history(): Generator<ImportCommit> {
  for (let r = 0; r < RELEASES; r++) {
    const files: ImportFile[] = [];
    const tags: string[] = [];
    for (const d of MODULE_DIRS) {
      const pre = d === '' ? '' : `${d}/`;
      files.push({
        path: `${pre}go.mod`,
        content: `module ${d === '' ? ROOT : `${ROOT}/${d}`}\n\ngo 1.23\n`,
      });
      files.push({ path: `${pre}LICENSE`, content: 'Apache License\nVersion 2.0\n' });
      for (let j = 0; j < FILES_PER_MODULE; j++) {
        // Two files of each module change at each release.
        const rev = j < 2 ? r : Math.floor(r / (j + 1));
        const line = `// ${d} f${j} revision ${rev}\n`;
        files.push({ path: `${pre}p/f${j}.go`, content: `package p\n\n${line.repeat(40)}` });
      }
      tags.push(`${pre}v1.${r}.0`);
    }
    yield { files, tags };
  }
}

async function ensureRepo(): Promise<string> {
  const dir = path.resolve('.bench', 'scan-net-repo');
  if (existsSync(path.join(dir, '.git', 'refs', 'tags', `v1.${RELEASES - 1}.0`))) return dir;
  await rm(dir, { recursive: true, force: true });
  await importRepo(dir, history());
  return dir;
}

export interface CliRun {
  seconds: number;
  peakRssMiB: number;
  /** The scan's JSON report. */
  report: { results?: { status?: string }[] } & Record<string, unknown>;
  exitCode: number | null;
}

/** `modseal scan ARGS --json` as a process: wall time, peak RSS (GNU time when present), its report. */
export async function runScanCli(args: string[]): Promise<CliRun> {
  const useTime = existsSync('/usr/bin/time');
  const cli = [path.resolve('dist/cli.js'), 'scan', ...args, '--json'];
  const start = process.hrtime.bigint();
  const { code, stdout, stderr } = await new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
  }>((resolve, reject) => {
    const child = useTime
      ? spawn('/usr/bin/time', ['-f', 'MAXRSS %M', process.execPath, ...cli], {
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn(process.execPath, cli, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const m = /(?:^|\n)MAXRSS (\d+)/.exec(stderr);
  let report: CliRun['report'];
  try {
    report = JSON.parse(stdout) as CliRun['report'];
  } catch {
    throw new Error(
      `modseal scan ${args.join(' ')}: exit ${code}, no JSON: ${stderr.slice(-2000)}`,
    );
  }
  return {
    seconds,
    peakRssMiB: m !== null ? Number(m[1]) / 1024 : Number.NaN,
    report,
    exitCode: code,
  };
}

export interface NetRun extends CliRun {
  /** Extra arguments of this run. */
  args: string[];
  versions: number;
  statuses: Record<string, number>;
  mirrorRequests: number;
  sumdbRequests: number;
}

export interface ScanNetBench {
  versions: number;
  publishSeconds: number;
  runs: NetRun[];
  /** The same repository offline (mirror and database off). */
  offline300: CliRun;
  /** scan-bench.ts's 2,000-version repository offline, when it has been generated. */
  offline2000?: CliRun;
  /** The 2,000-version repository, its root module only (34 versions). */
  oneModule?: CliRun;
}

function statuses(report: CliRun['report']): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of report.results ?? []) {
    const s = r.status ?? '?';
    counts[s] = (counts[s] ?? 0) + 1;
  }
  return counts;
}

export async function benchScanNet(extraArgs: string[][] = [[]]): Promise<ScanNetBench> {
  const repoDir = await ensureRepo();
  const work = await mkdtemp(path.join(os.tmpdir(), 'modseal-scan-net-bench-'));
  const store = new MemoryMirrorStore();
  let mirror: MirrorServer | undefined;
  const sumdb = new SlowChecksumDatabase({ name: 'sum.bench.modseal.test' });
  try {
    // Filled before the delay applies: publishing is not what is measured.
    const tags: string[] = [];
    for (let r = 0; r < RELEASES; r++) {
      for (const d of MODULE_DIRS) tags.push(`${d === '' ? '' : `${d}/`}v1.${r}.0`);
    }
    const start = process.hrtime.bigint();
    const queue = [...tags];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let t = queue.shift(); t !== undefined; t = queue.shift()) {
          await publishTag(repoDir, t, `https://${ROOT}`, store, sumdb);
        }
      }),
    );
    const publishSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    mirror = await startMirrorServer({
      store,
      intercept: async () => {
        await sleep(LATENCY_MS);
        return undefined;
      },
    });
    await sumdb.listen();
    const runs: NetRun[] = [];
    // Each set of extra arguments: a first run (new state file) and a second.
    for (const [k, extra] of extraArgs.entries()) {
      const args = [
        ...['--repo', repoDir, '--proxy', mirror.url, '--sumdb', sumdb.gosumdb],
        ...['--state', path.join(work, `state-${k}.json`), ...extra],
      ];
      for (let i = 0; i < 2; i++) {
        const m0 = mirror.requests.length;
        const s0 = sumdb.requests.length;
        const run = await runScanCli(args);
        runs.push({
          ...run,
          args: extra,
          versions: run.report.results?.length ?? 0,
          statuses: statuses(run.report),
          mirrorRequests: mirror.requests.length - m0,
          sumdbRequests: sumdb.requests.length - s0,
        });
      }
    }
    const offline = ['--proxy', 'off', '--sumdb', 'off'];
    const offline300 = await runScanCli(['--repo', repoDir, ...offline]);
    const big = path.resolve('.bench', 'scan-repo-150');
    const hasBig = existsSync(path.join(big, '.git'));
    const offline2000 = hasBig ? await runScanCli(['--repo', big, ...offline]) : undefined;
    // The same repository, one module (34 versions): the same contents and
    // pack, so only the number of versions differs from the run above.
    const oneModule = hasBig
      ? await runScanCli(['--repo', big, ...offline, '--module', 'example.com/otelish'])
      : undefined;
    return {
      versions: tags.length,
      publishSeconds,
      runs,
      offline300,
      ...(offline2000 !== undefined ? { offline2000 } : {}),
      ...(oneModule !== undefined ? { oneModule } : {}),
    };
  } finally {
    await Promise.allSettled([mirror?.close(), sumdb.close()]);
    await rm(work, { recursive: true, force: true });
  }
}

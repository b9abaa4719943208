// The drift scan's composition: the repository (version tags, go.mod files),
// the blob-reusing hasher, the per-module mirror and checksum database, and
// the state file. The database's signed tree head lives in the state file:
// it seeds the client's tree cache, so each run proves the log it sees now
// extends the one it saw last time, and the new head is written back.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Clock, Logger } from '../checks/ports.js';
import { runScan, type ScanOutcome } from '../checks/scan/run-scan.js';
import { emptyState, parseState, serializeState, type ScanState } from '../checks/scan/state.js';
import { openRepo } from '../git/index.js';
import { parseGoproxy } from '../goproxy/index.js';
import { InputError, errorMessage } from '../internal/errors.js';
import { systemClock } from '../internal/retry.js';
import { makeTempDir, removeTempDir } from '../internal/temp-dirs.js';
import { TreeHasher } from '../modfetch/tree-hash.js';
import { parseGoSumdb } from '../sumdb/index.js';
import { gitLocalRepo } from './local-repo.js';
import { effectiveEnv, httpClient, type WireOptions } from './release.js';
import { remoteSidesFor } from './remote.js';
import type { NetworkSettings } from './settings.js';

/** The scan's whole limit by default: a schedule run must end, and say so when it cannot. */
export const DEFAULT_SCAN_TIMEOUT_MS = 60 * 60_000;

export interface ScanRequest extends NetworkSettings {
  /** Absolute path of the repository. */
  repoDir: string;
  /** Module paths to scan (`--module`); default every module at HEAD. */
  modules?: readonly string[];
  /**
   * Work at once, both git rebuilds and requests in flight; by default the
   * machine's parallelism for rebuilds and at least SCAN_REQUESTS_IN_FLIGHT
   * requests.
   */
  concurrency?: number;
  /** The state file (`--state`): read when it exists, written after the scan. */
  stateFile?: string;
  timeoutMs?: number;
}

export interface ScanRun extends ScanOutcome {
  state: ScanState;
}

export type Scan = (request: ScanRequest) => Promise<ScanRun>;

/**
 * Requests in flight by default, whatever the machine: each version waits on
 * the network for its mirror zip and its database lookup, not on the CPU, so
 * twice the cores of a 2-core runner (4) left a 300-version scan against a
 * 50 ms server at 18 s; 16 brings it near 9 s (`npm run bench scan-net`) and
 * stays a small load for a public mirror, which the shared backoff slows
 * further when it asks to.
 */
export const SCAN_REQUESTS_IN_FLIGHT = 16;

/** Work at once sized to the machine: each rebuild holds a git process. */
export function defaultConcurrency(): number {
  return Math.max(2, Math.min(16, os.availableParallelism() * 2));
}

/** The state at `file`, empty when it does not exist yet; InputError when it is not a state. */
export async function readStateFile(file: string): Promise<ScanState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw new InputError(`${file}: cannot read the state file (${errorMessage(e)})`);
  }
  return parseState(text, file);
}

/** Writes the state by rename, so an interrupted run leaves the old file whole. */
export async function writeStateFile(file: string, state: ScanState): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, serializeState(state));
  await rename(tmp, file);
}

const TREE_NOTE = /^go\.sum database tree\n([0-9]+)\n([A-Za-z0-9+/]{43}=)\n/;

/** The scan over the real repository, mirror and checksum database. */
export function createScan(options: WireOptions & { clock?: Clock; logger: Logger }): Scan {
  return async (req) => {
    const clock = options.clock ?? systemClock;
    const timeoutMs = req.timeoutMs ?? DEFAULT_SCAN_TIMEOUT_MS;
    const deadline = clock.now() + timeoutMs;
    const env = effectiveEnv(req, options.env ?? process.env);
    // Settings and state are read before anything is asked, so a typo or a
    // damaged state file is an input error (exit 2), not a network failure.
    const entries = parseGoproxy(env.GOPROXY);
    const sumdb = parseGoSumdb(env.GOSUMDB);
    const state = req.stateFile === undefined ? emptyState() : await readStateFile(req.stateFile);
    const repo = await openRepo(req.repoDir);
    const local = gitLocalRepo(repo);
    const concurrency = req.concurrency ?? defaultConcurrency();
    const http = await httpClient(options, env, entries, req.proxyToken, {
      deadline,
      timeoutMs,
      clock,
    });
    const workDir = await makeTempDir('modseal-scan-');
    const hasher = await TreeHasher.open(req.repoDir, { concurrency });
    try {
      // The remembered tree head seeds the client's cache (a file in the
      // work folder), and the head it ends with goes back into the state.
      const treeFile = path.join(workDir, 'sumdb-latest');
      const remembered = sumdb.off ? undefined : state.trees.get(sumdb.name);
      if (remembered !== undefined) await writeFile(treeFile, remembered.note);
      const remote = remoteSidesFor(options, {
        env,
        entries,
        sumdb,
        http,
        clock,
        workDir,
        sumdbCache: treeFile,
      });
      const inFlight = req.concurrency ?? Math.max(concurrency, SCAN_REQUESTS_IN_FLIGHT);
      const outcome = await runScan(
        {
          state,
          concurrency: inFlight,
          ...(req.modules !== undefined ? { modules: req.modules } : {}),
        },
        { local, hasher, ...remote, clock, logger: options.logger },
      );
      if (!sumdb.off) {
        const note = await readFile(treeFile, 'utf8').catch(() => undefined);
        const m = note === undefined ? null : TREE_NOTE.exec(note);
        if (note !== undefined && m !== null) {
          state.trees.set(sumdb.name, { size: Number(m[1]), hash: m[2]!, note });
        }
      }
      if (req.stateFile !== undefined) await writeStateFile(req.stateFile, state);
      return { ...outcome, state };
    } finally {
      await hasher.close();
      await removeTempDir(workDir);
    }
  };
}

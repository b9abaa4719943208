// The pull-request lint's composition: the user's git repository behind the
// LocalRepo port, and (unless offline) the GOPROXY and checksum-database
// clients per module, sharing one deadline. The Action and the CLI call
// createLint; the decisions are in ../checks/lint.
import { runLint } from '../checks/lint/run-lint.js';
import type { LintReport } from '../checks/lint/types.js';
import type { LocalRepo, RemoteSides } from '../checks/ports.js';
import { createGitRunner, openRepo, RepositoryError, type GitRunner } from '../git/index.js';
import { parseGoproxy } from '../goproxy/index.js';
import { InputError, oneLine } from '../internal/errors.js';
import { decodeGoString } from '../internal/go-string.js';
import { checkFiles, checkedFilesError, type ZipSourceFile } from '../modzip/index.js';
import { systemClock } from '../internal/retry.js';
import { makeTempDir, removeTempDir } from '../internal/temp-dirs.js';
import { parseGoSumdb } from '../sumdb/index.js';
import { gitLocalRepo } from './local-repo.js';
import { effectiveEnv, httpClient, type WireOptions } from './release.js';
import { remoteSidesFor } from './remote.js';
import type { NetworkSettings } from './settings.js';

/** Everything the lint needs from the Action's or the CLI's configuration. */
export interface LintRequest extends NetworkSettings {
  /** Absolute path of the repository (or a folder inside it). */
  repoDir: string;
  /** The revision to lint (default HEAD). */
  ref: string;
  /** `--next` tags. */
  next: readonly string[];
  offline: boolean;
  /** Limit of the whole lint in milliseconds. */
  timeoutMs: number;
}

export type Lint = (request: LintRequest) => Promise<LintReport>;

const OFFLINE: RemoteSides = {
  mirrorFor: () => Promise.resolve({ kind: 'off', reason: 'offline' }),
  sumdbFor: () => Promise.resolve({ kind: 'off', reason: 'offline' }),
};

interface SizedEntry {
  path: string;
  kind: 'regular' | 'symlink';
  size: number;
}

/** Every file of the tree of `commit` with its size, from one `git ls-tree -l`. */
async function sizedTree(git: GitRunner, dir: string, commit: string): Promise<SizedEntry[]> {
  const r = await git.run(['ls-tree', '-r', '-z', '-l', '--full-tree', commit], { cwd: dir });
  if (r.code !== 0) {
    throw new RepositoryError(`git ls-tree: ${oneLine(r.stderr.toString('utf8'))}`);
  }
  const out: SizedEntry[] = [];
  let start = 0;
  while (start < r.stdout.length) {
    let end = r.stdout.indexOf(0, start);
    if (end < 0) end = r.stdout.length;
    const rec = r.stdout.subarray(start, end);
    start = end + 1;
    const tab = rec.indexOf(0x09);
    // "<mode> <type> <object> <padded size>"; submodules have no size ('-').
    const [mode = '', , , size = ''] = rec.subarray(0, tab).toString('utf8').split(/ +/);
    if (mode !== '100644' && mode !== '100755' && mode !== '120000') continue;
    out.push({
      path: decodeGoString(rec.subarray(tab + 1)),
      kind: mode === '120000' ? 'symlink' : 'regular',
      size: Number(size),
    });
  }
  return out;
}

/**
 * Go's text when a module of the tree of `commit` cannot become a module zip:
 * its committed files through x/mod's checks (names, case collisions, nested
 * modules, vendored code, size limits), as the release gate's rebuild makes
 * them. Sizes come from one tree listing; no file is read but go.mod.
 */
export function treeZipErrors(
  git: GitRunner,
  repoDir: string,
  local: Pick<LocalRepo, 'goMod'>,
): (commit: string, dir: string) => Promise<string | undefined> {
  const trees = new Map<string, Promise<SizedEntry[]>>();
  return async (commit, dir) => {
    let tree = trees.get(commit);
    if (tree === undefined) {
      tree = sizedTree(git, repoDir, commit);
      trees.set(commit, tree);
    }
    const prefix = dir === '' ? '' : `${dir}/`;
    const sources: ZipSourceFile[] = (await tree)
      .filter((e) => e.path.startsWith(prefix))
      .map((e) => ({
        path: e.path.slice(prefix.length),
        kind: e.kind,
        size: e.size,
        // x/mod's checks decide on names and sizes alone.
        open: () => Promise.reject(new Error('not read by the checks')),
      }));
    const err = checkedFilesError(checkFiles(sources, await local.goMod(commit, dir)));
    return err === undefined ? undefined : `create zip: ${err.message}`;
  };
}

/** The lint over the real git repository, mirror and checksum database. */
export function createLint(options: WireOptions): Lint {
  return async (req) => {
    const clock = options.clock ?? systemClock;
    const deadline = clock.now() + req.timeoutMs;
    const env = effectiveEnv(req, options.env ?? process.env);
    // Validated before anything runs, so a typo is an input error (exit 2).
    const entries = parseGoproxy(env.GOPROXY);
    const sumdb = parseGoSumdb(env.GOSUMDB);
    const repo = await openRepo(req.repoDir);
    const commit = await repo.resolveAny(req.ref);
    if (commit === undefined) {
      throw new InputError(
        `--ref ${JSON.stringify(req.ref)} names no commit in ${req.repoDir}: name a branch, tag or commit that exists (fetch it first in a shallow clone)`,
      );
    }
    const git = createGitRunner();
    const local = gitLocalRepo(repo, git);
    const zipError = treeZipErrors(git, req.repoDir, local);
    const input = { ref: req.ref, commit, next: req.next, offline: req.offline };
    if (req.offline) return runLint(input, { local, zipError, logger: options.logger, ...OFFLINE });
    const http = await httpClient(options, env, entries, req.proxyToken, {
      deadline,
      timeoutMs: req.timeoutMs,
      clock,
    });
    const workDir = await makeTempDir('modseal-lint-');
    try {
      const remote = remoteSidesFor(options, { env, entries, sumdb, http, clock, workDir });
      return await runLint(input, { local, zipError, logger: options.logger, ...remote });
    } finally {
      await removeTempDir(workDir);
    }
  };
}

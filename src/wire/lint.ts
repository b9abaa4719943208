// The pull-request lint's composition: the user's git repository behind the
// LocalRepo port, and (unless offline) the GOPROXY and checksum-database
// clients per module, sharing one deadline. The Action and the CLI call
// createLint; the decisions are in ../checks/lint.
import { runLint } from '../checks/lint/run-lint.js';
import type { LintReport } from '../checks/lint/types.js';
import type { LocalRepo, RemoteSides } from '../checks/ports.js';
import { openRepo } from '../git/index.js';
import { parseGoproxy } from '../goproxy/index.js';
import { InputError } from '../internal/errors.js';
import { checkFiles, checkedFilesError, type ZipSourceFile } from '../modzip/index.js';
import { systemClock } from '../internal/retry.js';
import { makeTempDir, removeTempDir } from '../internal/temp-dirs.js';
import { parseGoSumdb } from '../sumdb/index.js';
import { gitLocalRepo } from './local-repo.js';
import { effectiveEnv, httpClient, type WireOptions } from './release.js';
import { remoteSides } from './remote.js';
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

/**
 * Go's text when the module in `dir` at `rev` cannot become a module zip: its
 * committed files through x/mod's checks, as the release gate's rebuild
 * makes them (nested modules, vendored code and size limits included).
 */
export async function treeZipError(
  local: Pick<LocalRepo, 'files'>,
  rev: string,
  dir: string,
): Promise<string | undefined> {
  const files = await local.files(rev, dir);
  const sources: ZipSourceFile[] = [];
  let goMod: Buffer | undefined;
  // A few reads at a time: each may be a git process.
  for (let i = 0; i < files.length; i += 16) {
    const batch = files.slice(i, i + 16);
    const contents = await Promise.all(batch.map((f) => f.read()));
    batch.forEach((f, j) => {
      const content = contents[j] ?? Buffer.alloc(0);
      if (f.path === 'go.mod') goMod = content;
      sources.push({
        path: f.path,
        kind: f.kind === 'symlink' ? 'symlink' : 'regular',
        size: content.length,
        open: () => Promise.resolve(content),
      });
    });
  }
  const err = checkedFilesError(checkFiles(sources, goMod));
  return err === undefined ? undefined : `create zip: ${err.message}`;
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
    const local = gitLocalRepo(repo);
    const zipError = (rev: string, dir: string) => treeZipError(local, rev, dir);
    const input = { ref: req.ref, commit, next: req.next, offline: req.offline };
    if (req.offline) return runLint(input, { local, zipError, logger: options.logger, ...OFFLINE });
    const http = await httpClient(options, env, entries, req.proxyToken, {
      deadline,
      timeoutMs: req.timeoutMs,
      clock,
    });
    const workDir = await makeTempDir('modseal-lint-');
    try {
      const remote = remoteSides({
        env,
        entries,
        sumdb,
        http,
        clock,
        logger: options.logger,
        workDir,
        proxyEnv: options.env ?? process.env,
        ...(options.cachedOnlyHosts !== undefined
          ? { cachedOnlyHosts: options.cachedOnlyHosts }
          : {}),
      });
      return await runLint(input, { local, zipError, logger: options.logger, ...remote });
    } finally {
      await removeTempDir(workDir);
    }
  };
}

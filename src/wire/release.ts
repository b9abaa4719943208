// The release gate's composition: the real git repository, GOPROXY and
// checksum-database clients behind the engine's ports, one deadline shared
// by the gate's retry loop and every HTTP request. The Action, the CLI and
// the demo call createReleaseCheck; tests of the decisions use fakes.
import { formatDuration } from '../checks/asker.js';
import type { Clock, Logger } from '../checks/ports.js';
import { defaultTimeoutMs, runReleaseCheck } from '../checks/release.js';
import type { ReleaseReport } from '../checks/types.js';
import { openRepo } from '../git/index.js';
import { goEnvFromProcess, parseGoproxy, type GoEnv, type ProxyEntry } from '../goproxy/index.js';
import {
  createCredentials,
  createNodeHttpClient,
  readNetrcFile,
  withDeadline,
} from '../http/index.js';
import type { HttpClient } from '../internal/http.js';
import { systemClock } from '../internal/retry.js';
import { makeTempDir, removeTempDir } from '../internal/temp-dirs.js';
import { parseGoSumdb } from '../sumdb/index.js';
import { gitLocalRepo } from './local-repo.js';
import { remoteSidesFor } from './remote.js';
import type { NetworkSettings } from './settings.js';

/** What the Action and the CLI call: one tag in, one report out. */
export type ReleaseCheck = (request: ReleaseCheckRequest) => Promise<ReleaseReport>;

/** Everything the release gate needs from the Action's or the CLI's configuration. */
export interface ReleaseCheckRequest extends NetworkSettings {
  /** Absolute path of the repository (or of the module inside it). */
  repoDir: string;
  tag: string;
  /** The module path, when go.mod cannot say it (no go.mod: a +incompatible release). */
  modulePath?: string;
  warm: boolean;
  warmTimeoutMs: number;
  /**
   * The whole check's limit in milliseconds (the `timeout` input, `--timeout`);
   * default warm-timeout plus 5 minutes. Ending there is inconclusive, with the reason.
   */
  timeoutMs?: number;
  /** File that remembers the checksum database's signed tree head between runs. */
  sumdbCache?: string;
}

export interface WireOptions {
  logger: Logger;
  /** Defaults to the process environment (GOPROXY, GOSUMDB, GOPRIVATE, …). */
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  /** For tests and the demo: an HTTP client (e.g. trusting a loopback CA). */
  http?: HttpClient;
  /** Hosts that serve proxy.golang.org's `/cached-only`; default: proxy.golang.org. */
  cachedOnlyHosts?: readonly string[];
}

/** The go command's environment with the request's explicit values on top. */
export function effectiveEnv(settings: NetworkSettings, base: NodeJS.ProcessEnv): GoEnv {
  const merged: Record<string, string | undefined> = { ...base };
  if (settings.goproxy !== undefined && settings.goproxy !== '') merged.GOPROXY = settings.goproxy;
  if (settings.gosumdb !== undefined && settings.gosumdb !== '') merged.GOSUMDB = settings.gosumdb;
  if (settings.goprivate !== undefined && settings.goprivate !== '') {
    merged.GOPRIVATE = settings.goprivate;
  }
  if (settings.gonosumdb !== undefined && settings.gonosumdb !== '') {
    merged.GONOSUMDB = settings.gonosumdb;
  }
  return goEnvFromProcess(merged);
}

/** The HTTP client of a run: credentials for private proxies, outbound proxies, the run's deadline. */
export async function httpClient(
  o: WireOptions,
  env: GoEnv,
  entries: readonly ProxyEntry[],
  token: string | undefined,
  limit: { deadline: number; timeoutMs: number; clock: Clock },
): Promise<HttpClient> {
  const privateProxies = entries.map((e) => e.url).filter((u) => u !== 'direct' && u !== 'off');
  const base =
    o.http ??
    createNodeHttpClient({
      credentials: createCredentials({
        token: token === undefined || token === '' ? undefined : `Bearer ${token}`,
        // What the go command passes over silently in .netrc is said, one line each.
        netrc: await readNetrcFile(env.NETRC, (m) => o.logger.info(m)),
        privateProxies,
      }),
      // HTTPS_PROXY/HTTP_PROXY/NO_PROXY, read as the go command reads them.
      proxyEnv: o.env ?? process.env,
    });
  return withDeadline(base, {
    deadline: limit.deadline,
    clock: limit.clock,
    label: `the check's deadline (timeout ${formatDuration(limit.timeoutMs)})`,
  });
}

/** The release check over the real git repository, mirror and checksum database. */
export function createReleaseCheck(options: WireOptions): ReleaseCheck {
  return async (req) => {
    const clock = options.clock ?? systemClock;
    // One deadline for the whole check, shared by the gate's retry loop and
    // every HTTP request (each one's own limit is cut to what is left).
    const timeoutMs = req.timeoutMs ?? defaultTimeoutMs(req.warmTimeoutMs);
    const deadline = clock.now() + timeoutMs;
    const env = effectiveEnv(req, options.env ?? process.env);
    // Both are validated before anything else runs, so a typo is an input
    // error (exit 2), not a network failure.
    const entries = parseGoproxy(env.GOPROXY);
    const sumdb = parseGoSumdb(env.GOSUMDB);
    const local = gitLocalRepo(await openRepo(req.repoDir));
    const http = await httpClient(options, env, entries, req.proxyToken, {
      deadline,
      timeoutMs,
      clock,
    });
    // Registered, so an interrupted run (Ctrl-C, a cancelled job) removes it too.
    const workDir = await makeTempDir('modseal-verify-');
    try {
      const remote = remoteSidesFor(options, {
        env,
        entries,
        sumdb,
        http,
        clock,
        workDir,
        ...(req.sumdbCache !== undefined ? { sumdbCache: req.sumdbCache } : {}),
      });
      return await runReleaseCheck(
        {
          tag: req.tag,
          ...(req.modulePath !== undefined && req.modulePath !== ''
            ? { modulePath: req.modulePath }
            : {}),
          warm: req.warm,
          warmTimeoutMs: req.warmTimeoutMs,
          timeoutMs,
          deadline,
        },
        { local, ...remote, clock, logger: options.logger },
      );
    } finally {
      await removeTempDir(workDir);
    }
  };
}

// The mirror and the checksum database per module, decided as the go command
// decides them: GOPROXY names the proxies, GONOPROXY/GOPRIVATE take module
// paths away from them, GOSUMDB names the database and GONOSUMDB/GOPRIVATE
// take paths away from it. One mirror client and one database client serve
// every module of a run (the database's probe and its verified tiles are
// shared).
import type { Clock, Logger, Mirror, RemoteSides, SideFor, Sumdb } from '../checks/ports.js';
import { redactUrl, unreachableFix } from '../http/index.js';
import { useProxyFor, useSumdbFor, type GoEnv, type ProxyEntry } from '../goproxy/index.js';
import type { HttpClient } from '../internal/http.js';
import {
  SumdbClient,
  fileTreeCache,
  memoryTreeCache,
  type GoSumdbSetting,
} from '../sumdb/index.js';
import { cachingMirror } from './caching-mirror.js';
import { goproxyMirror } from './mirror.js';
import { SUMDB_REQUEST_MS, sumdbBase, sumdbPort } from './sumdb.js';

export interface RemoteOptions {
  /** The go command's environment, request settings applied. */
  env: GoEnv;
  /** GOPROXY, parsed. */
  entries: readonly ProxyEntry[];
  /** GOSUMDB, parsed. */
  sumdb: GoSumdbSetting;
  http: HttpClient;
  clock: Clock;
  logger: Logger;
  /** Where the mirror's zips are downloaded to. */
  workDir: string;
  /** HTTPS_PROXY/HTTP_PROXY/NO_PROXY, for the "cannot reach" fixes. */
  proxyEnv: NodeJS.ProcessEnv;
  /** Hosts that serve proxy.golang.org's `/cached-only`; default: proxy.golang.org. */
  cachedOnlyHosts?: readonly string[];
  /** File that remembers the database's signed tree head between runs. */
  sumdbCache?: string;
}

/** What every job's wiring options say about the remote sides. */
export interface SideWiring {
  logger: Logger;
  /** The process environment; default process.env. */
  env?: NodeJS.ProcessEnv;
  cachedOnlyHosts?: readonly string[];
}

/** remoteSides for one run of a job: its settings, plus the job's wiring options. */
export function remoteSidesFor(
  wiring: SideWiring,
  run: Omit<RemoteOptions, 'logger' | 'proxyEnv' | 'cachedOnlyHosts'>,
): RemoteSides {
  return remoteSides({
    ...run,
    logger: wiring.logger,
    proxyEnv: wiring.env ?? process.env,
    ...(wiring.cachedOnlyHosts !== undefined ? { cachedOnlyHosts: wiring.cachedOnlyHosts } : {}),
  });
}

const isProxy = (e: ProxyEntry): boolean => e.url !== 'direct' && e.url !== 'off';

/** The per-module sides over the real clients. */
export function remoteSides(o: RemoteOptions): RemoteSides {
  const usable = o.entries.filter(isProxy);
  let mirror: Mirror | undefined;
  let sumdb: Promise<Sumdb> | undefined;
  const on = <T>(port: T): SideFor<T> => ({ kind: 'on', port });
  const off = <T>(reason: string): SideFor<T> => ({ kind: 'off', reason });
  return {
    // A path of '' (a tag Go would never list) is matched by no pattern.
    mirrorFor(path) {
      // Checked first: with GOPROXY=direct no pattern is why the mirror is off.
      if (usable.length === 0) {
        return Promise.resolve(
          off(
            `GOPROXY=${o.env.GOPROXY} names no module proxy (modseal never fetches from version control)`,
          ),
        );
      }
      if (path !== '' && !useProxyFor(o.env, path)) {
        return Promise.resolve(off(`GONOPROXY/GOPRIVATE matches ${path}`));
      }
      mirror ??= cachingMirror({
        ...goproxyMirror({
          entries: o.entries,
          env: o.env,
          http: o.http,
          clock: o.clock,
          workDir: o.workDir,
          ...(o.cachedOnlyHosts !== undefined ? { cachedOnlyHosts: o.cachedOnlyHosts } : {}),
        }),
        unreachableFix: unreachableFix('the mirror', usable[0]!.url, o.proxyEnv),
      });
      return Promise.resolve(on(mirror));
    },
    async sumdbFor(path) {
      const setting = o.sumdb;
      if (setting.off) return off('GOSUMDB=off');
      if (path !== '' && !useSumdbFor(o.env, path)) {
        return off(`GONOSUMDB/GOPRIVATE matches ${path}`);
      }
      sumdb ??= openSumdb(o, setting, usable);
      return on(await sumdb);
    },
  };
}

/** The database client, at the URL the go command would use (probing the proxies for it). */
async function openSumdb(
  o: RemoteOptions,
  setting: Extract<GoSumdbSetting, { off: false }>,
  usable: readonly ProxyEntry[],
): Promise<Sumdb> {
  const baseUrl = await sumdbBase(setting, o.entries, o.http);
  if (setting.url === undefined && usable.length > 0) {
    // The go command's probe of each proxy for the database: requests like
    // any other, so they are reported like any other.
    o.logger.info(
      `${usable.map((e) => redactUrl(e.url)).join(',')} /sumdb/${setting.name}/supported: ` +
        (typeof baseUrl === 'string'
          ? `using ${redactUrl(baseUrl)}`
          : baseUrl.reason.split('\n', 1)[0]),
    );
  }
  const fix = unreachableFix(
    'the checksum database',
    typeof baseUrl === 'string' ? baseUrl : setting.directUrl,
    o.proxyEnv,
  );
  if (typeof baseUrl !== 'string') {
    return { name: setting.name, unreachableFix: fix, lookup: () => Promise.resolve(baseUrl) };
  }
  const client = new SumdbClient({
    name: setting.name,
    verifierKey: setting.verifierKey,
    baseUrl,
    http: o.http,
    timeoutMs: SUMDB_REQUEST_MS,
    treeCache:
      o.sumdbCache === undefined || o.sumdbCache === ''
        ? memoryTreeCache()
        : fileTreeCache(o.sumdbCache),
  });
  return { ...sumdbPort(client), unreachableFix: fix };
}

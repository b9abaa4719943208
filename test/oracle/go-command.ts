// Drives the real go command in direct mode (the path proxy.golang.org runs
// when it first sees a version) against the loopback git server, so tests
// get their expected values from Go itself. See spec/go-oracle.md.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import yauzl from 'yauzl';
import { repoFingerprint } from '../support/git-fixture.js';
import { spawnText } from '../support/spawn.js';
import { goBin, isolatedGoEnv } from './go-env.js';
import { tempDir } from '../support/temp-dir.js';

/** One object of `go mod download -json`, field names as Go prints them. */
export interface GoDownloadResult {
  Path: string;
  Version?: string;
  Query?: string;
  Error?: string;
  Info?: string;
  GoMod?: string;
  Zip?: string;
  Dir?: string;
  Sum?: string;
  GoModSum?: string;
  Origin?: {
    VCS?: string;
    URL?: string;
    Subdir?: string;
    TagPrefix?: string;
    TagSum?: string;
    Ref?: string;
    Hash?: string;
    RepoSum?: string;
  };
}

const goTimeoutMs = 120_000;

type Download = { modCache: string; results: GoDownloadResult[] };

function moduleHost(query: string): string {
  const modPath = query.split('@')[0] ?? query;
  return modPath.split('/')[0] ?? modPath;
}

function goEnv(server: OracleServer, root: string, modCache: string, hosts: string[]) {
  const list = [...new Set(hosts)].join(',');
  return isolatedGoEnv(root, {
    GOMODCACHE: modCache,
    GOPROXY: 'direct',
    GOINSECURE: list,
    GOPRIVATE: list,
    GONOSUMDB: list,
    GONOPROXY: list,
    HTTPS_PROXY: server.proxyUrl,
    https_proxy: server.proxyUrl,
    HTTP_PROXY: server.proxyUrl,
    http_proxy: server.proxyUrl,
    GIT_SSL_NO_VERIFY: '1',
    // GOINSECURE makes go try git:// (no proxy, real DNS) before https://;
    // git refuses other transports at once, so nothing leaves the machine.
    GIT_ALLOW_PROTOCOL: 'https:http',
  });
}

/** Splits Go's stream of indented JSON objects. */
function parseJsonStream(text: string): GoDownloadResult[] {
  const out: GoDownloadResult[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && --depth === 0) {
      out.push(JSON.parse(text.slice(start, i + 1)) as GoDownloadResult);
    }
  }
  return out;
}

function runGo(args: string[], cwd: string, env: Record<string, string>) {
  // A hung fetch must fail the test, not stall the run.
  return spawnText(goBin(), args, { cwd, env, timeoutMs: goTimeoutMs });
}

// Results point into module caches that later tests of the same file read,
// so caches live until the file ends.
async function freshGoDirs(): Promise<{ root: string; work: string }> {
  const root = await tempDir('modseal-go-');
  for (const d of ['home', 'tmp', 'gopath', 'gocache', 'work']) {
    await mkdir(path.join(root, d), { recursive: true });
  }
  return { root, work: path.join(root, 'work') };
}

async function runDownload(
  queries: string[],
  work: string,
  env: Record<string, string>,
): Promise<GoDownloadResult[]> {
  const run = await runGo(['mod', 'download', '-json', ...queries], work, env);
  const results = parseJsonStream(run.stdout);
  // Outside a module, go prints one object per path@version argument, in order.
  if (results.length !== queries.length) {
    throw new Error(
      `go mod download gave ${results.length} results for ${queries.length} queries ` +
        `(exit ${run.code ?? 'killed'}): ${run.stderr}`,
    );
  }
  return results;
}

async function download(
  server: OracleServer,
  queries: string[],
  modCache: string | undefined,
): Promise<Download> {
  const { root, work } = await freshGoDirs();
  const cache = modCache ?? path.join(root, 'modcache');
  const env = goEnv(server, root, cache, queries.map(moduleHost));
  return { modCache: cache, results: await runDownload(queries, work, env) };
}

/**
 * Runs `go mod download -json` against a module proxy (`goproxy` is a
 * GOPROXY value such as `file:///dir` or `http://127.0.0.1:PORT`) with a
 * fresh module cache; `gosumdb` is a GOSUMDB value (default `off`). Nothing
 * is reused between calls. Results as in {@link goModDownload}.
 */
export async function goModDownloadFromProxy(
  goproxy: string,
  queries: string[],
  opts: { gosumdb?: string; goModCache?: string } = {},
): Promise<GoDownloadResult[]> {
  if (queries.length === 0) return [];
  const { root, work } = await freshGoDirs();
  const env = isolatedGoEnv(root, {
    GOMODCACHE: opts.goModCache ?? path.join(root, 'modcache'),
    GOPROXY: goproxy,
    GOSUMDB: opts.gosumdb ?? 'off',
  });
  return runDownload(queries, work, env);
}

/** What the oracle needs of a server: where it is and, for reuse, what it serves. */
export interface OracleServer {
  proxyUrl: string;
  /** Root → repository directory, as given to `startGitServer`. */
  repos?: Record<string, string>;
}

// Results are reused while the served repositories keep the same refs: many
// tests share one repository and Go's answer cannot change while it does.
const perQuery = new Map<string, Promise<GoDownloadResult>>();
const perBatch = new Map<string, Promise<Download>>();

async function contentKey(server: OracleServer): Promise<string | undefined> {
  if (server.repos === undefined) return undefined;
  const entries = Object.entries(server.repos).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const prints = await Promise.all(
    entries.map(async ([root, dir]) => [root, await repoFingerprint(dir)]),
  );
  return JSON.stringify(prints);
}

function remember<T>(map: Map<string, Promise<T>>, key: string, p: Promise<T>): Promise<T> {
  map.set(key, p);
  // A failed run (go missing, server down) is not an answer to keep.
  p.catch(() => {
    map.delete(key);
  });
  return p;
}

/**
 * Runs `go mod download -json` in direct mode through `server` and returns
 * one result per query, in order; a failed query carries Go's exact text in
 * `Error` (go exits non-zero then, which is not an error here). With
 * `goModCache` the downloads land there and nothing is reused; otherwise
 * queries not answered before for the same served content run in one go
 * invocation, in a fresh cache that lives until the process exits.
 */
export async function goModDownload(
  server: OracleServer,
  queries: string[],
  opts: { goModCache?: string } = {},
): Promise<GoDownloadResult[]> {
  if (queries.length === 0) return [];
  const content = opts.goModCache === undefined ? await contentKey(server) : undefined;
  if (content === undefined) return (await download(server, queries, opts.goModCache)).results;
  const key = (q: string): string => `${content}\0${q}`;
  const missing = [...new Set(queries.filter((q) => !perQuery.has(key(q))))];
  if (missing.length > 0) {
    const batch = download(server, missing, undefined);
    for (const [i, q] of missing.entries()) {
      void remember(
        perQuery,
        key(q),
        batch.then((b) => b.results[i] as GoDownloadResult),
      );
    }
  }
  return Promise.all(queries.map((q) => perQuery.get(key(q)) as Promise<GoDownloadResult>));
}

/**
 * Downloads `queries` as {@link goModDownload} does, into a module cache of
 * their own, and returns its `cache/download` folder: a GOPROXY tree made by
 * Go itself (servable over HTTP or as `file://`).
 */
export async function downloadToProxyDir(
  server: OracleServer,
  queries: string[],
): Promise<{ proxyDir: string; results: GoDownloadResult[] }> {
  const content = await contentKey(server);
  const run =
    content === undefined
      ? download(server, queries, undefined)
      : (perBatch.get(JSON.stringify([content, queries])) ??
        remember(
          perBatch,
          JSON.stringify([content, queries]),
          download(server, queries, undefined),
        ));
  const { modCache, results } = await run;
  return { proxyDir: path.join(modCache, 'cache', 'download'), results };
}

/** Every entry of a zip file in stored order, with the SHA-256 of its content. */
export function zipEntries(zipPath: string): Promise<{ name: string; sha256: string }[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, decodeStrings: true }, (err, zip) => {
      if (err !== null) {
        reject(err);
        return;
      }
      const entries: { name: string; sha256: string }[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e !== null) {
            reject(e);
            return;
          }
          const hash = createHash('sha256');
          stream.on('data', (b: Buffer) => hash.update(b));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, sha256: hash.digest('hex') });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

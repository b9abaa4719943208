// Composes the real modules behind the release gate's ports: git + modfetch
// for the local build, the GOPROXY client for the mirror, the checksum
// database client for sum.golang.org. The Action and the CLI both call
// createReleaseCheck; tests of the decision logic use fakes instead.
import { readFile as readFileFs } from 'node:fs/promises';
import { openZip } from '../dirhash/index.js';
import { hashGoMod } from '../dirhash/index.js';
import { openRepo, watchRepositoryErrors, type GitRepo } from '../git/index.js';
import {
  DeadlineError,
  GoproxyClient,
  NotFoundError,
  ProtocolError,
  SkippedError,
  cachedOnly,
  createCredentials,
  createNodeHttpClient,
  goEnvFromProcess,
  isTransient,
  parseGoproxy,
  parseNetrc,
  redactUrl,
  systemClock,
  unreachableFix,
  useProxyFor,
  useSumdbFor,
  warmOnce,
  withDeadline,
  type GoEnv,
  type ProxyEntry,
  type RevInfo,
} from '../goproxy/index.js';
import { InputError, errorMessage } from '../internal/errors.js';
import { makeTempDir, removeTempDir } from '../internal/temp-dirs.js';
import type { HttpClient } from '../internal/http.js';
import { deprecation, modulePath as goModModulePath, parseLax } from '../modfile/index.js';
import { buildModule, gitCodeHost, inferModuleFromTag, splitTag } from '../modfetch/index.js';
import { canonical } from '../semver/index.js';
import {
  SumdbClient,
  SumdbError,
  SumdbHttpError,
  SumdbNotFoundError,
  fileTreeCache,
  memoryTreeCache,
  parseGoSumdb,
  sumdbBaseUrl,
} from '../sumdb/index.js';
import type {
  Clock,
  LocalModule,
  Logger,
  Mirror,
  MirrorInfo,
  MirrorNotFound,
  ReleasePorts,
  Retraction,
  Sumdb,
  SumdbLookup,
  Unreachable,
} from './ports.js';
import { formatDuration } from './asker.js';
import {
  defaultTimeoutMs,
  runReleaseCheck,
  type CreateReleaseCheck,
  type ReleaseCheckRequest,
} from './release.js';

/** Files larger than this are not read back for diffs (the diff would be cut anyway). */
const MAX_DIFF_FILE = 1 << 20;
/** Limit of one checksum-database request (the client's default would be the whole deadline). */
const SUMDB_REQUEST_MS = 60_000;

/** Resolves a tag in the user's repository (read-only) and rebuilds its module zip. */
export async function buildLocal(
  repo: GitRepo,
  tag: string,
  modulePath?: string,
): Promise<LocalModule> {
  const bare = tag.replace(/^refs\/tags\//, '');
  const { tags } = await repo.refs();
  const commit = tags.get(bare);
  if (commit === undefined) {
    const hint = repo.shallow
      ? ' This is a shallow clone: fetch the tag (`git fetch --tags`, or `fetch-depth: 0` with actions/checkout).'
      : ' Push or fetch the tag first, or name another with --tag / the `tag` input.';
    throw new InputError(`tag ${JSON.stringify(bare)} does not exist in ${repo.dir}.${hint}`);
  }
  const { codeDir, version: tagVersion } = splitTag(bare);
  if (tagVersion === undefined) {
    throw new InputError(
      `tag ${JSON.stringify(bare)} is not a module version tag: Go publishes tags like v1.2.3 or sub/dir/v1.2.3`,
    );
  }
  // A clone that lacks an object is the user's repository to repair, not Go
  // refusing the version: git's failures are watched for and win.
  const watch = watchRepositoryErrors(gitCodeHost(repo));
  const probe = watch.watched;
  const goModPathAt = (dir: string): string => (dir === '' ? 'go.mod' : `${dir}/go.mod`);
  const base = {
    tag: bare,
    tagRef: `refs/tags/${bare}`,
    commit,
    zipFiles: new Map<string, string>(),
    readFile: () => Promise.resolve(undefined),
    retractions: [],
  };

  // Go lists only tags that are exactly canonical (`v1.2`, `v1.2.3+meta` are
  // never versions), so such a tag can never reach users: say so before any
  // request is made.
  if (canonical(tagVersion) !== tagVersion) {
    return {
      ...base,
      modulePath: '',
      version: tagVersion,
      goModPath: goModPathAt(codeDir),
      goModSum: '',
      versionError: {
        text: `tag ${bare}: version ${JSON.stringify(tagVersion)} is not canonical (should be ${JSON.stringify(canonical(tagVersion))}); the go command ignores such tags`,
      },
    };
  }

  // A module path given by the user wins: it is the only source for a
  // repository without go.mod (a +incompatible release).
  const inferred = await inferModuleFromTag(
    probe,
    commit,
    bare,
    modulePath === undefined || modulePath === '' ? {} : { modulePath },
  );
  const built = await buildModule(probe, {
    modulePath: inferred.modulePath,
    codeRoot: inferred.codeRoot,
    query: tagVersion,
  });
  const gitFailure = watch.failure();
  if (gitFailure !== undefined) throw gitFailure;
  const moduleDir = built.dir ?? codeDir;
  const goModPath = goModPathAt(moduleDir);
  const local: LocalModule = {
    ...base,
    modulePath: inferred.modulePath,
    version: built.version,
    goModPath,
    goModSum: built.goModSum ?? '',
    existingVersions: [...tags.keys()]
      .map((t) => splitTag(t))
      .filter((t) => t.codeDir === codeDir && t.version !== undefined)
      .map((t) => t.version!)
      .filter((v) => canonical(v) === v),
    shallow: repo.shallow,
  };
  if (built.sum !== undefined) local.sum = built.sum;
  if (built.goMod !== undefined) local.goMod = built.goMod;
  if (built.error !== undefined) {
    if (built.error.startsWith('create zip: ')) local.zipError = { text: built.error };
    else local.versionError = { text: built.error };
  }

  const goModBytes = await repo.readBlob(commit, goModPath);
  if (goModBytes !== undefined) {
    const declared = goModModulePath(goModBytes);
    if (declared !== '') local.declaredModulePath = declared;
    try {
      const file = parseLax(goModPath, goModBytes);
      if (file.module !== undefined) {
        local.moduleLine = { line: file.module.line, column: file.module.column };
      }
      const dep = deprecation(file);
      if (dep !== undefined) local.deprecated = dep;
      local.retractions = file.retract.map((r): Retraction => ({
        low: r.low,
        high: r.high,
        rationale: r.rationale,
        line: r.line,
      }));
    } catch {
      // An unparsable go.mod is already a version error from the build; the
      // annotations simply lose their line numbers.
    }
  }

  if (built.files !== undefined) {
    local.zipFiles = new Map(built.files.kept.map((f) => [f.path, f.sha256]));
    local.readFile = lazyArchiveReader(repo, commit, moduleDir, new Set(local.zipFiles.keys()));
  }
  return local;
}

/**
 * Reads module files back for diffs. One archive pass serves every request
 * (diffs ask for up to a few dozen files); only small files are kept. The
 * root LICENSE that Go copies into subdirectory modules is read raw, as Go does.
 */
function lazyArchiveReader(
  repo: GitRepo,
  commit: string,
  moduleDir: string,
  kept: ReadonlySet<string>,
): (name: string) => Promise<Buffer | undefined> {
  let files: Promise<Map<string, Buffer>> | undefined;
  const load = async (): Promise<Map<string, Buffer>> => {
    const out = new Map<string, Buffer>();
    await repo.archive(commit, moduleDir, async (m) => {
      const wanted = m.kind === 'regular' && m.size <= MAX_DIFF_FILE && kept.has(m.path);
      const chunks: Buffer[] = [];
      for await (const c of m.body()) if (wanted) chunks.push(Buffer.from(c));
      if (wanted) out.set(m.path, Buffer.concat(chunks));
    });
    if (moduleDir !== '' && kept.has('LICENSE') && !out.has('LICENSE')) {
      const license = await repo.readBlob(commit, 'LICENSE');
      if (license !== undefined && license.length <= MAX_DIFF_FILE) out.set('LICENSE', license);
    }
    return out;
  };
  return async (name) => {
    files ??= load();
    return (await files).get(name);
  };
}

/**
 * Trouble as the gate's retry loop needs to know it: worth another attempt
 * (network, timeouts, 429, 5xx), the check's deadline, or final.
 */
function unreachable(what: string, e: unknown): Unreachable {
  const u: Unreachable = { kind: 'unreachable', reason: `${what}: ${errorMessage(e)}` };
  // The checksum-database client wraps the HTTP error it met.
  const cause = e instanceof SumdbHttpError ? (e as { cause?: unknown }).cause : undefined;
  const root = cause ?? e;
  if (root instanceof DeadlineError) {
    u.deadline = true;
    if (!root.sent) u.notSent = true;
    return u;
  }
  if (e instanceof SumdbHttpError) {
    if (e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500) {
      u.transient = true;
    }
    return u;
  }
  if (isTransient(e)) {
    u.transient = true;
    const after = (e as { retryAfterMs?: unknown }).retryAfterMs;
    if (typeof after === 'number') u.retryAfterMs = after;
  }
  return u;
}

/** A failed mirror request: "not found" with the server's body, or trouble. */
function mirrorFailure(what: string, e: unknown): MirrorNotFound | Unreachable {
  return e instanceof NotFoundError ? { kind: 'not-found', body: e.body } : unreachable(what, e);
}

/** `.info` as the gate's port reports it. */
function infoFound(info: RevInfo): MirrorInfo {
  return { kind: 'found', version: info.Version, time: info.Time, origin: info.Origin };
}

/** The mirror port over the GOPROXY client. */
export function goproxyMirror(opts: {
  entries: readonly ProxyEntry[];
  env: GoEnv;
  http: HttpClient;
  clock: Clock;
  workDir: string;
  cachedOnlyHosts?: readonly string[];
}): Mirror {
  // One request per call: the gate's retry loop is the only one, so every
  // request is counted and reported once.
  const once = { maxAttempts: 1 };
  const client = new GoproxyClient({
    proxy: opts.entries,
    http: opts.http,
    env: opts.env,
    clock: opts.clock,
    retry: once,
  });
  const first = opts.entries.find((e) => e.url !== 'direct' && e.url !== 'off');
  const cachedBase = first === undefined ? undefined : cachedOnly(first.url, opts.cachedOnlyHosts);
  const cachedClient =
    cachedBase === undefined
      ? undefined
      : new GoproxyClient({
          proxy: [{ url: cachedBase, fallback: 'notfound' }],
          http: opts.http,
          env: opts.env,
          clock: opts.clock,
          retry: once,
        });
  return {
    url: opts.entries
      .map((e) => (e.url === 'direct' || e.url === 'off' ? e.url : redactUrl(e.url)))
      .join(','),
    async cached(path, version) {
      if (cachedClient === undefined) return { kind: 'unsupported' };
      try {
        return infoFound((await cachedClient.info(path, version)).value);
      } catch (e) {
        return mirrorFailure('cached-only lookup', e);
      }
    },
    async warm(path, version) {
      const r = await warmOnce(client, path, version);
      switch (r.status) {
        case 'ready':
          return infoFound(r.info);
        case 'refused':
          return { kind: 'not-found', body: r.body, final: true };
        case 'lag':
          return { kind: 'not-found', body: r.body, final: false };
        case 'error':
          return unreachable('warming', r.error);
      }
    },
    async info(path, version) {
      try {
        return infoFound((await client.info(path, version)).value);
      } catch (e) {
        return mirrorFailure('reading .info', e);
      }
    },
    async mod(path, version) {
      try {
        const data = (await client.mod(path, version)).value;
        return { kind: 'ok', h1: hashGoMod(data), data };
      } catch (e) {
        return mirrorFailure('downloading .mod', e);
      }
    },
    async list(path) {
      try {
        return { kind: 'ok', versions: (await client.list(path)).value.map((v) => v.version) };
      } catch (e) {
        return mirrorFailure('listing versions', e);
      }
    },
    async zip(path, version) {
      let zipPath: string;
      let h1: string;
      try {
        ({ zipPath, h1 } = (await client.downloadZip(path, version, opts.workDir)).value);
      } catch (e) {
        if (e instanceof ProtocolError) return { kind: 'invalid', reason: e.message };
        return mirrorFailure('downloading .zip', e);
      }
      const prefix = `${path}@${version}/`;
      const files = await zipFileDigests(zipPath, prefix);
      return {
        kind: 'ok',
        h1,
        files,
        readFile: (name) => readZipEntry(zipPath, prefix + name),
      };
    },
  };
}

async function zipFileDigests(zipPath: string, prefix: string): Promise<Map<string, string>> {
  const { createHash } = await import('node:crypto');
  const zip = await openZip(zipPath);
  try {
    const out = new Map<string, string>();
    for (const e of zip.entries) {
      if (!e.name.startsWith(prefix) || e.name.endsWith('/')) continue;
      const h = createHash('sha256');
      for await (const c of await zip.openEntry(e)) h.update(c as Buffer);
      out.set(e.name.slice(prefix.length), h.digest('hex'));
    }
    return out;
  } finally {
    zip.close();
  }
}

async function readZipEntry(zipPath: string, name: string): Promise<Buffer | undefined> {
  const zip = await openZip(zipPath);
  try {
    const e = zip.entries.find((x) => x.name === name);
    if (e === undefined || e.uncompressedSize > MAX_DIFF_FILE) return undefined;
    const chunks: Buffer[] = [];
    for await (const c of await zip.openEntry(e)) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  } finally {
    zip.close();
  }
}

/** The checksum-database port over the verifying client. */
export function sumdbPort(client: SumdbClient): Sumdb {
  return {
    name: client.name,
    async lookup(path, version): Promise<SumdbLookup> {
      try {
        const r = await client.lookup(path, version);
        if (r.zipHash === undefined || r.goModHash === undefined) {
          return {
            kind: 'unverifiable',
            reason: `the record for ${path}@${version} lacks an h1 line:\n${r.record}`,
          };
        }
        return { kind: 'found', zipHash: r.zipHash, goModHash: r.goModHash };
      } catch (e) {
        if (e instanceof SumdbNotFoundError) return { kind: 'not-found', body: e.message };
        if (e instanceof SumdbHttpError) return unreachable('checksum database', e);
        if (e instanceof SumdbError) return { kind: 'unverifiable', reason: e.message };
        return unreachable('checksum database', e);
      }
    },
  };
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
function effectiveEnv(req: ReleaseCheckRequest, base: NodeJS.ProcessEnv): GoEnv {
  const merged: Record<string, string | undefined> = { ...base };
  if (req.goproxy !== undefined && req.goproxy !== '') merged.GOPROXY = req.goproxy;
  if (req.gosumdb !== undefined && req.gosumdb !== '') merged.GOSUMDB = req.gosumdb;
  if (req.goprivate !== undefined && req.goprivate !== '') merged.GOPRIVATE = req.goprivate;
  if (req.gonosumdb !== undefined && req.gonosumdb !== '') merged.GONOSUMDB = req.gonosumdb;
  return goEnvFromProcess(merged);
}

async function readNetrc(file: string | undefined): Promise<ReturnType<typeof parseNetrc>> {
  if (file === undefined || file === '') return [];
  try {
    return parseNetrc(await readFileFs(file, 'utf8'));
  } catch {
    return [];
  }
}

/** The release check with real git, GOPROXY and checksum-database clients. */
export const createReleaseCheck: CreateReleaseCheck = (options) =>
  createReleaseCheckWith({ logger: options.logger });

export function createReleaseCheckWith(options: WireOptions) {
  return async (req: ReleaseCheckRequest) => {
    const clock = options.clock ?? systemClock;
    // One deadline for the whole check, shared by the gate's retry loop and
    // every HTTP request (each one's own limit is cut to what is left).
    const timeoutMs = req.timeoutMs ?? defaultTimeoutMs(req.warmTimeoutMs);
    const deadline = clock.now() + timeoutMs;
    const env = effectiveEnv(req, options.env ?? process.env);
    // Both are validated before anything else runs, so a typo is an input
    // error (exit 2), not a network failure.
    const entries = parseGoproxy(env.GOPROXY);
    const sumdbSetting = parseGoSumdb(env.GOSUMDB);
    const repo = await openRepo(req.repoDir);
    const local = await buildLocal(repo, req.tag, req.modulePath);

    const privateProxies = entries.map((e) => e.url).filter((u) => u !== 'direct' && u !== 'off');
    const baseHttp =
      options.http ??
      createNodeHttpClient({
        credentials: createCredentials({
          token:
            req.proxyToken === undefined || req.proxyToken === ''
              ? undefined
              : `Bearer ${req.proxyToken}`,
          netrc: await readNetrc(env.NETRC),
          privateProxies,
        }),
        // HTTPS_PROXY/HTTP_PROXY/NO_PROXY, read as the go command reads them.
        proxyEnv: options.env ?? process.env,
      });
    const http = withDeadline(baseHttp, {
      deadline,
      clock,
      label: `the check's deadline (timeout ${formatDuration(timeoutMs)})`,
    });
    // Registered, so an interrupted run (Ctrl-C, a cancelled job) removes it too.
    const workDir = await makeTempDir('modseal-verify-');
    try {
      const ports: ReleasePorts = {
        local: { build: () => Promise.resolve(local) },
        clock,
        logger: options.logger,
      };
      const usable = entries.filter((e) => e.url !== 'direct' && e.url !== 'off');
      if (local.modulePath !== '' && !useProxyFor(env, local.modulePath)) {
        ports.mirrorDisabled = `GONOPROXY/GOPRIVATE matches ${local.modulePath}`;
      } else if (usable.length === 0) {
        ports.mirrorDisabled = `GOPROXY=${env.GOPROXY} names no module proxy (modseal never fetches from version control)`;
      } else {
        ports.mirror = {
          ...goproxyMirror({
            entries,
            env,
            http,
            clock,
            workDir,
            ...(options.cachedOnlyHosts !== undefined
              ? { cachedOnlyHosts: options.cachedOnlyHosts }
              : {}),
          }),
          unreachableFix: unreachableFix('the mirror', usable[0]!.url, options.env ?? process.env),
        };
      }
      if (sumdbSetting.off) {
        ports.sumdbDisabled = 'GOSUMDB=off';
      } else if (local.modulePath !== '' && !useSumdbFor(env, local.modulePath)) {
        ports.sumdbDisabled = `GONOSUMDB/GOPRIVATE matches ${local.modulePath}`;
      } else {
        const baseUrl = await sumdbBaseForRequest(sumdbSetting, entries, http);
        if (sumdbSetting.url === undefined && usable.length > 0) {
          // The go command's probe of each proxy for the database: requests
          // like any other, so they are reported like any other.
          options.logger.info(
            `${usable.map((e) => redactUrl(e.url)).join(',')} /sumdb/${sumdbSetting.name}/supported: ` +
              (typeof baseUrl === 'string'
                ? `using ${redactUrl(baseUrl)}`
                : baseUrl.reason.split('\n', 1)[0]),
          );
        }
        const sumdbFix = unreachableFix(
          'the checksum database',
          typeof baseUrl === 'string' ? baseUrl : sumdbSetting.directUrl,
          options.env ?? process.env,
        );
        if (typeof baseUrl !== 'string') {
          ports.sumdb = {
            name: sumdbSetting.name,
            unreachableFix: sumdbFix,
            lookup: () => Promise.resolve(baseUrl),
          };
        } else {
          const client = new SumdbClient({
            name: sumdbSetting.name,
            verifierKey: sumdbSetting.verifierKey,
            baseUrl,
            http,
            timeoutMs: SUMDB_REQUEST_MS,
            treeCache:
              req.sumdbCache === undefined || req.sumdbCache === ''
                ? memoryTreeCache()
                : fileTreeCache(req.sumdbCache),
          });
          ports.sumdb = { ...sumdbPort(client), unreachableFix: sumdbFix };
        }
      }
      return await runReleaseCheck(
        { tag: req.tag, warm: req.warm, warmTimeoutMs: req.warmTimeoutMs, timeoutMs, deadline },
        ports,
      );
    } finally {
      await removeTempDir(workDir);
    }
  };
}

async function sumdbBaseForRequest(
  setting: { name: string; url?: string; directUrl: string },
  entries: readonly ProxyEntry[],
  http: HttpClient,
): Promise<string | Unreachable> {
  try {
    return await sumdbBaseUrl(
      setting,
      entries.map((e) => ({ url: e.url, fallBackOnError: e.fallback === 'any' })),
      http,
      SUMDB_REQUEST_MS,
    );
  } catch (e) {
    if (e instanceof SkippedError) return unreachable('checksum database', e);
    return unreachable('finding the checksum database', e);
  }
}

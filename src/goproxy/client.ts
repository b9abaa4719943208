// The GOPROXY client: the list semantics of cmd/go/internal/modfetch/proxy.go
// (`,` falls through on 404/410 only, `|` on any error; direct and off end the
// list) over an HttpClient with hard limits, plus retries for transient
// failures and a bounded, streamed, checked and hashed zip download.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { HttpClient, HttpRequestOptions } from '../internal/http.js';
import {
  canonicalVersion,
  check,
  escapePath,
  escapeVersion,
  InvalidVersionError,
  isPseudoVersion,
  isValidSemver,
  ModuleError,
  pseudoVersionTime,
} from './deps.js';
import { useProxyFor, parseGoproxy } from './env.js';
import type { GoEnv, ProxyEntry } from './env.js';
import { formatErrorDetail, formatHttpError } from '../http/error-detail.js';
import {
  HttpError,
  isTransient,
  NotFoundError,
  ProtocolError,
  ServerError,
  TooLargeError,
} from '../http/errors.js';
import { redactUrl } from '../http/redact.js';
import { SkippedError } from './errors.js';
import { parseInfo } from './info.js';
import type { RevInfo } from './info.js';
import { defaultRetryPolicy, parseRetryAfter, systemClock, withRetry } from '../internal/retry.js';
import type { Clock, RetryPolicy } from '../internal/retry.js';
import { checkAndHashZip } from './zip-deps.js';

/** 500 MiB: the go command's limit on a module zip (codehost.MaxZipFile). */
const maxZipBytes = 500 << 20;
/** 16 MiB: the go command's limit on a go.mod. */
const maxModBytes = 16 << 20;
/** Cap for list, info and latest answers. */
const maxSmallBytes = 1 << 20;

/** One GOPROXY entry's part in an answer, for the report. */
export interface ProxyAttempt {
  /** Redacted proxy URL, or `direct` / `off` / `noproxy`. */
  proxy: string;
  outcome: 'ok' | 'not-found' | 'error' | 'skipped';
  message?: string;
}

/** A successful answer and which entry gave it. */
export interface Answered<T> {
  value: T;
  /** Redacted base URL of the entry that answered. */
  proxy: string;
  attempts: ProxyAttempt[];
}

/** A version line of `@v/list`: the version and the optional second field. */
export interface ListedVersion {
  version: string;
  time?: string;
}

/** The downloaded zip: its place, SHA-256 (hex) of the bytes, size and Go `h1:` hash. */
export interface DownloadedZip {
  zipPath: string;
  sha256: string;
  size: number;
  h1: string;
}

export interface GoproxyClientOptions {
  /** A GOPROXY value (parsed with Go's rules) or entries already parsed. */
  proxy: string | readonly ProxyEntry[];
  http: HttpClient;
  /** GONOPROXY (already defaulted from GOPRIVATE) and GOPROXY; default none. */
  env?: Pick<GoEnv, 'GONOPROXY' | 'GOPROXY'>;
  retry?: Partial<RetryPolicy>;
  clock?: Clock;
  random?: () => number;
  /** Per-request limits in ms: list/info/latest, mod, zip (30 s, 60 s, 15 min). */
  timeouts?: { smallMs?: number; modMs?: number; zipMs?: number };
}

interface Fetched {
  body: Buffer;
}

/** A GOPROXY client over Go's list semantics; every method says which entry answered. */
export class GoproxyClient {
  readonly entries: readonly ProxyEntry[];
  private readonly http: HttpClient;
  private readonly env: Pick<GoEnv, 'GONOPROXY' | 'GOPROXY'> | undefined;
  private readonly policy: RetryPolicy;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly smallMs: number;
  private readonly modMs: number;
  private readonly zipMs: number;

  constructor(opts: GoproxyClientOptions) {
    this.entries = typeof opts.proxy === 'string' ? parseGoproxy(opts.proxy) : opts.proxy;
    this.http = opts.http;
    this.env = opts.env;
    this.policy = { ...defaultRetryPolicy, ...opts.retry };
    this.clock = opts.clock ?? systemClock;
    this.random = opts.random ?? Math.random;
    this.smallMs = opts.timeouts?.smallMs ?? 30_000;
    this.modMs = opts.timeouts?.modMs ?? 60_000;
    this.zipMs = opts.timeouts?.zipMs ?? 15 * 60_000;
  }

  /** `@v/list`: versions in the server's order, invalid and pseudo-versions dropped. */
  async list(path: string): Promise<Answered<ListedVersion[]>> {
    return this.tryProxies(path, '', async (base) => {
      const { body } = await this.fetchBytes(base, path, '@v/list', maxSmallBytes, this.smallMs);
      return parseList(body.toString('utf8'));
    });
  }

  /**
   * `@v/<version>.info`. As in Go, a request for a canonical version valid for
   * the path must be answered with exactly that version; a query or a
   * `vN.x.y` without `/vN` (answered `+incompatible`) may resolve elsewhere.
   */
  async info(path: string, version: string): Promise<Answered<RevInfo>> {
    return this.tryProxies(path, version, (base) => this.stat(base, path, version));
  }

  /** `@v/<version>.mod` for a canonical version: the bytes as served (16 MiB cap). */
  async mod(path: string, version: string): Promise<Answered<Buffer>> {
    this.requireCanonical(path, version, 'GoMod');
    return this.tryProxies(path, version, async (base) => {
      const enc = this.escVersion(path, version);
      return (await this.fetchBytes(base, path, `@v/${enc}.mod`, maxModBytes, this.modMs)).body;
    });
  }

  /** `@latest`, falling back like Go to the newest pseudo-version of the list on not-found. */
  async latest(path: string): Promise<Answered<RevInfo>> {
    return this.tryProxies(path, '', async (base) => {
      let body: Buffer;
      try {
        body = (await this.fetchBytes(base, path, '@latest', maxSmallBytes, this.smallMs)).body;
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
        return this.latestFromList(base, path);
      }
      return this.decodeInfo(base, path, '', body);
    });
  }

  /**
   * Downloads `@v/<version>.zip` into `destDir` (streamed, at most 500 MiB,
   * Content-Length checked first), then checks it as the go command checks a
   * downloaded zip and hashes it. The file is removed when anything fails.
   */
  async downloadZip(
    path: string,
    version: string,
    destDir: string,
  ): Promise<Answered<DownloadedZip>> {
    this.requireCanonical(path, version, 'Zip');
    await mkdir(destDir, { recursive: true });
    const escPath = this.escPath(path);
    const enc = this.escVersion(path, version);
    const finalPath = join(destDir, `${escPath.replaceAll('/', '%2F')}@${enc}.zip`);
    const answer = await this.tryProxies(path, version, async (base) => {
      const tmp = `${finalPath}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        const r = await this.fetchZip(base, path, version, `@v/${enc}.zip`, tmp);
        return { tmp, ...r };
      } catch (e) {
        await rm(tmp, { force: true });
        throw e;
      }
    });
    const { tmp, sha256, size } = answer.value;
    try {
      let verdict;
      try {
        verdict = await checkAndHashZip({ path, version }, tmp);
      } catch (e) {
        throw new ProtocolError(
          `${path}@${version}: ${e instanceof Error ? e.message : String(e)}`,
          answer.proxy,
        );
      }
      if (verdict.problem !== undefined) {
        throw new ProtocolError(verdict.problem, answer.proxy);
      }
      const h1 = verdict.h1;
      await rename(tmp, finalPath);
      return { ...answer, value: { zipPath: finalPath, sha256, size, h1 } };
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }

  private async fetchZip(
    base: string,
    path: string,
    version: string,
    rel: string,
    tmp: string,
  ): Promise<{ sha256: string; size: number }> {
    const url = this.url(base, path, rel);
    return this.withModuleContext(path, version, () =>
      withRetry(async () => {
        let r;
        try {
          r = await this.http.getStream(url, { maxBytes: maxZipBytes, timeoutMs: this.zipMs });
        } catch (e) {
          throw zipTooLarge(e);
        }
        if (r.status !== 200) {
          const chunks: Buffer[] = [];
          for await (const c of r.body) chunks.push(c as Buffer);
          throw httpError(
            url,
            r.status,
            statusTextOf(r),
            r.headers,
            Buffer.concat(chunks),
            this.clock,
          );
        }
        const hash = createHash('sha256');
        let size = 0;
        const tap = new Transform({
          transform(chunk: Buffer, _enc, cb) {
            hash.update(chunk);
            size += chunk.length;
            cb(null, chunk);
          },
        });
        try {
          await pipeline(r.body, tap, createWriteStream(tmp));
        } catch (e) {
          throw zipTooLarge(e);
        }
        return { sha256: hash.digest('hex'), size };
      }, this.retryContext()),
    );
  }

  private requireCanonical(path: string, version: string, what: string): void {
    if (version !== canonicalVersion(version)) {
      throw this.versionError(
        path,
        version,
        new Error(`internal error: version passed to ${what} is not canonical`),
      );
    }
  }

  private escPath(path: string): string {
    try {
      return escapePath(path);
    } catch (e) {
      throw new ProtocolError(e instanceof Error ? e.message : String(e), '');
    }
  }

  private escVersion(path: string, version: string): string {
    try {
      return escapeVersion(version);
    } catch (e) {
      throw withContext(
        new ProtocolError(
          this.versionError(path, version, e instanceof Error ? e : new Error(String(e))).message,
          '',
        ),
      );
    }
  }

  private url(base: string, path: string, rel: string): string {
    const encPath = pathEscape(this.escPath(path));
    const relEsc = pathEscape(rel);
    return `${base.replace(/\/$/, '')}/${encPath}/${relEsc}`;
  }

  private retryContext() {
    return { policy: this.policy, clock: this.clock, random: this.random, retryable: isTransient };
  }

  private async fetchBytes(
    base: string,
    path: string,
    rel: string,
    maxBytes: number,
    timeoutMs: number,
  ): Promise<Fetched> {
    const url = this.url(base, path, rel);
    const opts: HttpRequestOptions = { maxBytes, timeoutMs };
    return withRetry(async () => {
      const r = await this.http.get(url, opts);
      if (r.status !== 200) {
        throw httpError(url, r.status, statusTextOf(r), r.headers, r.body, this.clock);
      }
      return { body: r.body };
    }, this.retryContext());
  }

  private async stat(base: string, path: string, rev: string): Promise<RevInfo> {
    const enc = this.escVersion(path, rev);
    const { body } = await this.withModuleContext(path, rev, () =>
      this.fetchBytes(base, path, `@v/${enc}.info`, maxSmallBytes, this.smallMs),
    );
    const info = this.decodeInfo(base, path, rev, body);
    if (info.Version !== rev && rev === canonicalVersion(rev) && check(path, rev) === undefined) {
      throw withContext(
        new ProtocolError(
          this.versionError(
            path,
            rev,
            new Error(
              `proxy returned info for version ${info.Version} instead of requested version`,
            ),
          ).message,
          redactUrl(base),
        ),
      );
    }
    return info;
  }

  private decodeInfo(base: string, path: string, rev: string, body: Buffer): RevInfo {
    try {
      return parseInfo(body);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw withContext(
        new ProtocolError(
          this.versionError(
            path,
            rev,
            new Error(`invalid response from proxy "${redactUrl(base)}": ${msg}`),
          ).message,
          redactUrl(base),
        ),
      );
    }
  }

  private async latestFromList(base: string, path: string): Promise<RevInfo> {
    const { body } = await this.fetchBytes(base, path, '@v/list', maxSmallBytes, this.smallMs);
    let best: { t: number; v: string } | undefined;
    for (const line of body.toString('utf8').split('\n')) {
      const f = fields(line);
      const v = f[0];
      if (v === undefined || !isValidSemver(v)) continue;
      let t: number;
      if (f.length >= 2) t = Date.parse(f[1] ?? '');
      else if (isPseudoVersion(v)) {
        try {
          t = pseudoVersionTime(v).getTime();
        } catch {
          t = Number.NaN;
        }
      } else continue;
      if (Number.isNaN(t)) continue;
      if (best === undefined || t > best.t) best = { t, v };
    }
    if (best === undefined) {
      throw new NotFoundError('no commits', redactUrl(base), {
        status: 404,
        statusText: '404 Not Found',
        body: '',
        detail: '',
      });
    }
    return this.stat(base, path, best.v);
  }

  // Go's proxyRepo.versionError: a non-canonical version is an invalid version.
  private versionError(path: string, version: string, err: Error): ModuleError {
    if (version !== '' && version !== canonicalVersion(version)) {
      return new ModuleError(
        path,
        '',
        new InvalidVersionError(version, err, isPseudoVersion(version)),
      );
    }
    return new ModuleError(path, version, err);
  }

  // Prefixes a failure with `path@version: ` (or `module path: `) as Go does, keeping its type.
  private async withModuleContext<T>(
    path: string,
    version: string,
    f: () => Promise<T>,
  ): Promise<T> {
    try {
      return await f();
    } catch (e) {
      if (e instanceof HttpError && !contextAdded.has(e)) {
        e.message = this.versionError(path, version, new Error(e.message)).message;
        withContext(e);
      }
      throw e;
    }
  }

  // Go's TryProxies, with `direct`, `off` and GONOPROXY reported as skipped.
  private async tryProxies<T>(
    path: string,
    version: string,
    f: (base: string) => Promise<T>,
  ): Promise<Answered<T>> {
    const attempts: ProxyAttempt[] = [];
    if (this.env !== undefined && !useProxyFor(this.env, path)) {
      const msg = this.versionError(
        path,
        version,
        new Error(
          'matches GOPRIVATE/GONOPROXY: the go command fetches it directly, not through a proxy',
        ),
      ).message;
      throw withContext(new SkippedError(msg, 'noproxy'));
    }
    let best: unknown;
    let bestRank = 0; // 0 not-found or skipped, 1 other proxy error
    for (const entry of this.entries) {
      if (entry.url === 'direct' || entry.url === 'off') {
        const why =
          entry.url === 'off'
            ? 'module lookup disabled by GOPROXY=off'
            : 'GOPROXY entry "direct" skipped: modseal never fetches from version control';
        attempts.push({ proxy: entry.url, outcome: 'skipped', message: why });
        best ??= withContext(
          new SkippedError(this.versionError(path, version, new Error(why)).message, entry.url),
        );
        break;
      }
      const shown = redactUrl(entry.url);
      try {
        const value = await this.withModuleContext(path, version, () => f(entry.url));
        attempts.push({ proxy: shown, outcome: 'ok' });
        return { value, proxy: shown, attempts };
      } catch (e) {
        const notFound = e instanceof NotFoundError;
        attempts.push({
          proxy: shown,
          outcome: notFound ? 'not-found' : 'error',
          message: e instanceof Error ? e.message : String(e),
        });
        if (!notFound && bestRank === 0) {
          best = e;
          bestRank = 1;
        } else if (bestRank === 0 && (best === undefined || best instanceof SkippedError)) {
          best = e;
        }
        if (entry.fallback !== 'any' && !notFound) break;
      }
    }
    if (best instanceof HttpError) Object.assign(best, { attempts });
    throw best;
  }
}

// Errors whose message already names the module, so it is not prefixed twice.
const contextAdded = new WeakSet<Error>();
function withContext<E extends Error>(e: E): E {
  contextAdded.add(e);
  return e;
}

/** Parses a `@v/list` body: first field must be valid semver, pseudo-versions dropped, order kept. */
function parseList(text: string): ListedVersion[] {
  const out: ListedVersion[] = [];
  for (const line of text.split('\n')) {
    const f = fields(line);
    const v = f[0];
    if (v === undefined || !isValidSemver(v) || isPseudoVersion(v)) continue;
    out.push(f[1] === undefined ? { version: v } : { version: v, time: f[1] });
  }
  return out;
}

function fields(line: string): string[] {
  return line.split(/\s+/).filter((s) => s !== '');
}

// Go's pathEscape: url.PathEscape (which escapes `!`, so `!azure` travels as
// `%21azure`), but `/` stays literal.
function pathEscape(s: string): string {
  return s.replace(/[^A-Za-z0-9\-_.~$&+:=@/]/g, (c) =>
    Array.from(Buffer.from(c, 'utf8'))
      .map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0'))
      .join(''),
  );
}

function statusTextOf(r: { status: number; statusText?: unknown }): string {
  if (typeof r.statusText === 'string' && r.statusText !== '') return r.statusText;
  return String(r.status);
}

function httpError(
  url: string,
  status: number,
  statusText: string,
  headers: Record<string, string>,
  body: Buffer,
  clock: Clock,
): HttpError {
  const shown = redactUrl(url);
  const detail = formatErrorDetail(body, headers['content-type']);
  const message = formatHttpError(shown, statusText, detail);
  const fields = { status, statusText, body: body.toString('utf8'), detail };
  if (status === 404 || status === 410) return new NotFoundError(message, shown, fields);
  const retryAfterMs = parseRetryAfter(headers['retry-after'], clock.now());
  return new ServerError(
    message,
    shown,
    retryAfterMs === undefined ? fields : { ...fields, retryAfterMs },
  );
}

function zipTooLarge(e: unknown): unknown {
  if (e instanceof TooLargeError) {
    return new TooLargeError('downloaded zip file too large', e.url, e.limit);
  }
  return e;
}

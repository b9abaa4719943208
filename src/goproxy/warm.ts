// Warming: make the mirror fetch a freshly pushed version. A "not found"
// right after the push is usually the mirror's cached miss (up to ~30 min)
// or a fetch still running, so it is retried with patience; a refusal of the
// version itself is final. Bodies are kept for the report.
import type { GoproxyClient } from './client.js';
import { isTransient, NotFoundError } from './errors.js';
import type { RevInfo } from './info.js';
import { backoffDelay, systemClock } from './retry.js';
import type { Clock } from './retry.js';

/** How a not-found body reads: the mirror is behind, or it refuses the version. */
export type NotFoundKind = 'lag' | 'refusal';

/** Classifies a proxy's not-found body (proxy-and-sumdb.md §3.1). */
export function classifyNotFound(body: string): NotFoundKind {
  const b = body.trim();
  if (b === '') return 'lag';
  if (b.includes('invalid version: unknown revision')) return 'lag';
  if (/invalid version|create zip|malformed/.test(b)) return 'refusal';
  // `unknown revision`, `fetch timed out`, `no matching versions` and anything
  // unrecognised: the cached miss may expire, so keep trying until the deadline.
  return 'lag';
}

/** Consecutive network or server failures (each after the client's retries) before giving up. */
const MAX_TRANSPORT_FAILURES = 3;

export interface WarmOptions {
  /** Absolute time (ms since epoch) after which no new attempt starts. */
  deadline: number;
  clock?: Clock;
  random?: () => number;
  /** First wait between attempts (2 s), doubling up to maxDelayMs (60 s), with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export type WarmResult =
  | {
      status: 'ready';
      /** The version the mirror answered: `version`, or `version+incompatible`. */
      version: string;
      info: RevInfo;
      proxy: string;
      attempts: number;
      /** Not-found bodies seen before success, oldest first. */
      bodies: string[];
    }
  | { status: 'refused'; error: NotFoundError; body: string; attempts: number }
  | { status: 'timeout'; error: unknown; body?: string; attempts: number }
  | { status: 'error'; error: unknown; attempts: number };

/**
 * Requests `.info` until the mirror has the version, refuses it, or the
 * deadline passes. An answer naming `<version>+incompatible` is followed.
 */
export async function warm(
  client: GoproxyClient,
  path: string,
  version: string,
  opts: WarmOptions,
): Promise<WarmResult> {
  const clock = opts.clock ?? systemClock;
  const random = opts.random ?? Math.random;
  const policy = { baseDelayMs: opts.baseDelayMs ?? 2_000, maxDelayMs: opts.maxDelayMs ?? 60_000 };
  const bodies: string[] = [];
  let lastError: unknown;
  let transportFailures = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      const a = await client.info(path, version);
      let info = a.value;
      if (info.Version === `${version}+incompatible`) {
        // Ask for the canonical name too, so the mirror caches the version under it.
        info = (await client.info(path, info.Version)).value;
      }
      return {
        status: 'ready',
        version: info.Version,
        info,
        proxy: a.proxy,
        attempts: attempt,
        bodies,
      };
    } catch (e) {
      lastError = e;
      if (e instanceof NotFoundError) {
        transportFailures = 0;
        bodies.push(e.body);
        if (classifyNotFound(e.body) === 'refusal') {
          return { status: 'refused', error: e, body: e.body, attempts: attempt };
        }
      } else if (!isTransient(e) || ++transportFailures >= MAX_TRANSPORT_FAILURES) {
        // Patience is for a mirror that answers "not yet"; one that cannot be
        // reached after the client's own retries is reported, not waited on
        // for the whole warm-timeout.
        return { status: 'error', error: e, attempts: attempt };
      }
    }
    const remaining = opts.deadline - clock.now();
    if (remaining <= 0) {
      const body = lastError instanceof NotFoundError ? lastError.body : undefined;
      return body === undefined
        ? { status: 'timeout', error: lastError, attempts: attempt }
        : { status: 'timeout', error: lastError, body, attempts: attempt };
    }
    const hint = (lastError as { retryAfterMs?: number } | undefined)?.retryAfterMs;
    const delay = Math.max(1, backoffDelay(attempt, policy, random, hint));
    await clock.sleep(Math.min(delay, remaining));
  }
}

/** Hosts known to serve a `/cached-only` base that never triggers an origin fetch. */
export const cachedOnlyHosts: readonly string[] = ['proxy.golang.org'];

/**
 * The `/cached-only` form of a proxy base URL, to learn what the mirror holds
 * without making it fetch; undefined for hosts not known to support it.
 */
export function cachedOnly(
  baseUrl: string,
  hosts: readonly string[] = cachedOnlyHosts,
): string | undefined {
  let u: URL;
  try {
    u = new URL(baseUrl);
  } catch {
    return undefined;
  }
  if (!hosts.includes(u.host) && !hosts.includes(u.hostname)) return undefined;
  const trimmed = baseUrl.replace(/\/+$/, '');
  return trimmed.endsWith('/cached-only') ? trimmed : `${trimmed}/cached-only`;
}

// Warming: make the mirror fetch a freshly pushed version. A "not found"
// right after the push is usually the mirror's cached miss (up to ~30 min)
// or a fetch still running, so it is lag to be asked about again; a refusal
// of the version itself is final. This is one attempt: the asking again,
// with its deadline and its progress lines, is the caller's retry loop
// (retry.ts), so every request is counted once. Bodies are kept for the report.
import type { GoproxyClient } from './client.js';
import { NotFoundError } from '../http/errors.js';
import type { RevInfo } from './info.js';

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

export type WarmAttempt =
  | {
      status: 'ready';
      /** The version the mirror answered: `version`, or `version+incompatible`. */
      version: string;
      info: RevInfo;
      proxy: string;
    }
  /** "Not found" that may pass: ask again later. */
  | { status: 'lag'; error: NotFoundError; body: string }
  /** "Not found" naming a problem with the version: asking again cannot help. */
  | { status: 'refused'; error: NotFoundError; body: string }
  | { status: 'error'; error: unknown };

/**
 * One request for `.info` that makes the mirror fetch the version. An answer
 * naming `<version>+incompatible` is followed (a second request, for the
 * canonical name, so the mirror caches the version under it).
 */
export async function warmOnce(
  client: GoproxyClient,
  path: string,
  version: string,
): Promise<WarmAttempt> {
  try {
    const a = await client.info(path, version);
    let info = a.value;
    if (info.Version === `${version}+incompatible`) {
      info = (await client.info(path, info.Version)).value;
    }
    return { status: 'ready', version: info.Version, info, proxy: a.proxy };
  } catch (e) {
    if (!(e instanceof NotFoundError)) return { status: 'error', error: e };
    return classifyNotFound(e.body) === 'refusal'
      ? { status: 'refused', error: e, body: e.body }
      : { status: 'lag', error: e, body: e.body };
  }
}

/** Hosts known to serve a `/cached-only` base that never triggers an origin fetch. */
const cachedOnlyHosts: readonly string[] = ['proxy.golang.org'];

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

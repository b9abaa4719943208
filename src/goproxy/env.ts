// GOPROXY / GOPRIVATE / GONOPROXY / GONOSUMDB / GOSUMDB as the go command
// reads them (cmd/go/internal/cfg and modfetch/proxy.go), so that `--proxy`
// and the environment mean exactly what they mean to `go mod download`.
import { InputError } from '../internal/errors.js';
import { matchPrefixPatterns } from './deps.js';
import { redactUrl } from '../http/redact.js';

/** What may happen after an entry fails: `,` falls through on not-found only, `|` on any error. */
export type Fallback = 'notfound' | 'any';

/** One GOPROXY entry: a proxy URL, or the keywords `direct` and `off`. */
export interface ProxyEntry {
  /** Absolute http(s) or file URL (credentials included, never shown), or `direct`, or `off`. */
  url: string;
  fallback: Fallback;
}

/** The go command's default GOPROXY. */
const defaultGoproxy = 'https://proxy.golang.org,direct';
/** The go command's default GOSUMDB. */
const defaultGosumdb = 'sum.golang.org';

/**
 * Parses a GOPROXY list with Go's rules: `,`/`|` separators, trimmed and
 * empty entries skipped, `direct` and `off` end the list, bare host names get
 * `https://`, only http, https and path-only file URLs are accepted. An empty
 * value means the default. Throws InputError with Go's message otherwise.
 */
export function parseGoproxy(value: string | undefined): ProxyEntry[] {
  let rest = value === undefined || value === '' ? defaultGoproxy : value;
  const list: ProxyEntry[] = [];
  while (rest !== '') {
    let raw: string;
    let fallback: Fallback = 'notfound';
    const i = rest.search(/[,|]/);
    if (i >= 0) {
      raw = rest.slice(0, i);
      fallback = rest[i] === '|' ? 'any' : 'notfound';
      rest = rest.slice(i + 1);
    } else {
      raw = rest;
      rest = '';
    }
    // Go trims Unicode white space; JS trim() is close enough for a URL list.
    let url = raw.trim();
    if (url === '') continue;
    if (url === 'off' || url === 'direct') {
      // Both end the walk in Go: `off` always fails hard and `direct` is
      // "the end of the line" kept for future compatibility.
      list.push({ url, fallback });
      break;
    }
    if (/[.:/]/.test(url) && !url.includes(':/') && !url.startsWith('/')) {
      url = 'https://' + url;
    }
    list.push({ url: checkProxyUrl(url), fallback });
  }
  if (list.length === 0) {
    throw new InputError('GOPROXY list is not the empty string, but contains no entries');
  }
  return list;
}

// Mirrors newProxyRepo's checks; returns the URL with its scheme lower-cased.
function checkProxyUrl(url: string): string {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  if (m === null) {
    throw new InputError(`invalid proxy URL missing scheme: ${redactUrl(url)}`);
  }
  const scheme = (m[1] ?? '').toLowerCase();
  const normalized = scheme + url.slice(scheme.length);
  switch (scheme) {
    case 'http':
    case 'https': {
      let parsed: URL;
      try {
        parsed = new URL(normalized);
      } catch {
        throw new InputError(`parse "${redactUrl(url)}": invalid URL`);
      }
      if (parsed.hostname === '') {
        throw new InputError(`parse "${redactUrl(url)}": missing host`);
      }
      return normalized;
    }
    case 'file':
      // Go accepts file URLs that carry nothing but a path.
      if (!/^file:\/\/\/[^?#]*$/.test(normalized) && !/^file:\/[^/?#][^?#]*$/.test(normalized)) {
        throw new InputError(
          `invalid file:// proxy URL with non-path elements: ${redactUrl(normalized)}`,
        );
      }
      return normalized;
    default:
      throw new InputError(
        `invalid proxy URL scheme (must be https, http, file): ${redactUrl(normalized)}`,
      );
  }
}

/** The go command's module-fetching environment, defaults applied. */
export interface GoEnv {
  GOPROXY: string;
  GOPRIVATE: string;
  GONOPROXY: string;
  GONOSUMDB: string;
  GOSUMDB: string;
  GOINSECURE: string;
  /** Path of the netrc file the go command would read. */
  NETRC: string;
}

/**
 * Reads the variables with Go's defaulting: empty counts as unset; GOPRIVATE
 * feeds GONOPROXY and GONOSUMDB when those are empty; NETRC falls back to
 * `$HOME/.netrc` (`%USERPROFILE%\_netrc` on Windows).
 */
export function goEnvFromProcess(
  env: Record<string, string | undefined>,
  platform: string = process.platform,
): GoEnv {
  const get = (k: string): string => env[k] ?? '';
  const or = (k: string, def: string): string => (get(k) !== '' ? get(k) : def);
  const goprivate = get('GOPRIVATE');
  let netrc = get('NETRC');
  if (netrc === '') {
    netrc =
      platform === 'win32'
        ? `${get('USERPROFILE')}\\_netrc`
        : `${get('HOME') !== '' ? get('HOME') : '~'}/.netrc`;
  }
  return {
    GOPROXY: or('GOPROXY', defaultGoproxy),
    GOPRIVATE: goprivate,
    GONOPROXY: or('GONOPROXY', goprivate),
    GONOSUMDB: or('GONOSUMDB', goprivate),
    GOSUMDB: or('GOSUMDB', defaultGosumdb),
    GOINSECURE: get('GOINSECURE'),
    NETRC: netrc,
  };
}

/** Whether the go command would fetch this module through the GOPROXY list (not GONOPROXY/GOPRIVATE). */
export function useProxyFor(
  env: Pick<GoEnv, 'GONOPROXY' | 'GOPROXY'>,
  modulePath: string,
): boolean {
  if (env.GOPROXY === 'direct') return false;
  return !matchPrefixPatterns(env.GONOPROXY, modulePath);
}

/** Whether the go command would verify this module against the checksum database. */
export function useSumdbFor(
  env: Pick<GoEnv, 'GONOSUMDB' | 'GOSUMDB'>,
  modulePath: string,
): boolean {
  // Go 1.21+ always checks toolchain downloads, whatever GOSUMDB/GONOSUMDB say.
  if (modulePath === 'golang.org/toolchain') return true;
  return env.GOSUMDB !== 'off' && !matchPrefixPatterns(env.GONOSUMDB, modulePath);
}

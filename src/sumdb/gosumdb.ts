// The GOSUMDB variable and how the go command finds the database's base URL
// (cmd/go/internal/modfetch sumdb.go, key.go).
import type { HttpClient } from '../internal/http.js';
import { InputError, errorMessage } from '../internal/errors.js';
import { SumdbHttpError, SumdbNotFoundError } from './errors.js';
import { parseVerifierKey } from './note.js';

/** The key of sum.golang.org compiled into the go command. */
export const SUM_GOLANG_ORG_KEY =
  'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';

/** Database names the go command knows the key of. */
const KNOWN_GOSUMDB: Readonly<Record<string, string>> = {
  'sum.golang.org': SUM_GOLANG_ORG_KEY,
};

/** What a GOSUMDB value means. */
export type GoSumdbSetting =
  | { off: true }
  | {
      off: false;
      name: string;
      verifierKey: string;
      /** The URL GOSUMDB named explicitly; when set, proxies are not probed. */
      url?: string;
      /** `https://<name>`, used when no proxy serves the database. */
      directUrl: string;
    };

/**
 * Parses GOSUMDB: `off`, a known name, `<vkey>`, or `<name-or-vkey> <url>`.
 * Empty means `sum.golang.org`; `sum.golang.google.cn` means sum.golang.org's
 * key at that host. Throws InputError with the go command's texts.
 */
export function parseGoSumdb(value: string): GoSumdbSetting {
  let v = value === '' ? 'sum.golang.org' : value;
  if (v === 'off') return { off: true };
  if (v === 'sum.golang.google.cn') v = 'sum.golang.org https://sum.golang.google.cn';
  // Go's strings.Fields splits on Unicode white space.
  const fields = v.split(/[\s\u0085]+/u).filter((f) => f !== '');
  if (fields.length >= 1) fields[0] = KNOWN_GOSUMDB[fields[0]!] ?? fields[0]!;
  if (fields.length === 0) throw new InputError('missing GOSUMDB');
  if (fields.length > 2) throw new InputError('invalid GOSUMDB: too many fields');
  let name: string;
  try {
    name = parseVerifierKey(fields[0]!).name;
  } catch (e) {
    throw new InputError(`invalid GOSUMDB: ${errorMessage(e)}`);
  }
  if (!isHostPath(name)) {
    throw new InputError(`invalid sumdb name (must be host[/path]): ${name}`);
  }
  const setting: GoSumdbSetting = {
    off: false,
    name,
    verifierKey: fields[0]!,
    directUrl: `https://${name}`,
  };
  if (fields.length === 2) {
    try {
      new URL(fields[1]!);
    } catch (e) {
      throw new InputError(`invalid GOSUMDB URL: ${errorMessage(e)}`);
    }
    setting.url = fields[1]!;
  }
  return setting;
}

// Go accepts a name only if "https://"+name parses to nothing but a host and
// a plain path: no user info, query, fragment, escapes or trailing slash.
function isHostPath(name: string): boolean {
  if (name.endsWith('/') || /[?#@%\\\s]/.test(name)) return false;
  const host = name.split('/')[0]!;
  if (host === '') return false;
  try {
    const u = new URL(`https://${name}`);
    return u.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * One GOPROXY entry as the database's proxy lookup needs it: a URL, or
 * `direct`, `off`, `noproxy`; `|` after it means fall back on any error.
 */
export interface SumdbProxy {
  url: string;
  fallBackOnError: boolean;
}

function joinUrl(base: string, rel: string): string {
  return `${base.replace(/\/+$/, '')}/${rel}`;
}

/**
 * The base URL for checksum-database requests, as the go command picks it:
 * an explicit GOSUMDB URL wins; otherwise each proxy is asked for
 * `<proxy>/sumdb/<name>/supported` (200: use `<proxy>/sumdb/<name>`; 404/410:
 * next; other failures: next only after `|`, else that error is final), and
 * when every entry says "not here" the database is contacted directly.
 */
export async function sumdbBaseUrl(
  setting: { name: string; url?: string; directUrl?: string },
  proxies: readonly SumdbProxy[],
  http: HttpClient,
  timeoutMs?: number,
): Promise<string> {
  if (setting.url !== undefined) return setting.url;
  const direct = setting.directUrl ?? `https://${setting.name}`;
  // Ranks as in the go command: a direct error beats a proxy error, which
  // beats "not found"; a final "not found" means: go direct.
  let best: { err: Error; notExist: boolean } | undefined;
  let bestRank = 0;
  for (const p of proxies) {
    let err: Error;
    let notExist: boolean;
    if (p.url === 'noproxy' || p.url === 'direct' || p.url === 'off') {
      err = new Error(p.url);
      notExist = true;
    } else {
      const url = joinUrl(p.url, `sumdb/${setting.name}/supported`);
      try {
        const res = await http.get(url, { timeoutMs });
        if (res.status === 200) return joinUrl(p.url, `sumdb/${setting.name}`);
        const body = res.body.toString('utf8').trim();
        const msg = `reading ${url}: ${res.status}${body ? `\n\tserver response: ${body}` : ''}`;
        notExist = res.status === 404 || res.status === 410;
        err = notExist
          ? new SumdbNotFoundError(msg, url, res.status, body)
          : new SumdbHttpError(msg, url, res.status, body);
      } catch (e) {
        err = new SumdbHttpError(`reading ${url}: ${errorMessage(e)}`, url, 0, '');
        notExist = false;
      }
    }
    if (p.url === 'direct') {
      best = { err, notExist };
      bestRank = 2;
    } else if (bestRank <= 1 && !notExist) {
      best = { err, notExist };
      bestRank = 1;
    } else if (bestRank === 0) {
      best = { err, notExist };
    }
    if (!p.fallBackOnError && !notExist) break;
  }
  if (best === undefined || best.notExist) return direct;
  throw best.err;
}

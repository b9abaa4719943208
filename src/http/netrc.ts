// Credentials for private proxies. Parsing and the choice of entry follow
// cmd/go/internal/auth so a .netrc that works for the go command works here
// (what Go passes over silently is reported); *sending* is stricter than
// Go: only to the origins of the configured private proxies, only over
// https (loopback http only when a test asks), never to Google's public
// services.
import { readFile } from 'node:fs/promises';
import { errorMessage } from '../internal/errors.js';

/** One complete `machine` entry. */
export interface NetrcEntry {
  machine: string;
  login: string;
  password: string;
}

/**
 * Something in a .netrc that the go command passes over without a word
 * (its parser never fails): `line` is 1-based. Quotes no value but a
 * machine name, since a misplaced word may be a password.
 */
export type NetrcProblem = (line: number, what: string) => void;

const KEYWORDS = new Set(['machine', 'login', 'password', 'macdef', 'default', 'account']);

/**
 * Parses .netrc text as the go command does: whitespace-separated tokens
 * read in pairs per line, an entry counts once machine, login and password
 * are all set, `macdef` skips the following lines up to an empty one, a
 * `default` alone at the end of a line ends the file. Go ignores anything
 * else silently; `problem`, when given, hears about each such thing, so a
 * .netrc that gives no credentials can be reported instead of swallowed.
 */
export function parseNetrc(text: string, problem?: NetrcProblem): NetrcEntry[] {
  const out: NetrcEntry[] = [];
  let cur: NetrcEntry = { machine: '', login: '', password: '' };
  let curLine = 0;
  let inMacro = false;
  const incomplete = (): void => {
    if (cur.machine === '') return;
    const missing = [cur.login === '' ? 'login' : '', cur.password === '' ? 'password' : '']
      .filter((m) => m !== '')
      .join(' and ');
    problem?.(curLine, `the entry for machine ${cur.machine} has no ${missing}`);
  };
  const lines = text.split('\n');
  for (const [n, line] of lines.entries()) {
    if (inMacro) {
      if (line === '') inMacro = false;
      continue;
    }
    const f = line.split(/\s+/).filter((t) => t !== '');
    let i = 0;
    for (; i < f.length - 1; i += 2) {
      const key = f[i] ?? '';
      const val = f[i + 1] ?? '';
      if (key === 'machine') {
        incomplete();
        cur = { machine: val, login: '', password: '' };
        curLine = n + 1;
      } else if (key === 'login' || key === 'password') {
        if (cur.machine === '') problem?.(n + 1, `\`${key}\` outside a machine entry`);
        cur[key] = val;
      } else if (key === 'macdef') inMacro = true;
      else if (key === 'default' || key === 'account') {
        problem?.(n + 1, `\`${key}\` and the word after it`);
      } else problem?.(n + 1, 'a word where a keyword (machine, login, password) belongs');
      if (cur.machine !== '' && cur.login !== '' && cur.password !== '') {
        out.push(cur);
        cur = { machine: '', login: '', password: '' };
      }
    }
    if (i < f.length) {
      const last = f[i] ?? '';
      // Only a `default` left alone at the end of a line stops the file, as in Go.
      if (last === 'default') {
        if (lines.slice(n + 1).some((l) => l.trim() !== '')) {
          problem?.(n + 1, 'the lines after a lone `default`');
        }
        break;
      }
      problem?.(
        n + 1,
        KEYWORDS.has(last)
          ? `\`${last}\` without a value on its line`
          : 'a word without a keyword at the end of the line',
      );
    }
  }
  incomplete();
  return out;
}

/**
 * The .netrc at `file` (the go command's NETRC), as the go command reads
 * it: no file means no credentials. Where Go stays silent — a file it
 * cannot read, lines it passes over — `warn` hears one line each, so a
 * private proxy's missing credentials have a visible cause; none of it
 * fails the run, as it does not fail the go command.
 */
export async function readNetrcFile(
  file: string | undefined,
  warn: (message: string) => void,
): Promise<NetrcEntry[]> {
  if (file === undefined || file === '') return [];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      warn(`cannot read the netrc file ${file} (${errorMessage(e)}): no credentials come from it`);
    }
    return [];
  }
  return parseNetrc(text, (line, what) => {
    warn(`netrc file ${file}, line ${line}: ${what}; ignored, as the go command ignores it`);
  });
}

/** Decides the Authorization header for a request URL, or none. */
export interface CredentialSource {
  authorizationFor(url: URL): string | undefined;
  /** Secret strings to scrub from any message. */
  readonly secrets: readonly string[];
}

/** Hosts that never get credentials, whatever the configuration says. */
const publicGoHosts: readonly string[] = [
  'proxy.golang.org',
  'sum.golang.org',
  'index.golang.org',
  'sum.golang.google.cn',
];

export interface CredentialOptions {
  /** Parsed .netrc entries (see parseNetrc). */
  netrc?: readonly NetrcEntry[];
  /** An explicit token: the full Authorization header value (e.g. `Bearer …`). */
  token?: string;
  /**
   * Base URLs of the private proxies that may receive credentials. Matched
   * by origin (scheme, host, port), so another port on the same host gets
   * nothing. User info in these URLs is itself a credential (HTTP Basic).
   */
  privateProxies: readonly string[];
  /** Tests only: allow sending to http://127.0.0.1 / [::1]. */
  allowLoopbackHttp?: boolean;
}

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === '[::1]' || hostname === 'localhost';
}

function basic(user: string, pass: string): string {
  return 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');
}

/**
 * The entry the go command would use for `url`: a machine names the URL
 * without its scheme or one of its prefixes that ends before a `/`, the
 * longest first — the host with its port when the URL has one
 * (`machine proxy.example:8443`), or a host and path.
 */
function netrcEntryFor(
  url: URL,
  machines: ReadonlyMap<string, NetrcEntry>,
): NetrcEntry | undefined {
  let prefix = `${url.host}${url.pathname}${url.search}`.replace(/\/$/, '');
  for (;;) {
    const e = machines.get(prefix);
    if (e !== undefined) return e;
    const slash = prefix.lastIndexOf('/');
    if (slash < 0) return undefined;
    prefix = prefix.slice(0, slash);
  }
}

/** Builds the credential policy described on CredentialOptions. */
export function createCredentials(opts: CredentialOptions): CredentialSource {
  const origins = new Map<string, string | undefined>();
  const secrets: string[] = [];
  if (opts.token !== undefined) {
    secrets.push(opts.token);
    const sp = opts.token.indexOf(' ');
    if (sp >= 0) secrets.push(opts.token.slice(sp + 1));
  }
  for (const raw of opts.privateProxies) {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      continue;
    }
    if (publicGoHosts.includes(u.hostname)) continue;
    let fromUrl: string | undefined;
    if (u.username !== '' || u.password !== '') {
      const user = decodeURIComponent(u.username);
      const pass = decodeURIComponent(u.password);
      fromUrl = basic(user, pass);
      secrets.push(...[user, pass, u.username, u.password].filter((s) => s !== ''));
    }
    origins.set(u.origin, fromUrl);
  }
  // The first entry for a machine wins, as in the go command.
  const machines = new Map<string, NetrcEntry>();
  for (const e of opts.netrc ?? []) {
    secrets.push(e.password);
    if (!machines.has(e.machine)) machines.set(e.machine, e);
  }
  return {
    secrets,
    authorizationFor(url: URL): string | undefined {
      if (publicGoHosts.includes(url.hostname)) return undefined;
      if (!origins.has(url.origin)) return undefined;
      const secure =
        url.protocol === 'https:' ||
        (url.protocol === 'http:' && opts.allowLoopbackHttp === true && isLoopback(url.hostname));
      if (!secure) return undefined;
      const fromUrl = origins.get(url.origin);
      if (fromUrl !== undefined) return fromUrl;
      if (opts.token !== undefined) return opts.token;
      const e = netrcEntryFor(url, machines);
      return e === undefined ? undefined : basic(e.login, e.password);
    },
  };
}

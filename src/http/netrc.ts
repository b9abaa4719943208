// Credentials for private proxies. Parsing follows cmd/go/internal/auth so a
// .netrc that works for the go command works here; *sending* is stricter
// than Go: only to the origins of the configured private proxies, only over
// https (loopback http only when a test asks), never to Google's public
// services.

/** One complete `machine` entry. */
export interface NetrcEntry {
  machine: string;
  login: string;
  password: string;
}

/**
 * Parses .netrc text as the go command does: whitespace-separated tokens,
 * an entry counts once machine, login and password are all set, `macdef`
 * skips the following lines up to an empty one, `default` ends the file.
 */
export function parseNetrc(text: string): NetrcEntry[] {
  const out: NetrcEntry[] = [];
  let cur: NetrcEntry = { machine: '', login: '', password: '' };
  let inMacro = false;
  for (const line of text.split('\n')) {
    if (inMacro) {
      if (line === '') inMacro = false;
      continue;
    }
    const f = line.split(/\s+/).filter((t) => t !== '');
    let i = 0;
    for (; i < f.length - 1; i += 2) {
      const key = f[i];
      const val = f[i + 1] ?? '';
      if (key === 'machine') cur = { machine: val, login: '', password: '' };
      else if (key === 'login') cur.login = val;
      else if (key === 'password') cur.password = val;
      else if (key === 'macdef') inMacro = true;
      if (cur.machine !== '' && cur.login !== '' && cur.password !== '') {
        out.push(cur);
        cur = { machine: '', login: '', password: '' };
      }
    }
    // Only a `default` left alone at the end of a line stops the file, as in Go.
    if (i < f.length && f[i] === 'default') break;
  }
  return out;
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
  for (const e of opts.netrc ?? []) secrets.push(e.password);
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
      // Like Go, netrc machines are bare host names.
      const e = (opts.netrc ?? []).find((n) => n.machine === url.hostname);
      return e === undefined ? undefined : basic(e.login, e.password);
    },
  };
}

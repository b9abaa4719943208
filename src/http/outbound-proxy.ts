// Which outbound HTTP proxy a request goes through, decided from the
// environment exactly as the go command decides it (net/http's
// ProxyFromEnvironment, as today's Go has it), so that a self-hosted runner behind a
// corporate proxy reaches the mirror and the checksum database the same way
// `go mod download` does, and a NO_PROXY that exempts an internal GOPROXY
// exempts it here too.
//
// Rules, as Go applies them (checked against Go 1.27):
// - HTTPS_PROXY for https URLs, HTTP_PROXY for http URLs; for each, the
//   upper-case name wins when set and non-empty, the lower-case one is the
//   fallback (curl prefers lower case; Go does not).
// - A value that does not parse as a URL with a scheme and a host is
//   retried as `http://value`, so `proxy:3128` means `http://proxy:3128`. A
//   URL with an unknown scheme is kept as it is (Go 1.19 still retried it;
//   Go's transport then refuses the scheme, as our client does). A value
//   that parses neither way is ignored.
// - NO_PROXY (or no_proxy) is a comma list of `*`, IP addresses, CIDR
//   blocks, domains (matching the name and its subdomains), `.domains` or
//   `*.domains` (subdomains only), each optionally with `:port`.
// - localhost and loopback addresses are never proxied.
// - With REQUEST_METHOD set (a CGI process), HTTP_PROXY may be
//   attacker-controlled, so an http request fails instead of using it.
import { domainToASCII } from 'node:url';

/** The environment variables this module reads; values as in `process.env`. */
export type ProxyEnv = Readonly<Record<string, string | undefined>>;

export interface ProxyResolverOptions {
  /**
   * Tests only: also route localhost and loopback targets through the proxy.
   * Go never does, and a test's loopback servers are the only reachable ones.
   */
  loopback?: boolean;
}

/** Go's error for HTTP_PROXY inside a CGI process (REQUEST_METHOD set). */
export const cgiProxyRefusal =
  'refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy';

/** Thrown by a resolver when Go would refuse the request rather than pick a route. */
export class ProxyRefusedError extends Error {
  override name = 'ProxyRefusedError';
}

// An IP address as 16 bytes; IPv4 is stored IPv4-mapped (::ffff:a.b.c.d) so
// that 10.0.0.1 and ::ffff:10.0.0.1 compare equal, as Go's net.IP does.
type Ip = Uint8Array;

const v4Prefix = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function ipv4(a: number, b: number, c: number, d: number): Ip {
  return Uint8Array.from([...v4Prefix, a, b, c, d]);
}

/** The 4-byte form when the address is IPv4 (plain or mapped), else undefined. */
function to4(ip: Ip): Ip | undefined {
  if (ip.length === 4) return ip;
  for (let i = 0; i < 12; i++) if (ip[i] !== v4Prefix[i]) return undefined;
  return ip.subarray(12);
}

// Leading digits of s in `base` (10 or 16): [value, digits consumed]; value
// -1 when there are none or, like Go's dtoi/xtoi, the number grows too big.
function numberPrefix(s: string, base: 10 | 16): [number, number] {
  let n = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const d = parseInt(s[i] ?? '', base);
    if (Number.isNaN(d)) break;
    n = n * base + d;
    if (n >= 0xffffff) return [-1, i];
  }
  return [i === 0 ? -1 : n, i];
}

function decimalPrefix(s: string): [number, number] {
  return numberPrefix(s, 10);
}

function parseIpv4(text: string): Ip | undefined {
  const parts: number[] = [];
  let s = text;
  for (let i = 0; i < 4; i++) {
    if (s === '') return undefined;
    if (i > 0) {
      if (s[0] !== '.') return undefined;
      s = s.slice(1);
    }
    const [n, used] = decimalPrefix(s);
    if (n < 0 || n > 255) return undefined;
    // Go 1.17+ rejects leading zeros (they would read as octal elsewhere).
    if (used > 1 && s[0] === '0') return undefined;
    parts.push(n);
    s = s.slice(used);
  }
  if (s !== '') return undefined;
  return ipv4(parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 0);
}

function parseIpv6(text: string): Ip | undefined {
  const ip = new Uint8Array(16);
  let s = text;
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return ip;
  }
  let i = 0;
  while (i < 16) {
    const [n, used] = numberPrefix(s, 16);
    if (n < 0 || n > 0xffff) return undefined;
    if (s[used] === '.') {
      // A trailing dotted IPv4 part fills the last four bytes.
      if ((ellipsis < 0 && i !== 12) || i + 4 > 16) return undefined;
      const v4 = parseIpv4(s);
      if (v4 === undefined) return undefined;
      ip.set(v4.subarray(12), i);
      s = '';
      i += 4;
      break;
    }
    ip[i] = n >> 8;
    ip[i + 1] = n & 0xff;
    i += 2;
    s = s.slice(used);
    if (s === '') break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const gap = 16 - i;
    ip.copyWithin(ellipsis + gap, ellipsis, i);
    ip.fill(0, ellipsis, ellipsis + gap);
  } else if (ellipsis >= 0) {
    return undefined;
  }
  return ip;
}

/** Go's net.ParseIP: dotted IPv4 or IPv6 text (no zone), else undefined. */
function parseIp(s: string): Ip | undefined {
  for (const c of s) {
    if (c === '.') return parseIpv4(s);
    if (c === ':') return parseIpv6(s);
  }
  return undefined;
}

interface Cidr {
  net: Uint8Array;
  mask: Uint8Array;
}

function prefixMask(ones: number, bytes: number): Uint8Array {
  const m = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    const bits = Math.max(0, Math.min(8, ones - 8 * i));
    m[i] = (0xff00 >> bits) & 0xff;
  }
  return m;
}

/** Go's net.ParseCIDR: an IPv4 block keeps 4-byte network and mask, IPv6 16. */
function parseCidr(s: string): Cidr | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const addr = s.slice(0, slash);
  const bitsText = s.slice(slash + 1);
  let bytes = 4;
  let ip = parseIpv4(addr);
  if (ip === undefined) {
    bytes = 16;
    ip = parseIpv6(addr);
  }
  const [bits, used] = decimalPrefix(bitsText);
  if (ip === undefined || bits < 0 || used !== bitsText.length || bits > 8 * bytes) {
    return undefined;
  }
  const mask = prefixMask(bits, bytes);
  const base = bytes === 4 ? ip.subarray(12) : ip;
  return { net: base.map((b, i) => b & (mask[i] ?? 0)), mask };
}

function cidrContains(c: Cidr, ip: Ip): boolean {
  // An IPv6 block written with an IPv4-mapped address matches IPv4 targets
  // on the low 32 bits of its mask, as Go's IPNet.Contains does.
  const net = to4(c.net) ?? c.net;
  const mask = net.length === 4 && c.mask.length === 16 ? c.mask.subarray(12) : c.mask;
  const target = to4(ip) ?? ip;
  if (target.length !== net.length || mask.length !== net.length) return false;
  for (let i = 0; i < net.length; i++) {
    const m = mask[i] ?? 0;
    if (((net[i] ?? 0) & m) !== ((target[i] ?? 0) & m)) return false;
  }
  return true;
}

function sameIp(a: Ip, b: Ip): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function isLoopbackIp(ip: Ip): boolean {
  const v4 = to4(ip);
  if (v4 !== undefined) return v4[0] === 127;
  return ip.every((b, i) => b === (i === 15 ? 1 : 0));
}

/** Go's net.SplitHostPort, without its error texts (callers only need success). */
function splitHostPort(hostport: string): [string, string] | undefined {
  const colon = hostport.lastIndexOf(':');
  if (colon < 0) return undefined;
  let host: string;
  let from = 0;
  let to = 0;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0 || end + 1 !== colon) return undefined;
    host = hostport.slice(1, end);
    from = 1;
    to = end + 1;
  } else {
    host = hostport.slice(0, colon);
    if (host.includes(':')) return undefined;
  }
  if (hostport.slice(from).includes('[') || hostport.slice(to).includes(']')) return undefined;
  return [host, hostport.slice(colon + 1)];
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

// Control bytes, space, DEL, or a backslash.
function hasBlankOrControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f || c === 0x5c) return true;
  }
  return false;
}

// Go converts non-ASCII names with IDNA (lookup profile) and keeps the text
// as is when that fails; Node's domainToASCII answers '' on failure.
function idnaAscii(s: string): string {
  if (isAscii(s)) return s;
  const lead = s.startsWith('.') ? '.' : '';
  const ascii = domainToASCII(s.slice(lead.length));
  return ascii === '' ? s : lead + ascii;
}

type Matcher =
  | { kind: 'all' }
  | { kind: 'cidr'; cidr: Cidr }
  | { kind: 'ip'; ip: Ip; port: string }
  /** `host` starts with a dot; `alsoExact` when the entry named the domain itself. */
  | { kind: 'domain'; host: string; port: string; alsoExact: boolean };

function parseNoProxy(value: string): { ip: Matcher[]; domain: Matcher[] } {
  const ip: Matcher[] = [];
  const domain: Matcher[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return { ip: [{ kind: 'all' }], domain: [{ kind: 'all' }] };
    const cidr = parseCidr(entry);
    if (cidr !== undefined) {
      ip.push({ kind: 'cidr', cidr });
      continue;
    }
    let host = entry;
    let port = '';
    const split = splitHostPort(entry);
    if (split !== undefined) {
      [host, port] = split;
      // `:80` alone names no host: ignored, like Go.
      if (host === '') continue;
      if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
    }
    const addr = parseIp(host);
    if (addr !== undefined) {
      ip.push({ kind: 'ip', ip: addr, port });
      continue;
    }
    if (host === '') continue;
    if (host.startsWith('*.')) host = host.slice(1);
    const alsoExact = !host.startsWith('.');
    if (alsoExact) host = '.' + host;
    domain.push({ kind: 'domain', host: idnaAscii(host), port, alsoExact });
  }
  return { ip, domain };
}

function matches(m: Matcher, host: string, port: string, ip: Ip | undefined): boolean {
  switch (m.kind) {
    case 'all':
      return true;
    case 'cidr':
      return ip !== undefined && cidrContains(m.cidr, ip);
    case 'ip':
      return ip !== undefined && sameIp(m.ip, ip) && (m.port === '' || m.port === port);
    case 'domain':
      return (
        (host.endsWith(m.host) || (m.alsoExact && host === m.host.slice(1))) &&
        (m.port === '' || m.port === port)
      );
  }
}

// Go rejects control bytes and, in a host, spaces; WHATWG would silently
// strip leading/trailing blanks and inner tabs/newlines, so a value with any
// of them (or a backslash, which WHATWG reads as `/`) is not a URL here.
function goParsable(s: string): URL | undefined {
  if (hasBlankOrControl(s)) return undefined;
  // Go also refuses a `%` that starts no escape (before any query).
  if (/%(?![0-9A-Fa-f]{2})/.test(s.split('?')[0] ?? '')) return undefined;
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

/**
 * A proxy setting as Go reads it: a URL, or `host[:port]` meaning
 * `http://host[:port]`; undefined when empty or unparsable (Go ignores those).
 */
function parseProxySetting(value: string): URL | undefined {
  if (value === '') return undefined;
  const direct = goParsable(value);
  if (direct === undefined || direct.host === '') {
    const withScheme = goParsable(`http://${value}`);
    if (withScheme !== undefined) return withScheme;
  }
  return direct;
}

function firstSet(env: ProxyEnv, ...names: string[]): string {
  for (const n of names) {
    const v = env[n];
    if (v !== undefined && v !== '') return v;
  }
  return '';
}

const defaultPorts: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };

/**
 * Reads HTTP_PROXY, HTTPS_PROXY, NO_PROXY (or their lower-case forms) and
 * REQUEST_METHOD once, and returns the routing function: the proxy URL for a
 * request URL, or undefined to connect directly. The function throws
 * ProxyRefusedError where Go fails the request (HTTP_PROXY in a CGI process).
 */
export function proxyResolver(
  env: ProxyEnv,
  options: ProxyResolverOptions = {},
): (url: URL) => URL | undefined {
  const httpProxy = parseProxySetting(firstSet(env, 'HTTP_PROXY', 'http_proxy'));
  const httpsProxy = parseProxySetting(firstSet(env, 'HTTPS_PROXY', 'https_proxy'));
  const noProxy = parseNoProxy(firstSet(env, 'NO_PROXY', 'no_proxy'));
  const cgi = (env.REQUEST_METHOD ?? '') !== '';

  function useProxy(url: URL): boolean {
    const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const host = idnaAscii(hostname).trim().toLowerCase();
    const port = url.port !== '' ? url.port : (defaultPorts[url.protocol] ?? '');
    const ip = parseIp(host);
    if (options.loopback !== true) {
      if (hostname === 'localhost') return false;
      if (ip !== undefined && isLoopbackIp(ip)) return false;
    }
    if (ip !== undefined && noProxy.ip.some((m) => matches(m, host, port, ip))) return false;
    return !noProxy.domain.some((m) => matches(m, host, port, ip));
  }

  return (url) => {
    let proxy: URL | undefined;
    if (url.protocol === 'https:') {
      proxy = httpsProxy;
    } else if (url.protocol === 'http:') {
      proxy = httpProxy;
      if (proxy !== undefined && cgi) throw new ProxyRefusedError(cgiProxyRefusal);
    }
    if (proxy === undefined || !useProxy(url)) return undefined;
    // A copy: callers may not change what later requests see.
    return new URL(proxy.href);
  };
}

/**
 * The proxy for one request URL under `env`, by Go's rules (see
 * proxyResolver); undefined means connect directly.
 */
export function proxyForUrl(
  url: URL,
  env: ProxyEnv,
  options: ProxyResolverOptions = {},
): URL | undefined {
  return proxyResolver(env, options)(url);
}

/** `Proxy-Authorization` for a proxy URL with user info (HTTP Basic, as Go sends it), else undefined. */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (proxy.username === '' && proxy.password === '') return undefined;
  const user = safeDecode(proxy.username);
  const pass = safeDecode(proxy.password);
  return 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');
}

/** Strings from the proxy settings that must never appear in a message. */
export function proxySecrets(env: ProxyEnv): string[] {
  const out: string[] = [];
  for (const names of [
    ['HTTP_PROXY', 'http_proxy'],
    ['HTTPS_PROXY', 'https_proxy'],
  ]) {
    const p = parseProxySetting(firstSet(env, ...names));
    if (p === undefined) continue;
    for (const s of [p.username, p.password]) {
      if (s === '') continue;
      out.push(s);
      const decoded = safeDecode(s);
      if (decoded !== s) out.push(decoded);
    }
    const auth = proxyAuthorization(p);
    if (auth !== undefined) out.push(auth.slice('Basic '.length));
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// Outbound proxies as the go command uses them: the routing rules against
// Go's own test tables (and, where the oracle is installed, against today's
// Go's net/http itself), then the client through a CONNECT proxy on loopback.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createCredentials,
  createNodeHttpClient,
  isTransient,
  NetworkError,
  TimeoutError,
} from '../../src/http/index.js';
import {
  cgiProxyRefusal,
  proxyForUrl,
  ProxyRefusedError,
  type ProxyEnv,
} from '../../src/http/outbound-proxy.js';
import { describeWithGo } from '../oracle/go-env.js';
import { buildGoProgram } from '../oracle/xmod-program.js';

// ---------------------------------------------------------------------------
// Routing rules

/** What decides a connection: scheme, host, port (default filled in), user info. */
interface Route {
  scheme: string;
  host: string;
  port: string;
  user: string;
  password: string;
}

const defaultPort: Record<string, string> = { http: '80', https: '443', socks5: '1080' };

function routeOf(u: URL): Route {
  const scheme = u.protocol.slice(0, -1);
  return {
    scheme,
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: u.port !== '' ? u.port : (defaultPort[scheme] ?? ''),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
}

type Outcome = Route | 'direct' | { error: string };

function ours(env: ProxyEnv, url: string): Outcome {
  try {
    const p = proxyForUrl(new URL(url), env);
    return p === undefined ? 'direct' : routeOf(p);
  } catch (e) {
    if (e instanceof ProxyRefusedError) return { error: e.message };
    throw e;
  }
}

// Go's `want` strings: "<nil>" or a proxy URL.
function expected(want: string): Outcome {
  return want === '<nil>' ? 'direct' : routeOf(new URL(want));
}

interface GoConfig {
  HTTPProxy?: string;
  HTTPSProxy?: string;
  NoProxy?: string;
  CGI?: boolean;
}

function envOf(cfg: GoConfig): Record<string, string> {
  const env: Record<string, string> = {};
  if (cfg.HTTPProxy !== undefined) env.HTTP_PROXY = cfg.HTTPProxy;
  if (cfg.HTTPSProxy !== undefined) env.HTTPS_PROXY = cfg.HTTPSProxy;
  if (cfg.NoProxy !== undefined) env.NO_PROXY = cfg.NoProxy;
  if (cfg.CGI === true) env.REQUEST_METHOD = 'GET';
  return env;
}

interface TableCase {
  cfg: GoConfig;
  req?: string;
  want: string;
  wanterr?: string;
}

// proxyForURLTests from golang/net http/httpproxy/proxy_test.go (commit
// 29181b8c03a8e33d784696b8cf368d3d7b576a9e), as data. Left out: the case
// `http://[1000::%25.example.com]:123`, whose zone identifier a WHATWG URL
// cannot hold, so no such request can reach the client.
const proxyForURLTests: TableCase[] = [
  { cfg: { HTTPProxy: '127.0.0.1:8080' }, want: 'http://127.0.0.1:8080' },
  { cfg: { HTTPProxy: 'cache.corp.example.com:1234' }, want: 'http://cache.corp.example.com:1234' },
  { cfg: { HTTPProxy: 'cache.corp.example.com' }, want: 'http://cache.corp.example.com' },
  { cfg: { HTTPProxy: 'localhost' }, want: 'http://localhost' },
  { cfg: { HTTPProxy: 'https://cache.corp.example.com' }, want: 'https://cache.corp.example.com' },
  { cfg: { HTTPProxy: 'http://127.0.0.1:8080' }, want: 'http://127.0.0.1:8080' },
  { cfg: { HTTPProxy: 'https://127.0.0.1:8080' }, want: 'https://127.0.0.1:8080' },
  { cfg: { HTTPProxy: 'socks5://127.0.0.1' }, want: 'socks5://127.0.0.1' },
  // Today's Go keeps unknown schemes (Go 1.19 retried the value as
  // `http://foo://host`, host "foo").
  { cfg: { HTTPProxy: 'foo://host' }, want: 'foo://host' },
  {
    cfg: { HTTPProxy: 'http.proxy.tld', HTTPSProxy: 'secure.proxy.tld' },
    req: 'http://insecure.tld/',
    want: 'http://http.proxy.tld',
  },
  {
    cfg: { HTTPProxy: 'http.proxy.tld', HTTPSProxy: 'secure.proxy.tld' },
    req: 'https://secure.tld/',
    want: 'http://secure.proxy.tld',
  },
  {
    cfg: { HTTPProxy: 'http.proxy.tld', HTTPSProxy: 'https://secure.proxy.tld' },
    req: 'https://secure.tld/',
    want: 'https://secure.proxy.tld',
  },
  { cfg: { HTTPProxy: 'http.proxy.tld' }, req: 'https://secure.tld/', want: '<nil>' },
  { cfg: { HTTPProxy: 'http.proxy.tld' }, req: 'ftp://insecure.tld/', want: '<nil>' },
  {
    cfg: { HTTPProxy: 'http://10.1.2.3:8080', CGI: true },
    want: '<nil>',
    wanterr: 'refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy',
  },
  {
    cfg: { HTTPSProxy: 'https://secure.proxy.tld', CGI: true },
    req: 'https://secure.tld/',
    want: 'https://secure.proxy.tld',
  },
  { cfg: {}, want: '<nil>' },
  {
    cfg: { NoProxy: 'example.com', HTTPProxy: 'proxy' },
    req: 'http://example.com/',
    want: '<nil>',
  },
  {
    cfg: { NoProxy: '.example.com', HTTPProxy: 'proxy' },
    req: 'http://example.com/',
    want: 'http://proxy',
  },
  {
    cfg: { NoProxy: 'ample.com', HTTPProxy: 'proxy' },
    req: 'http://example.com/',
    want: 'http://proxy',
  },
  {
    cfg: { NoProxy: 'example.com', HTTPProxy: 'proxy' },
    req: 'http://foo.example.com/',
    want: '<nil>',
  },
  {
    cfg: { NoProxy: '.foo.com', HTTPProxy: 'proxy' },
    req: 'http://example.com/',
    want: 'http://proxy',
  },
  { cfg: { NoProxy: '.示例.com', HTTPProxy: 'proxy' }, req: 'http://www.示例.com', want: '<nil>' },
  {
    cfg: { NoProxy: 'xn--fsq092h.com', HTTPProxy: 'proxy' },
    req: 'http://www.示例.com',
    want: '<nil>',
  },
  {
    cfg: { NoProxy: '示例.com', HTTPProxy: 'proxy' },
    req: 'http://www.xn--fsq092h.com',
    want: '<nil>',
  },
];

// UseProxyTests and noProxy from the same file: `match` means "use the proxy"
// for host:80. Go's test calls useProxy directly; here the same question is
// asked through a request URL with HTTP_PROXY set.
const noProxy =
  'foobar.com, .barbaz.net, *.wildcard.io, 192.168.1.1, 192.168.1.2:81, 192.168.1.3:80, 10.0.0.0/30, 2001:db8::52:0:1, [2001:db8::52:0:2]:443, [2001:db8::52:0:3]:80, 2002:db8:a::45/64';
const useProxyTests: [host: string, match: boolean][] = [
  ['localhost', false],
  ['127.0.0.1', false],
  ['127.0.0.2', false],
  ['[::1]', false],
  ['[::2]', true],
  ['192.168.1.1', false],
  ['192.168.1.2', true],
  ['192.168.1.3', false],
  ['192.168.1.4', true],
  ['10.0.0.2', false],
  ['[2001:db8::52:0:1]', false],
  ['[2001:db8::52:0:2]', true],
  ['[2001:db8::52:0:3]', false],
  ['[2002:db8:a::123]', false],
  ['[fe80::424b:c8be:1643:a1b6]', true],
  ['barbaz.net', true],
  ['www.barbaz.net', false],
  ['foobar.com', false],
  ['www.foobar.com', false],
  ['foofoobar.com', true],
  ['baz.com', true],
  ['localhost.net', true],
  ['local.localhost', true],
  ['barbarbaz.net', true],
  ['wildcard.io', true],
  ['nested.wildcard.io', false],
  ['awildcard.io', true],
];

function tableExpectation(t: TableCase): Outcome {
  if (t.wanterr !== undefined) return { error: t.wanterr };
  return expected(t.want);
}

describe('proxyForUrl against Go’s httpproxy tables', () => {
  it.each(proxyForURLTests.map((t) => [JSON.stringify(t.cfg), t.req ?? 'http://example.com', t]))(
    '%s %s',
    (_cfg, req, t) => {
      expect(ours(envOf(t.cfg), req)).toEqual(tableExpectation(t));
    },
  );

  it.each(useProxyTests)('NO_PROXY table: %s uses the proxy: %s', (host, match) => {
    const got = ours({ HTTP_PROXY: 'proxy', NO_PROXY: noProxy }, `http://${host}:80/`);
    expect(got !== 'direct').toBe(match);
  });

  it.each(useProxyTests)('NO_PROXY=* sends %s directly', (host) => {
    expect(ours({ HTTP_PROXY: 'proxy', NO_PROXY: '*' }, `http://${host}:80/`)).toBe('direct');
  });

  it('an entry with no host (":1") is ignored (TestInvalidNoProxy)', () => {
    expect(ours({ HTTP_PROXY: 'proxy', NO_PROXY: ':1' }, 'http://example.com:80/')).not.toBe(
      'direct',
    );
  });

  it('reads the lower-case names too (TestFromEnvironmentLowerCase)', () => {
    const env = { http_proxy: 'httpproxy', https_proxy: 'httpsproxy', no_proxy: 'noproxy' };
    expect(ours(env, 'http://example.com/')).toEqual(expected('http://httpproxy'));
    expect(ours(env, 'https://example.com/')).toEqual(expected('http://httpsproxy'));
    expect(ours(env, 'https://noproxy/')).toBe('direct');
  });

  it('gives the CGI refusal Go gives', () => {
    expect(ours({ HTTP_PROXY: 'p', REQUEST_METHOD: 'POST' }, 'http://x.example/')).toEqual({
      error: cgiProxyRefusal,
    });
  });
});

// Cases beyond Go's tables; their answers come from the oracle Go itself.
const oracleCases: { name: string; env: Record<string, string>; urls: string[] }[] = [
  {
    name: 'upper case wins; an empty value counts as unset',
    env: { HTTP_PROXY: 'upper:1', http_proxy: 'lower:2', HTTPS_PROXY: '', https_proxy: 'lower:3' },
    urls: ['http://example.com/', 'https://example.com/'],
  },
  {
    name: 'an empty NO_PROXY falls back to no_proxy',
    env: { HTTPS_PROXY: 'p:1', NO_PROXY: '', no_proxy: 'example.com' },
    urls: ['https://example.com/', 'https://other.example/'],
  },
  {
    name: 'blanks around a value',
    env: { HTTPS_PROXY: ' http://x:1 ' },
    urls: ['https://example.com/'],
  },
  { name: 'a bad escape', env: { HTTPS_PROXY: '%zz' }, urls: ['https://example.com/'] },
  {
    name: 'escaped user info',
    env: { HTTPS_PROXY: 'http://us%40er:p%3Ass@proxy.corp:3128/' },
    urls: ['https://a.example/'],
  },
  {
    name: 'IPv6 host:port',
    env: { HTTPS_PROXY: '[2001:db8::1]:3128' },
    urls: ['https://a.example/'],
  },
  {
    name: 'socks5 kept as is',
    env: { HTTPS_PROXY: 'socks5://s:1080' },
    urls: ['https://a.example/', 'http://a.example/'],
  },
  {
    name: 'upper-case URL',
    env: { HTTPS_PROXY: 'HTTPS://P.Example:443' },
    urls: ['https://a.example/'],
  },
  {
    name: 'NO_PROXY: case, blanks, ports, IPs written oddly, CIDR edges, zones',
    env: {
      HTTPS_PROXY: 'p:1',
      HTTP_PROXY: 'p:2',
      NO_PROXY:
        ' Example.COM:443 ,,*.w.example, corp.example:, 010.0.0.1, 172.16.0.0/12, ::ffff:10.0.0.0/104, 192.168.0.1/33, [::1], 2001:DB8::/32, fe80::1%eth0',
    },
    urls: [
      'https://example.com/',
      'http://example.com/',
      'https://example.com:8443/',
      'https://sub.example.com/',
      'https://w.example/',
      'https://x.w.example/',
      'https://corp.example:9/',
      'https://10.0.0.1/',
      'https://8.0.0.1/',
      'https://172.31.255.255/',
      'https://172.32.0.1/',
      'https://10.200.0.1/',
      'https://11.0.0.1/',
      'https://[::ffff:10.1.2.3]/',
      'https://192.168.0.1/',
      'https://[2001:db8:1::5]:8443/',
      'https://[2001:db9::5]/',
      'https://[fe80::1]/',
    ],
  },
  {
    name: 'never proxied: localhost and every loopback address',
    env: { HTTPS_PROXY: 'p:1', HTTP_PROXY: 'p:2' },
    urls: [
      'http://localhost:8080/',
      'https://127.200.0.9/',
      'https://[::ffff:127.0.0.1]/',
      'https://[::1]:9/',
      'https://localhost./',
      'https://localhost.example/',
      'https://proxy.golang.org/github.com/x/y/@v/list',
    ],
  },
];

const goOracleMain = `package main

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
)

// For each URL argument: the proxy net/http picks from this process's
// environment, as JSON ({} for none, {"error": ...} when it refuses).
func main() {
	ports := map[string]string{"http": "80", "https": "443", "socks5": "1080"}
	enc := json.NewEncoder(os.Stdout)
	for _, a := range os.Args[1:] {
		u, err := url.Parse(a)
		if err != nil {
			enc.Encode(map[string]string{"error": "parse: " + err.Error()})
			continue
		}
		p, err := http.ProxyFromEnvironment(&http.Request{URL: u})
		switch {
		case err != nil:
			enc.Encode(map[string]string{"error": err.Error()})
		case p == nil:
			enc.Encode(map[string]string{})
		default:
			port := p.Port()
			if port == "" {
				port = ports[p.Scheme]
			}
			pass, _ := p.User.Password()
			enc.Encode(map[string]string{"scheme": p.Scheme, "host": p.Hostname(), "port": port,
				"user": p.User.Username(), "password": pass})
		}
	}
}
`;

function runGo(bin: string, env: Record<string, string>, urls: string[]): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    execFile(bin, urls, { env, timeout: 10_000 }, (err, stdout) => {
      if (err) return reject(new Error(`${bin}: ${err.message}`, { cause: err }));
      resolve(
        stdout
          .trim()
          .split('\n')
          .map((line) => {
            const o = JSON.parse(line) as Record<string, string>;
            if (o.error !== undefined) return { error: o.error };
            if (o.scheme === undefined) return 'direct';
            // Host names compare case-insensitively; WHATWG URLs keep them in lower case.
            return { ...o, host: (o.host ?? '').toLowerCase() } as unknown as Route;
          }),
      );
    });
  });
}

describeWithGo("proxyForUrl against today's Go net/http.ProxyFromEnvironment", () => {
  let bin: string;
  beforeAll(async () => {
    bin = await buildGoProgram({ name: 'proxy-oracle', mainGo: goOracleMain });
  });

  it("Go's own table, as today's Go answers it", async () => {
    for (const t of proxyForURLTests) {
      const req = t.req ?? 'http://example.com';
      const [go] = await runGo(bin, envOf(t.cfg), [req]);
      expect({ t, got: ours(envOf(t.cfg), req) }).toEqual({ t, got: go });
      // The table's expectation is the oracle's answer too.
      expect({ t, go }).toEqual({ t, go: tableExpectation(t) });
    }
  });

  it.each(oracleCases)('$name', async ({ env, urls }) => {
    const go = await runGo(bin, env, urls);
    expect(urls.map((u) => [u, ours(env, u)])).toEqual(urls.map((u, i) => [u, go[i]]));
  });
});

// ---------------------------------------------------------------------------
// The client through a proxy

const tlsDir = path.resolve(import.meta.dirname, '../support/tls');
const cert = readFileSync(path.join(tlsDir, 'cert.pem'), 'utf8');
const key = readFileSync(path.join(tlsDir, 'key.pem'), 'utf8');

interface Seen {
  requestLine: string;
  headers: Record<string, string>;
}

type ProxyMode =
  { kind: 'forward' } | { kind: 'answer'; status: number; text: string } | { kind: 'stall' };

interface TestProxy {
  port: number;
  /** The proxy URL, with `userinfo@` when given. */
  url(userinfo?: string): string;
  requests: Seen[];
  /** Every byte clients sent to the proxy, as latin1 text. */
  bytesFromClients(): string;
  close(): Promise<void>;
}

function parseHead(head: string): Seen {
  const [requestLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  return { requestLine, headers };
}

// A small forward proxy on raw sockets: CONNECT tunnels and absolute-form
// http requests. Every CONNECT goes to 127.0.0.1 whatever name it asks for,
// so a test can ask for a name the certificate does (or does not) carry.
async function startTestProxy(mode: ProxyMode): Promise<TestProxy> {
  const sockets = new Set<net.Socket>();
  const requests: Seen[] = [];
  const fromClients: Buffer[] = [];
  const track = (s: net.Socket): net.Socket => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
    return s;
  };
  const server = net.createServer((client) => {
    track(client);
    let buf = Buffer.alloc(0);
    const onHead = (chunk: Buffer): void => {
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.off('data', onHead);
      const seen = parseHead(buf.subarray(0, end).toString('latin1'));
      const rest = buf.subarray(end + 4);
      requests.push(seen);
      if (mode.kind === 'stall') return;
      if (mode.kind === 'answer') {
        client.end(
          `HTTP/1.1 ${mode.status} ${mode.text}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
        );
        return;
      }
      const [method = '', target = ''] = seen.requestLine.split(' ');
      if (method === 'CONNECT') {
        const port = Number(target.slice(target.lastIndexOf(':') + 1));
        const upstream = track(net.connect(port, '127.0.0.1'));
        upstream.on('connect', () => {
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          upstream.write(rest);
          client.pipe(upstream);
          upstream.pipe(client);
        });
        return;
      }
      const u = new URL(target);
      const upstream = track(net.connect(Number(u.port), '127.0.0.1'));
      const headers = Object.entries(seen.headers)
        .filter(([k]) => k !== 'proxy-authorization')
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      upstream.write(`${method} ${u.pathname}${u.search} HTTP/1.1\r\n${headers}\r\n`);
      upstream.write(rest);
      client.pipe(upstream);
      upstream.pipe(client);
    };
    client.on('data', (c: Buffer) => fromClients.push(c));
    client.on('data', onHead);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (userinfo) => `http://${userinfo === undefined ? '' : `${userinfo}@`}127.0.0.1:${port}`,
    requests,
    bytesFromClients: () => Buffer.concat(fromClients).toString('latin1'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

interface Target {
  url: string;
  port: number;
  requests: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

async function startTarget(secure: boolean): Promise<Target> {
  const requests: http.IncomingHttpHeaders[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    requests.push(req.headers);
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5' });
    res.end('hello');
  };
  const server = secure ? https.createServer({ cert, key }, handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${secure ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function proxy(mode: ProxyMode = { kind: 'forward' }): Promise<TestProxy> {
  const p = await startTestProxy(mode);
  closers.push(() => p.close());
  return p;
}

async function target(secure: boolean): Promise<Target> {
  const t = await startTarget(secure);
  closers.push(() => t.close());
  return t;
}

const basic = (userpass: string): string => 'Basic ' + Buffer.from(userpass).toString('base64');

describe('node http client through an outbound proxy', () => {
  it('tunnels https with CONNECT: proxy credentials to the proxy, target credentials inside TLS', async () => {
    const p = await proxy();
    const t = await target(true);
    const c = createNodeHttpClient({
      timeoutMs: 3000,
      ca: cert,
      proxyEnv: { HTTPS_PROXY: p.url('corp:pr0xy-pass') },
      proxyLoopback: true,
      credentials: createCredentials({
        token: 'Bearer t4rget-token',
        privateProxies: [t.url],
      }),
    });
    const r = await c.get(`${t.url}/m/@v/list`);
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe('hello');
    expect(p.requests).toEqual([
      {
        requestLine: `CONNECT 127.0.0.1:${t.port} HTTP/1.1`,
        headers: expect.objectContaining({
          host: `127.0.0.1:${t.port}`,
          'proxy-authorization': basic('corp:pr0xy-pass'),
        }) as unknown,
      },
    ]);
    expect(t.requests).toHaveLength(1);
    expect(t.requests[0]?.authorization).toBe('Bearer t4rget-token');
    expect(t.requests[0]?.['proxy-authorization']).toBeUndefined();
    // The proxy only ever saw the CONNECT head and ciphertext.
    const seen = p.bytesFromClients();
    expect(seen).toContain('CONNECT ');
    expect(seen).not.toContain('t4rget-token');
    expect(seen.toLowerCase()).not.toContain('authorization: bearer');
    expect(seen).not.toContain('/m/@v/list');
  });

  it('checks the certificate against the target, not the proxy, with the ca option', async () => {
    const p = await proxy();
    const t = await target(true);
    const env = { HTTPS_PROXY: p.url() };
    // The certificate names 127.0.0.1 and localhost, not 127.0.0.2; the test
    // proxy delivers both to the same server.
    const withCa = createNodeHttpClient({
      timeoutMs: 3000,
      ca: cert,
      proxyEnv: env,
      proxyLoopback: true,
    });
    const byName = await withCa.get(`https://localhost:${t.port}/x`);
    expect(byName.body.toString()).toBe('hello');
    const wrongName = await withCa.get(`https://127.0.0.2:${t.port}/x`).catch((e: unknown) => e);
    expect(wrongName).toBeInstanceOf(NetworkError);
    expect((wrongName as NetworkError).systemCode).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    const noCa = createNodeHttpClient({ timeoutMs: 3000, proxyEnv: env, proxyLoopback: true });
    const untrusted = await noCa.get(`${t.url}/x`).catch((e: unknown) => e);
    expect(untrusted).toBeInstanceOf(NetworkError);
    expect((untrusted as Error).message).toContain('certificate');
    expect(p.requests.map((r) => r.requestLine)).toEqual([
      `CONNECT localhost:${t.port} HTTP/1.1`,
      `CONNECT 127.0.0.2:${t.port} HTTP/1.1`,
      `CONNECT 127.0.0.1:${t.port} HTTP/1.1`,
    ]);
    expect(t.requests).toHaveLength(1);
  });

  it('sends plain http in absolute form with Proxy-Authorization, and no target credentials', async () => {
    const p = await proxy();
    const t = await target(false);
    const c = createNodeHttpClient({
      timeoutMs: 3000,
      proxyEnv: { http_proxy: p.url('corp:pr0xy-pass') },
      proxyLoopback: true,
      // Plain http to a non-loopback-allowed origin: the credential rules give nothing.
      credentials: createCredentials({ token: 'Bearer t4rget-token', privateProxies: [t.url] }),
    });
    const r = await c.get(`${t.url}/m/@v/list?x=1`);
    expect(r.body.toString()).toBe('hello');
    expect(p.requests).toEqual([
      {
        requestLine: `GET ${t.url}/m/@v/list?x=1 HTTP/1.1`,
        headers: expect.objectContaining({
          host: `127.0.0.1:${t.port}`,
          'proxy-authorization': basic('corp:pr0xy-pass'),
        }) as unknown,
      },
    ]);
    expect(p.requests[0]?.headers.authorization).toBeUndefined();
    expect(t.requests[0]?.authorization).toBeUndefined();
  });

  it('goes direct where NO_PROXY says so, and for loopback unless told otherwise', async () => {
    const p = await proxy();
    const t = await target(true);
    const bypassed = createNodeHttpClient({
      timeoutMs: 3000,
      ca: cert,
      proxyEnv: { HTTPS_PROXY: p.url(), NO_PROXY: 'example.org, 127.0.0.0/8' },
      proxyLoopback: true,
    });
    expect((await bypassed.get(`${t.url}/a`)).body.toString()).toBe('hello');
    const goRule = createNodeHttpClient({
      timeoutMs: 3000,
      ca: cert,
      proxyEnv: { HTTPS_PROXY: p.url() },
    });
    expect((await goRule.get(`${t.url}/b`)).body.toString()).toBe('hello');
    expect(p.requests).toHaveLength(0);
    expect(t.requests).toHaveLength(2);
  });

  it.each([
    [407, 'Proxy Authentication Required'],
    [403, 'Forbidden'],
  ])(
    'a proxy answering CONNECT with %i is a clear error without the password',
    async (status, text) => {
      const p = await proxy({ kind: 'answer', status, text });
      const t = await target(true);
      const c = createNodeHttpClient({
        timeoutMs: 3000,
        ca: cert,
        proxyEnv: { HTTPS_PROXY: p.url('corp:pr0xy-pass') },
        proxyLoopback: true,
      });
      const err = await c.get(`${t.url}/x`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NetworkError);
      const msg = (err as Error).message;
      expect(msg).toContain(`http://corp:xxxxx@127.0.0.1:${p.port}`);
      expect(msg).toContain(`${status} ${text}`);
      expect(msg).not.toContain('pr0xy-pass');
      expect(JSON.stringify(err)).not.toContain('pr0xy-pass');
      expect(t.requests).toHaveLength(0);
      // A refusal is a setting to fix: the retry policy must not repeat it.
      expect(isTransient(err)).toBe(false);
    },
  );

  it('a proxy that stalls on CONNECT ends in TimeoutError (idle limit and deadline)', async () => {
    const p = await proxy({ kind: 'stall' });
    const idle = createNodeHttpClient({
      timeoutMs: 5000,
      idleTimeoutMs: 300,
      proxyEnv: { HTTPS_PROXY: p.url('corp:pr0xy-pass') },
      proxyLoopback: true,
    });
    const e1 = await idle.get('https://127.0.0.1:9/x').catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(TimeoutError);
    expect((e1 as Error).message).toContain('CONNECT');
    const deadline = createNodeHttpClient({
      timeoutMs: 300,
      idleTimeoutMs: 5000,
      proxyEnv: { HTTPS_PROXY: p.url('corp:pr0xy-pass') },
      proxyLoopback: true,
    });
    const e2 = await deadline.get('https://127.0.0.1:9/x').catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(TimeoutError);
    expect((e2 as Error).message).toContain('timed out after 300 ms');
    expect((e2 as Error).message).toContain(`through proxy http://corp:xxxxx@127.0.0.1:${p.port}`);
    expect(p.requests).toHaveLength(2);
  });

  it('an unreachable proxy is a NetworkError naming it, redacted', async () => {
    const p = await proxy();
    const url = p.url('corp:pr0xy-pass');
    await p.close();
    const c = createNodeHttpClient({
      timeoutMs: 3000,
      proxyEnv: { HTTPS_PROXY: url },
      proxyLoopback: true,
    });
    const err = await c.get('https://127.0.0.1:9/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).systemCode).toBe('ECONNREFUSED');
    expect((err as Error).message).toContain(`proxyconnect http://corp:xxxxx@127.0.0.1:${p.port}`);
    expect((err as Error).message).not.toContain('pr0xy-pass');
  });

  it('refuses what Go refuses or modseal cannot do, before connecting', async () => {
    const p = await proxy();
    const cgi = createNodeHttpClient({
      proxyEnv: { HTTP_PROXY: p.url(), REQUEST_METHOD: 'GET' },
      proxyLoopback: true,
    });
    const e1 = await cgi.get('http://127.0.0.1:9/x').catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(NetworkError);
    expect((e1 as Error).message).toContain(cgiProxyRefusal);
    const socks = createNodeHttpClient({
      proxyEnv: { HTTPS_PROXY: `socks5://127.0.0.1:${p.port}` },
      proxyLoopback: true,
    });
    const e2 = await socks.get('https://127.0.0.1:9/x').catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(NetworkError);
    expect((e2 as Error).message).toContain('socks5 is not supported');
    expect(p.requests).toHaveLength(0);
  });
});

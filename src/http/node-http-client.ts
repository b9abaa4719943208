// HttpClient on node:http / node:https with hard limits, because the go
// command's own client has none and a GitHub Action must never hang or pass
// on a misbehaving server: one deadline for connect + headers + body, an idle
// limit for stalls, a minimum transfer rate for drips, byte caps enforced while reading, Content-Length checked
// in both directions, bounded redirects, no https→http, credentials only
// where CredentialSource allows them and never across origins. Outbound
// proxies (HTTPS_PROXY/HTTP_PROXY/NO_PROXY) are honoured as the go command
// honours them: https through a CONNECT tunnel with TLS to the target end to
// end, http in absolute form; the proxy's own credentials go to it alone.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import type { Duplex, Readable } from 'node:stream';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import type {
  HttpClient,
  HttpRequestOptions,
  HttpResponse,
  HttpStreamResponse,
} from '../internal/http.js';
import { NetworkError, ProtocolError, TimeoutError, TooLargeError } from './errors.js';
import type { CredentialSource } from './netrc.js';
import { proxyAuthorization, proxyResolver, proxySecrets } from './outbound-proxy.js';
import type { ProxyEnv } from './outbound-proxy.js';
import { redactSecrets, redactUrl } from './redact.js';

export interface NodeHttpClientOptions {
  /** Default whole-exchange limit when a request does not give one (60 s). */
  timeoutMs?: number;
  /** No byte (connect, headers or body) for this long ends the exchange (30 s). */
  idleTimeoutMs?: number;
  /** Default body cap when a request does not give one (16 MiB). */
  maxBytes?: number;
  /**
   * A body arriving slower than this is cut with a TimeoutError: fewer than
   * `bytes` over the last `windowMs` (default 16 KiB over 30 s). A server
   * that drips a byte a second satisfies the idle limit and would otherwise
   * hold a request for its whole time limit. `false` turns the rule off.
   */
  minRate?: MinRate | false;
  /** Bodies of non-200 answers are kept up to this many bytes, then cut (64 KiB). */
  errorBodyMaxBytes?: number;
  /** Redirects followed before failing (10, like Go). */
  maxRedirects?: number;
  /** Who gets an Authorization header; without it nobody does. */
  credentials?: CredentialSource;
  /** Tests only: URL user info may be sent to http://127.0.0.1. */
  allowLoopbackHttpCredentials?: boolean;
  userAgent?: string;
  /** Extra trusted CA certificates (PEM) for https, e.g. a private proxy's. */
  ca?: string | Buffer;
  /**
   * Where HTTPS_PROXY, HTTP_PROXY, NO_PROXY (or their lower-case forms) and
   * REQUEST_METHOD are read, once, when the client is created; usually
   * `process.env`. Without it no outbound proxy is used.
   */
  proxyEnv?: ProxyEnv;
  /**
   * Tests only: send localhost/loopback targets through the proxy too. Go
   * never proxies them, and a test's servers are all on 127.0.0.1.
   */
  proxyLoopback?: boolean;
}

/** The slowest transfer accepted: at least `bytes` in every `windowMs`. */
export interface MinRate {
  bytes: number;
  windowMs: number;
}

const defaultMinRate: MinRate = { bytes: 16 << 10, windowMs: 30_000 };

/** Responses from this client also carry the status line's text (`404 Not Found`). */
export interface NodeHttpResponse extends HttpResponse {
  statusText: string;
}
export interface NodeHttpStreamResponse extends HttpStreamResponse {
  statusText: string;
}

/** An HttpClient whose answers also carry the status text. */
export interface NodeHttpClient extends HttpClient {
  get(url: string, options?: HttpRequestOptions): Promise<NodeHttpResponse>;
  getStream(url: string, options?: HttpRequestOptions): Promise<NodeHttpStreamResponse>;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const crossOriginDropped = new Set(['authorization', 'cookie', 'proxy-authorization']);

function flatHeaders(h: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function statusTextOf(res: IncomingMessage): string {
  const code = res.statusCode ?? 0;
  const msg = res.statusMessage ?? http.STATUS_CODES[code] ?? '';
  return msg === '' ? String(code) : `${code} ${msg}`;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === '[::1]' || hostname === 'localhost';
}

// One exchange: the deadline, the idle limit and the secrets to scrub.
interface Exchange {
  shownUrl: string;
  secrets: readonly string[];
  deadlineTimer?: NodeJS.Timeout;
  failed?: Error;
  /** Called when the deadline passes; tears down whatever is in flight. */
  abort?: (e: Error) => void;
  /** The (redacted) proxy of the current hop, named in timeout messages. */
  via?: string;
}

function hostWithoutBrackets(hostname: string): string {
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}

// SNI carries names only; Node warns when given an IP address.
function isIpLiteral(host: string): boolean {
  return host.includes(':') || /^\d+\.\d+\.\d+\.\d+$/.test(host);
}

/** Creates the Node HttpClient; see NodeHttpClientOptions for the limits. */
export function createNodeHttpClient(opts: NodeHttpClientOptions = {}): NodeHttpClient {
  const defaults = {
    timeoutMs: opts.timeoutMs ?? 60_000,
    idleTimeoutMs: opts.idleTimeoutMs ?? 30_000,
    maxBytes: opts.maxBytes ?? 16 << 20,
    errorBodyMaxBytes: opts.errorBodyMaxBytes ?? 64 << 10,
    maxRedirects: opts.maxRedirects ?? 10,
    minRate: opts.minRate === false ? undefined : (opts.minRate ?? defaultMinRate),
  };
  const proxyEnv = opts.proxyEnv ?? {};
  const secrets = [...(opts.credentials?.secrets ?? []), ...proxySecrets(proxyEnv)];
  const proxyFor = proxyResolver(proxyEnv, { loopback: opts.proxyLoopback === true });
  const caFor = (protocol: string) =>
    opts.ca !== undefined && protocol === 'https:' ? { ca: opts.ca } : {};

  // Sends one request, through the proxy the environment names for its URL,
  // and resolves once headers arrive.
  async function send(
    url: URL,
    headers: Record<string, string>,
    ex: Exchange,
  ): Promise<IncomingMessage> {
    let proxy: URL | undefined;
    try {
      proxy = proxyFor(url);
    } catch (e) {
      throw new NetworkError(`Get "${ex.shownUrl}": ${errorText(e)}`, ex.shownUrl, 'EPROXY');
    }
    if (proxy === undefined) {
      delete ex.via;
      return exchange(ex, () =>
        (url.protocol === 'https:' ? https : http).request(url, {
          method: 'GET',
          headers,
          agent: false,
          // Name resolution and connect count against the same idle limit.
          timeout: defaults.idleTimeoutMs,
          ...caFor(url.protocol),
        }),
      );
    }
    ex.via = redactUrl(proxy.href);
    if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
      throw new NetworkError(
        `Get "${ex.shownUrl}": proxy ${ex.via}: scheme ${proxy.protocol.slice(0, -1)} is not supported (only http and https proxies are)`,
        ex.shownUrl,
        'EPROXY',
      );
    }
    const proxyAuth = proxyAuthorization(proxy);
    if (url.protocol === 'http:') {
      // Plain http goes to the proxy in absolute form and the proxy reads
      // all of it; the credential rules above already keep Authorization off
      // plain http (bar loopback in tests).
      const via = proxy;
      return exchange(ex, () =>
        (via.protocol === 'https:' ? https : http).request({
          method: 'GET',
          host: hostWithoutBrackets(via.hostname),
          port: via.port !== '' ? Number(via.port) : via.protocol === 'https:' ? 443 : 80,
          path: url.href,
          headers: {
            ...headers,
            host: url.host,
            ...(proxyAuth !== undefined ? { 'proxy-authorization': proxyAuth } : {}),
          },
          agent: false,
          timeout: defaults.idleTimeoutMs,
          ...caFor(via.protocol),
        }),
      );
    }
    const tunnelSocket = await tunnel(proxy, proxyAuth, url, ex);
    if (ex.failed !== undefined) {
      tunnelSocket.destroy();
      throw ex.failed;
    }
    const target = hostWithoutBrackets(url.hostname);
    // TLS to the target inside the tunnel: the certificate is checked
    // against the target's name, and headers (Authorization included) are
    // encrypted before the proxy sees a byte of them.
    const secure = tls.connect({
      socket: tunnelSocket,
      host: target,
      ...(isIpLiteral(target) ? {} : { servername: target }),
      ...caFor('https:'),
    });
    return exchange(ex, () =>
      https.request(url, {
        method: 'GET',
        headers,
        createConnection: () => secure,
        timeout: defaults.idleTimeoutMs,
      }),
    );
  }

  // Opens a CONNECT tunnel to the target's host:port through `proxy`; the
  // idle limit and the exchange's deadline cover it like any request.
  function tunnel(
    proxy: URL,
    proxyAuth: string | undefined,
    target: URL,
    ex: Exchange,
  ): Promise<Duplex> {
    const shownProxy = redactUrl(proxy.href);
    const authority = `${target.hostname}:${target.port !== '' ? target.port : '443'}`;
    return new Promise((resolve, reject) => {
      const req = (proxy.protocol === 'https:' ? https : http).request({
        method: 'CONNECT',
        host: hostWithoutBrackets(proxy.hostname),
        port: proxy.port !== '' ? Number(proxy.port) : proxy.protocol === 'https:' ? 443 : 80,
        path: authority,
        headers: {
          host: authority,
          'user-agent': opts.userAgent ?? 'modseal',
          ...(proxyAuth !== undefined ? { 'proxy-authorization': proxyAuth } : {}),
        },
        agent: false,
        timeout: defaults.idleTimeoutMs,
        ...caFor(proxy.protocol),
      });
      const fail = (e: Error): void => {
        ex.failed ??= e;
        req.destroy();
        reject(ex.failed);
      };
      const refused = (res: IncomingMessage): NetworkError =>
        new NetworkError(
          `Get "${ex.shownUrl}": proxy ${shownProxy} refused CONNECT ${authority}: ${statusTextOf(res)}`,
          ex.shownUrl,
          'EPROXY',
        );
      ex.abort = (e) => {
        req.destroy(e);
        reject(e);
      };
      req.on('timeout', () => {
        fail(
          new TimeoutError(
            `Get "${ex.shownUrl}": proxy ${shownProxy}: no answer to CONNECT for ${defaults.idleTimeoutMs} ms`,
            ex.shownUrl,
          ),
        );
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (ex.failed !== undefined) return reject(ex.failed);
        const msg = redactSecrets(err.message, ex.secrets);
        fail(
          new NetworkError(
            `Get "${ex.shownUrl}": proxyconnect ${shownProxy}: ${msg}`,
            ex.shownUrl,
            err.code,
            {
              cause: err,
            },
          ),
        );
      });
      // Go accepts exactly 200; anything else (407, 403, 502…) ends here.
      req.on('connect', (res: IncomingMessage, socket: Socket, head: Buffer) => {
        if (res.statusCode !== 200) {
          socket.destroy();
          fail(refused(res));
          return;
        }
        socket.setTimeout(0);
        // Nothing should follow the CONNECT answer before TLS starts, but
        // whatever did belongs to the tunnel.
        if (head.length > 0) socket.unshift(head);
        resolve(socket);
      });
      req.on('response', (res: IncomingMessage) => {
        res.resume();
        fail(refused(res));
      });
      req.end();
    });
  }

  // Runs one request made by `make` under the exchange's limits and
  // resolves once headers arrive.
  function exchange(ex: Exchange, make: () => http.ClientRequest): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const req = make();
      ex.abort = (e) => {
        req.destroy(e);
        reject(e);
      };
      req.on('timeout', () => {
        const via = ex.via === undefined ? '' : ` (through proxy ${ex.via})`;
        const e = new TimeoutError(
          `Get "${ex.shownUrl}"${via}: no data for ${defaults.idleTimeoutMs} ms`,
          ex.shownUrl,
        );
        ex.failed ??= e;
        req.destroy(e);
        reject(e);
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (ex.failed === undefined) ex.failed = classifyError(err, ex);
        reject(ex.failed);
      });
      req.on('response', (res) => {
        // A lie in Content-Length (shorter than the body) shows up as a parse
        // error on the request after the response started; remember it.
        req.removeAllListeners('error');
        req.on('error', (err: NodeJS.ErrnoException) => {
          const e = classifyError(err, ex);
          ex.failed ??= e;
          res.destroy(e);
        });
        resolve(res);
      });
      req.end();
    });
  }

  function classifyError(err: NodeJS.ErrnoException, ex: Exchange): Error {
    if (
      err instanceof TimeoutError ||
      err instanceof TooLargeError ||
      err instanceof ProtocolError
    ) {
      return err;
    }
    const msg = redactSecrets(err.message, ex.secrets);
    // Ours carry Node's code apart from their own kind.
    const code = err instanceof NetworkError ? err.systemCode : err.code;
    const via = ex.via === undefined ? '' : ` (through proxy ${ex.via})`;
    if (code !== undefined && code.startsWith('HPE_')) {
      return new ProtocolError(
        `Get "${ex.shownUrl}": malformed HTTP response (body does not match its framing): ${msg}`,
        ex.shownUrl,
      );
    }
    return new NetworkError(`Get "${ex.shownUrl}"${via}: ${msg}`, ex.shownUrl, code, {
      cause: err,
    });
  }

  // Follows redirects; resolves with the final response (headers only).
  async function open(
    rawUrl: string,
    options: HttpRequestOptions,
    ex: Exchange,
  ): Promise<{ url: URL; res: IncomingMessage }> {
    const first = new URL(rawUrl);
    const userinfo =
      first.username !== '' || first.password !== ''
        ? 'Basic ' +
          Buffer.from(
            `${decodeURIComponent(first.username)}:${decodeURIComponent(first.password)}`,
          ).toString('base64')
        : undefined;
    first.username = '';
    first.password = '';
    if (userinfo !== undefined && first.protocol !== 'https:') {
      const loopbackOk =
        opts.allowLoopbackHttpCredentials === true && isLoopbackHost(first.hostname);
      if (!loopbackOk) {
        throw new ProtocolError(
          `refusing to pass credentials to insecure URL: ${ex.shownUrl}`,
          ex.shownUrl,
        );
      }
    }
    const callerHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(options.headers ?? {})) callerHeaders[k.toLowerCase()] = v;

    let url = first;
    let sawHttps = first.protocol === 'https:';
    for (let hop = 0; ; hop++) {
      const sameOrigin = url.origin === first.origin;
      const headers: Record<string, string> = {
        'user-agent': opts.userAgent ?? 'modseal',
        connection: 'close',
      };
      for (const [k, v] of Object.entries(callerHeaders)) {
        if (sameOrigin || !crossOriginDropped.has(k)) headers[k] = v;
      }
      // Credentials stay with the origin they were configured for: a
      // redirect elsewhere (even another port) gets none.
      const auth = sameOrigin ? (userinfo ?? opts.credentials?.authorizationFor(url)) : undefined;
      if (auth !== undefined) headers.authorization = auth;

      const res = await send(url, headers, ex);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (!redirectStatuses.has(status) || location === undefined) return { url, res };
      res.destroy();
      const next = new URL(location, url);
      next.username = '';
      next.password = '';
      const shownNext = redactUrl(next.href);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new ProtocolError(`Get "${shownNext}": unsupported redirect scheme`, shownNext);
      }
      if (sawHttps && next.protocol !== 'https:') {
        throw new ProtocolError(
          `Get "${shownNext}": redirected from secure URL ${redactUrl(url.href)} to insecure URL ${shownNext}`,
          ex.shownUrl,
        );
      }
      if (hop + 1 >= defaults.maxRedirects + 1) {
        throw new ProtocolError(
          `Get "${shownNext}": stopped after ${defaults.maxRedirects} redirects`,
          ex.shownUrl,
        );
      }
      sawHttps ||= next.protocol === 'https:';
      url = next;
    }
  }

  // Opens a file: URL the way the go command does: missing → 404, no permission → 403.
  async function openFile(
    url: URL,
  ): Promise<{ status: number; text: string; body: Readable; size?: number }> {
    const path = fileURLToPath(url);
    try {
      const st = await stat(path);
      if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      return { status: 200, text: '200 OK', body: createReadStream(path), size: st.size };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const empty = new PassThrough();
      empty.end();
      if (code === 'ENOENT' || code === 'ENOTDIR')
        return { status: 404, text: 'Not Found', body: empty };
      if (code === 'EACCES' || code === 'EPERM')
        return { status: 403, text: 'Forbidden', body: empty };
      throw new NetworkError(`open ${path}: ${(e as Error).message}`, url.href, code);
    }
  }

  // Cuts a body that arrives slower than `rate` (a sliding window over the
  // chunks received); waits caused by our own reader do not count.
  function rateWatch(
    rate: MinRate,
    res: Readable,
    out: PassThrough,
    ex: Exchange,
    fail: (e: Error) => void,
  ): { got(n: number): void; stop(): void } {
    let chunks: { t: number; n: number }[] = [];
    let since = performance.now();
    const timer = setInterval(
      () => {
        const now = performance.now();
        if (res.isPaused() || out.writableNeedDrain) {
          chunks = [];
          since = now;
          return;
        }
        chunks = chunks.filter((c) => c.t > now - rate.windowMs);
        if (now - since < rate.windowMs) return;
        const got = chunks.reduce((a, c) => a + c.n, 0);
        if (got >= rate.bytes) return;
        fail(
          new TimeoutError(
            `reading ${ex.shownUrl}: transfer too slow: ${got} bytes in the last ${rate.windowMs} ms, fewer than the ${rate.bytes} required`,
            ex.shownUrl,
          ),
        );
      },
      Math.max(10, Math.floor(rate.windowMs / 4)),
    );
    timer.unref();
    return {
      got: (n) => chunks.push({ t: performance.now(), n }),
      stop: () => clearInterval(timer),
    };
  }

  // Wraps the body in a stream that enforces the cap, the framing, the
  // minimum rate and the deadline, and turns every failure into one of our
  // error types.
  function guard(
    res: Readable,
    status: number,
    contentLength: number | undefined,
    options: HttpRequestOptions,
    ex: Exchange,
    complete: () => boolean,
    rate: MinRate | undefined,
  ): Readable {
    const ok = status === 200;
    const cap = ok ? (options.maxBytes ?? defaults.maxBytes) : defaults.errorBodyMaxBytes;
    const out = new PassThrough();
    let seen = 0;
    let done = false;
    let watch: ReturnType<typeof rateWatch> | undefined;
    const finish = (e?: Error): void => {
      if (done) return;
      done = true;
      watch?.stop();
      if (ex.deadlineTimer !== undefined) clearTimeout(ex.deadlineTimer);
      if (e !== undefined) {
        res.destroy();
        out.destroy(e);
      } else {
        out.end();
      }
    };
    ex.abort = (e) => finish(e);
    if (rate !== undefined) {
      watch = rateWatch(rate, res, out, ex, (e) => {
        ex.failed ??= e;
        finish(e);
      });
    }
    res.on('data', (chunk: Buffer) => {
      if (done) return;
      watch?.got(chunk.length);
      if (seen + chunk.length > cap) {
        if (!ok) {
          // An error body is only diagnostic: keep the first bytes, drop the rest.
          out.write(chunk.subarray(0, cap - seen));
          seen = cap;
          res.destroy();
          finish();
          return;
        }
        finish(
          new TooLargeError(
            `reading ${ex.shownUrl}: body larger than ${cap} bytes`,
            ex.shownUrl,
            cap,
          ),
        );
        return;
      }
      seen += chunk.length;
      if (!out.write(chunk)) {
        res.pause();
        out.once('drain', () => res.resume());
      }
    });
    res.on('end', () => {
      // A framing error may be reported in the same turn as 'end'.
      setImmediate(() => {
        if (ex.failed !== undefined) return finish(ex.failed);
        if (contentLength !== undefined && seen !== contentLength && (ok || seen < cap)) {
          return finish(
            new ProtocolError(
              `reading ${ex.shownUrl}: got ${seen} bytes, Content-Length said ${contentLength}`,
              ex.shownUrl,
            ),
          );
        }
        finish();
      });
    });
    res.on('error', (err: NodeJS.ErrnoException) => {
      if (done) return;
      finish(ex.failed ?? bodyError(err, seen, contentLength, ex));
    });
    res.on('close', () => {
      if (done) return;
      setImmediate(() => {
        if (done) return;
        if (!complete()) finish(ex.failed ?? bodyError(undefined, seen, contentLength, ex));
      });
    });
    // The socket may already have failed between the headers and now.
    if (ex.failed !== undefined) finish(ex.failed);
    else if (res.destroyed && !complete()) finish(bodyError(undefined, 0, contentLength, ex));
    out.on('close', () => {
      // The consumer gave up (destroyed the stream): release the socket.
      if (!done) {
        done = true;
        watch?.stop();
        if (ex.deadlineTimer !== undefined) clearTimeout(ex.deadlineTimer);
        res.destroy();
      }
    });
    return out;
  }

  function bodyError(
    err: NodeJS.ErrnoException | undefined,
    seen: number,
    contentLength: number | undefined,
    ex: Exchange,
  ): Error {
    if (
      err instanceof TimeoutError ||
      err instanceof TooLargeError ||
      err instanceof ProtocolError
    ) {
      return err;
    }
    const want = contentLength === undefined ? '' : ` of ${contentLength}`;
    return new ProtocolError(
      `reading ${ex.shownUrl}: connection closed after ${seen}${want} bytes`,
      ex.shownUrl,
    );
  }

  async function getStream(
    rawUrl: string,
    options: HttpRequestOptions = {},
  ): Promise<NodeHttpStreamResponse> {
    const shownUrl = redactUrl(rawUrl);
    const ex: Exchange = { shownUrl, secrets };
    const timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
    const timeoutPromise = new Promise<never>((_, reject) => {
      ex.deadlineTimer = setTimeout(() => {
        const via = ex.via === undefined ? '' : ` (through proxy ${ex.via})`;
        const e = new TimeoutError(
          `Get "${shownUrl}"${via}: timed out after ${timeoutMs} ms`,
          shownUrl,
        );
        ex.failed ??= e;
        ex.abort?.(e);
        reject(e);
      }, timeoutMs);
    });
    // The deadline rejection is also delivered through the body stream.
    timeoutPromise.catch(() => undefined);
    const parsed = new URL(rawUrl);
    try {
      if (parsed.protocol === 'file:') {
        const f = await openFile(parsed);
        // A local file is not a transfer that can stall on the network.
        const body = guard(f.body, f.status, f.size, options, ex, () => true, undefined);
        return {
          url: rawUrl,
          status: f.status,
          statusText: f.text.startsWith(String(f.status)) ? f.text : `${f.status} ${f.text}`,
          headers: {},
          body,
        };
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new ProtocolError(`unsupported scheme: ${shownUrl}`, shownUrl);
      }
      const { url, res } = await Promise.race([open(rawUrl, options, ex), timeoutPromise]);
      const status = res.statusCode ?? 0;
      const headers = flatHeaders(res.headers);
      const clHeader = headers['content-length'];
      const contentLength =
        clHeader !== undefined && /^\d+$/.test(clHeader) ? Number(clHeader) : undefined;
      const cap = options.maxBytes ?? defaults.maxBytes;
      if (status === 200 && contentLength !== undefined && contentLength > cap) {
        res.destroy();
        throw new TooLargeError(
          `reading ${redactUrl(url.href)}: Content-Length ${contentLength} exceeds the limit of ${cap} bytes`,
          redactUrl(url.href),
          cap,
        );
      }
      ex.shownUrl = redactUrl(url.href);
      const body = guard(
        res,
        status,
        contentLength,
        options,
        ex,
        () => res.complete,
        defaults.minRate,
      );
      return { url: ex.shownUrl, status, statusText: statusTextOf(res), headers, body };
    } catch (e) {
      if (ex.deadlineTimer !== undefined) clearTimeout(ex.deadlineTimer);
      throw e;
    }
  }

  async function get(rawUrl: string, options: HttpRequestOptions = {}): Promise<NodeHttpResponse> {
    const r = await getStream(rawUrl, options);
    const chunks: Buffer[] = [];
    for await (const c of r.body) chunks.push(c as Buffer);
    return {
      url: r.url,
      status: r.status,
      statusText: r.statusText,
      headers: r.headers,
      body: Buffer.concat(chunks),
    };
  }

  return { get, getStream };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// HttpClient on node:http / node:https with hard limits, because the go
// command's own client has none and a GitHub Action must never hang or pass
// on a misbehaving server: one deadline for connect + headers + body, an idle
// limit for stalls, byte caps enforced while reading, Content-Length checked
// in both directions, bounded redirects, no https→http, credentials only
// where CredentialSource allows them and never across origins.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type {
  HttpClient,
  HttpRequestOptions,
  HttpResponse,
  HttpStreamResponse,
} from '../internal/http.js';
import { NetworkError, ProtocolError, TimeoutError, TooLargeError } from './errors.js';
import type { CredentialSource } from './netrc.js';
import { redactSecrets, redactUrl } from './redact.js';

export interface NodeHttpClientOptions {
  /** Default whole-exchange limit when a request does not give one (60 s). */
  timeoutMs?: number;
  /** No byte (connect, headers or body) for this long ends the exchange (30 s). */
  idleTimeoutMs?: number;
  /** Default body cap when a request does not give one (16 MiB). */
  maxBytes?: number;
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
}

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
}

/** Creates the Node HttpClient; see NodeHttpClientOptions for the limits. */
export function createNodeHttpClient(opts: NodeHttpClientOptions = {}): NodeHttpClient {
  const defaults = {
    timeoutMs: opts.timeoutMs ?? 60_000,
    idleTimeoutMs: opts.idleTimeoutMs ?? 30_000,
    maxBytes: opts.maxBytes ?? 16 << 20,
    errorBodyMaxBytes: opts.errorBodyMaxBytes ?? 64 << 10,
    maxRedirects: opts.maxRedirects ?? 10,
  };
  const secrets = opts.credentials?.secrets ?? [];

  // Sends one request and resolves once headers arrive.
  function send(url: URL, headers: Record<string, string>, ex: Exchange): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const mod = url.protocol === 'https:' ? https : http;
      const req = mod.request(url, {
        method: 'GET',
        headers,
        agent: false,
        // Name resolution and connect count against the same idle limit.
        timeout: defaults.idleTimeoutMs,
        ...(opts.ca !== undefined && url.protocol === 'https:' ? { ca: opts.ca } : {}),
      });
      ex.abort = (e) => {
        req.destroy(e);
        reject(e);
      };
      req.on('timeout', () => {
        const e = new TimeoutError(
          `Get "${ex.shownUrl}": no data for ${defaults.idleTimeoutMs} ms`,
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
    const code = err.code;
    if (code !== undefined && code.startsWith('HPE_')) {
      return new ProtocolError(
        `Get "${ex.shownUrl}": malformed HTTP response (body does not match its framing): ${msg}`,
        ex.shownUrl,
      );
    }
    return new NetworkError(`Get "${ex.shownUrl}": ${msg}`, ex.shownUrl, code, { cause: err });
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

  // Wraps the body in a stream that enforces the cap, the framing and the
  // deadline, and turns every failure into one of our error types.
  function guard(
    res: Readable,
    status: number,
    contentLength: number | undefined,
    options: HttpRequestOptions,
    ex: Exchange,
    complete: () => boolean,
  ): Readable {
    const ok = status === 200;
    const cap = ok ? (options.maxBytes ?? defaults.maxBytes) : defaults.errorBodyMaxBytes;
    const out = new PassThrough();
    let seen = 0;
    let done = false;
    const finish = (e?: Error): void => {
      if (done) return;
      done = true;
      if (ex.deadlineTimer !== undefined) clearTimeout(ex.deadlineTimer);
      if (e !== undefined) {
        res.destroy();
        out.destroy(e);
      } else {
        out.end();
      }
    };
    ex.abort = (e) => finish(e);
    res.on('data', (chunk: Buffer) => {
      if (done) return;
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
        const e = new TimeoutError(`Get "${shownUrl}": timed out after ${timeoutMs} ms`, shownUrl);
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
        const body = guard(f.body, f.status, f.size, options, ex, () => true);
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
      const body = guard(res, status, contentLength, options, ex, () => res.complete);
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

// Typed failures of an HTTP exchange, shared by the GOPROXY client and the
// HTTP client under it. Callers decide on the type (a not-found may be mirror
// lag, a timeout is "inconclusive", a size or protocol violation is the
// server's fault), so every path that can fail ends in one of these, with a
// message that never carries credentials.
import { ModsealError } from '../internal/errors.js';

/** Base class: every error here names the (redacted) URL it concerns. */
export abstract class HttpError extends ModsealError {
  override name = 'HttpError';
  /** The URL as safe to show: credentials replaced by `xxxxx`. */
  readonly url: string;
  constructor(message: string, url: string, options?: { cause?: unknown }) {
    super(message, options);
    this.url = url;
  }
}

/** Fields shared by the two errors that carry an HTTP answer. */
export interface HttpAnswerFields {
  status: number;
  /** `404 Not Found`, as the go command prints it. */
  statusText: string;
  /** The body as received (up to the error-body cap), decoded as UTF-8. */
  body: string;
  /** What the go command would show after `server response:`; empty if nothing. */
  detail: string;
  /** Seconds or date from `Retry-After`, already converted to milliseconds from now. */
  retryAfterMs?: number;
}

/** An answer other than 200, kept as the go command would show it. */
abstract class HttpAnswerError extends HttpError implements HttpAnswerFields {
  readonly status: number;
  readonly statusText: string;
  readonly body: string;
  readonly detail: string;
  constructor(message: string, url: string, fields: HttpAnswerFields) {
    super(message, url);
    this.status = fields.status;
    this.statusText = fields.statusText;
    this.body = fields.body;
    this.detail = fields.detail;
  }
}

/** 404 or 410: "not available here"; the next `,` entry may have it. */
export class NotFoundError extends HttpAnswerError {
  override name = 'NotFoundError';
  readonly code = 'not-found';
}

/** Any other non-200 answer (403, 429, 5xx, …). */
export class ServerError extends HttpAnswerError {
  override name = 'ServerError';
  readonly code = 'server-error';
  readonly retryAfterMs?: number;
  constructor(message: string, url: string, fields: HttpAnswerFields) {
    super(message, url, fields);
    if (fields.retryAfterMs !== undefined) this.retryAfterMs = fields.retryAfterMs;
  }
}

/** The exchange (connect, headers, body) outlived its time limit or stalled. */
export class TimeoutError extends HttpError {
  override name = 'TimeoutError';
  readonly code: string = 'timeout';
}

/**
 * The whole check's deadline cut the exchange short, or came before it
 * started (`sent` false: nothing reached the server). Not worth another
 * attempt: there is no time left for one.
 */
export class DeadlineError extends TimeoutError {
  override name = 'DeadlineError';
  override readonly code = 'deadline';
  constructor(
    message: string,
    url: string,
    readonly sent: boolean,
  ) {
    super(message, url);
  }
}

/** The body is, or claims to be, larger than the cap for this request. */
export class TooLargeError extends HttpError {
  override name = 'TooLargeError';
  readonly code = 'too-large';
  constructor(
    message: string,
    url: string,
    readonly limit: number,
  ) {
    super(message, url);
  }
}

/**
 * The server broke the protocol: bad redirect, framing that does not match
 * `Content-Length`, malformed JSON, a version it was not asked for, a zip that
 * Go would reject.
 */
export class ProtocolError extends HttpError {
  override name = 'ProtocolError';
  readonly code = 'protocol-error';
}

/** No answer at all: refused, reset, DNS failure, TLS failure. */
export class NetworkError extends HttpError {
  override name = 'NetworkError';
  readonly code = 'network-error';
  /** Node's error code (`ECONNREFUSED`, …) when there is one. */
  readonly systemCode?: string;
  constructor(message: string, url: string, systemCode?: string, options?: { cause?: unknown }) {
    super(message, url, options);
    if (systemCode !== undefined) this.systemCode = systemCode;
  }
}

/** Errors worth another attempt: the server or the network may recover. */
export function isTransient(e: unknown): boolean {
  // A proxy that refuses us (407, 403, an unsupported scheme) is a setting
  // to fix, not a fault that passes: retrying only delays the message.
  if (e instanceof NetworkError) return e.systemCode !== 'EPROXY';
  if (e instanceof DeadlineError) return false;
  if (e instanceof TimeoutError) return true;
  if (e instanceof ServerError) return e.status === 408 || e.status === 429 || e.status >= 500;
  return false;
}

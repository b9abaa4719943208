// One deadline for a whole check, applied where every request passes: each
// request's own time limit is cut to what is left, a request is not sent
// once nothing is left, and a request the deadline cut short says so. The
// GOPROXY client and the checksum-database client both talk through this.
import type { HttpClient, HttpRequestOptions } from '../internal/http.js';
import { DeadlineError, TimeoutError } from './errors.js';
import { redactUrl } from './redact.js';
import type { Clock } from '../internal/retry.js';

export interface DeadlineOptions {
  /** Absolute time (clock milliseconds) by which every exchange must be over. */
  deadline: number;
  clock: Clock;
  /** Named in messages, e.g. `--timeout 15m`. */
  label?: string;
}

/** `http` with every request bounded by `deadline`. */
export function withDeadline(http: HttpClient, opts: DeadlineOptions): HttpClient {
  const label = opts.label ?? 'the deadline';
  const bounded = async <R>(
    url: string,
    options: HttpRequestOptions | undefined,
    send: (o: HttpRequestOptions) => Promise<R>,
  ): Promise<R> => {
    const left = opts.deadline - opts.clock.now();
    const shown = redactUrl(url);
    if (left <= 0) {
      throw new DeadlineError(`Get "${shown}": not sent: ${label} has passed`, shown, false);
    }
    const own = options?.timeoutMs;
    const cut = own === undefined || left < own;
    const started = performance.now();
    try {
      return await send({ ...options, timeoutMs: cut ? left : own });
    } catch (e) {
      // Only the exchange's overall limit fires after the whole of it; an
      // idle or slow-transfer cut comes earlier and stays what it is.
      const ranOut = performance.now() - started >= left - 1;
      if (cut && ranOut && e instanceof TimeoutError && !(e instanceof DeadlineError)) {
        throw new DeadlineError(`${e.message}: ${label} has passed`, e.url, true);
      }
      throw e;
    }
  };
  return {
    get: (url, options) => bounded(url, options, (o) => http.get(url, o)),
    getStream: (url, options) => bounded(url, options, (o) => http.getStream(url, o)),
  };
}

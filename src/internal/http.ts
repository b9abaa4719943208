// The one seam through which the core talks HTTP. The GOPROXY client and the
// checksum-database client take an HttpClient so tests can point them at
// loopback servers and the Action and CLI share one implementation.
import type { Readable } from 'node:stream';

export interface HttpRequestOptions {
  /** Extra request headers (never credentials for a host they were not given for). */
  headers?: Record<string, string>;
  /** Abort when the whole exchange takes longer than this. */
  timeoutMs?: number;
  /** Fail with a size error once the body exceeds this many bytes. */
  maxBytes?: number;
}

export interface HttpResponse {
  /** Final URL after redirects. */
  url: string;
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface HttpStreamResponse {
  url: string;
  status: number;
  headers: Record<string, string>;
  /** The body; the caller must consume or destroy it. */
  body: Readable;
}

export interface HttpClient {
  get(url: string, options?: HttpRequestOptions): Promise<HttpResponse>;
  getStream(url: string, options?: HttpRequestOptions): Promise<HttpStreamResponse>;
}

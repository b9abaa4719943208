// A GOPROXY for tests: the GOPROXY server (src/goproxy/server.ts) over a
// directory in the module cache's `cache/download` layout, plus scripted
// answers per path (status, body, delay, simulated warming).
import {
  directoryMirrorStore,
  notFound,
  startMirrorServer,
  type LoggedRequest,
} from '../../src/goproxy/server.js';

export type { LoggedRequest };

/** A scripted answer for one path (relative to the proxy root, unescaped of %xx, e.g. `m/@v/v1.0.0.info`). */
export interface ScriptedAnswer {
  status?: number;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
  /**
   * Simulated warming: the first N requests answer 404 with `notFoundBody`,
   * later ones serve the file. Requests under /cached-only/ do not count and
   * answer 404 until the path has been "fetched".
   */
  notFoundTimes?: number;
  notFoundBody?: string;
}

export interface GoproxyServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  url: string;
  port: number;
  requests: LoggedRequest[];
  /** Scripted answers by decoded relative path. */
  script: Map<string, ScriptedAnswer>;
  /** Names served at /sumdb/<name>/supported with 200. */
  sumdbNames: Set<string>;
  close(): Promise<void>;
}

/** Starts the proxy over `root` (may be an empty folder when everything is scripted). */
export async function startGoproxyServer(root: string): Promise<GoproxyServer> {
  const script = new Map<string, ScriptedAnswer>();
  const served = new Map<string, number>();
  const server = await startMirrorServer({
    store: directoryMirrorStore(root),
    async intercept({ rel, cachedOnly, res }) {
      const s = script.get(rel);
      if (s?.delayMs !== undefined) await new Promise((r) => setTimeout(r, s.delayMs));
      if (s?.notFoundTimes !== undefined) {
        const n = served.get(rel) ?? 0;
        if (!cachedOnly) served.set(rel, n + 1);
        if (n < s.notFoundTimes) {
          notFound(res, s.notFoundBody ?? '');
          return 'handled';
        }
      } else if (s !== undefined && (s.status !== undefined || s.body !== undefined)) {
        res.writeHead(s.status ?? 200, {
          'content-type': 'text/plain; charset=utf-8',
          ...s.headers,
        });
        res.end(s.body ?? '');
        return 'handled';
      }
      return s?.headers;
    },
  });
  return { ...server, script };
}

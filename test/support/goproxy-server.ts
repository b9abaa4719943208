// A GOPROXY on 127.0.0.1 over a directory in the module cache's
// `cache/download` layout, with a request log and scripted answers per path:
// the test double of proxy-and-sumdb.md §6.1.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

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

export interface LoggedRequest {
  method: string;
  /** The raw request target as sent (still %-escaped). */
  url: string;
  headers: http.IncomingHttpHeaders;
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

const contentTypes: Record<string, string> = {
  '.info': 'application/json',
  '.mod': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
};

/** Starts the proxy over `root` (may be an empty folder when everything is scripted). */
export async function startGoproxyServer(root: string): Promise<GoproxyServer> {
  const requests: LoggedRequest[] = [];
  const script = new Map<string, ScriptedAnswer>();
  const sumdbNames = new Set<string>();
  const served = new Map<string, number>();

  const notFound = (res: http.ServerResponse, body: string): void => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(body);
  };

  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    void (async () => {
      let rel = (req.url ?? '/').split('?')[0] ?? '/';
      try {
        rel = decodeURIComponent(rel);
      } catch {
        res.writeHead(400).end('bad escape');
        return;
      }
      rel = rel.replace(/^\/+/, '');
      const sumdb = /^sumdb\/(.+)\/supported$/.exec(rel);
      if (sumdb !== null) {
        if (sumdbNames.has(sumdb[1] ?? '')) res.writeHead(200).end();
        else notFound(res, 'not found');
        return;
      }
      let cachedOnly = false;
      if (rel.startsWith('cached-only/')) {
        cachedOnly = true;
        rel = rel.slice('cached-only/'.length);
      }
      const s = script.get(rel);
      if (s?.delayMs !== undefined) await new Promise((r) => setTimeout(r, s.delayMs));
      if (s?.notFoundTimes !== undefined) {
        const n = served.get(rel) ?? 0;
        if (!cachedOnly) served.set(rel, n + 1);
        if (n < s.notFoundTimes) {
          notFound(res, s.notFoundBody ?? '');
          return;
        }
      } else if (s !== undefined && (s.status !== undefined || s.body !== undefined)) {
        res.writeHead(s.status ?? 200, {
          'content-type': 'text/plain; charset=utf-8',
          ...s.headers,
        });
        res.end(s.body ?? '');
        return;
      }
      const file = path.join(root, ...rel.split('/'));
      if (!file.startsWith(path.resolve(root) + path.sep)) {
        notFound(res, 'not found');
        return;
      }
      try {
        const st = await stat(file);
        if (!st.isFile()) throw new Error('not a file');
        res.writeHead(200, {
          'content-type': contentTypes[path.extname(file)] ?? 'text/plain; charset=utf-8',
          'content-length': String(st.size),
          ...s?.headers,
        });
        createReadStream(file).pipe(res);
      } catch {
        notFound(res, `not found: ${rel}`);
      }
    })();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    script,
    sumdbNames,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// The GOPROXY protocol's server side, beside its client: a mirror on
// 127.0.0.1 over a module tree in the module cache's `cache/download` layout
// (escaped module paths, `@v/<version>.info|mod|zip`, `@v/list`), in memory
// for `modseal demo` or over a directory for tests. `/cached-only/…` serves
// the same tree, as proxy.golang.org's cached-only view does for what it
// already holds.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { compareSemver, escapePath, escapeVersion } from './deps.js';

/** One file of the tree, opened lazily. */
export interface MirrorFile {
  size: number;
  open(): Readable;
}

/** Where the mirror's files come from, keyed by path relative to the root (still module-escaped). */
export interface MirrorStore {
  get(rel: string): Promise<MirrorFile | undefined>;
}

/** What the mirror "published" for a version: the three files the go command fetches. */
export interface PublishedVersion {
  info: string | Buffer;
  mod: string | Buffer;
  zip: Buffer;
}

/** A store in memory; versions appear in `@v/list` as they are published. */
export class MemoryMirrorStore implements MirrorStore {
  private readonly files = new Map<string, Buffer>();
  private readonly versions = new Map<string, string[]>();

  /** Adds module@version; later calls for the same version replace the files. */
  publish(modulePath: string, version: string, files: PublishedVersion): void {
    const dir = `${escapePath(modulePath)}/@v`;
    const v = escapeVersion(version);
    this.files.set(`${dir}/${v}.info`, Buffer.from(files.info));
    this.files.set(`${dir}/${v}.mod`, Buffer.from(files.mod));
    this.files.set(`${dir}/${v}.zip`, files.zip);
    const list = this.versions.get(modulePath) ?? [];
    if (!list.includes(version)) list.push(version);
    list.sort(compareSemver);
    this.versions.set(modulePath, list);
    this.files.set(`${dir}/list`, Buffer.from(list.map((x) => `${x}\n`).join('')));
  }

  get(rel: string): Promise<MirrorFile | undefined> {
    const body = this.files.get(rel);
    if (body === undefined) return Promise.resolve(undefined);
    return Promise.resolve({ size: body.length, open: () => Readable.from([body]) });
  }
}

/** A store over a directory in the `cache/download` layout. */
export function directoryMirrorStore(root: string): MirrorStore {
  const base = path.resolve(root);
  return {
    async get(rel) {
      const file = path.join(base, ...rel.split('/'));
      if (!file.startsWith(base + path.sep)) return undefined;
      try {
        const st = await stat(file);
        if (!st.isFile()) return undefined;
        return { size: st.size, open: () => createReadStream(file) };
      } catch {
        return undefined;
      }
    },
  };
}

export interface LoggedRequest {
  method: string;
  /** The raw request target as sent (still %-escaped). */
  url: string;
  headers: http.IncomingHttpHeaders;
}

/** A request after routing, as an {@link MirrorServerOptions.intercept} hook sees it. */
export interface MirrorRequest {
  /** Path relative to the proxy root, %-decoded, without `cached-only/`. */
  rel: string;
  cachedOnly: boolean;
  res: http.ServerResponse;
}

export interface MirrorServerOptions {
  store: MirrorStore;
  /**
   * Runs before the store is consulted: return 'handled' after answering
   * `res` yourself, or headers to add to the file answer.
   */
  intercept?: (req: MirrorRequest) => Promise<'handled' | Record<string, string> | undefined>;
}

export interface MirrorServer {
  /** `http://127.0.0.1:PORT` (no trailing slash): a GOPROXY entry. */
  url: string;
  port: number;
  requests: LoggedRequest[];
  /** Names answered at `/sumdb/<name>/supported` with 200 (the proxy also serves that database). */
  sumdbNames: Set<string>;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.info': 'application/json',
  '.mod': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
};

/** Sends a plain-text 404, as a proxy's "not found: …" answer. */
export function notFound(res: http.ServerResponse, body: string): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(body);
}

/** Starts the mirror on 127.0.0.1 (random port). */
export async function startMirrorServer(opts: MirrorServerOptions): Promise<MirrorServer> {
  const requests: LoggedRequest[] = [];
  const sumdbNames = new Set<string>();

  const serve = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
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
    const extra = await opts.intercept?.({ rel, cachedOnly, res });
    if (extra === 'handled') return;
    const file = await opts.store.get(rel);
    if (file === undefined) {
      notFound(res, `not found: ${rel}`);
      return;
    }
    res.writeHead(200, {
      'content-type': contentTypes[path.posix.extname(rel)] ?? 'text/plain; charset=utf-8',
      'content-length': String(file.size),
      ...extra,
    });
    const body = file.open();
    body.on('error', () => res.destroy());
    body.pipe(res);
  };

  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    serve(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    sumdbNames,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// A checksum database for tests, built on our own tlog code and bound to
// 127.0.0.1: the /lookup, /latest and /tile endpoints of x/mod's sumdb.Server
// (also under a proxy's /sumdb/<name>/ prefix), plus knobs that make it lie
// in each way a client must notice.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpClient, HttpResponse } from '../../src/internal/http.js';
import { unescapePath, unescapeVersion } from '../../src/module/index.js';
import {
  decodeStdBase64,
  signerKeyFromSeed,
  formatRecord,
  formatTree,
  generateKey,
  parseSignerKey,
  parseTilePath,
  readTileData,
  recordHash,
  signNote,
  storedHashCount,
  storedHashesForRecordHash,
  treeHash,
  type Hash,
  type HashReader,
} from '../../src/sumdb/index.js';

/** Ways to make the server misbehave; change them at any time. */
export interface SumdbTamper {
  /** Flip one bit in hash tiles whose path this accepts. */
  flipTileBit?: (tilePath: string) => boolean;
  /** Serve this instead of the stored record text in lookups. */
  alterRecord?: (text: string) => string;
  /** Sign tree notes with this signer key instead of the server's. */
  signerKey?: string;
  /** Corrupt one byte of every signature. */
  forgeSignature?: boolean;
  /** Sign the tree of only the first n records (a stale tree head, as a lagging cache serves). */
  staleTreeSize?: number;
  /** 404 partial tiles whose full tile exists (as a real server that drops them). */
  dropSupersededPartials?: boolean;
}

export interface SumdbServerOptions {
  /** Database name (host[/path]); default `sumdb.modseal.test`. */
  name?: string;
  /** Signer key; default a fresh one. */
  signerKey?: string;
  /** Tile height; default 2. */
  tileHeight?: number;
  /** Known records: `path@version` → record text (go.sum lines). */
  records?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Called for versions not in `records`; undefined means not found. */
  gosum?: (path: string, version: string) => string | undefined;
}

class Log implements HashReader {
  records: Buffer[] = [];
  hashes: Hash[] = [];
  ids = new Map<string, number>();

  readHashes(indexes: readonly number[]): Hash[] {
    return indexes.map((i) => {
      const h = this.hashes[i];
      if (!h) throw Object.assign(new Error(`hash ${i} not stored`), { code: 'ENOENT' });
      return h;
    });
  }

  async append(key: string, text: Buffer): Promise<number> {
    const id = this.records.length;
    const hashes = await storedHashesForRecordHash(id, recordHash(text), this);
    this.records.push(text);
    this.hashes.push(...hashes);
    this.ids.set(key, id);
    return id;
  }

  copyPrefix(n: number): Log {
    const l = new Log();
    l.records = this.records.slice(0, n);
    l.hashes = this.hashes.slice(0, storedHashCount(n));
    for (const [k, id] of this.ids) if (id < n) l.ids.set(k, id);
    return l;
  }
}

const MOD_VER_RE = /^[^@]+@v[0-9]+\.[0-9]+\.[0-9]+(-[^@]*)?(\+incompatible)?$/;

export class TestSumdb {
  readonly name: string;
  readonly signerKey: string;
  readonly verifierKey: string;
  readonly tileHeight: number;
  tamper: SumdbTamper = {};
  /** Answer `/sumdb/<name>/supported` with 200 (else 404). */
  supported = true;
  /** Every request path, in order. */
  readonly requests: string[] = [];
  private log = new Log();
  private readonly known = new Map<string, string>();
  private readonly gosum: ((path: string, version: string) => string | undefined) | undefined;
  private server: http.Server | undefined;
  private origin = '';

  private constructor(opts: SumdbServerOptions) {
    this.name = opts.name ?? 'sumdb.modseal.test';
    if (opts.signerKey) {
      this.signerKey = opts.signerKey;
      const s = parseSignerKey(opts.signerKey);
      this.name = s.name;
      const seed = decodeStdBase64(opts.signerKey.split('+').slice(4).join('+'))!.subarray(1);
      this.verifierKey = signerKeyFromSeed(s.name, seed).vkey;
    } else {
      const k = generateKey(this.name);
      this.signerKey = k.skey;
      this.verifierKey = k.vkey;
    }
    this.tileHeight = opts.tileHeight ?? 2;
    const recs = opts.records ?? {};
    const entries: Iterable<[string, string]> =
      recs instanceof Map ? recs.entries() : Object.entries(recs as Record<string, string>);
    for (const [k, v] of entries) this.known.set(k, v);
    this.gosum = opts.gosum;
  }

  /** Starts a server on 127.0.0.1 (random port). */
  static async start(opts: SumdbServerOptions = {}): Promise<TestSumdb> {
    const s = new TestSumdb(opts);
    const server = http.createServer((req, res) => {
      s.handle(req.url ?? '/', res).catch((e: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`${String(e)}\n`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    s.server = server;
    s.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return s;
  }

  /** Base URL for direct access (GOSUMDB URL). */
  get url(): string {
    return this.origin;
  }

  /** Root URL to use as a GOPROXY entry: the database is at `<root>/sumdb/<name>`. */
  get proxyRoot(): string {
    return `${this.origin}/proxy`;
  }

  get size(): number {
    return this.log.records.length;
  }

  /** Adds (or finds) the record for path@version; returns its id. */
  async add(path: string, version: string, text: string): Promise<number> {
    const key = `${path}@${version}`;
    const id = this.log.ids.get(key);
    if (id !== undefined) return id;
    return this.log.append(key, Buffer.from(text));
  }

  /** From now on serve a log that shares only the first n records with the old one. */
  forkAt(n: number): void {
    this.log = this.log.copyPrefix(n);
  }

  /** Drop every record from n on (the log shrinks; a rollback). */
  shrinkTo(n: number): void {
    this.log = this.log.copyPrefix(n);
  }

  /** The current signed tree note. */
  async signed(): Promise<Buffer> {
    const size = Math.min(this.log.records.length, this.tamper.staleTreeSize ?? Infinity);
    const text = formatTree({ n: size, hash: await treeHash(size, this.log) });
    const note = signNote(text, [parseSignerKey(this.tamper.signerKey ?? this.signerKey)]);
    if (this.tamper.forgeSignature) {
      // Change one byte of the signature itself (not the key hash), keeping valid base64.
      const s = note.toString('utf8');
      const at = s.lastIndexOf(' ') + 20;
      const c = s[at] === 'A' ? 'B' : 'A';
      return Buffer.from(s.slice(0, at) + c + s.slice(at + 1));
    }
    return note;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(rawUrl: string, res: http.ServerResponse): Promise<void> {
    let p = new URL(rawUrl, 'http://x').pathname;
    this.requests.push(p);
    const proxyPrefix = `/proxy/sumdb/${this.name}`;
    if (p === `${proxyPrefix}/supported`) {
      return this.send(
        res,
        this.supported ? 200 : 404,
        this.supported ? '' : '404 page not found\n',
      );
    }
    if (p.startsWith(`${proxyPrefix}/`)) p = p.slice(proxyPrefix.length);

    if (p.startsWith('/lookup/')) {
      const mod = p.slice('/lookup/'.length);
      if (!MOD_VER_RE.test(mod)) return this.send(res, 400, 'invalid module@version syntax\n');
      const i = mod.indexOf('@');
      let path: string;
      let vers: string;
      try {
        path = unescapePath(mod.slice(0, i));
        vers = unescapeVersion(mod.slice(i + 1));
      } catch (e) {
        return this.send(res, 500, `${(e as Error).message}\n`);
      }
      const key = `${path}@${vers}`;
      let id = this.log.ids.get(key);
      if (id === undefined) {
        const text = this.known.get(key) ?? this.gosum?.(path, vers);
        if (text === undefined) return this.send(res, 404, `not found: ${key}\n`);
        id = await this.log.append(key, Buffer.from(text));
      }
      let text = this.log.records[id]!.toString('utf8');
      if (this.tamper.alterRecord) text = this.tamper.alterRecord(text);
      const body = Buffer.concat([formatRecord(id, text), await this.signed()]);
      return this.send(res, 200, body, 'text/plain; charset=UTF-8');
    }
    if (p === '/latest')
      return this.send(res, 200, await this.signed(), 'text/plain; charset=UTF-8');
    if (p.startsWith('/tile/')) {
      let t;
      try {
        t = parseTilePath(p.slice(1));
      } catch {
        return this.send(res, 400, 'invalid tile syntax\n');
      }
      const h = t.h;
      const levelSize = Math.floor(this.log.records.length / 2 ** (h * Math.max(t.l, 0)));
      const end = t.n * 2 ** h + t.w;
      if (end > levelSize) return this.send(res, 404, `tile ${p.slice(1)} not found\n`);
      if (
        this.tamper.dropSupersededPartials &&
        t.w < 2 ** h &&
        t.n * 2 ** h + 2 ** h <= levelSize
      ) {
        return this.send(res, 404, `tile ${p.slice(1)} not found\n`);
      }
      if (t.l === -1) {
        const start = t.n * 2 ** h;
        const parts = this.log.records
          .slice(start, start + t.w)
          .map((r) => Buffer.concat([r, Buffer.from('\n')]));
        return this.send(res, 200, Buffer.concat(parts), 'text/plain; charset=UTF-8');
      }
      const data = await readTileData(t, this.log);
      if (this.tamper.flipTileBit?.(p.slice(1))) data[data.length - 1]! ^= 1;
      return this.send(res, 200, data, 'application/octet-stream');
    }
    return this.send(res, 404, '404 page not found\n');
  }

  private send(
    res: http.ServerResponse,
    status: number,
    body: string | Buffer,
    type?: string,
  ): void {
    res.writeHead(status, { 'content-type': type ?? 'text/plain; charset=utf-8' });
    res.end(body);
  }
}

/** A bare HttpClient on node:http for loopback tests (no redirects, no retries). */
export function loopbackHttpClient(): HttpClient & { requests: string[] } {
  const requests: string[] = [];
  const get = (url: string, options?: { timeoutMs?: number }): Promise<HttpResponse> =>
    new Promise((resolve, reject) => {
      requests.push(url);
      const req = http.get(url, { timeout: options?.timeoutMs ?? 10_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (typeof v === 'string') headers[k] = v;
          }
          resolve({ url, status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
    });
  return {
    requests,
    get,
    getStream: () => Promise.reject(new Error('not implemented in loopbackHttpClient')),
  };
}

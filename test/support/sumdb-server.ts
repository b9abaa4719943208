// A checksum database for tests: the sumdb server (src/sumdb/server.ts, our
// own tlog code on 127.0.0.1, also reachable under a proxy's /sumdb/<name>/
// prefix) plus knobs that make it lie in each way a client must notice.
import http from 'node:http';
import { ChecksumDatabase, type SumdbAnswer } from '../../src/sumdb/server.js';
import type { HttpClient, HttpResponse } from '../../src/internal/http.js';
import type { Tile } from '../../src/sumdb/index.js';

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

export class TestSumdb extends ChecksumDatabase {
  tamper: SumdbTamper = {};
  /** Answer `/sumdb/<name>/supported` with 200 (else 404). */
  supported = true;
  private readonly known = new Map<string, string>();
  private readonly gosum: ((path: string, version: string) => string | undefined) | undefined;

  private constructor(opts: SumdbServerOptions) {
    super({ ...opts, tileHeight: opts.tileHeight ?? 2 });
    const recs = opts.records ?? {};
    const entries: Iterable<[string, string]> =
      recs instanceof Map ? recs.entries() : Object.entries(recs as Record<string, string>);
    for (const [k, v] of entries) this.known.set(k, v);
    this.gosum = opts.gosum;
  }

  /** Starts a server on 127.0.0.1 (random port). */
  static start(opts: SumdbServerOptions = {}): Promise<TestSumdb> {
    return new TestSumdb(opts).listen();
  }

  /** Root URL to use as a GOPROXY entry: the database is at `<root>/sumdb/<name>`. */
  get proxyRoot(): string {
    return `${this.url}/proxy`;
  }

  /** From now on serve a log that shares only the first n records with the old one. */
  forkAt(n: number): void {
    this.log = this.log.copyPrefix(n);
  }

  /** Drop every record from n on (the log shrinks; a rollback). */
  shrinkTo(n: number): void {
    this.log = this.log.copyPrefix(n);
  }

  /** The current signed tree note, as tampered. */
  override async signed(): Promise<Buffer> {
    const size = Math.min(this.log.records.length, this.tamper.staleTreeSize ?? Infinity);
    const note = await this.signTree(size, this.tamper.signerKey ?? this.signerKey);
    if (this.tamper.forgeSignature) {
      // Change one byte of the signature itself (not the key hash), keeping valid base64.
      const s = note.toString('utf8');
      const at = s.lastIndexOf(' ') + 20;
      const c = s[at] === 'A' ? 'B' : 'A';
      return Buffer.from(s.slice(0, at) + c + s.slice(at + 1));
    }
    return note;
  }

  protected override route(pathname: string): string | SumdbAnswer {
    const p = super.route(pathname);
    if (typeof p !== 'string') return p;
    const proxyPrefix = `/proxy/sumdb/${this.name}`;
    if (p === `${proxyPrefix}/supported`) {
      return this.supported
        ? { status: 200, body: '' }
        : { status: 404, body: '404 page not found\n' };
    }
    return p.startsWith(`${proxyPrefix}/`) ? p.slice(proxyPrefix.length) : p;
  }

  protected override missing(path: string, version: string): string | undefined {
    return this.known.get(`${path}@${version}`) ?? this.gosum?.(path, version);
  }

  protected override servedRecord(text: string): string {
    return this.tamper.alterRecord ? this.tamper.alterRecord(text) : text;
  }

  protected override serveTile(t: Tile, levelSize: number): boolean {
    const h = t.h;
    const superseded = t.w < 2 ** h && t.n * 2 ** h + 2 ** h <= levelSize;
    return !(this.tamper.dropSupersededPartials && superseded);
  }

  protected override servedTileData(tilePath: string, data: Buffer): void {
    if (this.tamper.flipTileBit?.(tilePath)) data[data.length - 1]! ^= 1;
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

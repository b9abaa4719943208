// The checksum database's server side, beside its client (as x/mod keeps
// sumdb/server.go): 127.0.0.1 over our own transparency-log code, the
// `/lookup`, `/latest` and `/tile/…` endpoints of x/mod's sumdb server, with
// signed tree heads. It backs `modseal demo` and, through its protected
// hooks, the tests' lying database.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { unescapePath, unescapeVersion } from '../module/index.js';
import { decodeStdBase64 } from './encoding.js';
import { generateKey, parseSignerKey, signNote, signerKeyFromSeed } from './note.js';
import { parseTilePath, readTileData, type Tile } from './tile.js';
import { formatRecord, formatTree } from './tlog-note.js';
import {
  recordHash,
  storedHashCount,
  storedHashesForRecordHash,
  treeHash,
  type Hash,
  type HashReader,
} from './tlog.js';

/** The records of the log and every stored hash of its tree, in memory. */
class RecordLog implements HashReader {
  records: Buffer[] = [];
  hashes: Hash[] = [];
  /** `path@version` → record id. */
  ids = new Map<string, number>();

  readHashes(indexes: readonly number[]): Hash[] {
    return indexes.map((i) => {
      const h = this.hashes[i];
      if (!h) throw Object.assign(new Error(`hash ${i} not stored`), { code: 'ENOENT' });
      return h;
    });
  }

  /** Appends a record under `key`; returns its id. */
  async append(key: string, text: Buffer): Promise<number> {
    const id = this.records.length;
    const hashes = await storedHashesForRecordHash(id, recordHash(text), this);
    this.records.push(text);
    this.hashes.push(...hashes);
    this.ids.set(key, id);
    return id;
  }

  /** A log holding only the first n records of this one. */
  copyPrefix(n: number): RecordLog {
    const l = new RecordLog();
    l.records = this.records.slice(0, n);
    l.hashes = this.hashes.slice(0, storedHashCount(n));
    for (const [k, id] of this.ids) if (id < n) l.ids.set(k, id);
    return l;
  }
}

export interface ChecksumDatabaseOptions {
  /** Database name (host[/path]); default `sumdb.modseal.test`. Ignored when signerKey is given. */
  name?: string;
  /** Signer key (`PRIVATE+KEY+…`); default a fresh one. */
  signerKey?: string;
  /** Tile height; default 8, as sum.golang.org and the go command use. */
  tileHeight?: number;
}

/** An HTTP answer before it is written. */
export interface SumdbAnswer {
  status: number;
  body: string | Buffer;
  type?: string;
}

// What x/mod's server accepts in /lookup before unescaping.
const MOD_VER_RE = /^[^@]+@v[0-9]+\.[0-9]+\.[0-9]+(-[^@]*)?(\+incompatible)?$/;
const NOTE_TYPE = 'text/plain; charset=UTF-8';

/** The verifier key that belongs to a signer key. */
export function verifierKeyFor(signerKey: string): string {
  const s = parseSignerKey(signerKey);
  const data = decodeStdBase64(signerKey.split('+').slice(4).join('+'));
  if (data === undefined) throw new Error('malformed signer key');
  return signerKeyFromSeed(s.name, data.subarray(1)).vkey;
}

/**
 * A checksum database bound to 127.0.0.1 (random port) once started. Records
 * are added with {@link ChecksumDatabase.add}; clients fetch them with proofs.
 */
export class ChecksumDatabase {
  readonly name: string;
  readonly signerKey: string;
  readonly verifierKey: string;
  readonly tileHeight: number;
  /** Every request path, in order. */
  readonly requests: string[] = [];
  protected log = new RecordLog();
  private server: http.Server | undefined;
  private origin = '';

  constructor(opts: ChecksumDatabaseOptions = {}) {
    if (opts.signerKey !== undefined && opts.signerKey !== '') {
      this.signerKey = opts.signerKey;
      this.name = parseSignerKey(opts.signerKey).name;
      this.verifierKey = verifierKeyFor(opts.signerKey);
    } else {
      this.name = opts.name ?? 'sumdb.modseal.test';
      const k = generateKey(this.name);
      this.signerKey = k.skey;
      this.verifierKey = k.vkey;
    }
    this.tileHeight = opts.tileHeight ?? 8;
  }

  /** Base URL (`http://127.0.0.1:PORT`), as the URL part of GOSUMDB. */
  get url(): string {
    return this.origin;
  }

  /** The GOSUMDB value that points the go command (and modseal) here. */
  get gosumdb(): string {
    return `${this.verifierKey} ${this.origin}`;
  }

  /** Number of records in the log. */
  get size(): number {
    return this.log.records.length;
  }

  /** Adds (or finds) the record for path@version; returns its id. */
  async add(path: string, version: string, text: string | Buffer): Promise<number> {
    const key = `${path}@${version}`;
    const id = this.log.ids.get(key);
    if (id !== undefined) return id;
    return this.log.append(key, Buffer.from(text));
  }

  /** The signed note for the current tree. */
  async signed(): Promise<Buffer> {
    return this.signTree(this.log.records.length);
  }

  /** Signs the tree of the first `size` records with `signerKey` (default the database's). */
  protected async signTree(size: number, signerKey = this.signerKey): Promise<Buffer> {
    const text = formatTree({ n: size, hash: await treeHash(size, this.log) });
    return signNote(text, [parseSignerKey(signerKey)]);
  }

  /** Starts listening on 127.0.0.1; resolves once the port is known. */
  async listen(): Promise<this> {
    const server = http.createServer((req, res) => {
      const url = req.url ?? '/';
      this.answer(url)
        .catch((e: unknown): SumdbAnswer => ({ status: 500, body: `${String(e)}\n` }))
        .then((a) => {
          res.writeHead(a.status, { 'content-type': a.type ?? 'text/plain; charset=utf-8' });
          res.end(a.body);
        })
        .catch(() => res.destroy());
    });
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    this.server = server;
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  /** Stops the server and drops open connections. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answers one request target (path and query) as x/mod's sumdb server does. */
  async answer(rawUrl: string): Promise<SumdbAnswer> {
    const p = this.route(new URL(rawUrl, 'http://x').pathname);
    if (typeof p !== 'string') return p;
    if (p.startsWith('/lookup/')) return this.lookup(p.slice('/lookup/'.length));
    if (p === '/latest') return { status: 200, body: await this.signed(), type: NOTE_TYPE };
    if (p.startsWith('/tile/')) return this.tile(p.slice(1));
    return { status: 404, body: '404 page not found\n' };
  }

  /** Logs the request; subclasses may answer it early or rewrite its path. */
  protected route(pathname: string): string | SumdbAnswer {
    this.requests.push(pathname);
    return pathname;
  }

  /** The record text for a key the log lacks; undefined means not found. */
  protected missing(_path: string, _version: string): string | undefined {
    return undefined;
  }

  /** The record text as served in a lookup. */
  protected servedRecord(text: string): string {
    return text;
  }

  /** Whether an existing tile is served (a real server may drop superseded partial tiles). */
  protected serveTile(_t: Tile, _levelSize: number): boolean {
    return true;
  }

  /** Hash-tile bytes as served; may be changed in place. */
  protected servedTileData(_tilePath: string, _data: Buffer): void {}

  private async lookup(mod: string): Promise<SumdbAnswer> {
    if (!MOD_VER_RE.test(mod)) return { status: 400, body: 'invalid module@version syntax\n' };
    const i = mod.indexOf('@');
    let path: string;
    let vers: string;
    try {
      path = unescapePath(mod.slice(0, i));
      vers = unescapeVersion(mod.slice(i + 1));
    } catch (e) {
      return { status: 500, body: `${(e as Error).message}\n` };
    }
    const key = `${path}@${vers}`;
    let id = this.log.ids.get(key);
    if (id === undefined) {
      const text = this.missing(path, vers);
      if (text === undefined) return { status: 404, body: `not found: ${key}\n` };
      id = await this.log.append(key, Buffer.from(text));
    }
    const text = this.servedRecord(this.log.records[id]!.toString('utf8'));
    const body = Buffer.concat([formatRecord(id, text), await this.signed()]);
    return { status: 200, body, type: NOTE_TYPE };
  }

  private async tile(tilePath: string): Promise<SumdbAnswer> {
    let t: Tile;
    try {
      t = parseTilePath(tilePath);
    } catch {
      return { status: 400, body: 'invalid tile syntax\n' };
    }
    const h = t.h;
    const levelSize = Math.floor(this.log.records.length / 2 ** (h * Math.max(t.l, 0)));
    const end = t.n * 2 ** h + t.w;
    if (end > levelSize || !this.serveTile(t, levelSize)) {
      return { status: 404, body: `tile ${tilePath} not found\n` };
    }
    if (t.l === -1) {
      const start = t.n * 2 ** h;
      const parts = this.log.records
        .slice(start, start + t.w)
        .map((r) => Buffer.concat([r, Buffer.from('\n')]));
      return { status: 200, body: Buffer.concat(parts), type: NOTE_TYPE };
    }
    const data = await readTileData(t, this.log);
    this.servedTileData(tilePath, data);
    return { status: 200, body: data, type: 'application/octet-stream' };
  }
}

/** Starts a checksum database on 127.0.0.1 (random port). */
export function startChecksumDatabase(
  opts: ChecksumDatabaseOptions = {},
): Promise<ChecksumDatabase> {
  return new ChecksumDatabase(opts).listen();
}

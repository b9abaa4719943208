// A checksum-database client that, like x/mod's sumdb.Client, never returns
// a go.sum line before (1) the tree note is signed by the trusted key, (2) the
// tree is on the timeline it remembers (first tree on trust, then every tree
// proven consistent with the remembered one, in either direction) and (3) the
// record is proven to be a leaf of that tree through authenticated tiles.
import { STATUS_CODES } from 'node:http';
import type { HttpClient } from '../internal/http.js';
import { errorMessage } from '../internal/errors.js';
import { escapePath, escapeVersion } from '../module/index.js';
import {
  InvalidKeyError,
  RecordMismatchError,
  RecordOutOfRangeError,
  ServerMisbehaviorError,
  SumdbError,
  SumdbHttpError,
  SumdbNotFoundError,
  TreeRollbackError,
} from './errors.js';
import { openNote, parseVerifierKey, type Verifier } from './note.js';
import { tileHashReader, tilePath, type Tile, type TileReader } from './tile.js';
import { parseRecord, parseTree } from './tlog-note.js';
import {
  ZERO_HASH,
  checkTree,
  proveTree,
  recordHash,
  storedHashIndex,
  treeHash,
  type Tree,
} from './tlog.js';
import type { TreeCache } from './tree-cache.js';

export interface SumdbClientOptions {
  /** The database name; must match the key's name when given. */
  name?: string;
  /** The trusted verifier key `<name>+<hash>+<key>`. */
  verifierKey: string;
  /** Where to send requests: `https://<name>`, a proxy's `<proxy>/sumdb/<name>`, or a GOSUMDB URL. */
  baseUrl: string;
  http: HttpClient;
  /** Remembers the latest verified tree across runs. */
  treeCache: TreeCache;
  /** Tile height of the server (8 for sum.golang.org). */
  tileHeight?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
}

/** A verified lookup. */
export interface SumdbLookup {
  /** Record id (leaf index) in the log. */
  id: number;
  /** The go.sum lines of the record for this module version (zip line, then go.mod line, as served). */
  lines: string[];
  /** `h1:…` of the module zip, when the record has one. */
  zipHash?: string;
  /** `h1:…` of the go.mod file, when the record has one. */
  goModHash?: string;
  /** The whole record text. */
  record: string;
  /** The tree the record was proven in (the client's latest), root in base64. */
  tree: { size: number; hash: string };
  /** The signed tree note served with the lookup. */
  note: string;
}

const MAX_LOOKUP_BYTES = 1 << 20;
const MAX_TILE_BYTES = 1 << 20;

type When = 'past' | 'now' | 'future';

/** Client for one checksum database. Safe for concurrent lookups. */
export class SumdbClient {
  readonly name: string;
  private readonly verifier: Verifier;
  private readonly baseUrl: string;
  private readonly http: HttpClient;
  private readonly cache: TreeCache;
  private readonly height: number;
  private readonly timeoutMs: number | undefined;

  private latest: Tree = { n: 0, hash: ZERO_HASH };
  private latestMsg: Buffer = Buffer.alloc(0);
  private init: Promise<void> | undefined;
  private readonly lookups = new Map<
    string,
    Promise<{ data: Buffer; rec: ReturnType<typeof parseRecord> }>
  >();
  private readonly inflightTiles = new Map<string, Promise<Buffer>>();
  private readonly savedTiles = new Map<string, Buffer>();
  private readonly tileReader: TileReader;

  constructor(options: SumdbClientOptions) {
    this.verifier = parseVerifierKey(options.verifierKey.trim());
    if (options.name !== undefined && options.name !== this.verifier.name) {
      throw new InvalidKeyError(`verifier key is for ${this.verifier.name}, not ${options.name}`);
    }
    this.name = this.verifier.name;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.http = options.http;
    this.cache = options.treeCache;
    this.height = options.tileHeight ?? 8;
    if (!Number.isInteger(this.height) || this.height < 1 || this.height > 30) {
      throw new SumdbError(`invalid tile height ${this.height}`);
    }
    this.timeoutMs = options.timeoutMs;
    this.tileReader = {
      height: this.height,
      readTiles: (tiles) => Promise.all(tiles.map((t) => this.readTile(t))),
      saveTiles: (tiles, data) => {
        tiles.forEach((t, i) => this.savedTiles.set(tilePath(t), data[i]!));
      },
    };
  }

  /** The latest tree this client has verified (size 0 before the first lookup). */
  get latestTree(): { size: number; hash: string; note: string } {
    return {
      size: this.latest.n,
      hash: this.latest.hash.toString('base64'),
      note: this.latestMsg.toString('utf8'),
    };
  }

  /**
   * Looks up the go.sum lines of path@version (a trailing `/go.mod` on the
   * version is ignored) and returns them only once fully verified. Throws a
   * SumdbError subclass naming what failed; messages start `path@version: `
   * as the go command's do.
   */
  async lookup(path: string, version: string): Promise<SumdbLookup> {
    const vers = version.endsWith('/go.mod') ? version.slice(0, -'/go.mod'.length) : version;
    const prefix = `${path}@${version}: `;
    try {
      await this.initialize();
      let remote: string;
      try {
        remote = `/lookup/${escapePath(path)}@${escapeVersion(vers)}`;
      } catch (e) {
        throw new SumdbError(errorMessage(e));
      }
      let pending = this.lookups.get(remote);
      if (!pending) {
        pending = this.fetchAndVerify(remote);
        this.lookups.set(remote, pending);
        // A failed lookup may succeed later (network); only successes stay.
        pending.catch(() => this.lookups.delete(remote));
      }
      const { rec } = await pending;
      const record = rec.text.toString('utf8');
      const lines = record
        .split('\n')
        .filter((l) => l.startsWith(`${path} ${vers} `) || l.startsWith(`${path} ${vers}/go.mod `));
      const hashOf = (p: string): string | undefined =>
        lines.find((l) => l.startsWith(p) && l.slice(p.length).startsWith('h1:'))?.slice(p.length);
      return {
        id: rec.id,
        lines,
        zipHash: hashOf(`${path} ${vers} `),
        goModHash: hashOf(`${path} ${vers}/go.mod `),
        record,
        tree: { size: this.latest.n, hash: this.latest.hash.toString('base64') },
        note: rec.rest.toString('utf8'),
      };
    } catch (e) {
      if (e instanceof SumdbError) throw e.withPrefix(prefix);
      throw e;
    }
  }

  private initialize(): Promise<void> {
    this.init ??= (async () => {
      const stored = await this.cache.read();
      await this.mergeLatest(stored ?? Buffer.alloc(0));
    })();
    return this.init.catch((e: unknown) => {
      if (e instanceof SumdbError) throw e.withPrefix('initializing sumdb client: ');
      throw e;
    });
  }

  private async fetchAndVerify(
    remote: string,
  ): Promise<{ data: Buffer; rec: ReturnType<typeof parseRecord> }> {
    const data = await this.get(remote, MAX_LOOKUP_BYTES);
    const rec = parseRecord(data);
    await this.mergeLatest(rec.rest);
    await this.checkRecord(rec.id, rec.text);
    return { data, rec };
  }

  private async get(remote: string, maxBytes: number): Promise<Buffer> {
    const url = this.baseUrl + remote;
    let res;
    try {
      res = await this.http.get(url, { timeoutMs: this.timeoutMs, maxBytes });
    } catch (e) {
      // The cause tells callers a timeout or the check's deadline from other trouble.
      throw Object.assign(new SumdbHttpError(`reading ${url}: ${errorMessage(e)}`, url, 0, ''), {
        cause: e,
      });
    }
    if (res.status === 200) return res.body;
    const body = res.body.toString('utf8');
    let msg = `reading ${url}: ${res.status} ${STATUS_CODES[res.status] ?? ''}`.trimEnd();
    if (body.trim() !== '') msg += `\n\tserver response: ${body.trim()}`;
    if (res.status === 404 || res.status === 410) {
      throw new SumdbNotFoundError(msg, url, res.status, body);
    }
    throw new SumdbHttpError(msg, url, res.status, body);
  }

  private readTile(tile: Tile): Promise<Buffer> {
    const p = tilePath(tile);
    const saved = this.savedTiles.get(p);
    if (saved) return Promise.resolve(saved);
    const full: Tile = { ...tile, w: 2 ** tile.h };
    const savedFull = this.savedTiles.get(tilePath(full));
    if (savedFull) return Promise.resolve(savedFull.subarray(0, tile.w * 32));
    let pending = this.inflightTiles.get(p);
    if (!pending) {
      pending = (async () => {
        try {
          return await this.get(`/${p}`, MAX_TILE_BYTES);
        } catch (e) {
          // A partial tile disappears once the tile fills up; its prefix of
          // the full tile is the same data.
          if (tile.w === full.w) throw e;
          try {
            const data = await this.get(`/${tilePath(full)}`, MAX_TILE_BYTES);
            return data.subarray(0, Math.floor(data.length / full.w) * tile.w);
          } catch {
            throw e;
          }
        }
      })().finally(() => this.inflightTiles.delete(p));
      this.inflightTiles.set(p, pending);
    }
    return pending;
  }

  private async mergeLatest(msg: Buffer): Promise<void> {
    if ((await this.mergeLatestMem(msg)) !== 'future') return;
    // Our timeline moved forward: write it back, merging whatever another
    // process stored meanwhile (compare-and-swap).
    for (;;) {
      const stored = await this.cache.read();
      if ((await this.mergeLatestMem(stored ?? Buffer.alloc(0))) !== 'past') return;
      if (await this.cache.compareAndSwap(stored, this.latestMsg)) return;
    }
  }

  private async mergeLatestMem(msg: Buffer): Promise<When> {
    if (msg.length === 0) return this.latest.n === 0 ? 'now' : 'past';
    let text: string;
    try {
      text = openNote(msg, [this.verifier]).text;
    } catch (e) {
      if (e instanceof SumdbError) {
        throw e.withPrefix('reading tree note: ').withSuffix(`\nnote:\n${msg.toString('utf8')}`);
      }
      throw e;
    }
    let tree: Tree;
    try {
      tree = parseTree(text);
    } catch (e) {
      if (e instanceof SumdbError)
        throw e.withPrefix('reading tree: ').withSuffix(`\ntree:\n${text}`);
      throw e;
    }
    for (;;) {
      const latest = this.latest;
      const latestMsg = this.latestMsg;
      if (tree.n <= latest.n) {
        await this.checkTrees(tree, msg, latest, latestMsg, true);
        return tree.n < latest.n ? 'past' : 'now';
      }
      await this.checkTrees(latest, latestMsg, tree, msg, false);
      if (this.latest === latest) {
        this.latest = tree;
        this.latestMsg = Buffer.from(msg);
        return 'future';
      }
    }
  }

  /** Proves `older` is a prefix of `newer` using tiles authenticated against `newer`. */
  private async checkTrees(
    older: Tree,
    olderNote: Buffer,
    newer: Tree,
    newerNote: Buffer,
    presentedIsOlder: boolean,
  ): Promise<void> {
    // A tree is trivially consistent with itself; x/mod would still fetch
    // its edge tiles, which a server that since shrank may no longer have.
    if (older.n === newer.n && older.hash.equals(newer.hash)) return;
    const thr = tileHashReader(newer, this.tileReader);
    let h;
    try {
      h = await treeHash(older.n, thr);
    } catch (e) {
      const where =
        older.n === newer.n
          ? `checking tree#${older.n}: `
          : `checking tree#${older.n} against tree#${newer.n}: `;
      if (presentedIsOlder && older.n < newer.n) {
        throw new TreeRollbackError(
          `${where}${errorMessage(e)}\n(the server presents a tree of size ${older.n} but a tree of size ` +
            `${newer.n} was verified before, and the older tree cannot be proven a prefix of it)`,
          newer.n,
          older.n,
        );
      }
      if (e instanceof SumdbError) throw e.withPrefix(where);
      throw e;
    }
    if (h.equals(older.hash)) return;

    const indent = (b: Buffer): string => b.toString('utf8').replaceAll('\n', '\n\t');
    let report =
      'SECURITY ERROR\ngo.sum database server misbehavior detected!\n\n' +
      `old database:\n\t${indent(olderNote)}\n` +
      `new database:\n\t${indent(newerNote)}\n` +
      `proof of misbehavior:\n\t${h.toString('base64')}`;
    try {
      const p = await proveTree(newer.n, older.n, thr);
      checkTree(p, newer.n, newer.hash, older.n, h);
      for (const x of p) report += `\n\t${x.toString('base64')}`;
    } catch (e) {
      report += `\tinternal error: ${errorMessage(e)}\n`;
    }
    throw new ServerMisbehaviorError(
      report,
      olderNote.toString('utf8'),
      newerNote.toString('utf8'),
    );
  }

  private async checkRecord(id: number, text: Buffer): Promise<void> {
    const latest = this.latest;
    if (id < 0 || id >= latest.n) throw new RecordOutOfRangeError(id, latest.n);
    const [h] = await tileHashReader(latest, this.tileReader).readHashes([storedHashIndex(0, id)]);
    if (!h!.equals(recordHash(text))) throw new RecordMismatchError();
  }
}

// Tiles of the log (x/mod sumdb/tlog tile.go): coordinates and paths, which
// tiles exist, and a HashReader that authenticates every downloaded tile
// against a signed tree before trusting a single hash in it.
import { InconsistentTileError, MalformedTilePathError, SumdbError } from './errors.js';
import {
  HASH_SIZE,
  nodeHash,
  shr,
  splitStoredHashIndex,
  storedHashIndex,
  subTreeIndex,
  type Hash,
  type HashReader,
  type Tree,
} from './tlog.js';

/**
 * A tile of height h at level l (-1 = record data), number n, width w:
 * the w hashes at tree level h·l starting at index n·2^h.
 */
export interface Tile {
  h: number;
  l: number;
  n: number;
  w: number;
}

const PATH_BASE = 1000;

/** The tile's URL path, `tile/H/L/NNN[.p/W]` with NNN in x-prefixed 3-digit groups. */
export function tilePath(t: Tile): string {
  let n = t.n;
  let nStr = String(n % PATH_BASE).padStart(3, '0');
  while (n >= PATH_BASE) {
    n = Math.floor(n / PATH_BASE);
    nStr = `x${String(n % PATH_BASE).padStart(3, '0')}/${nStr}`;
  }
  const pStr = t.w !== 2 ** t.h ? `.p/${t.w}` : '';
  const l = t.l === -1 ? 'data' : String(t.l);
  return `tile/${t.h}/${l}/${nStr}${pStr}`;
}

// Go's strconv.Atoi: optional sign, decimal digits.
function atoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const v = Number(s);
  return Number.isSafeInteger(v) ? v : undefined;
}

/** Parses a tile path, rejecting every non-canonical spelling; throws MalformedTilePathError. */
export function parseTilePath(path: string): Tile {
  const bad = (): never => {
    throw new MalformedTilePathError(path);
  };
  let f = path.split('/');
  if (f.length < 4 || f[0] !== 'tile') bad();
  const h = atoi(f[1]!);
  const isData = f[2] === 'data';
  let l = isData ? 0 : atoi(f[2]!);
  if (h === undefined || l === undefined || h < 1 || l < 0 || h > 30) return bad();
  let w = 2 ** h;
  const dotP = f[f.length - 2]!;
  if (dotP.endsWith('.p')) {
    const ww = atoi(f[f.length - 1]!);
    if (ww === undefined || ww <= 0 || ww >= w) return bad();
    w = ww;
    f[f.length - 2] = dotP.slice(0, -2);
    f = f.slice(0, -1);
  }
  let n = 0;
  for (const s of f.slice(3)) {
    const nn = atoi(s.startsWith('x') ? s.slice(1) : s);
    if (nn === undefined || nn < 0 || nn >= PATH_BASE) return bad();
    n = n * PATH_BASE + nn;
  }
  if (isData) l = -1;
  const t: Tile = { h, l, n, w };
  if (tilePath(t) !== path) bad();
  return t;
}

/** The narrowest tile of height h holding stored hash `index`, with the byte range of its subtree. */
function tileForIndex(h: number, index: number): { tile: Tile; start: number; end: number } {
  if (h <= 0) throw new SumdbError(`TileForIndex: invalid height ${h}`);
  const [level0, n0] = splitStoredHashIndex(index);
  const l = Math.floor(level0 / h);
  const level = level0 - l * h;
  const tn = shr(n0 * 2 ** level, h);
  const n = n0 - shr(tn * 2 ** h, level);
  const w = (n + 1) * 2 ** level;
  return { tile: { h, l, n: tn, w }, start: n * 2 ** level * HASH_SIZE, end: w * HASH_SIZE };
}

/** The root of the perfect subtree whose 2^k leaves are the hashes in data. */
function tileHash(data: Buffer): Hash {
  if (data.length === 0) throw new SumdbError('bad math in tileHash');
  if (data.length === HASH_SIZE) return Buffer.from(data);
  const half = data.length / 2;
  return nodeHash(tileHash(data.subarray(0, half)), tileHash(data.subarray(half)));
}

/** The hash at stored index `index`, read from tile t (or a wider version of it). */
function hashFromTile(t: Tile, data: Buffer, index: number): Hash {
  if (t.h < 1 || t.h > 30 || t.l < 0 || t.l >= 64 || t.w < 1 || t.w > 2 ** t.h) {
    throw new SumdbError(`invalid tile ${tilePath(t)}`);
  }
  if (data.length < t.w * HASH_SIZE) {
    throw new SumdbError(`data len ${data.length} too short for tile ${tilePath(t)}`);
  }
  const { tile: t1, start, end } = tileForIndex(t.h, index);
  if (t.l !== t1.l || t.n !== t1.n || t.w < t1.w) {
    throw new SumdbError(`index ${index} is in ${tilePath(t1)} not ${tilePath(t)}`);
  }
  return tileHash(data.subarray(start, end));
}

/** The tiles (full and every partial width) published when a tree grows from oldSize to newSize. */
export function newTiles(h: number, oldSize: number, newSize: number): Tile[] {
  if (h <= 0) throw new SumdbError(`NewTiles: invalid height ${h}`);
  const tiles: Tile[] = [];
  const full = 2 ** h;
  for (let level = 0; shr(newSize, h * level) > 0; level++) {
    const oldN = shr(oldSize, h * level);
    const newN = shr(newSize, h * level);
    for (let n = shr(oldN, h); n < shr(newN, h); n++) tiles.push({ h, l: level, n, w: full });
    const n = shr(newN, h);
    const maxW = newN - n * full;
    const minW = oldN > n * full ? oldN - n * full : 1;
    for (let w = minW; w <= maxW; w++) tiles.push({ h, l: level, n, w });
  }
  return tiles;
}

/** The tiles, one per level, that exist for a tree of the given size (full ones plus the right edge). */
export function tilesForSize(h: number, size: number): Tile[] {
  return newTiles(h, 0, size).filter((t, i, all) => {
    const next = all[i + 1];
    // Keep only the widest partial of each (level, n).
    return !(next && next.l === t.l && next.n === t.n && next.w > t.w);
  });
}

/** Builds tile t's bytes from stored hashes (what a server serves). */
export async function readTileData(t: Tile, r: HashReader): Promise<Buffer> {
  const size = t.w === 0 ? 2 ** t.h : t.w;
  const start = t.n * 2 ** t.h;
  const indexes: number[] = [];
  for (let i = 0; i < size; i++) indexes.push(storedHashIndex(t.h * t.l, start + i));
  const hashes = await r.readHashes(indexes);
  if (hashes.length !== indexes.length) {
    throw new SumdbError(`tlog: ReadHashes(${indexes.length} indexes) = ${hashes.length} hashes`);
  }
  return Buffer.concat(hashes);
}

/** Where tiles come from; data need not be trusted (the reader authenticates it). */
export interface TileReader {
  readonly height: number;
  /** Returns each tile's bytes (length w·32), in order. */
  readTiles(tiles: readonly Tile[]): Promise<Buffer[]>;
  /** Called with tiles once they are authenticated against a signed tree. */
  saveTiles?(tiles: readonly Tile[], data: readonly Buffer[]): void;
}

/** t's k-th parent among the tiles of a tree of size n, or undefined past the right edge. */
function tileParent(t: Tile, k: number, n: number): Tile | undefined {
  const l = t.l + k;
  const tn = shr(t.n, k * t.h);
  let w = 2 ** t.h;
  const max = shr(n, l * t.h);
  if (tn * 2 ** t.h + w >= max) {
    if (tn * 2 ** t.h >= max) return undefined;
    w = max - tn * 2 ** t.h;
  }
  return { h: t.h, l, n: tn, w };
}

const key = (t: Tile): string => `${t.h}/${t.l}/${t.n}/${t.w}`;

/** The fetch plan of {@link tileHashReader}: which tiles, in which order, and where each index lives. */
export interface TilePlan {
  tiles: Tile[];
  /** Stored indexes of the tree's covering subtrees. */
  stx: number[];
  stxTile: number[];
  indexTile: number[];
  /** How many leading entries of `tiles` hold the covering subtrees. */
  stxTiles: number;
  order: Map<string, number>;
}

/**
 * Plans the tiles needed to read `indexes` from the tree of size `treeSize`
 * with authentication: first the tiles holding the tree's covering subtrees
 * (they authenticate against the root), then for each index the chain of
 * full tiles down from an already-planned ancestor. Same order as x/mod.
 */
export function planTiles(h: number, treeSize: number, indexes: readonly number[]): TilePlan {
  const order = new Map<string, number>();
  const tiles: Tile[] = [];
  const stx = subTreeIndex(0, treeSize);
  const stxTile: number[] = [];
  for (const x of stx) {
    const t = tileParent(tileForIndex(h, x).tile, 0, treeSize)!;
    const j = order.get(key(t));
    if (j !== undefined) {
      stxTile.push(j);
      continue;
    }
    stxTile.push(tiles.length);
    order.set(key(t), tiles.length);
    tiles.push(t);
  }
  const stxTiles = tiles.length;
  const indexTile: number[] = [];
  for (const x of indexes) {
    if (x >= storedHashIndex(0, treeSize)) throw new SumdbError('indexes not in tree');
    const base = tileForIndex(h, x).tile;
    let k = 0;
    for (; ; k++) {
      const p = tileParent(base, k, treeSize);
      const j = p && order.get(key(p));
      if (j !== undefined) {
        if (k === 0) indexTile.push(j);
        break;
      }
      if (!p) throw new SumdbError(`bad math in tileHashReader: ${treeSize} ${x}`);
    }
    for (k--; k >= 0; k--) {
      const p = tileParent(base, k, treeSize)!;
      if (p.w !== 2 ** p.h) {
        throw new SumdbError(`bad math in tileHashReader: ${treeSize} ${x} ${tilePath(p)}`);
      }
      order.set(key(p), tiles.length);
      if (k === 0) indexTile.push(tiles.length);
      tiles.push(p);
    }
  }
  return { tiles, stx, stxTile, indexTile, stxTiles, order };
}

/**
 * A HashReader over the tiles of a signed tree. Every tile it uses is first
 * checked to hash up to `tree.hash` (the edge tiles directly, inner tiles
 * through their parents), so each hash it returns is proven to be in the
 * tree; otherwise it throws InconsistentTileError.
 */
export function tileHashReader(tree: Tree, tr: TileReader): HashReader {
  return {
    async readHashes(indexes) {
      if (tree.n <= 0) throw new SumdbError('indexes not in tree');
      const h = tr.height;
      const plan = planTiles(h, tree.n, indexes);
      const { tiles, stx, stxTile, indexTile, stxTiles, order } = plan;
      const data = await tr.readTiles(tiles);
      if (data.length !== tiles.length) {
        throw new SumdbError(
          `TileReader returned bad result slice (len=${data.length}, want ${tiles.length})`,
        );
      }
      tiles.forEach((t, i) => {
        if (data[i]!.length !== t.w * HASH_SIZE) {
          throw new SumdbError(
            `TileReader returned bad result slice (${tilePath(t)} len=${data[i]!.length}, want ${t.w * HASH_SIZE})`,
          );
        }
      });

      const last = stx.length - 1;
      let th = hashFromTile(tiles[stxTile[last]!]!, data[stxTile[last]!]!, stx[last]!);
      for (let i = last - 1; i >= 0; i--) {
        th = nodeHash(hashFromTile(tiles[stxTile[i]!]!, data[stxTile[i]!]!, stx[i]!), th);
      }
      if (!th.equals(tree.hash)) throw new InconsistentTileError();

      // x/mod starts this loop at the number of covering subtrees, not of
      // their (deduplicated) tiles, and so never checks the first inner
      // tiles, often the very leaf tile the record hash is read from. Every
      // tile past the edge ones is checked here.
      for (let i = stxTiles; i < tiles.length; i++) {
        const t = tiles[i]!;
        const p = tileParent(t, 1, tree.n);
        const j = p && order.get(key(p));
        if (p === undefined || j === undefined) {
          throw new SumdbError(
            `bad math in tileHashReader ${tree.n}: lost parent of ${tilePath(t)}`,
          );
        }
        const want = hashFromTile(p, data[j]!, storedHashIndex(p.l * p.h, t.n));
        if (!want.equals(tileHash(data[i]!))) throw new InconsistentTileError();
      }

      tr.saveTiles?.(tiles, data);
      return indexes.map((x, i) => hashFromTile(tiles[indexTile[i]!]!, data[indexTile[i]!]!, x));
    },
  };
}

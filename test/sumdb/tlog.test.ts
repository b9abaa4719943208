import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  InconsistentTileError,
  InvalidProofError,
  MalformedRecordError,
  MalformedTilePathError,
  MalformedTreeError,
  ZERO_HASH,
  checkRecord,
  checkTree,
  formatRecord,
  formatTree,
  newTiles,
  parseDataTile,
  parseRecord,
  parseTilePath,
  parseTree,
  planTiles,
  proveRecord,
  proveTree,
  readTileData,
  recordHash,
  splitStoredHashIndex,
  storedHashIndex,
  storedHashesForRecordHash,
  tileHashReader,
  tilePath,
  tilesForSize,
  treeHash,
  type Hash,
  type HashReader,
  type Tile,
  type TileReader,
} from '../../src/sumdb/index.js';
import { vectorsDir } from '../support/vectors.js';

interface TilePathCase {
  path: string;
  invalid?: boolean;
  H: number;
  L: number | 'data';
  N: number;
  W: number;
}
interface Vectors {
  tlog: {
    recordHash: { dataUtf8: string; hashB64: string }[];
    emptyTreeHashB64: string;
    formatTree: { treeSize: number; text: string };
    parseTree: { mustReject: string[]; mustAcceptIgnoringTrailingLines: string[] };
    formatRecord: {
      id: number;
      text: string;
      lookupBodyPrefix: string;
      invalidRecordTexts: string[];
    };
    parseRecordMustReject: { cases: string[] };
    tilePaths: { cases: TilePathCase[]; extraDocExample: { cases: TilePathCase[] } };
    storedHashIndex: { table: { level: number; n: number; index: number }[] };
  };
  sumdbTestLog: {
    records: { text: string; recordHashB64: string }[];
    trees: Record<string, { treeHashB64: string; noteText: string }>;
    storedHashesB64: string[];
    hashTiles: Record<string, { hex: string }>;
    dataTiles: Record<string, string>;
    recordProofs: { cases: { treeSize: number; index: number; proofB64: string[] }[] };
    treeProofs: { cases: { oldSize: number; newSize: number; proofB64: string[] }[] };
    fork: {
      newLogRecord4And5: string[];
      newNote: string;
      newTreeHashAtSize5B64: string;
      consistencyProof5to6InNewTreeB64: string[];
    };
  };
  tilePlanning: {
    record: { treeSize: number; recordId: number; tiles: string[] }[];
    treeHash: { treeSize: number; tiles: string[] }[];
    consistency: { oldSize: number; newSize: number; tiles: string[] }[];
  };
}
interface TlogVectors {
  log: {
    allRecordsBase64: string[];
    recordsHead: { index: number; data: string; recordHash: string }[];
    trees: { size: number; rootHash: string; treeNote: string }[];
    inclusion: { record: number; treeSize: number; proof: string[] }[];
    consistency: { oldSize: number; newSize: number; proof: string[] }[];
    tiles: {
      path: string;
      height: number;
      level: number;
      index: number;
      width: number;
      dataBase64: string;
    }[];
    tilePaths: {
      path: string;
      height: number;
      level: number | 'data';
      index: number;
      width: number;
    }[];
  };
}
const v = JSON.parse(readFileSync(path.join(vectorsDir, 'sumdb/vectors.json'), 'utf8')) as Vectors;
const tv = JSON.parse(
  readFileSync(path.join(vectorsDir, 'sumdb/tlog-note-vectors.json'), 'utf8'),
) as TlogVectors;
const b64 = (s: string) => Buffer.from(s, 'base64');

/** An in-memory log built from record texts with our storedHashes. */
async function buildLog(records: Buffer[]): Promise<HashReader & { hashes: Hash[] }> {
  const hashes: Hash[] = [];
  const r = { hashes, readHashes: (ix: readonly number[]) => ix.map((i) => hashes[i]!) };
  for (let i = 0; i < records.length; i++) {
    hashes.push(...(await storedHashesForRecordHash(i, recordHash(records[i]!), r)));
  }
  return r;
}

describe('tlog text forms (x/mod note_test.go vectors)', () => {
  it('hashes records', () => {
    for (const c of v.tlog.recordHash)
      expect(recordHash(c.dataUtf8).toString('base64')).toBe(c.hashB64);
  });

  it('formats and parses tree notes', () => {
    const f = v.tlog.formatTree;
    const tree = { n: f.treeSize, hash: recordHash('hello world') };
    expect(formatTree(tree)).toBe(f.text);
    expect(parseTree(f.text)).toEqual(tree);
    for (const t of v.tlog.parseTree.mustReject)
      expect(() => parseTree(t)).toThrow(new MalformedTreeError());
    for (const t of v.tlog.parseTree.mustAcceptIgnoringTrailingLines)
      expect(parseTree(t)).toEqual(tree);
    expect(() =>
      parseTree('go.sum database tree\n+5\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n'),
    ).toThrow(MalformedTreeError);
  });

  it('formats and parses records', () => {
    const f = v.tlog.formatRecord;
    expect(formatRecord(f.id, f.text).toString()).toBe(f.lookupBodyPrefix);
    for (const t of f.invalidRecordTexts)
      expect(() => formatRecord(1, t)).toThrow(MalformedRecordError);
    const parsed = parseRecord(`${f.lookupBodyPrefix}rest`);
    expect(parsed.id).toBe(f.id);
    expect(parsed.text.toString()).toBe(f.text);
    expect(parsed.rest.toString()).toBe('rest');
    for (const t of v.tlog.parseRecordMustReject.cases) {
      expect(() => parseRecord(t)).toThrow(new MalformedRecordError());
    }
    expect(() => parseRecord(Buffer.from('123\nhello\xffworld\n\n', 'latin1'))).toThrow(
      MalformedRecordError,
    );
  });

  it('converts tile coordinates and paths', () => {
    const cases = [...v.tlog.tilePaths.cases, ...v.tlog.tilePaths.extraDocExample.cases];
    for (const c of cases) {
      if (c.invalid) {
        expect(() => parseTilePath(c.path)).toThrow(MalformedTilePathError);
        continue;
      }
      const t: Tile = { h: c.H, l: c.L === 'data' ? -1 : c.L, n: c.N, w: c.W };
      expect(tilePath(t)).toBe(c.path);
      expect(parseTilePath(c.path)).toEqual(t);
    }
    for (const c of tv.log.tilePaths) {
      const t: Tile = { h: c.height, l: c.level === 'data' ? -1 : c.level, n: c.index, w: c.width };
      expect(tilePath(t)).toBe(c.path);
      expect(parseTilePath(c.path)).toEqual(t);
    }
    for (const bad of [
      'tile/8/0/001.p/256',
      'tile/8/0/001.p/0',
      'tile/31/0/001',
      'tile/8/0/1',
      'tile/8/0/x000/001',
    ]) {
      expect(() => parseTilePath(bad)).toThrow(new MalformedTilePathError(bad));
    }
  });

  it('maps stored hash indexes both ways', () => {
    for (const c of v.tlog.storedHashIndex.table) {
      expect(storedHashIndex(c.level, c.n)).toBe(c.index);
      expect(splitStoredHashIndex(c.index)).toEqual([c.level, c.n]);
    }
    // Beyond 2^32: no 32-bit truncation.
    const big = storedHashIndex(0, 2 ** 33 + 5);
    expect(splitStoredHashIndex(big)).toEqual([0, 2 ** 33 + 5]);
  });

  it('follows Go for the empty tree (all-zero hash)', async () => {
    expect(await treeHash(0, { readHashes: () => [] })).toEqual(Buffer.alloc(32));
    expect(ZERO_HASH).toEqual(Buffer.alloc(32));
  });
});

describe('sumdbTestLog (x/mod client_test.go log, height 2)', () => {
  const L = v.sumdbTestLog;
  const texts: Buffer[] = L.records.map((r) => Buffer.from(r.text));

  it('has the record hashes, stored hashes and tree hashes', async () => {
    L.records.forEach((r, i) =>
      expect(recordHash(texts[i]!).toString('base64')).toBe(r.recordHashB64),
    );
    const log = await buildLog(texts);
    expect(log.hashes.map((h) => h.toString('base64'))).toEqual(L.storedHashesB64);
    for (const [size, t] of Object.entries(L.trees)) {
      if (size === '0') continue; // Go's empty tree is all zeros; see the tlog tests above.
      const sub = await buildLog(texts.slice(0, Number(size)));
      expect((await treeHash(Number(size), sub)).toString('base64')).toBe(t.treeHashB64);
      expect(formatTree({ n: Number(size), hash: b64(t.treeHashB64) })).toBe(t.noteText);
    }
    expect(L.trees['0']!.treeHashB64).toBe(v.tlog.emptyTreeHashB64);
  });

  it('serves the hash tiles and data tiles', async () => {
    const log = await buildLog(texts);
    for (const [p, t] of Object.entries(L.hashTiles)) {
      expect((await readTileData(parseTilePath(p), log)).toString('hex')).toBe(t.hex);
    }
    for (const [p, data] of Object.entries<string>(L.dataTiles)) {
      const t = parseTilePath(p);
      const recs = parseDataTile(Buffer.from(data));
      expect(recs.map(String)).toEqual(texts.slice(t.n * 4, t.n * 4 + t.w).map(String));
    }
  });

  it('has every inclusion proof', async () => {
    for (const c of L.recordProofs.cases) {
      const log = await buildLog(texts.slice(0, c.treeSize));
      const p = await proveRecord(c.treeSize, c.index, log);
      expect(p.map((h) => h.toString('base64'))).toEqual(c.proofB64);
      const th = b64(L.trees[c.treeSize]!.treeHashB64);
      checkRecord(p, c.treeSize, th, c.index, recordHash(texts[c.index]!));
      expect(() => checkRecord(p, c.treeSize, th, c.index, recordHash('other\n'))).toThrow(
        InvalidProofError,
      );
      if (p.length > 0)
        expect(() =>
          checkRecord(p.slice(1), c.treeSize, th, c.index, recordHash(texts[c.index]!)),
        ).toThrow(InvalidProofError);
    }
  });

  it('has every consistency proof', async () => {
    for (const c of L.treeProofs.cases) {
      const log = await buildLog(texts.slice(0, c.newSize));
      const p = await proveTree(c.newSize, c.oldSize, log);
      expect(p.map((h) => h.toString('base64'))).toEqual(c.proofB64);
      const oldH = b64(L.trees[c.oldSize]!.treeHashB64);
      const newH = b64(L.trees[c.newSize]!.treeHashB64);
      checkTree(p, c.newSize, newH, c.oldSize, oldH);
      if (c.oldSize !== c.newSize)
        expect(() => checkTree(p, c.newSize, newH, c.oldSize, newH)).toThrow(InvalidProofError);
    }
  });

  it('reproduces the fork proof of TestClientFork', async () => {
    const f = L.fork;
    const forked = [...texts.slice(0, 4), ...f.newLogRecord4And5.map((t) => Buffer.from(t))];
    const log = await buildLog(forked);
    const h5 = await treeHash(5, log);
    expect(h5.toString('base64')).toBe(f.newTreeHashAtSize5B64);
    const p = await proveTree(6, 5, log);
    expect(p.map((h) => h.toString('base64'))).toEqual(f.consistencyProof5to6InNewTreeB64);
    const newRoot = parseTree(f.newNote.split('\n\n')[0] + '\n').hash;
    checkTree(p, 6, newRoot, 5, h5);
  });
});

describe('tlog-note-vectors (1000 records made with x/mod)', () => {
  const records: Buffer[] = tv.log.allRecordsBase64.map((s) => b64(s));
  let logPromise: Promise<HashReader & { hashes: Hash[] }> | undefined;
  const log = () => (logPromise ??= buildLog(records));

  it('has the record hashes and tree hashes', async () => {
    for (const r of tv.log.recordsHead) {
      expect(records[r.index]!.toString()).toBe(r.data);
      expect(recordHash(records[r.index]!).toString('base64')).toBe(r.recordHash);
    }
    for (const t of tv.log.trees) {
      expect((await treeHash(t.size, await log())).toString('base64')).toBe(t.rootHash);
      expect(formatTree({ n: t.size, hash: b64(t.rootHash) })).toBe(t.treeNote);
    }
  });

  it('has the inclusion and consistency proofs', async () => {
    const root = async (n: number) => treeHash(n, await log());
    for (const c of tv.log.inclusion) {
      const p = await proveRecord(c.treeSize, c.record, await log());
      expect(p.map((h) => h.toString('base64'))).toEqual(c.proof);
      checkRecord(p, c.treeSize, await root(c.treeSize), c.record, recordHash(records[c.record]!));
    }
    for (const c of tv.log.consistency) {
      const p = await proveTree(c.newSize, c.oldSize, await log());
      expect(p.map((h) => h.toString('base64'))).toEqual(c.proof);
      checkTree(p, c.newSize, await root(c.newSize), c.oldSize, await root(c.oldSize));
    }
  });

  it('has the tiles', async () => {
    for (const t of tv.log.tiles) {
      const tile = parseTilePath(t.path);
      expect(tile).toEqual({ h: t.height, l: t.level, n: t.index, w: t.width });
      const built = tile.h === 2 ? await buildLog(records) : await log();
      expect((await readTileData(tile, built)).toString('base64')).toBe(t.dataBase64);
    }
  });

  it('authenticates hashes through tiles and rejects a corrupted tile', async () => {
    const l = await log();
    for (const h of [2, 8]) {
      const reader = (flip?: string): TileReader => ({
        height: h,
        readTiles: (tiles) =>
          Promise.all(
            tiles.map(async (t) => {
              const d = await readTileData(t, l);
              if (tilePath(t) === flip) d[0]! ^= 1;
              return d;
            }),
          ),
      });
      const tree = { n: 1000, hash: await treeHash(1000, l) };
      const want = [0, 5, 999].map((i) => recordHash(records[i]!));
      const got = await tileHashReader(tree, reader()).readHashes(
        [0, 5, 999].map((i) => storedHashIndex(0, i)),
      );
      expect(got).toEqual(want);
      const plan = planTiles(h, 1000, [storedHashIndex(0, 5)]);
      for (const t of plan.tiles) {
        await expect(
          tileHashReader(tree, reader(tilePath(t))).readHashes([storedHashIndex(0, 5)]),
        ).rejects.toThrow(new InconsistentTileError());
      }
    }
  });
});

describe('tile planning (x/mod TileHashReader request order, height 8)', () => {
  const P = v.tilePlanning;
  it('plans record authentication', () => {
    for (const c of P.record) {
      const plan = planTiles(8, c.treeSize, [storedHashIndex(0, c.recordId)]);
      expect(plan.tiles.map(tilePath)).toEqual(c.tiles);
    }
  });
  it('plans tree hashes', () => {
    for (const c of P.treeHash)
      expect(planTiles(8, c.treeSize, []).tiles.map(tilePath)).toEqual(c.tiles);
  });
  it('plans consistency checks', async () => {
    for (const c of P.consistency) {
      // treeHash(old) under the new tree reads exactly subTreeIndex(0, old).
      let asked: readonly number[] = [];
      await treeHash(c.oldSize, {
        readHashes: (ix) => {
          asked = ix;
          return ix.map(() => Buffer.alloc(32));
        },
      });
      expect(planTiles(8, c.newSize, asked).tiles.map(tilePath)).toEqual(c.tiles);
    }
  });
  it('lists the tiles of a tree (spec example N = 1514086)', () => {
    const tiles = tilesForSize(8, 1514086);
    const partial = tiles.filter((t) => t.w < 256).map(tilePath);
    expect(partial).toEqual(['tile/8/0/x005/914.p/102', 'tile/8/1/023.p/26', 'tile/8/2/000.p/23']);
    expect(tiles.filter((t) => t.l === 0 && t.w === 256)).toHaveLength(5914);
    expect(tiles.filter((t) => t.l === 1 && t.w === 256)).toHaveLength(23);
    expect(newTiles(2, 4, 6).map(tilePath)).toEqual(
      Object.keys(v.sumdbTestLog.hashTiles).filter(
        (p) => p.startsWith('tile/2/0/001') || p === 'tile/2/1/000.p/1',
      ),
    );
  });
});

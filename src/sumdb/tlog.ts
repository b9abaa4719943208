// The transparency log of golang.org/x/mod/sumdb/tlog (RFC 6962 hashing,
// stored-hash layout, inclusion and consistency proofs). Indexes exceed 2^31,
// so all coordinate arithmetic uses division by powers of two, never shifts.
import { createHash } from 'node:crypto';
import { InvalidProofError, SumdbError } from './errors.js';

export const HASH_SIZE = 32;

/** A 32-byte tree or record hash. */
export type Hash = Buffer;

/** A signed tree head: size and root hash. */
export interface Tree {
  n: number;
  hash: Hash;
}

/** Reads stored hashes by stored-hash index (see {@link storedHashIndex}). */
export interface HashReader {
  readHashes(indexes: readonly number[]): Hash[] | Promise<Hash[]>;
}

/** RFC 6962 leaf hash: SHA-256(0x00 ‖ data). */
export function recordHash(data: Uint8Array | string): Hash {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(data)
    .digest();
}

/** RFC 6962 interior hash: SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Hash {
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();
}

/** Go's TreeHash of the empty tree: all zero bytes (not RFC 6962's SHA-256 of nothing). */
export const ZERO_HASH: Hash = Buffer.alloc(HASH_SIZE);

/** n >> k without 32-bit truncation. */
export function shr(n: number, k: number): number {
  return Math.floor(n / 2 ** k);
}

function trailingZeros(n: number): number {
  let z = 0;
  while (n > 0 && n % 2 === 0) {
    n /= 2;
    z++;
  }
  return z;
}

/** The largest power of two strictly below n, and its log2. */
function maxpow2(n: number): [number, number] {
  let l = 0;
  while (2 ** (l + 1) < n) l++;
  return [2 ** l, l];
}

/** Maps tree coordinates (level, n) to the dense storage order a server appends in. */
export function storedHashIndex(level: number, n: number): number {
  for (let l = level; l > 0; l--) n = 2 * n + 1;
  let i = 0;
  for (; n > 0; n = Math.floor(n / 2)) i += n;
  return i + level;
}

/** Inverse of {@link storedHashIndex}. */
export function splitStoredHashIndex(index: number): [level: number, n: number] {
  let n = Math.floor(index / 2);
  let indexN = storedHashIndex(0, n);
  if (indexN > index) throw new SumdbError('bad math');
  for (;;) {
    const x = indexN + 1 + trailingZeros(n + 1);
    if (x > index) break;
    n++;
    indexN = x;
  }
  const level = index - indexN;
  return [level, shr(n, level)];
}

/** How many stored hashes a tree of n records has. */
export function storedHashCount(n: number): number {
  if (n === 0) return 0;
  let count = storedHashIndex(0, n - 1) + 1;
  for (let i = n - 1; i % 2 === 1; i = Math.floor(i / 2)) count++;
  return count;
}

/**
 * The hashes to append when writing record n whose leaf hash is h: the leaf
 * and every subtree it completes (reads earlier hashes from r).
 */
export async function storedHashesForRecordHash(
  n: number,
  h: Hash,
  r: HashReader,
): Promise<Hash[]> {
  const hashes = [h];
  const m = trailingZeros(n + 1);
  const indexes = new Array<number>(m);
  for (let i = 0; i < m; i++) indexes[m - 1 - i] = storedHashIndex(i, shr(n, i) - 1);
  const old = await r.readHashes(indexes);
  if (old.length !== indexes.length) {
    throw new SumdbError(`tlog: ReadHashes(${indexes.length} indexes) = ${old.length} hashes`);
  }
  let cur = h;
  for (let i = 0; i < m; i++) {
    cur = nodeHash(old[m - 1 - i]!, cur);
    hashes.push(cur);
  }
  return hashes;
}

/** Storage indexes of the maximal perfect subtrees covering [lo, hi), left to right. */
export function subTreeIndex(lo: number, hi: number, need: number[] = []): number[] {
  while (lo < hi) {
    const [k, level] = maxpow2(hi - lo + 1);
    if (lo % k !== 0) throw new SumdbError('tlog: bad math in subTreeIndex');
    need.push(storedHashIndex(level, shr(lo, level)));
    lo += k;
  }
  return need;
}

function subTreeHash(lo: number, hi: number, hashes: Hash[]): [Hash, Hash[]] {
  let numTree = 0;
  while (lo < hi) {
    const [k] = maxpow2(hi - lo + 1);
    if (lo % k !== 0) throw new SumdbError('tlog: bad math in subTreeHash');
    numTree++;
    lo += k;
  }
  if (hashes.length < numTree) throw new SumdbError('tlog: bad index math in subTreeHash');
  let h = hashes[numTree - 1]!;
  for (let i = numTree - 2; i >= 0; i--) h = nodeHash(hashes[i]!, h);
  return [h, hashes.slice(numTree)];
}

async function readExactly(r: HashReader, indexes: number[]): Promise<Hash[]> {
  const hashes = await r.readHashes(indexes);
  if (hashes.length !== indexes.length) {
    throw new SumdbError(`tlog: ReadHashes(${indexes.length} indexes) = ${hashes.length} hashes`);
  }
  return hashes;
}

/** Root hash of the tree of the first n records (all zeros for n = 0, as in Go). */
export async function treeHash(n: number, r: HashReader): Promise<Hash> {
  if (n === 0) return ZERO_HASH;
  const indexes = subTreeIndex(0, n);
  const [h, rest] = subTreeHash(0, n, await readExactly(r, indexes));
  if (rest.length !== 0) throw new SumdbError('tlog: bad index math in TreeHash');
  return h;
}

function leafProofIndex(lo: number, hi: number, n: number, need: number[]): number[] {
  if (!(lo <= n && n < hi)) throw new SumdbError('tlog: bad math in leafProofIndex');
  if (lo + 1 === hi) return need;
  const [k] = maxpow2(hi - lo);
  if (n < lo + k) {
    leafProofIndex(lo, lo + k, n, need);
    subTreeIndex(lo + k, hi, need);
  } else {
    subTreeIndex(lo, lo + k, need);
    leafProofIndex(lo + k, hi, n, need);
  }
  return need;
}

function leafProof(lo: number, hi: number, n: number, hashes: Hash[]): [Hash[], Hash[]] {
  if (lo + 1 === hi) return [[], hashes];
  const [k] = maxpow2(hi - lo);
  let p: Hash[];
  let th: Hash;
  if (n < lo + k) {
    [p, hashes] = leafProof(lo, lo + k, n, hashes);
    [th, hashes] = subTreeHash(lo + k, hi, hashes);
  } else {
    [th, hashes] = subTreeHash(lo, lo + k, hashes);
    [p, hashes] = leafProof(lo + k, hi, n, hashes);
  }
  return [[...p, th], hashes];
}

/** The RFC 6962 audit path proving record n is in the tree of size t. */
export async function proveRecord(t: number, n: number, r: HashReader): Promise<Hash[]> {
  if (t < 0 || n < 0 || n >= t) throw new SumdbError('tlog: invalid inputs in ProveRecord');
  const indexes = leafProofIndex(0, t, n, []);
  if (indexes.length === 0) return [];
  const [p, rest] = leafProof(0, t, n, await readExactly(r, indexes));
  if (rest.length !== 0) throw new SumdbError('tlog: bad index math in ProveRecord');
  return p;
}

function runRecordProof(p: readonly Hash[], lo: number, hi: number, n: number, leaf: Hash): Hash {
  if (lo + 1 === hi) {
    if (p.length !== 0) throw new InvalidProofError();
    return leaf;
  }
  if (p.length === 0) throw new InvalidProofError();
  const [k] = maxpow2(hi - lo);
  const last = p[p.length - 1]!;
  const inner = p.slice(0, -1);
  if (n < lo + k) return nodeHash(runRecordProof(inner, lo, lo + k, n, leaf), last);
  return nodeHash(last, runRecordProof(inner, lo + k, hi, n, leaf));
}

/** Checks that p proves the tree (t, th) has leaf hash h at index n; throws InvalidProofError. */
export function checkRecord(p: readonly Hash[], t: number, th: Hash, n: number, h: Hash): void {
  if (t < 0 || n < 0 || n >= t) throw new SumdbError('tlog: invalid inputs in CheckRecord');
  if (!runRecordProof(p, 0, t, n, h).equals(th)) throw new InvalidProofError();
}

function treeProofIndex(lo: number, hi: number, n: number, need: number[]): number[] {
  if (!(lo < n && n <= hi)) throw new SumdbError('tlog: bad math in treeProofIndex');
  if (n === hi) return lo === 0 ? need : subTreeIndex(lo, hi, need);
  const [k] = maxpow2(hi - lo);
  if (n <= lo + k) {
    treeProofIndex(lo, lo + k, n, need);
    subTreeIndex(lo + k, hi, need);
  } else {
    subTreeIndex(lo, lo + k, need);
    treeProofIndex(lo + k, hi, n, need);
  }
  return need;
}

function treeProof(lo: number, hi: number, n: number, hashes: Hash[]): [Hash[], Hash[]] {
  if (n === hi) {
    if (lo === 0) return [[], hashes];
    const [th, rest] = subTreeHash(lo, hi, hashes);
    return [[th], rest];
  }
  const [k] = maxpow2(hi - lo);
  let p: Hash[];
  let th: Hash;
  if (n <= lo + k) {
    [p, hashes] = treeProof(lo, lo + k, n, hashes);
    [th, hashes] = subTreeHash(lo + k, hi, hashes);
  } else {
    [th, hashes] = subTreeHash(lo, lo + k, hashes);
    [p, hashes] = treeProof(lo + k, hi, n, hashes);
  }
  return [[...p, th], hashes];
}

/** The RFC 6962 consistency proof that the tree of size n is a prefix of the tree of size t. */
export async function proveTree(t: number, n: number, r: HashReader): Promise<Hash[]> {
  if (t < 1 || n < 1 || n > t) throw new SumdbError('tlog: invalid inputs in ProveTree');
  const indexes = treeProofIndex(0, t, n, []);
  if (indexes.length === 0) return [];
  const [p, rest] = treeProof(0, t, n, await readExactly(r, indexes));
  if (rest.length !== 0) throw new SumdbError('tlog: bad index math in ProveTree');
  return p;
}

function runTreeProof(
  p: readonly Hash[],
  lo: number,
  hi: number,
  n: number,
  old: Hash,
): [Hash, Hash] {
  if (n === hi) {
    if (lo === 0) {
      if (p.length !== 0) throw new InvalidProofError();
      return [old, old];
    }
    if (p.length !== 1) throw new InvalidProofError();
    return [p[0]!, p[0]!];
  }
  if (p.length === 0) throw new InvalidProofError();
  const [k] = maxpow2(hi - lo);
  const last = p[p.length - 1]!;
  const inner = p.slice(0, -1);
  if (n <= lo + k) {
    const [oh, th] = runTreeProof(inner, lo, lo + k, n, old);
    return [oh, nodeHash(th, last)];
  }
  const [oh, th] = runTreeProof(inner, lo + k, hi, n, old);
  return [nodeHash(last, oh), nodeHash(last, th)];
}

/** Checks that p proves the tree (t, th) extends the tree (n, h); throws InvalidProofError. */
export function checkTree(p: readonly Hash[], t: number, th: Hash, n: number, h: Hash): void {
  if (t < 1 || n < 1 || n > t) throw new SumdbError('tlog: invalid inputs in CheckTree');
  const [h2, th2] = runTreeProof(p, 0, t, n, h);
  if (!th2.equals(th) || !h2.equals(h)) throw new InvalidProofError();
}

// git names every file content by its blob id; a module version's h1 needs
// only the SHA-256 of each file content. Across the versions of a
// repository most files are the same blobs again, so their SHA-256 is
// computed once per run: a map blob id → (SHA-256, size), 32 bytes of
// digest per distinct blob, never the contents. The digest is of the blob's
// raw bytes: callers use it only where git would hand out those bytes
// unchanged (no attribute or conversion applies).
import { createHash } from 'node:crypto';
import type { CatFileBatch } from './cat-file-batch.js';

export interface BlobDigest {
  sha256: Buffer;
  size: number;
}

/** The object is absent from the repository (or not a blob). */
export class BlobMissingError extends Error {
  override name = 'BlobMissingError';
}

export class BlobCache {
  // Digests packed 32 bytes apiece in one growing buffer, sizes beside them,
  // the map holding only id → slot: about 100 bytes per distinct blob.
  private readonly slots = new Map<string, number>();
  private slab = Buffer.alloc(32 * 1024);
  private sizes = new Float64Array(1024);
  private readonly inFlight = new Map<string, Promise<BlobDigest>>();
  /** Blobs whose content was read and hashed (each distinct blob at most once). */
  blobsHashed = 0;
  /** Content bytes hashed. */
  bytesHashed = 0;
  /** Requests answered from the map (or joined to a read already under way). */
  hits = 0;

  constructor(private readonly batch: CatFileBatch) {}

  /** Distinct blobs remembered. */
  get size(): number {
    return this.slots.size;
  }

  /** The remembered digest of `oid`, without reading anything. */
  peek(oid: string): BlobDigest | undefined {
    const i = this.slots.get(oid);
    return i === undefined ? undefined : this.load(i);
  }

  /** SHA-256 and size of the blob `oid` (a full object id), read at most once per cache. */
  digest(oid: string): Promise<BlobDigest> {
    const known = this.peek(oid);
    if (known !== undefined) {
      this.hits++;
      return Promise.resolve(known);
    }
    const running = this.inFlight.get(oid);
    if (running !== undefined) {
      this.hits++;
      return running;
    }
    const p = this.hash(oid).finally(() => this.inFlight.delete(oid));
    this.inFlight.set(oid, p);
    return p;
  }

  /**
   * The whole content of a small blob (go.mod, .gitattributes), whose
   * digest is remembered on the way; undefined when it is larger than
   * `maxBytes` (then only the digest is kept).
   */
  async content(oid: string, maxBytes = Number.POSITIVE_INFINITY): Promise<Buffer | undefined> {
    const h = createHash('sha256');
    const parts: Buffer[] = [];
    let kept = 0;
    const header = await this.batch.read(oid, (c) => {
      h.update(c);
      kept += c.length;
      if (kept <= maxBytes) parts.push(Buffer.from(c));
    });
    if (header === undefined || header.type !== 'blob') throw notABlob(oid, header?.type);
    if (!this.slots.has(oid)) this.store(oid, h.digest(), header.size);
    return header.size > maxBytes ? undefined : Buffer.concat(parts);
  }

  private async hash(oid: string): Promise<BlobDigest> {
    const h = createHash('sha256');
    const header = await this.batch.read(oid, (c) => h.update(c));
    if (header === undefined || header.type !== 'blob') throw notABlob(oid, header?.type);
    return this.store(oid, h.digest(), header.size);
  }

  private store(oid: string, sha256: Buffer, size: number): BlobDigest {
    const i = this.slots.size;
    if ((i + 1) * 32 > this.slab.length) {
      // Views handed out earlier keep the old buffer; its bytes never change.
      const slab = Buffer.alloc(this.slab.length * 2);
      this.slab.copy(slab);
      this.slab = slab;
      const sizes = new Float64Array(this.sizes.length * 2);
      sizes.set(this.sizes);
      this.sizes = sizes;
    }
    sha256.copy(this.slab, i * 32);
    this.sizes[i] = size;
    this.slots.set(oid, i);
    this.blobsHashed++;
    this.bytesHashed += size;
    return this.load(i);
  }

  private load(i: number): BlobDigest {
    return { sha256: this.slab.subarray(i * 32, i * 32 + 32), size: this.sizes[i] ?? 0 };
  }
}

function notABlob(oid: string, type: string | undefined): BlobMissingError {
  return new BlobMissingError(
    type === undefined ? `blob ${oid} is missing` : `object ${oid} is a ${type}, not a blob`,
  );
}

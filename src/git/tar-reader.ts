// A streaming reader for the tar archives `git archive --format=tar` writes
// (ustar headers, pax extended headers for long names and link targets, a pax
// global header carrying the commit id). Entries are produced one at a time
// and each body must be read (or skipped) before the next entry, so memory
// stays flat however large the repository is.

/** One archive member as git wrote it. Names are raw bytes. */
export interface TarEntry {
  name: Buffer;
  kind: 'file' | 'symlink' | 'dir' | 'other';
  size: number;
  linkName: Buffer;
  /** The member's content in order; reading it is optional. */
  body(): AsyncGenerator<Buffer>;
}

const BLOCK = 512;

/** The stream is not a whole tar archive (cut short, or not tar at all). */
export class TarFormatError extends Error {
  override name = 'TarFormatError';
}

class ChunkReader {
  private chunk: Buffer = Buffer.alloc(0);
  private offset = 0;
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  /** Returns up to max bytes (at least one) or undefined at end of input. */
  async some(max: number): Promise<Buffer | undefined> {
    while (this.offset >= this.chunk.length) {
      const r = await this.source.next();
      if (r.done === true) return undefined;
      this.chunk = r.value;
      this.offset = 0;
    }
    const n = Math.min(max, this.chunk.length - this.offset);
    const out = this.chunk.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  async exact(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n) {
      const p = await this.some(n - got);
      if (p === undefined) throw new TarFormatError('unexpected end of tar archive');
      parts.push(p);
      got += p.length;
    }
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  }

  async skip(n: number): Promise<void> {
    let left = n;
    while (left > 0) {
      const p = await this.some(left);
      if (p === undefined) throw new TarFormatError('unexpected end of tar archive');
      left -= p.length;
    }
  }
}

function cstring(b: Buffer): Buffer {
  const i = b.indexOf(0);
  return i < 0 ? b : b.subarray(0, i);
}

function parseNumber(field: Buffer): number {
  // Sizes of 8 GiB and more use base-256 with the high bit set.
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let n = (field[0] ?? 0) & 0x7f;
    for (let i = 1; i < field.length; i++) n = n * 256 + (field[i] ?? 0);
    return n;
  }
  const text = cstring(field).toString('latin1').trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function parsePax(data: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(0x20, i);
    if (sp < 0) break;
    const len = parseInt(data.subarray(i, sp).toString('latin1'), 10);
    if (!(len > 0)) break;
    const rec = data.subarray(sp + 1, i + len - 1); // without trailing \n
    const eq = rec.indexOf(0x3d);
    if (eq >= 0) out.set(rec.subarray(0, eq).toString('latin1'), Buffer.from(rec.subarray(eq + 1)));
    i += len;
  }
  return out;
}

/**
 * Iterates over the members of a tar stream. After the end-of-archive marker
 * the rest of the source is read and dropped: a process writing the archive
 * (git pads it to 10 KiB records, sometimes in a separate write) cannot exit
 * while its output sits unread.
 */
export async function* readTar(source: AsyncIterable<Buffer>): AsyncGenerator<TarEntry> {
  const r = new ChunkReader(source[Symbol.asyncIterator]());
  let pax = new Map<string, Buffer>();
  for (;;) {
    const first = await r.some(BLOCK);
    if (first === undefined) return;
    const header =
      first.length === BLOCK ? first : Buffer.concat([first, await r.exact(BLOCK - first.length)]);
    if (header.every((b) => b === 0)) {
      while ((await r.some(1 << 16)) !== undefined);
      return;
    }
    const type = String.fromCharCode(header[156] ?? 0);
    let size = parseNumber(header.subarray(124, 136));
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
      const data = await r.exact(size);
      await r.skip(padded - size);
      if (type === 'x') pax = parsePax(data);
      else if (type === 'L') pax.set('path', cstring(data));
      else if (type === 'K') pax.set('linkpath', cstring(data));
      continue;
    }
    let name = cstring(header.subarray(0, 100));
    const magic = header.subarray(257, 262).toString('latin1');
    if (magic === 'ustar') {
      const prefix = cstring(header.subarray(345, 500));
      if (prefix.length > 0) name = Buffer.concat([prefix, Buffer.from('/'), name]);
    }
    let linkName = cstring(header.subarray(157, 257));
    const paxPath = pax.get('path');
    if (paxPath !== undefined) name = paxPath;
    const paxLink = pax.get('linkpath');
    if (paxLink !== undefined) linkName = paxLink;
    const paxSize = pax.get('size');
    if (paxSize !== undefined) size = parseInt(paxSize.toString('latin1'), 10);
    pax = new Map();
    const kind =
      type === '0' || type === '\0' || type === '7'
        ? 'file'
        : type === '2'
          ? 'symlink'
          : type === '5'
            ? 'dir'
            : 'other';
    let consumed = 0;
    const total = size;
    const body = async function* (): AsyncGenerator<Buffer> {
      while (consumed < total) {
        const p = await r.some(total - consumed);
        if (p === undefined) throw new TarFormatError('unexpected end of tar archive');
        consumed += p.length;
        yield p;
      }
    };
    yield { name: Buffer.from(name), kind, size, linkName, body };
    // Whatever the consumer did not read is skipped, then the padding.
    if (consumed < total) {
      const left = total - consumed;
      consumed = total;
      await r.skip(left);
    }
    await r.skip(Math.ceil(total / BLOCK) * BLOCK - total);
  }
}

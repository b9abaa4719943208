// A thin layer over yauzl that reads zips the way Go's archive/zip does for
// module zips: names are raw bytes (never CP437-decoded, never rewritten by
// the Info-ZIP Unicode extra field), declared sizes must be truthful, the
// CRC-32 is checked, and every yauzl failure becomes one sentence instead of
// a stack. The whole archive is never held in memory: the central directory
// is read once, entry data is streamed on demand.
import { promises as fsp } from 'node:fs';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import * as zlib from 'node:zlib';
import yauzl from 'yauzl';
import { decodeGoString } from '../internal/go-string.js';
import { errorMessage } from '../internal/errors.js';

/** One central-directory record. */
export interface ZipEntry {
  /** Position in the central directory. */
  index: number;
  /** The raw name bytes as a Go string (surrogate-escaped where not UTF-8). */
  name: string;
  /** Declared uncompressed size (64-bit values beyond 2^53 lose precision). */
  uncompressedSize: number;
  compressedSize: number;
  crc32: number;
  compressionMethod: number;
  generalPurposeBitFlag: number;
  externalFileAttributes: number;
}

/** An open zip file: its central directory and streamed access to entry data. */
export interface OpenedZip {
  /** Size in bytes of the zip file itself. */
  size: number;
  entries: ZipEntry[];
  /**
   * The decompressed data of an entry. The stream fails with a
   * {@link ZipFormatError} when the data does not match what the central
   * directory declares.
   */
  openEntry(entry: ZipEntry): Promise<Readable>;
  /** Check that the entry's local header is readable without reading its data. */
  checkLocalHeader(entry: ZipEntry): Promise<void>;
  close(): void;
}

/** The zip itself is malformed (the file is readable but not a valid zip). */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

/**
 * An entry's data is longer (`larger`) or shorter (`smaller`) than its
 * declared uncompressed size.
 */
export class ZipEntrySizeError extends ZipFormatError {
  override name = 'ZipEntrySizeError';
  constructor(
    readonly entry: ZipEntry,
    readonly kind: 'larger' | 'smaller',
  ) {
    super(
      `not a valid zip file: ${entry.name}: uncompressed data is ${kind} than the declared size (${entry.uncompressedSize} bytes)`,
    );
  }
}

// Go's os package reports file-system failures as "<op> <path>: <errno text>".
const errnoText: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'file exists',
  ENOTEMPTY: 'directory not empty',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  ENOSPC: 'no space left on device',
  EMFILE: 'too many open files',
};

/** Turn a Node file-system error into Go's `<op> <path>: <text>` form. */
export function goFsError(op: string, path: string, e: unknown): Error {
  const code = (e as { code?: unknown } | undefined)?.code;
  const text = typeof code === 'string' ? errnoText[code] : undefined;
  return new Error(`${op} ${path}: ${text ?? errorMessage(e)}`);
}

function formatError(e: unknown): ZipFormatError {
  if (e instanceof ZipFormatError) return e;
  return new ZipFormatError(`not a valid zip file: ${errorMessage(e)}`);
}

/** Open a zip file and read its central directory. */
export async function openZip(zipPath: string): Promise<OpenedZip> {
  let size: number;
  try {
    const st = await fsp.stat(zipPath);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw goFsError('open', zipPath, e);
  }
  let zf: yauzl.ZipFile;
  try {
    zf = await yauzl.openPromise(zipPath, {
      autoClose: false,
      lazyEntries: true,
      // Go keeps names as raw bytes; yauzl's decoding (CP437, Unicode extra
      // field) and its name validation would change what gets hashed and
      // pre-empt Go's own file-path errors.
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (e) {
    throw formatError(e);
  }
  const raws: yauzl.Entry[] = [];
  const entries: ZipEntry[] = [];
  try {
    for await (const raw of zf.eachEntry()) {
      const nameBytes = raw.fileName as unknown as Buffer;
      entries.push({
        index: entries.length,
        name: decodeGoString(nameBytes),
        uncompressedSize: raw.uncompressedSize,
        compressedSize: raw.compressedSize,
        crc32: raw.crc32,
        compressionMethod: raw.compressionMethod,
        generalPurposeBitFlag: raw.generalPurposeBitFlag,
        externalFileAttributes: raw.externalFileAttributes,
      });
      raws.push(raw);
    }
  } catch (e) {
    zf.close();
    throw formatError(e);
  }

  const rawOf = (entry: ZipEntry): yauzl.Entry => {
    const raw = raws[entry.index];
    if (raw === undefined) throw new Error(`zip entry ${entry.index} does not belong to this zip`);
    return raw;
  };

  return {
    size,
    entries,
    async openEntry(entry) {
      let src: Readable;
      try {
        src = await zf.openReadStreamPromise(rawOf(entry));
      } catch (e) {
        throw formatError(e);
      }
      const checker = new EntryChecker(entry);
      src.on('error', (e) => checker.destroy(translateStreamError(entry, e)));
      checker.on('close', () => src.destroy());
      src.pipe(checker);
      return checker;
    },
    async checkLocalHeader(entry) {
      try {
        await zf.readLocalFileHeaderPromise(rawOf(entry), { minimal: true });
      } catch (e) {
        throw formatError(e);
      }
    },
    close() {
      zf.close();
    },
  };
}

function translateStreamError(entry: ZipEntry, e: unknown): Error {
  const msg = errorMessage(e);
  if (msg.startsWith('too many bytes in the stream')) return new ZipEntrySizeError(entry, 'larger');
  if (msg.startsWith('not enough bytes in the stream'))
    return new ZipEntrySizeError(entry, 'smaller');
  return new ZipFormatError(`not a valid zip file: ${entry.name}: ${msg}`);
}

// Go's archive/zip checks the CRC-32 when the entry has a data descriptor or
// a non-zero recorded CRC; sizes are checked as the data flows.
class EntryChecker extends Transform {
  private crc = 0;
  private count = 0;
  constructor(private readonly entry: ZipEntry) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.count += chunk.length;
    if (this.count > this.entry.uncompressedSize) {
      cb(new ZipEntrySizeError(this.entry, 'larger'));
      return;
    }
    this.crc = crc32(chunk, this.crc);
    cb(null, chunk);
  }
  override _flush(cb: TransformCallback): void {
    if (this.count !== this.entry.uncompressedSize) {
      cb(new ZipEntrySizeError(this.entry, 'smaller'));
      return;
    }
    const hasDescriptor = (this.entry.generalPurposeBitFlag & 0x8) !== 0;
    if ((hasDescriptor || this.entry.crc32 !== 0) && this.crc >>> 0 !== this.entry.crc32 >>> 0) {
      cb(new ZipFormatError(`not a valid zip file: ${this.entry.name}: checksum error`));
      return;
    }
    cb();
  }
}

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE) continuing from `prev`; uses zlib's when the runtime has it. */
export function crc32(data: Uint8Array, prev = 0): number {
  if (nativeCrc32 !== undefined) return nativeCrc32(data, prev) >>> 0;
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = ~prev >>> 0;
  for (const b of data) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

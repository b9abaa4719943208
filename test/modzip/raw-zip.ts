// A tiny zip writer for tests: writes entry names verbatim (yazl refuses
// `..`, absolute paths and the like, which the vectors need), and lets a
// test declare sizes that differ from the data.
import { deflateRawSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import { encodeGoString } from '../../src/internal/go-string.js';

export interface RawZipEntry {
  /** Go string, written as its bytes. */
  name: string;
  data: Uint8Array;
  /** Store instead of deflate. */
  store?: boolean;
  /** Uncompressed size written into the headers (default: the data length). */
  declaredSize?: number;
  /** CRC-32 written into the headers (default: the real one). */
  crc?: number;
}

// The IEEE CRC-32, written out independently of src/ so a bug there cannot
// hide in the test inputs.
const table = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function testCrc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  if (native !== undefined) return native(data) >>> 0;
  let c = 0xffffffff;
  for (const b of data) c = table[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Build a zip (no data descriptors, UTF-8 flag set for non-ASCII names). */
export function buildZip(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = encodeGoString(e.name);
    const method = e.store ? 0 : 8;
    const body = e.store ? Buffer.from(e.data) : deflateRawSync(e.data);
    const crc = e.crc ?? testCrc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const flags = [...e.name].some((c) => c.charCodeAt(0) > 0x7f) ? 0x800 : 0;

    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(flags, 6);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(size >>> 0, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, body);

    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(flags, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(size >>> 0, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += lh.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

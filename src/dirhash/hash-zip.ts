// h1: of a zip file as x/mod's dirhash.HashZip computes it: every
// central-directory entry counts, directory entries included; a name that
// occurs twice is listed twice, both times with the data of its last entry.
import { createHash } from 'node:crypto';
import { compareGoStrings } from '../internal/go-string.js';
import { hash1, newlineErrorText, sha256, type HashedFile } from './hash1.js';
import { openZip, ZipFormatError, type OpenedZip, type ZipEntry } from './zip-reader.js';

/** h1: of the zip at `zipPath`, streaming each entry through SHA-256. */
export async function hashZipFile(zipPath: string): Promise<string> {
  const zip = await openZip(zipPath);
  try {
    return await hashOpenedZip(zip);
  } finally {
    zip.close();
  }
}

/** SHA-256 of an entry's decompressed data, as Go's reader would deliver it. */
export async function entryDigest(zip: OpenedZip, entry: ZipEntry): Promise<Buffer> {
  if (entry.name.endsWith('/')) {
    // Go's reader serves a directory entry as empty and refuses one that
    // declares content; its local header is still checked.
    await zip.checkLocalHeader(entry);
    if (entry.uncompressedSize !== 0) {
      throw new ZipFormatError(
        `not a valid zip file: directory entry ${entry.name} declares ${entry.uncompressedSize} bytes of content`,
      );
    }
    return sha256(new Uint8Array(0));
  }
  const h = createHash('sha256');
  const stream = await zip.openEntry(entry);
  for await (const chunk of stream) h.update(chunk as Buffer);
  return h.digest();
}

/** h1: of an already opened zip (see {@link hashZipFile}). */
export async function hashOpenedZip(zip: OpenedZip): Promise<string> {
  const last = new Map<string, ZipEntry>();
  for (const e of zip.entries) last.set(e.name, e);
  // Walk the names in Go's order so that a newline in a name and a broken
  // entry are reported in the same precedence as Go reports them.
  const names = zip.entries.map((e) => e.name).sort(compareGoStrings);
  const digests = new Map<string, Buffer>();
  const files: HashedFile[] = [];
  for (const name of names) {
    if (name.includes('\n')) throw new Error(newlineErrorText);
    let d = digests.get(name);
    if (d === undefined) {
      d = await entryDigest(zip, last.get(name)!);
      digests.set(name, d);
    }
    files.push({ name, sha256: d });
  }
  return hash1(files);
}

// The h1: hash of x/mod's sumdb/dirhash (Hash1): a SHA-256 over a summary
// listing every file's SHA-256 and name. Names are Go strings (surrogate-
// escaped, see src/internal/go-string.ts); the order is the order of their
// UTF-8 bytes, because that is how Go's sort.Strings compares.
import { createHash } from 'node:crypto';
import { compareGoStrings, encodeGoString } from '../internal/go-string.js';

/** One input to {@link hash1}: a Go-string name and the SHA-256 digest of its content. */
export interface HashedFile {
  name: string;
  sha256: Uint8Array;
}

/** A name and the whole content, for small inputs. */
export interface BytesFile {
  name: string;
  data: Uint8Array;
}

/** Go's error text for a name Hash1 cannot represent in its line-based summary. */
export const newlineErrorText = 'dirhash: filenames with newlines are not supported';

/** SHA-256 of some bytes. */
export function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/**
 * The exact text Hash1 digests: for each name in UTF-8 byte order, lowercase
 * hex digest, two spaces, the name, LF. Throws Go's error for a name with a
 * newline.
 */
export function hash1Summary(files: readonly HashedFile[]): Buffer {
  const sorted = [...files].sort((a, b) => compareGoStrings(a.name, b.name));
  const parts: Buffer[] = [];
  for (const f of sorted) {
    // Go reports the newline only when the sorted walk reaches that name;
    // with precomputed digests nothing can fail earlier, so checking here is
    // equivalent.
    if (f.name.includes('\n')) throw new Error(newlineErrorText);
    parts.push(Buffer.from(`${Buffer.from(f.sha256).toString('hex')}  `, 'latin1'));
    parts.push(encodeGoString(f.name));
    parts.push(Buffer.from('\n', 'latin1'));
  }
  return Buffer.concat(parts);
}

/** h1: of a list of names with their content digests (x/mod dirhash.Hash1). */
export function hash1(files: readonly HashedFile[]): string {
  return 'h1:' + sha256(hash1Summary(files)).toString('base64');
}

/** h1: of a list of names with their whole contents. */
export function hashBytesFiles(files: readonly BytesFile[]): string {
  return hash1(files.map((f) => ({ name: f.name, sha256: sha256(f.data) })));
}

/**
 * The go.sum `/go.mod` hash: Hash1 over one file named exactly `go.mod` (no
 * module prefix) holding the bytes served as `@v/<version>.mod`.
 */
export function hashGoMod(data: Uint8Array): string {
  return hashBytesFiles([{ name: 'go.mod', data }]);
}

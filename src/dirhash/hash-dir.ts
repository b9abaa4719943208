// h1: of an extracted module directory (x/mod's dirhash.HashDir): every
// non-directory under dir, named prefix + relative slash path.
import { createReadStream, promises as fsp } from 'node:fs';
import { createHash } from 'node:crypto';
import { decodeGoString, encodeGoString, compareGoStrings } from '../internal/go-string.js';
import { hash1, newlineErrorText, type HashedFile } from './hash1.js';
import { goFsError } from './zip-reader.js';

/** One non-directory found by {@link dirFiles}: its hashed name and its path on disk. */
export interface DirFile {
  name: string;
  /** File-system path (bytes, so names that are not UTF-8 survive). */
  fsPath: Buffer;
}

// Go's filepath.Join(prefix, rel) cleans the result; prefixes are module@version/
// forms, so a lexical clean of the slash path is what matters.
function joinClean(prefix: string, rel: string): string {
  const joined = prefix === '' ? rel : `${prefix}/${rel}`;
  return cleanSlashPath(joined);
}

/** Go's path.Clean for slash-separated Go strings. */
export function cleanSlashPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const elem of p.split('/')) {
    if (elem === '' || elem === '.') continue;
    if (elem === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(elem);
  }
  const body = out.join('/');
  if (rooted) return '/' + body;
  return body === '' ? '.' : body;
}

/**
 * Walk dir in Go's lexical order (names compared as bytes), listing every
 * non-directory entry (symbolic links included, as Go's Walk does) under
 * `prefix`.
 */
export async function dirFiles(dir: string, prefix: string): Promise<DirFile[]> {
  const out: DirFile[] = [];
  const walk = async (fsPath: Buffer, rel: string): Promise<void> => {
    let names: Buffer[];
    try {
      names = await fsp.readdir(fsPath, { encoding: 'buffer' });
    } catch (e) {
      throw goFsError('open', decodeGoString(fsPath), e);
    }
    const decoded = names.map((n) => decodeGoString(n)).sort(compareGoStrings);
    for (const name of decoded) {
      const childFs = Buffer.concat([fsPath, Buffer.from('/'), encodeGoString(name)]);
      const childRel = rel === '' ? name : `${rel}/${name}`;
      let st;
      try {
        st = await fsp.lstat(childFs);
      } catch (e) {
        throw goFsError('lstat', decodeGoString(childFs), e);
      }
      if (st.isDirectory()) await walk(childFs, childRel);
      else out.push({ name: joinClean(prefix, childRel), fsPath: childFs });
    }
  };
  await walk(Buffer.from(dir), '');
  return out;
}

/** h1: of the files under `dir`, each named `prefix` + relative slash path. */
export async function hashDir(dir: string, prefix: string): Promise<string> {
  const files = await dirFiles(dir, prefix);
  files.sort((a, b) => compareGoStrings(a.name, b.name));
  const hashed: HashedFile[] = [];
  for (const f of files) {
    if (f.name.includes('\n')) throw new Error(newlineErrorText);
    const h = createHash('sha256');
    try {
      for await (const chunk of createReadStream(f.fsPath)) h.update(chunk as Buffer);
    } catch (e) {
      throw goFsError('read', decodeGoString(f.fsPath), e);
    }
    hashed.push({ name: f.name, sha256: h.digest() });
  }
  return hash1(hashed);
}

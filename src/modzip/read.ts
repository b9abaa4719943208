// The consumer side: what the go command checks on a module zip it has
// downloaded (x/mod's CheckZip and Unzip), reading the zip with yauzl.
import { promises as fsp, constants as fsConstants } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { checkFilePath } from '../module/index.js';
import { goQuote } from '../internal/go-quote.js';
import { equalFold } from '../internal/fold.js';
import { encodeGoString } from '../internal/go-string.js';
import { cleanSlashPath } from '../dirhash/hash-dir.js';
import { hashOpenedZip } from '../dirhash/hash-zip.js';
import {
  goFsError,
  openZip,
  ZipEntrySizeError,
  type OpenedZip,
  type ZipEntry,
} from '../dirhash/zip-reader.js';
import { checkModuleVersion, CollisionChecker, reasons } from './check-files.js';
import {
  checkedFilesError,
  MAX_GO_MOD,
  MAX_LICENSE,
  MAX_ZIP_FILE,
  ModZipError,
  type CheckedFiles,
  type ModuleVersion,
} from './types.js';

/** What the consumer checks need of a central-directory record. */
export interface ZipEntryName {
  name: string;
  uncompressedSize: number;
}

/** `<module>@<version>/`, the prefix of every entry name. */
export function zipPrefix(m: ModuleVersion): string {
  return `${m.path}@${m.version}/`;
}

/** Go's error for a zip file over {@link MAX_ZIP_FILE}. */
export function zipTooLargeError(size: number): Error {
  return new Error(`module zip file is too large (${size} bytes; limit is ${MAX_ZIP_FILE} bytes)`);
}

/**
 * The name and size rules a consumer applies to a zip's central directory
 * (x/mod's checkZip after the zip is open). Pure. `valid` holds full entry
 * names.
 */
export function checkZipEntries(m: ModuleVersion, entries: readonly ZipEntryName[]): CheckedFiles {
  const cf: CheckedFiles = { valid: [], omitted: [], invalid: [] };
  const prefix = zipPrefix(m);
  const collisions = new CollisionChecker();
  let total = 0;
  for (const zf of entries) {
    const addError = (reason: string): void => {
      cf.invalid.push({ path: zf.name, reason });
    };
    if (!zf.name.startsWith(prefix)) {
      addError(`path does not have prefix ${goQuote(prefix)}`);
      continue;
    }
    let name = zf.name.slice(prefix.length);
    if (name === '') continue;
    const isDir = name.endsWith('/');
    if (isDir) name = name.slice(0, -1);
    if (cleanSlashPath(name) !== name) {
      addError(reasons.pathNotClean);
      continue;
    }
    const pathErr = checkFilePath(name);
    if (pathErr !== undefined) {
      addError(pathErr.message);
      continue;
    }
    const collision = collisions.check(name, isDir);
    if (collision !== undefined) {
      addError(collision);
      continue;
    }
    if (isDir) continue;
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (equalFold(base, 'go.mod')) {
      if (base !== name) {
        addError('go.mod file not in module root directory');
        continue;
      }
      if (name !== 'go.mod') {
        addError(reasons.goModCase);
        continue;
      }
    }
    const sz = zf.uncompressedSize;
    if (sz >= 0 && MAX_ZIP_FILE - total >= sz) {
      total += sz;
    } else if (cf.sizeError === undefined) {
      cf.sizeError = new Error(
        `total uncompressed size of module contents too large (max size is ${MAX_ZIP_FILE} bytes)`,
      );
    }
    if (name === 'go.mod' && sz > MAX_GO_MOD) {
      addError(`go.mod file too large (max size is ${MAX_GO_MOD} bytes)`);
      continue;
    }
    if (name === 'LICENSE' && sz > MAX_LICENSE) {
      addError(`LICENSE file too large (max size is ${MAX_LICENSE} bytes)`);
      continue;
    }
    cf.valid.push(zf.name);
  }
  return cf;
}

/**
 * Open a module zip for reading: its central directory with raw (Go-string)
 * names, and streamed, size- and CRC-checked access to entry data. The
 * caller must close it.
 */
export function openModuleZip(zipPath: string): Promise<OpenedZip> {
  return openZip(zipPath);
}

async function checkOpened(m: ModuleVersion, zip: OpenedZip): Promise<CheckedFiles> {
  if (zip.size > MAX_ZIP_FILE) {
    return { valid: [], omitted: [], invalid: [], sizeError: zipTooLargeError(zip.size) };
  }
  return Promise.resolve(checkZipEntries(m, zip.entries));
}

/**
 * x/mod's CheckZip: classify the entries of the zip at `zipPath` for module
 * `m`. Rejects with Go's error when the module path or version is refused or
 * the file cannot be read as a zip; otherwise resolves the verdicts (use
 * {@link checkedFilesError} for the combined error). Entry data is not read.
 */
export async function checkZip(m: ModuleVersion, zipPath: string): Promise<CheckedFiles> {
  const pre = checkModuleVersion(m);
  if (pre !== undefined) throw pre;
  const size = await statSize(zipPath);
  if (size > MAX_ZIP_FILE) {
    return { valid: [], omitted: [], invalid: [], sizeError: zipTooLargeError(size) };
  }
  const zip = await openZip(zipPath);
  try {
    return await checkOpened(m, zip);
  } finally {
    zip.close();
  }
}

async function statSize(p: string): Promise<number> {
  try {
    return (await fsp.stat(p)).size;
  } catch (e) {
    throw goFsError('open', p, e);
  }
}

/** The h1: of a zip together with the consumer checks, from one opening of the file. */
export interface ZipContentReport {
  /** h1: as dirhash.HashZip computes it (every entry, directory entries included). */
  hash: string;
  checked: CheckedFiles;
  /** Go's error for `checked`, if any. */
  error?: Error;
}

/**
 * Hash a downloaded module zip and apply the consumer checks in one pass
 * over the file. Rejects on a refused module path or version and on
 * unreadable zips; name and size problems are reported, not thrown.
 */
export async function hashZipContent(m: ModuleVersion, zipPath: string): Promise<ZipContentReport> {
  const pre = checkModuleVersion(m);
  if (pre !== undefined) throw pre;
  const zip = await openZip(zipPath);
  try {
    const checked = await checkOpened(m, zip);
    const hash = await hashOpenedZip(zip);
    const error = checkedFilesError(checked);
    return error === undefined ? { hash, checked } : { hash, checked, error };
  } finally {
    zip.close();
  }
}

/**
 * x/mod's Unzip: check the zip as the go command does, then extract it into
 * `dir` (created if missing; must be empty), files read-only, enforcing the
 * declared sizes. Errors read `unzip <zipPath>: <Go's text>`.
 */
export async function unzip(dir: string, m: ModuleVersion, zipPath: string): Promise<void> {
  try {
    await unzipInner(dir, m, zipPath);
  } catch (e) {
    throw new ModZipError('unzip', e instanceof Error ? e : new Error(String(e)), zipPath);
  }
}

async function unzipInner(dir: string, m: ModuleVersion, zipPath: string): Promise<void> {
  let existing: unknown[] = [];
  try {
    existing = await fsp.readdir(dir);
  } catch {
    // Missing or unreadable: Go only refuses a directory it can list as non-empty.
  }
  if (existing.length > 0) throw new Error(`target directory ${dir} exists and is not empty`);

  const pre = checkModuleVersion(m);
  if (pre !== undefined) throw pre;
  const size = await statSize(zipPath);
  if (size > MAX_ZIP_FILE) throw zipTooLargeError(size);
  const zip = await openZip(zipPath);
  try {
    const cf = await checkOpened(m, zip);
    const err = checkedFilesError(cf);
    if (err !== undefined) throw err;

    const prefix = zipPrefix(m);
    try {
      await fsp.mkdir(dir, { recursive: true });
    } catch (e) {
      throw goFsError('mkdir', dir, e);
    }
    const dirBytes = Buffer.from(dir);
    for (const zf of zip.entries) {
      const name = zf.name.slice(prefix.length);
      if (name === '' || name.endsWith('/')) continue;
      await extractEntry(
        zip,
        zf,
        Buffer.concat([dirBytes, Buffer.from('/'), encodeGoString(name)]),
      );
    }
  } finally {
    zip.close();
  }
}

async function extractEntry(zip: OpenedZip, zf: ZipEntry, dst: Buffer): Promise<void> {
  const dstText = dst.toString();
  const parent = dst.subarray(0, dst.lastIndexOf(0x2f));
  try {
    await fsp.mkdir(parent, { recursive: true });
  } catch (e) {
    throw goFsError('mkdir', parent.toString(), e);
  }
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(
      dst,
      fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL,
      0o444,
    );
  } catch (e) {
    throw goFsError('open', dstText, e);
  }
  const out = fh.createWriteStream();
  try {
    const src = await zip.openEntry(zf);
    await pipeline(src, out);
  } catch (e) {
    out.destroy();
    if (e instanceof ZipEntrySizeError && e.kind === 'larger') {
      throw new Error(
        `uncompressed size of file ${zf.name} is larger than declared size (${zf.uncompressedSize} bytes)`,
        { cause: e },
      );
    }
    throw e;
  }
}

// Zipping a directory (x/mod's CreateFromDir and CheckDir): only the list
// of files differs from Create — VCS directories and nested modules are
// pruned during the walk, vendored paths and irregular files are dropped —
// and every decision after that is checkFiles'.
import { createReadStream, promises as fsp, type Stats } from 'node:fs';
import { compareGoStrings, decodeGoString, encodeGoString } from '../internal/go-string.js';
import { cleanSlashPath } from '../dirhash/hash-dir.js';
import { goFsError } from '../dirhash/zip-reader.js';
import { classifyFiles, isVendoredPackage, newVendorRules, reasons } from './check-files.js';
import { createZip, rootGoModData } from './create.js';
import {
  ModZipError,
  type CheckedFiles,
  type FileError,
  type ModuleVersion,
  type ZipSourceFile,
} from './types.js';

/** The files a directory walk offers to checkFiles, and what the walk itself left out. */
export interface DirListing {
  files: ZipSourceFile[];
  omitted: FileError[];
}

const VCS_DIRS = new Set(['.bzr', '.git', '.hg', '.svn']);

function kindOf(st: Stats): ZipSourceFile['kind'] {
  if (st.isFile()) return 'regular';
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isDirectory()) return 'dir';
  return 'other';
}

function joinBytes(dir: Buffer, name: string): Buffer {
  return Buffer.concat([dir, Buffer.from('/'), encodeGoString(name)]);
}

/**
 * Walk `dir` as x/mod's listFilesInDir does: lexical (byte) order, no
 * symlink following; VCS directories and directories with a non-directory
 * `go.mod` are skipped whole; vendored paths (rules chosen by `<dir>/go.mod`,
 * symlinks followed) and irregular files are recorded as omitted.
 */
export async function listFilesInDir(dir: string): Promise<DirListing> {
  const files: ZipSourceFile[] = [];
  const omitted: FileError[] = [];
  let goMod: Buffer | undefined;
  try {
    goMod = await fsp.readFile(joinBytes(Buffer.from(dir), 'go.mod'));
  } catch {
    goMod = undefined;
  }
  const newRules = newVendorRules(goMod);

  const visit = async (fsPath: Buffer, rel: string, st: Stats): Promise<void> => {
    const slashPath = rel === '' ? '.' : rel;
    if (isVendoredPackage(slashPath, newRules)) {
      // Go records a vendored directory and still walks into it.
      omitted.push({ path: slashPath, reason: reasons.vendored });
      if (!st.isDirectory()) return;
    } else if (st.isDirectory()) {
      if (rel !== '') {
        const base = rel.slice(rel.lastIndexOf('/') + 1);
        if (VCS_DIRS.has(base)) {
          omitted.push({ path: slashPath, reason: reasons.vcs });
          return;
        }
        let gm: Stats | undefined;
        try {
          gm = await fsp.lstat(joinBytes(fsPath, 'go.mod'));
        } catch {
          gm = undefined;
        }
        if (gm !== undefined && !gm.isDirectory()) {
          omitted.push({ path: slashPath, reason: reasons.submoduleDir });
          return;
        }
      }
    } else if (!st.isFile()) {
      omitted.push({ path: slashPath, reason: reasons.notRegular });
      return;
    } else {
      files.push({
        path: slashPath,
        kind: kindOf(st),
        size: st.size,
        open: () => Promise.resolve(createReadStream(fsPath)),
      });
      return;
    }
    let names: Buffer[];
    try {
      names = await fsp.readdir(fsPath, { encoding: 'buffer' });
    } catch (e) {
      throw goFsError('open', decodeGoString(fsPath), e);
    }
    const sorted = names.map((n) => decodeGoString(n)).sort(compareGoStrings);
    for (const name of sorted) {
      const child = joinBytes(fsPath, name);
      let cst: Stats;
      try {
        cst = await fsp.lstat(child);
      } catch (e) {
        throw goFsError('lstat', decodeGoString(child), e);
      }
      await visit(child, rel === '' ? name : `${rel}/${name}`, cst);
    }
  };

  const root = Buffer.from(dir);
  let rootStat: Stats;
  try {
    rootStat = await fsp.lstat(root);
  } catch (e) {
    throw goFsError('lstat', dir, e);
  }
  await visit(root, '', rootStat);
  return { files, omitted };
}

/**
 * x/mod's CreateFromDir: zip the module rooted at `dir`. Errors read
 * `create zip <dir>: …` (Go's wording, including for walk failures:
 * `create zip from directory <dir>: …`).
 */
export async function createZipFromDir(
  out: NodeJS.WritableStream,
  m: ModuleVersion,
  dir: string,
): Promise<void> {
  let listing: DirListing;
  try {
    listing = await listFilesInDir(dir);
  } catch (e) {
    out.end();
    throw new ModZipError(
      'create zip from directory',
      e instanceof Error ? e : new Error(String(e)),
      dir,
    );
  }
  try {
    await createZip(out, m, listing.files);
  } catch (e) {
    if (e instanceof ModZipError) throw new ModZipError(e.verb, e.err, dir);
    throw e;
  }
}

function joinDir(dir: string, p: string): string {
  return cleanSlashPath(`${dir}/${p}`);
}

/**
 * x/mod's CheckDir: classify the files under `dir` as CreateFromDir would.
 * Paths in the result are file-system paths (`dir` joined with the relative
 * path); omitted directories appear once. Rejects only on I/O errors.
 */
export async function checkDir(dir: string): Promise<CheckedFiles> {
  const listing = await listFilesInDir(dir);
  const { checked } = classifyFiles(listing.files, await rootGoModData(listing.files));
  const result: CheckedFiles = {
    valid: checked.valid.map((p) => joinDir(dir, p)),
    omitted: [...checked.omitted, ...listing.omitted].map((e) => ({
      path: joinDir(dir, e.path),
      reason: e.reason,
    })),
    invalid: checked.invalid.map((e) => ({ path: joinDir(dir, e.path), reason: e.reason })),
  };
  if (checked.sizeError !== undefined) result.sizeError = checked.sizeError;
  return result;
}

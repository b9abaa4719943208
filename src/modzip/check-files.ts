// Which files of a module tree go into its zip, which are silently left out,
// and which make the whole zip invalid — x/mod's checkFiles, in Go's order
// and with Go's reason texts. Pure: works on the declared kinds and sizes and
// on the root go.mod bytes handed in; runs in O(total path length).
import { canonicalVersion, check, checkFilePath } from '../module/index.js';
import { goLanguageVersion } from '../modfile/index.js';
import { goQuote } from '../internal/go-quote.js';
import { equalFold, toFold } from '../internal/fold.js';
import { cleanSlashPath } from '../dirhash/hash-dir.js';
import {
  MAX_GO_MOD,
  MAX_LICENSE,
  MAX_ZIP_FILE,
  type CheckedFiles,
  type FileError,
  type ModuleVersion,
  type ZipSourceFile,
} from './types.js';

export const reasons = {
  pathNotClean: 'file path is not clean',
  pathNotRelative: 'file path is not relative',
  goModCase: 'go.mod files must have lowercase names',
  goModSize: `go.mod file too large (max size is ${MAX_GO_MOD} bytes)`,
  licenseSize: `LICENSE file too large (max size is ${MAX_LICENSE} bytes)`,
  vcs: 'directory is a version control repository',
  vendored: 'file is in vendor directory',
  submoduleFile: 'file is in another module',
  submoduleDir: 'directory is in another module',
  hgArchivalTxt: "file is inserted by 'hg archive' and is always omitted",
  symlink: 'file is a symbolic link',
  notRegular: 'not a regular file',
} as const;

/** Go's error when the files together exceed {@link MAX_ZIP_FILE}. */
export const sourceTreeTooLargeText = `module source tree too large (max size is ${MAX_ZIP_FILE} bytes)`;

/**
 * Whether the root go.mod selects the Go 1.24 vendor rules: its `go` line
 * (major.minor) is at least 1.24. Missing or unreadable → the old rules.
 */
export function newVendorRules(goModData: Uint8Array | undefined): boolean {
  if (goModData === undefined) return false;
  const lang = goLanguageVersion(goModData);
  if (lang === undefined) return false;
  const m = /^(\d+)\.(\d+)/.exec(lang) ?? /^(\d+)$/.exec(lang);
  if (m === null) return false;
  const major = Number(m[1]);
  const minor = m[2] === undefined ? 0 : Number(m[2]);
  return major > 1 || (major === 1 && minor >= 24);
}

/**
 * x/mod's isVendoredPackage. Under the old rules (before go 1.24) the
 * remainder after `/vendor/` is measured from the start of the path, a bug
 * kept so published checksums stay valid: in effect every path containing
 * `/vendor/` is vendored, and `vendor/modules.txt` is kept.
 */
export function isVendoredPackage(name: string, newRules: boolean): boolean {
  if (newRules && name === 'vendor/modules.txt') return true;
  let i: number;
  if (name.startsWith('vendor/')) {
    i = 'vendor/'.length;
  } else {
    const j = name.indexOf('/vendor/');
    if (j < 0) return false;
    i = newRules ? j + '/vendor/'.length : '/vendor/'.length;
  }
  return name.slice(i).includes('/');
}

/**
 * Detects names equal under Unicode simple case folding, files listed twice
 * and names used both as file and directory (x/mod's collisionChecker).
 */
export class CollisionChecker {
  private readonly seen = new Map<string, { path: string; isDir: boolean }>();

  /** Record `p` (and its parent directories); the error text if it conflicts. */
  check(p: string, isDir: boolean): string | undefined {
    for (;;) {
      const fold = toFold(p);
      const other = this.seen.get(fold);
      if (other !== undefined) {
        if (other.path !== p) {
          return `case-insensitive file name collision: ${goQuote(other.path)} and ${goQuote(p)}`;
        }
        if (other.isDir !== isDir) return `entry ${goQuote(p)} is both a file and a directory`;
        if (!isDir) return `multiple entries for file ${goQuote(p)}`;
        // The same directory reached again from another file is fine.
      } else {
        this.seen.set(fold, { path: p, isDir });
      }
      const slash = p.lastIndexOf('/');
      if (slash < 0) return undefined;
      const parent = cleanSlashPath(p.slice(0, slash));
      if (parent === '.') return undefined;
      p = parent;
      isDir = true;
    }
  }
}

/**
 * The checks run before any file is looked at: canonical version, then
 * module.Check. Returns Go's error or undefined.
 */
export function checkModuleVersion(m: ModuleVersion): Error | undefined {
  const canonical = canonicalVersion(m.version);
  if (canonical !== m.version) {
    return new Error(
      `version ${goQuote(m.version)} is not canonical (should be ${goQuote(canonical)})`,
    );
  }
  return check(m.path, m.version);
}

function splitPath(p: string): [dir: string, base: string] {
  const i = p.lastIndexOf('/');
  return [p.slice(0, i + 1), p.slice(i + 1)];
}

/**
 * The root go.mod whose `go` line decides the vendor rules: the last regular
 * file whose path is exactly `go.mod` (Go reads each one it meets and keeps
 * the last).
 */
export function rootGoModFile(files: readonly ZipSourceFile[]): ZipSourceFile | undefined {
  let found: ZipSourceFile | undefined;
  for (const f of files) if (f.path === 'go.mod' && f.kind === 'regular') found = f;
  return found;
}

/** checkFiles plus the kept files themselves, for the writer. */
export interface ClassifiedFiles {
  checked: CheckedFiles;
  validFiles: ZipSourceFile[];
}

/** See {@link checkFiles}; also returns the kept files. */
export function classifyFiles(
  files: readonly ZipSourceFile[],
  goModData?: Uint8Array,
): ClassifiedFiles {
  const checked: CheckedFiles = { valid: [], omitted: [], invalid: [] };
  const validFiles: ZipSourceFile[] = [];
  const reported = new Set<string>();
  const addError = (path: string, omitted: boolean, reason: string): void => {
    if (reported.has(path)) return;
    reported.add(path);
    const fe: FileError = { path, reason };
    (omitted ? checked.omitted : checked.invalid).push(fe);
  };

  // Directories (other than the root) holding a regular file named go.mod in
  // any letter case are nested modules; everything below them is dropped.
  const haveGoMod = new Set<string>();
  for (const f of files) {
    const [dir, base] = splitPath(f.path);
    if (f.kind === 'regular' && equalFold(base, 'go.mod')) haveGoMod.add(dir);
  }
  const inSubmodule = (p: string): boolean => {
    for (;;) {
      const [dir] = splitPath(p);
      if (dir === '') return false;
      if (haveGoMod.has(dir)) return true;
      p = dir.slice(0, -1);
    }
  };

  const newRules = newVendorRules(goModData);
  const collisions = new CollisionChecker();
  let remaining = MAX_ZIP_FILE;
  for (const f of files) {
    const p = f.path;
    if (p !== cleanSlashPath(p)) {
      addError(p, false, reasons.pathNotClean);
      continue;
    }
    if (p.startsWith('/')) {
      addError(p, false, reasons.pathNotRelative);
      continue;
    }
    if (isVendoredPackage(p, newRules)) {
      addError(p, true, reasons.vendored);
      continue;
    }
    if (inSubmodule(p)) {
      addError(p, true, reasons.submoduleFile);
      continue;
    }
    if (p === '.hg_archival.txt') {
      addError(p, true, reasons.hgArchivalTxt);
      continue;
    }
    const pathErr = checkFilePath(p);
    if (pathErr !== undefined) {
      addError(p, false, pathErr.message);
      continue;
    }
    if (p !== 'go.mod' && p.length === 6 && p.toLowerCase() === 'go.mod') {
      addError(p, false, reasons.goModCase);
      continue;
    }
    const collision = collisions.check(p, f.kind === 'dir');
    if (collision !== undefined) {
      addError(p, false, collision);
      continue;
    }
    if (f.kind === 'symlink') {
      addError(p, true, reasons.symlink);
      continue;
    }
    if (f.kind !== 'regular') {
      addError(p, true, reasons.notRegular);
      continue;
    }
    const size = f.size;
    if (size >= 0 && size <= remaining) {
      remaining -= size;
    } else if (checked.sizeError === undefined) {
      // Also catches NaN and sizes that do not fit Go's int64.
      checked.sizeError = new Error(sourceTreeTooLargeText);
    }
    if (p === 'go.mod' && size > MAX_GO_MOD) {
      addError(p, false, reasons.goModSize);
      continue;
    }
    if (p === 'LICENSE' && size > MAX_LICENSE) {
      addError(p, false, reasons.licenseSize);
      continue;
    }
    checked.valid.push(p);
    validFiles.push(f);
  }
  return { checked, validFiles };
}

/**
 * Classify every file as valid, omitted or invalid exactly as x/mod's
 * CheckFiles does (see the spec's per-file pipeline). `goModData` is the
 * content of the root go.mod ({@link rootGoModFile}); it selects the vendor
 * rules. Use {@link checkedFilesError} for Go's combined error.
 */
export function checkFiles(files: readonly ZipSourceFile[], goModData?: Uint8Array): CheckedFiles {
  return classifyFiles(files, goModData).checked;
}

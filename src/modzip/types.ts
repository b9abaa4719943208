// Shared shapes of the module-zip rules (x/mod's zip package).

/** A module path and a version, as Go's module.Version. */
export interface ModuleVersion {
  path: string;
  version: string;
}

/**
 * One input file of a module zip, from any source (a git archive, a
 * directory, a test). `path` is a slash-separated Go string relative to the
 * module root. `open` may be called more than once (the root go.mod is read
 * once for the vendor rule and again when written).
 */
export interface ZipSourceFile {
  path: string;
  kind: 'regular' | 'symlink' | 'dir' | 'other';
  /** Declared size in bytes; anything but a non-negative number fails the size check. */
  size: number;
  open(): Promise<NodeJS.ReadableStream | Uint8Array>;
}

/** A file and why it was left out or refused. */
export interface FileError {
  path: string;
  reason: string;
}

/** The verdict on every input file, as x/mod's CheckedFiles. */
export interface CheckedFiles {
  /** Paths that belong in the zip, in input order. */
  valid: string[];
  /** Paths silently left out, with the reason. */
  omitted: FileError[];
  /** Paths that make the zip invalid, with Go's reason text. */
  invalid: FileError[];
  /** Set when the content exceeds a size limit; replaces the invalid list as the error. */
  sizeError?: Error;
}

/** Maximum size of a module zip and of its total uncompressed content (500 MiB). */
export const MAX_ZIP_FILE = 500 << 20;
/** Maximum size of the root go.mod (16 MiB). */
export const MAX_GO_MOD = 16 << 20;
/** Maximum size of the root LICENSE (16 MiB). */
export const MAX_LICENSE = 16 << 20;

/** The list of invalid files as one error: `path: reason` lines joined by LF. */
export class FileErrorList extends Error {
  override name = 'FileErrorList';
  constructor(readonly errors: readonly FileError[]) {
    super(errors.map((e) => `${e.path}: ${e.reason}`).join('\n'));
  }
}

/**
 * An error from creating or extracting a zip, shaped like Go's: `<verb>: <err>`
 * or `<verb> <path>: <err>`.
 */
export class ModZipError extends Error {
  override name = 'ModZipError';
  constructor(
    readonly verb: string,
    readonly err: Error,
    readonly path?: string,
  ) {
    super(path === undefined ? `${verb}: ${err.message}` : `${verb} ${path}: ${err.message}`);
  }
}

/** The error a CheckedFiles stands for (Go's CheckedFiles.Err), or undefined when valid. */
export function checkedFilesError(c: CheckedFiles): Error | undefined {
  if (c.sizeError !== undefined) return c.sizeError;
  if (c.invalid.length > 0) return new FileErrorList(c.invalid);
  return undefined;
}

// The three error types of x/mod's module package. Their `message` is what
// Go's Error() prints, because users and the mirror see those texts and we
// compare them byte for byte.

import { goQuote } from '../internal/go-quote.js';

/**
 * A problem with a version, the module path being known elsewhere.
 * Prints `version "v" invalid: …` (or `pseudo-version "v" invalid: …`).
 */
export class InvalidVersionError extends Error {
  override name = 'InvalidVersionError';
  readonly version: string;
  readonly pseudo: boolean;
  readonly err: Error;

  constructor(version: string, err: Error, pseudo = false) {
    super(`${pseudo ? 'pseudo-version' : 'version'} ${goQuote(version)} invalid: ${err.message}`);
    this.version = version;
    this.pseudo = pseudo;
    this.err = err;
  }

  /** "version" or "pseudo-version", as Go's error texts call it. */
  get noun(): string {
    return this.pseudo ? 'pseudo-version' : 'version';
  }
}

/**
 * A problem with a module (and maybe a version). Prints
 * `path@version: invalid version: …` when wrapping an InvalidVersionError,
 * `path@version: …` with a version, `module path: …` without.
 */
export class ModuleError extends Error {
  override name = 'ModuleError';
  readonly path: string;
  readonly version: string;
  readonly err: Error;

  constructor(path: string, version: string, err: Error) {
    super(moduleErrorText(path, version, err));
    this.path = path;
    this.version = version;
    this.err = err;
  }
}

function moduleErrorText(path: string, version: string, err: Error): string {
  if (err instanceof InvalidVersionError) {
    return `${path}@${err.version}: invalid ${err.noun}: ${err.err.message}`;
  }
  if (version !== '') return `${path}@${version}: ${err.message}`;
  return `module ${path}: ${err.message}`;
}

/**
 * Go's module.VersionError: wraps `err` for the module version unless it
 * already is a ModuleError for exactly that path and version.
 */
export function versionError(path: string, version: string, err: Error): ModuleError {
  if (err instanceof ModuleError && err.path === path && err.version === version) return err;
  return new ModuleError(path, version, err);
}

/** Which rule set a path failed: module path, import path or file path. */
export type PathKind = 'module' | 'import' | 'file';

/** A module, import or file path that breaks the naming rules: `malformed <kind> path "p": …`. */
export class InvalidPathError extends Error {
  override name = 'InvalidPathError';
  readonly kind: PathKind;
  readonly path: string;
  readonly err: Error;

  constructor(kind: PathKind, path: string, err: Error) {
    super(`malformed ${kind} path ${goQuote(path)}: ${err.message}`);
    this.kind = kind;
    this.path = path;
    this.err = err;
  }
}

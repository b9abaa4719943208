// After a major-version bump, code of the module that still imports the
// previous major imports another module: a second copy of the package,
// with its own types and state, compiled into every user's binary. This
// finds those imports: for module `example.com/m/v3`, imports of
// `example.com/m` (v0/v1) and its packages and of `example.com/m/v2/…`; for
// `gopkg.in/yaml.v3`, imports of `gopkg.in/yaml.v2`, `.v1`, `.v0` and their
// packages. Imports of the module's own path, of a higher major, and of
// paths that merely share a prefix (`example.com/mother`) are not findings.

import { splitPathVersion } from '../module/index.js';
import type { GoImport } from './read.js';

/** A file's imports, as {@link readImports} gives them. */
export interface FileImports {
  /** The file's path, as the caller wants it reported. */
  file: string;
  imports: readonly GoImport[];
  /**
   * The file's package name: a `package documentation` file is never built
   * by the go command, so its imports do not count.
   */
  packageName?: string;
}

export interface OldMajorImportOptions {
  /**
   * Paths of other modules (e.g. the repository's nested modules): an
   * import inside one of them that is longer than the old major's path
   * belongs to that module, as Go resolves the longest module path.
   */
  otherModules?: readonly string[];
}

/** One import of an older major of the module. */
export interface OldMajorImport {
  file: string;
  import: GoImport;
  /** The module path of the older major the import belongs to (`example.com/m`, `example.com/m/v2`, `gopkg.in/yaml.v2`). */
  oldModule: string;
  /** The same package under the module's own path: what the import should say. */
  replacement: string;
}

// Compares two decimal strings without leading zeros.
function compareMajor(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function within(path: string, mod: string): boolean {
  return path === mod || path.startsWith(mod + '/');
}

/**
 * The module path of an older major of `modulePath` that `importPath`
 * belongs to, or undefined when it belongs to none (another module, the
 * module itself, a higher major). A module path without a major suffix
 * (v0/v1) has no older major.
 */
export function oldMajorModule(importPath: string, modulePath: string): string | undefined {
  const { prefix, pathMajor, ok } = splitPathVersion(modulePath);
  if (!ok || pathMajor === '') return undefined;
  if (pathMajor.startsWith('.')) {
    // gopkg.in/name.vN: the major is part of the last element.
    const n = pathMajor.slice(2).replace(/-unstable$/, '');
    if (!importPath.startsWith(prefix + '.v')) return undefined;
    const slash = importPath.indexOf('/', prefix.length);
    const mod = slash < 0 ? importPath : importPath.slice(0, slash);
    const s = splitPathVersion(mod);
    if (!s.ok || s.prefix !== prefix || s.pathMajor === '') return undefined;
    const k = s.pathMajor.slice(2).replace(/-unstable$/, '');
    return compareMajor(k, n) < 0 ? mod : undefined;
  }
  const n = pathMajor.slice(2);
  if (!within(importPath, prefix)) return undefined;
  const rest = importPath.slice(prefix.length + 1);
  const elem = rest.split('/', 1)[0] ?? '';
  if (elem !== '') {
    const s = splitPathVersion(`${prefix}/${elem}`);
    if (s.ok && s.pathMajor !== '') {
      const k = s.pathMajor.slice(2);
      return compareMajor(k, n) < 0 ? `${prefix}/${elem}` : undefined;
    }
  }
  // Not a /vN element (`v1`, `v02` and `v2.0` are plain directories): a
  // package of the v0/v1 module.
  return prefix;
}

/**
 * Imports, in the files given, of packages of an older major of the module
 * `modulePath`, in file order. Files whose package is `documentation` are
 * skipped (the go command never builds them).
 */
export function oldMajorImports(
  files: Iterable<FileImports>,
  modulePath: string,
  options: OldMajorImportOptions = {},
): OldMajorImport[] {
  const others = options.otherModules ?? [];
  const out: OldMajorImport[] = [];
  for (const f of files) {
    if (f.packageName === 'documentation') continue;
    for (const imp of f.imports) {
      const oldModule = oldMajorModule(imp.path, modulePath);
      if (oldModule === undefined) continue;
      const owner = others.find(
        (o) => o !== oldModule && o.length > oldModule.length && within(imp.path, o),
      );
      if (owner !== undefined) continue;
      out.push({
        file: f.file,
        import: imp,
        oldModule,
        replacement: modulePath + imp.path.slice(oldModule.length),
      });
    }
  }
  return out;
}

// Go's module.Sort, the order of go.sum lines.

import { compareGoStrings } from '../internal/go-string.js';
import { compare } from '../semver/semver.js';

/** A module path and version pair (Go's module.Version). */
export interface ModuleVersion {
  path: string;
  version: string;
}

function splitSuffix(v: string): [version: string, suffix: string] {
  const k = v.indexOf('/');
  return k >= 0 ? [v.slice(0, k), v.slice(k)] : [v, ''];
}

/**
 * A sorted copy of `list` in Go's module.Sort order: by path bytes, then by
 * semver precedence of the version, then by any `/suffix` such as `/go.mod`.
 */
export function sortModuleVersions<T extends ModuleVersion>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => {
    if (a.path !== b.path) return compareGoStrings(a.path, b.path);
    const [va, fa] = splitSuffix(a.version);
    const [vb, fb] = splitSuffix(b.version);
    if (va !== vb) return compare(va, vb);
    return compareGoStrings(fa, fb);
  });
}

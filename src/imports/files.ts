// Which .go files of a module directory belong to the module's packages, by
// the rules `go list ./...` walks a main module with
// (cmd/go/internal/modload/search.go): below the module root, directories
// named testdata or beginning with `.` or `_` are skipped with everything
// under them, as are directories with their own go.mod (other modules) and
// directories a go.mod `ignore` directive names; a directory named vendor is
// itself a package (for historical reasons) but nothing below it is. In a
// package directory, go/build never reads a file whose name begins with `.`
// or `_`, under any build tags.
//
// Build constraints are deliberately not applied: a file built only on some
// platform, or only with a tag, is still code of the module that some user
// compiles, so the lint reads it. `_test.go` files are included.

/** Options for {@link moduleGoFiles}. */
export interface ModuleGoFilesOptions {
  /** The paths of the module's go.mod `ignore` directives, as written there. */
  ignore?: readonly string[];
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function dirName(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** Whether a file is a test file to the go command: its name ends in `_test.go`. */
export function isTestFile(p: string): boolean {
  return baseName(p).endsWith('_test.go');
}

// cmd/go's search.normalizePath: a leading and a trailing slash.
function normalizePath(p: string): string {
  let s = p;
  if (!s.startsWith('/')) s = '/' + s;
  if (!s.endsWith('/')) s += '/';
  return s;
}

/**
 * Whether go.mod `ignore` directives exclude the directory `dir` (slash
 * separated, relative to the module root; `''` is the root, never ignored):
 * a path starting with `./` names that directory under the module root; any
 * other names a directory of that path at any depth. Mirrors cmd/go's
 * search.IgnorePatterns.
 */
export function isIgnoredDir(dir: string, ignore: readonly string[]): boolean {
  if (dir === '' || ignore.length === 0) return false;
  const d = normalizePath(dir);
  for (const pattern of ignore) {
    const relative = pattern.startsWith('./');
    const p = normalizePath(relative ? pattern.slice(2) : pattern);
    if (relative ? d.startsWith(p) : d.includes(p)) return true;
  }
  return false;
}

function skippedElem(elem: string): boolean {
  return elem.startsWith('.') || elem.startsWith('_') || elem === 'testdata';
}

/**
 * The `.go` files of the module's packages among `paths` (every file of the
 * module's directory tree, slash-separated and relative to the module root,
 * go.mod files of nested modules included so they can be recognised), in
 * the order given. Pass regular files: go/build would follow a symlink, but
 * in a commit's tree it holds only its target's name.
 */
export function moduleGoFiles(
  paths: Iterable<string>,
  options: ModuleGoFilesOptions = {},
): string[] {
  const all = [...paths];
  const nestedModules = new Set<string>();
  for (const p of all) {
    const dir = dirName(p);
    if (dir !== '' && baseName(p) === 'go.mod') nestedModules.add(dir);
  }
  const ignore = options.ignore ?? [];
  const verdict = new Map<string, boolean>();
  // Whether the walk reaches directory `dir` and lists its files.
  const wanted = (dir: string): boolean => {
    if (dir === '') return true;
    const known = verdict.get(dir);
    if (known !== undefined) return known;
    const parent = dirName(dir);
    const elem = baseName(dir);
    const ok =
      wanted(parent) &&
      // Below a vendor directory the walk does not go.
      !(parent !== '' && baseName(parent) === 'vendor') &&
      !skippedElem(elem) &&
      !isIgnoredDir(dir, ignore) &&
      !nestedModules.has(dir);
    verdict.set(dir, ok);
    return ok;
  };
  return all.filter((p) => {
    const name = baseName(p);
    if (!name.endsWith('.go') || name.startsWith('.') || name.startsWith('_')) return false;
    return wanted(dirName(p));
  });
}

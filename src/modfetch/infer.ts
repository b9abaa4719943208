// Which module a tag publishes, as a maintainer means it: a tag
// `sub/dir/v1.2.3` is version v1.2.3 of the module in `sub/dir`; the module
// path comes from go.mod at the tagged commit, including the two v2+ layouts
// (major branch: go.mod says /vN; major subdirectory: vN/go.mod says /vN).
import path from 'node:path/posix';
import { InputError } from '../internal/errors.js';
import { isGopkgIn, splitPathVersion } from '../module/index.js';
import { modulePath as goModModulePath } from '../modfile/index.js';
import * as semver from '../semver/index.js';
import type { CodeHost } from './code-host.js';

export interface InferredModule {
  modulePath: string;
  /** Import path of the repository root, as cmd/go would resolve it. */
  codeRoot: string;
  /** The tag's directory prefix (`sub/dir`), empty for root modules. */
  codeDir: string;
  /** The version the tag names (last path element), or undefined when not semver. */
  version: string | undefined;
}

/** Splits `sub/dir/v1.2.3` into directory and version; version undefined if not semver. */
export function splitTag(tag: string): { codeDir: string; version: string | undefined } {
  const i = tag.lastIndexOf('/');
  const last = tag.slice(i + 1);
  if (!semver.isValid(last)) return { codeDir: '', version: undefined };
  return { codeDir: i < 0 ? '' : tag.slice(0, i), version: last };
}

/**
 * The repository root import path for module `modulePath` living in
 * `codeDir`: the path prefix (without /vN) minus `codeDir`; gopkg.in paths
 * are their own root. Throws InputError when the path cannot be in codeDir.
 */
export function deriveCodeRoot(modulePath: string, codeDir: string): string {
  if (isGopkgIn(modulePath)) return modulePath;
  const { prefix } = splitPathVersion(modulePath);
  if (codeDir === '') return prefix;
  if (!prefix.endsWith('/' + codeDir)) {
    throw new InputError(
      `module path ${modulePath} does not end in /${codeDir}, the tag's directory: ` +
        `the mirror could not serve it from there (name the module with --module, or the Action's module input)`,
    );
  }
  return prefix.slice(0, prefix.length - codeDir.length - 1);
}

/**
 * Infers module path, code root and version from a tag (or from explicit
 * `modulePath` / `version`) at revision `rev`. Throws InputError for what
 * the user must supply.
 */
export async function inferModuleFromTag(
  code: CodeHost,
  rev: string,
  tag: string | undefined,
  given: { modulePath?: string; version?: string } = {},
): Promise<InferredModule> {
  const fromTag = tag === undefined ? { codeDir: '', version: undefined } : splitTag(tag);
  const version = given.version ?? fromTag.version;
  let codeDir = fromTag.codeDir;
  if (given.modulePath !== undefined) {
    if (tag === undefined || fromTag.version === undefined) {
      codeDir = await guessCodeDir(code, rev, given.modulePath);
    }
    return {
      modulePath: given.modulePath,
      codeRoot: deriveCodeRoot(given.modulePath, codeDir),
      codeDir,
      version,
    };
  }
  const file1 = path.join(codeDir, 'go.mod');
  const data1 = await code.readFile(rev, file1);
  let modulePath = data1 === undefined ? '' : goModModulePath(data1);
  const major = version === undefined ? '' : semver.major(version);
  if (
    major !== '' &&
    major !== 'v0' &&
    major !== 'v1' &&
    splitPathVersion(modulePath).pathMajor === ''
  ) {
    // Major subdirectory layout: vN/go.mod declares the /vN path.
    const data2 = await code.readFile(rev, path.join(codeDir, major, 'go.mod'));
    const p2 = data2 === undefined ? '' : goModModulePath(data2);
    if (p2 !== '' && splitPathVersion(p2).pathMajor === '/' + major) modulePath = p2;
  }
  if (data1 === undefined && modulePath === '') {
    throw new InputError(
      `no ${file1} at ${tag ?? rev}: name the module with --module, or the Action's module input (a module without go.mod has no path of its own)`,
    );
  }
  if (modulePath === '') {
    throw new InputError(
      `${file1} at ${tag ?? rev} has no module directive: name the module with --module, or the Action's module input`,
    );
  }
  return { modulePath, codeRoot: deriveCodeRoot(modulePath, codeDir), codeDir, version };
}

// For a commit named without a prefixed tag: the directory whose go.mod (or
// vN/go.mod) declares the module, shortest first; the root if none does.
async function guessCodeDir(code: CodeHost, rev: string, modulePath: string): Promise<string> {
  const { prefix, pathMajor } = splitPathVersion(modulePath);
  const elems = prefix.split('/');
  for (let i = elems.length - 1; i >= 1; i--) {
    const dir = elems.slice(i).join('/');
    for (const d of pathMajor.startsWith('/') ? [dir, `${dir}${pathMajor}`] : [dir]) {
      const data = await code.readFile(rev, `${d}/go.mod`);
      if (data !== undefined && goModModulePath(data) === modulePath) return dir;
    }
  }
  return '';
}

// The modules of a tree and their version tags, and the version each one is
// about to release: the `--next` tags a release tool is about to create, or
// the version implied by the module's latest tag.
//
// Tag prefixes follow cmd/go (modfetch.codeRepo): a module in `sub/` has
// tags `sub/vX.Y.Z`; a module in a major subdirectory `sub/v2/` (module path
// `…/sub/v2`) is found by the go command from the tags of `sub/`, so its
// prefix stays `sub/`. Tags that are not exactly canonical semantic versions
// (`v1.2`, `v1.2.3+meta`) and pseudo-version-shaped tags are never versions
// to the go command.

import { isPseudoVersion, pathMajorPrefix, splitPathVersion } from '../../module/index.js';
import { canonical, compare, isValid, major, prerelease } from '../../semver/index.js';

/** A module directory found in a tree. */
export interface TreeModule {
  /** Repository-relative directory ('' for the root). */
  dir: string;
  /** Repository-relative path of its go.mod. */
  goModFile: string;
  /** The prefix of its version tags ('' for the root; `sub/` for `sub/` and `sub/v2/`). */
  tagPrefix: string;
}

// A directory element that is a major version suffix (`v2`, `v10`; not
// `v1`, `v0`, `v02`).
function isMajorElem(elem: string): boolean {
  return /^v[1-9][0-9]*$/.test(elem) && elem !== 'v1';
}

/** The tag prefix of the module in `dir`. */
export function tagPrefixOf(dir: string): string {
  if (dir === '') return '';
  const slash = dir.lastIndexOf('/');
  const last = dir.slice(slash + 1);
  if (isMajorElem(last)) return slash < 0 ? '' : dir.slice(0, slash + 1);
  return dir + '/';
}

/**
 * Every module of a tree: each go.mod (among `paths`, repository-relative
 * and '/'-separated) not inside a `vendor` or `testdata` directory, sorted
 * by directory.
 */
export function modulesOfTree(paths: Iterable<string>): TreeModule[] {
  const out: TreeModule[] = [];
  for (const p of paths) {
    const elems = p.split('/');
    if (elems[elems.length - 1] !== 'go.mod') continue;
    const dirs = elems.slice(0, -1);
    if (dirs.some((e) => e === 'vendor' || e === 'testdata')) continue;
    const dir = dirs.join('/');
    out.push({ dir, goModFile: p, tagPrefix: tagPrefixOf(dir) });
  }
  return out.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/** The versions named by the tags with exactly `prefix` (`sub/v1.2.3` → `v1.2.3`), as written. */
export function versionsOfPrefix(tags: Iterable<string>, prefix: string): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const name = t.startsWith('refs/tags/') ? t.slice('refs/tags/'.length) : t;
    if (!name.startsWith(prefix)) continue;
    const v = name.slice(prefix.length);
    if (v.startsWith('v') && !v.includes('/')) out.push(v);
  }
  return out;
}

/** Whether the go command takes `v` from a tag as a version: canonical and not pseudo-version-shaped. */
export function isVersionTag(v: string): boolean {
  return isValid(v) && canonical(v) === v && !isPseudoVersion(v);
}

/** A `--next` tag, split. */
export interface NextTag {
  /** The tag as given (without `refs/tags/`). */
  tag: string;
  /** Its prefix (`api/` for `api/v2.0.0`, '' for `v2.0.0`). */
  prefix: string;
  /** The version part, as written (may be non-canonical: a finding says so). */
  version: string;
}

/**
 * Splits a `--next` value. Returns a one-line error (for exit status 2) when
 * its last element is not a semantic version at all.
 */
export function parseNextTag(value: string): NextTag | { error: string } {
  const tag = value.startsWith('refs/tags/') ? value.slice('refs/tags/'.length) : value;
  const slash = tag.lastIndexOf('/');
  const prefix = tag.slice(0, slash + 1);
  const version = tag.slice(slash + 1);
  if (!isValid(version) || prefix.startsWith('/') || prefix.includes('//')) {
    return {
      error: `--next ${JSON.stringify(value)} is not a module version tag: Go's version tags look like v1.2.3, or sub/dir/v1.2.3 for the module in sub/dir`,
    };
  }
  return { tag, prefix, version };
}

/** The major a module path's suffix stands for: `v2` for `/v2` and `.v2`; '' when it has none. */
function pathMajorOf(modulePath: string): string {
  const s = splitPathVersion(modulePath);
  if (!s.ok || s.pathMajor === '') return '';
  try {
    return pathMajorPrefix(s.pathMajor);
  } catch {
    return '';
  }
}

/** A module as the assignment of `--next` tags needs it. */
export interface NextCandidate {
  dir: string;
  tagPrefix: string;
  /** The declared module path ('' when go.mod names none). */
  modulePath: string;
}

/**
 * Which module each `--next` tag is for. Modules sharing a prefix (`sub/`
 * and `sub/v2/`) are told apart by the major, as the go command does: the
 * one whose path suffix matches the version's major, else the one without a
 * suffix in the prefix's own directory (where a v2+ tag without `/vN` is the
 * mistake to report). A tag no module takes, and a module given two tags,
 * are input errors.
 */
export function assignNextTags(
  modules: readonly NextCandidate[],
  tags: readonly NextTag[],
): { byDir: Map<string, NextTag>; errors: string[] } {
  const byDir = new Map<string, NextTag>();
  const errors: string[] = [];
  for (const t of tags) {
    const same = modules.filter((m) => m.tagPrefix === t.prefix);
    const m =
      same.length <= 1
        ? same[0]
        : (same.find((c) => {
            const pm = pathMajorOf(c.modulePath);
            return pm !== '' && pm === major(t.version);
          }) ?? same.find((c) => c.dir === t.prefix.replace(/\/$/, '')));
    if (m === undefined) {
      const where = t.prefix === '' ? 'the repository root' : t.prefix;
      errors.push(
        `--next ${t.tag}: no module has its tags at ${where} (no go.mod in ${where === 'the repository root' ? 'it' : t.prefix} or a major subdirectory of it)`,
      );
      continue;
    }
    const taken = byDir.get(m.dir);
    if (taken !== undefined) {
      errors.push(
        `--next ${taken.tag} and --next ${t.tag} name the same module (in ${m.dir === '' ? 'the repository root' : m.dir + '/'}): give one`,
      );
      continue;
    }
    byDir.set(m.dir, t);
  }
  return { byDir, errors };
}

/** The version a module is about to release. */
export interface NextVersion {
  version: string;
  /** The tag that would be created (`sub/v1.5.0`). */
  tag: string;
  /** True when implied by the latest tag rather than given with --next. */
  implied: boolean;
}

function nextMinor(v: string): string {
  const [maj, min] = v.slice(1).split(/[.-]/);
  return `v${maj}.${(BigInt(min ?? '0') + 1n).toString()}.0`;
}

/**
 * What tells a module's own tags from tags of the same prefix that belong
 * to another module path (needed only for v2+ tags of a module path without
 * a major suffix).
 */
export interface LineOptions {
  /**
   * Majors claimed by a major-subdirectory module of the same prefix (the
   * module in `v2/` claims the `v2.x.y` tags of the root).
   */
  otherMajors?: Iterable<string>;
  /**
   * The module path the go.mod in the module's directory declares at a
   * tag's commit: null when there is no go.mod there (the tag is a
   * `+incompatible` version of this path), undefined when not looked up. A
   * tag whose go.mod declares a `/vN` path belongs to that path's module (a
   * major-branch layout: `v2.x.y` tagged on a branch whose go.mod says
   * `…/v2`), not to this one. See {@link tagsToInspect}.
   */
  pathAtTag?: (version: string) => string | null | undefined;
}

/**
 * The tags of a module's own line. For a module path with a major suffix,
 * the tags of that major (a `sub/` prefix is shared with the `sub/` module's
 * v0/v1 tags). For one without: its v0/v1 tags, and its v2+ tags unless
 * another module claims them ({@link LineOptions}); those that remain are
 * versions the go command refuses or publishes as `+incompatible`.
 */
export function lineTags(
  modulePath: string,
  versions: readonly string[],
  options: LineOptions = {},
): string[] {
  const pm = pathMajorOf(modulePath);
  const others = new Set(options.otherMajors ?? []);
  return versions.filter((v) => {
    if (!isVersionTag(v)) return false;
    const m = major(v);
    if (pm !== '') return m === pm;
    if (m === 'v0' || m === 'v1') return true;
    if (others.has(m)) return false;
    const at = options.pathAtTag?.(v);
    return at === undefined || at === null || pathMajorOf(at) === '';
  });
}

/**
 * The tags whose go.mod module path {@link LineOptions.pathAtTag} should
 * give: the v2+ tags of a module path without a major suffix. Usually none.
 */
export function tagsToInspect(modulePath: string, versions: readonly string[]): string[] {
  if (pathMajorOf(modulePath) !== '') return [];
  return versions.filter((v) => isVersionTag(v) && major(v) !== 'v0' && major(v) !== 'v1');
}

/**
 * The version the module releases next: the `--next` tag when given;
 * otherwise implied by its tags. Implied: the next minor of the highest tag
 * of the module's line (`v1.4.2` → `v1.5.0`; a highest prerelease
 * `v2.0.0-rc.1` → `v2.0.0`), because a maintainer releasing from a pull
 * request most often adds a feature, and a deleted-then-reused number is most
 * often the next minor (discordgo v0.21.0); for a module path with a major
 * suffix and no tag of that major yet (a major bump in progress), `vN.0.0`.
 * A module without any tag of its line has no implied next version.
 * `versions` are the versions of the module's tag prefix.
 */
export function nextVersionFor(
  module: { modulePath: string; tagPrefix: string },
  versions: readonly string[],
  given?: NextTag,
  options: LineOptions = {},
): NextVersion | undefined {
  if (given !== undefined) return { version: given.version, tag: given.tag, implied: false };
  const highest = latestOfLine(module.modulePath, versions, options);
  let version: string | undefined;
  if (highest !== undefined) {
    const pre = prerelease(highest);
    version = pre !== '' ? highest.slice(0, highest.length - pre.length) : nextMinor(highest);
  } else {
    const pm = pathMajorOf(module.modulePath);
    if (pm !== '' && pm !== 'v0' && pm !== 'v1') version = `${pm}.0.0`;
  }
  if (version === undefined) return undefined;
  return { version, tag: module.tagPrefix + version, implied: true };
}

/** The highest version tag (release or prerelease) of the module's line, if any. */
export function latestOfLine(
  modulePath: string,
  versions: readonly string[],
  options: LineOptions = {},
): string | undefined {
  let best: string | undefined;
  for (const v of lineTags(modulePath, versions, options)) {
    if (best === undefined || compare(v, best) > 0) best = v;
  }
  return best;
}

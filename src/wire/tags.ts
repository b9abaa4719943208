// Version tags, in one place: how a tag name maps to a module directory and
// a version (`sub/dir/v1.2.3` is v1.2.3 of the module in sub/dir, as the go
// command reads tags), which versions Go lists (exactly canonical), and the
// tags at HEAD that a run gates when none is named.
import type { VersionTag } from '../checks/ports.js';
import { openRepo, type GitRepo } from '../git/index.js';
import { InputError } from '../internal/errors.js';
import { splitTag } from '../modfetch/index.js';
import { canonical, compare } from '../semver/index.js';

/** A tag name as users may write it: `refs/tags/` is dropped. */
export function tagName(name: string): string {
  return name.replace(/^refs\/tags\//, '');
}

/** The tag as a module version, or undefined when its last element is no semantic version. */
export function versionTag(name: string, commit: string): VersionTag | undefined {
  const { codeDir, version } = splitTag(name);
  if (version === undefined) return undefined;
  return { name, codeDir, version, canonical: canonical(version) === version, commit };
}

/** The version tags of `repo`, of one module directory ('' for the root) or of all. */
export async function versionTags(repo: GitRepo, codeDir?: string): Promise<VersionTag[]> {
  const { tags } = await repo.refs();
  return [...tags]
    .map(([name, commit]) => versionTag(name, commit))
    .filter(
      (t): t is VersionTag => t !== undefined && (codeDir === undefined || t.codeDir === codeDir),
    );
}

/** The version tags on HEAD of `repoDir`, with HEAD (undefined when nothing is checked out). */
async function atHead(
  repoDir: string,
): Promise<{ repo: GitRepo; head: string | undefined; tags: VersionTag[] }> {
  const repo = await openRepo(repoDir);
  const { head } = await repo.refs();
  const tags = head === undefined ? [] : (await versionTags(repo)).filter((t) => t.commit === head);
  return { repo, head, tags };
}

/**
 * `tags: all-at-head`: the names of every version tag on HEAD (`v1.2.3`,
 * `sub/v1.2.3`), sorted, so one run gates all the modules a multi-module
 * release tagged together (GitHub creates no push event at all when more
 * than three tags are pushed at once).
 */
export async function versionTagsAtHead(repoDir: string): Promise<string[]> {
  const { repo, head, tags } = await atHead(repoDir);
  if (head === undefined) {
    throw new InputError(`tags: all-at-head: ${repoDir} has no commit checked out`);
  }
  if (tags.length === 0) {
    throw new InputError(
      `tags: all-at-head: no version tag points at HEAD (${head.slice(0, 12)}) in ${repoDir}` +
        (repo.shallow
          ? ', a shallow clone: fetch the tags (actions/checkout with fetch-depth: 0)'
          : '') +
        ', or name the tags in the tags input',
    );
  }
  return tags.map((t) => t.name).sort();
}

/**
 * The version tag on HEAD, as the tag a maintainer just made (verify
 * without --tag). With several versions of one module there, the highest;
 * tags of different modules (`v1.0.0` and `sub/v1.0.0`) are ambiguous and
 * must be named.
 */
export async function tagAtHead(repoDir: string): Promise<string> {
  const { tags } = await atHead(repoDir);
  const dirs = new Set(tags.map((t) => t.codeDir));
  if (dirs.size === 0) {
    throw new InputError(
      `no version tag points at HEAD in ${repoDir}: pass --tag (e.g. --tag v1.2.3)`,
    );
  }
  if (dirs.size > 1) {
    const all = tags.map((t) => t.name).sort();
    throw new InputError(
      `HEAD carries version tags of several modules (${all.join(', ')}): pass --tag to choose one`,
    );
  }
  tags.sort((a, b) => compare(b.version, a.version) || (a.name < b.name ? -1 : 1));
  return tags[0]!.name;
}

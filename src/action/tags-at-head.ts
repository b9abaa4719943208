// `tags: all-at-head`: every version tag on the checked-out commit, so one
// run gates all the modules a multi-module release tagged together (GitHub
// creates no push event at all when more than three tags are pushed at once).
import { openRepo } from '../git/index.js';
import { InputError } from '../internal/errors.js';
import { splitTag } from '../modfetch/index.js';

/** Names of the version tags (`v1.2.3`, `sub/v1.2.3`) pointing at HEAD of `repoDir`, sorted. */
export async function versionTagsAtHead(repoDir: string): Promise<string[]> {
  const repo = await openRepo(repoDir);
  const { tags, head } = await repo.refs();
  if (head === undefined) {
    throw new InputError(`tags: all-at-head: ${repoDir} has no commit checked out`);
  }
  const names = [...tags]
    .filter(([name, commit]) => commit === head && splitTag(name).version !== undefined)
    .map(([name]) => name)
    .sort();
  if (names.length === 0) {
    throw new InputError(
      `tags: all-at-head: no version tag points at HEAD (${head.slice(0, 12)}) in ${repoDir}` +
        (repo.shallow
          ? ', a shallow clone: fetch the tags (actions/checkout with fetch-depth: 0)'
          : '') +
        ', or name the tags in the tags input',
    );
  }
  return names;
}

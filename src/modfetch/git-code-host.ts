// CodeHost over a local git repository, answering as cmd/go's clone of that
// repository would: tags first, then branches, then HEAD, then hashes.
import type { GitRepo } from '../git/git-repo.js';
import { compareGoStrings } from '../internal/go-string.js';
import { allHex, UnknownRevisionError, type CodeHost, type CodeRevInfo } from './code-host.js';

// codehost's minHashDigits: shorter hex strings are never taken as hashes.
const MIN_HASH_DIGITS = 7;

/**
 * A CodeHost reading `repo`; results of stat are cached per revision.
 * `pretendTags` (tag name → commit) are seen as if they existed, overriding
 * real tags of that name: "what would Go say once this commit is tagged".
 */
export function gitCodeHost(
  repo: GitRepo,
  options: { pretendTags?: ReadonlyMap<string, string> } = {},
): CodeHost {
  const statCache = new Map<string, Promise<CodeRevInfo>>();
  let refsCache:
    Promise<Awaited<ReturnType<GitRepo['refs']>> & { otherTags: Map<string, string> }> | undefined;
  const refs = () => {
    refsCache ??= Promise.all([repo.refs(), repo.nonCommitTags()]).then(([r, other]) => {
      if (options.pretendTags === undefined) return { ...r, otherTags: other };
      const tags = new Map(r.tags);
      const otherTags = new Map(other);
      for (const [t, c] of options.pretendTags) {
        tags.set(t, c);
        otherTags.delete(t);
      }
      return { ...r, tags, otherTags };
    });
    return refsCache;
  };

  async function tagsAt(hash: string): Promise<string[]> {
    const { tags } = await refs();
    return [...tags]
      .filter(([, c]) => c === hash)
      .map(([t]) => t)
      .sort(compareGoStrings);
  }

  async function info(hash: string, version: string): Promise<CodeRevInfo> {
    const c = await repo.commit(hash);
    const tags = await tagsAt(c.hash);
    return {
      name: c.hash,
      short: c.hash.slice(0, 12),
      time: c.time,
      tags,
      version: tags.includes(version) ? version : c.hash,
    };
  }

  async function statUncached(rev: string): Promise<CodeRevInfo> {
    const { tags, heads, head, otherTags } = await refs();
    const tag = tags.get(rev);
    if (tag !== undefined) return info(tag, rev);
    // Go takes any tag as the revision, then `git log -n1 <tree or blob>`
    // prints nothing, which it reports this way.
    if (otherTags.has(rev)) throw new Error('unexpected response from git log: ""');
    const branch = heads.get(rev);
    if (branch !== undefined) return info(branch, rev);
    if (rev === 'HEAD' && head !== undefined) return info(head, rev);
    if (rev.length >= MIN_HASH_DIGITS && rev.length <= 40 && allHex(rev)) {
      const h = await repo.resolveHash(rev);
      if (h !== undefined) return info(h, rev);
    }
    throw new UnknownRevisionError(rev);
  }

  const host: CodeHost = {
    stat(rev) {
      let p = statCache.get(rev);
      if (p === undefined) {
        p = statUncached(rev);
        statCache.set(rev, p);
      }
      return p;
    },
    async latest() {
      const { head } = await refs();
      if (head === undefined) throw new Error('no commits');
      return info(head, head);
    },
    async tags(prefix) {
      const { tags, otherTags } = await refs();
      // Go lists every tag, also those naming a tree or blob.
      return [...tags.keys(), ...otherTags.keys()]
        .filter((t) => t.startsWith(prefix))
        .sort(compareGoStrings);
    },
    async readFile(rev, file) {
      let hash: string;
      try {
        hash = (await host.stat(rev)).name;
      } catch (e) {
        // Only an unknown revision means "no such file" to Go.
        if (e instanceof UnknownRevisionError) return undefined;
        throw e;
      }
      return repo.readBlob(hash, file);
    },
    async descendsFrom(rev, tag) {
      const { tags } = await refs();
      const t = tags.get(tag);
      if (t === undefined) return false;
      return repo.isAncestor(t, (await host.stat(rev)).name);
    },
    async mergedTags(rev) {
      const hash = (await host.stat(rev)).name;
      const merged = new Set(await repo.tagsMergedInto(hash));
      if (options.pretendTags !== undefined) {
        for (const [t, c] of options.pretendTags) {
          if (c === hash || (await repo.isAncestor(c, hash))) merged.add(t);
          else merged.delete(t);
        }
      }
      return [...merged];
    },
    async readZip(rev, subdir) {
      return repo.listArchive((await host.stat(rev)).name, subdir);
    },
  };
  return host;
}

// What modfetch needs of a repository: cmd/go's codehost.Repo, reduced to
// the operations the version→zip algorithm uses. The git implementation is
// in git-code-host.ts; tests may supply an in-memory one.
import type { ArchiveListing } from '../git/git-repo.js';

/** A commit as the code host reports it for a revision. */
export interface CodeRevInfo {
  /** Full commit hash. */
  name: string;
  /** First 12 hex digits of the hash. */
  short: string;
  /** Committer time, seconds since the epoch (UTC). */
  time: number;
  /** The revision asked for when it is a tag on the commit, else the hash. */
  version: string;
  /** Names of the tags pointing at the commit, sorted. */
  tags: string[];
}

export interface CodeHost {
  /** Resolves a tag, branch, HEAD or hash (prefix); throws UnknownRevisionError. */
  stat(rev: string): Promise<CodeRevInfo>;
  /** The commit HEAD names; throws when there is none. */
  latest(): Promise<CodeRevInfo>;
  /** Tag names starting with `prefix`, sorted. */
  tags(prefix: string): Promise<string[]>;
  /** The raw blob at `rev:file`, or undefined when it does not exist. */
  readFile(rev: string, file: string): Promise<Buffer | undefined>;
  /** Whether `tag` is an ancestor of (or equal to) `rev`. */
  descendsFrom(rev: string, tag: string): Promise<boolean>;
  /** Names of the tags reachable from `rev` (`git for-each-ref --merged`). */
  mergedTags(rev: string): Promise<string[]>;
  /** The archive of `rev` under `subdir`, each file hashed. */
  readZip(rev: string, subdir: string): Promise<ArchiveListing>;
}

/** cmd/go's codehost.UnknownRevisionError. */
export class UnknownRevisionError extends Error {
  override name = 'UnknownRevisionError';
  constructor(readonly rev: string) {
    super(`unknown revision ${rev}`);
  }
}

/** Whether s is all lowercase or uppercase hexadecimal digits (codehost.AllHex). */
export function allHex(s: string): boolean {
  return /^[0-9a-fA-F]*$/.test(s);
}

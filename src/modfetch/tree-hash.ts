// Hashing every version of every module of a repository (the drift scan)
// at about the cost of reading each distinct file content once. Each version
// goes through the same pipeline as `modseal hash` (buildModule: Go's
// version resolution, go.mod lookup, LICENSE copy, module-zip file rules and
// error texts) over a GitRepo that lists archives from tree objects and a
// shared blob id → SHA-256 cache, falling back to `git archive` per version
// whenever attributes or anything unusual could change the archived bytes.
import {
  BlobReuseRepo,
  type BlobReuseOptions,
  type BlobReuseStats,
  type ListingSource,
} from '../git/blob-reuse-repo.js';
import { mapLimit } from '../internal/pool.js';
import { buildModule, type BuildRequest, type BuiltModule } from './build-module.js';
import type { CodeHost } from './code-host.js';
import { gitCodeHost } from './git-code-host.js';

export interface TreeHashOptions extends BlobReuseOptions {
  /** Versions built at once (they share one cat-file process); default 8. */
  concurrency?: number;
  /** Tag name → commit, seen as if they existed (as gitCodeHost's option). */
  pretendTags?: ReadonlyMap<string, string>;
}

/** What the checksum database records for a version, or Go's error. */
export interface VersionHashes {
  modulePath: string;
  /** The resolved version, or the query when resolution failed. */
  version: string;
  commit?: string;
  /** Module directory inside the repository. */
  dir?: string;
  /** h1 of the .mod file (the go.sum `/go.mod` line). */
  goModSum?: string;
  /** h1 of the zip. */
  sum?: string;
  /** Go's error text, at the stage where Go would stop. */
  error?: string;
  /** How the zip's file list was made, when it was: from objects, or git archive and why. */
  listing?: ListingSource;
}

export class TreeHasher {
  // How each (commit, directory) listing was made, for the results of hashVersions.
  private readonly sources = new Map<string, ListingSource>();
  private running = 0;

  private constructor(
    readonly repo: BlobReuseRepo,
    /** The code host every build uses (stat and ref lookups are cached for the run). */
    readonly code: CodeHost,
    private readonly concurrency: number,
  ) {
    repo.onListing = (commit, subdir, source) => this.sources.set(`${commit}:${subdir}`, source);
  }

  /** Opens the repository at `dir`; throws InputError as openRepo does. */
  static async open(dir: string, options: TreeHashOptions = {}): Promise<TreeHasher> {
    const repo = await BlobReuseRepo.open(dir, options);
    const code = gitCodeHost(
      repo,
      options.pretendTags === undefined ? {} : { pretendTags: options.pretendTags },
    );
    return new TreeHasher(repo, code, Math.max(1, options.concurrency ?? 8));
  }

  /** One version, exactly as buildModule builds it (file lists included). */
  build(req: BuildRequest): Promise<BuiltModule> {
    return buildModule(this.code, req);
  }

  /**
   * Hashes many versions, `concurrency` at a time, and returns their
   * hashes in the order asked (file lists are dropped as each finishes, so
   * memory does not grow with the files of each version). `each` sees every
   * result as soon as it is known.
   */
  async hashVersions(
    reqs: readonly BuildRequest[],
    each?: (h: VersionHashes, index: number) => void,
  ): Promise<VersionHashes[]> {
    const hashOne = async (req: BuildRequest, i: number): Promise<VersionHashes> => {
      const b = await this.build(req);
      const h: VersionHashes = { modulePath: b.modulePath, version: b.version };
      if (b.commit !== undefined) h.commit = b.commit;
      if (b.dir !== undefined) h.dir = b.dir;
      if (b.goModSum !== undefined) h.goModSum = b.goModSum;
      if (b.sum !== undefined) h.sum = b.sum;
      if (b.error !== undefined) h.error = b.error;
      const source =
        b.commit === undefined || b.dir === undefined
          ? undefined
          : this.sources.get(`${b.commit}:${b.dir}`);
      if (source !== undefined) h.listing = source;
      each?.(h, i);
      return h;
    };
    this.running++;
    try {
      return await mapLimit(reqs, this.concurrency, hashOne);
    } finally {
      // Kept while any call is under way (they may share commits).
      if (--this.running === 0) this.sources.clear();
    }
  }

  /** Counters of the run so far: listings by source, blobs read, cache hits. */
  stats(): BlobReuseStats {
    return this.repo.stats();
  }

  /** Stops git's processes and removes scratch folders. */
  close(): Promise<void> {
    return this.repo.close();
  }
}

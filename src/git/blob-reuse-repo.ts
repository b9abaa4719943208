// A GitRepo for hashing many versions of one repository: the archive listing
// of a version (what `git archive` would write, each file hashed) is made
// from the commit's tree objects and a cache of blob id → SHA-256, so a file
// content shared by many versions is read once per run. That is exact only
// where git writes a blob's bytes unchanged, so a version falls back to the
// real `git archive` (GitRepo.listArchive, the reference) whenever anything
// could make them differ: an attribute that converts content (git itself is
// asked, see attr-check.ts), an odd tree, a subdirectory git would read as a
// pattern, a zip near Go's size limit, or any read that fails. Raw reads
// (go.mod, LICENSE) and commit times go over the same `cat-file --batch`.
//
// All processes run in a scratch bare repository that borrows the objects
// through objects/info/alternates, as the archive does: the same objects,
// no configuration of the user's, and nothing written to their repository.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../internal/errors.js';
import { decodeGoString } from '../internal/go-string.js';
import { makeTempDir, removeTempDir } from '../internal/temp-dirs.js';
import { AttrCheck, keepsBlobBytes, writeAttributesTree } from './attr-check.js';
import { BlobCache } from './blob-cache.js';
import { CatFileBatch, type CatFileBatchOptions } from './cat-file-batch.js';
import {
  GitRepo,
  MAX_ZIP_FILE,
  openRepo,
  type ArchiveFile,
  type ArchiveListing,
  type CommitInfo,
} from './git-repo.js';
import { createGitRunner, type GitRunner } from './git-runner.js';
import { TreeLister, UnusualTreeError, type TreeListing } from './tree-lister.js';

export type BlobReuseOptions = CatFileBatchOptions;

/** Why a listing was left to `git archive`. */
export type FallbackReason =
  | 'pathspec'
  | 'not-a-directory'
  | 'unusual-tree'
  | 'attributes'
  | 'attributes-file'
  | 'size'
  | 'read-error';

export interface BlobReuseStats {
  /** Listings made from tree and blob objects. */
  fromObjects: number;
  /** Listings left to `git archive`, by reason. */
  fromArchive: number;
  fallbackReasons: Partial<Record<FallbackReason, number>>;
  /** The last failure that sent a listing to `git archive`, for diagnosis. */
  lastReadError?: string;
  /** Distinct blobs whose content was read and hashed. */
  blobsHashed: number;
  bytesHashed: number;
  /** Digests answered from the cache. */
  digestHits: number;
  treesRead: number;
  /** Objects `cat-file --batch` answered (trees, blobs, commits, raw reads). */
  objectsRead: number;
  /** `git check-attr` processes started (one per distinct set of .gitattributes files). */
  attributeCheckers: number;
  /** Paths whose attributes git was asked for. */
  attributePaths: number;
}

// The zip `git archive` would write, bounded from above with more room per
// entry than git-repo.ts allows: local and central headers with
// extended-timestamp and zip64 extras and a data descriptor, and the trailer.
const ENTRY_OVERHEAD = 256;
const TRAILER_OVERHEAD = 1024;
const ARCHIVE_PREFIX_LENGTH = 'prefix/'.length;
const BIG_FILE_THRESHOLD = 512 << 20;
// Distinct sets of .gitattributes files whose checker stays open.
const ATTRIBUTE_CHECKERS_KEPT = 4;
// A .gitattributes beyond this is left to git archive rather than copied.
const MAX_ATTRIBUTES_FILE = 1 << 20;

interface Session {
  root: string;
  gitDir: string;
  batch: CatFileBatch;
  blobs: BlobCache;
  lister: TreeLister;
}

interface AttributeSession {
  check: AttrCheck;
  workTree: string;
  /** Full path (latin1 of its bytes) → whether the archive keeps the blob's bytes. */
  verdicts: Map<string, Promise<boolean>>;
}

class Fallback extends Error {
  constructor(readonly reason: FallbackReason) {
    super(reason);
  }
}

/** How one listing was made: from objects, or by git archive and why. */
export type ListingSource = 'objects' | FallbackReason;

export class BlobReuseRepo extends GitRepo {
  /** Told how each listing was made (commit, subdirectory, source). */
  onListing?: (commit: string, subdir: string, source: ListingSource) => void;
  private session?: Promise<Session>;
  /** The session once started (for stats, which are synchronous). */
  private sessionNow?: Session;
  private closed = false;
  private readonly attributeSessions = new Map<string, Promise<AttributeSession>>();
  // go.mod files read by path while resolving a version (the listing that
  // follows needs the same bytes) and .gitattributes files, by blob id.
  private readonly smallBlobs = new SmallBlobs();
  private attributeSessionCount = 0;
  private attributeTrees = 0;
  private readonly counts = {
    fromObjects: 0,
    fromArchive: 0,
    attributePaths: 0,
    reasons: {} as Partial<Record<FallbackReason, number>>,
    lastReadError: undefined as string | undefined,
  };

  constructor(
    base: GitRepo,
    runner: GitRunner,
    private readonly options: BlobReuseOptions = {},
  ) {
    super(base.dir, base.objectsDir, base.shallow, base.objectFormat, runner);
  }

  /** Opens the repository at `dir` (InputError as openRepo when it is not one). */
  static async open(dir: string, options: BlobReuseOptions = {}): Promise<BlobReuseRepo> {
    const runner = createGitRunner({ git: options.git, env: options.env });
    return new BlobReuseRepo(await openRepo(dir, runner), runner, options);
  }

  stats(): BlobReuseStats {
    const s = this.sessionNow;
    return {
      fromObjects: this.counts.fromObjects,
      fromArchive: this.counts.fromArchive,
      fallbackReasons: { ...this.counts.reasons },
      ...(this.counts.lastReadError === undefined
        ? {}
        : { lastReadError: this.counts.lastReadError }),
      blobsHashed: s?.blobs.blobsHashed ?? 0,
      bytesHashed: s?.blobs.bytesHashed ?? 0,
      digestHits: s?.blobs.hits ?? 0,
      treesRead: s?.lister.treesRead ?? 0,
      objectsRead: s?.batch.objectsRead ?? 0,
      attributeCheckers: this.attributeSessionCount,
      attributePaths: this.counts.attributePaths,
    };
  }

  /** Stops every process and removes the scratch repository; later calls use plain git. */
  async close(): Promise<void> {
    this.closed = true;
    const sessions = [...this.attributeSessions.values()];
    this.attributeSessions.clear();
    for (const p of sessions) await closeAttributeSession(p);
    const s = await this.session?.catch(() => undefined);
    this.session = undefined;
    this.sessionNow = undefined;
    if (s !== undefined) {
      await s.batch.close();
      await removeTempDir(s.root);
    }
  }

  private open(): Promise<Session> | undefined {
    if (this.closed) return undefined;
    this.session ??= this.startSession().then((s) => (this.sessionNow = s));
    return this.session;
  }

  private async startSession(): Promise<Session> {
    const root = await makeTempDir('modseal-blobs-');
    try {
      const gitDir = path.join(root, 'git');
      await this.initScratchBare(gitDir);
      const batch = new CatFileBatch(gitDir, this.options);
      return {
        root,
        gitDir,
        batch,
        blobs: new BlobCache(batch),
        lister: new TreeLister(batch, this.objectFormat),
      };
    } catch (e) {
      await removeTempDir(root);
      throw e;
    }
  }

  override async commit(hash: string): Promise<CommitInfo> {
    const s = await this.open()?.catch(() => undefined);
    if (s === undefined || !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(hash)) return super.commit(hash);
    const r = await s.batch.readAll(hash).catch(() => undefined);
    const time =
      r !== undefined && r.header.type === 'commit' && r.header.oid === hash
        ? committerTime(r.data)
        : undefined;
    // git log reads anything odd its own way, and words the errors.
    return time === undefined ? super.commit(hash) : { hash, time };
  }

  override async readBlob(commit: string, file: string): Promise<Buffer | undefined> {
    const s = await this.open()?.catch(() => undefined);
    if (s === undefined || !/^[0-9a-f]+$/.test(commit) || !plainPath(file)) {
      return super.readBlob(commit, file);
    }
    const r = await s.batch.readAll(`${commit}:${file}`).catch(() => null);
    if (r === null) return super.readBlob(commit, file);
    if (r !== undefined) {
      if (r.header.type !== 'blob') return undefined;
      this.smallBlobs.set(r.header.oid, r.data);
      return r.data;
    }
    // "missing" is both "no such path" and "an object that cannot be read";
    // only the first is certain enough to answer here.
    return (await pathAbsent(s.lister, commit, file)) ? undefined : super.readBlob(commit, file);
  }

  override async listArchive(
    commit: string,
    subdir: string,
    maxZipFile: number = MAX_ZIP_FILE,
  ): Promise<ArchiveListing> {
    try {
      const listing = await this.fromObjects(commit, subdir, maxZipFile);
      this.counts.fromObjects++;
      this.onListing?.(commit, subdir, 'objects');
      return listing;
    } catch (e) {
      const reason = e instanceof Fallback ? e.reason : 'read-error';
      if (!(e instanceof Fallback)) this.counts.lastReadError = errorMessage(e);
      this.counts.reasons[reason] = (this.counts.reasons[reason] ?? 0) + 1;
      this.counts.fromArchive++;
      this.onListing?.(commit, subdir, reason);
      return super.listArchive(commit, subdir, maxZipFile);
    }
  }

  private async fromObjects(
    commit: string,
    subdir: string,
    maxZipFile: number,
  ): Promise<ArchiveListing> {
    if (!plainSubdir(subdir)) throw new Fallback('pathspec');
    const session = this.open();
    if (session === undefined) throw new Error('closed');
    const s = await session;
    let tree: TreeListing | undefined;
    try {
      tree = await s.lister.list(commit, subdir);
    } catch (e) {
      if (e instanceof UnusualTreeError) throw new Fallback('unusual-tree');
      throw e;
    }
    if (tree === undefined) throw new Fallback('not-a-directory');
    const full = (rel: Buffer): Buffer =>
      subdir === '' ? rel : Buffer.concat([Buffer.from(subdir + '/', 'utf8'), rel]);
    if (tree.attributes.length > 0) await this.requireNoConversion(s, tree, full);

    const digests = await Promise.all(tree.files.map((f) => s.blobs.digest(f.oid)));

    // An upper bound of the zip git would write; near Go's limit the
    // archive path measures the real one.
    const subdirBytes = subdir === '' ? 0 : Buffer.byteLength(subdir, 'utf8') + 1;
    let bound = TRAILER_OVERHEAD;
    const entry = (nameBytes: number, data: number): void => {
      const growth = data > BIG_FILE_THRESHOLD ? Math.ceil(data / 1024) : 0;
      bound += ENTRY_OVERHEAD + 2 * (ARCHIVE_PREFIX_LENGTH + nameBytes) + data + growth;
    };
    entry(0, 0);
    if (subdir !== '') {
      let at = 0;
      for (const part of subdir.split('/')) {
        at += Buffer.byteLength(part, 'utf8') + 1;
        entry(at, 0);
      }
    }
    for (const d of [...tree.dirs, ...tree.gitlinks]) entry(subdirBytes + d.length + 1, 0);
    tree.files.forEach((f, i) => entry(subdirBytes + f.path.length, digests[i]?.size ?? 0));
    if (!(bound <= maxZipFile)) throw new Fallback('size');

    const files: ArchiveFile[] = [];
    let goMod: Buffer | undefined;
    for (const [i, f] of tree.files.entries()) {
      const d = digests[i];
      if (d === undefined) throw new Error('digest missing');
      const p = decodeGoString(f.path);
      const kind = f.kind === 'symlink' ? 'symlink' : 'regular';
      if (kind === 'regular' && p === 'go.mod') {
        goMod = this.smallBlobs.get(f.oid) ?? (await s.blobs.content(f.oid));
      }
      files.push({ path: p, kind, size: d.size, sha256: d.sha256 });
    }
    return { files, goMod, zipTooLarge: false };
  }

  /**
   * Throws a Fallback unless git says no attribute converts any regular file
   * of the listing (symbolic links are written as their target, unconverted).
   */
  private async requireNoConversion(
    s: Session,
    tree: TreeListing,
    full: (rel: Buffer) => Buffer,
  ): Promise<void> {
    const exact = Buffer.from('.gitattributes');
    for (const a of tree.attributes) {
      if (!a.name.equals(exact) || (a.kind !== 'regular' && a.kind !== 'executable')) {
        throw new Fallback('attributes-file');
      }
    }
    const key = tree.attributes
      .map((a) => `${a.dir.toString('hex')}:${a.oid}`)
      .sort()
      .join(',');
    let session = this.attributeSessions.get(key);
    if (session === undefined) {
      session = this.startAttributeSession(s, tree);
      this.attributeSessions.set(key, session);
      this.attributeSessionCount++;
      // Least recently opened first: sets of .gitattributes follow history.
      while (this.attributeSessions.size > ATTRIBUTE_CHECKERS_KEPT) {
        const [oldKey, old] = this.attributeSessions.entries().next().value as [
          string,
          Promise<AttributeSession>,
        ];
        this.attributeSessions.delete(oldKey);
        void closeAttributeSession(old);
      }
    }
    let a: AttributeSession;
    try {
      a = await session;
    } catch {
      this.attributeSessions.delete(key);
      throw new Fallback('attributes-file');
    }
    const verdicts = await Promise.all(
      tree.files.map((f) => {
        if (f.kind === 'symlink') return Promise.resolve(true);
        const p = full(f.path);
        const id = p.toString('latin1');
        let verdict = a.verdicts.get(id);
        if (verdict === undefined) {
          this.counts.attributePaths++;
          verdict = a.check.check(p).then(keepsBlobBytes);
          a.verdicts.set(id, verdict);
        }
        return verdict;
      }),
    ).catch((e: unknown) => {
      // A checker that failed is not asked again; the next listing starts another.
      if (this.attributeSessions.get(key) === session) {
        this.attributeSessions.delete(key);
        void closeAttributeSession(session);
      }
      throw e;
    });
    if (verdicts.includes(false)) throw new Fallback('attributes');
  }

  private async startAttributeSession(s: Session, tree: TreeListing): Promise<AttributeSession> {
    const files: { dir: Buffer; content: Buffer }[] = [];
    for (const a of tree.attributes) {
      const content =
        this.smallBlobs.get(a.oid) ?? (await s.blobs.content(a.oid, MAX_ATTRIBUTES_FILE));
      if (content === undefined) throw new Fallback('attributes-file');
      this.smallBlobs.set(a.oid, content);
      files.push({ dir: a.dir, content });
    }
    // Inside the scratch folder, so an interrupted run removes it too.
    const workTree = path.join(s.root, `attributes-${++this.attributeTrees}`);
    try {
      await writeAttributesTree(workTree, files);
    } catch (e) {
      await rm(workTree, { recursive: true, force: true });
      throw e;
    }
    return {
      check: new AttrCheck(s.gitDir, workTree, this.options),
      workTree,
      verdicts: new Map(),
    };
  }
}

/** The most recently read small blobs, by id, within a byte budget. */
class SmallBlobs {
  private readonly map = new Map<string, Buffer>();
  private bytes = 0;
  constructor(
    private readonly maxBlob = 64 << 10,
    private readonly budget = 4 << 20,
  ) {}

  get(oid: string): Buffer | undefined {
    const b = this.map.get(oid);
    if (b !== undefined) {
      this.map.delete(oid);
      this.map.set(oid, b);
    }
    return b;
  }

  set(oid: string, b: Buffer): void {
    if (b.length > this.maxBlob || this.map.has(oid)) return;
    this.map.set(oid, b);
    this.bytes += b.length;
    for (const [k, v] of this.map) {
      if (this.bytes <= this.budget) break;
      this.map.delete(k);
      this.bytes -= v.length;
    }
  }
}

async function closeAttributeSession(p: Promise<AttributeSession>): Promise<void> {
  const a = await p.catch(() => undefined);
  if (a === undefined) return;
  await a.check.close();
  await rm(a.workTree, { recursive: true, force: true });
}

/** A subdirectory `git archive` takes literally: no pattern characters, no magic. */
function plainSubdir(subdir: string): boolean {
  if (subdir === '') return true;
  if (/[*?[\]\\\n\0]/.test(subdir) || subdir.startsWith(':')) return false;
  return plainPath(subdir);
}

/** A slash-separated path cat-file resolves from the root, not from a current folder. */
function plainPath(p: string): boolean {
  if (p.includes('\n') || p.includes('\0')) return false;
  return p.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Whether `file` is certainly absent from `commit` (each tree on the way read fine). */
async function pathAbsent(lister: TreeLister, commit: string, file: string): Promise<boolean> {
  try {
    let entries = await lister.readTree(`${commit}^{tree}`);
    const parts = file.split('/');
    for (const [i, part] of parts.entries()) {
      if (entries === undefined) return false;
      const name = Buffer.from(part, 'utf8');
      const e = entries.find((x) => x.name.equals(name));
      if (e === undefined) return true;
      if (i === parts.length - 1) return false;
      if (e.kind !== 'tree') return true;
      entries = await lister.readTree(e.oid);
    }
    return false;
  } catch {
    return false;
  }
}

/** The committer time of a raw commit object, when its header is the ordinary one. */
function committerTime(data: Buffer): number | undefined {
  const end = data.indexOf('\n\n');
  const header = data.toString('utf8', 0, end < 0 ? data.length : end).split('\n');
  const lines = header.filter((l) => l.startsWith('committer '));
  if (lines.length !== 1) return undefined;
  const m = /> (\d{1,15}) [+-]\d{4}$/.exec(lines[0] as string);
  return m === null ? undefined : Number(m[1]);
}

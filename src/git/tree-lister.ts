// The files of a commit below a directory, read from git's tree objects
// through a `cat-file --batch` process: mode, blob id and raw path bytes of
// each entry, in the order `git archive` writes them (each tree's entries in
// stored order, a subdirectory's contents right after it). No process per
// commit: the trees of many versions are read over one pipe.
import type { CatFileBatch } from './cat-file-batch.js';

export type EntryKind = 'regular' | 'executable' | 'symlink' | 'tree' | 'gitlink';

export interface TreeEntry {
  kind: EntryKind;
  /** Raw name bytes (one path element). */
  name: Buffer;
  oid: string;
}

export interface ListedFile {
  /** Raw path bytes relative to the listed directory. */
  path: Buffer;
  kind: 'regular' | 'executable' | 'symlink';
  oid: string;
}

/** An entry named like `.gitattributes` (any letter case, any kind). */
export interface AttributesEntry {
  /** Raw path of its directory from the repository root (empty for the root). */
  dir: Buffer;
  name: Buffer;
  kind: EntryKind;
  oid: string;
}

export interface TreeListing {
  /** Regular files and symbolic links, in archive order. */
  files: ListedFile[];
  /** Raw paths (relative to the listed directory) of subdirectories. */
  dirs: Buffer[];
  /** Raw paths of submodule entries (git archive writes them as empty directories). */
  gitlinks: Buffer[];
  /** `.gitattributes` entries in the listed directory, below it, and in each directory above it. */
  attributes: AttributesEntry[];
}

/**
 * A tree git itself would treat differently from the plain reading here (a
 * mode that is not one of git's five, a truncated entry, an entry whose
 * object has another type): callers take git's own path instead.
 */
export class UnusualTreeError extends Error {
  override name = 'UnusualTreeError';
}

const MODES: Record<string, EntryKind> = {
  '100644': 'regular',
  '100755': 'executable',
  '120000': 'symlink',
  '40000': 'tree',
  '160000': 'gitlink',
};

const SLASH = Buffer.from('/');

/** Parses a tree object: `<octal mode> <name>\0<raw id>` repeated. */
function parseTree(data: Buffer, hashBytes: number): TreeEntry[] {
  const out: TreeEntry[] = [];
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(0x20, i);
    const nul = sp < 0 ? -1 : data.indexOf(0, sp + 1);
    if (sp < 0 || nul < 0 || nul + 1 + hashBytes > data.length) {
      throw new UnusualTreeError('truncated tree entry');
    }
    const mode = data.toString('latin1', i, sp);
    const kind = MODES[mode];
    if (kind === undefined) throw new UnusualTreeError(`tree entry with mode ${mode}`);
    const name = data.subarray(sp + 1, nul);
    if (name.length === 0 || name.includes(0x2f)) throw new UnusualTreeError('bad entry name');
    out.push({
      kind,
      name: Buffer.from(name),
      oid: data.toString('hex', nul + 1, nul + 1 + hashBytes),
    });
    i = nul + 1 + hashBytes;
  }
  return out;
}

function isAttributesName(name: Buffer): boolean {
  return name.length === 14 && name.toString('latin1').toLowerCase() === '.gitattributes';
}

function join(dir: Buffer, name: Buffer): Buffer {
  return dir.length === 0 ? name : Buffer.concat([dir, SLASH, name]);
}

export class TreeLister {
  /** Tree objects read. */
  treesRead = 0;
  private readonly hashBytes: number;

  constructor(
    private readonly batch: CatFileBatch,
    objectFormat: string,
  ) {
    this.hashBytes = objectFormat === 'sha256' ? 32 : 20;
  }

  /** The entries of a tree (any name cat-file takes); undefined if it is missing. */
  async readTree(name: string): Promise<TreeEntry[] | undefined> {
    const r = await this.batch.readAll(name);
    if (r === undefined) return undefined;
    if (r.header.type !== 'tree') throw new UnusualTreeError(`${name} is a ${r.header.type}`);
    this.treesRead++;
    return parseTree(r.data, this.hashBytes);
  }

  /**
   * Lists `subdir` (slash-separated, '' for the root) of `commit`. Resolves
   * to undefined when the commit has no such directory; throws
   * UnusualTreeError for trees to leave to git, CatFileError when git fails.
   */
  async list(commit: string, subdir: string): Promise<TreeListing | undefined> {
    const root = await this.readTree(`${commit}^{tree}`);
    if (root === undefined) throw new UnusualTreeError(`commit ${commit} is missing`);
    const attributes: AttributesEntry[] = [];
    let entries = root;
    let dir: Buffer = Buffer.alloc(0);
    for (const part of subdir === '' ? [] : subdir.split('/')) {
      const name = Buffer.from(part, 'utf8');
      for (const e of entries) {
        if (isAttributesName(e.name)) attributes.push({ dir, ...e });
      }
      const next = entries.find((e) => e.name.equals(name));
      if (next === undefined || next.kind !== 'tree') return undefined;
      const sub = await this.readTree(next.oid);
      if (sub === undefined) throw new UnusualTreeError(`tree ${next.oid} is missing`);
      entries = sub;
      dir = join(dir, name);
    }
    const listing: TreeListing = { files: [], dirs: [], gitlinks: [], attributes };
    await this.walk(entries, dir, Buffer.alloc(0), listing);
    return listing;
  }

  private async walk(
    entries: TreeEntry[],
    fullDir: Buffer,
    rel: Buffer,
    out: TreeListing,
  ): Promise<void> {
    // Subtrees are requested together (the pipe stays busy), then listed in order.
    const subtrees = new Map<TreeEntry, Promise<TreeEntry[] | undefined>>();
    for (const e of entries) if (e.kind === 'tree') subtrees.set(e, this.readTree(e.oid));
    try {
      for (const e of entries) {
        if (isAttributesName(e.name)) out.attributes.push({ dir: fullDir, ...e });
        const p = join(rel, e.name);
        if (e.kind === 'tree') {
          out.dirs.push(p);
          const sub = await subtrees.get(e);
          if (sub === undefined) throw new UnusualTreeError(`tree ${e.oid} is missing`);
          await this.walk(sub, join(fullDir, e.name), p, out);
        } else if (e.kind === 'gitlink') {
          out.gitlinks.push(p);
        } else {
          out.files.push({ path: p, kind: e.kind, oid: e.oid });
        }
      }
    } finally {
      // A failure leaves no unobserved rejection behind.
      for (const p of subtrees.values()) p.catch(() => undefined);
    }
  }
}

// Read-only access to the user's repository, shaped after what the go command
// asks of its own clone (codehost.Repo): refs, commit facts, raw blobs,
// ancestry, and the archive of a commit. Nothing here writes to the user's
// repository: archives are made in a throw-away bare repository that borrows
// the objects through objects/info/alternates.
import { createHash } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage, InputError, oneLine } from '../internal/errors.js';
import { decodeGoString } from '../internal/go-string.js';
import { makeTempDir, removeTempDir } from '../internal/temp-dirs.js';
import { createGitRunner, type GitRunner } from './git-runner.js';
import { repositoryError } from './repository-error.js';
import { readTar, TarFormatError, type TarEntry } from './tar-reader.js';

/** A file of the archive, hashed as it streamed by; content is not kept. */
export interface ArchiveFile {
  /** Path relative to the archived directory (Go string convention). */
  path: string;
  kind: 'regular' | 'symlink' | 'dir' | 'other';
  size: number;
  sha256: Buffer;
}

export interface ArchiveListing {
  files: ArchiveFile[];
  /** Content of `<subdir>/go.mod` as archived (conversions applied), if it is a regular file. */
  goMod?: Buffer;
  /** Go refuses archives whose zip form exceeds this many bytes. */
  zipTooLarge: boolean;
}

/** A member of the archive with its converted content, for writing a zip. */
export interface ArchiveMember {
  path: string;
  kind: 'regular' | 'symlink' | 'dir' | 'other';
  size: number;
  /** The content as in git's zip: converted file bytes, or a symlink's target. */
  body(): AsyncGenerator<Buffer>;
}

export interface CommitInfo {
  hash: string;
  /** Committer time, seconds since the epoch. */
  time: number;
}

/** cmd/go's codehost.MaxZipFile: the largest `git archive` zip Go accepts. */
export const MAX_ZIP_FILE = 500 << 20;

// git's default core.bigFileThreshold: larger blobs are deflated as a stream
// into the zip, which may then grow (zlib's deflateBound: under 0.04% plus a
// few bytes); smaller ones are stored whenever deflate does not shrink them.
const BIG_FILE_THRESHOLD = 512 << 20;
// Per zip entry beyond its name and data: local header (30), central header
// (46), the extended-timestamp extra field in both (2 × 9), and, only when
// needed, zip64 extras (20 + 28) and a data descriptor (24); rounded up.
const ZIP_ENTRY_OVERHEAD = 200;
// End of central directory (22), the commit id as comment (up to 64), zip64
// end record and locator (56 + 20); rounded up.
const ZIP_TRAILER_OVERHEAD = 512;

/**
 * An upper bound of what the tar member `e` adds to `git archive --format=zip`
 * of the same tree (same members, same names, same converted content).
 */
function zipEntryBound(e: TarEntry): number {
  const data = e.kind === 'symlink' ? e.linkName.length : e.kind === 'file' ? e.size : 0;
  const growth = data > BIG_FILE_THRESHOLD ? Math.ceil(data / 1024) : 0;
  return ZIP_ENTRY_OVERHEAD + 2 * e.name.length + data + growth;
}

const ARCHIVE_PREFIX = 'prefix/';
// Matches what cmd/go appends to the bare repository it archives from; the
// info/attributes file wins over in-tree .gitattributes.
const ARCHIVE_ATTRIBUTES = '\n* -export-subst -export-ignore\n';

export class GitRepo {
  private refCache?: Promise<{ refs: RefMaps; otherTags: Map<string, string> }>;

  constructor(
    /** Absolute path of the work tree (or bare repository) given by the user. */
    readonly dir: string,
    /** Absolute path of the object store (shared by worktrees). */
    readonly objectsDir: string,
    readonly shallow: boolean,
    readonly objectFormat: string,
    private readonly git: GitRunner,
  ) {}

  private async out(args: string[], what: string): Promise<string> {
    const r = await this.git.run(args, { cwd: this.dir });
    if (r.code !== 0) throw repositoryError(what, r.stderr);
    return r.stdout.toString('utf8');
  }

  /** Tags and branches, peeled to commits; tags that name no commit are left out. */
  async refs(): Promise<RefMaps> {
    this.refCache ??= this.loadRefs();
    return (await this.refCache).refs;
  }

  /**
   * Tags whose object, peeled, is not a commit (a tree or a blob), name →
   * the tag's own object: Go still lists them and tries to resolve them.
   */
  async nonCommitTags(): Promise<Map<string, string>> {
    this.refCache ??= this.loadRefs();
    return (await this.refCache).otherTags;
  }

  private async loadRefs(): Promise<{ refs: RefMaps; otherTags: Map<string, string> }> {
    const text = await this.out(
      [
        'for-each-ref',
        '--format=%(objectname) %(objecttype) %(refname)',
        'refs/tags',
        'refs/heads',
      ],
      'for-each-ref',
    );
    const rows = text
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => {
        const [hash = '', type = '', ...rest] = l.split(' ');
        return { hash, type, ref: rest.join(' ') };
      });
    // Annotated tags (possibly tags of tags) are peeled in one batch.
    const toPeel = rows.filter((r) => r.type === 'tag');
    const peeled = new Map<string, string>();
    if (toPeel.length > 0) {
      const r = await this.git.run(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
        cwd: this.dir,
        input: toPeel.map((t) => `${t.hash}^{}\n`).join(''),
      });
      const lines = r.stdout.toString('utf8').split('\n');
      toPeel.forEach((t, i) => {
        const [hash, type] = (lines[i] ?? '').split(' ');
        if (type === 'commit' && hash !== undefined) peeled.set(t.hash, hash);
      });
    }
    const tags = new Map<string, string>();
    const heads = new Map<string, string>();
    const otherTags = new Map<string, string>();
    for (const row of rows) {
      const commit = row.type === 'commit' ? row.hash : peeled.get(row.hash);
      if (commit === undefined) {
        if (row.ref.startsWith('refs/tags/')) otherTags.set(row.ref.slice(10), row.hash);
        continue;
      }
      if (row.ref.startsWith('refs/tags/')) tags.set(row.ref.slice(10), commit);
      else if (row.ref.startsWith('refs/heads/')) heads.set(row.ref.slice(11), commit);
    }
    const headRes = await this.git.run(['rev-parse', '--verify', '-q', 'HEAD^{commit}'], {
      cwd: this.dir,
    });
    const head = headRes.code === 0 ? headRes.stdout.toString('utf8').trim() : undefined;
    return { refs: { tags, heads, head }, otherTags };
  }

  /** The commit of a full hash or unique hash prefix, if the repository has it. */
  async resolveHash(hex: string): Promise<string | undefined> {
    const r = await this.git.run(['rev-parse', '--verify', '-q', `${hex}^{commit}`], {
      cwd: this.dir,
    });
    const h = r.stdout.toString('utf8').trim();
    return r.code === 0 && h.startsWith(hex.toLowerCase()) ? h : undefined;
  }

  /** Any revision git understands (for `--ref`), peeled to a commit. */
  async resolveAny(rev: string): Promise<string | undefined> {
    const r = await this.git.run(
      ['rev-parse', '--verify', '-q', '--end-of-options', `${rev}^{commit}`],
      { cwd: this.dir },
    );
    return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
  }

  /** Hash and committer time of a commit. */
  async commit(hash: string): Promise<CommitInfo> {
    const text = await this.out(
      [
        '-c',
        'log.showsignature=false',
        'log',
        '--no-decorate',
        '-n1',
        '--format=format:%H %ct',
        hash,
        '--',
      ],
      'log',
    );
    const [h = '', t = ''] = text.trim().split(' ');
    return { hash: h, time: Number(t) };
  }

  /**
   * The raw blob at `commit:file`; undefined when there is no such path or it
   * is not a file (a directory, a submodule). A file whose object cannot be
   * read is a RepositoryError, never "no such file".
   */
  async readBlob(commit: string, file: string): Promise<Buffer | undefined> {
    const r = await this.git.run(['cat-file', 'blob', `${commit}:${file}`], { cwd: this.dir });
    if (r.code === 0) return r.stdout;
    // git words a missing path, a tree and an unreadable blob alike ("bad
    // file"); the tree entry, read without the blob, tells them apart.
    const entry = await this.git.run(['ls-tree', '-z', '--full-tree', commit, '--', file], {
      cwd: this.dir,
    });
    const [, type, oid = ''] = entry.stdout.toString('utf8').split(/[ \t]/);
    if (entry.code !== 0 || type !== 'blob') return undefined;
    throw repositoryError('cat-file', r.stderr, ` (${file} is blob ${oid})`);
  }

  /** Whether `ancestor` is `rev` or one of its ancestors (`git merge-base --is-ancestor`). */
  async isAncestor(ancestor: string, rev: string): Promise<boolean> {
    const r = await this.git.run(['merge-base', '--is-ancestor', '--', ancestor, rev], {
      cwd: this.dir,
    });
    if (r.code === 0) return true;
    if (r.code === 1) return false;
    throw repositoryError('merge-base', r.stderr);
  }

  /** Names of the tags reachable from `commit` (`git for-each-ref --merged`). */
  async tagsMergedInto(commit: string): Promise<string[]> {
    const text = await this.out(
      ['for-each-ref', '--format=%(refname)', 'refs/tags', '--merged', commit],
      'for-each-ref',
    );
    return text
      .split('\n')
      .filter((l) => l.startsWith('refs/tags/'))
      .map((l) => l.slice(10));
  }

  /**
   * Runs `git archive` of `commit` restricted to `subdir` exactly as cmd/go
   * does (in a bare repository of its own, export-subst/export-ignore off,
   * core.autocrlf=input, core.eol=lf) and hands each member below `subdir`
   * to `each`, with its path relative to `subdir`. Resolves to an upper
   * bound of the size of the zip git would write instead (every member
   * counts, directories and gitlinks included).
   */
  async archive(
    commit: string,
    subdir: string,
    each: (m: ArchiveMember) => Promise<void>,
  ): Promise<number> {
    return this.withBareRepo(async (bare) => {
      const s = this.git.stream(archiveArgs('tar', commit, subdir), { cwd: bare });
      const strip = Buffer.from(ARCHIVE_PREFIX + (subdir === '' ? '' : subdir + '/'));
      let zipBound = ZIP_TRAILER_OVERHEAD;
      try {
        for await (const e of readTar(s.stdout)) {
          zipBound += zipEntryBound(e);
          const m = toMember(e, strip);
          if (m !== undefined) await each(m);
        }
      } catch (e) {
        s.kill();
        const end = await s.done.catch(() => undefined);
        // git that dies mid-archive (an object it cannot read) leaves a cut
        // stream behind: its own words say why, the cut does not.
        if (e instanceof TarFormatError && end !== undefined && end.stderr.length > 0) {
          throw archiveError(end.stderr);
        }
        throw e;
      }
      const { code, stderr } = await s.done;
      if (code !== 0) throw archiveError(stderr);
      return zipBound;
    });
  }

  /** The size in bytes of `git archive --format=zip`, as cmd/go would receive it. */
  async zipArchiveSize(commit: string, subdir: string): Promise<number> {
    return this.withBareRepo(async (bare) => {
      const s = this.git.stream(archiveArgs('zip', commit, subdir), { cwd: bare });
      let n = 0;
      for await (const c of s.stdout) n += (c as Buffer).length;
      const { code, stderr } = await s.done;
      if (code !== 0) throw archiveError(stderr);
      return n;
    });
  }

  /**
   * Lists and hashes the archive of `commit` under `subdir` in one streaming
   * pass, keeping the bytes of the archived `go.mod` only. `maxZipFile` is
   * Go's limit on the zip (a parameter so that tests can use a small one).
   */
  async listArchive(
    commit: string,
    subdir: string,
    maxZipFile: number = MAX_ZIP_FILE,
  ): Promise<ArchiveListing> {
    const files: ArchiveFile[] = [];
    let goMod: Buffer | undefined;
    const zipBound = await this.archive(commit, subdir, async (m) => {
      const h = createHash('sha256');
      const keep = m.kind === 'regular' && m.path === 'go.mod' ? ([] as Buffer[]) : undefined;
      for await (const c of m.body()) {
        h.update(c);
        keep?.push(Buffer.from(c));
      }
      if (keep !== undefined) goMod = Buffer.concat(keep);
      files.push({ path: m.path, kind: m.kind, size: m.size, sha256: h.digest() });
    });
    // The real zip is made (and measured) only when the bound could pass the limit.
    const zipTooLarge =
      zipBound > maxZipFile && (await this.zipArchiveSize(commit, subdir)) > maxZipFile;
    return { files, goMod, zipTooLarge };
  }

  /**
   * Makes `dir` a scratch bare repository that reads this repository's
   * objects through `alternates` (nothing copied, nothing written to the
   * user's repository) with cmd/go's info/attributes, as cmd/go archives.
   */
  protected async initScratchBare(dir: string): Promise<void> {
    const init = await this.git.run(
      ['init', '--bare', '-q', `--object-format=${this.objectFormat}`, dir],
      { cwd: path.dirname(dir) },
    );
    if (init.code !== 0) throw new Error(`git init: ${oneLine(init.stderr.toString('utf8'))}`);
    await mkdir(path.join(dir, 'objects', 'info'), { recursive: true });
    await writeFile(path.join(dir, 'objects', 'info', 'alternates'), this.objectsDir + '\n');
    await mkdir(path.join(dir, 'info'), { recursive: true });
    await writeFile(path.join(dir, 'info', 'attributes'), ARCHIVE_ATTRIBUTES);
  }

  private async withBareRepo<T>(fn: (bare: string) => Promise<T>): Promise<T> {
    const bare = await makeTempDir('modseal-archive-');
    try {
      await this.initScratchBare(bare);
      return await fn(bare);
    } finally {
      await removeTempDir(bare);
    }
  }
}

interface RefMaps {
  tags: Map<string, string>;
  heads: Map<string, string>;
  head: string | undefined;
}

function archiveArgs(format: 'tar' | 'zip', commit: string, subdir: string): string[] {
  return [
    '-c',
    'core.autocrlf=input',
    '-c',
    'core.eol=lf',
    // The default attributes file lives under the user's home; the mirror has none.
    '-c',
    'core.attributesFile=/dev/null',
    'archive',
    `--format=${format}`,
    `--prefix=${ARCHIVE_PREFIX}`,
    commit,
    ...(subdir === '' ? [] : ['--', subdir]),
  ];
}

function archiveError(stderr: Buffer): Error {
  // cmd/go maps this to "file does not exist".
  if (stderr.includes('did not match any files')) return new Error('file does not exist');
  return repositoryError('archive', stderr);
}

function toMember(e: TarEntry, strip: Buffer): ArchiveMember | undefined {
  if (!e.name.subarray(0, strip.length).equals(strip)) return undefined;
  const rel = e.name.subarray(strip.length);
  // Directory members (and gitlinks, which git writes as directories) carry
  // no file, as in cmd/go which drops names ending in a slash.
  if (rel.length === 0 || e.kind === 'dir' || rel[rel.length - 1] === 0x2f) return undefined;
  if (e.kind === 'symlink') {
    // git's zip (what cmd/go reads) stores a symlink with its target as content.
    const target = Buffer.from(e.linkName);
    return {
      path: decodeGoString(rel),
      kind: 'symlink',
      size: target.length,
      // eslint-disable-next-line @typescript-eslint/require-await -- the interface is async
      body: async function* () {
        if (target.length > 0) yield target;
      },
    };
  }
  return {
    path: decodeGoString(rel),
    kind: e.kind === 'file' ? 'regular' : e.kind,
    size: e.kind === 'file' ? e.size : 0,
    body: () => e.body(),
  };
}

/**
 * Opens the repository at `dir` for reading. Throws InputError when `dir`
 * is not a directory inside a git repository or git cannot be run.
 */
export async function openRepo(dir: string, git: GitRunner = createGitRunner()): Promise<GitRepo> {
  const abs = path.resolve(dir);
  // Checked first: a spawn in a missing directory fails just like a missing git.
  const st = await stat(abs).catch(() => undefined);
  if (st === undefined) throw new InputError(`${abs}: no such directory`);
  if (!st.isDirectory()) {
    throw new InputError(`${abs} is not a directory: give the directory of a git clone`);
  }
  let r;
  try {
    r = await git.run(
      ['rev-parse', '--git-path', 'objects', '--is-shallow-repository', '--show-object-format'],
      { cwd: abs },
    );
  } catch (e) {
    throw new InputError(`cannot run git (${errorMessage(e)}): install git and put it on PATH`);
  }
  if (r.code !== 0) {
    throw new InputError(
      `${abs} is not a git repository (git: ${firstLine(r.stderr)}): ` +
        'give the directory of a git clone of the module (in a workflow, run actions/checkout first)',
    );
  }
  const [objects = '', shallow = '', format = 'sha1'] = r.stdout.toString('utf8').split('\n');
  return new GitRepo(abs, path.resolve(abs, objects), shallow === 'true', format, git);
}

function firstLine(b: Buffer): string {
  return b.toString('utf8').trim().split('\n')[0] ?? '';
}

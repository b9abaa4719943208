// The LocalRepo port over the user's git repository (read-only): the tagged
// module rebuilt exactly as the mirror builds it, the version tags per
// module, and the committed go.mod files and files of a revision.
import {
  createGitRunner,
  RepositoryError,
  watchRepositoryErrors,
  type GitRepo,
  type GitRunner,
} from '../git/index.js';
import type { LocalModule, LocalRepo, ModuleDir, RepoFile, Retraction } from '../checks/ports.js';
import { InputError, oneLine } from '../internal/errors.js';
import { decodeGoString } from '../internal/go-string.js';
import { deprecation, modulePath as goModModulePath, parseLax } from '../modfile/index.js';
import { buildModule, gitCodeHost, inferModuleFromTag } from '../modfetch/index.js';
import { canonical } from '../semver/index.js';
import { MAX_DIFF_FILE } from './mirror.js';
import { tagName, versionTag, versionTags } from './tags.js';

const goModPathAt = (dir: string): string => (dir === '' ? 'go.mod' : `${dir}/go.mod`);

/** The LocalRepo port over `repo`. */
export function gitLocalRepo(repo: GitRepo, git: GitRunner = createGitRunner()): LocalRepo {
  const trees = new Map<string, Promise<TreeEntry[]>>();
  const tree = (rev: string): Promise<TreeEntry[]> => {
    let t = trees.get(rev);
    if (t === undefined) {
      t = listTree(git, repo.dir, rev);
      trees.set(rev, t);
    }
    return t;
  };
  const readObject = batchedReader(git, repo.dir);
  // go.mod contents by object id. The lint and `modules` read every go.mod
  // of a tree one after another; the first read asks for all of them in one
  // batch (they are small) instead of one git process each.
  const goMods = new Map<string, Promise<Buffer>>();
  const readGoMod = async (rev: string, oid: string): Promise<Buffer> => {
    if (!goMods.has(oid)) {
      for (const e of await tree(rev)) {
        if (e.kind === 'gitlink' || !isGoMod(e.path) || goMods.has(e.oid)) continue;
        const p = readObject(e.oid);
        // Failures reach whoever reads that go.mod; an unread one is no crash.
        p.catch(() => undefined);
        goMods.set(e.oid, p);
      }
    }
    return goMods.get(oid) ?? readObject(oid);
  };
  return {
    build: (tag, options = {}) => buildTag(repo, tag, options.modulePath),
    versionTags: (codeDir) => versionTags(repo, codeDir),
    async modules(rev) {
      const out: ModuleDir[] = [];
      for (const e of await tree(rev)) {
        if (e.kind === 'gitlink' || !isGoMod(e.path)) continue;
        const dir = e.path.slice(0, Math.max(0, e.path.length - '/go.mod'.length));
        const data = await readGoMod(rev, e.oid);
        out.push({ dir, modulePath: goModModulePath(data) });
      }
      return out;
    },
    async goMod(rev, dir) {
      // A tree already listed answers from its listing (the lint's revision);
      // any other revision (a tag's) is one read.
      const listed = trees.get(rev);
      if (listed === undefined) return repo.readBlob(rev, goModPathAt(dir));
      const want = goModPathAt(dir);
      const e = (await listed).find((x) => x.path === want && x.kind !== 'gitlink');
      return e === undefined ? undefined : readGoMod(rev, e.oid);
    },
    async files(rev, dir) {
      const prefix = dir === '' ? '' : `${dir}/`;
      const out: RepoFile[] = [];
      for (const e of await tree(rev)) {
        if (e.kind === 'gitlink' || !e.path.startsWith(prefix)) continue;
        const oid = e.oid;
        out.push({
          path: e.path.slice(prefix.length),
          kind: e.kind,
          read: () => (isGoMod(e.path) ? readGoMod(rev, oid) : readObject(oid)),
        });
      }
      return out;
    },
  };
}

/** Resolves a tag in the user's repository (read-only) and rebuilds its module zip. */
export async function buildTag(
  repo: GitRepo,
  tag: string,
  modulePath?: string,
): Promise<LocalModule> {
  const bare = tagName(tag);
  const { tags } = await repo.refs();
  const commit = tags.get(bare);
  if (commit === undefined) {
    const hint = repo.shallow
      ? ' This is a shallow clone: fetch the tag (`git fetch --tags`, or `fetch-depth: 0` with actions/checkout).'
      : ' Push or fetch the tag first, or name another with --tag / the `tag` input.';
    throw new InputError(`tag ${JSON.stringify(bare)} does not exist in ${repo.dir}.${hint}`);
  }
  const parsed = versionTag(bare, commit);
  if (parsed === undefined) {
    throw new InputError(
      `tag ${JSON.stringify(bare)} is not a module version tag: Go publishes tags like v1.2.3 or sub/dir/v1.2.3`,
    );
  }
  const { codeDir, version: tagVersion } = parsed;
  const base = {
    tag: bare,
    tagRef: `refs/tags/${bare}`,
    commit,
    zipFiles: new Map<string, string>(),
    readFile: () => Promise.resolve(undefined),
    retractions: [],
  };

  // Go lists only tags that are exactly canonical (`v1.2`, `v1.2.3+meta` are
  // never versions), so such a tag can never reach users: say so before any
  // request is made.
  if (!parsed.canonical) {
    return {
      ...base,
      modulePath: '',
      version: tagVersion,
      goModPath: goModPathAt(codeDir),
      goModSum: '',
      versionError: {
        text: `tag ${bare}: version ${JSON.stringify(tagVersion)} is not canonical (should be ${JSON.stringify(canonical(tagVersion))}); the go command ignores such tags`,
      },
    };
  }

  // A clone that lacks an object is the user's repository to repair, not Go
  // refusing the version: git's failures are watched for and win.
  const watch = watchRepositoryErrors(gitCodeHost(repo));
  const probe = watch.watched;
  // A module path given by the user wins: it is the only source for a
  // repository without go.mod (a +incompatible release).
  const inferred = await inferModuleFromTag(
    probe,
    commit,
    bare,
    modulePath === undefined || modulePath === '' ? {} : { modulePath },
  );
  const built = await buildModule(probe, {
    modulePath: inferred.modulePath,
    codeRoot: inferred.codeRoot,
    query: tagVersion,
  });
  const gitFailure = watch.failure();
  if (gitFailure !== undefined) throw gitFailure;
  const moduleDir = built.dir ?? codeDir;
  const goModPath = goModPathAt(moduleDir);
  const local: LocalModule = {
    ...base,
    modulePath: inferred.modulePath,
    version: built.version,
    goModPath,
    goModSum: built.goModSum ?? '',
    existingVersions: (await versionTags(repo, codeDir))
      .filter((t) => t.canonical)
      .map((t) => t.version),
    shallow: repo.shallow,
  };
  if (built.sum !== undefined) local.sum = built.sum;
  if (built.goMod !== undefined) local.goMod = built.goMod;
  if (built.error !== undefined) {
    if (built.errorKind === 'zip') local.zipError = { text: built.error };
    else local.versionError = { text: built.error };
  }
  Object.assign(local, await goModFacts(repo, commit, goModPath));
  if (built.files !== undefined) {
    local.zipFiles = new Map(built.files.kept.map((f) => [f.path, f.sha256]));
    local.readFile = lazyArchiveReader(repo, commit, moduleDir, new Set(local.zipFiles.keys()));
  }
  return local;
}

/** What the tagged go.mod says beyond the build: its module line, retractions and deprecation. */
async function goModFacts(
  repo: GitRepo,
  commit: string,
  goModPath: string,
): Promise<Partial<LocalModule>> {
  const data = await repo.readBlob(commit, goModPath);
  if (data === undefined) return {};
  const facts: Partial<LocalModule> = {};
  const declared = goModModulePath(data);
  if (declared !== '') facts.declaredModulePath = declared;
  try {
    const file = parseLax(goModPath, data);
    if (file.module !== undefined) {
      facts.moduleLine = { line: file.module.line, column: file.module.column };
    }
    const dep = deprecation(file);
    if (dep !== undefined) facts.deprecated = dep;
    facts.retractions = file.retract.map((r): Retraction => ({
      low: r.low,
      high: r.high,
      rationale: r.rationale,
      line: r.line,
    }));
  } catch {
    // An unparsable go.mod is already a version error from the build; the
    // annotations simply lose their line numbers.
  }
  return facts;
}

/**
 * Reads module files back for diffs. One archive pass serves every request
 * (diffs ask for up to a few dozen files); only small files are kept. The
 * root LICENSE that Go copies into subdirectory modules is read raw, as Go does.
 */
function lazyArchiveReader(
  repo: GitRepo,
  commit: string,
  moduleDir: string,
  kept: ReadonlySet<string>,
): (name: string) => Promise<Buffer | undefined> {
  let files: Promise<Map<string, Buffer>> | undefined;
  const load = async (): Promise<Map<string, Buffer>> => {
    const out = new Map<string, Buffer>();
    await repo.archive(commit, moduleDir, async (m) => {
      const wanted = m.kind === 'regular' && m.size <= MAX_DIFF_FILE && kept.has(m.path);
      const chunks: Buffer[] = [];
      for await (const c of m.body()) if (wanted) chunks.push(Buffer.from(c));
      if (wanted) out.set(m.path, Buffer.concat(chunks));
    });
    if (moduleDir !== '' && kept.has('LICENSE') && !out.has('LICENSE')) {
      const license = await repo.readBlob(commit, 'LICENSE');
      if (license !== undefined && license.length <= MAX_DIFF_FILE) out.set('LICENSE', license);
    }
    return out;
  };
  return async (name) => {
    files ??= load();
    return (await files).get(name);
  };
}

interface TreeEntry {
  /** Repository-relative path (Go string convention for bytes that are not UTF-8). */
  path: string;
  kind: RepoFile['kind'] | 'gitlink';
  oid: string;
}

const KINDS: Record<string, TreeEntry['kind']> = {
  '100644': 'regular',
  '100755': 'executable',
  '120000': 'symlink',
  '160000': 'gitlink',
};

/** Every file of the tree of `rev` (`git ls-tree -r`), as committed. */
async function listTree(git: GitRunner, dir: string, rev: string): Promise<TreeEntry[]> {
  const r = await git.run(['ls-tree', '-r', '-z', '--full-tree', rev], { cwd: dir });
  if (r.code !== 0) {
    throw new RepositoryError(`git ls-tree: ${oneLine(r.stderr.toString('utf8'))}`);
  }
  const out: TreeEntry[] = [];
  let start = 0;
  while (start < r.stdout.length) {
    let end = r.stdout.indexOf(0, start);
    if (end < 0) end = r.stdout.length;
    const rec = r.stdout.subarray(start, end);
    start = end + 1;
    const tab = rec.indexOf(0x09);
    const [mode = '', , oid = ''] = rec.subarray(0, tab).toString('utf8').split(' ');
    const kind = KINDS[mode];
    if (kind !== undefined) out.push({ path: decodeGoString(rec.subarray(tab + 1)), kind, oid });
  }
  return out;
}

const isGoMod = (p: string): boolean => p === 'go.mod' || p.endsWith('/go.mod');

interface BlobRequest {
  oid: string;
  resolve: (data: Buffer) => void;
  reject: (e: Error) => void;
}

/**
 * Reads blobs by object id. The reads asked for in one turn of the event loop
 * go to one `git cat-file --batch`: the lint reads hundreds of .go files a
 * few at a time, and a git process each cost seconds on a repository of 60
 * modules.
 */
function batchedReader(git: GitRunner, dir: string): (oid: string) => Promise<Buffer> {
  let queue: BlobRequest[] = [];
  const flush = async (): Promise<void> => {
    const batch = queue;
    queue = [];
    try {
      const input = batch.map((b) => b.oid).join('\n') + '\n';
      const r = await git.run(['cat-file', '--batch'], { cwd: dir, input });
      if (r.code !== 0) {
        throw new RepositoryError(`git cat-file: ${oneLine(r.stderr.toString('utf8'))}`);
      }
      answer(batch, r.stdout);
    } catch (e) {
      for (const b of batch) b.reject(e instanceof Error ? e : new Error(String(e)));
    }
  };
  return (oid) =>
    new Promise((resolve, reject) => {
      queue.push({ oid, resolve, reject });
      if (queue.length === 1) setImmediate(() => void flush());
    });
}

/** Hands each request its blob from `git cat-file --batch`'s output, in order. */
function answer(batch: readonly BlobRequest[], out: Buffer): void {
  let off = 0;
  for (const [i, b] of batch.entries()) {
    const nl = out.indexOf(0x0a, off);
    const header = out.subarray(off, nl < 0 ? out.length : nl).toString('latin1');
    if (nl >= 0 && header === `${b.oid} missing`) {
      b.reject(new RepositoryError(`git cat-file: object ${b.oid} is missing`));
      off = nl + 1;
      continue;
    }
    const m = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    const start = nl + 1;
    const size = m === null ? 0 : Number(m[1]);
    if (nl < 0 || m === null || start + size > out.length) {
      // Not a blob, or an answer cut short: nothing after it can be placed.
      const said = header === '' ? 'no answer' : header;
      for (const rest of batch.slice(i)) {
        rest.reject(new RepositoryError(`git cat-file: object ${rest.oid}: ${said}`));
      }
      return;
    }
    // A copy: a view would keep the whole batch's output alive.
    b.resolve(Buffer.from(out.subarray(start, start + size)));
    off = start + size + 1;
  }
}

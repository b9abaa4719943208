// Builds small git repositories for tests with plumbing commands only, under a
// git environment that ignores every user and system setting, so the same
// description always yields the same commit hashes on any machine.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawnOk } from './spawn.js';
import { removeAtEnd } from './temp-dir.js';
import { vectorsDir } from './vectors.js';

export interface FixtureFile {
  path: string;
  content: string | Uint8Array;
  mode?: '100644' | '100755' | '120000';
}

export interface FixtureCommit {
  files: FixtureFile[];
  message?: string;
  /** Indexes of earlier commits of the repository; default: the previous one. */
  parents?: number[];
  /** ISO time; default 2021-02-03T04:05:06Z plus the commit's index in minutes. */
  time?: string;
  tags?: (string | { name: string; annotated: true; message?: string })[];
}

interface Identity {
  name: string;
  email: string;
}

/** A commit as the builder needs it; the vectors carry their own identities. */
interface BuildCommit extends FixtureCommit {
  author?: Identity & { time: string };
  committer?: Identity & { time: string };
}

const defaultIdentity: Identity = { name: 'modseal test', email: 'test@modseal.invalid' };
const baseTime = Date.parse('2021-02-03T04:05:06Z');
const branchRef = 'refs/heads/main';
// Kept inside .git so it never shows in the work tree or in any commit.
const commitListFile = 'modseal-fixture-commits';

let isolatedHome: string | undefined;

export { removeAtEnd };

/** A HOME for git and go that holds nothing; removed when the test file ends. */
export function emptyHome(): string {
  // Made again if the end of a test file removed it (outside vitest's
  // per-file module isolation the variable outlives the folder).
  if (isolatedHome === undefined || !existsSync(isolatedHome)) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'modseal-home-'));
    isolatedHome = dir;
    removeAtEnd(dir);
  }
  return isolatedHome;
}

/**
 * The process environment without anything that changes what git or go do
 * (GIT_*, GO*, proxies), plus settings that shut out system and user config.
 */
export function isolatedEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    const upper = k.toUpperCase();
    if (upper.startsWith('GIT_') || upper.startsWith('GO') || upper.startsWith('CGO_')) continue;
    if (upper.endsWith('_PROXY') || upper === 'XDG_CONFIG_HOME') continue;
    env[k] = v;
  }
  return {
    ...env,
    HOME: emptyHome(),
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    ...extra,
  };
}

/** Runs git with the isolated environment; rejects with git's stderr on failure. */
export function git(
  cwd: string,
  args: string[],
  opts: { input?: string | Uint8Array; env?: Record<string, string> } = {},
): Promise<Buffer> {
  return spawnOk('git', args, {
    cwd,
    env: isolatedEnv(opts.env),
    input: opts.input ?? '',
  });
}

async function gitText(cwd: string, args: string[], input?: string): Promise<string> {
  return (await git(cwd, args, input === undefined ? {} : { input })).toString('utf8').trim();
}

/**
 * Go strings in JS use surrogate escapes for bytes that are not UTF-8
 * (U+DC80..U+DCFF stand for 0x80..0xFF); file names need their real bytes.
 */
function goStringBytes(s: string): Buffer {
  const parts: Buffer[] = [];
  let run = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xdc80 && cp <= 0xdcff) {
      parts.push(Buffer.from(run, 'utf8'), Buffer.from([cp - 0xdc00]));
      run = '';
    } else {
      run += ch;
    }
  }
  parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}

function contentBytes(c: string | Uint8Array): Buffer {
  return typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c);
}

/** ISO time with offset → git's raw date "<unix seconds> <+hhmm>". */
function rawGitDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`git-fixture: bad time ${JSON.stringify(iso)}`);
  const m = /([+-])(\d\d):?(\d\d)$/.exec(iso);
  const zone = m === null ? '+0000' : `${m[1]}${m[2]}${m[3]}`;
  return `${Math.floor(ms / 1000)} ${zone}`;
}

function defaultTime(index: number): string {
  return new Date(baseTime + index * 60_000).toISOString().replace('.000Z', 'Z');
}

async function readCommitList(gitDir: string): Promise<string[]> {
  try {
    const text = await readFile(path.join(gitDir, commitListFile), 'utf8');
    return text.split('\n').filter((l) => l !== '');
  } catch {
    return [];
  }
}

async function writeBlobs(dir: string, contents: Buffer[]): Promise<string[]> {
  if (contents.length === 0) return [];
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'modseal-blobs-'));
  try {
    const files = await Promise.all(
      contents.map(async (c, i) => {
        const f = path.join(tmp, String(i));
        await writeFile(f, c);
        return f;
      }),
    );
    // --no-filters: the bytes given are the blob, whatever .gitattributes says.
    const out = await gitText(
      dir,
      ['hash-object', '-w', '--no-filters', '--stdin-paths'],
      files.join('\n') + '\n',
    );
    return out.split('\n');
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function writeTree(dir: string, files: FixtureFile[]): Promise<string> {
  const blobs = await writeBlobs(
    dir,
    files.map((f) => contentBytes(f.content)),
  );
  const lines = files.map((f, i) =>
    Buffer.concat([
      Buffer.from(`${f.mode ?? '100644'} ${blobs[i]}\t`),
      goStringBytes(f.path),
      Buffer.from([0]),
    ]),
  );
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'modseal-index-'));
  try {
    // A private index keeps the repository's own index (the work tree's) untouched.
    const env = { GIT_INDEX_FILE: path.join(tmp, 'index') };
    await git(dir, ['update-index', '--add', '-z', '--index-info'], {
      input: Buffer.concat(lines),
      env,
    });
    return (await git(dir, ['write-tree'], { env })).toString().trim();
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function makeTag(
  dir: string,
  name: string,
  target: string,
  annotated: { message?: string } | undefined,
  tagger: Identity & { time: string },
): Promise<void> {
  let object = target;
  if (annotated !== undefined) {
    const msg = annotated.message ?? `${name}\n`;
    const body =
      `object ${target}\ntype commit\ntag ${name}\n` +
      `tagger ${tagger.name} <${tagger.email}> ${rawGitDate(tagger.time)}\n\n${msg}`;
    object = await gitText(dir, ['mktag'], body);
  }
  await git(dir, ['update-ref', `refs/tags/${name}`, object]);
}

async function buildCommits(dir: string, commits: BuildCommit[]): Promise<string[]> {
  const gitDir = path.join(dir, '.git');
  const all = await readCommitList(gitDir);
  const created: string[] = [];
  for (const c of commits) {
    const index = all.length;
    const time = c.time ?? defaultTime(index);
    const author = c.author ?? { ...defaultIdentity, time };
    const committer = c.committer ?? { ...defaultIdentity, time };
    const parents = (c.parents ?? (index > 0 ? [index - 1] : [])).map((p) => {
      const h = all[p];
      if (h === undefined || p >= index) {
        throw new Error(`git-fixture: commit ${index} names parent ${p}, not an earlier commit`);
      }
      return h;
    });
    const tree = await writeTree(dir, c.files);
    const commit = (
      await git(dir, ['commit-tree', tree, ...parents.flatMap((p) => ['-p', p])], {
        input: c.message ?? `commit ${index}\n`,
        env: {
          GIT_AUTHOR_NAME: author.name,
          GIT_AUTHOR_EMAIL: author.email,
          GIT_AUTHOR_DATE: rawGitDate(author.time),
          GIT_COMMITTER_NAME: committer.name,
          GIT_COMMITTER_EMAIL: committer.email,
          GIT_COMMITTER_DATE: rawGitDate(committer.time),
        },
      })
    )
      .toString()
      .trim();
    all.push(commit);
    created.push(commit);
    for (const t of c.tags ?? []) {
      if (typeof t === 'string') await makeTag(dir, t, commit, undefined, committer);
      else await makeTag(dir, t.name, commit, { message: t.message }, committer);
    }
  }
  await writeFile(path.join(gitDir, commitListFile), all.map((h) => h + '\n').join(''));
  const last = created.at(-1);
  if (last !== undefined) {
    await git(dir, ['update-ref', branchRef, last]);
    await git(dir, ['reset', '-q', '--hard', branchRef]);
  }
  return created;
}

async function initRepo(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await git(dir, ['init', '-q', dir]);
  await git(dir, ['symbolic-ref', 'HEAD', branchRef]);
}

/**
 * Creates a non-bare repository in `dir` (created if missing) holding
 * `commits` in order, with `main` and the work tree at the last commit.
 */
export async function createFixtureRepo(
  dir: string,
  commits: FixtureCommit[],
): Promise<{ dir: string; commits: string[] }> {
  await initRepo(dir);
  return { dir, commits: await buildCommits(dir, commits) };
}

/**
 * Appends commits to a fixture repository (parent indexes count every commit
 * the repository got so far); `main` and the work tree move to the last one.
 */
export async function addCommits(dir: string, commits: FixtureCommit[]): Promise<string[]> {
  return buildCommits(dir, commits);
}

/**
 * Re-creates `tag` at another commit (an index into the repository's commits
 * or a hash), keeping its kind: the "moved tag" scenario.
 */
export async function moveTag(
  dir: string,
  tag: string,
  commitIndexOrHash: number | string,
): Promise<void> {
  let target: string;
  if (typeof commitIndexOrHash === 'number') {
    const h = (await readCommitList(path.join(dir, '.git')))[commitIndexOrHash];
    if (h === undefined) throw new Error(`git-fixture: no commit ${commitIndexOrHash}`);
    target = h;
  } else {
    target = await gitText(dir, ['rev-parse', '--verify', `${commitIndexOrHash}^{commit}`]);
  }
  const ref = `refs/tags/${tag}`;
  const kind = await gitText(dir, ['cat-file', '-t', ref]);
  if (kind === 'tag') {
    const raw = (await git(dir, ['cat-file', 'tag', ref])).toString('utf8');
    const split = raw.indexOf('\n\n');
    const message = split < 0 ? '' : raw.slice(split + 2);
    const time = await gitText(dir, ['log', '-1', '--format=%cI', target]);
    await makeTag(dir, tag, target, { message }, { ...defaultIdentity, time });
  } else {
    await git(dir, ['update-ref', ref, target]);
  }
}

interface VectorFile {
  mode: '100644' | '100755' | '120000';
  path: string;
  blob_sha1: string;
  content_utf8?: string;
  content_b64?: string;
}

interface VectorCommit {
  commit: string;
  parents: string[];
  tree_sha1: string;
  author: [string, string, string];
  committer: [string, string, string];
  message: string;
  tags: string[];
  files: VectorFile[];
}

interface VectorRepo {
  name: string;
  served_as: string;
  module_path_root: string;
  commits: VectorCommit[];
}

/** One recorded `go mod download` of `vectors/gitzip/cases.json` (go1.19.8). */
export interface GitzipDownload {
  query: string;
  Path: string;
  Version: string;
  Sum?: string;
  GoModSum?: string;
  Error?: string;
  mod_file_utf8?: string;
  zip_entries_in_order?: { name: string; sha256: string }[];
}

function gitzipCases(): { repos: VectorRepo[]; downloads: GitzipDownload[] } {
  const file = path.join(vectorsDir, 'gitzip', 'cases.json');
  return JSON.parse(readFileSync(file, 'utf8')) as {
    repos: VectorRepo[];
    downloads: GitzipDownload[];
  };
}

/** The repositories of `vectors/gitzip/cases.json`, as recorded. */
export function gitzipRepoVectors(): VectorRepo[] {
  return gitzipCases().repos;
}

/** The downloads of `vectors/gitzip/cases.json`, as the go command recorded them. */
export function gitzipDownloadVectors(): GitzipDownload[] {
  return gitzipCases().downloads;
}

/**
 * Rebuilds the nine repositories of `vectors/gitzip/cases.json` under
 * `targetDir/<name>`, failing unless every tree and commit hash equals the
 * recorded one. Returns name → repository directory.
 */
export async function rebuildGitzipRepos(targetDir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const repo of gitzipRepoVectors()) {
    const dir = path.join(targetDir, repo.name);
    await initRepo(dir);
    const indexOf = new Map(repo.commits.map((c, i) => [c.commit, i]));
    const build: BuildCommit[] = repo.commits.map((c) => ({
      files: c.files.map((f) => ({
        path: f.path,
        mode: f.mode,
        content:
          f.content_b64 !== undefined
            ? Buffer.from(f.content_b64, 'base64')
            : (f.content_utf8 ?? ''),
      })),
      message: c.message,
      parents: c.parents.map((p) => {
        const i = indexOf.get(p);
        if (i === undefined) throw new Error(`gitzip ${repo.name}: unknown parent ${p}`);
        return i;
      }),
      author: { name: c.author[0], email: c.author[1], time: c.author[2] },
      committer: { name: c.committer[0], email: c.committer[1], time: c.committer[2] },
      tags: c.tags,
    }));
    const hashes = await buildCommits(dir, build);
    for (const [i, c] of repo.commits.entries()) {
      const tree = await gitText(dir, ['rev-parse', `${hashes[i]}^{tree}`]);
      if (tree !== c.tree_sha1 || hashes[i] !== c.commit) {
        throw new Error(
          `gitzip ${repo.name} commit ${i}: built ${hashes[i]} (tree ${tree}), ` +
            `recorded ${c.commit} (tree ${c.tree_sha1})`,
        );
      }
    }
    result.set(repo.name, dir);
  }
  return result;
}

/**
 * What a repository serves, as one string: every ref and HEAD. Two
 * repositories with the same fingerprint answer every fetch alike.
 */
export async function repoFingerprint(dir: string): Promise<string> {
  const refs = await gitText(dir, ['for-each-ref', '--format=%(objectname) %(refname)']);
  const head = await gitText(dir, ['symbolic-ref', '-q', 'HEAD']).catch(() => '');
  return `${head}\n${refs}`;
}

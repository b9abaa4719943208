// The engine's view of the world: the local repository, and per module the
// mirror and the checksum database. The real implementations (git, the
// GOPROXY client, the checksum-database client) live in other folders and
// are adapted to these interfaces in src/wire/, so the decisions can be run
// with fakes and never depend on how the facts were obtained.
//
// Expected failures are returned as tagged answers, not thrown: a mirror that
// says "not found" and one that cannot be reached lead to different verdicts,
// and that difference must not hinge on exception types. The answer types are
// named `…Answer` so that they never share a name with the protocol types of
// the clients behind them (goproxy's RevInfo/Origin, sumdb's SumdbLookup).
import type { Clock } from '../internal/retry.js';

export type { Clock };

/** One `retract` directive of a go.mod (a single version has low === high). */
export interface Retraction {
  low: string;
  high: string;
  rationale: string;
  /** 1-based line of the directive in go.mod, for annotations. */
  line?: number;
}

/**
 * What the retraction and deprecation rules need of one module version's
 * go.mod: a small view that a rebuilt tag, a revision's go.mod (lint) or a
 * published version (scan) can all provide.
 */
export interface GoModView {
  /** The module path the version belongs to. */
  modulePath: string;
  /** The version, `+incompatible` included when Go adds it. */
  version: string;
  /** Repository-relative, '/'-separated path of the go.mod (even if absent). */
  goModPath: string;
  /** What go.mod's `module` line says, when go.mod exists and has one. */
  declaredModulePath?: string;
  /** 1-based position of the `module` directive, when go.mod has one. */
  moduleLine?: { line: number; column: number };
  /**
   * The exact `.mod` bytes the mirror serves for this version: go.mod, or
   * Go's synthesized `module <path>` line when there is none. Needed when
   * this version takes part in choosing the latest version (+incompatible rule).
   */
  goMod?: Buffer;
  /** The `retract` directives (parsed leniently). */
  retractions: readonly Retraction[];
  /** The `Deprecated:` message of the `module` line. */
  deprecated?: string;
}

/** The tagged commit, rebuilt locally exactly as the mirror would build it. */
export interface LocalModule extends GoModView {
  /** The tag name as given, e.g. `sub/v1.2.3`. */
  tag: string;
  /** `refs/tags/<tag>`. */
  tagRef: string;
  /** The peeled commit the tag points at now (full hex object name). */
  commit: string;
  /** `h1:` of the module zip; absent when the zip cannot be built (see zipError). */
  sum?: string;
  /** `h1:` of the `.mod` content (the `/go.mod` go.sum line). */
  goModSum: string;
  /** Zip content by name inside the module (no `path@version/` prefix) → sha256 hex. */
  zipFiles: ReadonlyMap<string, string>;
  /** Content of a zip file by the same name, for diffs. */
  readFile(name: string): Promise<Buffer | undefined>;
  /** Other versions of this module tagged in the repository, to pick the next free patch. */
  existingVersions?: readonly string[];
  /**
   * The checkout is shallow (actions/checkout's default fetches one commit
   * and only the pushed tag), so existingVersions may miss published versions.
   */
  shallow?: boolean;
  /** Go's text when the go command would refuse this version for this path. */
  versionError?: { text: string };
  /** Go's text when the tagged tree cannot become a module zip. */
  zipError?: { text: string };
}

/** A version tag of the repository, read as the go command reads tags. */
export interface VersionTag {
  /** The tag name, e.g. `sub/dir/v1.2.3`. */
  name: string;
  /** The module directory the tag belongs to ('' for the repository root). */
  codeDir: string;
  /** The version the tag names (valid semver; see canonical). */
  version: string;
  /** Go lists only tags whose version is exactly canonical (`v1.2.3`, never `v1.2`). */
  canonical: boolean;
  /** The commit the tag points at (peeled). */
  commit: string;
}

/** A go.mod in the tree of a revision. */
export interface ModuleDir {
  /** Repository-relative, '/'-separated directory ('' for the root). */
  dir: string;
  /** What its `module` directive declares; '' when it has none. */
  modulePath: string;
}

/** A file of a directory at a revision (committed content, no conversions). */
export interface RepoFile {
  /** '/'-separated path relative to the listed directory. */
  path: string;
  kind: 'regular' | 'executable' | 'symlink';
  /** The blob's bytes (a symlink's target for a symlink). */
  read(): Promise<Buffer>;
}

/**
 * The user's repository, read-only: what the release gate, the pull-request
 * lint and the drift scan need of it.
 */
export interface LocalRepo {
  /**
   * Resolve and rebuild the version tag `tag` (InputError when it does not
   * exist or is not a version tag). `modulePath` names the module when the
   * tagged commit has no go.mod.
   */
  build(tag: string, options?: { modulePath?: string }): Promise<LocalModule>;
  /** The version tags of one module directory ('' for the root), or of all when undefined. */
  versionTags(codeDir?: string): Promise<VersionTag[]>;
  /** Every go.mod in the tree of `rev`, with the module path it declares. */
  modules(rev: string): Promise<ModuleDir[]>;
  /** The go.mod of `dir` at `rev`, as committed; undefined when there is none. */
  goMod(rev: string, dir: string): Promise<Buffer | undefined>;
  /** The files below `dir` at `rev` (all depths), as committed. */
  files(rev: string, dir: string): Promise<RepoFile[]>;
}

/** The `.info` Origin, as far as the gate reads it (unauthenticated: what the mirror believes it fetched). */
export interface MirrorOrigin {
  VCS?: string;
  URL?: string;
  Subdir?: string;
  Hash?: string;
  Ref?: string;
}

export interface Unreachable {
  kind: 'unreachable';
  /** Network or server trouble, e.g. `GET …: 503 Service Unavailable`. */
  reason: string;
  /** Trouble that may pass (network, timeout, 429, 5xx): the gate asks again a few times. */
  transient?: boolean;
  /** The server's Retry-After, in milliseconds. */
  retryAfterMs?: number;
  /** The check's deadline cut the exchange short, or came before it (then notSent). */
  deadline?: boolean;
  /** Nothing was sent (the check's deadline had passed): not an attempt. */
  notSent?: boolean;
}

export interface MirrorNotFound {
  kind: 'not-found';
  /** The server's response body (e.g. `not found: …`), kept for the report. */
  body: string;
}

export interface MirrorInfo {
  kind: 'found';
  /** The version the mirror answered with; may be the request plus `+incompatible`. */
  version: string;
  time?: string;
  origin?: MirrorOrigin;
}

export type CachedAnswer = MirrorInfo | MirrorNotFound | Unreachable | { kind: 'unsupported' };

export type WarmAnswer =
  | MirrorInfo
  | (MirrorNotFound & {
      /**
       * true: asking again cannot help (the refusal names a problem with the
       * version); false: the mirror may still be fetching, ask again until
       * warm-timeout.
       */
      final: boolean;
    })
  | Unreachable;

export type InfoAnswer = MirrorInfo | MirrorNotFound | Unreachable;

export type ModAnswer =
  | {
      kind: 'ok';
      /** The `/go.mod` go.sum hash of `data`. */
      h1: string;
      /** The `.mod` bytes as served. */
      data: Buffer;
    }
  | MirrorNotFound
  | Unreachable;

/**
 * `@v/list`: the tagged versions the mirror knows, in its order. A
 * "not found" means it knows none (e.g. before the first release is fetched).
 */
export type ListAnswer = { kind: 'ok'; versions: string[] } | MirrorNotFound | Unreachable;

export interface MirrorZip {
  kind: 'ok';
  h1: string;
  /** Same naming as LocalModule.zipFiles. */
  files: ReadonlyMap<string, string>;
  readFile(name: string): Promise<Buffer | undefined>;
}

export type ZipAnswer =
  | MirrorZip
  | MirrorNotFound
  /** The download is not a zip the go command would accept. */
  | { kind: 'invalid'; reason: string }
  | Unreachable;

export interface Mirror {
  /** The proxy URL (for the report). */
  readonly url: string;
  /**
   * What to do when the mirror cannot be reached: the URL that failed and
   * the proxy variables that route to it (set by the wiring, which knows
   * the environment).
   */
  readonly unreachableFix?: string;
  /** `.info` from what the mirror already holds, without making it fetch (proxy.golang.org `cached-only`). */
  cached(path: string, version: string): Promise<CachedAnswer>;
  /**
   * One `.info` request that makes the mirror fetch the version; the gate
   * asks again (its one retry loop) until `deadline` (Clock.now() ms).
   */
  warm(path: string, version: string, deadline: number): Promise<WarmAnswer>;
  /**
   * Plain `.info` of a version the mirror's list names: it holds the
   * version, so reading it publishes nothing. Never called otherwise when
   * warming is off.
   */
  info(path: string, version: string): Promise<InfoAnswer>;
  /** `.mod`, hashed as the `/go.mod` line. Only called with a version the mirror named (answer or list). */
  mod(path: string, version: string): Promise<ModAnswer>;
  /** `@v/list`, to find the latest version, whose go.mod holds the retractions and deprecation. */
  list(path: string): Promise<ListAnswer>;
  /**
   * `@v/list` of what the mirror already holds (proxy.golang.org's
   * `cached-only`), which never makes it refresh the list; `unsupported`
   * (or absent) when the mirror has no such view.
   */
  cachedList?(path: string): Promise<ListAnswer | { kind: 'unsupported' }>;
  /** `.zip`, bounded and checked as the go command would, hashed. */
  zip(path: string, version: string): Promise<ZipAnswer>;
}

export type SumdbAnswer =
  | { kind: 'found'; zipHash: string; goModHash: string }
  | { kind: 'not-found'; body: string }
  /** A signature, inclusion or consistency proof failed: the database cannot be trusted for this answer. */
  | { kind: 'unverifiable'; reason: string }
  | Unreachable;

export interface Sumdb {
  /** The database name (e.g. `sum.golang.org`), for the report. */
  readonly name: string;
  /** What to do when the database cannot be reached (see Mirror.unreachableFix). */
  readonly unreachableFix?: string;
  /** Look up and verify the record of path@version (tree signature and inclusion proof). */
  lookup(path: string, version: string): Promise<SumdbAnswer>;
}

/**
 * A remote side for one module: the port, or why the settings turn it off
 * for that module (GOPROXY=off, GOPRIVATE, GONOSUMDB, …), in the words the
 * report uses ("skipped by configuration: <reason>").
 */
export type SideFor<T> = { kind: 'on'; port: T } | { kind: 'off'; reason: string };

/**
 * The mirror and the checksum database, decided per module as the go
 * command decides them (GOPRIVATE, GONOPROXY and GONOSUMDB match module
 * paths), so a job over several modules asks each where Go would.
 */
export interface RemoteSides {
  mirrorFor(modulePath: string): Promise<SideFor<Mirror>>;
  sumdbFor(modulePath: string): Promise<SideFor<Sumdb>>;
}

export interface Logger {
  info(message: string): void;
  debug(message: string): void;
  /**
   * Runs `fn` with the lines it logs in one collapsible group named `name`
   * (the Action's log, one group per phase). Without it, lines are plain.
   */
  group?<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** Runs `fn` in a group of `logger`'s output when the logger has groups. */
export function inGroup<T>(logger: Logger, name: string, fn: () => Promise<T>): Promise<T> {
  return logger.group === undefined ? fn() : logger.group(name, fn);
}

export interface ReleasePorts extends RemoteSides {
  /** The release gate only rebuilds the tag it checks. */
  local: Pick<LocalRepo, 'build'>;
  clock: Clock;
  logger: Logger;
}

export interface ReleaseInput {
  tag: string;
  /** The module path, when go.mod cannot say it (no go.mod: a +incompatible release). */
  modulePath?: string;
  /** Make the mirror fetch the version when it does not hold it yet. */
  warm: boolean;
  /** How long to keep retrying a "not found" right after the push (milliseconds). */
  warmTimeoutMs: number;
  /** The whole check's limit in milliseconds; default warmTimeoutMs plus 5 minutes. */
  timeoutMs?: number;
  /**
   * The absolute time (Clock.now() ms) the check must end by; wins over
   * timeoutMs. The wiring sets it so the HTTP layer and the gate share one.
   */
  deadline?: number;
}

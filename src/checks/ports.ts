// The release gate's view of the world. The real implementations (git, the
// GOPROXY client, the checksum-database client) live in other folders and are
// adapted to these interfaces in wire.ts, so the decision logic can be run
// with fakes and never depends on how the facts were obtained.
//
// Expected failures are returned as tagged results, not thrown: a mirror that
// says "not found" and one that cannot be reached lead to different verdicts,
// and that difference must not hinge on exception types.

/** One `retract` directive of the local go.mod (a single version has low === high). */
export interface Retraction {
  low: string;
  high: string;
  rationale: string;
  /** 1-based line of the directive in go.mod, for annotations. */
  line?: number;
}

/** The tagged commit, rebuilt locally exactly as the mirror would build it. */
export interface LocalModule {
  /** The module path this tag publishes (from the repository and the tag prefix). */
  modulePath: string;
  /** What go.mod's `module` line says, when go.mod exists and has one. */
  declaredModulePath?: string;
  /** The version as the go command publishes it, `+incompatible` included when Go adds it. */
  version: string;
  /** The tag name as given, e.g. `sub/v1.2.3`. */
  tag: string;
  /** `refs/tags/<tag>`. */
  tagRef: string;
  /** The peeled commit the tag points at now (full hex object name). */
  commit: string;
  /** Repository-relative, '/'-separated path of the module's go.mod (even if absent). */
  goModPath: string;
  /** 1-based position of the `module` directive, when go.mod has one. */
  moduleLine?: { line: number; column: number };
  /** `h1:` of the module zip; absent when the zip cannot be built (see zipError). */
  sum?: string;
  /** `h1:` of the `.mod` content (the `/go.mod` go.sum line). */
  goModSum: string;
  /** Zip content by name inside the module (no `path@version/` prefix) → sha256 hex. */
  zipFiles: ReadonlyMap<string, string>;
  /** Content of a zip file by the same name, for diffs. */
  readFile(name: string): Promise<Buffer | undefined>;
  /**
   * The exact `.mod` bytes the mirror will serve for this version: go.mod, or
   * Go's synthesized `module <path>` line when the commit has none. Needed when
   * this version takes part in choosing the latest version (+incompatible rule).
   */
  goMod?: Buffer;
  /** The `retract` directives of this commit's go.mod (parsed leniently). */
  retractions: readonly Retraction[];
  /** The `Deprecated:` message of this commit's go.mod `module` line. */
  deprecated?: string;
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

export interface LocalBuilder {
  /** Resolve and rebuild the tag; throws InputError when the tag does not exist or is not a module version. */
  build(tag: string): Promise<LocalModule>;
}

/** The `.info` Origin object (unauthenticated: what the mirror believes it fetched). */
export interface Origin {
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
  origin?: Origin;
}

export type CachedResult = MirrorInfo | MirrorNotFound | Unreachable | { kind: 'unsupported' };

export type WarmResult =
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

export type ModResult =
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
export type ListResult = { kind: 'ok'; versions: string[] } | MirrorNotFound | Unreachable;

export interface MirrorZip {
  kind: 'ok';
  h1: string;
  /** Same naming as LocalModule.zipFiles. */
  files: ReadonlyMap<string, string>;
  readFile(name: string): Promise<Buffer | undefined>;
}

export type ZipResult =
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
   * the proxy variables that route to it (set by wire.ts, which knows the
   * environment).
   */
  readonly unreachableFix?: string;
  /** `.info` from what the mirror already holds, without making it fetch (proxy.golang.org `cached-only`). */
  cached(path: string, version: string): Promise<CachedResult>;
  /**
   * One `.info` request that makes the mirror fetch the version; the gate
   * asks again (its one retry loop) until `deadline` (Clock.now() ms).
   */
  warm(path: string, version: string, deadline: number): Promise<WarmResult>;
  /**
   * Plain `.info` of a version the mirror's list names: it holds the
   * version, so reading it publishes nothing. Never called otherwise when
   * warming is off.
   */
  info(path: string, version: string): Promise<MirrorInfo | MirrorNotFound | Unreachable>;
  /** `.mod`, hashed as the `/go.mod` line. Only called with a version the mirror named (answer or list). */
  mod(path: string, version: string): Promise<ModResult>;
  /** `@v/list`, to find the latest version, whose go.mod holds the retractions and deprecation. */
  list(path: string): Promise<ListResult>;
  /** `.zip`, bounded and checked as the go command would, hashed. */
  zip(path: string, version: string): Promise<ZipResult>;
}

export type SumdbLookup =
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
  lookup(path: string, version: string): Promise<SumdbLookup>;
}

export interface Clock {
  /** Milliseconds; only differences matter. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface Logger {
  info(message: string): void;
  debug(message: string): void;
}

export interface ReleasePorts {
  local: LocalBuilder;
  /** Absent when no proxy is in use for this module (GOPROXY=off/direct, GOPRIVATE). */
  mirror?: Mirror;
  /** Why there is no mirror, e.g. `GOPRIVATE matches example.com/m`. */
  mirrorDisabled?: string;
  /** Absent when checksum verification is off for this module (GOSUMDB=off, GONOSUMDB, GOPRIVATE). */
  sumdb?: Sumdb;
  sumdbDisabled?: string;
  clock: Clock;
  logger: Logger;
}

export interface ReleaseInput {
  tag: string;
  /** Make the mirror fetch the version when it does not hold it yet. */
  warm: boolean;
  /** How long to keep retrying a "not found" right after the push (milliseconds). */
  warmTimeoutMs: number;
  /** The whole check's limit in milliseconds; default warmTimeoutMs plus 5 minutes. */
  timeoutMs?: number;
  /**
   * The absolute time (Clock.now() ms) the check must end by; wins over
   * timeoutMs. wire.ts sets it so the HTTP layer and the gate share one.
   */
  deadline?: number;
}

// The release gate's result: findings, a verdict and the facts behind them.
// Everything here is plain JSON-compatible data so the same value can be
// rendered as text, Markdown, JSON or annotations without further lookups.

export type Severity = 'error' | 'warning' | 'notice';

/**
 * Stable finding identifiers (DESIGN "Findings and verdicts"). `build-mismatch`
 * is ours: the mirror built other bytes from the very commit the tag names,
 * so the advice must not be "publish a new version".
 */
export type FindingCode =
  | 'version-invalid'
  | 'zip-invalid'
  | 'module-path-mismatch'
  | 'tag-moved'
  | 'build-mismatch'
  | 'origin-mismatch'
  | 'mirror-rejected'
  | 'sumdb-mismatch'
  | 'sumdb-unverifiable'
  | 'retracted'
  | 'deprecated'
  | 'incompatible'
  | 'unreachable';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** One paragraph; may quote server or repository text verbatim (renderers escape it). */
  message: string;
  /** Repository-relative, '/'-separated (e.g. `sub/go.mod`). */
  file?: string;
  line?: number;
  column?: number;
  /** What to do about it, in plain text; may span lines. */
  fix?: string;
}

export type Verdict = 'pass' | 'fail' | 'inconclusive';

/** The two go.sum hashes of one source (`h1:` strings). */
export interface HashPair {
  zip?: string;
  mod?: string;
}

export type StepName = 'local' | 'mirror-cache' | 'warm' | 'mirror-content' | 'origin' | 'sumdb';

/**
 * `skipped`: not needed or disabled by configuration (does not block `pass`);
 * `unchecked`: needed but could not be done (makes the verdict `inconclusive`).
 */
export type StepStatus = 'ok' | 'failed' | 'skipped' | 'unchecked';

export interface Step {
  name: StepName;
  status: StepStatus;
  /** Starts with "skipped by configuration" when the user's settings turned the step off. */
  detail: string;
  /** Requests made for this step (each one also logged as a progress line). */
  attempts?: number;
}

export interface FileChange {
  /** Name inside the module (no `path@version/` prefix). */
  name: string;
  mirrorSha256: string;
  localSha256: string;
  /** Unified diff, mirror (old) → local (new), when both sides are small text files. */
  diff?: string;
  /** Why there is no diff, or why it was cut short. */
  note?: string;
}

/** Module zip content the mirror holds (old) against what the tag holds now (new). */
export interface ZipDiff {
  /** In the local zip only. */
  added: string[];
  /** In the mirror's zip only. */
  removed: string[];
  changed: FileChange[];
}

/** The way out of a moved tag: never "move it back" (the mirror keeps the first bytes). */
export interface Remedy {
  nextVersion: string;
  /** The exact go.mod line, e.g. `retract v1.2.3 // tag moved after publication; use v1.2.4`. */
  retract: string;
  /**
   * Why nextVersion may be wrong, when the versions it must exceed could
   * not all be seen (a shallow checkout or one without tags, and no version
   * list from the mirror). Also the last sentence of the findings' fix.
   */
  caveat?: string;
}

/** A source of hashes: the local rebuild, the mirror, the checksum database. */
export type Side = 'local' | 'mirror' | 'sumdb';

export const REPORT_SCHEMA = 'modseal.release-report/v1';

export interface ReleaseReport {
  schema: typeof REPORT_SCHEMA;
  verdict: Verdict;
  /**
   * The sides whose hashes were obtained and compared, in this order:
   * `local` once the tag was rebuilt, `mirror` once its .mod and .zip were
   * read, `sumdb` once a verified record was read.
   */
  compared: Side[];
  /**
   * Set on a pass that compared nothing remote, saying why (GOPRIVATE,
   * GOPROXY/GOSUMDB off): the headline reads "pass (local only)".
   */
  localOnly?: string;
  tag: string;
  module?: string;
  /** The version as published (with `+incompatible` when the mirror uses it). */
  version?: string;
  commit?: string;
  /** Where go.mod's `module` directive is; annotations for version problems point here. */
  goMod?: { file: string; line?: number; column?: number };
  hashes: { local: HashPair; mirror: HashPair; sumdb: HashPair };
  /** The commit the mirror's `.info` Origin names, when it names one. */
  mirrorCommit?: string;
  /** Where the mirror and checksum database were asked (for the report only). */
  mirrorUrl?: string;
  sumdbName?: string;
  steps: Step[];
  findings: Finding[];
  diff?: ZipDiff;
  remedy?: Remedy;
}

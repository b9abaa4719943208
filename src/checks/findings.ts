// The findings catalogue: one constructor per finding code (DESIGN "Findings
// and verdicts"), holding its message and its fix, so every job (release
// gate, lint, scan) words the same problem the same way. Codes with several
// causes take the cause as a tagged argument. Messages may quote server or
// repository text verbatim; renderers escape it.
import type { Finding, FindingCode, Remedy, Severity } from './types.js';

/** Where a finding points in the repository. */
export interface Where {
  file?: string;
  line?: number;
  column?: number;
}

function make(
  code: FindingCode,
  severity: Severity,
  message: string,
  at: Where = {},
  fix?: string,
): Finding {
  return { code, severity, message, ...at, ...(fix !== undefined ? { fix } : {}) };
}

const PUBLISH_AND_RETRACT =
  'Nobody can download this version through the mirror. Publish a new version and retract this one.';

export function versionInvalid(text: string, tag: string, at: Where): Finding {
  return make(
    'version-invalid',
    'error',
    text,
    at,
    `The go command refuses ${tag} for this module, so it was not sent to the mirror. ` +
      'Make go.mod and the tag agree (v2 and later need the /vN suffix in the module path, ' +
      'see https://go.dev/ref/mod#major-version-suffixes), then tag a new version.',
  );
}

export function modulePathMismatch(a: {
  declared: string;
  path: string;
  tag: string;
  at: Where;
}): Finding {
  return make(
    'module-path-mismatch',
    'error',
    `go.mod declares module ${a.declared}, but ${a.tag} publishes ${a.path}`,
    a.at,
    `Change the module directive to "module ${a.path}" (or publish from the repository that serves ${a.declared}), then tag a new version.`,
  );
}

export function zipInvalid(text: string): Finding {
  return make(
    'zip-invalid',
    'error',
    text,
    {},
    'Rename or remove the files named above, commit, and tag a new version; the mirror would refuse this one with the same error.',
  );
}

/** Why the mirror does not serve a version it should. */
export type MirrorRejection =
  /** `.info` named another version than the go command publishes for the tag. */
  | { kind: 'other-version'; mirror: string; asked: string; answered: string; version: string }
  /** The list names the version, its `.info` is "not found". */
  | { kind: 'listed-not-served'; mirror: string; version: string; body: string }
  /** A final "not found" while warming. */
  | { kind: 'refused'; mirror: string; asked: string; tries: string; body: string }
  /** `.mod` or `.zip` missing or unusable. */
  | { kind: 'content'; mirror: string; mv: string; text: string };

export function mirrorRejected(r: MirrorRejection, at: Where = {}): Finding {
  switch (r.kind) {
    case 'other-version':
      return make(
        'mirror-rejected',
        'error',
        `${r.mirror} resolved ${r.asked} to ${r.answered}, but the go command publishes this tag as ${r.version}`,
        at,
        'Check which go.mod files the tagged commit holds (a go.mod at the root makes v2+ tags need a /vN module path; without one, v2+ tags become +incompatible).',
      );
    case 'listed-not-served':
      return make(
        'mirror-rejected',
        'error',
        `${r.mirror} lists ${r.version} but answered "not found" for its .info: ${r.body}`,
        {},
        PUBLISH_AND_RETRACT,
      );
    case 'refused':
      return make(
        'mirror-rejected',
        'error',
        `${r.mirror} answered "not found" for ${r.asked} (${r.tries}): ${r.body}`,
        at,
        'If the server text names a problem in the repository, fix it and tag a new version. A fresh tag can also meet a "not found" the mirror remembered from an earlier request for up to 30 minutes: re-run with a longer warm-timeout.',
      );
    case 'content':
      return make(
        'mirror-rejected',
        'error',
        `${r.mirror} named ${r.mv} but does not serve its content: ${r.text}`,
        {},
        PUBLISH_AND_RETRACT,
      );
  }
}

/** What could not be checked, and why. Never an error: it makes the verdict inconclusive. */
export type Unchecked =
  /** The check's deadline stopped it. */
  | { kind: 'deadline'; deadline: string; elapsed: string; what: string; last?: string }
  /** Warming could not reach the mirror. */
  | { kind: 'mirror'; mirror: string; asked: string; tries: string; reason: string; fix?: string }
  /** Still "not found" when warm-timeout ran out. */
  | { kind: 'warm-timeout'; mirror: string; asked: string; tries: string; body: string }
  /** `.mod` or `.zip` could not be downloaded. */
  | { kind: 'download'; mirror: string; mv: string; reasons: string; fix?: string }
  /** The checksum database has no record (yet). */
  | { kind: 'no-record'; sumdb: string; mv: string; body: string }
  /** The checksum database could not be reached. */
  | { kind: 'sumdb'; sumdb: string; reason: string; fix?: string };

export function unreachable(u: Unchecked): Finding {
  switch (u.kind) {
    case 'deadline':
      return make(
        'unreachable',
        'warning',
        `${u.deadline} left no time to finish: the check stopped after ${u.elapsed} while asking ${u.what}${u.last !== undefined ? ` (last answer: ${u.last})` : ''}; the steps say what was not checked`,
        {},
        'Nothing was decided about what was not checked. Re-run the job; if the mirror or the checksum database is slow, raise the timeout (--timeout, or the timeout input; it defaults to warm-timeout plus 5 minutes).',
      );
    case 'mirror':
      return make(
        'unreachable',
        'warning',
        `could not reach the mirror ${u.mirror} for ${u.asked} (${u.tries}): ${u.reason}`,
        {},
        u.fix ?? 'Re-run the job; nothing about the module was decided.',
      );
    case 'warm-timeout':
      return make(
        'unreachable',
        'warning',
        `${u.mirror} still answered "not found" for ${u.asked} when warm-timeout ran out (${u.tries}): ${u.body}`,
        {},
        'The mirror remembers a miss for up to 30 minutes when the version was requested before the tag existed. Re-run the job later, or raise warm-timeout.',
      );
    case 'download':
      return make(
        'unreachable',
        'warning',
        `could not download ${u.mv} from ${u.mirror}: ${u.reasons}`,
        {},
        u.fix ?? 'Re-run the job; nothing about the module content was decided.',
      );
    case 'no-record':
      return make(
        'unreachable',
        'warning',
        `${u.sumdb} has no record of ${u.mv}: ${u.body}`,
        {},
        'The checksum database may not have fetched the version yet: re-run the job later.',
      );
    case 'sumdb':
      return make(
        'unreachable',
        'warning',
        `could not reach the checksum database ${u.sumdb}: ${u.reason}`,
        {},
        u.fix ?? 'Re-run the job; nothing about the checksums was decided.',
      );
  }
}

export function sumdbUnverifiable(sumdb: string, mv: string, reason: string): Finding {
  // A proof that does not verify is evidence of tampering or a forked log,
  // not a transient fault: the go command stops too.
  return make(
    'sumdb-unverifiable',
    'error',
    `the answer of ${sumdb} for ${mv} does not verify: ${reason}`,
    {},
    'Do not publish on this answer. Re-run without a stale tree-head cache (sumdb-cache); if it persists, the log or the path to it is compromised: report it to security@golang.org.',
  );
}

/** The sentence that ends a content finding when files were compared. */
export function diffSummary(
  diff: { added: unknown[]; removed: unknown[]; changed: unknown[] } | undefined,
): string {
  return diff === undefined
    ? ''
    : ` Files: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed.`;
}

export function buildMismatch(a: {
  mv: string;
  commit: string;
  differ: string;
  files: string;
}): Finding {
  return make(
    'build-mismatch',
    'warning',
    `the mirror built ${a.mv} from commit ${a.commit}, the commit the tag names, but got other bytes than modseal's rebuild: ${a.differ}.${a.files}`,
    {},
    'What the mirror serves is what users get. Please report this to modseal with the file list below; the release itself may be fine.',
  );
}

export function tagMoved(a: {
  tag: string;
  commit: string;
  /** Who holds the other bytes, e.g. `sum.golang.org records`. */
  holder: string;
  mv: string;
  /** The commit the mirror's Origin names, when known. */
  mirrorCommit?: string;
  differ: string;
  files: string;
  at: Where;
  fix?: string;
}): Finding {
  const holds =
    a.mirrorCommit !== undefined ? ` (the mirror fetched commit ${a.mirrorCommit})` : '';
  return make(
    'tag-moved',
    'error',
    `${a.tag} now points at ${a.commit}, but ${a.holder} other bytes for ${a.mv}${holds}: ${a.differ}.${a.files}`,
    a.at,
    a.fix,
  );
}

export function sumdbMismatch(a: {
  mirror: string;
  sumdb: string;
  mv: string;
  mirrorHashes: { zip?: string; mod?: string };
  sumdbHashes: { zip?: string; mod?: string };
  files: string;
}): Finding {
  const M = a.mirrorHashes;
  const S = a.sumdbHashes;
  return make(
    'sumdb-mismatch',
    'error',
    `${a.mirror} serves ${a.mv} with zip ${M.zip ?? '?'} and go.mod ${M.mod ?? '?'}, but ${a.sumdb} records zip ${S.zip ?? '?'} and go.mod ${S.mod ?? '?'}.${a.files}`,
    {},
    'Every go command that verifies checksums refuses what the mirror serves. If the mirror is not yours, report it to its operator (proxy.golang.org: security@golang.org).',
  );
}

export function originMismatch(a: {
  ref: string;
  mirrorCommit: string;
  tag: string;
  commit: string;
  /** The bytes are the same: only the commit moved. */
  contentAgrees: boolean;
  at: Where;
  /** The remedy, when the bytes differ too. */
  fix?: string;
}): Finding {
  return make(
    'origin-mismatch',
    a.contentAgrees ? 'warning' : 'error',
    `the mirror fetched ${a.ref} at commit ${a.mirrorCommit}, but ${a.tag} now points at ${a.commit}` +
      (a.contentAgrees ? '; the module content is identical, so users get the same bytes.' : '.'),
    a.at,
    a.contentAgrees
      ? 'Published tags should not move: the mirror keeps the commit it saw first.'
      : a.fix,
  );
}

/** The fix of every "the world holds other bytes" finding. */
export function remedyFix(version: string, remedy: Remedy): string {
  return (
    `The mirror and the checksum database keep the first bytes of ${version} forever: it cannot be repaired, only replaced. ` +
    `Publish ${remedy.nextVersion} from the commit you want, with this line added to go.mod:\n    ${remedy.retract}` +
    (remedy.caveat !== undefined ? `\n${remedy.caveat}` : '')
  );
}

/** Why the advised version may be too low (Remedy.caveat). */
export function remedyCaveat(a: {
  version: string;
  path: string;
  shallow: boolean;
  /** Why the mirror's version list is missing. */
  why: string;
}): string {
  const checkout = a.shallow
    ? 'this checkout is shallow (actions/checkout fetches only the pushed tag unless fetch-depth: 0)'
    : `this checkout has no other version tag of ${a.path}`;
  return (
    `This advice may be wrong: ${checkout}, and the mirror's version list could not be read (${a.why}), ` +
    `so a version above ${a.version} may already be published. The go command reads retract lines only from the highest version: ` +
    `find it with \`git ls-remote --tags origin\` or \`go list -m -versions ${a.path}\`, and publish above it.`
  );
}

export function incompatible(a: {
  path: string;
  tag: string;
  version: string;
  at: Where;
}): Finding {
  const major = a.version.slice(1).split('.')[0] ?? '';
  return make(
    'incompatible',
    'warning',
    `${a.path} has no go.mod at ${a.tag}, so the go command publishes ${a.version}: a major version 2 or later without the /v${major} module path suffix.`,
    a.at,
    `Consumers get +incompatible versions only by asking for them explicitly once any v0/v1 release contains a go.mod: ` +
      `the go command then ignores +incompatible versions for @latest and upgrades. ` +
      `To publish v2 and later properly, add a go.mod declaring "module ${a.path}/v${major}" and tag from there.`,
  );
}

const HIDDEN =
  'The go command hides retracted versions from "latest" and upgrades, and warns everybody who requires one.';

/** Where a `retract` directive makes itself felt. Ranges are written as go.mod writes them. */
export type RetractionCause =
  /** Publishing makes this go.mod the latest, and it retracts another interval. */
  | { kind: 'new'; version: string; range: string; news: string; directive: string }
  /** The latest version until now retracts an interval this go.mod no longer does. */
  | { kind: 'dropped'; version: string; prev: string; range: string; directive: string }
  /** The latest version's go.mod retracts this version. */
  | { kind: 'by-latest'; mv: string; message: string; latest: string; range: string }
  /** This go.mod retracts something, but it is not the latest: no effect. */
  | { kind: 'no-effect'; range: string; latest: string }
  /** This go.mod, read as the latest, retracts its own version. */
  | { kind: 'own'; mv: string; message: string; range: string; context: string };

export function retracted(c: RetractionCause, at: Where = {}): Finding {
  switch (c.kind) {
    case 'new':
      return make(
        'retracted',
        'notice',
        `once published, ${c.version} is the latest version, so its go.mod retracts ${c.range}${c.news}: ${c.directive}`,
        at,
        `${HIDDEN} Retracted versions stay downloadable for those who ask for them by name.`,
      );
    case 'dropped':
      return make(
        'retracted',
        'warning',
        `${c.prev}, the latest version until now, retracts ${c.range} (${c.directive}); this tag's go.mod does not, so once ${c.version} is published the go command no longer treats ${c.range} as retracted`,
        at,
        `Only the latest version's retractions count. If ${c.range} should stay retracted, add "retract ${c.range}" to go.mod and publish a new version.`,
      );
    case 'by-latest':
      return make(
        'retracted',
        'warning',
        `${c.mv}: ${c.message} (the go.mod of ${c.latest}, the latest version, has retract ${c.range})`,
        at,
        `${HIDDEN} Only a newer latest version can lift it: if this version should be usable, publish a version above ${c.latest} whose go.mod no longer retracts it.`,
      );
    case 'no-effect':
      return make(
        'retracted',
        'warning',
        `this tag's go.mod retracts ${c.range}, but the go command reads retractions only from the go.mod of the latest version, ${c.latest}, which does not: the directive has no effect`,
        at,
        `Add "retract ${c.range}" to the go.mod of a new version above ${c.latest}.`,
      );
    case 'own':
      return make(
        'retracted',
        'warning',
        `${c.mv}: ${c.message} (this tag's go.mod has retract ${c.range}; ${c.context})`,
        at,
        `${HIDDEN} If that is not intended, publish a new version without the directive.`,
      );
  }
}

/** Where a `// Deprecated:` comment makes itself felt. */
export type DeprecationCause =
  /** The latest version until now is deprecated, this go.mod is not. */
  | { kind: 'dropped'; prev: string; path: string; was: string; version: string }
  /** The latest version's go.mod deprecates the module. */
  | { kind: 'by-latest'; path: string; text: string; latest: string }
  /** This go.mod deprecates the module, but it is not the latest: no effect. */
  | { kind: 'no-effect'; path: string; text: string; latest: string }
  /** This go.mod, read as the latest, deprecates the module. */
  | { kind: 'own'; path: string; text: string; context: string };

export function deprecated(c: DeprecationCause, at: Where = {}): Finding {
  switch (c.kind) {
    case 'dropped':
      return make(
        'deprecated',
        'warning',
        `${c.prev}, the latest version until now, marks ${c.path} as deprecated (${c.was}); this tag's go.mod does not, so once ${c.version} is published the module is no longer deprecated`,
        at,
        'If the module should stay deprecated, keep the "// Deprecated:" comment on the module line and publish a new version.',
      );
    case 'by-latest':
      return make(
        'deprecated',
        'warning',
        `module ${c.path} is deprecated: ${c.text} (the go.mod of ${c.latest}, the latest version)`,
        at,
        'go get and go list -u show this to everybody who uses any version of the module, this one included.',
      );
    case 'no-effect':
      return make(
        'deprecated',
        'warning',
        `this tag's go.mod marks ${c.path} as deprecated (${c.text}), but the go command reads the deprecation only from the go.mod of the latest version, ${c.latest}, which has none: the comment has no effect`,
        at,
        `Put the "// Deprecated:" comment into the go.mod of a new version above ${c.latest}.`,
      );
    case 'own':
      return make(
        'deprecated',
        'warning',
        `module ${c.path} is deprecated: ${c.text} (${c.context})`,
        at,
        'While this is the latest version, go get and go list -u show the message to every user. If that is not intended, publish a new version without the "Deprecated:" comment.',
      );
  }
}

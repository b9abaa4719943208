// The drift scan's decision for one published (or tagged) version: facts in,
// one status out, with the sentence that says why and what to do. Pure: the
// scan's orchestration gathers the facts (the local rebuild, what the mirror
// holds, the checksum database's verified record, the mirror's zip) and the
// rules here decide, so the same facts give the same answer in the CLI, the
// Action and the tests.
//
// It also holds the scan's "never publish" rules as predicates the
// orchestration asks before each request: which versions may be sent at all,
// which the checksum database may be asked about, and when the mirror's zip
// must be downloaded.
import {
  check as checkModuleVersion,
  InvalidVersionError,
  matchPathMajor,
  ModuleError,
  splitPathVersion,
} from '../../module/index.js';
import { canonical, major } from '../../semver/index.js';
import type { HashPair, Verdict } from '../types.js';

export type ScanStatus =
  'ok' | 'moved' | 'tag-missing' | 'unpublished' | 'invalid' | 'mirror-differs' | 'unchecked';

/** Every status, problems first (the order of tables and counts). */
export const SCAN_STATUSES: readonly ScanStatus[] = [
  'moved',
  'mirror-differs',
  'invalid',
  'tag-missing',
  'unpublished',
  'unchecked',
  'ok',
];

/** Statuses that fail the scan (exit 1) unless the version is already retracted. */
const FAILING: ReadonlySet<ScanStatus> = new Set(['moved', 'mirror-differs', 'invalid']);
/** Statuses a maintainer should act on (the failing ones and the warnings). */
const PROBLEMS: ReadonlySet<ScanStatus> = new Set([
  'moved',
  'mirror-differs',
  'invalid',
  'tag-missing',
  'unpublished',
]);

/**
 * Whether the mirror holds the version, as far as the scan may ask: its
 * cached-only view, or without one its version list. `off` is the user's
 * settings (GOPROXY=off or direct, GONOPROXY/GOPRIVATE), in the report's words.
 */
export type MirrorView =
  | { kind: 'held' }
  | { kind: 'not-held' }
  | { kind: 'off'; reason: string }
  | { kind: 'unreachable'; reason: string };

/** The mirror's cached-only answer for one version (proxy.golang.org's `cached-only/…/@v/<v>.info`). */
export type CachedView =
  | { kind: 'found' }
  | { kind: 'not-found' }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'unsupported' };

/** The mirror's `@v/list` (a "not found" means it holds no version). */
export type ListView =
  | { kind: 'ok'; versions: readonly string[] }
  | { kind: 'not-found' }
  | { kind: 'unreachable'; reason: string };

/** The checksum database's verified answer (a failed proof is `unreachable`: it cannot be trusted). */
export type SumdbView =
  | { kind: 'found'; hashes: HashPair }
  | { kind: 'not-found' }
  | { kind: 'off'; reason: string }
  | { kind: 'unreachable'; reason: string };

/** The tag's current commit rebuilt locally (or remembered from the state for an unchanged commit). */
export type LocalView =
  | { kind: 'built'; hashes: HashPair }
  /** Go refuses the version for this module path (Go's text). */
  | { kind: 'refused'; error: string }
  /** The tagged tree cannot become a module zip (Go's text). */
  | { kind: 'zip-error'; error: string }
  /** The repository has no tag for this version. */
  | { kind: 'no-tag' }
  /** The rebuild could not be done (git trouble): nothing is known. */
  | { kind: 'failed'; reason: string };

/** The mirror's `.mod` and `.zip` hashes: downloaded in this run, or remembered from an earlier one. */
export type MirrorZipView =
  | { kind: 'downloaded'; hashes: HashPair }
  | { kind: 'remembered'; hashes: HashPair }
  | { kind: 'unreachable'; reason: string };

export interface VersionFacts {
  modulePath: string;
  /** The version as Go names it (`+incompatible` included). */
  version: string;
  /** The tag the version has or would have (`sub/v1.2.3`), whether or not it exists. */
  tag: string;
  /** The commit the tag points at now. */
  commit?: string;
  local: LocalView;
  mirror: MirrorView;
  /** Absent when the database was not asked (the predicates below say when it may be). */
  sumdb?: SumdbView;
  /** Absent when the mirror's zip was neither downloaded nor remembered. */
  mirrorZip?: MirrorZipView;
  /** The database's record as an earlier scan saw it (the state file): records never change. */
  rememberedSumdb?: HashPair;
  /** The commit the version was published from, when known (the state file, or the mirror's `.info` Origin). */
  publishedCommit?: string;
  /** Go's text when the module's latest go.mod retracts the version (`retracted by module author: …`). */
  retracted?: string;
}

export interface StatusDecision {
  status: ScanStatus;
  /** One paragraph: what was compared and what was seen. */
  detail: string;
  /** What to do, for statuses that need no module-wide remedy (see remedy.ts for moved and mirror-differs). */
  fix?: string;
}

// ---------------------------------------------------------------------------
// What may be asked ("never publish").

/**
 * Go's text when the go command refuses `version` for `modulePath`
 * (module.Check: a valid path, valid semver of the path's major version;
 * cmd/go: `+incompatible` only on a major the path does not allow), or when the version is not canonical (the go command lists only canonical
 * versions; a lookup of `v1.2` is a query, not a version). Such a version is
 * never sent to the mirror or the checksum database: the mirror remembers a
 * miss for about 30 minutes, and a query could resolve to something else.
 */
export function versionRefusal(modulePath: string, version: string): string | undefined {
  const err = checkModuleVersion(modulePath, version);
  if (err !== undefined) return err.message;
  const base = version.replace(/\+incompatible$/, '');
  if (base !== version && matchPathMajor(base, splitPathVersion(modulePath).pathMajor)) {
    // cmd/go's codeRepo refuses +incompatible on a major the path already allows.
    return new ModuleError(
      modulePath,
      '',
      new InvalidVersionError(
        version,
        new Error(`+incompatible suffix not allowed: major version ${major(base)} is compatible`),
      ),
    ).message;
  }
  if (canonical(base) !== base) {
    return `${modulePath}@${version}: not a canonical version (the go command lists only ${canonical(base)}${version.endsWith('+incompatible') ? '+incompatible' : ''})`;
  }
  return undefined;
}

/** Whether a version may be named in any request (mirror or checksum database). */
export function maySend(modulePath: string, version: string): boolean {
  return versionRefusal(modulePath, version) === undefined;
}

/**
 * What the mirror holds of `version`, from the answers the scan is allowed to
 * get: the cached-only view decides where the mirror has one (a plain
 * `@v/list` on proxy.golang.org makes it refresh that list for days);
 * otherwise the version list. Neither makes the mirror fetch anything.
 */
export function mirrorHolds(
  version: string,
  sources: { off?: string; cached?: CachedView; list?: ListView },
): MirrorView {
  if (sources.off !== undefined) return { kind: 'off', reason: sources.off };
  const c = sources.cached;
  if (c !== undefined && c.kind !== 'unsupported') {
    if (c.kind === 'unreachable') return { kind: 'unreachable', reason: c.reason };
    return { kind: c.kind === 'found' ? 'held' : 'not-held' };
  }
  const l = sources.list;
  if (l === undefined) {
    return {
      kind: 'unreachable',
      reason: 'neither the cached-only view nor the version list was read',
    };
  }
  if (l.kind === 'unreachable') return { kind: 'unreachable', reason: l.reason };
  if (l.kind === 'not-found') return { kind: 'not-held' };
  return { kind: l.versions.includes(version) ? 'held' : 'not-held' };
}

/**
 * Whether the checksum database may be asked about the version:
 * sum.golang.org fetches through the mirror on a lookup, so only a version
 * the mirror already holds (and one Go accepts) may be looked up.
 */
export function mayAskSumdb(modulePath: string, version: string, mirror: MirrorView): boolean {
  return mirror.kind === 'held' && maySend(modulePath, version);
}

export interface MirrorZipQuestion {
  /** mayAskSumdb's answer: the mirror holds the version and Go accepts it. */
  held: boolean;
  /** The mirror's hashes remembered from an earlier scan (the state file). */
  remembered?: HashPair;
  /** The database's verified record in this run. */
  sumdb?: HashPair;
  /** The local rebuild of the tag's current commit. */
  local?: HashPair;
}

/**
 * Whether the mirror's `.zip` (and `.mod`) must be downloaded for a version:
 * once per version (the first scan, or no remembered mirror hash), to catch
 * a mirror serving other bytes than the database recorded; and again
 * whenever what it is compared with disagrees (the database and the local
 * rebuild differ, so the download shows what changed; or the remembered
 * mirror hash disagreed with the database, so a mirror put right is seen).
 * Without a database record the mirror is the reference: downloaded again
 * when the local rebuild differs from the remembered hash. Never for a
 * version the mirror does not hold.
 */
export function needsMirrorZip(q: MirrorZipQuestion): boolean {
  if (!q.held) return false;
  if (q.remembered?.zip === undefined) return true;
  if (q.sumdb !== undefined) {
    if (q.local !== undefined && differs(q.local, q.sumdb)) return true;
    return differs(q.remembered, q.sumdb);
  }
  return q.local !== undefined && differs(q.local, q.remembered);
}

// ---------------------------------------------------------------------------
// The decision for one version.

/** Whether two hash pairs disagree on a hash both hold. */
export function differs(a: HashPair, b: HashPair): boolean {
  return (
    (a.zip !== undefined && b.zip !== undefined && a.zip !== b.zip) ||
    (a.mod !== undefined && b.mod !== undefined && a.mod !== b.mod)
  );
}

/** "zip h1:A where … holds h1:B; go.mod …" for the hashes that differ. */
function whatDiffers(a: HashPair, b: HashPair, aName: string, bName: string): string {
  const parts: string[] = [];
  if (a.zip !== undefined && b.zip !== undefined && a.zip !== b.zip) {
    parts.push(`zip ${a.zip} (${aName}) against ${b.zip} (${bName})`);
  }
  if (a.mod !== undefined && b.mod !== undefined && a.mod !== b.mod) {
    parts.push(`go.mod ${a.mod} (${aName}) against ${b.mod} (${bName})`);
  }
  return parts.join('; ');
}

const short = (commit: string | undefined): string =>
  commit === undefined ? 'its commit' : commit.slice(0, 12);

/** The hashes the mirror served, when downloaded this run or remembered. */
function mirrorHashes(f: VersionFacts): HashPair | undefined {
  const z = f.mirrorZip;
  return z?.kind === 'downloaded' || z?.kind === 'remembered' ? z.hashes : undefined;
}

/**
 * The status of one version. Order of the rules: a version Go refuses is
 * `invalid` and nothing was asked; a version the mirror does not hold is
 * `unpublished` (nothing was asked either); then the published bytes (the
 * database's record, else the mirror's) are compared with the mirror's and
 * with the tag's rebuild. Anything needed but not known is `unchecked`,
 * except that a difference already seen is reported as such (fail over
 * inconclusive, as the release gate).
 */
export function scanStatus(f: VersionFacts): StatusDecision {
  const mv = `${f.modulePath}@${f.version}`;
  const refusal = versionRefusal(f.modulePath, f.version);
  // The rebuild's text is Go's own for this repository; the name-only one
  // stands in when there is no tag to rebuild.
  if (refusal !== undefined) {
    return invalid(f, f.local.kind === 'refused' ? f.local.error : refusal);
  }
  // A tag whose tree Go refuses (the version for this path, or the zip) is
  // invalid unless the mirror holds the version: then it was fine when
  // published, and the tag has moved since (decided below).
  if ((f.local.kind === 'refused' || f.local.kind === 'zip-error') && f.mirror.kind !== 'held') {
    return invalid(f, f.local.error);
  }

  switch (f.mirror.kind) {
    case 'off':
      return unchecked(
        `skipped by configuration: ${f.mirror.reason}; without a mirror to ask, the checksum database is not asked either (it fetches through the mirror)`,
      );
    case 'unreachable':
      return unchecked(
        `could not learn whether the mirror holds ${mv}: ${f.mirror.reason}; the checksum database was not asked (it fetches through the mirror)`,
      );
    case 'not-held':
      return unpublished(f);
    case 'held':
      break;
  }

  const sumdb = f.sumdb;
  const mirror = mirrorHashes(f);
  const local = f.local.kind === 'built' ? f.local.hashes : undefined;

  if (sumdb?.kind === 'found') {
    const rec = sumdb.hashes;
    if (f.rememberedSumdb !== undefined && differs(rec, f.rememberedSumdb)) {
      return unchecked(
        `the checksum database's record of ${mv} changed since an earlier scan (${whatDiffers(rec, f.rememberedSumdb, 'now', 'then')}); records never change, so the database or the state file cannot be trusted. Report it to the database's operator and check the state file`,
      );
    }
    if (mirror !== undefined && differs(mirror, rec)) {
      const also =
        local === undefined
          ? ''
          : differs(local, rec)
            ? '; the tag also differs from the record'
            : '; the tag still matches the record';
      return {
        status: 'mirror-differs',
        detail: `the mirror serves other bytes for ${mv} than the checksum database recorded: ${whatDiffers(mirror, rec, 'mirror', 'checksum database')}${also}. The go command refuses the download (SECURITY ERROR) wherever the database is checked`,
      };
    }
    return againstPublished(f, rec, 'the checksum database');
  }

  // No usable record: the mirror's bytes are the only published reference.
  const noRecord =
    sumdb === undefined
      ? 'the checksum database was not asked'
      : sumdb.kind === 'not-found'
        ? 'the checksum database has no record of it'
        : sumdb.kind === 'off'
          ? `the checksum database is skipped by configuration: ${sumdb.reason}`
          : `the checksum database could not be asked: ${sumdb.reason}`;
  if (mirror !== undefined) {
    if (sumdb?.kind === 'off' || sumdb?.kind === 'not-found') {
      return againstPublished(f, mirror, 'the mirror', noRecord);
    }
    // The database is unreachable: a difference from the mirror already
    // shows the tag moved; agreement proves nothing without the record.
    if (local !== undefined && differs(local, mirror)) {
      return againstPublished(f, mirror, 'the mirror', noRecord);
    }
  }
  const zipNote =
    f.mirrorZip?.kind === 'unreachable'
      ? `; the mirror's zip could not be downloaded: ${f.mirrorZip.reason}`
      : '';
  return unchecked(`${noRecord}${zipNote}`);
}

/** Compares the tag with the published bytes (`ref`, from `source`). */
function againstPublished(
  f: VersionFacts,
  ref: HashPair,
  source: string,
  note?: string,
): StatusDecision {
  const mv = `${f.modulePath}@${f.version}`;
  const noteText = note === undefined ? '' : ` (${note})`;
  const local = f.local;
  switch (local.kind) {
    case 'no-tag':
      // The mirror's zip was due and could not be read: its comparison with
      // the record is missing, which outweighs a warning.
      if (f.mirrorZip?.kind === 'unreachable') {
        return unchecked(
          `the repository has no tag ${f.tag}, and the mirror's zip could not be downloaded to compare with ${source}: ${f.mirrorZip.reason}`,
        );
      }
      return tagMissing(f, source);
    case 'failed':
      return unchecked(`the tag ${f.tag} could not be rebuilt: ${local.reason}`);
    case 'refused':
    case 'zip-error':
      return {
        status: 'moved',
        detail: `${f.tag} now points at ${short(f.commit)}, which can no longer become ${mv} (${local.error}), but ${source} holds it as published${noteText}`,
      };
    case 'built':
      break;
  }
  if (differs(local.hashes, ref)) {
    return {
      status: 'moved',
      detail: `${f.tag} now points at ${short(f.commit)}, whose rebuild differs from what ${source} holds for ${mv}: ${whatDiffers(local.hashes, ref, 'tag', source === 'the mirror' ? 'mirror' : 'checksum database')}${noteText}`,
    };
  }
  // A mirror's zip that should have been downloaded this run but was not
  // leaves the mirror unchecked (a remembered hash already checked it).
  if (f.mirrorZip?.kind === 'unreachable') {
    return unchecked(
      `the tag matches ${source}, but the mirror's zip could not be downloaded to compare: ${f.mirrorZip.reason}`,
    );
  }
  const withMirror =
    source !== 'the mirror' && mirrorHashes(f) !== undefined ? ' and the mirror' : '';
  return {
    status: 'ok',
    detail: `the rebuild of ${f.tag} (${short(f.commit)}) matches ${source}${withMirror}${noteText}`,
  };
}

function invalid(f: VersionFacts, why: string): StatusDecision {
  return {
    status: 'invalid',
    detail: `${why}; the version was sent to neither the mirror nor the checksum database`,
    fix: `Delete the tag (\`git push origin :refs/tags/${f.tag}\`): the go command will never use it for ${f.modulePath}. Fix what Go names and tag a version it accepts instead.`,
  };
}

function unpublished(f: VersionFacts): StatusDecision {
  const mv = `${f.modulePath}@${f.version}`;
  if (f.local.kind === 'no-tag') {
    return {
      status: 'unpublished',
      detail: `${mv} is neither tagged nor held by the mirror (it is only named, e.g. by a retract directive); nothing was asked`,
    };
  }
  return {
    status: 'unpublished',
    detail: `the mirror does not hold ${mv}, so neither it nor the checksum database was asked (asking would publish it)`,
    fix: `If ${f.tag} is a release, publish it: \`GOPROXY=https://proxy.golang.org go list -m ${mv}\` (or \`modseal verify --tag ${f.tag}\`). If it was never meant to be one, delete the tag.`,
  };
}

function tagMissing(f: VersionFacts, source: string): StatusDecision {
  const mv = `${f.modulePath}@${f.version}`;
  const commit = f.publishedCommit;
  return {
    status: 'tag-missing',
    detail: `${source} holds ${mv}, but the repository has no tag ${f.tag}: anyone building with GOPROXY=direct (or a private proxy) cannot get it`,
    fix:
      commit === undefined
        ? `Push ${f.tag} again at the commit it was published from, or retract ${f.version} in a newer version.`
        : `Push the tag again at the commit it was published from: \`git tag ${f.tag} ${commit} && git push origin ${f.tag}\``,
  };
}

function unchecked(detail: string): StatusDecision {
  return { status: 'unchecked', detail };
}

// ---------------------------------------------------------------------------
// Verdict and counts.

/**
 * A version with a problem that the module's latest go.mod already retracts:
 * the maintainer has done what can be done (the mirror keeps the first bytes
 * forever), so it no longer fails the scan nor keeps its issue open. An
 * invalid tag is never handled that way: the fix is deleting it.
 */
export function handledByRetraction(r: { status: ScanStatus; retracted?: string }): boolean {
  return r.retracted !== undefined && r.status !== 'invalid' && PROBLEMS.has(r.status);
}

/** Whether the version needs the maintainer (a problem not yet retracted). */
export function needsAction(r: { status: ScanStatus; retracted?: string }): boolean {
  return PROBLEMS.has(r.status) && !handledByRetraction(r);
}

/** Whether the version fails the scan. */
export function isFailing(r: { status: ScanStatus; retracted?: string }): boolean {
  return FAILING.has(r.status) && !handledByRetraction(r);
}

/**
 * The release gate's rule: any `moved`, `invalid` or `mirror-differs` (not
 * already retracted) fails the scan even when other versions are unchecked;
 * otherwise any `unchecked` makes it inconclusive; else it passes
 * (`tag-missing` and `unpublished` are warnings).
 */
export function scanVerdict(
  results: readonly { status: ScanStatus; retracted?: string }[],
): Verdict {
  if (results.some(isFailing)) return 'fail';
  if (results.some((r) => r.status === 'unchecked')) return 'inconclusive';
  return 'pass';
}

/** The documented exit status of a verdict: 0 pass, 1 fail, 3 inconclusive. */
export function exitCodeOf(verdict: Verdict): 0 | 1 | 3 {
  return verdict === 'fail' ? 1 : verdict === 'inconclusive' ? 3 : 0;
}

/** How many versions have each status (every status present, zeros included). */
export function countStatuses(
  results: readonly { status: ScanStatus }[],
): Record<ScanStatus, number> {
  const counts = Object.fromEntries(SCAN_STATUSES.map((s) => [s, 0])) as Record<ScanStatus, number>;
  for (const r of results) counts[r.status]++;
  return counts;
}

// The way out for a module whose published versions no longer match their
// tags (or whose mirror serves other bytes than the database recorded): the
// mirror keeps the first bytes forever, so the fix is one new version that
// retracts them all. The go command reads `retract` only from the go.mod of
// the module's latest version (the highest release of the module path, else
// the highest prerelease, retractions ignored), so that version must be above
// every version seen of the whole module path: v0 and v1 are one path, and a
// v0.x fix published while v1.y exists would never be read.
import { isPseudoVersion } from '../../module/index.js';
import { compare, prerelease, sortVersions } from '../../semver/index.js';
import { nextVersion } from '../version.js';
import { maySend } from './status.js';

/** The statuses a retraction answers. */
export type RetractedStatus = 'moved' | 'mirror-differs';

export interface RemedyInput {
  modulePath: string;
  /** The module's tag prefix ('' at the repository root, `sub/` for a module in `sub/`). */
  tagPrefix?: string;
  /** Repository-relative path of the module's go.mod (for the instructions). */
  goModPath?: string;
  /** The versions to retract and why. */
  affected: readonly { version: string; status: RetractedStatus }[];
  /**
   * Every version known of the module path: its tags, the mirror's list,
   * the database's records and the state file. The next version goes above
   * all of them.
   */
  seen: readonly string[];
}

export interface ModuleRemedy {
  module: string;
  /** The retracted versions, in semver order. */
  versions: string[];
  /** The version to publish with the retract lines; absent when none can carry them (see note). */
  nextVersion?: string;
  /** The tag that publishes nextVersion. */
  tag?: string;
  goModPath?: string;
  /** The go.mod text to paste: one `retract` line, or a `retract ( … )` block. */
  retract: string;
  /** Why there is no next version, or what else to know. */
  note?: string;
}

const REASON: Record<RetractedStatus, string> = {
  moved: 'tag moved after publication',
  'mirror-differs': 'the mirror serves other bytes than the checksum database recorded',
};

/** The rationale comment of a retraction, naming the version to use when there is one. */
export function retractRationale(status: RetractedStatus, next: string | undefined): string {
  return next === undefined ? REASON[status] : `${REASON[status]}; use ${next}`;
}

/**
 * The version the go command will read retractions from once published: the
 * next patch above the highest release of the module path, or, when the
 * path has no release yet, the next prerelease above the highest one
 * (nextVersion of ../version.ts does the stepping and skips taken versions).
 * Only compatible versions count as the base: a `+incompatible` version has
 * no go.mod to carry a retraction, and once the highest compatible version
 * has a go.mod (this one will) the go command leaves the `+incompatible`
 * ones out of "latest". Undefined when the path has no compatible version
 * at all.
 */
export function nextVersionAbove(modulePath: string, seen: readonly string[]): string | undefined {
  const usable = [...new Set(seen)].filter((v) => maySend(modulePath, v) && !isPseudoVersion(v));
  const compatible = usable.filter((v) => !v.endsWith('+incompatible'));
  const highest = (list: string[]): string | undefined =>
    list.reduce<string | undefined>(
      (m, v) => (m === undefined || compare(v, m) > 0 ? v : m),
      undefined,
    );
  const base =
    highest(compatible.filter((v) => prerelease(v) === '')) ??
    highest(compatible.filter((v) => prerelease(v) !== ''));
  if (base === undefined) return undefined;
  const next = nextVersion(base, usable);
  return next === '' ? undefined : next;
}

/**
 * The retract block for one module: consecutive retracted versions (in the
 * order of every version seen, with the same reason) become one interval,
 * so a repository that re-tagged hundreds of versions gets a short block
 * that still retracts nothing it should not. Undefined when nothing is affected.
 */
export function moduleRemedy(input: RemedyInput): ModuleRemedy | undefined {
  const path = input.modulePath;
  const affected = new Map<string, RetractedStatus>();
  for (const a of input.affected) {
    // Never advise retracting a version Go refuses (it cannot be named in a
    // request either); the status rules never mark one moved, this guards the input.
    if (maySend(path, a.version)) affected.set(a.version, a.status);
  }
  if (affected.size === 0) return undefined;

  const next = nextVersionAbove(path, [...input.seen, ...affected.keys()]);
  const all = sortVersions(
    [...new Set([...input.seen, ...affected.keys()])].filter((v) => maySend(path, v)),
  );
  const runs: { low: string; high: string; status: RetractedStatus }[] = [];
  let open: { low: string; high: string; status: RetractedStatus } | undefined;
  for (const v of all) {
    const status = affected.get(v);
    if (status !== undefined && open?.status === status) {
      open.high = v;
      continue;
    }
    open = status === undefined ? undefined : { low: v, high: v, status };
    if (open !== undefined) runs.push(open);
  }
  const lines = runs.map(
    (r) =>
      `${r.low === r.high ? r.low : `[${r.low}, ${r.high}]`} // ${retractRationale(r.status, next)}`,
  );
  const retract =
    lines.length === 1
      ? `retract ${lines[0]}`
      : `retract (\n${lines.map((l) => `\t${l}`).join('\n')}\n)`;

  const remedy: ModuleRemedy = {
    module: path,
    versions: sortVersions([...affected.keys()]),
    retract,
  };
  if (input.goModPath !== undefined) remedy.goModPath = input.goModPath;
  if (next !== undefined) {
    remedy.nextVersion = next;
    remedy.tag = `${input.tagPrefix ?? ''}${next}`;
  } else {
    remedy.note =
      `every version of ${path} is +incompatible (published without a go.mod), so no version can carry a retraction; ` +
      `adding a go.mod and publishing a v0 or v1 version would make that the latest version instead of the +incompatible ones`;
  }
  return remedy;
}

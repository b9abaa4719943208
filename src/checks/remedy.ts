// The way out of a version whose published bytes are not the tag's: never
// "move it back" (the mirror keeps the first bytes), but a next version that
// retracts it. The next version must be above every published release of
// the major line (only the latest version's retract lines count), so it
// comes from all that was seen: the local tags, the mirror's version list
// and the versions the checksum database vouched for. It is only ever
// advised, never sent anywhere.
import { stripIncompatible } from './context.js';
import { remedyCaveat } from './findings.js';
import type { ListAnswer } from './ports.js';
import type { Remedy } from './types.js';
import { nextVersion } from './version.js';

export interface RemedyFacts {
  modulePath: string;
  version: string;
  tag: string;
  /** Other version tags of the module in the repository. */
  existingVersions?: readonly string[];
  /** The checkout is shallow: existingVersions may miss published versions. */
  shallow?: boolean;
  /** The mirror's version list, when it was asked. */
  listed?: ListAnswer;
  /** Why the list was not asked (no mirror, mirror down, deadline). */
  listUnavailable?: string;
  /** The checksum database holds a record of this version. */
  sumdbVouched: boolean;
}

/** The next version and the retract line, with a caveat when higher versions may be unseen; undefined for an invalid version. */
export function remedyFor(f: RemedyFacts): Remedy | undefined {
  const next = nextVersion(f.version, [
    ...(f.existingVersions ?? []),
    ...(f.listed?.kind === 'ok' ? f.listed.versions : []),
    ...(f.sumdbVouched ? [f.version] : []),
  ]);
  if (next === '') return undefined;
  const remedy: Remedy = {
    nextVersion: next,
    retract: `retract ${f.version} // tag ${f.tag} moved after publication; use ${next}`,
  };
  const caveat = caveatFor(f);
  if (caveat !== undefined) remedy.caveat = caveat;
  return remedy;
}

/**
 * Why the advised version may be too low: the versions it must exceed could
 * not all be seen. The mirror's list (or its "none") settles it; without it,
 * a shallow checkout or one with no other version tag of the module may miss
 * a higher release.
 */
function caveatFor(f: RemedyFacts): string | undefined {
  if (f.listed?.kind === 'ok' || f.listed?.kind === 'not-found') return undefined;
  const base = stripIncompatible(f.version);
  const others = (f.existingVersions ?? []).filter((v) => v !== base && v !== f.version);
  if (f.shallow !== true && others.length > 0) return undefined;
  const why =
    f.listed?.kind === 'unreachable' ? f.listed.reason : (f.listUnavailable ?? 'it was not asked');
  return remedyCaveat({
    version: f.version,
    path: f.modulePath,
    shallow: f.shallow === true,
    why,
  });
}

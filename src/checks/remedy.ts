// The way out of a version whose published bytes are not the tag's: never
// "move it back" (the mirror keeps the first bytes), but a next version that
// retracts it. The next version must be above every published release of
// the major line (only the latest version's retract lines count), so it
// comes from all that was seen: the local tags, the mirror's version list
// and the versions the checksum database vouched for. It is only ever
// advised, never sent anywhere.
import { stripIncompatible } from './context.js';
import { remedyCaveat } from './findings.js';
import type { ListAnswer, LocalModule } from './ports.js';
import type { Remedy } from './types.js';
import { nextVersion } from './version.js';

/** What was seen of the mirror's version list. */
export interface ListSeen {
  /** The mirror's version list, when it was asked. */
  listed?: ListAnswer | undefined;
  /** Why the list was not asked (no mirror, mirror down, deadline). */
  listUnavailable?: string | undefined;
}

export interface RemedyFacts {
  local: Pick<LocalModule, 'modulePath' | 'version' | 'existingVersions' | 'shallow'>;
  tag: string;
  seen: ListSeen;
  /** The checksum database holds a record of this version. */
  sumdbVouched: boolean;
}

/** The next version and the retract line, with a caveat when higher versions may be unseen; undefined for an invalid version. */
export function remedyFor(f: RemedyFacts): Remedy | undefined {
  const { version } = f.local;
  const listed = f.seen.listed;
  const next = nextVersion(version, [
    ...(f.local.existingVersions ?? []),
    ...(listed?.kind === 'ok' ? listed.versions : []),
    ...(f.sumdbVouched ? [version] : []),
  ]);
  if (next === '') return undefined;
  const remedy: Remedy = {
    nextVersion: next,
    retract: `retract ${version} // tag ${f.tag} moved after publication; use ${next}`,
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
  const { listed, listUnavailable } = f.seen;
  const { version, shallow } = f.local;
  if (listed?.kind === 'ok' || listed?.kind === 'not-found') return undefined;
  const base = stripIncompatible(version);
  const others = (f.local.existingVersions ?? []).filter((v) => v !== base && v !== version);
  if (shallow !== true && others.length > 0) return undefined;
  const why =
    listed?.kind === 'unreachable' ? listed.reason : (listUnavailable ?? 'it was not asked');
  return remedyCaveat({ version, path: f.local.modulePath, shallow: shallow === true, why });
}

// The one version operation specific to the release gate: the next free
// version to suggest as a remedy. Parsing and ordering are Go's semver rules
// from src/semver.
import { build, canonical, compare, major, majorMinor, prerelease } from '../semver/index.js';

function increment(n: string): string {
  return (BigInt(n) + 1n).toString();
}

/**
 * The version to publish instead of a broken `version`: the next patch
 * (`v1.2.3` → `v1.2.4`), or for a prerelease the next prerelease
 * (`v1.2.3-rc.1` → `v1.2.3-rc.2`, `v1.2.3-beta` → `v1.2.3-beta.1`).
 * A release goes past the highest release of its major version, v0 and v1
 * counting as one (`v1.2.3` with `v1.3.0` tagged → `v1.3.1`; `v0.3.0` with
 * `v1.2.0` tagged → `v1.2.1`): the go command reads `retract`
 * only from the go.mod of the module's latest version, so the remedy must
 * become the latest to hide the broken one. `+incompatible` is kept because
 * it belongs to the module's versioning. Returns '' for an invalid version.
 */
export function nextVersion(version: string, taken: readonly string[] = []): string {
  let candidate = canonical(version);
  if (candidate === '') return '';
  const suffix = build(version) === '+incompatible' ? '+incompatible' : '';
  const used = new Set(taken.map((t) => canonical(t)).filter((t) => t !== ''));
  // v0 and v1 share one module path (no /vN suffix), so a v0 remedy must
  // also go past the highest v1 release: that one's go.mod is what the go
  // command reads retractions from.
  const line0or1 = (v: string): string => (major(v) === 'v0' ? 'v1' : major(v));
  if (prerelease(candidate) === '') {
    for (const t of used) {
      if (
        prerelease(t) === '' &&
        line0or1(t) === line0or1(candidate) &&
        compare(t, candidate) > 0
      ) {
        candidate = t;
      }
    }
  }
  const line = majorMinor(candidate);
  for (;;) {
    // A canonical version is `vX.Y.Z[-pre]`, so the patch sits between the
    // minor line and the prerelease.
    const pre = prerelease(candidate);
    const patch = candidate.slice(line.length + 1, candidate.length - pre.length);
    if (pre === '') {
      candidate = `${line}.${increment(patch)}`;
    } else {
      const ids = pre.slice(1).split('.');
      const last = ids[ids.length - 1] ?? '';
      if (/^[0-9]+$/.test(last)) ids[ids.length - 1] = increment(last);
      else ids.push('1');
      candidate = `${line}.${patch}-${ids.join('.')}`;
    }
    if (!used.has(candidate)) return candidate + suffix;
  }
}

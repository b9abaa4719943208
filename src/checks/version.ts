// The few Go semantic-version operations the release gate needs (ordering
// for retract intervals, and the next free version for a remedy). Go's rules
// differ from node-semver: a leading `v`, `vX`/`vX.Y` shorthands, and
// prerelease ordering by identifier kind.

interface Parsed {
  major: string;
  minor: string;
  patch: string;
  /** Dot-separated identifiers, empty when there is none. */
  prerelease: string[];
  build: string;
  /** Written as `vX` or `vX.Y`. */
  short: boolean;
}

const NUM = /^(0|[1-9][0-9]*)$/;
const IDENT = /^[0-9A-Za-z-]+$/;

function parse(v: string): Parsed | undefined {
  const m = /^v([0-9]+)(?:\.([0-9]+)(?:\.([0-9]+))?)?(?:-([^+]*))?(?:\+(.*))?$/.exec(v);
  if (m === null) return undefined;
  const [, major = '', minor, patch, pre, build] = m;
  for (const n of [major, minor, patch]) if (n !== undefined && !NUM.test(n)) return undefined;
  const short = patch === undefined;
  if (short && (pre !== undefined || build !== undefined)) return undefined;
  const prerelease = pre === undefined ? [] : pre.split('.');
  if (pre !== undefined) {
    for (const id of prerelease) {
      if (!IDENT.test(id)) return undefined;
      if (/^[0-9]+$/.test(id) && !NUM.test(id)) return undefined;
    }
  }
  if (build !== undefined && !build.split('.').every((id) => IDENT.test(id))) return undefined;
  return {
    major,
    minor: minor ?? '0',
    patch: patch ?? '0',
    prerelease,
    build: build ?? '',
    short,
  };
}

/** Whether v is a valid Go semantic version. */
export function isValid(v: string): boolean {
  return parse(v) !== undefined;
}

/** Go's canonical form (`v1.2` → `v1.2.0`, build metadata dropped), or '' when invalid. */
export function canonical(v: string): string {
  const p = parse(v);
  if (p === undefined) return '';
  const pre = p.prerelease.length > 0 ? '-' + p.prerelease.join('.') : '';
  return `v${p.major}.${p.minor}.${p.patch}${pre}`;
}

function compareNum(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareIdent(a: string, b: string): number {
  const an = /^[0-9]+$/.test(a);
  const bn = /^[0-9]+$/.test(b);
  if (an && bn) return compareNum(a, b);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Go's semver.Compare: invalid sorts below every valid version; build metadata is ignored. */
export function compare(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (pa === undefined || pb === undefined) {
    if (pa === pb) return 0;
    return pa === undefined ? -1 : 1;
  }
  for (const key of ['major', 'minor', 'patch'] as const) {
    const c = compareNum(pa[key], pb[key]);
    if (c !== 0) return c;
  }
  const xa = pa.prerelease;
  const xb = pb.prerelease;
  if (xa.length === 0 || xb.length === 0) {
    if (xa.length === xb.length) return 0;
    return xa.length === 0 ? 1 : -1;
  }
  for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
    const c = compareIdent(xa[i] ?? '', xb[i] ?? '');
    if (c !== 0) return c;
  }
  return xa.length === xb.length ? 0 : xa.length < xb.length ? -1 : 1;
}

function increment(n: string): string {
  return (BigInt(n) + 1n).toString();
}

/**
 * The version to publish instead of a broken `version`: the next patch
 * (`v1.2.3` → `v1.2.4`), or for a prerelease the next prerelease
 * (`v1.2.3-rc.1` → `v1.2.3-rc.2`, `v1.2.3-beta` → `v1.2.3-beta.1`), so the
 * remedy stays on the line the maintainer chose. Versions already tagged are
 * skipped (a release goes past the highest patch of its minor line). `+incompatible` is kept because it belongs to the module's versioning.
 */
export function nextVersion(version: string, taken: readonly string[] = []): string {
  const p = parse(version);
  if (p === undefined) return '';
  const suffix = p.build === 'incompatible' ? '+incompatible' : '';
  const used = new Set(taken.map((t) => canonical(t)).filter((t) => t !== ''));
  let candidate = canonical(version);
  if (p.prerelease.length === 0) {
    // Go past the highest patch already tagged on this minor line, so the
    // remedy becomes the newest version of the line.
    for (const t of used) {
      const q = parse(t);
      if (q === undefined || q.prerelease.length > 0) continue;
      if (q.major === p.major && q.minor === p.minor && compare(t, candidate) > 0) candidate = t;
    }
  }
  for (;;) {
    const c = parse(candidate);
    if (c === undefined) return '';
    if (c.prerelease.length === 0) {
      candidate = `v${c.major}.${c.minor}.${increment(c.patch)}`;
    } else {
      const ids = [...c.prerelease];
      const last = ids[ids.length - 1] ?? '';
      if (/^[0-9]+$/.test(last)) ids[ids.length - 1] = increment(last);
      else ids.push('1');
      candidate = `v${c.major}.${c.minor}.${c.patch}-${ids.join('.')}`;
    }
    if (!used.has(candidate)) return candidate + suffix;
  }
}

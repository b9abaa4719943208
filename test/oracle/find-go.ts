// Which go command judges the tests. The oracle is today's Go, the one the
// public mirror runs: scripts/go-oracle.sh unpacks the newest toolchain that
// Debian's newest suite ships (and x/mod of the same era) under
// .cache/go-oracle/, and this module finds it there. MODSEAL_GO names another
// go binary instead; a `go` on the PATH is taken only when it is modern
// enough, so an old system Go never silently stands in for today's.
//
// No vitest here: the benchmarks use it too.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The oldest Go accepted as the oracle: it reads every current go.mod directive (`ignore`). */
export const MIN_ORACLE_MINOR = 25;

// Found by walking up, since the benchmarks run this file bundled elsewhere.
function findRepoRoot(): string {
  let dir = import.meta.dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'scripts', 'go-oracle.sh'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(import.meta.dirname, '../..');
    dir = up;
  }
}
const repoRoot = findRepoRoot();
/** Where scripts/go-oracle.sh unpacks the toolchain. */
export const oracleCacheRoot = path.join(repoRoot, '.cache', 'go-oracle', 'root');

export interface GoToolchain {
  /** Absolute path of the go binary (or `go` for the PATH's). */
  bin: string;
  /** `go env GOVERSION`, e.g. `go1.27.3`. */
  version: string;
  /** Minor version: 27 for go1.27.3. */
  minor: number;
  /** GOROOT: the standard library's and cmd/go's sources (some tests read Go's own test tables there). */
  goroot: string;
}

function probe(bin: string): GoToolchain | undefined {
  try {
    const [version = '', goroot = ''] = execFileSync(bin, ['env', 'GOVERSION', 'GOROOT'], {
      encoding: 'utf8',
      env: { ...process.env, GOENV: 'off', GOTOOLCHAIN: 'local', GOFLAGS: '' },
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 30_000,
    })
      .trim()
      .split('\n');
    const m = /^go1\.(\d+)/.exec(version);
    if (m === null) return undefined;
    return { bin, version, minor: Number(m[1]), goroot };
  } catch {
    return undefined;
  }
}

function cachedToolchains(): string[] {
  const lib = path.join(oracleCacheRoot, 'usr', 'lib');
  let names: string[];
  try {
    names = readdirSync(lib);
  } catch {
    return [];
  }
  return names
    .filter((n) => /^go-1\.\d+$/.test(n))
    .sort((a, b) => Number(b.slice(5)) - Number(a.slice(5)))
    .map((n) => path.join(lib, n, 'bin', 'go'))
    .filter((b) => existsSync(b));
}

/** Why no oracle was found, for the banner; undefined when one was. */
export let oracleMissingReason: string | undefined;

function findOracle(): GoToolchain | undefined {
  const named = process.env['MODSEAL_GO'];
  if (named !== undefined && named !== '') {
    const t = probe(named);
    if (t === undefined) oracleMissingReason = `MODSEAL_GO=${named} does not run`;
    else if (t.minor < MIN_ORACLE_MINOR)
      oracleMissingReason = `MODSEAL_GO=${named} is ${t.version}, older than go1.${MIN_ORACLE_MINOR}`;
    else return t;
    return undefined;
  }
  for (const bin of cachedToolchains()) {
    const t = probe(bin);
    if (t !== undefined && t.minor >= MIN_ORACLE_MINOR) return t;
  }
  const onPath = probe('go');
  if (onPath !== undefined && onPath.minor >= MIN_ORACLE_MINOR) return onPath;
  oracleMissingReason =
    onPath === undefined
      ? 'no go toolchain found (.cache/go-oracle is empty and no go is on the PATH)'
      : `the go on the PATH is ${onPath.version}, older than go1.${MIN_ORACLE_MINOR}, and .cache/go-oracle is empty`;
  return undefined;
}

/** Today's Go, the judge of every differential test; undefined when it cannot be had. */
export const oracle: GoToolchain | undefined = findOracle();
export const goVersion: string | undefined = oracle?.version;
export const hasGo = oracle !== undefined;

/** The go binary to spawn: only call under `describeWithGo`. */
export function goBin(): string {
  if (oracle === undefined) throw new Error('the Go oracle is not available');
  return oracle.bin;
}

/**
 * The x/mod source the oracle programs build against: the one unpacked
 * beside the oracle, of the same era as its go command; MODSEAL_XMOD names
 * another.
 */
export function xmodDir(): string {
  const named = process.env['MODSEAL_XMOD'];
  if (named !== undefined && named !== '') return named;
  const cached = path.join(
    oracleCacheRoot,
    'usr',
    'share',
    'gocode',
    'src',
    'golang.org',
    'x',
    'mod',
  );
  if (existsSync(cached)) return cached;
  return '/usr/share/gocode/src/golang.org/x/mod';
}

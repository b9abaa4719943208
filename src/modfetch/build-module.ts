// From (repository, module path, query) to what `go mod download` records:
// the resolved version and time, the .mod bytes and its hash, the zip's file
// list and h1, or Go's error text at the stage where Go would stop.
import { hash1, hashGoMod } from '../dirhash/index.js';
import { errorMessage } from '../internal/errors.js';
import { checkPath } from '../module/index.js';
import {
  checkedFilesError,
  checkFiles,
  checkModuleVersion,
  ModZipError,
  type ZipSourceFile,
} from '../modzip/index.js';
import * as semver from '../semver/index.js';
import type { CodeHost } from './code-host.js';
import { CodeRepo, type ZipListingFile } from './code-repo.js';

export interface OmittedFile {
  path: string;
  reason: string;
}

/** Everything `go mod download -json` reports for one module version. */
export interface BuiltModule {
  modulePath: string;
  /** The resolved version (may gain +incompatible), or the query when resolution failed. */
  version: string;
  /** Full commit hash, once resolved. */
  commit?: string;
  /** Committer time as RFC 3339 UTC (the `.info` Time), once resolved. */
  time?: string;
  /** Exact `.mod` bytes. */
  goMod?: Buffer;
  /** `h1:` of the `.mod` (the go.sum `/go.mod` line). */
  goModSum?: string;
  /** `h1:` of the zip, when the zip can be built. */
  sum?: string;
  /** Module directory inside the repository. */
  dir?: string;
  files?: {
    /** Files in the zip (paths relative to the module root), in archive order. */
    kept: KeptFile[];
    omitted: OmittedFile[];
    invalid: OmittedFile[];
  };
  /** Go's error text (as after `not found: ` at the mirror). */
  error?: string;
  /**
   * What `error` is about: `zip` when the tree cannot become a module zip
   * (Go's `create zip: …`), `version` when Go refuses the version itself.
   */
  errorKind?: 'version' | 'zip';
}

export interface KeptFile {
  path: string;
  size: number;
  sha256: string;
}

export interface BuildRequest {
  modulePath: string;
  /** Import path of the repository root. */
  codeRoot: string;
  /** A canonical version, `latest`, or a branch, tag or commit hash. */
  query: string;
}

/** RFC 3339 in UTC without fractions, as Go marshals a time.Time in `.info`. */
export function infoTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** The go.sum lines for a built module (zip line first), as Go writes them. */
export function goSumLines(m: BuiltModule): string[] {
  const lines: string[] = [];
  if (m.sum !== undefined) lines.push(`${m.modulePath} ${m.version} ${m.sum}`);
  if (m.goModSum !== undefined) lines.push(`${m.modulePath} ${m.version}/go.mod ${m.goModSum}`);
  return lines;
}

/**
 * Resolves `query` for the module as `go mod download` does (an exact
 * version through Stat, `latest` through the version list, anything else as
 * a revision). Throws Go's error.
 */
export async function resolveVersion(repo: CodeRepo, query: string) {
  if (query !== 'latest') return repo.stat(query);
  const versions = await repo.versions('');
  const retracted = await retractedOf(repo, versions);
  const allowed = versions.filter((v) => !retracted(v));
  const release = allowed.filter((v) => semver.prerelease(v) === '').at(-1);
  const pick = release ?? allowed.at(-1);
  if (pick !== undefined) return repo.stat(pick);
  return repo.latest();
}

async function retractedOf(repo: CodeRepo, versions: string[]): Promise<(v: string) => boolean> {
  try {
    return await repo.retractions(versions);
  } catch {
    return () => false;
  }
}

/**
 * Builds the module version as the go command (and so the mirror) would:
 * `.info`, `.mod`, zip file list and hashes, stopping with Go's error text
 * at the first stage that fails. Never throws for Go-level failures; the
 * code host may throw for I/O trouble.
 */
export async function buildModule(code: CodeHost, req: BuildRequest): Promise<BuiltModule> {
  const out: BuiltModule = { modulePath: req.modulePath, version: req.query };
  const pathErr = checkPath(req.modulePath);
  if (pathErr !== undefined) return failed(out, pathErr);
  let repo: CodeRepo;
  try {
    repo = new CodeRepo(code, req.codeRoot, req.modulePath);
  } catch (e) {
    return failed(out, e);
  }
  let version: string;
  try {
    const r = await resolveVersion(repo, req.query);
    version = r.version;
    Object.assign(out, { version, commit: r.name, time: infoTime(r.time) });
  } catch (e) {
    return failed(out, e);
  }
  try {
    out.goMod = await repo.goMod(version);
    out.goModSum = hashGoMod(out.goMod);
  } catch (e) {
    return failed(out, e);
  }
  try {
    const listing = await repo.zipFiles(version);
    out.dir = listing.dir;
    const zipErr = checkModuleVersion({ path: req.modulePath, version });
    if (zipErr !== undefined) throw new ModZipError('create zip', zipErr);
    const sources = listing.files.map(toSource);
    const checked = checkFiles(sources, listing.goMod);
    const byPath = new Map(listing.files.map((f) => [f.path, f]));
    const kept = checked.valid.map((p) => byPath.get(p) as ZipListingFile);
    out.files = {
      kept: kept.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256.toString('hex') })),
      omitted: checked.omitted.map((f) => ({ path: f.path, reason: f.reason })),
      invalid: checked.invalid.map((f) => ({ path: f.path, reason: f.reason })),
    };
    const err = checkedFilesError(checked);
    if (err !== undefined) throw new ModZipError('create zip', err);
    const prefix = `${req.modulePath}@${version}/`;
    out.sum = hash1(kept.map((f) => ({ name: prefix + f.path, sha256: f.sha256 })));
  } catch (e) {
    return failed(out, e);
  }
  return out;
}

/** Records Go's error text and whether it is the zip's (a ModZipError from `create zip`). */
function failed(out: BuiltModule, e: unknown): BuiltModule {
  out.error = errorMessage(e);
  out.errorKind = e instanceof ModZipError && e.verb === 'create zip' ? 'zip' : 'version';
  return out;
}

function toSource(f: ZipListingFile): ZipSourceFile {
  return {
    path: f.path,
    kind: f.kind,
    size: f.size,
    open: () => Promise.reject(new Error('content is not kept in the hashing pass')),
  };
}

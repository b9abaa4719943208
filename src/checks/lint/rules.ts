// The lint's rules: pure decisions over a module's go.mod, its tags, the
// version it is about to release and what the mirror and the checksum
// database already hold, each returning findings in the lint's positions
// (./types.ts). Where the go command has a verdict, the rule follows cmd/go:
// `version-invalid` is modfetch.codeRepo's check of a version against the
// module path once the go command has found the module's go.mod;
// `module-path-mismatch` is where codeRepo.findDir looks for that go.mod.

import { goQuote } from '../../internal/go-quote.js';
import {
  checkPath,
  isPseudoVersion,
  matchPathMajor,
  pathMajorPrefix,
  splitPathVersion,
} from '../../module/index.js';
import { isGopkgIn } from '../../module/index.js';
import type { VersionInterval } from '../../modfile/index.js';
import { readImports, moduleGoFiles, oldMajorImports } from '../../imports/index.js';
import { build, canonical, compare, major, prerelease } from '../../semver/index.js';
import { nextVersion } from '../version.js';
import { columnAtOffset } from './columns.js';
import { unrecognisedDeprecations } from './deprecation.js';
import * as F from './findings.js';
import { whereIs, type GoModView } from './gomod.js';
import { isVersionTag, lineTags, type LineOptions, type NextVersion } from './tree.js';
import type { LintFinding } from './types.js';

/** What the mirror and the checksum database already hold for a module path. */
export interface PublishedFacts {
  /**
   * The mirror's versions of the module path (its version list, or what its
   * cached-only view answered), `+incompatible` ones as it names them;
   * undefined when it was not asked (offline, unreachable).
   */
  mirror?: { name: string; versions: readonly string[] };
  /** Versions the checksum database has a record of, among those asked. */
  sumdb?: { name: string; versions: readonly string[] };
}

function atModule(view: GoModView): F.At {
  return { ...view.moduleAt, module: view.modulePath };
}

function stripIncompatible(v: string): string {
  return build(v) === '+incompatible' ? v.slice(0, -'+incompatible'.length) : v;
}

function publishedVersions(p: PublishedFacts | undefined): string[] {
  return [...(p?.mirror?.versions ?? []), ...(p?.sumdb?.versions ?? [])];
}

/**
 * `version-invalid`: the go command refuses `next` for the module path go.mod
 * declares, with its own text (`path@version: invalid version: …`). Assumes
 * the go command finds this go.mod for the path, which
 * {@link modulePathMismatchFindings} checks: when it would look elsewhere,
 * that is the finding to report instead.
 */
export function versionInvalidFinding(view: GoModView, next: NextVersion): LintFinding | undefined {
  const path = view.modulePath;
  if (path === '') return undefined;
  const v = next.version;
  const at = atModule(view);
  const prefix = next.tag.slice(0, next.tag.length - v.length);
  if (!isVersionTag(v)) {
    // The go command lists only tags that are exactly canonical and not
    // shaped like pseudo-versions: such a tag is never a version. (The same
    // words as the release gate's.)
    const pseudo = isPseudoVersion(v);
    const text = pseudo
      ? `tag ${next.tag}: version ${JSON.stringify(v)} has the form of a pseudo-version; the go command ignores such tags`
      : `tag ${next.tag}: version ${JSON.stringify(v)} is not canonical (should be ${JSON.stringify(canonical(v))}); the go command ignores such tags`;
    const fix = pseudo
      ? 'Tag a plain version (vX.Y.Z, or vX.Y.Z-pre for a prerelease).'
      : `Tag ${prefix}${canonical(v)} instead.`;
    return F.versionInvalid(text, at, fix);
  }
  const perr = checkPath(path);
  if (perr !== undefined) {
    return F.versionInvalid(
      `${path}@${v}: ${perr.message}`,
      at,
      'Nobody can fetch a module under a malformed path: fix the module directive (a module path starts with a domain name and has no spaces or special characters).',
    );
  }
  const { prefix: pathPrefix, pathMajor } = splitPathVersion(path);
  if (matchPathMajor(v, pathMajor)) return undefined;
  const m = major(v);
  const implied = F.impliedNote(next);
  if (pathMajor !== '') {
    const own = pathMajorPrefix(pathMajor);
    return F.versionInvalid(
      `${path}@${v}: invalid version: module path includes a major version suffix, so major version must match`,
      at,
      `The module path ends in ${pathMajor}, so its versions are ${own}.x.y: tag ${prefix}${own}.… instead, or, for ${m}, change the module path to match.${implied}`,
    );
  }
  return F.versionInvalid(
    `${path}@${v}: invalid version: module contains a go.mod file, so module path must match major version (${goQuote(`${pathPrefix}/${m}`)})`,
    at,
    `From ${m} on, the module path must end in /${m}: change the module directive to "module ${pathPrefix}/${m}" and every import of the module's own packages to ${pathPrefix}/${m}/… (https://go.dev/ref/mod#major-version-suffixes), or release a v0/v1 version instead.${implied}`,
  );
}

/** A module of the tree as the path rules see it. */
export interface PlacedModule {
  dir: string;
  view: GoModView;
}

function inspectable(path: string): boolean {
  return path !== '' && checkPath(path) === undefined;
}

/**
 * The repository's module path (the go command's code root): `given`, else
 * the root module's path without its major suffix (a gopkg.in path is its
 * own root), else undefined.
 */
export function repositoryPath(
  modules: readonly PlacedModule[],
  given?: string,
): string | undefined {
  if (given !== undefined && given !== '') return given.replace(/\/+$/, '');
  const root = modules.find((m) => m.dir === '')?.view.modulePath ?? '';
  if (!inspectable(root)) return undefined;
  return isGopkgIn(root) ? root : splitPathVersion(root).prefix;
}

function isMajorElem(elem: string): boolean {
  return /^v[1-9][0-9]*$/.test(elem) && elem !== 'v1';
}

function lastElem(dir: string): string {
  return dir.slice(dir.lastIndexOf('/') + 1);
}

function joinDir(a: string, b: string): string {
  return a === '' ? b : b === '' ? a : `${a}/${b}`;
}

/**
 * The directories, relative to the repository root `root`, where the go
 * command looks for the go.mod of `path` (codeRepo.findDir): the path's
 * directory, and for a `/vN` path also its `vN/` subdirectory; undefined
 * when `path` is not inside the repository's path.
 */
export function lookupDirs(path: string, root: string): string[] | undefined {
  if (path === root) return [''];
  if (!path.startsWith(root + '/')) return undefined;
  const { prefix, pathMajor } = splitPathVersion(path);
  const codeDir = prefix === root ? '' : prefix.slice(root.length + 1);
  if (prefix !== root && !prefix.startsWith(root + '/')) return undefined;
  const dirs = [codeDir];
  if (pathMajor.startsWith('/')) dirs.push(joinDir(codeDir, pathMajor.slice(1)));
  return dirs;
}

/**
 * `module-path-mismatch` for every module of the tree: the go command would
 * look for the module's go.mod elsewhere than where it is (its path against
 * its directory, `/vN` against a major subdirectory), or two go.mod files
 * where it looks both declare the path. The repository's path comes from
 * `repoRoot` or the root module ({@link repositoryPath}); without either,
 * only the end of each path is compared with its directory. Paths Go
 * refuses outright (`module tools`, a local-only module) are not judged here.
 * Returns the directories of modules found misplaced, whose version is then
 * not judged by {@link versionInvalidFinding}.
 */
export function modulePathMismatchFindings(
  modules: readonly PlacedModule[],
  repoRoot?: string,
): { findings: LintFinding[]; misplaced: Set<string> } {
  const root = repositoryPath(modules, repoRoot);
  const findings: LintFinding[] = [];
  const misplaced = new Set<string>();
  for (const m of modules) {
    const path = m.view.modulePath;
    if (!inspectable(path)) continue;
    const { prefix, pathMajor } = splitPathVersion(path);
    const dir = m.dir;
    const looks = root === undefined ? undefined : lookupDirs(path, root);
    if (looks !== undefined && root !== undefined) {
      if (looks.includes(dir)) continue;
      const want = isMajorElem(lastElem(dir))
        ? joinDir(root, dir)
        : joinDir(root, dir) + (pathMajor.startsWith('/') ? pathMajor : '');
      misplaced.add(dir);
      findings.push(
        F.modulePathMismatch({ kind: 'elsewhere', path, dir, looks, root, want }, atModule(m.view)),
      );
      continue;
    }
    // Only the end of the path can be compared with the directory.
    if (dir === '') continue;
    const codeDirs = [dir];
    if (pathMajor.startsWith('/') && lastElem(dir) === pathMajor.slice(1)) {
      codeDirs.push(dir.slice(0, Math.max(0, dir.length - pathMajor.length)));
    }
    if (codeDirs.some((cd) => cd === '' || prefix.endsWith('/' + cd))) continue;
    const want = isMajorElem(lastElem(dir))
      ? dir
      : dir + (pathMajor.startsWith('/') ? pathMajor : '');
    misplaced.add(dir);
    findings.push(F.modulePathMismatch({ kind: 'tail', path, dir, want }, atModule(m.view)));
  }
  // A /vN path declared both in its directory and in the vN/ subdirectory.
  for (const m of modules) {
    const path = m.view.modulePath;
    if (!inspectable(path) || misplaced.has(m.dir)) continue;
    const { pathMajor } = splitPathVersion(path);
    if (!pathMajor.startsWith('/')) continue;
    const elem = pathMajor.slice(1);
    const twinDir = lastElem(m.dir) === elem ? null : joinDir(m.dir, elem);
    const baseDir =
      lastElem(m.dir) === elem ? m.dir.slice(0, Math.max(0, m.dir.length - elem.length - 1)) : null;
    const twin = modules.find(
      (o) => o !== m && o.view.modulePath === path && (o.dir === twinDir || o.dir === baseDir),
    );
    if (twin === undefined) continue;
    misplaced.add(m.dir);
    findings.push(
      F.modulePathMismatch(
        { kind: 'duplicate', path, file: m.view.file, other: twin.view.file, major: elem },
        atModule(m.view),
      ),
    );
  }
  return { findings, misplaced };
}

/** Whether a module path has older majors whose imports must be looked for. */
export function needsImportScan(modulePath: string): boolean {
  const { pathMajor, ok } = splitPathVersion(modulePath);
  return ok && pathMajor !== '' && pathMajor !== '.v0';
}

/**
 * The `.go` files of the module in `dir` (repository-relative) that the
 * go command builds as its packages, among the tree's `paths`: what
 * {@link oldMajorImportFindings} reads. Nested modules, `testdata`, `_` and
 * `.` directories, go.mod `ignore` directories and vendored code are left out;
 * `_test.go` and build-constrained files are in.
 */
export function moduleSourceFiles(
  paths: Iterable<string>,
  dir: string,
  ignore: readonly string[] = [],
): string[] {
  const base = dir === '' ? '' : dir + '/';
  const rel: string[] = [];
  for (const p of paths) if (p.startsWith(base)) rel.push(p.slice(base.length));
  return moduleGoFiles(rel, { ignore })
    .filter((p) => !p.split('/').includes('vendor'))
    .map((p) => base + p);
}

/**
 * `old-major-import`: imports in the module's `.go` files (repository-relative
 * paths and content) of packages of an earlier major of its path, at the
 * import path's line and column. `otherModules` are the other module paths
 * of the tree (an import inside one of them is that module's).
 */
export function oldMajorImportFindings(
  view: GoModView,
  files: readonly { path: string; content: Uint8Array }[],
  otherModules: readonly string[] = [],
): LintFinding[] {
  const modulePath = view.modulePath;
  if (!needsImportScan(modulePath)) return [];
  const content = new Map(files.map((f) => [f.path, f.content]));
  const read = files.map((f) => {
    const r = readImports(f.content);
    return {
      file: f.path,
      imports: r.imports,
      ...(r.packageName !== undefined ? { packageName: r.packageName } : {}),
    };
  });
  return oldMajorImports(read, modulePath, { otherModules }).map((o) =>
    F.oldMajorImport(
      {
        importPath: o.import.path,
        oldModule: o.oldModule,
        module: modulePath,
        replacement: o.replacement,
      },
      {
        module: modulePath,
        file: o.file,
        line: o.import.line,
        column: columnAtOffset(content.get(o.file) ?? new Uint8Array(), o.import.offset),
      },
    ),
  );
}

/**
 * `version-published`: the next version is already in the mirror or the
 * checksum database. `versions` are the tags of the module's prefix.
 */
export function versionPublishedFinding(
  view: GoModView,
  next: NextVersion,
  published: PublishedFacts | undefined,
  versions: readonly string[] = [],
): LintFinding | undefined {
  const v = next.version;
  if (view.modulePath === '' || !isVersionTag(v)) return undefined;
  const where: string[] = [];
  if (published?.mirror?.versions.includes(v)) where.push(`${published.mirror.name} holds it`);
  if (published?.sumdb?.versions.includes(v)) where.push(`${published.sumdb.name} records it`);
  if (where.length === 0) return undefined;
  const free = nextVersion(v, [...versions, ...publishedVersions(published)]);
  return F.versionPublished(
    {
      module: view.modulePath,
      version: v,
      tag: next.tag,
      where,
      free,
      implied: F.impliedNote(next),
    },
    atModule(view),
  );
}

/**
 * `version-lower`: a `--next` release below the latest release of its major
 * line (tags and published versions). An implied next version never is.
 */
export function versionLowerFinding(
  view: GoModView,
  next: NextVersion,
  versions: readonly string[],
  published?: PublishedFacts,
  options: LineOptions = {},
): LintFinding | undefined {
  const v = next.version;
  if (next.implied || view.modulePath === '' || !isVersionTag(v)) return undefined;
  const known = [...lineTags(view.modulePath, versions, options), ...publishedVersions(published)]
    .map(stripIncompatible)
    .filter((k) => isVersionTag(k) && major(k) === major(v) && prerelease(k) === '');
  let latest: string | undefined;
  for (const k of known) if (latest === undefined || compare(k, latest) > 0) latest = k;
  if (latest === undefined || compare(v, latest) >= 0) return undefined;
  return F.versionLower(
    {
      module: view.modulePath,
      version: v,
      latest,
      line: major(v),
      above: nextVersion(latest, known),
    },
    atModule(view),
  );
}

function rangeText(r: VersionInterval): string {
  return r.low === r.high ? r.low : `[${r.low}, ${r.high}]`;
}

/**
 * `retract-unknown` for a retraction that covers no version ever tagged or
 * published (nor the next one, which may retract itself), and otherwise
 * `retract-pending`, unless the latest published go.mod already carries the
 * same interval (`inEffect`).
 */
export function retractFindings(
  view: GoModView,
  facts: {
    versions: readonly string[];
    next?: NextVersion;
    published?: PublishedFacts;
    inEffect?: readonly VersionInterval[];
  },
): LintFinding[] {
  const file = view.parsed;
  if (file === undefined || view.modulePath === '') return [];
  const known = [
    ...facts.versions,
    ...publishedVersions(facts.published),
    ...(facts.next !== undefined ? [facts.next.version] : []),
  ]
    .map(stripIncompatible)
    .filter(isVersionTag);
  const out: LintFinding[] = [];
  for (const r of file.retract) {
    const low = stripIncompatible(r.low);
    const high = stripIncompatible(r.high);
    if (!isVersionTag(low) || !isVersionTag(high)) continue;
    const at = { ...whereIs(view, r), module: view.modulePath };
    const range = rangeText(r);
    if (!known.some((k) => compare(low, k) <= 0 && compare(k, high) <= 0)) {
      out.push(
        F.retractUnknown(
          { module: view.modulePath, range, asked: facts.published?.mirror !== undefined },
          at,
        ),
      );
      continue;
    }
    if (facts.inEffect?.some((e) => e.low === r.low && e.high === r.high)) continue;
    out.push(
      F.retractPending(
        {
          module: view.modulePath,
          range,
          ...(facts.next !== undefined && isVersionTag(facts.next.version)
            ? { next: facts.next.version }
            : {}),
        },
        at,
      ),
    );
  }
  return out;
}

/** `deprecated-unrecognised`: deprecation comments the go command will not show. */
export function deprecatedUnrecognisedFindings(view: GoModView): LintFinding[] {
  const file = view.parsed;
  if (file === undefined) return [];
  return unrecognisedDeprecations(file.syntax, view.data).map((d) =>
    F.deprecatedUnrecognised(
      { kind: d.kind, text: d.text },
      { module: view.modulePath, file: view.file, line: d.line, column: d.column },
    ),
  );
}

/**
 * `incompatible-trap`: the root module's path has no major suffix while v2+
 * versions of it were published as `+incompatible` (the mirror names them
 * so; or, unasked, its v2+ tags whose commit has no go.mod, per
 * `pathAtTag`). Once a version with this go.mod is published the go command
 * hides them, and their users are stranded.
 */
export function incompatibleTrapFinding(
  view: GoModView,
  dir: string,
  facts: {
    versions: readonly string[];
    published?: PublishedFacts;
    pathAtTag?: LineOptions['pathAtTag'];
  },
): LintFinding | undefined {
  const path = view.modulePath;
  if (dir !== '' || !inspectable(path) || isGopkgIn(path)) return undefined;
  if (splitPathVersion(path).pathMajor !== '') return undefined;
  const found = new Set<string>();
  for (const v of publishedVersions(facts.published)) {
    if (build(v) === '+incompatible' && isVersionTag(stripIncompatible(v))) found.add(v);
  }
  for (const v of facts.versions) {
    if (isVersionTag(v) && !['v0', 'v1'].includes(major(v)) && facts.pathAtTag?.(v) === null) {
      found.add(v + '+incompatible');
    }
  }
  if (found.size === 0) return undefined;
  const sorted = [...found].sort((a, b) => compare(stripIncompatible(a), stripIncompatible(b)));
  const highest = sorted.at(-1) ?? '';
  const successorMajor = BigInt(major(highest).slice(1)) + 1n;
  return F.incompatibleTrap(
    {
      module: path,
      versions: sorted,
      highest,
      successor: `${path}/v${successorMajor.toString()}`,
      retract: `retract [${sorted[0] ?? ''}, ${highest}] // moved to the v1 line with go.mod`,
    },
    atModule(view),
  );
}

/** `zip-invalid` for a module whose tree cannot become a module zip (Go's text), on its go.mod. */
export function zipInvalidFinding(view: GoModView, text: string): LintFinding {
  return F.zipInvalid(text, { module: view.modulePath, file: view.file });
}

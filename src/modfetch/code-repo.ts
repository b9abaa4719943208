// cmd/go's view of one module inside a repository (modfetch.codeRepo): which
// tag a version names, where the module's go.mod lives at that commit, which
// versions are valid for the module path, and what the .mod file and the zip
// file list are. Every error text is Go's, because the mirror answers
// `not found: <text>` with exactly these.
import path from 'node:path/posix';
import { createHash } from 'node:crypto';
import {
  canonicalVersion,
  checkPathMajor,
  formatPseudoTimestamp,
  InvalidVersionError,
  isPseudoVersion,
  matchPathMajor,
  ModuleError,
  pathMajorPrefix,
  pseudoVersion,
  pseudoVersionBase,
  pseudoVersionRev,
  pseudoVersionTime,
  splitPathVersion,
} from '../module/index.js';
import { autoQuote, modulePath as goModModulePath, parseLax } from '../modfile/index.js';
import { goQuote } from '../internal/go-quote.js';
import * as semver from '../semver/index.js';
import type { ArchiveListing } from '../git/git-repo.js';
import type { CodeHost, CodeRevInfo } from './code-host.js';

/** A go.mod with its location, as findDir found it. */
interface Found {
  rev: string;
  dir: string;
  goMod: Buffer | undefined;
}

/** The resolved version of a query, with the commit it names. */
export interface ResolvedRev {
  version: string;
  name: string;
  short: string;
  time: number;
}

/** Plain error whose text is fixed (wrapped later into Module/InvalidVersion errors). */
function textError(message: string): Error {
  return new Error(message);
}

/** The `.mod` Go synthesizes for a module without go.mod (modfetch.LegacyGoMod). */
export function legacyGoMod(modPath: string): Buffer {
  return Buffer.from(`module ${autoQuote(modPath)}\n`);
}

/** Whether `s` is `prefix` or starts with `prefix` + `/` (cmd/go's hasPathPrefix). */
export function hasPathPrefix(s: string, prefix: string): boolean {
  if (s.length === prefix.length) return s === prefix;
  if (s.length < prefix.length) return false;
  if (prefix !== '' && prefix.endsWith('/')) return s.startsWith(prefix);
  return s[prefix.length] === '/' && s.startsWith(prefix);
}

export class CodeRepo {
  readonly codeDir: string;
  readonly pathMajor: string;
  readonly pathPrefix: string;
  readonly pseudoMajor: string;

  /** Throws Go's errors for a module path the repository cannot hold. */
  constructor(
    readonly code: CodeHost,
    readonly codeRoot: string,
    readonly modPath: string,
  ) {
    if (!hasPathPrefix(modPath, codeRoot)) {
      throw textError(`mismatched repo: found ${codeRoot} for ${modPath}`);
    }
    const split = splitPathVersion(modPath);
    if (!split.ok) throw textError(`invalid module path ${goQuote(modPath)}`);
    const pathPrefix = codeRoot === modPath ? modPath : split.prefix;
    let codeDir = '';
    if (codeRoot !== modPath) {
      if (!hasPathPrefix(pathPrefix, codeRoot)) {
        throw textError(`repository rooted at ${codeRoot} cannot contain module ${modPath}`);
      }
      codeDir = pathPrefix.slice(codeRoot.length).replace(/^\/+|\/+$/g, '');
    }
    this.codeDir = codeDir;
    this.pathMajor = split.pathMajor;
    this.pathPrefix = pathPrefix;
    this.pseudoMajor = pathMajorPrefix(split.pathMajor);
  }

  private get tagPrefix(): string {
    return this.codeDir === '' ? '' : this.codeDir + '/';
  }

  private invalid(version: string, err: Error, pseudo = false): ModuleError {
    return new ModuleError(this.modPath, '', new InvalidVersionError(version, err, pseudo));
  }

  /** The versions `@v/list` would show (tags only), sorted, with +incompatible ones. */
  async versions(prefix = ''): Promise<string[]> {
    if (this.modPath.startsWith('gopkg.in/') && this.modPath.endsWith('-unstable')) return [];
    const p = this.tagPrefix + prefix;
    const list: string[] = [];
    const incompatible: string[] = [];
    for (const tag of await this.code.tags(p)) {
      const v = tag.slice(this.tagPrefix.length);
      if (v === '' || v !== semver.canonical(v) || isPseudoVersion(v)) continue;
      if (checkPathMajor(v, this.pathMajor) !== undefined) {
        if (this.codeDir === '' && this.pathMajor === '' && semver.major(v) > 'v1') {
          incompatible.push(v);
        }
        continue;
      }
      list.push(v);
    }
    const sorted = semver.sortVersions(list);
    const inc = semver.sortVersions(incompatible);
    if (inc.length === 0 || this.pathMajor !== '') return sorted;
    const hasGoMod = async (v: string): Promise<boolean> => {
      try {
        return (await this.code.readFile(v, 'go.mod')) !== undefined;
      } catch (e) {
        throw new ModuleError(this.modPath, '', e as Error);
      }
    };
    const last = sorted.at(-1);
    // Once the latest compatible release has a go.mod, no +incompatible
    // version is listed at all (golang/go#34189).
    if (last !== undefined && (await hasGoMod(last))) return sorted;
    let lastMajor = '';
    let lastMajorHasGoMod = false;
    for (let i = 0; i < inc.length; i++) {
      const v = inc[i] as string;
      const m = semver.major(v);
      if (m !== lastMajor) {
        let j = i;
        while (j + 1 < inc.length && semver.major(inc[j + 1] as string) === m) j++;
        lastMajor = m;
        lastMajorHasGoMod = await hasGoMod(inc[j] as string);
      }
      if (!lastMajorHasGoMod) sorted.push(v + '+incompatible');
    }
    return sorted;
  }

  /** Resolves a version, branch, tag or hash as `.info` does; throws Go's error. */
  async stat(rev: string): Promise<ResolvedRev> {
    if (rev === 'latest') return this.latest();
    const codeRev = this.revToRev(rev);
    let info: CodeRevInfo;
    try {
      info = await this.code.stat(codeRev);
    } catch (e) {
      throw this.invalid(rev, e as Error);
    }
    return this.convert(info, rev);
  }

  /** The pseudo-version (or tag) of HEAD. */
  async latest(): Promise<ResolvedRev> {
    return this.convert(await this.code.latest(), '');
  }

  private revToRev(rev: string): string {
    if (!semver.isValid(rev)) return rev;
    if (isPseudoVersion(rev)) {
      try {
        return pseudoVersionRev(rev);
      } catch {
        return '';
      }
    }
    let r = rev;
    if (semver.build(r) === '+incompatible') r = r.slice(0, -'+incompatible'.length);
    return this.codeDir === '' ? r : `${this.codeDir}/${r}`;
  }

  private async convert(info: CodeRevInfo, statVers: string): Promise<ResolvedRev> {
    const incompatibleOk = new Map<string, boolean>();
    const canUseIncompatible = async (v: string): Promise<boolean> => {
      if (this.codeDir !== '' || this.pathMajor !== '') return false;
      let ok = incompatibleOk.get('');
      if (ok === undefined) {
        ok = (await this.code.readFile(info.name, 'go.mod')) === undefined;
        incompatibleOk.set('', ok);
      }
      if (!ok) return false;
      // golang/go#51324: a vN/go.mod claims the vN tags for the /vN module,
      // unless +incompatible was asked for explicitly.
      if (v !== '' && !statVers.endsWith('+incompatible')) {
        const m = semver.major(v);
        let okSub = incompatibleOk.get(m);
        if (okSub === undefined) {
          okSub = (await this.code.readFile(info.name, path.join(m, 'go.mod'))) === undefined;
          incompatibleOk.set(m, okSub);
        }
        if (!okSub) return false;
      }
      return true;
    };

    const checkCanonical = async (v0: string): Promise<ResolvedRev> => {
      let v = v0;
      try {
        await this.findDir(v);
      } catch (e) {
        if (e instanceof ModuleError) throw e;
        throw this.invalid(v, e as Error);
      }
      if (v === statVers.replace(/\+incompatible$/, '')) v = statVers;
      const base = v.replace(/\+incompatible$/, '');
      let errIncompatible: Error | undefined;
      if (!matchPathMajor(base, this.pathMajor)) {
        if (await canUseIncompatible(base)) {
          v = base + '+incompatible';
        } else if (this.pathMajor !== '') {
          errIncompatible = this.invalid(
            v,
            textError('module path includes a major version suffix, so major version must match'),
          );
        } else {
          errIncompatible = this.invalid(
            v,
            textError(
              `module contains a go.mod file, so module path must match major version (${goQuote(
                path.join(this.pathPrefix, semver.major(v)),
              )})`,
            ),
          );
        }
      } else if (v.endsWith('+incompatible')) {
        errIncompatible = this.invalid(
          v,
          textError(
            `+incompatible suffix not allowed: major version ${semver.major(v)} is compatible`,
          ),
        );
      }
      if (statVers !== '' && statVers === canonicalVersion(statVers)) {
        const statBase = statVers.replace(/\+incompatible$/, '');
        if (statBase !== base) {
          throw this.invalid(
            statVers,
            textError(`resolves to version ${v} (${statBase} is not a tag)`),
          );
        }
      }
      if (errIncompatible !== undefined) throw errIncompatible;
      return { version: v, name: info.name, short: info.short, time: info.time };
    };

    if (isPseudoVersion(statVers)) {
      await this.validatePseudoVersion(info, statVers);
      return checkCanonical(statVers);
    }

    const tagPrefix = this.tagPrefix;
    const isRetracted = await this.retractions().catch(() => () => false);
    const tagToVersion = (tag: string): { v: string; canonical: boolean } => {
      if (!tag.startsWith(tagPrefix)) return { v: '', canonical: false };
      const trimmed = tag.slice(tagPrefix.length);
      if (isPseudoVersion(tag)) return { v: '', canonical: false };
      // semver.canonical, not the module form: a literal "+incompatible"
      // in a tag name must not survive.
      const v = semver.canonical(trimmed);
      if (v === '' || !trimmed.startsWith(v)) return { v: '', canonical: false };
      return { v, canonical: v === trimmed };
    };

    {
      const { v, canonical } = tagToVersion(info.version);
      if (canonical) {
        try {
          return await checkCanonical(v);
        } catch {
          // fall through to the other tags on the revision
        }
      }
    }

    let highestCanonical = '';
    let pseudoBase = '';
    for (const pathTag of info.tags) {
      const { v, canonical } = tagToVersion(pathTag);
      if (statVers !== '' && semver.compare(v, statVers) === 0) {
        if (canonical) return checkCanonical(v);
        pseudoBase = v;
      }
      if (canonical && semver.compare(highestCanonical, v) < 0 && !isRetracted(v)) {
        if (matchPathMajor(v, this.pathMajor) || (await canUseIncompatible(v))) {
          highestCanonical = v;
        }
      }
    }
    if (highestCanonical !== '') return checkCanonical(highestCanonical);

    if (pseudoBase === '') {
      let highest = '';
      for (const tag of await this.code.mergedTags(info.name)) {
        if (!tag.startsWith(tagPrefix)) continue;
        const { v } = tagToVersion(tag);
        if (v === '') continue;
        if (!matchPathMajor(v, this.pathMajor) && !(await canUseIncompatible(v))) continue;
        if (isRetracted(v)) continue;
        const semtag = tag.slice(tagPrefix.length);
        if (semver.compare(semtag, highest) > 0) highest = semtag;
      }
      if (highest !== '') pseudoBase = tagToVersion(tagPrefix + highest).v;
    }
    return checkCanonical(
      pseudoVersion(this.pseudoMajor, pseudoBase, new Date(info.time * 1000), info.short),
    );
  }

  private async validatePseudoVersion(info: CodeRevInfo, version: string): Promise<void> {
    const fail = (msg: string): never => {
      throw this.invalid(version, textError(msg), true);
    };
    // Errors of the module package already name the version; Go wraps them
    // only in the module error.
    const guard = <T>(f: () => T): T => {
      try {
        return f();
      } catch (e) {
        if (e instanceof InvalidVersionError) throw new ModuleError(this.modPath, '', e);
        throw this.invalid(version, e as Error, true);
      }
    };
    const rev = guard(() => pseudoVersionRev(version));
    if (rev !== info.short) {
      if (rev.startsWith(info.short))
        fail(`revision is longer than canonical (expected ${info.short})`);
      if (info.short.startsWith(rev))
        fail(`revision is shorter than canonical (expected ${info.short})`);
      fail(`does not match short name of revision (expected ${info.short})`);
    }
    const t = guard(() => pseudoVersionTime(version));
    if (t.getTime() !== info.time * 1000) {
      fail(`does not match version-control timestamp (expected ${timestamp(info.time)})`);
    }

    const tagPrefix = this.tagPrefix;
    const base = guard(() => pseudoVersionBase(version.replace(/\+incompatible$/, '')));
    if (base === '') {
      if (this.pseudoMajor === '' && semver.major(version) === 'v1') {
        fail('major version without preceding tag must be v0, not v1');
      }
      return;
    }
    for (const tag of info.tags) {
      if (tag.startsWith(tagPrefix) && tag.slice(tagPrefix.length) === base) {
        fail(
          `tag (${tag}) found on revision ${rev} is already canonical, so should not be replaced with a pseudo-version derived from that tag`,
        );
      }
    }
    let lastTag = '';
    let ancestorFound = false;
    for (const tag of await this.code.tags(tagPrefix + base)) {
      const versionOnly = tag.startsWith(tagPrefix) ? tag.slice(tagPrefix.length) : tag;
      if (semver.compare(versionOnly, base) === 0) {
        lastTag = tag;
        ancestorFound = await this.code.descendsFrom(info.name, tag);
        if (ancestorFound) break;
      }
    }
    if (lastTag === '') fail(`preceding tag (${base}) not found`);
    if (!ancestorFound) fail(`revision ${rev} is not a descendent of preceding tag (${lastTag})`);
  }

  /**
   * Versions retracted by the go.mod of the highest listed release (queries
   * skip them; an exact version stays downloadable).
   */
  async retractions(listed?: string[]): Promise<(v: string) => boolean> {
    let versions = listed ?? (await this.versions(''));
    const inc = versions.findIndex((v) => v.endsWith('+incompatible'));
    if (inc >= 0) versions = versions.slice(0, inc);
    if (versions.length === 0) return () => false;
    const releases = versions.filter((v) => semver.prerelease(v) === '');
    const highest = releases.at(-1) ?? versions[versions.length - 1] ?? '';
    const data = await this.goMod(highest);
    const retractions = parseLax('go.mod', data).retract;
    return (v) =>
      retractions.some((r) => semver.compare(r.low, v) <= 0 && semver.compare(v, r.high) <= 0);
  }

  /**
   * Where the module lives at `version` (cmd/go's findDir): `codeDir` or
   * `codeDir/vN`, with the go.mod found there. Throws Go's error text.
   */
  async findDir(version: string): Promise<Found> {
    if (!semver.isValid(version)) {
      throw this.invalid(version, textError('syntax error'));
    }
    const rev = this.revToRev(version);
    const file1 = path.join(this.codeDir, 'go.mod');
    const gomod1 = await this.code.readFile(rev, file1);
    const mpath1 = gomod1 === undefined ? '' : goModModulePath(gomod1);
    const found1 =
      gomod1 !== undefined &&
      (isMajor(mpath1, this.pathMajor) ||
        (this.pathMajor === '' && mpath1.startsWith('gopkg.in/')));

    let file2 = '';
    if (
      this.pathMajor !== '' &&
      this.codeRoot !== this.modPath &&
      !this.pathMajor.startsWith('.')
    ) {
      const dir2 = path.join(this.codeDir, this.pathMajor.slice(1));
      file2 = path.join(dir2, 'go.mod');
      const gomod2 = await this.code.readFile(rev, file2);
      const mpath2 = gomod2 === undefined ? '' : goModModulePath(gomod2);
      const found2 = gomod2 !== undefined && isMajor(mpath2, this.pathMajor);
      if (found1 && found2) {
        throw textError(
          `${this.pathPrefix}/${file1} and ...${this.pathMajor}/go.mod both have ...${this.pathMajor} module paths at revision ${rev}`,
        );
      }
      if (found2) return { rev, dir: dir2, goMod: gomod2 };
      if (gomod2 !== undefined) {
        if (mpath2 === '') {
          throw textError(`${this.codeRoot}/${file2} is missing module path at revision ${rev}`);
        }
        throw textError(
          `${this.codeRoot}/${file2} has non-...${this.pathMajor} module path ${goQuote(mpath2)} at revision ${rev}`,
        );
      }
    }
    if (found1) return { rev, dir: this.codeDir, goMod: gomod1 };
    if (gomod1 !== undefined) {
      const suffix = file2 !== '' ? ` (and ...${this.pathMajor}/go.mod does not exist)` : '';
      if (mpath1 === '') {
        throw textError(`${file1} is missing module path${suffix} at revision ${rev}`);
      }
      if (this.pathMajor !== '') {
        throw textError(
          `${file1} has non-...${this.pathMajor} module path ${goQuote(mpath1)}${suffix} at revision ${rev}`,
        );
      }
      if (!splitPathVersion(mpath1).ok) {
        throw textError(
          `${file1} has malformed module path ${goQuote(mpath1)}${suffix} at revision ${rev}`,
        );
      }
      throw textError(
        `${file1} has post-${semver.major(version)} module path ${goQuote(mpath1)}${suffix} at revision ${rev}`,
      );
    }
    if (this.codeDir === '' && (this.pathMajor === '' || this.pathMajor.startsWith('.'))) {
      return { rev, dir: '', goMod: undefined };
    }
    if (file2 !== '') {
      throw textError(
        `missing ${this.pathPrefix}/go.mod and ...${this.pathMajor}/go.mod at revision ${rev}`,
      );
    }
    throw textError(`missing ${this.pathPrefix}/go.mod at revision ${rev}`);
  }

  /** The `.mod` file of a canonical version. Throws Go's error text. */
  async goMod(version: string): Promise<Buffer> {
    if (version !== canonicalVersion(version)) {
      throw textError(`version ${version} is not canonical`);
    }
    if (isPseudoVersion(version)) await this.stat(version);
    const found = await this.findDirWrapped(version);
    if (found.goMod !== undefined) return found.goMod;
    const data = await this.code.readFile(found.rev, path.join(found.dir, 'go.mod'));
    return data ?? legacyGoMod(this.modPath);
  }

  private async findDirWrapped(version: string): Promise<Found> {
    return this.findDir(version);
  }

  /**
   * The archive listing Go turns into the zip of a canonical version, before
   * the module-zip rules: files relative to the module directory, and the
   * repository-root LICENSE appended (raw) when the module is in a
   * subdirectory without one. Throws Go's error text.
   */
  async zipFiles(version: string): Promise<ZipListing> {
    if (version !== canonicalVersion(version)) {
      throw textError(`version ${version} is not canonical`);
    }
    if (isPseudoVersion(version)) await this.stat(version);
    const { rev, dir } = await this.findDir(version);
    const listing: ArchiveListing = await this.code.readZip(rev, dir);
    if (listing.zipTooLarge) throw textError('downloaded zip file too large');
    const files: ZipListingFile[] = listing.files.map((f) => ({ ...f }));
    let license: Buffer | undefined;
    if (dir !== '' && !files.some((f) => f.path === 'LICENSE')) {
      license = await this.code.readFile(rev, 'LICENSE');
      if (license !== undefined) {
        files.push({
          path: 'LICENSE',
          kind: 'regular',
          size: license.length,
          sha256: sha256(license),
          raw: license,
        });
      }
    }
    return { dir, rev, files, goMod: listing.goMod };
  }
}

function sha256(b: Buffer): Buffer {
  return createHash('sha256').update(b).digest();
}

export interface ZipListingFile {
  path: string;
  kind: 'regular' | 'symlink' | 'dir' | 'other';
  size: number;
  sha256: Buffer;
  /** Content when it does not come from the archive (the copied LICENSE). */
  raw?: Buffer;
}

export interface ZipListing {
  /** Module directory inside the repository. */
  dir: string;
  /** The revision name used for the archive (tag or hash). */
  rev: string;
  files: ZipListingFile[];
  /** The archived `go.mod` content (conversions applied), if any. */
  goMod?: Buffer;
}

/** cmd/go's isMajor: does go.mod's path `mpath` fit the requested pathMajor? */
function isMajor(mpath: string, pathMajor: string): boolean {
  if (mpath === '') return false;
  const s = splitPathVersion(mpath);
  if (!s.ok) return false;
  if (pathMajor === '') {
    const p = pathMajorPrefix(s.pathMajor);
    return p === '' || p === 'v0' || p === 'v1';
  }
  if (s.pathMajor === '') return false;
  return pathMajor.slice(1) === s.pathMajor.slice(1);
}

/** UTC yyyymmddhhmmss of a unix time, as pseudo-versions spell it. */
function timestamp(unixSeconds: number): string {
  return formatPseudoTimestamp(new Date(unixSeconds * 1000));
}

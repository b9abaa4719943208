// Retractions and deprecation as the go command sees them: it reads both only
// from the go.mod of the module's latest version, chosen while ignoring
// retractions (spec zip-and-versions.md §5.5, proxy-and-sumdb.md §3.6). The
// tag being released is that version only when nothing higher is published,
// so its own directives may have no effect, and a later version may already
// retract it.
import { errorMessage } from '../internal/errors.js';
import { encodeGoString } from '../internal/go-string.js';
import { autoQuote, parseLax, retractionMessage, shortenRationale } from '../modfile/index.js';
import { isPseudoVersion } from '../module/index.js';
import { compare, isValid, prerelease, sortVersions } from '../semver/index.js';
import type { LocalModule, Logger, Mirror, Retraction } from './ports.js';
import type { Finding } from './types.js';

/**
 * The version whose go.mod the go command reads retractions and deprecation
 * from: the highest release, else the highest prerelease, with retractions not
 * applied. `+incompatible` versions are left out once the highest compatible
 * version below them has a real go.mod (`hasGoMod`, called at most once).
 * Invalid and pseudo-versions are ignored, as Go ignores them in `@v/list`.
 * Undefined for an empty list; errors from `hasGoMod` propagate (Go fails too).
 */
export async function latestIgnoringRetractions(
  versions: readonly string[],
  hasGoMod: (version: string) => Promise<boolean>,
): Promise<string | undefined> {
  const sorted = sortVersions(
    [...new Set(versions)].filter((v) => isValid(v) && !isPseudoVersion(v)),
  );
  const releases: string[] = [];
  const prereleases: string[] = [];
  let needIncompatible = false;
  let lastCompatible = '';
  for (const v of sorted) {
    if (!needIncompatible) {
      if (!v.endsWith('+incompatible')) {
        lastCompatible = v;
      } else if (lastCompatible !== '') {
        // A go.mod in the highest compatible version means the author went
        // modular: every higher (+incompatible) version is out of the running.
        if (await hasGoMod(lastCompatible)) break;
        needIncompatible = true;
      }
    }
    (prerelease(v) === '' ? releases : prereleases).push(v);
  }
  return releases[releases.length - 1] ?? prereleases[prereleases.length - 1];
}

/** What the go command takes from a go.mod for this purpose. */
interface GoModFacts {
  retractions: readonly Retraction[];
  deprecated?: string;
}

export interface RetractionInput {
  local: LocalModule;
  /** Absent: the local go.mod is used, and the findings say why (`noMirror`). */
  mirror?: Mirror;
  /** Why the mirror is not asked (disabled, or found unreachable earlier in the run). */
  noMirror?: string;
  logger: Logger;
}

const rangeOf = (r: Retraction): string => (r.low === r.high ? r.low : `[${r.low}, ${r.high}]`);
const covers = (r: Retraction, v: string): boolean =>
  compare(r.low, v) <= 0 && compare(v, r.high) <= 0;
const sameInterval = (a: Retraction, b: Retraction): boolean =>
  a.low === b.low && a.high === b.high;
/** Go's deprecation text, shortened as go get prints it; '' means "not deprecated". */
const deprecationText = (d: string | undefined): string =>
  d === undefined || d === '' ? '' : shortenRationale(d, '');
/** Go's text for one directive's versions. */
const directiveMessage = (r: Retraction): string =>
  r.rationale === ''
    ? 'retracted by module author'
    : `retracted by module author: ${shortenRationale(r.rationale)}`;

const HIDDEN =
  'The go command hides retracted versions from "latest" and upgrades, and warns everybody who requires one.';

function parseFacts(name: string, data: Buffer): GoModFacts {
  const file = parseLax(name, data);
  const facts: GoModFacts = {
    retractions: file.retract.map((r) => ({ low: r.low, high: r.high, rationale: r.rationale })),
  };
  if (file.module?.deprecated !== undefined) facts.deprecated = file.module.deprecated;
  return facts;
}

/**
 * The `retracted` and `deprecated` findings for the released version, read
 * where the go command reads them. The released version counts as published
 * (the mirror will list it). Never throws for mirror trouble: it falls back to
 * the local go.mod and says so, since these findings are warnings at most.
 */
export async function retractionFindings(input: RetractionInput): Promise<Finding[]> {
  const { local, mirror, logger } = input;
  const path = local.modulePath;
  const version = local.version;
  if (mirror === undefined || input.noMirror !== undefined) {
    return fromLocalAlone(local, input.noMirror ?? 'no mirror to ask');
  }

  let listed: string[];
  try {
    const l = await mirror.list(path);
    if (l.kind === 'unreachable') {
      return fromLocalAlone(local, `could not read the version list of ${mirror.url}: ${l.reason}`);
    }
    listed = l.kind === 'ok' ? l.versions : [];
  } catch (e) {
    return fromLocalAlone(
      local,
      `could not read the version list of ${mirror.url}: ${errorMessage(e)}`,
    );
  }

  const legacy = encodeGoString(`module ${autoQuote(path)}\n`);
  const mods = new Map<string, Promise<Buffer>>();
  const readMod = (v: string): Promise<Buffer> => {
    let p = mods.get(v);
    if (p === undefined) {
      p = (async () => {
        const m = await mirror.mod(path, v);
        if (m.kind === 'ok') return m.data;
        throw new Error(
          `${path}@${v}.mod: ${m.kind === 'not-found' ? m.body.trimEnd() : m.reason}`,
        );
      })();
      mods.set(v, p);
    }
    return p;
  };
  // Go compares the .mod bytes with the line it would synthesize: a go.mod
  // identical to that line counts as no go.mod at all.
  const hasGoMod = async (v: string): Promise<boolean> => {
    if (v === version) {
      return local.goMod !== undefined
        ? !local.goMod.equals(legacy)
        : local.declaredModulePath !== undefined;
    }
    return !(await readMod(v)).equals(legacy);
  };

  let latest: string | undefined;
  try {
    latest = await latestIgnoringRetractions([...listed, version], hasGoMod);
  } catch (e) {
    return fromLocalAlone(local, `could not determine the latest version: ${errorMessage(e)}`);
  }
  if (latest === undefined) {
    return fromLocalAlone(local, `${version} is not a version the go command lists`);
  }
  if (latest === version) {
    return await asLatest(local, listed, hasGoMod, readMod, logger);
  }

  logger.info(`Reading retractions and deprecation from the go.mod of ${path}@${latest}`);
  let facts: GoModFacts;
  try {
    facts = parseFacts(`${path}@${latest}/go.mod`, await readMod(latest));
  } catch (e) {
    return fromLocalAlone(
      local,
      `could not read the go.mod of ${latest}, the latest version: ${errorMessage(e)}`,
    );
  }
  return notLatest(local, latest, facts);
}

/** The released version will be the latest: its own go.mod is the one the go command reads. */
async function asLatest(
  local: LocalModule,
  listed: readonly string[],
  hasGoMod: (v: string) => Promise<boolean>,
  readMod: (v: string) => Promise<Buffer>,
  logger: Logger,
): Promise<Finding[]> {
  const version = local.version;
  const findings = ownDirectives(
    local,
    `once published, ${version} is the latest version, so the go command reads this go.mod`,
  );

  // Compare with the version that is latest until this one is published, so
  // the report names what publishing changes.
  let prev: string | undefined;
  let prevFacts: GoModFacts | undefined;
  try {
    prev = await latestIgnoringRetractions(
      listed.filter((v) => v !== version),
      hasGoMod,
    );
    if (prev !== undefined) {
      prevFacts = parseFacts(`${local.modulePath}@${prev}/go.mod`, await readMod(prev));
    }
  } catch (e) {
    logger.debug(`could not read the go.mod of the previous latest version: ${errorMessage(e)}`);
    prev = undefined;
  }

  for (const r of local.retractions) {
    if (covers(r, version)) continue;
    if (prevFacts?.retractions.some((p) => sameInterval(p, r)) === true) continue;
    const news =
      prev !== undefined && prevFacts !== undefined
        ? ` (${prev}, the latest version until now, does not retract it)`
        : '';
    findings.push({
      code: 'retracted',
      severity: 'notice',
      message: `once published, ${version} is the latest version, so its go.mod retracts ${rangeOf(r)}${news}: ${directiveMessage(r)}`,
      file: local.goModPath,
      ...(r.line !== undefined ? { line: r.line } : {}),
      fix: `${HIDDEN} Retracted versions stay downloadable for those who ask for them by name.`,
    });
  }
  if (prev !== undefined && prevFacts !== undefined) {
    for (const p of prevFacts.retractions) {
      if (local.retractions.some((r) => sameInterval(r, p))) continue;
      findings.push({
        code: 'retracted',
        severity: 'warning',
        message: `${prev}, the latest version until now, retracts ${rangeOf(p)} (${directiveMessage(p)}); this tag's go.mod does not, so once ${version} is published the go command no longer treats ${rangeOf(p)} as retracted`,
        file: local.goModPath,
        fix: `Only the latest version's retractions count. If ${rangeOf(p)} should stay retracted, add "retract ${rangeOf(p)}" to go.mod and publish a new version.`,
      });
    }
    const was = deprecationText(prevFacts.deprecated);
    if (was !== '' && deprecationText(local.deprecated) === '') {
      findings.push({
        code: 'deprecated',
        severity: 'warning',
        message: `${prev}, the latest version until now, marks ${local.modulePath} as deprecated (${was}); this tag's go.mod does not, so once ${version} is published the module is no longer deprecated`,
        file: local.goModPath,
        ...local.moduleLine,
        fix: 'If the module should stay deprecated, keep the "// Deprecated:" comment on the module line and publish a new version.',
      });
    }
  }
  return findings;
}

/** A higher version is published: its go.mod decides, and this tag's directives have no effect. */
function notLatest(local: LocalModule, latest: string, facts: GoModFacts): Finding[] {
  const { modulePath: path, version } = local;
  const findings: Finding[] = [];
  const msg = retractionMessage(version, facts.retractions);
  if (msg !== undefined) {
    const hit = facts.retractions.find((r) => covers(r, version));
    findings.push({
      code: 'retracted',
      severity: 'warning',
      message: `${path}@${version}: ${msg} (the go.mod of ${latest}, the latest version, has retract ${hit === undefined ? version : rangeOf(hit)})`,
      fix: `${HIDDEN} Only a newer latest version can lift it: if this version should be usable, publish a version above ${latest} whose go.mod no longer retracts it.`,
    });
  }
  const dep = deprecationText(facts.deprecated);
  if (dep !== '') {
    findings.push({
      code: 'deprecated',
      severity: 'warning',
      message: `module ${path} is deprecated: ${dep} (the go.mod of ${latest}, the latest version)`,
      fix: 'go get and go list -u show this to everybody who uses any version of the module, this one included.',
    });
  }
  for (const r of local.retractions) {
    if (facts.retractions.some((p) => sameInterval(p, r))) continue;
    findings.push({
      code: 'retracted',
      severity: 'warning',
      message: `this tag's go.mod retracts ${rangeOf(r)}, but the go command reads retractions only from the go.mod of the latest version, ${latest}, which does not: the directive has no effect`,
      file: local.goModPath,
      ...(r.line !== undefined ? { line: r.line } : {}),
      fix: `Add "retract ${rangeOf(r)}" to the go.mod of a new version above ${latest}.`,
    });
  }
  const own = deprecationText(local.deprecated);
  if (own !== '' && dep === '') {
    findings.push({
      code: 'deprecated',
      severity: 'warning',
      message: `this tag's go.mod marks ${path} as deprecated (${own}), but the go command reads the deprecation only from the go.mod of the latest version, ${latest}, which has none: the comment has no effect`,
      file: local.goModPath,
      ...local.moduleLine,
      fix: `Put the "// Deprecated:" comment into the go.mod of a new version above ${latest}.`,
    });
  }
  return findings;
}

/** The mirror could not say which version is latest: judge from this tag's go.mod, as if it were. */
function fromLocalAlone(local: LocalModule, why: string): Finding[] {
  return ownDirectives(
    local,
    `judged from this tag's go.mod alone, as if ${local.version} were the latest version (${why})`,
  );
}

/** This go.mod retracting its own version, and its deprecation. */
function ownDirectives(local: LocalModule, context: string): Finding[] {
  const { modulePath: path, version } = local;
  const findings: Finding[] = [];
  const msg = retractionMessage(version, local.retractions);
  if (msg !== undefined) {
    const hit = local.retractions.find((r) => covers(r, version));
    findings.push({
      code: 'retracted',
      severity: 'warning',
      message: `${path}@${version}: ${msg} (this tag's go.mod has retract ${hit === undefined ? version : rangeOf(hit)}; ${context})`,
      file: local.goModPath,
      ...(hit?.line !== undefined ? { line: hit.line } : {}),
      fix: `${HIDDEN} If that is not intended, publish a new version without the directive.`,
    });
  }
  const dep = deprecationText(local.deprecated);
  if (dep !== '') {
    findings.push({
      code: 'deprecated',
      severity: 'warning',
      message: `module ${path} is deprecated: ${dep} (${context})`,
      file: local.goModPath,
      ...local.moduleLine,
      fix: 'While this is the latest version, go get and go list -u show the message to every user. If that is not intended, publish a new version without the "Deprecated:" comment.',
    });
  }
  return findings;
}

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
import { deprecated, retracted } from './findings.js';
import type { GoModView, Logger, Mirror, Retraction } from './ports.js';
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
  /** The version being released: its go.mod as the tag holds it. */
  released: GoModView;
  /** Absent: the released go.mod is used, and the findings say why (`noMirror`). */
  mirror?: Pick<Mirror, 'url' | 'list' | 'mod'>;
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
 * the released go.mod and says so, since these findings are warnings at most.
 */
export async function retractionFindings(input: RetractionInput): Promise<Finding[]> {
  const { released, mirror, logger } = input;
  const path = released.modulePath;
  const version = released.version;
  if (mirror === undefined || input.noMirror !== undefined) {
    return fromReleasedAlone(released, input.noMirror ?? 'no mirror to ask');
  }

  let listed: string[];
  try {
    const l = await mirror.list(path);
    if (l.kind === 'unreachable') {
      return fromReleasedAlone(
        released,
        `could not read the version list of ${mirror.url}: ${l.reason}`,
      );
    }
    listed = l.kind === 'ok' ? l.versions : [];
  } catch (e) {
    return fromReleasedAlone(
      released,
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
      return released.goMod !== undefined
        ? !released.goMod.equals(legacy)
        : released.declaredModulePath !== undefined;
    }
    return !(await readMod(v)).equals(legacy);
  };

  let latest: string | undefined;
  try {
    latest = await latestIgnoringRetractions([...listed, version], hasGoMod);
  } catch (e) {
    return fromReleasedAlone(
      released,
      `could not determine the latest version: ${errorMessage(e)}`,
    );
  }
  if (latest === undefined) {
    return fromReleasedAlone(released, `${version} is not a version the go command lists`);
  }
  if (latest === version) {
    return await asLatest(released, listed, hasGoMod, readMod, logger);
  }

  logger.info(`Reading retractions and deprecation from the go.mod of ${path}@${latest}`);
  let facts: GoModFacts;
  try {
    facts = parseFacts(`${path}@${latest}/go.mod`, await readMod(latest));
  } catch (e) {
    return fromReleasedAlone(
      released,
      `could not read the go.mod of ${latest}, the latest version: ${errorMessage(e)}`,
    );
  }
  return notLatest(released, latest, facts);
}

/** Where a directive of the released go.mod is. */
const lineOf = (m: GoModView, r?: Retraction) => ({
  file: m.goModPath,
  ...(r?.line !== undefined ? { line: r.line } : {}),
});
/** Where the released go.mod's module line (and its deprecation) is. */
const moduleLineOf = (m: GoModView) => ({ file: m.goModPath, ...m.moduleLine });

/** The released version will be the latest: its own go.mod is the one the go command reads. */
async function asLatest(
  released: GoModView,
  listed: readonly string[],
  hasGoMod: (v: string) => Promise<boolean>,
  readMod: (v: string) => Promise<Buffer>,
  logger: Logger,
): Promise<Finding[]> {
  const version = released.version;
  const findings = ownDirectives(
    released,
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
      prevFacts = parseFacts(`${released.modulePath}@${prev}/go.mod`, await readMod(prev));
    }
  } catch (e) {
    logger.debug(`could not read the go.mod of the previous latest version: ${errorMessage(e)}`);
    prev = undefined;
  }

  for (const r of released.retractions) {
    if (covers(r, version)) continue;
    if (prevFacts?.retractions.some((p) => sameInterval(p, r)) === true) continue;
    const news =
      prev !== undefined && prevFacts !== undefined
        ? ` (${prev}, the latest version until now, does not retract it)`
        : '';
    findings.push(
      retracted(
        { kind: 'new', version, range: rangeOf(r), news, directive: directiveMessage(r) },
        lineOf(released, r),
      ),
    );
  }
  if (prev !== undefined && prevFacts !== undefined) {
    for (const p of prevFacts.retractions) {
      if (released.retractions.some((r) => sameInterval(r, p))) continue;
      findings.push(
        retracted(
          { kind: 'dropped', version, prev, range: rangeOf(p), directive: directiveMessage(p) },
          { file: released.goModPath },
        ),
      );
    }
    const was = deprecationText(prevFacts.deprecated);
    if (was !== '' && deprecationText(released.deprecated) === '') {
      findings.push(
        deprecated(
          { kind: 'dropped', prev, path: released.modulePath, was, version },
          moduleLineOf(released),
        ),
      );
    }
  }
  return findings;
}

/** A higher version is published: its go.mod decides, and this tag's directives have no effect. */
function notLatest(released: GoModView, latest: string, facts: GoModFacts): Finding[] {
  const { modulePath: path, version } = released;
  const findings: Finding[] = [];
  const msg = retractionMessage(version, facts.retractions);
  if (msg !== undefined) {
    const hit = facts.retractions.find((r) => covers(r, version));
    findings.push(
      retracted({
        kind: 'by-latest',
        mv: `${path}@${version}`,
        message: msg,
        latest,
        range: hit === undefined ? version : rangeOf(hit),
      }),
    );
  }
  const dep = deprecationText(facts.deprecated);
  if (dep !== '') findings.push(deprecated({ kind: 'by-latest', path, text: dep, latest }));
  for (const r of released.retractions) {
    if (facts.retractions.some((p) => sameInterval(p, r))) continue;
    findings.push(retracted({ kind: 'no-effect', range: rangeOf(r), latest }, lineOf(released, r)));
  }
  const own = deprecationText(released.deprecated);
  if (own !== '' && dep === '') {
    findings.push(
      deprecated({ kind: 'no-effect', path, text: own, latest }, moduleLineOf(released)),
    );
  }
  return findings;
}

/** The mirror could not say which version is latest: judge from the released go.mod, as if it were. */
function fromReleasedAlone(released: GoModView, why: string): Finding[] {
  return ownDirectives(
    released,
    `judged from this tag's go.mod alone, as if ${released.version} were the latest version (${why})`,
  );
}

/** The released go.mod retracting its own version, and its deprecation. */
function ownDirectives(released: GoModView, context: string): Finding[] {
  const { modulePath: path, version } = released;
  const findings: Finding[] = [];
  const msg = retractionMessage(version, released.retractions);
  if (msg !== undefined) {
    const hit = released.retractions.find((r) => covers(r, version));
    findings.push(
      retracted(
        {
          kind: 'own',
          mv: `${path}@${version}`,
          message: msg,
          range: hit === undefined ? version : rangeOf(hit),
          context,
        },
        lineOf(released, hit),
      ),
    );
  }
  const dep = deprecationText(released.deprecated);
  if (dep !== '') {
    findings.push(deprecated({ kind: 'own', path, text: dep, context }, moduleLineOf(released)));
  }
  return findings;
}

// The release gate (DESIGN "Release gate"): local facts first, then what the
// mirror and the checksum database already hold, then warming, then the
// comparisons, and a verdict that is `pass` only when every comparison that
// the configuration asks for really happened.
import { InputError, errorMessage } from '../internal/errors.js';
import type {
  MirrorInfo,
  MirrorZip,
  ReleaseInput,
  Logger,
  ReleasePorts,
  SumdbLookup,
  Unreachable,
} from './ports.js';
import {
  REPORT_SCHEMA,
  type Finding,
  type HashPair,
  type ReleaseReport,
  type StepName,
  type StepStatus,
  type Verdict,
} from './types.js';
import { retractionFindings } from './retractions.js';
import { nextVersion } from './version.js';
import { compareZips } from './zip-compare.js';

/** What the Action and the CLI call: one tag in, one report out (wire.ts builds the ports). */
export type ReleaseCheck = (request: ReleaseCheckRequest) => Promise<ReleaseReport>;

/** Everything the release gate needs from the Action's or the CLI's configuration. */
export interface ReleaseCheckRequest {
  /** Absolute path of the repository (or of the module inside it). */
  repoDir: string;
  tag: string;
  /** The module path, when go.mod cannot say it (no go.mod: a +incompatible release). */
  modulePath?: string;
  /** GOPROXY list; undefined: the go command's default. */
  goproxy?: string;
  /** GOSUMDB value; undefined: the go command's default. */
  gosumdb?: string;
  goprivate?: string;
  gonosumdb?: string;
  /** Bearer token for a private GOPROXY (never logged). */
  proxyToken?: string;
  warm: boolean;
  warmTimeoutMs: number;
  /** File that remembers the checksum database's signed tree head between runs. */
  sumdbCache?: string;
}

const STEP_ORDER: StepName[] = [
  'local',
  'mirror-cache',
  'warm',
  'origin',
  'mirror-content',
  'sumdb',
];
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 60_000;

const stripIncompatible = (v: string): string => v.replace(/\+incompatible$/, '');

function firstLine(text: string): string {
  return text.split('\n', 1)[0]?.trim() ?? '';
}

/** Port failures that are not input errors are network trouble as far as the verdict goes. */
async function guard<T>(what: string, call: () => Promise<T>): Promise<T | Unreachable> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof InputError) throw e;
    return { kind: 'unreachable', reason: `${what}: ${errorMessage(e)}` };
  }
}

function sameHashes(a: HashPair, b: HashPair): boolean {
  return a.zip === b.zip && a.mod === b.mod;
}

/** Which of the two hashes differ, in words. */
function whichDiffer(published: HashPair, local: HashPair): string {
  const parts: string[] = [];
  if (published.zip !== local.zip) {
    parts.push(`zip ${published.zip ?? '?'} (tag now: ${local.zip ?? '?'})`);
  }
  if (published.mod !== local.mod) {
    parts.push(`go.mod ${published.mod ?? '?'} (tag now: ${local.mod ?? '?'})`);
  }
  return parts.join('; ');
}

/** The verdict rule, in one place: errors fail; anything needed but unchecked is inconclusive. */
export function decideVerdict(report: Pick<ReleaseReport, 'findings' | 'steps'>): Verdict {
  if (report.findings.some((f) => f.severity === 'error')) return 'fail';
  if (report.steps.some((s) => s.status === 'unchecked' || s.status === 'failed')) {
    return 'inconclusive';
  }
  return 'pass';
}

/**
 * Run the release gate for `input.tag`. Throws InputError only when the tag
 * cannot be resolved to a module version at all; every other problem becomes
 * a finding in the returned report.
 */
export async function runReleaseCheck(
  input: ReleaseInput,
  ports: ReleasePorts,
): Promise<ReleaseReport> {
  const { clock, logger, mirror, sumdb } = ports;
  const steps = new Map<StepName, { status: StepStatus; detail: string }>();
  // Every step starts as "needed but not done": a path through this function
  // that forgets a step therefore yields `inconclusive`, never `pass`.
  for (const name of STEP_ORDER) steps.set(name, { status: 'unchecked', detail: 'not reached' });
  const setStep = (name: StepName, status: StepStatus, detail: string): void => {
    steps.set(name, { status, detail });
  };
  const findings: Finding[] = [];
  const report: ReleaseReport = {
    schema: REPORT_SCHEMA,
    verdict: 'inconclusive',
    tag: input.tag,
    hashes: { local: {}, mirror: {}, sumdb: {} },
    steps: [],
    findings,
  };
  if (mirror !== undefined) report.mirrorUrl = mirror.url;
  if (sumdb !== undefined) report.sumdbName = sumdb.name;
  const finish = (): ReleaseReport => {
    report.steps = STEP_ORDER.map((name) => ({
      name,
      ...(steps.get(name) ?? { status: 'unchecked' as const, detail: 'not reached' }),
    }));
    report.verdict = decideVerdict(report);
    return report;
  };

  // 1. Local facts. Nothing invalid is ever sent to the mirror: it would
  //    remember the miss for about 30 minutes.
  logger.info(`Resolving ${input.tag} and rebuilding the module zip locally`);
  const local = await ports.local.build(input.tag);
  const path = local.modulePath;
  const version = local.version;
  const mv = (): string => `${path}@${version}`;
  report.module = path;
  report.version = version;
  report.commit = local.commit;
  report.goMod = { file: local.goModPath, ...local.moduleLine };
  const L: HashPair = { mod: local.goModSum };
  if (local.sum !== undefined) L.zip = local.sum;
  report.hashes.local = L;
  const atModule = { file: local.goModPath, ...local.moduleLine };

  const localProblems: Finding[] = [];
  if (local.versionError !== undefined) {
    localProblems.push({
      code: 'version-invalid',
      severity: 'error',
      message: local.versionError.text,
      ...atModule,
      fix:
        `The go command refuses ${input.tag} for this module, so it was not sent to the mirror. ` +
        'Make go.mod and the tag agree (v2 and later need the /vN suffix in the module path, ' +
        'see https://go.dev/ref/mod#major-version-suffixes), then tag a new version.',
    });
  }
  if (local.declaredModulePath !== undefined && local.declaredModulePath !== path) {
    localProblems.push({
      code: 'module-path-mismatch',
      severity: 'error',
      message: `go.mod declares module ${local.declaredModulePath}, but ${input.tag} publishes ${path}`,
      ...atModule,
      fix: `Change the module directive to "module ${path}" (or publish from the repository that serves ${local.declaredModulePath}), then tag a new version.`,
    });
  }
  if (local.zipError !== undefined) {
    localProblems.push({
      code: 'zip-invalid',
      severity: 'error',
      message: local.zipError.text,
      fix: 'Rename or remove the files named above, commit, and tag a new version; the mirror would refuse this one with the same error.',
    });
  }
  if (localProblems.length > 0) {
    findings.push(...localProblems);
    setStep('local', 'failed', `${mv()} at ${local.commit} is not a valid module version`);
    const why = 'not contacted: the version is invalid locally';
    for (const name of STEP_ORDER.slice(1)) setStep(name, 'skipped', why);
    return finish();
  }
  setStep('local', 'ok', `${mv()} at ${local.commit}: ${local.sum ?? ''}`);

  // 2. What the mirror and the checksum database already hold, compared
  //    before anything makes the mirror fetch.
  const deadline = clock.now() + input.warmTimeoutMs;
  let mirrorInfo: MirrorInfo | undefined;
  let fetchedByUs = false;
  /** Set once the mirror could not be reached, so later steps do not wait on it again. */
  let mirrorDown: string | undefined;
  if (mirror === undefined) {
    const why = `no mirror: ${ports.mirrorDisabled ?? 'GOPROXY does not name one for this module'}`;
    for (const name of ['mirror-cache', 'warm', 'origin', 'mirror-content'] as const) {
      setStep(name, 'skipped', why);
    }
  } else {
    const c = await guard('cached-only .info', () => mirror.cached(path, version));
    if (c.kind === 'found') {
      mirrorInfo = c;
      setStep('mirror-cache', 'ok', `the mirror already holds ${path}@${c.version}`);
      setStep('warm', 'skipped', 'not needed: the mirror already holds this version');
    } else if (c.kind === 'not-found') {
      setStep('mirror-cache', 'ok', `the mirror does not hold ${mv()} yet`);
    } else if (c.kind === 'unsupported') {
      setStep('mirror-cache', 'skipped', 'this proxy offers no cached-only view');
    } else {
      setStep('mirror-cache', 'skipped', `cached-only view unavailable: ${c.reason}`);
    }
  }
  let sum: SumdbLookup | undefined;
  if (sumdb === undefined) {
    setStep(
      'sumdb',
      'skipped',
      `no checksum database: ${ports.sumdbDisabled ?? 'GOSUMDB is off for this module'}`,
    );
  } else {
    logger.info(`Looking up ${mv()} in ${sumdb.name}`);
    sum = await guard('checksum database lookup', () => sumdb.lookup(path, version));
  }
  const S: HashPair | undefined =
    sum?.kind === 'found' ? { zip: sum.zipHash, mod: sum.goModHash } : undefined;
  const movedPerSumdb = S !== undefined && !sameHashes(S, L);

  // 3. Warm, unless the mirror holds the version already or the checksum
  //    database proves the tag moved (a fresh fetch would then serve bytes
  //    that fail everybody's checksum verification).
  if (mirror !== undefined && mirrorInfo === undefined) {
    const base = stripIncompatible(version);
    if (movedPerSumdb) {
      setStep('warm', 'skipped', 'not warmed: the checksum database already holds other bytes');
      setStep('origin', 'skipped', 'not warmed');
      setStep('mirror-content', 'skipped', 'not warmed');
    } else if (!input.warm) {
      setStep('warm', 'skipped', 'warming is disabled');
      setStep(
        'mirror-content',
        'unchecked',
        `the mirror does not hold ${mv()} and warming is disabled`,
      );
      setStep('origin', 'skipped', 'nothing to compare');
    } else {
      logger.info(`Asking ${mirror.url} to fetch ${path}@${base}`);
      let attempts = 0;
      let wait = FIRST_RETRY_MS;
      for (;;) {
        attempts++;
        const w = await guard('warming .info', () => mirror.warm(path, base, deadline));
        if (w.kind === 'found') {
          if (w.version !== version) {
            findings.push({
              code: 'mirror-rejected',
              severity: 'error',
              message: `${mirror.url} resolved ${path}@${base} to ${w.version}, but the go command publishes this tag as ${version}`,
              ...atModule,
              fix: 'Check which go.mod files the tagged commit holds (a go.mod at the root makes v2+ tags need a /vN module path; without one, v2+ tags become +incompatible).',
            });
            setStep('warm', 'failed', `the mirror answered ${w.version}`);
            setStep('origin', 'skipped', 'nothing to compare');
            setStep('mirror-content', 'skipped', 'the mirror names another version');
          } else {
            mirrorInfo = w;
            fetchedByUs = steps.get('mirror-cache')?.status === 'ok';
            setStep('warm', 'ok', `the mirror serves ${path}@${w.version} (attempt ${attempts})`);
          }
          break;
        }
        if (w.kind === 'unreachable') {
          mirrorDown = w.reason;
          findings.push({
            code: 'unreachable',
            severity: 'warning',
            message: `could not reach the mirror ${mirror.url} for ${path}@${base}: ${w.reason}`,
            fix: 'Re-run the job; nothing about the module was decided.',
          });
          setStep('warm', 'unchecked', w.reason);
          setStep('origin', 'unchecked', 'mirror unreachable');
          setStep('mirror-content', 'unchecked', 'mirror unreachable');
          break;
        }
        const left = deadline - clock.now();
        const body = w.body.trimEnd();
        if (!w.final && left <= 0) {
          // Still "not found" at the deadline without a refusal: most often the
          // mirror's remembered miss (up to ~30 minutes). Nothing is proven
          // wrong with the version, so this is "could not check".
          findings.push({
            code: 'unreachable',
            severity: 'warning',
            message: `${mirror.url} still answered "not found" for ${path}@${base} when warm-timeout ran out (${attempts} attempt${attempts === 1 ? '' : 's'}): ${body}`,
            fix: 'The mirror remembers a miss for up to 30 minutes when the version was requested before the tag existed. Re-run the job later, or raise warm-timeout.',
          });
          setStep('warm', 'unchecked', firstLine(body));
          setStep('origin', 'unchecked', 'the mirror does not serve the version yet');
          setStep('mirror-content', 'unchecked', 'the mirror does not serve the version yet');
          break;
        }
        if (w.final) {
          findings.push({
            code: 'mirror-rejected',
            severity: 'error',
            message: `${mirror.url} answered "not found" for ${path}@${base} (${attempts} attempt${attempts === 1 ? '' : 's'}): ${body}`,
            ...atModule,
            fix: 'If the server text names a problem in the repository, fix it and tag a new version. A fresh tag can also meet a "not found" the mirror remembered from an earlier request for up to 30 minutes: re-run with a longer warm-timeout.',
          });
          setStep('warm', 'failed', firstLine(body));
          setStep('origin', 'skipped', 'nothing to compare');
          setStep('mirror-content', 'skipped', 'the mirror refused the version');
          break;
        }
        const pause = Math.min(wait, left);
        logger.info(
          `The mirror has no ${path}@${base} yet (${firstLine(body)}); retrying in ${Math.ceil(pause / 1000)}s`,
        );
        await clock.sleep(pause);
        wait = Math.min(wait * 2, MAX_RETRY_MS);
      }
    }
  }

  // 4. Origin and content.
  let originSame: boolean | undefined;
  let mirrorZip: MirrorZip | undefined;
  let M: HashPair | undefined;
  if (mirror !== undefined && mirrorInfo !== undefined) {
    const origin = mirrorInfo.origin;
    if (origin?.Hash === undefined || origin.Hash === '') {
      setStep('origin', 'skipped', 'the mirror recorded no Origin for this version');
    } else if (origin.VCS !== undefined && origin.VCS !== 'git') {
      setStep('origin', 'skipped', `Origin names a ${origin.VCS} repository`);
    } else {
      report.mirrorCommit = origin.Hash;
      originSame = origin.Hash.toLowerCase() === local.commit.toLowerCase();
      // A different commit is judged below, once we know whether the bytes differ too.
      setStep('origin', 'ok', `the mirror fetched ${origin.Ref ?? 'the tag'} at ${origin.Hash}`);
    }

    logger.info(`Downloading ${mv()} .mod and .zip from ${mirror.url}`);
    const mod = await guard('.mod download', () => mirror.mod(path, version));
    const zip = await guard('.zip download', () => mirror.zip(path, version));
    if (mod.kind === 'ok' && zip.kind === 'ok') {
      M = { zip: zip.h1, mod: mod.h1 };
      mirrorZip = zip;
      report.hashes.mirror = M;
      setStep('mirror-content', 'ok', `the mirror serves ${zip.h1}`);
    } else {
      const problems = [mod, zip].filter((r) => r.kind !== 'ok');
      const unreachable = problems.filter((r) => r.kind === 'unreachable');
      if (unreachable.length > 0) {
        mirrorDown = unreachable.map((r) => r.reason).join('; ');
        findings.push({
          code: 'unreachable',
          severity: 'warning',
          message: `could not download ${mv()} from ${mirror.url}: ${unreachable.map((r) => r.reason).join('; ')}`,
          fix: 'Re-run the job; nothing about the module content was decided.',
        });
        setStep('mirror-content', 'unchecked', 'download failed');
      } else {
        const text = problems
          .map((r) => (r.kind === 'not-found' ? r.body : r.kind === 'invalid' ? r.reason : ''))
          .join('; ');
        findings.push({
          code: 'mirror-rejected',
          severity: 'error',
          message: `${mirror.url} named ${mv()} but does not serve its content: ${text}`,
          fix: 'Nobody can download this version through the mirror. Publish a new version and retract this one.',
        });
        setStep('mirror-content', 'failed', firstLine(text));
      }
    }
  }

  // Retractions and deprecation come from the latest version's go.mod, which
  // the mirror's list names; they are warnings, so trouble here only changes
  // where they are read from, never the verdict.
  const noMirror =
    mirror === undefined
      ? `no mirror: ${ports.mirrorDisabled ?? 'GOPROXY does not name one for this module'}`
      : mirrorDown !== undefined
        ? `the mirror could not be reached: ${mirrorDown}`
        : undefined;
  findings.push(
    ...(await retractionFindings({
      local,
      ...(mirror !== undefined ? { mirror } : {}),
      ...(noMirror !== undefined ? { noMirror } : {}),
      logger,
    })),
  );

  // 5. The checksum database, asked again when it had no record before the
  //    mirror fetched the version.
  if (sumdb !== undefined && sum !== undefined) {
    while (sum.kind === 'not-found' && input.warm && mirrorInfo !== undefined) {
      const left = deadline - clock.now();
      if (left <= 0) break;
      await clock.sleep(Math.min(FIRST_RETRY_MS, left));
      sum = await guard('checksum database lookup', () => sumdb.lookup(path, version));
    }
    if (sum.kind === 'found') {
      report.hashes.sumdb = { zip: sum.zipHash, mod: sum.goModHash };
      setStep('sumdb', 'ok', `${sumdb.name} records ${sum.zipHash}`);
    } else if (sum.kind === 'not-found') {
      findings.push({
        code: 'unreachable',
        severity: 'warning',
        message: `${sumdb.name} has no record of ${mv()}: ${sum.body}`,
        fix: 'The checksum database may not have fetched the version yet: re-run the job later.',
      });
      setStep('sumdb', 'unchecked', firstLine(sum.body));
    } else if (sum.kind === 'unverifiable') {
      // A proof that does not verify is evidence of tampering or a forked
      // log, not a transient fault: the go command stops too, so we fail.
      findings.push({
        code: 'sumdb-unverifiable',
        severity: 'error',
        message: `the answer of ${sumdb.name} for ${mv()} does not verify: ${sum.reason}`,
        fix: 'Do not publish on this answer. Re-run without a stale tree-head cache (sumdb-cache); if it persists, the log or the path to it is compromised: report it to security@golang.org.',
      });
      setStep('sumdb', 'failed', sum.reason);
    } else {
      findings.push({
        code: 'unreachable',
        severity: 'warning',
        message: `could not reach the checksum database ${sumdb.name}: ${sum.reason}`,
        fix: 'Re-run the job; nothing about the checksums was decided.',
      });
      setStep('sumdb', 'unchecked', sum.reason);
    }
  }

  // 6. Compare. The checksum database is the authority on what was
  //    published; the mirror is what users download.
  const S2: HashPair | undefined =
    sum?.kind === 'found' ? { zip: sum.zipHash, mod: sum.goModHash } : undefined;
  const mirrorVsSumdb = M !== undefined && S2 !== undefined && !sameHashes(M, S2);
  const publishedDiffers =
    (S2 !== undefined && !sameHashes(S2, L)) ||
    (S2 === undefined && M !== undefined && !sameHashes(M, L));
  // The mirror built from the commit we have (or fetched it just now), yet
  // the bytes differ: our rebuild disagrees with the go command's, and
  // "publish a new version" would be the wrong advice.
  const ourRebuildDiffers =
    publishedDiffers &&
    M !== undefined &&
    !sameHashes(M, L) &&
    (originSame === true || (originSame === undefined && fetchedByUs && S2 === undefined));
  const needDiff = publishedDiffers || mirrorVsSumdb;
  if (needDiff && mirrorZip !== undefined) {
    report.diff = await compareZips(mirrorZip, {
      files: local.zipFiles,
      readFile: (name) => local.readFile(name),
    });
  }
  const diffSummary =
    report.diff === undefined
      ? ''
      : ` Files: ${report.diff.added.length} added, ${report.diff.removed.length} removed, ${report.diff.changed.length} changed.`;

  if (publishedDiffers && ourRebuildDiffers) {
    findings.push({
      code: 'build-mismatch',
      severity: 'warning',
      message: `the mirror built ${mv()} from commit ${local.commit}, the commit the tag names, but got other bytes than modseal's rebuild: ${whichDiffer(S2 ?? M ?? {}, L)}.${diffSummary}`,
      fix: 'What the mirror serves is what users get. Please report this to modseal with the file list below; the release itself may be fine.',
    });
    setStep('mirror-content', 'unchecked', 'the local rebuild disagrees with the mirror');
  } else if (publishedDiffers) {
    const where =
      S2 !== undefined && !sameHashes(S2, L)
        ? `${sumdb?.name ?? 'the checksum database'} records`
        : `${mirror?.url ?? 'the mirror'} serves`;
    const holds =
      report.mirrorCommit !== undefined
        ? ` (the mirror fetched commit ${report.mirrorCommit})`
        : '';
    findings.push({
      code: 'tag-moved',
      severity: 'error',
      message: `${input.tag} now points at ${local.commit}, but ${where} other bytes for ${mv()}${holds}: ${whichDiffer(S2 ?? M ?? {}, L)}.${diffSummary}`,
      ...atModule,
    });
  }
  if (mirrorVsSumdb && M !== undefined && S2 !== undefined) {
    findings.push({
      code: 'sumdb-mismatch',
      severity: 'error',
      message: `${mirror?.url ?? 'the mirror'} serves ${mv()} with zip ${M.zip ?? '?'} and go.mod ${M.mod ?? '?'}, but ${sumdb?.name ?? 'the checksum database'} records zip ${S2.zip ?? '?'} and go.mod ${S2.mod ?? '?'}.${diffSummary}`,
      fix: 'Every go command that verifies checksums refuses what the mirror serves. If the mirror is not yours, report it to its operator (proxy.golang.org: security@golang.org).',
    });
  }
  if (originSame === false) {
    const contentAgrees =
      M !== undefined && sameHashes(M, L) && (S2 === undefined || sameHashes(S2, L));
    findings.push({
      code: 'origin-mismatch',
      severity: contentAgrees ? 'warning' : 'error',
      message:
        `the mirror fetched ${mirrorInfo?.origin?.Ref ?? input.tag} at commit ${report.mirrorCommit ?? '?'}, but ${input.tag} now points at ${local.commit}` +
        (contentAgrees ? '; the module content is identical, so users get the same bytes.' : '.'),
      ...atModule,
      ...(contentAgrees
        ? { fix: 'Published tags should not move: the mirror keeps the commit it saw first.' }
        : {}),
    });
    if (!contentAgrees)
      setStep('origin', 'failed', `the mirror fetched ${report.mirrorCommit ?? '?'}`);
  }

  // Every "the world holds other bytes" finding carries the same remedy.
  const broken = findings.filter(
    (f) => f.severity === 'error' && (f.code === 'tag-moved' || f.code === 'origin-mismatch'),
  );
  if (broken.length > 0) {
    const next = nextVersion(version, local.existingVersions ?? []);
    const retract = `retract ${version} // tag ${input.tag} moved after publication; use ${next}`;
    report.remedy = { nextVersion: next, retract };
    const fix =
      `The mirror and the checksum database keep the first bytes of ${version} forever: it cannot be repaired, only replaced. ` +
      `Publish ${next} from the commit you want, with this line added to go.mod:\n    ${retract}`;
    for (const f of broken) f.fix = fix;
  }

  if (version.endsWith('+incompatible')) {
    findings.push({
      code: 'incompatible',
      severity: 'warning',
      message: `${path} has no go.mod at ${input.tag}, so the go command publishes ${version}: a major version 2 or later without the /v${version.slice(1).split('.')[0] ?? ''} module path suffix.`,
      ...atModule,
      fix:
        `Consumers get +incompatible versions only by asking for them explicitly once any v0/v1 release contains a go.mod: ` +
        `the go command then ignores +incompatible versions for @latest and upgrades. ` +
        `To publish v2 and later properly, add a go.mod declaring "module ${path}/v${version.slice(1).split('.')[0] ?? ''}" and tag from there.`,
    });
  }
  return finish();
}

/** What wire.ts provides: the release check over the real ports. */
export type CreateReleaseCheck = (options: { logger: Logger }) => ReleaseCheck;

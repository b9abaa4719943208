// The release gate (DESIGN "Release gate"): local facts first, then what the
// mirror and the checksum database already hold, then warming, then the
// comparisons, and a verdict that is `pass` only when every comparison that
// the configuration asks for really happened. Every question to a remote
// side goes through one retry loop under one deadline (asker.ts).
import { check as checkModuleVersion } from '../module/index.js';
import { canonical } from '../semver/index.js';
import { Asker, formatDuration, type Asked } from './asker.js';
import type {
  ListResult,
  Mirror,
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
  type Side,
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
  /**
   * The whole check's limit in milliseconds (the `timeout` input, `--timeout`);
   * default {@link defaultTimeoutMs}. Ending there is inconclusive, with the reason.
   */
  timeoutMs?: number;
  /** File that remembers the checksum database's signed tree head between runs. */
  sumdbCache?: string;
}

/** How much longer than warm-timeout the whole check may take by default. */
export const TIMEOUT_MARGIN_MS = 5 * 60_000;

/** The default whole-check limit: warm-timeout plus 5 minutes for everything else. */
export function defaultTimeoutMs(warmTimeoutMs: number): number {
  return warmTimeoutMs + TIMEOUT_MARGIN_MS;
}

/** The start of a step's detail when the user's settings turned the step off. */
export const BY_CONFIG = 'skipped by configuration';

const STEP_ORDER: StepName[] = [
  'local',
  'mirror-cache',
  'warm',
  'origin',
  'mirror-content',
  'sumdb',
];

const stripIncompatible = (v: string): string => v.replace(/\+incompatible$/, '');

function firstLine(text: string): string {
  return text.split('\n', 1)[0]?.trim() ?? '';
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The listed versions the go command could use for `path`: canonical and
 * of the path's major version. Nothing else is ever requested (a `.mod` for
 * retractions) or counted (the remedy), whatever a mirror lists.
 */
function usableList(r: ListResult, path: string): ListResult {
  if (r.kind !== 'ok') return r;
  return {
    kind: 'ok',
    versions: r.versions.filter(
      (v) =>
        canonical(v) === v.replace(/\+incompatible$/, '') &&
        checkModuleVersion(path, v) === undefined,
    ),
  };
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
  const start = clock.now();
  const timeoutMs = input.timeoutMs ?? defaultTimeoutMs(input.warmTimeoutMs);
  const deadline = input.deadline ?? start + timeoutMs;
  const asker = new Asker({
    clock,
    logger,
    start,
    deadline,
    timeoutText: formatDuration(input.timeoutMs ?? deadline - start),
  });
  const steps = new Map<StepName, { status: StepStatus; detail: string }>();
  const attempts = new Map<StepName, number>();
  // Every step starts as "needed but not done": a path through this function
  // that forgets a step therefore yields `inconclusive`, never `pass`.
  for (const name of STEP_ORDER) steps.set(name, { status: 'unchecked', detail: 'not reached' });
  const setStep = (name: StepName, status: StepStatus, detail: string): void => {
    steps.set(name, { status, detail });
  };
  const count = (name: StepName, n: number): void => {
    if (n > 0) attempts.set(name, (attempts.get(name) ?? 0) + n);
  };
  const findings: Finding[] = [];
  const report: ReleaseReport = {
    schema: REPORT_SCHEMA,
    verdict: 'inconclusive',
    compared: [],
    tag: input.tag,
    hashes: { local: {}, mirror: {}, sumdb: {} },
    steps: [],
    findings,
  };
  if (mirror !== undefined) report.mirrorUrl = mirror.url;
  if (sumdb !== undefined) report.sumdbName = sumdb.name;

  /**
   * A step that could not be done because a remote side was unreachable:
   * unchecked, with one finding unless the deadline's own finding covers it.
   */
  const markUnreachable = (
    r: Unreachable,
    names: StepName[],
    finding?: { message: string; fix: string; detail?: string },
  ): void => {
    if (r.deadline !== true && finding !== undefined) {
      findings.push({
        code: 'unreachable',
        severity: 'warning',
        message: finding.message,
        fix: finding.fix,
      });
    }
    if (r.deadline !== true && names.some((n) => n !== 'sumdb')) mirrorDown ??= r.reason;
    names.forEach((n, i) =>
      setStep(
        n,
        'unchecked',
        i === 0
          ? (finding?.detail ?? r.reason)
          : r.deadline === true
            ? r.reason
            : 'mirror unreachable',
      ),
    );
  };

  const finish = (): ReleaseReport => {
    if (asker.outOfTime !== undefined) {
      const { what, last } = asker.outOfTime;
      for (const [name, s] of steps) {
        if (s.status === 'unchecked' && s.detail === 'not reached') {
          setStep(name, 'unchecked', `not done: ${asker.deadlineText} ran out`);
        }
      }
      findings.push({
        code: 'unreachable',
        severity: 'warning',
        message: `${asker.deadlineText} left no time to finish: the check stopped after ${formatDuration(clock.now() - start)} while asking ${what}${last !== undefined ? ` (last answer: ${last})` : ''}; the steps say what was not checked`,
        fix: 'Nothing was decided about what was not checked. Re-run the job; if the mirror or the checksum database is slow, raise the timeout (--timeout, or the timeout input; it defaults to warm-timeout plus 5 minutes).',
      });
    }
    report.steps = STEP_ORDER.map((name) => {
      const n = attempts.get(name);
      return {
        name,
        ...(steps.get(name) ?? { status: 'unchecked' as const, detail: 'not reached' }),
        ...(n !== undefined ? { attempts: n } : {}),
      };
    });
    const compared: Side[] = [];
    if (steps.get('local')?.status === 'ok') compared.push('local');
    if (report.hashes.mirror.zip !== undefined) compared.push('mirror');
    if (report.hashes.sumdb.zip !== undefined) compared.push('sumdb');
    report.compared = compared;
    report.verdict = decideVerdict(report);
    if (report.verdict === 'pass' && compared.length <= 1) {
      const why = [
        mirror === undefined ? (ports.mirrorDisabled ?? 'no mirror') : undefined,
        sumdb === undefined ? (ports.sumdbDisabled ?? 'no checksum database') : undefined,
      ].filter((x): x is string => x !== undefined);
      report.localOnly =
        why.length > 0
          ? `${why.join('; ')}: only the local rebuild was checked`
          : 'nothing remote was compared';
    }
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
  //    before anything makes the mirror fetch. With warming off nothing may
  //    publish the version, and sum.golang.org fetches through the mirror
  //    on a lookup: the database is asked only about a version the mirror
  //    is known to hold.
  const patience = Math.min(clock.now() + input.warmTimeoutMs, deadline);
  let mirrorInfo: MirrorInfo | undefined;
  let fetchedByUs = false;
  /** Set once the mirror could not be reached, so later steps do not wait on it again. */
  let mirrorDown: string | undefined;
  /** Whether the mirror holds the version without being asked to fetch it; undefined: unknown. */
  let held: boolean | undefined;
  /** Which view said so. */
  let heldBy = '';
  /** The mirror's `@v/list`, once read (retractions and the remedy use it too). */
  let listed: ListResult | undefined;
  const noMirror = `${BY_CONFIG}: ${ports.mirrorDisabled ?? 'GOPROXY names no mirror for this module'}`;
  if (mirror === undefined) {
    for (const name of ['mirror-cache', 'warm', 'origin', 'mirror-content'] as const) {
      setStep(name, 'skipped', noMirror);
    }
  } else {
    const c = await asker.ask(`${mirror.url} cached-only .info of ${mv()}`, () =>
      mirror.cached(path, version),
    );
    count('mirror-cache', c.attempts);
    const r = c.result;
    if (r.kind === 'found') {
      mirrorInfo = r;
      held = true;
      setStep('mirror-cache', 'ok', `the mirror already holds ${path}@${r.version}`);
      setStep('warm', 'skipped', 'not needed: the mirror already holds this version');
    } else if (r.kind === 'not-found') {
      held = false;
      heldBy = 'its cached-only view';
      setStep('mirror-cache', 'ok', `the mirror does not hold ${mv()} yet`);
    } else if (r.kind === 'unsupported') {
      setStep('mirror-cache', 'skipped', 'this proxy offers no cached-only view');
    } else if (r.notSent === true) {
      setStep('mirror-cache', 'unchecked', r.reason);
    } else {
      setStep('mirror-cache', 'skipped', `cached-only view unavailable: ${r.reason}`);
    }
    if (held === undefined && !input.warm && asker.outOfTime === undefined) {
      // No cached-only answer and no permission to make the mirror fetch:
      // its version list says what it holds.
      const l = await asker.ask(`${mirror.url} version list of ${path}`, () => mirror.list(path));
      count('mirror-cache', l.attempts);
      listed = usableList(l.result, path);
      if (listed.kind === 'ok') {
        held = listed.versions.includes(version);
        heldBy = 'its version list';
        setStep(
          'mirror-cache',
          'ok',
          `the mirror's version list ${held ? 'names' : 'does not name'} ${version} (read instead of a cached-only view)`,
        );
      } else if (listed.kind === 'not-found') {
        held = false;
        heldBy = 'its version list';
        setStep(
          'mirror-cache',
          'ok',
          `the mirror lists no version of ${path}: ${firstLine(listed.body)}`,
        );
      } else {
        if (listed.deadline !== true) mirrorDown = listed.reason;
        setStep('mirror-cache', 'unchecked', `could not read the version list: ${listed.reason}`);
      }
    }
  }
  let sum: SumdbLookup | undefined;
  const lookup = (): Promise<Asked<SumdbLookup>> =>
    asker.ask(
      `${sumdb?.name ?? 'checksum database'} record of ${mv()}`,
      () => sumdb?.lookup(path, version) ?? Promise.reject(new Error('no checksum database')),
    );
  if (sumdb === undefined) {
    setStep(
      'sumdb',
      'skipped',
      `${BY_CONFIG}: ${ports.sumdbDisabled ?? 'GOSUMDB is off for this module'}`,
    );
  } else if (input.warm || held === true) {
    logger.info(`Looking up ${mv()} in ${sumdb.name}`);
    const l = await lookup();
    count('sumdb', l.attempts);
    sum = l.result;
  } else {
    const mirrorSays =
      held === false
        ? `the mirror does not hold ${mv()} (${heldBy} says so)`
        : `nothing says the mirror holds ${mv()}`;
    setStep(
      'sumdb',
      'unchecked',
      `not asked: ${sumdb.name} fetches a version it has no record of through the mirror, ${mirrorSays}, and warming is off`,
    );
  }
  const S: HashPair | undefined =
    sum?.kind === 'found' ? { zip: sum.zipHash, mod: sum.goModHash } : undefined;
  const movedPerSumdb = S !== undefined && !sameHashes(S, L);

  // 3. Warm, unless the mirror holds the version already or the checksum
  //    database proves the tag moved (a fresh fetch would then serve bytes
  //    that fail everybody's checksum verification).
  const acceptInfo = (w: MirrorInfo, base: string, step: StepName, attempts: string): void => {
    if (w.version !== version) {
      findings.push({
        code: 'mirror-rejected',
        severity: 'error',
        message: `${mirror?.url ?? 'the mirror'} resolved ${path}@${base} to ${w.version}, but the go command publishes this tag as ${version}`,
        ...atModule,
        fix: 'Check which go.mod files the tagged commit holds (a go.mod at the root makes v2+ tags need a /vN module path; without one, v2+ tags become +incompatible).',
      });
      setStep(step, 'failed', `the mirror answered ${w.version}`);
      if (step !== 'origin') setStep('origin', 'skipped', 'nothing to compare');
      setStep('mirror-content', 'skipped', 'the mirror names another version');
      return;
    }
    mirrorInfo = w;
    if (step === 'warm') {
      fetchedByUs = steps.get('mirror-cache')?.status === 'ok';
      setStep('warm', 'ok', `the mirror serves ${path}@${w.version} (${attempts})`);
    }
  };
  if (mirror !== undefined && mirrorInfo === undefined) {
    const base = stripIncompatible(version);
    if (movedPerSumdb) {
      setStep('warm', 'skipped', 'not warmed: the checksum database already holds other bytes');
      setStep('origin', 'skipped', 'not warmed');
      setStep('mirror-content', 'skipped', 'not warmed');
    } else if (held === true) {
      // Listed: reading .info now publishes nothing.
      setStep('warm', 'skipped', `not needed: ${heldBy} names ${version}`);
      const i = await asker.ask(`${mirror.url} .info of ${mv()}`, () => mirror.info(path, version));
      count('origin', i.attempts);
      const r = i.result;
      if (r.kind === 'found') {
        acceptInfo(r, version, 'origin', plural(i.attempts, 'attempt'));
      } else if (r.kind === 'not-found') {
        findings.push({
          code: 'mirror-rejected',
          severity: 'error',
          message: `${mirror.url} lists ${version} but answered "not found" for its .info: ${r.body.trimEnd()}`,
          fix: 'Nobody can download this version through the mirror. Publish a new version and retract this one.',
        });
        setStep('origin', 'failed', firstLine(r.body));
        setStep('mirror-content', 'skipped', 'the mirror does not serve the version it lists');
      } else {
        markUnreachable(r, ['origin', 'mirror-content']);
      }
    } else if (!input.warm) {
      setStep('warm', 'skipped', `${BY_CONFIG}: warming is off`);
      setStep(
        'mirror-content',
        'unchecked',
        held === false
          ? `the mirror does not hold ${mv()} (${heldBy} says so) and warming is off: nothing to compare`
          : `could not learn whether the mirror holds ${mv()}, and warming is off`,
      );
      setStep('origin', 'skipped', 'nothing to compare');
    } else {
      logger.info(`Asking ${mirror.url} to fetch ${path}@${base}`);
      const w = await asker.ask(
        `${mirror.url} .info of ${path}@${base} (makes the mirror fetch it)`,
        () => mirror.warm(path, base, patience),
        { lag: (r) => r.kind === 'not-found' && !r.final, patience },
      );
      count('warm', w.attempts);
      const tries = plural(w.attempts, 'attempt');
      const r = w.result;
      if (r.kind === 'found') {
        acceptInfo(r, base, 'warm', tries);
      } else if (r.kind === 'unreachable') {
        markUnreachable(r, ['warm', 'origin', 'mirror-content'], {
          message: `could not reach the mirror ${mirror.url} for ${path}@${base} (${tries}): ${r.reason}`,
          fix: mirror.unreachableFix ?? 'Re-run the job; nothing about the module was decided.',
        });
      } else if (r.final) {
        const body = r.body.trimEnd();
        findings.push({
          code: 'mirror-rejected',
          severity: 'error',
          message: `${mirror.url} answered "not found" for ${path}@${base} (${tries}): ${body}`,
          ...atModule,
          fix: 'If the server text names a problem in the repository, fix it and tag a new version. A fresh tag can also meet a "not found" the mirror remembered from an earlier request for up to 30 minutes: re-run with a longer warm-timeout.',
        });
        setStep('warm', 'failed', firstLine(body));
        setStep('origin', 'skipped', 'nothing to compare');
        setStep('mirror-content', 'skipped', 'the mirror refused the version');
      } else if (w.end === 'deadline') {
        // The deadline's own finding says what was pending.
        for (const name of ['warm', 'origin', 'mirror-content'] as const) {
          setStep(
            name,
            'unchecked',
            `${asker.deadlineText} ran out while the mirror still answered "not found" (${tries})`,
          );
        }
      } else {
        // Still "not found" at warm-timeout without a refusal: most often the
        // mirror's remembered miss (up to ~30 minutes). Nothing is proven
        // wrong with the version, so this is "could not check".
        const body = r.body.trimEnd();
        findings.push({
          code: 'unreachable',
          severity: 'warning',
          message: `${mirror.url} still answered "not found" for ${path}@${base} when warm-timeout ran out (${tries}): ${body}`,
          fix: 'The mirror remembers a miss for up to 30 minutes when the version was requested before the tag existed. Re-run the job later, or raise warm-timeout.',
        });
        setStep('warm', 'unchecked', firstLine(body));
        setStep('origin', 'unchecked', 'the mirror does not serve the version yet');
        setStep('mirror-content', 'unchecked', 'the mirror does not serve the version yet');
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
    const modAsked = await asker.ask(`${mirror.url} .mod of ${mv()}`, () =>
      mirror.mod(path, version),
    );
    const zipAsked = await asker.ask(`${mirror.url} .zip of ${mv()}`, () =>
      mirror.zip(path, version),
    );
    count('mirror-content', modAsked.attempts + zipAsked.attempts);
    const mod = modAsked.result;
    const zip = zipAsked.result;
    if (mod.kind === 'ok' && zip.kind === 'ok') {
      M = { zip: zip.h1, mod: mod.h1 };
      mirrorZip = zip;
      report.hashes.mirror = M;
      setStep('mirror-content', 'ok', `the mirror serves ${zip.h1}`);
    } else {
      const problems = [mod, zip].filter((r) => r.kind !== 'ok');
      const unreachable = problems.filter((r): r is Unreachable => r.kind === 'unreachable');
      if (unreachable.length > 0) {
        markUnreachable(unreachable[0]!, ['mirror-content'], {
          message: `could not download ${mv()} from ${mirror.url}: ${unreachable.map((r) => r.reason).join('; ')}`,
          fix:
            mirror.unreachableFix ??
            'Re-run the job; nothing about the module content was decided.',
          detail: 'download failed',
        });
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
  // where they are read from, never the verdict. The list also feeds the
  // remedy's next version.
  const listRead = listed !== undefined && listed.kind !== 'unreachable';
  let listUnavailable =
    mirror === undefined
      ? `no mirror: ${ports.mirrorDisabled ?? 'GOPROXY does not name one for this module'}`
      : listRead
        ? undefined
        : mirrorDown !== undefined
          ? `the mirror could not be reached: ${mirrorDown}`
          : asker.outOfTime !== undefined
            ? `${asker.deadlineText} ran out`
            : undefined;
  if (mirror !== undefined && listUnavailable === undefined && listed === undefined) {
    const l = await asker.ask(`${mirror.url} version list of ${path}`, () => mirror.list(path));
    listed = usableList(l.result, path);
    if (listed.kind === 'unreachable' && listed.deadline === true) {
      listUnavailable = `${asker.deadlineText} ran out`;
    }
  }
  const counted: Mirror | undefined =
    mirror === undefined
      ? undefined
      : {
          ...mirror,
          list: () => Promise.resolve(listed ?? { kind: 'ok', versions: [] }),
          mod: async (p, v) =>
            (await asker.ask(`${mirror.url} .mod of ${p}@${v}`, () => mirror.mod(p, v))).result,
        };
  findings.push(
    ...(await retractionFindings({
      local,
      ...(counted !== undefined ? { mirror: counted } : {}),
      ...(listUnavailable !== undefined ? { noMirror: listUnavailable } : {}),
      logger,
    })),
  );

  // 5. The checksum database, asked again when it had no record before the
  //    mirror fetched the version.
  if (sumdb !== undefined && sum !== undefined) {
    if (sum.kind === 'not-found' && input.warm && mirrorInfo !== undefined) {
      const again = await asker.ask(
        `${sumdb.name} record of ${mv()}`,
        () => sumdb.lookup(path, version),
        { lag: (r) => r.kind === 'not-found', patience },
      );
      count('sumdb', again.attempts);
      sum = again.result;
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
      markUnreachable(sum, ['sumdb'], {
        message: `could not reach the checksum database ${sumdb.name}: ${sum.reason}`,
        fix: sumdb.unreachableFix ?? 'Re-run the job; nothing about the checksums was decided.',
      });
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
  // One finding per cause: when the bytes moved, the mirror's commit is
  // evidence inside tag-moved (its message names it), not a second error.
  const tagMoved = findings.some((f) => f.code === 'tag-moved');
  if (originSame === false && !tagMoved) {
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
  } else if (originSame === false) {
    setStep('origin', 'failed', `the mirror fetched ${report.mirrorCommit ?? '?'}`);
  }

  /**
   * Why the advised version may be too low: the versions it must exceed
   * could not all be seen. The mirror's list (or its "none") settles it;
   * without it, a shallow checkout or one with no other version tag of the
   * module may miss a higher release.
   */
  const remedyCaveat = (): string | undefined => {
    if (listed?.kind === 'ok' || listed?.kind === 'not-found') return undefined;
    const base = stripIncompatible(version);
    const others = (local.existingVersions ?? []).filter((v) => v !== base && v !== version);
    if (local.shallow !== true && others.length > 0) return undefined;
    const checkout =
      local.shallow === true
        ? 'this checkout is shallow (actions/checkout fetches only the pushed tag unless fetch-depth: 0)'
        : `this checkout has no other version tag of ${path}`;
    const why =
      listed?.kind === 'unreachable' ? listed.reason : (listUnavailable ?? 'it was not asked');
    return (
      `This advice may be wrong: ${checkout}, and the mirror's version list could not be read (${why}), ` +
      `so a version above ${version} may already be published. The go command reads retract lines only from the highest version: ` +
      `find it with \`git ls-remote --tags origin\` or \`go list -m -versions ${path}\`, and publish above it.`
    );
  };

  // Every "the world holds other bytes" finding carries the same remedy.
  const broken = findings.filter(
    (f) => f.severity === 'error' && (f.code === 'tag-moved' || f.code === 'origin-mismatch'),
  );
  // The next version must be above every published release of the major
  // line (only the latest version's retract lines count), so it comes from
  // all that was seen: the local tags, the mirror's version list and the
  // versions the checksum database vouched for. It is only ever advised,
  // never sent anywhere.
  const next =
    broken.length > 0
      ? nextVersion(version, [
          ...(local.existingVersions ?? []),
          ...(listed?.kind === 'ok' ? listed.versions : []),
          ...(S2 !== undefined ? [version] : []),
        ])
      : '';
  if (next !== '') {
    const retract = `retract ${version} // tag ${input.tag} moved after publication; use ${next}`;
    report.remedy = { nextVersion: next, retract };
    const caveat = remedyCaveat();
    if (caveat !== undefined) report.remedy.caveat = caveat;
    const fix =
      `The mirror and the checksum database keep the first bytes of ${version} forever: it cannot be repaired, only replaced. ` +
      `Publish ${next} from the commit you want, with this line added to go.mod:\n    ${retract}` +
      (caveat !== undefined ? `\n${caveat}` : '');
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

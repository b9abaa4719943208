// The release gate (DESIGN "Release gate") as a sequence of named steps:
// the local rebuild, what the mirror and the checksum database already hold
// (warming the mirror when allowed), the mirror's content, retractions, the
// three-way comparison and the remedy. The verdict is `pass` only when every
// comparison the configuration asks for really happened. Every question to a
// remote side goes through one retry loop under one deadline (asker.ts).
import { Asker, formatDuration } from './asker.js';
import { comparisonFindings, compareSides } from './compare.js';
import { localHashes, mv, sidesFor, usableList, type Sides, type StepContext } from './context.js';
import { downloadPublished, type Downloaded } from './download.js';
import { incompatible, remedyFix, unreachable } from './findings.js';
import { BY_CONFIG, STEP_ORDER, StepLedger, decideVerdict } from './ledger.js';
import { atModuleLine, localFindings } from './local-findings.js';
import {
  inGroup,
  type Clock,
  type LocalModule,
  type ReleaseInput,
  type ReleasePorts,
  type SumdbAnswer,
} from './ports.js';
import { confirmSumdb, lookupPublished, type Published } from './published.js';
import { remedyFor, type ListSeen } from './remedy.js';
import { retractionFindings } from './retractions.js';
import {
  REPORT_SCHEMA,
  type Finding,
  type HashPair,
  type ReleaseReport,
  type Remedy,
  type Side,
  type ZipDiff,
} from './types.js';
import { compareZips } from './zip-compare.js';

export { BY_CONFIG };

/** How much longer than warm-timeout the whole check may take by default. */
const TIMEOUT_MARGIN_MS = 5 * 60_000;

/** The default whole-check limit: warm-timeout plus 5 minutes for everything else. */
export function defaultTimeoutMs(warmTimeoutMs: number): number {
  return warmTimeoutMs + TIMEOUT_MARGIN_MS;
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
  const { clock, logger } = ports;
  const start = clock.now();
  const deadline =
    input.deadline ?? start + (input.timeoutMs ?? defaultTimeoutMs(input.warmTimeoutMs));
  const asker = new Asker({
    clock,
    logger,
    start,
    deadline,
    timeoutText: formatDuration(input.timeoutMs ?? deadline - start),
  });
  const ledger = new StepLedger();
  const tag = input.tag;

  // 1. Local facts. Nothing invalid is ever sent to the mirror: it would
  //    remember the miss for about 30 minutes.
  const local = await inGroup(logger, `${tag}: rebuilding the module zip locally`, () =>
    rebuild(ports, input),
  );
  const sides = await sidesFor(ports, local.modulePath);
  const run: Run = { tag, local, sides, ledger, asker, clock, start };
  const problems = localFindings(local, tag);
  if (problems.length > 0) {
    ledger.set('local', 'failed', `${mv(local)} at ${local.commit} is not a valid module version`);
    ledger.setAll(STEP_ORDER.slice(1), 'skipped', 'not contacted: the version is invalid locally');
    return finish(run, problems, {});
  }
  ledger.set('local', 'ok', `${mv(local)} at ${local.commit}: ${local.sum ?? ''}`);
  const ctx: StepContext = {
    asker,
    ledger,
    logger,
    warm: input.warm,
    patience: Math.min(clock.now() + input.warmTimeoutMs, deadline),
  };

  // 2-3. What the mirror and the database hold; the mirror's .info (warming it if allowed).
  const held = `${tag}: what ${sides.mirror?.url ?? 'the mirror'} and ${sides.sumdb?.name ?? 'the checksum database'} hold`;
  const published = await inGroup(logger, held, () => lookupPublished(ctx, sides, local));

  // 4. The content users download.
  const { mirror } = sides;
  const downloaded: Downloaded =
    mirror !== undefined && published.info !== undefined
      ? await inGroup(logger, `${tag}: downloading from ${mirror.url}`, () =>
          downloadPublished(ctx, mirror, local),
        )
      : { findings: [] };

  // Retractions and deprecation come from the latest version's go.mod, which
  // the mirror's list names; they are warnings, so trouble here only changes
  // where they are read from, never the verdict. The list also feeds the remedy.
  const retractions = await inGroup(logger, `${tag}: retractions and deprecation`, () =>
    retractionsStep(ctx, sides, local, published, published.mirrorDown ?? downloaded.mirrorDown),
  );

  // 5. The checksum database, asked again when it had no record before the
  //    mirror fetched the version.
  const sumdb = await confirmSumdb(ctx, sides.sumdb, local, published);

  // 6. Compare, explain with a file diff, and advise.
  const judged = await judge(run, published, downloaded, retractions, sumdb.sum);
  return finish(
    run,
    [
      ...published.findings,
      ...downloaded.findings,
      ...retractions.findings,
      ...sumdb.findings,
      ...judged.findings,
    ],
    judged.found,
  );
}

/** The local build of the tag, logged once done: a tag that cannot be resolved is one input-error line. */
async function rebuild(ports: ReleasePorts, input: ReleaseInput): Promise<LocalModule> {
  const given = input.modulePath;
  const built = await ports.local.build(
    input.tag,
    given === undefined ? {} : { modulePath: given },
  );
  ports.logger.info(`Rebuilt ${input.tag} locally: ${mv(built)} at ${built.commit}`);
  return built;
}

/**
 * The three-way comparison, a file diff of the mirror's zip when it explains
 * a finding, the remedy when only a new version helps, and the +incompatible
 * warning.
 */
async function judge(
  run: Run,
  published: Published,
  downloaded: Downloaded,
  seen: ListSeen,
  sum: SumdbAnswer | undefined,
): Promise<{ findings: Finding[]; found: Found }> {
  const { local, sides } = run;
  const sumdb = sum?.kind === 'found' ? { zip: sum.zipHash, mod: sum.goModHash } : undefined;
  const hashes = { local: localHashes(local), mirror: downloaded.hashes, sumdb };
  const cmp = compareSides({
    ...hashes,
    commit: local.commit,
    info: published.info,
    fetchedByUs: published.fetchedByUs,
  });
  for (const s of cmp.steps) run.ledger.set(s.name, s.status, s.detail);
  const diff =
    cmp.needDiff && downloaded.zip !== undefined
      ? await compareZips(downloaded.zip, {
          files: local.zipFiles,
          readFile: (name) => local.readFile(name),
        })
      : undefined;
  const remedy = cmp.broken
    ? remedyFor({ local, tag: run.tag, seen, sumdbVouched: sumdb !== undefined })
    : undefined;
  const findings = comparisonFindings(cmp, {
    tag: run.tag,
    local,
    hashes,
    mirrorName: sides.mirror?.url,
    sumdbName: sides.sumdb?.name,
    originRef: published.info?.origin?.Ref,
    diff,
    fix: remedy === undefined ? undefined : remedyFix(local.version, remedy),
  });
  if (local.version.endsWith('+incompatible')) {
    const at = atModuleLine(local);
    findings.push(
      incompatible({ path: local.modulePath, tag: run.tag, version: local.version, at }),
    );
  }
  return {
    findings,
    found: { mirror: hashes.mirror, sumdb, mirrorCommit: cmp.mirrorCommit, diff, remedy },
  };
}

/** What the end of a check needs to write its report. */
interface Run {
  tag: string;
  local: LocalModule;
  sides: Sides;
  ledger: StepLedger;
  asker: Asker;
  clock: Clock;
  start: number;
}

/** What the remote steps found, for the report. */
interface Found {
  mirror?: HashPair | undefined;
  sumdb?: HashPair | undefined;
  mirrorCommit?: string | undefined;
  diff?: ZipDiff | undefined;
  remedy?: Remedy | undefined;
}

/**
 * The mirror's version list for retractions and the remedy (read once per
 * check: reused when warming off already read it), and the findings.
 */
async function retractionsStep(
  ctx: StepContext,
  sides: Sides,
  local: LocalModule,
  published: Published,
  mirrorDown: string | undefined,
): Promise<ListSeen & { findings: Finding[] }> {
  const { mirror } = sides;
  const { asker } = ctx;
  let listed = published.listed;
  let listUnavailable =
    mirror === undefined
      ? `no mirror: ${sides.mirrorOff ?? 'GOPROXY does not name one for this module'}`
      : listed !== undefined && listed.kind !== 'unreachable'
        ? undefined
        : mirrorDown !== undefined
          ? `the mirror could not be reached: ${mirrorDown}`
          : asker.outOfTime !== undefined
            ? `${asker.deadlineText} ran out`
            : undefined;
  const path = local.modulePath;
  if (mirror !== undefined && listUnavailable === undefined && listed === undefined) {
    const l = await asker.ask(`${mirror.url} version list of ${path}`, () => mirror.list(path));
    listed = usableList(l.result, path);
    if (listed.kind === 'unreachable' && listed.deadline === true) {
      listUnavailable = `${asker.deadlineText} ran out`;
    }
  }
  const known = listed;
  const findings = await retractionFindings({
    released: local,
    ...(mirror !== undefined
      ? {
          mirror: {
            url: mirror.url,
            list: () => Promise.resolve(known ?? { kind: 'ok', versions: [] }),
            mod: async (p: string, v: string) =>
              (await asker.ask(`${mirror.url} .mod of ${p}@${v}`, () => mirror.mod(p, v))).result,
          },
        }
      : {}),
    ...(listUnavailable !== undefined ? { noMirror: listUnavailable } : {}),
    logger: ctx.logger,
  });
  return {
    findings,
    ...(listed !== undefined ? { listed } : {}),
    ...(listUnavailable !== undefined ? { listUnavailable } : {}),
  };
}

/** The report: the deadline's finding if it ran out, the steps, what was compared, the verdict. */
function finish(run: Run, findings: Finding[], found: Found): ReleaseReport {
  const { asker, ledger, local, sides } = run;
  if (asker.outOfTime !== undefined) {
    ledger.cutShort(`not done: ${asker.deadlineText} ran out`);
    findings.push(
      unreachable({
        kind: 'deadline',
        deadline: asker.deadlineText,
        elapsed: formatDuration(run.clock.now() - run.start),
        ...asker.outOfTime,
      }),
    );
  }
  const steps = ledger.steps();
  const compared: Side[] = [];
  if (ledger.status('local') === 'ok') compared.push('local');
  if (found.mirror?.zip !== undefined) compared.push('mirror');
  if (found.sumdb?.zip !== undefined) compared.push('sumdb');
  const verdict = decideVerdict({ findings, steps });
  const report: ReleaseReport = {
    schema: REPORT_SCHEMA,
    verdict,
    compared,
    tag: run.tag,
    module: local.modulePath,
    version: local.version,
    commit: local.commit,
    goMod: atModuleLine(local),
    hashes: { local: localHashes(local), mirror: found.mirror ?? {}, sumdb: found.sumdb ?? {} },
    steps,
    findings,
  };
  if (sides.mirror !== undefined) report.mirrorUrl = sides.mirror.url;
  if (sides.sumdb !== undefined) report.sumdbName = sides.sumdb.name;
  if (found.mirrorCommit !== undefined) report.mirrorCommit = found.mirrorCommit;
  if (found.diff !== undefined) report.diff = found.diff;
  if (found.remedy !== undefined) report.remedy = found.remedy;
  if (verdict === 'pass' && compared.length <= 1) {
    const why = [sides.mirrorOff, sides.sumdbOff].filter((x): x is string => x !== undefined);
    report.localOnly =
      why.length > 0
        ? `${why.join('; ')}: only the local rebuild was checked`
        : 'nothing remote was compared';
  }
  return report;
}

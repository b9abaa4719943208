// What the mirror and the checksum database hold of a version, learnt before
// anything makes the mirror fetch it. The rules that keep a check from
// publishing what the user did not ask to publish live here:
//   - with warming off, only the mirror's cached-only view (or, without one,
//     its version list) says whether it holds the version; nothing else is
//     asked about a version it does not hold;
//   - the checksum database is asked only about a version the mirror holds
//     (sum.golang.org fetches through the mirror on a lookup), unless the
//     user allows warming;
//   - the mirror is not warmed when the database already proves other bytes.
import type { Asked } from './asker.js';
import { mirrorRejected, sumdbUnverifiable, unreachable } from './findings.js';
import { BY_CONFIG, MIRROR_STEPS } from './ledger.js';
import {
  firstLine,
  localHashes,
  mv,
  plural,
  sameHashes,
  stripIncompatible,
  unreached,
  usableList,
  type Sides,
  type StepContext,
} from './context.js';
import { atModuleLine } from './local-findings.js';
import type { ListAnswer, LocalModule, Mirror, MirrorInfo, Sumdb, SumdbAnswer } from './ports.js';

/**
 * What the lookups need of a version: its module path and version, its
 * hashes (a moved tag is seen before anything warms the mirror) and where
 * its go.mod's module line is (for annotations).
 */
export type VersionAsked = Pick<
  LocalModule,
  'modulePath' | 'version' | 'sum' | 'goModSum' | 'goModPath' | 'moduleLine'
>;
import type { Finding, StepName } from './types.js';

/** Whether the mirror holds the version without being asked to fetch it. */
export interface Holding {
  /** The mirror's `.info`, when its cached-only view holds the version. */
  info?: MirrorInfo;
  /** undefined: unknown. */
  held?: boolean;
  /** Which view said so. */
  heldBy: string;
  /** The mirror's `@v/list`, when it was read (retractions and the remedy use it too). */
  listed?: ListAnswer;
  mirrorDown?: string;
}

export interface Published extends Holding {
  /** The first answer of the checksum database; undefined when it was not asked. */
  sum?: SumdbAnswer;
  /** This check made the mirror fetch the version. */
  fetchedByUs: boolean;
  findings: Finding[];
}

/**
 * What the mirror and the checksum database hold of the rebuilt version,
 * and the mirror's `.info` when it serves the version (warming it when the
 * user allows and nothing proves the tag moved).
 */
export async function lookupPublished(
  ctx: StepContext,
  sides: Sides,
  local: VersionAsked,
): Promise<Published> {
  const { mirror } = sides;
  let holding: Holding = { heldBy: '' };
  if (mirror === undefined) {
    ctx.ledger.setAll(
      MIRROR_STEPS,
      'skipped',
      `${BY_CONFIG}: ${sides.mirrorOff ?? 'GOPROXY names no mirror for this module'}`,
    );
  } else {
    holding = await mirrorHolding(ctx, mirror, local);
  }
  const sum = await firstLookup(ctx, sides, local, holding);
  const published: Published = { ...holding, fetchedByUs: false, findings: [] };
  if (sum !== undefined) published.sum = sum;
  if (mirror === undefined || holding.info !== undefined) return published;

  // Warm, unless the mirror holds the version already or the checksum
  // database proves the tag moved (a fresh fetch would then serve bytes that
  // fail everybody's checksum verification).
  const movedPerSumdb =
    sum?.kind === 'found' &&
    !sameHashes({ zip: sum.zipHash, mod: sum.goModHash }, localHashes(local));
  if (movedPerSumdb) {
    ctx.ledger.set(
      'warm',
      'skipped',
      'not warmed: the checksum database already holds other bytes',
    );
    ctx.ledger.set('origin', 'skipped', 'not warmed');
    ctx.ledger.set('mirror-content', 'skipped', 'not warmed');
    return published;
  }
  const answer =
    holding.held === true
      ? await readListedInfo(ctx, mirror, local, holding.heldBy)
      : ctx.warm
        ? await warmMirror(ctx, mirror, local)
        : notWarmed(ctx, local, holding);
  if (answer.info !== undefined) published.info = answer.info;
  published.fetchedByUs = answer.fetchedByUs === true;
  published.mirrorDown ??= answer.mirrorDown;
  published.findings.push(...answer.findings);
  return published;
}

/** The mirror's cached-only view, or its version list when it has none and warming is off. */
async function mirrorHolding(
  ctx: StepContext,
  mirror: Mirror,
  local: VersionAsked,
): Promise<Holding> {
  const { asker, ledger } = ctx;
  const path = local.modulePath;
  const h: Holding = { heldBy: '' };
  const c = await asker.ask(`${mirror.url} cached-only .info of ${mv(local)}`, () =>
    mirror.cached(path, local.version),
  );
  ledger.count('mirror-cache', c.attempts);
  const r = c.result;
  if (r.kind === 'found') {
    h.info = r;
    h.held = true;
    ledger.set('mirror-cache', 'ok', `the mirror already holds ${path}@${r.version}`);
    ledger.set('warm', 'skipped', 'not needed: the mirror already holds this version');
  } else if (r.kind === 'not-found') {
    h.held = false;
    h.heldBy = 'its cached-only view';
    ledger.set('mirror-cache', 'ok', `the mirror does not hold ${mv(local)} yet`);
  } else if (r.kind === 'unsupported') {
    ledger.set('mirror-cache', 'skipped', 'this proxy offers no cached-only view');
  } else if (r.notSent === true) {
    ledger.set('mirror-cache', 'unchecked', r.reason);
  } else {
    ledger.set('mirror-cache', 'skipped', `cached-only view unavailable: ${r.reason}`);
  }
  if (h.held === undefined && !ctx.warm && asker.outOfTime === undefined) {
    // No cached-only answer and no permission to make the mirror fetch:
    // its version list says what it holds.
    return heldPerList(ctx, mirror, local);
  }
  return h;
}

async function heldPerList(
  ctx: StepContext,
  mirror: Mirror,
  local: VersionAsked,
): Promise<Holding> {
  const { ledger } = ctx;
  const path = local.modulePath;
  const l = await ctx.asker.ask(`${mirror.url} version list of ${path}`, () => mirror.list(path));
  ledger.count('mirror-cache', l.attempts);
  const listed = usableList(l.result, path);
  if (listed.kind === 'ok') {
    const held = listed.versions.includes(local.version);
    ledger.set(
      'mirror-cache',
      'ok',
      `the mirror's version list ${held ? 'names' : 'does not name'} ${local.version} (read instead of a cached-only view)`,
    );
    return { held, heldBy: 'its version list', listed };
  }
  if (listed.kind === 'not-found') {
    ledger.set(
      'mirror-cache',
      'ok',
      `the mirror lists no version of ${path}: ${firstLine(listed.body)}`,
    );
    return { held: false, heldBy: 'its version list', listed };
  }
  ledger.set('mirror-cache', 'unchecked', `could not read the version list: ${listed.reason}`);
  return {
    heldBy: '',
    listed,
    ...(listed.deadline !== true ? { mirrorDown: listed.reason } : {}),
  };
}

/** The checksum database's record, asked for only when that cannot publish the version. */
async function firstLookup(
  ctx: StepContext,
  sides: Sides,
  local: VersionAsked,
  holding: Holding,
): Promise<SumdbAnswer | undefined> {
  const { sumdb } = sides;
  if (sumdb === undefined) {
    ctx.ledger.set(
      'sumdb',
      'skipped',
      `${BY_CONFIG}: ${sides.sumdbOff ?? 'GOSUMDB is off for this module'}`,
    );
    return undefined;
  }
  if (ctx.warm || holding.held === true) {
    ctx.logger.info(`Looking up ${mv(local)} in ${sumdb.name}`);
    const l = await askSumdb(ctx, sumdb, local);
    ctx.ledger.count('sumdb', l.attempts);
    return l.result;
  }
  const mirrorSays =
    holding.held === false
      ? `the mirror does not hold ${mv(local)} (${holding.heldBy} says so)`
      : `nothing says the mirror holds ${mv(local)}`;
  ctx.ledger.set(
    'sumdb',
    'unchecked',
    `not asked: ${sumdb.name} fetches a version it has no record of through the mirror, ${mirrorSays}, and warming is off`,
  );
  return undefined;
}

function askSumdb(
  ctx: StepContext,
  sumdb: Sumdb,
  local: VersionAsked,
  lag?: boolean,
): Promise<Asked<SumdbAnswer>> {
  return ctx.asker.ask(
    `${sumdb.name} record of ${mv(local)}`,
    () => sumdb.lookup(local.modulePath, local.version),
    lag === true ? { lag: (r) => r.kind === 'not-found', patience: ctx.patience } : {},
  );
}

interface MirrorAnswer {
  info?: MirrorInfo;
  fetchedByUs?: boolean;
  mirrorDown?: string;
  findings: Finding[];
}

/**
 * A `.info` answer for the version being checked: it must name the version
 * the go command publishes for the tag, or the mirror built something else.
 */
function acceptInfo(
  ctx: StepContext,
  mirror: Mirror,
  local: VersionAsked,
  w: MirrorInfo,
  asked: string,
  step: StepName,
): MirrorAnswer {
  if (w.version === local.version) return { info: w, findings: [] };
  ctx.ledger.set(step, 'failed', `the mirror answered ${w.version}`);
  if (step !== 'origin') ctx.ledger.set('origin', 'skipped', 'nothing to compare');
  ctx.ledger.set('mirror-content', 'skipped', 'the mirror names another version');
  return {
    findings: [
      mirrorRejected(
        {
          kind: 'other-version',
          mirror: mirror.url,
          asked: `${local.modulePath}@${asked}`,
          answered: w.version,
          version: local.version,
        },
        atModuleLine(local),
      ),
    ],
  };
}

/** The mirror's list names the version: reading its `.info` publishes nothing. */
async function readListedInfo(
  ctx: StepContext,
  mirror: Mirror,
  local: VersionAsked,
  heldBy: string,
): Promise<MirrorAnswer> {
  const { ledger } = ctx;
  const version = local.version;
  ledger.set('warm', 'skipped', `not needed: ${heldBy} names ${version}`);
  const i = await ctx.asker.ask(`${mirror.url} .info of ${mv(local)}`, () =>
    mirror.info(local.modulePath, version),
  );
  ledger.count('origin', i.attempts);
  const r = i.result;
  if (r.kind === 'found') return acceptInfo(ctx, mirror, local, r, version, 'origin');
  if (r.kind === 'not-found') {
    ledger.set('origin', 'failed', firstLine(r.body));
    ledger.set('mirror-content', 'skipped', 'the mirror does not serve the version it lists');
    return {
      findings: [
        mirrorRejected({
          kind: 'listed-not-served',
          mirror: mirror.url,
          version,
          body: r.body.trimEnd(),
        }),
      ],
    };
  }
  return unreached(ledger, r, ['origin', 'mirror-content']);
}

/** Warming is off and the mirror does not hold the version (or nobody could say). */
function notWarmed(ctx: StepContext, local: VersionAsked, holding: Holding): MirrorAnswer {
  ctx.ledger.set('warm', 'skipped', `${BY_CONFIG}: warming is off`);
  ctx.ledger.set(
    'mirror-content',
    'unchecked',
    holding.held === false
      ? `the mirror does not hold ${mv(local)} (${holding.heldBy} says so) and warming is off: nothing to compare`
      : `could not learn whether the mirror holds ${mv(local)}, and warming is off`,
  );
  ctx.ledger.set('origin', 'skipped', 'nothing to compare');
  return { findings: [] };
}

/** Makes the mirror fetch the version, asking again through its lag until warm-timeout. */
async function warmMirror(
  ctx: StepContext,
  mirror: Mirror,
  local: VersionAsked,
): Promise<MirrorAnswer> {
  const { asker, ledger } = ctx;
  const path = local.modulePath;
  const base = stripIncompatible(local.version);
  const asked = `${path}@${base}`;
  ctx.logger.info(`Asking ${mirror.url} to fetch ${asked}`);
  const w = await asker.ask(
    `${mirror.url} .info of ${asked} (makes the mirror fetch it)`,
    () => mirror.warm(path, base, ctx.patience),
    { lag: (r) => r.kind === 'not-found' && !r.final, patience: ctx.patience },
  );
  ledger.count('warm', w.attempts);
  const tries = plural(w.attempts, 'attempt');
  const r = w.result;
  const pending = ['warm', 'origin', 'mirror-content'] as const;
  if (r.kind === 'found') {
    const a = acceptInfo(ctx, mirror, local, r, base, 'warm');
    if (a.info === undefined) return a;
    ledger.set('warm', 'ok', `the mirror serves ${path}@${r.version} (${tries})`);
    return { ...a, fetchedByUs: ledger.status('mirror-cache') === 'ok' };
  }
  if (r.kind === 'unreachable') {
    return unreached(
      ledger,
      r,
      pending,
      unreachable({
        kind: 'mirror',
        mirror: mirror.url,
        asked,
        tries,
        reason: r.reason,
        ...(mirror.unreachableFix !== undefined ? { fix: mirror.unreachableFix } : {}),
      }),
    );
  }
  const body = r.body.trimEnd();
  if (r.final) {
    ledger.set('warm', 'failed', firstLine(body));
    ledger.set('origin', 'skipped', 'nothing to compare');
    ledger.set('mirror-content', 'skipped', 'the mirror refused the version');
    return {
      findings: [
        mirrorRejected(
          { kind: 'refused', mirror: mirror.url, asked, tries, body },
          atModuleLine(local),
        ),
      ],
    };
  }
  if (w.end === 'deadline') {
    // The deadline's own finding says what was pending.
    ledger.setAll(
      pending,
      'unchecked',
      `${asker.deadlineText} ran out while the mirror still answered "not found" (${tries})`,
    );
    return { findings: [] };
  }
  // Still "not found" at warm-timeout without a refusal: most often the
  // mirror's remembered miss (up to ~30 minutes). Nothing is proven wrong
  // with the version, so this is "could not check".
  ledger.set('warm', 'unchecked', firstLine(body));
  ledger.set('origin', 'unchecked', 'the mirror does not serve the version yet');
  ledger.set('mirror-content', 'unchecked', 'the mirror does not serve the version yet');
  return {
    findings: [unreachable({ kind: 'warm-timeout', mirror: mirror.url, asked, tries, body })],
  };
}

/**
 * The checksum database's final answer: asked again (until warm-timeout)
 * when it had no record before this check made the mirror fetch the
 * version; the `sumdb` step and its findings.
 */
export async function confirmSumdb(
  ctx: StepContext,
  sumdb: Sumdb | undefined,
  local: VersionAsked,
  published: Published,
): Promise<{ sum?: SumdbAnswer; findings: Finding[] }> {
  let sum = published.sum;
  if (sumdb === undefined || sum === undefined) return { findings: [] };
  const { ledger } = ctx;
  if (sum.kind === 'not-found' && ctx.warm && published.info !== undefined) {
    const again = await askSumdb(ctx, sumdb, local, true);
    ledger.count('sumdb', again.attempts);
    sum = again.result;
  }
  const out = { sum, findings: [] as Finding[] };
  if (sum.kind === 'found') {
    ledger.set('sumdb', 'ok', `${sumdb.name} records ${sum.zipHash}`);
  } else if (sum.kind === 'not-found') {
    out.findings.push(
      unreachable({ kind: 'no-record', sumdb: sumdb.name, mv: mv(local), body: sum.body }),
    );
    ledger.set('sumdb', 'unchecked', firstLine(sum.body));
  } else if (sum.kind === 'unverifiable') {
    out.findings.push(sumdbUnverifiable(sumdb.name, mv(local), sum.reason));
    ledger.set('sumdb', 'failed', sum.reason);
  } else {
    const fix = sumdb.unreachableFix;
    out.findings.push(
      ...unreached(
        ledger,
        sum,
        ['sumdb'],
        unreachable({
          kind: 'sumdb',
          sumdb: sumdb.name,
          reason: sum.reason,
          ...(fix !== undefined ? { fix } : {}),
        }),
      ).findings,
    );
  }
  return out;
}

// The drift scan's orchestration: for each module of the repository, gather
// the facts of every version (its tag rebuilt, what the mirror holds, the
// checksum database's record, the mirror's zip when due) and let the pure
// rules of status.ts, remedy.ts and report.ts decide. Every request passes
// the "never publish" predicates first (maySend, mayAskSumdb, needsMirrorZip),
// so the scan never names a version the mirror does not already hold.
import { InputError, errorMessage } from '../../internal/errors.js';
import { backoffDelay, type Clock } from '../../internal/retry.js';
import { mapLimit } from '../../internal/pool.js';
import { splitPathVersion } from '../../module/index.js';
import { parseLax, retractionMessage } from '../../modfile/index.js';
import { compare, isValid, major, prerelease } from '../../semver/index.js';
import type {
  LocalRepo,
  Logger,
  Mirror,
  RemoteSides,
  Retraction,
  SumdbAnswer,
  Unreachable,
  VersionTag,
} from '../ports.js';
import { inGroup } from '../ports.js';
import type { HashPair } from '../types.js';
import { scanReport, type ScanModule, type ScanReport } from './report.js';
import { rememberVersion, rememberedVersion, type ScanState, type VersionState } from './state.js';
import {
  mayAskSumdb,
  maySend,
  mirrorHolds,
  needsMirrorZip,
  versionRefusal,
  type CachedView,
  type ListView,
  type LocalView,
  type MirrorZipView,
  type SumdbView,
  type VersionFacts,
} from './status.js';

/** One version to rebuild from the repository, as the go command resolves it. */
export interface RebuildRequest {
  modulePath: string;
  /** Import path of the repository root. */
  codeRoot: string;
  /** The tag's version. */
  query: string;
}

/** The rebuild's hashes, or Go's error text at the stage where Go would stop. */
export interface RebuildResult {
  version: string;
  commit?: string;
  sum?: string;
  goModSum?: string;
  error?: string;
}

/**
 * Hashes many versions of the repository at once, results in the order
 * asked (the wiring passes modfetch's TreeHasher, which reuses the digest of
 * every file content already seen).
 */
export interface ScanHasher {
  hashVersions(reqs: readonly RebuildRequest[]): Promise<RebuildResult[]>;
}

export interface ScanPorts extends RemoteSides {
  local: Pick<LocalRepo, 'versionTags' | 'modules' | 'goMod'>;
  hasher: ScanHasher;
  clock: Clock;
  logger: Logger;
  /** For the backoff's jitter; default Math.random. */
  random?: () => number;
}

export interface ScanInput {
  /** Module paths to scan; default every module with a go.mod at HEAD. */
  modules?: readonly string[];
  /** Requests in flight at once (rebuilds and lookups); default 4. */
  concurrency?: number;
  /** What earlier scans saw; updated in place with what this one saw. */
  state: ScanState;
}

export interface ScanCounters {
  /** Versions rebuilt from their tag's commit in this run. */
  rebuilt: number;
  /** Versions whose tag names the remembered commit (rebuild reused). */
  reused: number;
  /** Checksum database lookups. */
  sumdbLookups: number;
  /** Mirror zips downloaded. */
  mirrorZips: number;
  /** Waits because a server said slow down. */
  backoffs: number;
}

export interface ScanOutcome {
  report: ScanReport;
  counters: ScanCounters;
}

interface ModuleInfo {
  modulePath: string;
  dir: string;
  codeRoot: string;
}

/** A version to look at, with its tag when the repository has one. */
interface Candidate {
  version: string;
  tag?: VersionTag;
}

/** The import path of the repository root, from a module's path and directory. */
function codeRootOf(modulePath: string, dir: string): string {
  const { prefix } = splitPathVersion(modulePath);
  if (dir === '') return prefix;
  // A module in `sub/v2` may declare `…/sub/v2` (prefix `…/sub`) or `…/sub` at dir `sub`.
  const d = dir.replace(/\/v[0-9]+$/, '');
  for (const tail of [`/${dir}`, `/${d}`]) {
    if (prefix.endsWith(tail)) return prefix.slice(0, -tail.length);
  }
  return prefix;
}

/**
 * A shared pause for every request of the run: when a server says slow down
 * (429, 503 with Retry-After), all workers wait before their next request,
 * not just the one that was told; the request is then asked again.
 */
class Politeness {
  private resumeAt = 0;
  backoffs = 0;
  constructor(
    private readonly clock: Clock,
    private readonly random: () => number,
    private readonly logger: Logger,
  ) {}

  async ask<T extends { kind: string }>(what: string, fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const wait = this.resumeAt - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
      const answer = await fn();
      const u = answer as unknown as Partial<Unreachable> & { kind: string };
      // Only "slow down" (429, or any answer with Retry-After) pauses the
      // run; other trouble is reported as it is, so a dead mirror does not
      // cost every version a series of waits.
      const slowDown =
        u.kind === 'unreachable' &&
        u.notSent !== true &&
        (u.retryAfterMs !== undefined || /\b429\b/.test(u.reason ?? ''));
      if (!slowDown || u.deadline === true || attempt >= 4) return answer;
      const delay = backoffDelay(
        attempt,
        { baseDelayMs: 1000, maxDelayMs: 60_000 },
        this.random,
        u.retryAfterMs,
      );
      this.resumeAt = Math.max(this.resumeAt, this.clock.now() + delay);
      this.backoffs++;
      this.logger.info(`${what}: ${u.reason ?? 'trouble'}; every request waits ${delay} ms`);
    }
  }
}

function localFromHashes(h: RebuildResult): LocalView {
  if (h.error === undefined && h.sum !== undefined && h.goModSum !== undefined) {
    return { kind: 'built', hashes: { zip: h.sum, mod: h.goModSum } };
  }
  const error = h.error ?? 'the rebuild gave no hash';
  // The .mod was made, so Go accepted the version; the zip is what failed.
  return h.goModSum !== undefined ? { kind: 'zip-error', error } : { kind: 'refused', error };
}

function localFromState(e: VersionState): LocalView {
  if (e.localError !== undefined) {
    return { kind: 'refused', error: e.localError };
  }
  return { kind: 'built', hashes: e.local as HashPair };
}

/** The tags that may name versions of `m` (major versions as Go resolves them). */
function tagsOf(
  m: ModuleInfo,
  tags: readonly VersionTag[],
  all: readonly ModuleInfo[],
): VersionTag[] {
  const { pathMajor } = splitPathVersion(m.modulePath);
  return tags.filter((t) => {
    const mj = major(t.version);
    if (pathMajor !== '') return `/${mj}` === pathMajor || `.${mj}` === pathMajor;
    if (mj === 'v0' || mj === 'v1') return true;
    // A v2+ tag of a path without a major suffix: `+incompatible`, unless
    // another module of the repository is that major.
    return !all.some((o) => o.modulePath === `${m.modulePath}/${mj}`);
  });
}

/** The version the tag names for the module (Go adds +incompatible for v2+ on a suffix-less path). */
function versionOfTag(m: ModuleInfo, t: VersionTag): string {
  const mj = major(t.version);
  const { pathMajor } = splitPathVersion(m.modulePath);
  return pathMajor === '' && mj !== 'v0' && mj !== 'v1' ? `${t.version}+incompatible` : t.version;
}

/** The module's latest tagged go.mod's retractions (the go command reads them from there). */
async function retractionsOf(
  local: ScanPorts['local'],
  m: ModuleInfo,
  tagged: readonly { version: string; tag: VersionTag }[],
): Promise<Retraction[]> {
  const usable = tagged.filter(
    (t) =>
      t.tag.canonical && !t.version.endsWith('+incompatible') && maySend(m.modulePath, t.version),
  );
  const releases = usable.filter((t) => prerelease(t.version) === '');
  const pool = releases.length > 0 ? releases : usable;
  const latest = pool.reduce<(typeof pool)[number] | undefined>(
    (a, t) => (a === undefined || compare(t.version, a.version) > 0 ? t : a),
    undefined,
  );
  if (latest === undefined) return [];
  try {
    const data = await local.goMod(latest.tag.commit, m.dir);
    if (data === undefined) return [];
    const f = parseLax('go.mod', data);
    return f.retract.map((r) => ({ low: r.low, high: r.high, rationale: r.rationale }));
  } catch {
    // A go.mod the go command cannot read retracts nothing it would apply.
    return [];
  }
}

function sumdbView(a: SumdbAnswer): SumdbView {
  switch (a.kind) {
    case 'found':
      return { kind: 'found', hashes: { zip: a.zipHash, mod: a.goModHash } };
    case 'not-found':
      return { kind: 'not-found' };
    case 'unverifiable':
      return { kind: 'unreachable', reason: a.reason };
    case 'unreachable':
      return { kind: 'unreachable', reason: a.reason };
  }
}

/** The mirror's .zip and .mod hashes for a version it holds. */
async function mirrorZip(
  mirror: Mirror,
  path: string,
  version: string,
  polite: Politeness,
): Promise<MirrorZipView> {
  const mod = await polite.ask(`${path}@${version}.mod`, () => mirror.mod(path, version));
  if (mod.kind !== 'ok') {
    return { kind: 'unreachable', reason: mod.kind === 'not-found' ? mod.body : mod.reason };
  }
  const zip = await polite.ask(`${path}@${version}.zip`, () => mirror.zip(path, version));
  if (zip.kind === 'ok') return { kind: 'downloaded', hashes: { zip: zip.h1, mod: mod.h1 } };
  const reason =
    zip.kind === 'not-found' ? zip.body : zip.kind === 'invalid' ? zip.reason : zip.reason;
  return { kind: 'unreachable', reason };
}

/**
 * Scans every version of every module (or `input.modules`), updates
 * `input.state` with what it saw, and returns the report and what the run
 * cost (rebuilds and requests counted, for the tests and the benchmark).
 */
/** What one run shares between its steps. */
interface ScanRun {
  ports: ScanPorts;
  state: ScanState;
  limit: number;
  polite: Politeness;
  counters: ScanCounters;
}

/** What the mirror and the database are for one module, and what the mirror holds of it. */
interface MirrorSeen {
  mirrorSide: Awaited<ReturnType<ScanPorts['mirrorFor']>>;
  sumdbSide: Awaited<ReturnType<ScanPorts['sumdbFor']>>;
  mirror: Mirror | undefined;
  hasCachedView: boolean;
  list: ListView | undefined;
}

export async function runScan(input: ScanInput, ports: ScanPorts): Promise<ScanOutcome> {
  const run: ScanRun = {
    ports,
    state: input.state,
    limit: Math.max(1, Math.floor(input.concurrency ?? 4)),
    polite: new Politeness(ports.clock, ports.random ?? Math.random, ports.logger),
    counters: { rebuilt: 0, reused: 0, sumdbLookups: 0, mirrorZips: 0, backoffs: 0 },
  };
  const all = await modulesAtHead(ports.local);
  const facts: VersionFacts[] = [];
  const modules: ScanModule[] = [];
  for (const m of chooseModules(all, input.modules)) {
    await inGroup(ports.logger, `scan ${m.modulePath}`, async () => {
      const r = await scanModule(run, m, all);
      facts.push(...r.facts);
      modules.push(r.module);
    });
  }
  run.counters.backoffs = run.polite.backoffs;
  return { report: scanReport(facts, modules), counters: run.counters };
}

async function modulesAtHead(local: ScanPorts['local']): Promise<ModuleInfo[]> {
  return (await local.modules('HEAD'))
    .filter((d) => d.modulePath !== '')
    .map((d) => ({
      modulePath: d.modulePath,
      dir: d.dir,
      codeRoot: codeRootOf(d.modulePath, d.dir),
    }));
}

function chooseModules(all: ModuleInfo[], wanted: readonly string[] | undefined): ModuleInfo[] {
  let chosen = all;
  if (wanted !== undefined && wanted.length > 0) {
    chosen = [];
    for (const p of wanted) {
      const m = all.find((x) => x.modulePath === p);
      if (m === undefined) {
        throw new InputError(
          `--module ${p}: no go.mod at HEAD declares it (modules here: ${all.map((x) => x.modulePath).join(', ') || 'none'}); pass one of those`,
        );
      }
      chosen.push(m);
    }
  }
  if (chosen.length === 0) {
    throw new InputError(
      'no go.mod at HEAD declares a module: pass --repo the repository of a Go module',
    );
  }
  return chosen;
}

/** One module: its versions, the local rebuilds, what the mirror holds, then each version's facts. */
async function scanModule(
  run: ScanRun,
  m: ModuleInfo,
  all: ModuleInfo[],
): Promise<{ facts: VersionFacts[]; module: ScanModule }> {
  const { local, logger } = run.ports;
  const prefix = m.dir === '' ? '' : `${m.dir}/`;
  const tags = tagsOf(m, await local.versionTags(m.dir), all);
  const tagged = tags.map((t) => ({ version: versionOfTag(m, t), tag: t }));
  const candidates = new Map<string, Candidate>();
  for (const t of tagged) {
    // A non-canonical tag (v1.2) is never a version Go lists; it is
    // kept under its own name so the status rules call it invalid.
    const v = t.tag.canonical ? t.version : t.tag.name.slice(prefix.length);
    candidates.set(v, { version: v, tag: t.tag });
  }

  const retractions = await retractionsOf(local, m, tagged);
  for (const r of retractions) {
    for (const v of [r.low, r.high]) {
      if (isValid(v) && !candidates.has(v)) candidates.set(v, { version: v });
    }
  }
  for (const v of run.state.modules.get(m.modulePath)?.keys() ?? []) {
    if (!candidates.has(v)) candidates.set(v, { version: v });
  }

  const localViews = await rebuildChanged(run, m, candidates);
  const seen = await mirrorSeen(run, m, candidates, localViews);
  const versions = [...candidates.values()];
  const facts = await mapLimit(versions, run.limit, (c) =>
    versionFacts(run, m, prefix, c, localViews.get(c.version), seen, retractions),
  );
  logger.info(`${m.modulePath}: ${versions.length} versions`);
  const list = seen.list;
  return {
    facts,
    module: {
      modulePath: m.modulePath,
      tagPrefix: prefix,
      goModPath: `${prefix}go.mod`,
      ...(list?.kind === 'ok' ? { seen: list.versions } : {}),
    },
  };
}

/** Local views of every tagged candidate: rebuilt when its commit changed, else from the state. */
async function rebuildChanged(
  run: ScanRun,
  m: ModuleInfo,
  candidates: Map<string, Candidate>,
): Promise<Map<string, LocalView>> {
  const { state, counters, ports } = run;
  const withTag = [...candidates.values()].filter(
    (c): c is Candidate & { tag: VersionTag } => c.tag !== undefined,
  );
  const localViews = new Map<string, LocalView>();
  const toBuild: (Candidate & { tag: VersionTag })[] = [];
  for (const c of withTag) {
    const refusal = versionRefusal(m.modulePath, c.version);
    if (refusal !== undefined && !c.tag.canonical) {
      localViews.set(c.version, { kind: 'refused', error: refusal });
      continue;
    }
    const e = rememberedVersion(state, m.modulePath, c.version);
    const complete =
      e?.localError !== undefined || (e?.local?.zip !== undefined && e.local.mod !== undefined);
    if (e !== undefined && e.commit === c.tag.commit && complete) {
      localViews.set(c.version, localFromState(e));
      counters.reused++;
    } else {
      toBuild.push(c);
    }
  }
  if (toBuild.length > 0) {
    try {
      const hashes = await ports.hasher.hashVersions(
        toBuild.map((c) => ({
          modulePath: m.modulePath,
          codeRoot: m.codeRoot,
          query: c.tag.version,
        })),
      );
      for (const [i, c] of toBuild.entries())
        localViews.set(c.version, localFromHashes(hashes[i]!));
    } catch (e) {
      for (const c of toBuild) {
        localViews.set(c.version, { kind: 'failed', reason: errorMessage(e) });
      }
    }
    counters.rebuilt += toBuild.length;
  }

  return localViews;
}

/**
 * What the mirror holds: the cached-only view where it has one (a plain
 * list on proxy.golang.org makes it refresh the list for days), else the
 * version list. Versions it holds join the candidates.
 */
async function mirrorSeen(
  run: ScanRun,
  m: ModuleInfo,
  candidates: Map<string, Candidate>,
  localViews: Map<string, LocalView>,
): Promise<MirrorSeen> {
  const { polite, ports } = run;
  const mirrorSide = await ports.mirrorFor(m.modulePath);
  const sumdbSide = await ports.sumdbFor(m.modulePath);
  const mirror = mirrorSide.kind === 'on' ? mirrorSide.port : undefined;
  let hasCachedView = false;
  let list: ListView | undefined;
  if (mirror !== undefined) {
    const cachedList = mirror.cachedList?.bind(mirror);
    if (cachedList !== undefined) {
      // What the mirror holds of the module, from the view that never
      // makes it refresh; a version held but no longer tagged shows here.
      const l = await polite.ask(`cached-only ${m.modulePath} @v/list`, () =>
        cachedList(m.modulePath),
      );
      hasCachedView = l.kind !== 'unsupported';
      // The held list answers for every version at once; only when it
      // could not be read is each version asked of the cached-only view.
      if (l.kind === 'ok') {
        list = { kind: 'ok', versions: l.versions };
        for (const v of l.versions) if (!candidates.has(v)) candidates.set(v, { version: v });
      } else if (l.kind === 'not-found') {
        list = { kind: 'not-found' };
      }
    }
    const probe = [...candidates.keys()].find(
      (v) => maySend(m.modulePath, v) && localViews.get(v)?.kind !== 'refused',
    );
    if (!hasCachedView && probe !== undefined) {
      const c = await polite.ask(`cached-only ${m.modulePath}@${probe}`, () =>
        mirror.cached(m.modulePath, probe),
      );
      hasCachedView = c.kind !== 'unsupported';
    }
    if (!hasCachedView) {
      const l = await polite.ask(`${m.modulePath} @v/list`, () => mirror.list(m.modulePath));
      list =
        l.kind === 'ok'
          ? { kind: 'ok', versions: l.versions }
          : l.kind === 'not-found'
            ? { kind: 'not-found' }
            : { kind: 'unreachable', reason: l.reason };
      if (l.kind === 'ok') {
        for (const v of l.versions) if (!candidates.has(v)) candidates.set(v, { version: v });
      }
    }
  }

  return { mirrorSide, sumdbSide, mirror, hasCachedView, list };
}

/** The facts of one version, asking only what may be asked; the state learns what was seen. */
async function versionFacts(
  run: ScanRun,
  m: ModuleInfo,
  prefix: string,
  c: Candidate,
  localView: LocalView | undefined,
  seen: MirrorSeen,
  retractions: Awaited<ReturnType<typeof retractionsOf>>,
): Promise<VersionFacts> {
  const { state, polite, counters } = run;
  const { mirrorSide, sumdbSide, mirror, hasCachedView, list } = seen;
  const path = m.modulePath;
  const v = c.version;
  const remembered = rememberedVersion(state, path, v);
  const tagName = c.tag?.name ?? `${prefix}${v.replace(/\+incompatible$/, '')}`;
  const lv: LocalView = localView ?? { kind: 'no-tag' };
  let cached: CachedView | undefined;
  // A version Go refuses is never named, not even to the cached-only view.
  if (
    mirror !== undefined &&
    hasCachedView &&
    list === undefined &&
    maySend(path, v) &&
    lv.kind !== 'refused'
  ) {
    const a = await polite.ask(`cached-only ${path}@${v}`, () => mirror.cached(path, v));
    cached =
      a.kind === 'found'
        ? { kind: 'found' }
        : a.kind === 'not-found'
          ? { kind: 'not-found' }
          : a.kind === 'unsupported'
            ? { kind: 'unsupported' }
            : { kind: 'unreachable', reason: a.reason };
  }
  const mv = mirrorHolds(v, {
    ...(mirrorSide.kind === 'off' ? { off: mirrorSide.reason } : {}),
    ...(cached !== undefined ? { cached } : {}),
    ...(list !== undefined ? { list } : {}),
  });
  const f: VersionFacts = {
    modulePath: path,
    version: v,
    tag: tagName,
    local: lv,
    mirror: mv,
  };
  if (c.tag !== undefined) f.commit = c.tag.commit;
  if (remembered?.sumdb !== undefined) f.rememberedSumdb = remembered.sumdb;
  if (remembered?.commit !== undefined && c.tag === undefined) {
    f.publishedCommit = remembered.commit;
  }
  const why = retractionMessage(v, retractions);
  if (why !== undefined) f.retracted = why;

  const held = mayAskSumdb(path, v, mv);
  if (held) {
    if (sumdbSide.kind === 'off') {
      f.sumdb = { kind: 'off', reason: sumdbSide.reason };
    } else {
      counters.sumdbLookups++;
      f.sumdb = sumdbView(
        await polite.ask(`checksum database ${path}@${v}`, () => sumdbSide.port.lookup(path, v)),
      );
    }
  }
  const localHashes = lv.kind === 'built' ? lv.hashes : undefined;
  const sumdbHashes = f.sumdb?.kind === 'found' ? f.sumdb.hashes : undefined;
  if (
    mirror !== undefined &&
    needsMirrorZip({
      held,
      ...(remembered?.mirror !== undefined ? { remembered: remembered.mirror } : {}),
      ...(sumdbHashes !== undefined ? { sumdb: sumdbHashes } : {}),
      ...(localHashes !== undefined ? { local: localHashes } : {}),
    })
  ) {
    counters.mirrorZips++;
    f.mirrorZip = await mirrorZip(mirror, path, v, polite);
  } else if (held && remembered?.mirror !== undefined) {
    f.mirrorZip = { kind: 'remembered', hashes: remembered.mirror };
  }

  // What this run saw, for the next one. A failed rebuild is not
  // remembered (the next run tries again); records and mirror hashes
  // are kept when this run could not ask.
  const entry: VersionState = {};
  if (c.tag !== undefined) entry.commit = c.tag.commit;
  else if (remembered?.commit !== undefined) entry.commit = remembered.commit;
  if (lv.kind === 'built') entry.local = lv.hashes;
  if (lv.kind === 'refused' || lv.kind === 'zip-error') {
    entry.localError = lv.error;
  }
  // Records never change: a record that changed is reported (unchecked)
  // and the first one kept, so the next run reports it again.
  const rec = remembered?.sumdb ?? sumdbHashes;
  if (rec !== undefined) entry.sumdb = rec;
  const mz = f.mirrorZip?.kind === 'downloaded' ? f.mirrorZip.hashes : remembered?.mirror;
  if (mz !== undefined) entry.mirror = mz;
  if (c.tag !== undefined || held || remembered !== undefined)
    rememberVersion(state, path, v, entry);
  return f;
}

// The scan's result as data: one entry per module version with its status,
// the verdict, counts by status and one remedy block per module. Plain
// JSON-compatible values, so the JSON document, the job summary and the
// GitHub issue are renderings of the same thing.
import { compareGoStrings } from '../../internal/go-string.js';
import { compareVersionStrings } from '../../semver/index.js';
import type { HashPair, Verdict } from '../types.js';
import {
  moduleRemedy,
  retractRationale,
  type ModuleRemedy,
  type RetractedStatus,
} from './remedy.js';
import {
  countStatuses,
  handledByRetraction,
  needsAction,
  scanStatus,
  scanVerdict,
  type ScanStatus,
  type VersionFacts,
} from './status.js';

export const SCAN_REPORT_SCHEMA = 'modseal.scan-report/v1';

export interface ScanResult {
  module: string;
  version: string;
  tag: string;
  status: ScanStatus;
  commit?: string;
  local?: HashPair;
  sumdb?: HashPair;
  mirror?: HashPair;
  /** Go's text when the module's latest go.mod retracts this version. */
  retracted?: string;
  detail: string;
  fix?: string;
}

export interface ScanReport {
  schema: typeof SCAN_REPORT_SCHEMA;
  verdict: Verdict;
  /** By module path (Go string order), then version (semver order). */
  results: ScanResult[];
  counts: Record<ScanStatus, number>;
  /** One block per module with versions to retract. */
  remedies: ModuleRemedy[];
}

/** What the remedy needs to know of a module beyond its scanned versions. */
export interface ScanModule {
  modulePath: string;
  tagPrefix?: string;
  goModPath?: string;
  /** Versions known but not scanned (e.g. pseudo-versions of the mirror's list). */
  seen?: readonly string[];
}

function resultOf(f: VersionFacts): ScanResult {
  const d = scanStatus(f);
  const r: ScanResult = {
    module: f.modulePath,
    version: f.version,
    tag: f.tag,
    status: d.status,
    detail: d.detail,
  };
  if (f.commit !== undefined) r.commit = f.commit;
  if (f.local.kind === 'built') r.local = f.local.hashes;
  if (f.sumdb?.kind === 'found') r.sumdb = f.sumdb.hashes;
  if (f.mirrorZip?.kind === 'downloaded' || f.mirrorZip?.kind === 'remembered') {
    r.mirror = f.mirrorZip.hashes;
  }
  if (f.retracted !== undefined) r.retracted = f.retracted;
  if (d.fix !== undefined) r.fix = d.fix;
  if (handledByRetraction(r)) {
    // The retraction is the fix; the maintainer has nothing left to do.
    r.detail = `${d.detail}. Already ${f.retracted}: nothing more to do`;
    delete r.fix;
  }
  return r;
}

const isRetractable = (s: ScanStatus): s is RetractedStatus =>
  s === 'moved' || s === 'mirror-differs';

/** The per-version fix of a version the module's remedy retracts. */
function remedyFix(r: ScanResult, remedy: ModuleRemedy): string {
  const where = remedy.goModPath ?? `the go.mod of ${remedy.module}`;
  const line = `retract ${r.version} // ${retractRationale(r.status as RetractedStatus, remedy.nextVersion)}`;
  const extra =
    r.status === 'mirror-differs'
      ? ` Also report it to the mirror's operator (for proxy.golang.org: https://go.dev/issue/new).`
      : '';
  if (remedy.nextVersion === undefined) return `${remedy.note ?? ''}.${extra}`;
  return (
    `Add \`${line}\` to ${remedy.goModPath === undefined ? where : `\`${where}\``} and publish ${remedy.nextVersion} (tag ${remedy.tag ?? remedy.nextVersion}): ` +
    `the mirror keeps the first bytes of ${r.version} forever, and the go command reads retractions only from the latest version` +
    `${remedy.versions.length > 1 ? ` (one block retracts the ${remedy.versions.length} versions of ${remedy.module} at once)` : ''}.${extra}`
  );
}

/**
 * The scan's report from the facts of every version: statuses, the verdict
 * (scanVerdict), counts, one remedy per module with versions to retract,
 * and each retracted version's fix pointing at it.
 */
export function scanReport(
  facts: readonly VersionFacts[],
  modules: readonly ScanModule[] = [],
): ScanReport {
  const results = facts
    .map(resultOf)
    .sort(
      (a, b) => compareGoStrings(a.module, b.module) || compareVersionStrings(a.version, b.version),
    );

  const byModule = new Map<string, ScanResult[]>();
  for (const r of results) {
    const list = byModule.get(r.module) ?? [];
    list.push(r);
    byModule.set(r.module, list);
  }
  const info = new Map(modules.map((m) => [m.modulePath, m]));
  const remedies: ModuleRemedy[] = [];
  for (const [path, list] of byModule) {
    const m = info.get(path);
    const affected = list.filter((r) => isRetractable(r.status) && needsAction(r));
    const remedy = moduleRemedy({
      modulePath: path,
      ...(m?.tagPrefix !== undefined ? { tagPrefix: m.tagPrefix } : {}),
      ...(m?.goModPath !== undefined ? { goModPath: m.goModPath } : {}),
      affected: affected.map((r) => ({ version: r.version, status: r.status as RetractedStatus })),
      seen: [...list.map((r) => r.version), ...(m?.seen ?? [])],
    });
    if (remedy === undefined) continue;
    remedies.push(remedy);
    for (const r of affected) r.fix = remedyFix(r, remedy);
  }

  return {
    schema: SCAN_REPORT_SCHEMA,
    verdict: scanVerdict(results),
    results,
    counts: countStatuses(results),
    remedies,
  };
}

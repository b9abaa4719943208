// The drift scan as one JSON document (`modseal scan --json`). Keys in a
// fixed order, absent facts left out rather than null; consumers key on
// `schema`, and fields are only ever added within a schema.
//
// {
//   "schema":  "modseal.scan-report/v1",
//   "verdict": "pass" | "fail" | "inconclusive",
//   "results": [{"module", "version", "tag", "status", "commit",
//                "local": {"zip", "mod"}, "sumdb": {"zip", "mod"}, "mirror": {"zip", "mod"},
//                "retracted", "detail", "fix"}],
//              status: ok | moved | tag-missing | unpublished | invalid | mirror-differs | unchecked;
//              retracted: Go's text when the module's latest go.mod retracts the version
//              (a retracted problem no longer fails the scan);
//   "counts":  {"<status>": n}                       every status, zeros included,
//   "remedies": [{"module", "versions", "nextVersion", "tag", "goModPath", "retract", "note"}]
//              one per module with versions to retract: publish nextVersion (tag) with
//              the retract text in its go.mod
// }
import type { ScanReport, ScanResult } from '../checks/scan/report.js';
import { SCAN_STATUSES } from '../checks/scan/status.js';
import type { HashPair } from '../checks/types.js';

function pair(h: HashPair | undefined): HashPair | undefined {
  if (h === undefined) return undefined;
  const out: HashPair = {};
  if (h.zip !== undefined) out.zip = h.zip;
  if (h.mod !== undefined) out.mod = h.mod;
  return out;
}

function result(r: ScanResult): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    module: r.module,
    version: r.version,
    tag: r.tag,
    status: r.status,
    commit: r.commit,
    local: pair(r.local),
    sumdb: pair(r.sumdb),
    mirror: pair(r.mirror),
    retracted: r.retracted,
    detail: r.detail,
    fix: r.fix,
  };
  for (const k of Object.keys(doc)) if (doc[k] === undefined) delete doc[k];
  return doc;
}

/** The report as a stable JSON document (pretty-printed, trailing newline). */
export function renderScanJson(report: ScanReport): string {
  const counts: Record<string, number> = {};
  for (const s of SCAN_STATUSES) counts[s] = report.counts[s] ?? 0;
  const doc = {
    schema: report.schema,
    verdict: report.verdict,
    results: report.results.map(result),
    counts,
    remedies: report.remedies.map((m) => {
      const out: Record<string, unknown> = {
        module: m.module,
        versions: m.versions,
        nextVersion: m.nextVersion,
        tag: m.tag,
        goModPath: m.goModPath,
        retract: m.retract,
        note: m.note,
      };
      for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
      return out;
    }),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

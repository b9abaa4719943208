// The JSON report: one document, keys in a fixed order, absent facts left
// out rather than null. Consumers key on `schema`
// ("modseal.release-report/v1"); fields are only ever added within a schema.
//
// {
//   "schema":   "modseal.release-report/v1",
//   "verdict":  "pass" | "fail" | "inconclusive",
//   "compared": ["local" | "mirror" | "sumdb"]           the sides whose hashes were compared,
//   "localOnly": string                                 on a pass that compared nothing remote: why,
//   "tag", "module", "version", "commit", "mirrorCommit":  strings,
//   "goMod":    {"file", "line", "column"}           where go.mod's module line is,
//   "hashes":   {"local"|"mirror"|"sumdb": {"zip", "mod"}}   h1: strings,
//   "mirrorUrl", "sumdbName":  what was asked,
//   "steps":    [{"name", "status": ok|failed|skipped|unchecked, "detail", "attempts"}],
//               (a detail starting "skipped by configuration" is a step the settings turned off;
//               attempts: requests made for the step),
//   "findings": [{"code", "severity": error|warning|notice, "message", "file", "line", "column", "fix"}],
//   "diff":     {"added": [names], "removed": [names], "changed": [{"name", "mirrorSha256", "localSha256", "diff", "note"}]},
//   "remedy":   {"nextVersion", "retract", "caveat"}   caveat: why nextVersion may be too low
// }
import type { ReleaseReport } from '../checks/types.js';

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** The report as a stable JSON document (pretty-printed, trailing newline). */
export function renderJson(report: ReleaseReport): string {
  const doc = {
    schema: report.schema,
    verdict: report.verdict,
    compared: report.compared ?? [],
    ...pick(report, ['localOnly', 'tag', 'module', 'version', 'commit', 'mirrorCommit']),
    ...(report.goMod ? { goMod: pick(report.goMod, ['file', 'line', 'column']) } : {}),
    hashes: {
      local: pick(report.hashes.local, ['zip', 'mod']),
      mirror: pick(report.hashes.mirror, ['zip', 'mod']),
      sumdb: pick(report.hashes.sumdb, ['zip', 'mod']),
    },
    ...pick(report, ['mirrorUrl', 'sumdbName']),
    steps: report.steps.map((s) => pick(s, ['name', 'status', 'detail', 'attempts'])),
    findings: report.findings.map((f) =>
      pick(f, ['code', 'severity', 'message', 'file', 'line', 'column', 'fix']),
    ),
    ...(report.diff
      ? {
          diff: {
            added: report.diff.added,
            removed: report.diff.removed,
            changed: report.diff.changed.map((c) =>
              pick(c, ['name', 'mirrorSha256', 'localSha256', 'diff', 'note']),
            ),
          },
        }
      : {}),
    ...(report.remedy ? { remedy: pick(report.remedy, ['nextVersion', 'retract', 'caveat']) } : {}),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

// Reports as the release gate produces them, for the renderers' and the
// Action's tests. movedReport also carries an origin-mismatch beside the
// tag-moved (as gates before one-finding-per-cause did) so renderers are
// shown to keep one finding per cause; hashes have the real length so
// layouts are tested with real widths.
import { REPORT_SCHEMA, type ReleaseReport } from '../../src/checks/types.js';

export const NEW_COMMIT = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';
export const OLD_COMMIT = '9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c';
const LOCAL_ZIP = 'h1:Jm5+TGCnYAnkUuW0K6NUBOtN5B9H1mIQo8sE4Ee3cOI=';
const OLD_ZIP = 'h1:tdBYx2YQsKbUCKRdgxaQXe3QoB9FmsDu7dBXW12ZB2w=';
const MOD = 'h1:BZ0ztjzhW5OkhCVyUCX8GgvZpoWK+SxW8P1ZlPiGFoU=';
export const MODULE = 'github.com/cespare/xxhash/v2';
export const RETRACT = 'retract v2.3.0 // tag v2.3.0 moved after publication; use v2.3.1';
export const FIX =
  'The mirror and the checksum database keep the first bytes of v2.3.0 forever: it cannot be repaired, only replaced. ' +
  `Publish v2.3.1 from the commit you want, with this line added to go.mod:\n    ${RETRACT}`;

/** What every report of v2.3.0 holds; the two cases differ in what the world holds. */
function base(published: string, mirrorCommit: string): ReleaseReport {
  return {
    schema: REPORT_SCHEMA,
    verdict: 'pass',
    compared: ['local', 'mirror', 'sumdb'],
    tag: 'v2.3.0',
    module: MODULE,
    version: 'v2.3.0',
    commit: NEW_COMMIT,
    goMod: { file: 'go.mod', line: 1, column: 1 },
    hashes: {
      local: { zip: LOCAL_ZIP, mod: MOD },
      mirror: { zip: published, mod: MOD },
      sumdb: { zip: published, mod: MOD },
    },
    mirrorCommit,
    mirrorUrl: 'https://proxy.golang.org',
    sumdbName: 'sum.golang.org',
    steps: [],
    findings: [],
  };
}

export function movedReport(): ReleaseReport {
  return {
    ...base(OLD_ZIP, OLD_COMMIT),
    verdict: 'fail',
    steps: [
      { name: 'local', status: 'ok', detail: `${MODULE}@v2.3.0 at ${NEW_COMMIT}: ${LOCAL_ZIP}` },
      {
        name: 'mirror-cache',
        status: 'ok',
        detail: `the mirror already holds ${MODULE}@v2.3.0`,
      },
      {
        name: 'warm',
        status: 'skipped',
        detail: 'not needed: the mirror already holds this version',
      },
      { name: 'origin', status: 'failed', detail: `the mirror fetched ${OLD_COMMIT}` },
      { name: 'mirror-content', status: 'ok', detail: `the mirror serves ${OLD_ZIP}` },
      { name: 'sumdb', status: 'ok', detail: `sum.golang.org records ${OLD_ZIP}` },
    ],
    findings: [
      {
        code: 'tag-moved',
        severity: 'error',
        message:
          `v2.3.0 now points at ${NEW_COMMIT}, but sum.golang.org records other bytes for ${MODULE}@v2.3.0 ` +
          `(the mirror fetched commit ${OLD_COMMIT}): zip ${OLD_ZIP} (tag now: ${LOCAL_ZIP}). Files: 0 added, 0 removed, 1 changed.`,
        file: 'go.mod',
        line: 1,
        column: 1,
        fix: FIX,
      },
      {
        code: 'origin-mismatch',
        severity: 'error',
        message: `the mirror fetched refs/tags/v2.3.0 at commit ${OLD_COMMIT}, but v2.3.0 now points at ${NEW_COMMIT}.`,
        file: 'go.mod',
        line: 1,
        column: 1,
        fix: FIX,
      },
    ],
    diff: {
      added: [],
      removed: [],
      changed: [
        {
          name: 'xxhash.go',
          mirrorSha256: 'aa',
          localSha256: 'bb',
          diff:
            '--- mirror/xxhash.go\n+++ tag now/xxhash.go\n@@ -10,7 +10,7 @@\n' +
            ' const (\n \tprime1 uint64 = 11400714785074694791\n-\tprime2 uint64 = 14029467366897019727 // <b>\n+\tprime2 uint64 = 14029467366897019728\n \tprime3 uint64 = 1609587929392839161\n )\n',
        },
      ],
    },
    remedy: { nextVersion: 'v2.3.1', retract: RETRACT },
  };
}

export function passReport(): ReleaseReport {
  return {
    ...base(LOCAL_ZIP, NEW_COMMIT),
    steps: [
      { name: 'local', status: 'ok', detail: `${MODULE}@v2.3.0 at ${NEW_COMMIT}: ${LOCAL_ZIP}` },
      {
        name: 'mirror-cache',
        status: 'ok',
        detail: `the mirror does not hold ${MODULE}@v2.3.0 yet`,
      },
      { name: 'warm', status: 'ok', detail: `the mirror serves ${MODULE}@v2.3.0 (attempt 1)` },
      {
        name: 'origin',
        status: 'ok',
        detail: `the mirror fetched refs/tags/v2.3.0 at ${NEW_COMMIT}`,
      },
      { name: 'mirror-content', status: 'ok', detail: `the mirror serves ${LOCAL_ZIP}` },
      { name: 'sumdb', status: 'ok', detail: `sum.golang.org records ${LOCAL_ZIP}` },
    ],
    findings: [],
  };
}

/**
 * A small release report with every required field and distinct fake hashes
 * per side, for tests about rendering and the Action's handling of results;
 * `over` replaces fields.
 */
export function sampleReport(over: Partial<ReleaseReport> = {}): ReleaseReport {
  return {
    schema: REPORT_SCHEMA,
    verdict: 'pass',
    compared: ['local', 'mirror', 'sumdb'],
    tag: 'v1.2.3',
    module: 'example.com/m',
    version: 'v1.2.3',
    commit: '1111111111111111111111111111111111111111',
    goMod: { file: 'go.mod', line: 1, column: 1 },
    hashes: {
      local: { zip: 'h1:L=', mod: 'h1:LM=' },
      mirror: { zip: 'h1:M=', mod: 'h1:MM=' },
      sumdb: { zip: 'h1:S=', mod: 'h1:SM=' },
    },
    steps: [{ name: 'local', status: 'ok', detail: 'ok' }],
    findings: [],
    ...over,
  };
}

import { oracle, oracleMissingReason, xmodDir } from '../oracle/find-go.js';

export default function setup(): void {
  console.warn(`node ${process.version}`);
  if (oracle === undefined) {
    // CI must never pass by skipping the differential tests.
    if (process.env.MODSEAL_REQUIRE_ORACLE === '1') {
      throw new Error(
        `MODSEAL_REQUIRE_ORACLE=1 but no Go oracle: ${oracleMissingReason ?? 'not found'}`,
      );
    }
    const bar = '!'.repeat(78);
    console.warn(
      `\n${bar}\n! No Go oracle: ${oracleMissingReason ?? 'not found'}.\n` +
        `! Every test that compares modseal with the real go command is SKIPPED in\n` +
        `! this run. Run scripts/go-oracle.sh (it unpacks today's Go from Debian's\n` +
        `! newest suite into .cache/go-oracle/), or set MODSEAL_GO, to run them.\n${bar}\n`,
    );
  } else {
    console.warn(
      `go oracle: ${oracle.version} at ${oracle.bin}, x/mod at ${xmodDir()} (differential tests enabled)`,
    );
  }
}

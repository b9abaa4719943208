import { goVersion } from './go-env.js';

export default function setup(): void {
  console.warn(`node ${process.version}`);
  if (goVersion === undefined) {
    const bar = '!'.repeat(78);
    console.warn(
      `\n${bar}\n! The go command is not on the PATH: every test that compares modseal with\n` +
        `! the real go command is SKIPPED in this run. Install golang-go and\n` +
        `! golang-golang-x-mod-dev (apt-get), or run .ci/run, to run them.\n${bar}\n`,
    );
  } else {
    console.warn(`go oracle: ${goVersion} (differential tests enabled)`);
  }
}

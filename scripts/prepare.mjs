// npm's `prepare` hook: on `npm ci` / `npm install` in a checkout (never when
// modseal is installed as a package), fetch the test oracle, so that `npm ci`
// then `npm test` is the whole set-up on a fresh Debian-like machine. It is
// best effort: without apt-get, without network, or with
// MODSEAL_SKIP_ORACLE=1 it says why and carries on; the test run then skips
// the Go-dependent tests with a banner.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import console from 'node:console';
import process from 'node:process';

const command = process.env.npm_command ?? '';
const why =
  process.env.MODSEAL_SKIP_ORACLE === '1'
    ? 'MODSEAL_SKIP_ORACLE=1'
    : !['ci', 'install'].includes(command)
      ? undefined // npm pack / publish also run prepare: nothing to set up there.
      : process.platform !== 'linux'
        ? `not Linux (${process.platform})`
        : !existsSync('/usr/bin/apt-get') || !existsSync('/usr/bin/dpkg-deb')
          ? 'no apt-get/dpkg-deb on this machine'
          : '';

if (why === undefined) process.exit(0);
if (why !== '') {
  console.warn(`modseal: Go oracle not installed (${why}); see README "Tests".`);
  process.exit(0);
}
const r = spawnSync('bash', ['scripts/go-oracle.sh'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  timeout: 10 * 60_000,
});
if (r.status !== 0) {
  console.warn(
    'modseal: the Go oracle could not be installed (see above); `npm test` will skip the ' +
      'Go-dependent tests. Run scripts/go-oracle.sh again later, or set MODSEAL_GO.',
  );
}

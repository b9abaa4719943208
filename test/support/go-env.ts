// Tests that compare against the real go command run only where `go` is on
// the PATH; everywhere else they are skipped, and global-setup says so loudly.
import { execFileSync } from 'node:child_process';
import { describe } from 'vitest';

function probeGo(): string | undefined {
  try {
    return execFileSync('go', ['env', 'GOVERSION'], {
      encoding: 'utf8',
      env: { ...process.env, GOENV: 'off', GOTOOLCHAIN: 'local', GOFLAGS: '' },
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

export const goVersion = probeGo();
export const hasGo = goVersion !== undefined;

/** `describe` that runs only when the go command is available. */
export const describeWithGo = describe.skipIf(!hasGo);

// The oracle go command for tests: `describeWithGo` runs a suite only where
// today's Go was found (find-go.ts says how), and `isolatedGoEnv` gives it
// an environment that reads nothing of the machine's.
import path from 'node:path';
import { describe } from 'vitest';
import { isolatedEnv } from '../support/git-fixture.js';
import { hasGo } from './find-go.js';

export * from './find-go.js';

/** `describe` that runs only when today's Go is available. */
export const describeWithGo = describe.skipIf(!hasGo);

/**
 * The environment for an oracle go command that reads nothing of the
 * machine's or the user's: its own HOME, GOPATH, module and build caches
 * under `root`, no go env file, no workspace, no toolchain switch (it must
 * never try to download one), and a writable module cache so the test's
 * temp folders can be removed. `extra` adds or overrides variables.
 */
export function isolatedGoEnv(
  root: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return isolatedEnv({
    HOME: path.join(root, 'home'),
    TMPDIR: path.join(root, 'tmp'),
    GOPATH: path.join(root, 'gopath'),
    GOMODCACHE: path.join(root, 'modcache'),
    GOCACHE: path.join(root, 'gocache'),
    GOENV: 'off',
    GOFLAGS: '-modcacherw',
    GO111MODULE: 'on',
    GOWORK: 'off',
    GOTOOLCHAIN: 'local',
    GOSUMDB: 'off',
    ...extra,
  });
}

// One way for tests to run a CLI command in-process and read what it wrote:
// a CliIo whose streams collect into strings, with an environment that holds
// none of the machine's Go or git settings unless the test passes them.
import type { CliIo } from '../../src/cli/io.js';
import { emptyHome } from './git-fixture.js';

export interface CapturedIo {
  io: CliIo;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
}

/**
 * A CliIo for `cwd` that captures both streams. The environment is PATH, an
 * empty HOME and every Go variable set to "" (so the machine's GOPROXY,
 * GOFLAGS … never leak in), then `env` on top.
 */
export function captureIo(cwd: string, env: NodeJS.ProcessEnv = {}): CapturedIo {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: emptyHome(),
      GOPROXY: '',
      GOSUMDB: '',
      GOPRIVATE: '',
      GONOSUMDB: '',
      GONOPROXY: '',
      GOFLAGS: '',
      ...env,
    },
    cwd,
  };
  return { io, stdout: () => out, stderr: () => err };
}

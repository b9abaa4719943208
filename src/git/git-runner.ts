// The one place that starts git. Every git command modseal runs goes through
// a GitRunner so that tests can count or fake calls, and so that the host's
// git configuration never changes what we compute: the mirror runs git with
// no user or system configuration, and so must we.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { stopOnInterrupt } from '../internal/temp-dirs.js';

/** What a finished git command left behind. */
export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: Buffer;
}

/** A git command whose stdout is read as a stream (archives can be large). */
export interface GitStream {
  stdout: Readable;
  /** Settles when the process has exited; stderr is collected in full. */
  done: Promise<{ code: number; stderr: Buffer }>;
  /** Stops the process early (the caller lost interest in the output). */
  kill(): void;
}

export interface GitRunOptions {
  cwd: string;
  input?: string | Buffer;
}

/** Runs git; never throws for a non-zero exit status, only for spawn failures. */
export interface GitRunner {
  run(args: readonly string[], options: GitRunOptions): Promise<GitResult>;
  stream(args: readonly string[], options: GitRunOptions): GitStream;
}

/**
 * The environment git runs with: the caller's environment minus every GIT_*
 * variable (they could point git at another repository or object store),
 * with system and global configuration and system attributes switched off,
 * no prompts, no optional locks (reads must not touch the user's index), no
 * replace refs and the C locale (stable messages). Nothing is ever fetched:
 * in a partial clone (`--filter`) a missing object would otherwise be
 * fetched into the user's repository behind our back (GIT_NO_LAZY_FETCH
 * from git 2.44, and `protocol.allow=never` for older git, whose lazy fetch
 * then fails), so a missing object is reported in git's words instead.
 * The repository is trusted
 * whoever owns it (`safe.directory=*`): without global configuration the
 * user's own safe.directory entries are gone, and checkouts owned by another
 * user are the rule in container jobs; modseal only reads, with commands
 * that run nothing the repository's configuration names.
 */
export function isolatedGitEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) {
    if (!k.toUpperCase().startsWith('GIT_') && v !== undefined) env[k] = v;
  }
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_TERMINAL_PROMPT: '0',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_NO_LAZY_FETCH: '1',
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: 'safe.directory',
    GIT_CONFIG_VALUE_0: '*',
    GIT_CONFIG_KEY_1: 'protocol.allow',
    GIT_CONFIG_VALUE_1: 'never',
    LC_ALL: 'C',
  };
}

/** A GitRunner over the real git binary with the isolated environment. */
export function createGitRunner(
  options: { git?: string; env?: NodeJS.ProcessEnv } = {},
): GitRunner {
  const git = options.git ?? 'git';
  const env = isolatedGitEnv(options.env ?? process.env);

  function start(args: readonly string[], opts: GitRunOptions) {
    const child = spawn(git, args, { cwd: opts.cwd, env, stdio: 'pipe' });
    // An interrupted run stops git before removing the folders it works in.
    const forget = stopOnInterrupt(() => child.kill('SIGKILL'));
    const stderr: Buffer[] = [];
    child.stderr.on('data', (c: Buffer) => stderr.push(c));
    const done = new Promise<{ code: number; stderr: Buffer }>((resolve, reject) => {
      child.on('error', (e) => {
        forget();
        reject(e);
      });
      child.on('close', (code, signal) => {
        forget();
        resolve({ code: code ?? (signal === null ? -1 : 128), stderr: Buffer.concat(stderr) });
      });
    });
    // git may exit before reading all of its input (e.g. on a bad
    // argument); that error is reported by the exit status instead.
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
    return { child, done };
  }

  return {
    async run(args, opts) {
      const { child, done } = start(args, opts);
      const out: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => out.push(c));
      const { code, stderr } = await done;
      return { code, stdout: Buffer.concat(out), stderr };
    },
    stream(args, opts) {
      const { child, done } = start(args, opts);
      return {
        stdout: child.stdout,
        done,
        // Output already read into the stream would otherwise wait for a
        // reader forever, and the process's 'close' (so `done`) with it.
        kill: () => {
          child.kill('SIGKILL');
          child.stdout.destroy();
        },
      };
    },
  };
}

// The modseal command. Dispatch only: each subcommand lives in its own file
// and receives its arguments and an io object, so tests run it in-process.
// Whatever goes wrong ends here as one line on stderr and a documented exit
// status (with --json, also one JSON document on stdout), never a stack.
import os from 'node:os';
import { errorCode, errorMessage, InputError, oneLine } from '../internal/errors.js';
import { cleanUpNow, makeTempDir, removeTempDir } from '../internal/temp-dirs.js';
import { UsageError } from './flags.js';
import {
  EXIT_INPUT,
  EXIT_PASS,
  EXIT_SIGINT,
  EXIT_SIGTERM,
  type CliIo,
  type Command,
} from './io.js';
import { modsealVersion } from './version.js';

const USAGE = `usage: modseal <command> [flags]
       modseal --version

commands:
  hash     print the go.sum lines Go would record for a tagged commit
  verify   check a tag against the Go module mirror and checksum database
  lint     check a revision's modules before a release is tagged (pull requests)
  scan     check every published version of every module against its tag (schedules)
  demo     run the release gate offline against a throwaway repository

Run 'modseal <command> --help' for the flags of a command.

exit status: 0 pass, 1 fail, 2 usage, input or internal error,
3 inconclusive, 130/143 interrupted (SIGINT/SIGTERM)
`;

const commands: Record<string, () => Promise<Command>> = {
  hash: async () => (await import('./hash-command.js')).hashCommand,
  verify: async () => (await import('./verify-command.js')).verifyCommand,
  lint: async () => (await import('./lint-command.js')).lintCommand,
  scan: async () => (await import('./scan-command.js')).scanCommand,
  demo: async () => (await import('./demo-command.js')).demoCommand,
};

/** Schema of the document `--json` prints when there is no report to print. */
export const ERROR_SCHEMA = 'modseal.error/v1';

/**
 * Reports `e`, thrown by `command` run with `args`, as one line on stderr
 * and, when `--json` was asked for, one JSON document on stdout carrying the
 * error's code (`usage`, `input`, `repository`, … or `internal`); returns
 * the exit status (2: usage, input and internal errors alike, never 1).
 */
export function reportError(
  command: string | undefined,
  args: readonly string[],
  e: unknown,
  io: Pick<CliIo, 'stdout' | 'stderr'>,
): number {
  const message = oneLine(errorMessage(e));
  const line =
    e instanceof UsageError
      ? `modseal ${e.command}: ${message} (run 'modseal ${e.command} --help' for its flags)`
      : e instanceof InputError
        ? `modseal: ${message}`
        : // Not the user's doing: our bug or the machine's trouble, still one line.
          `modseal: internal error: ${message}`;
  io.stderr(`${line}\n`);
  const end = args.indexOf('--');
  if ((end < 0 ? args : args.slice(0, end)).includes('--json')) {
    const doc = {
      schema: ERROR_SCHEMA,
      ...(command === undefined ? {} : { command }),
      error: line.replace(/^modseal( \S+)?: /, ''),
      code: errorCode(e),
      exitCode: EXIT_INPUT,
    };
    io.stdout(JSON.stringify(doc, null, 2) + '\n');
  }
  return EXIT_INPUT;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version') {
    io.stdout(`modseal ${modsealVersion()}\n`);
    return EXIT_PASS;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(USAGE);
    return name === undefined ? EXIT_INPUT : EXIT_PASS;
  }
  const load = commands[name];
  if (load === undefined) {
    const flag = name.startsWith('-') ? 'flag' : 'command';
    io.stderr(`modseal: unknown ${flag} ${JSON.stringify(name)}\n\n${USAGE}`);
    return EXIT_INPUT;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (e) {
    return reportError(name, rest, e, io);
  }
}

/**
 * The process around runCli: one private temporary folder for the whole run
 * (TMPDIR points into it, so every temporary file of modseal and of the git
 * it runs lands there), removed at the end, on SIGINT/SIGTERM and on any
 * error that escapes; handlers that turn anything uncaught into one line.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const [command, ...args] = argv;
  let stdoutGone = false;
  const io: CliIo = {
    stdout: (s) => void (stdoutGone || process.stdout.write(s)),
    stderr: (s) => void process.stderr.write(s),
    env: process.env,
    cwd: process.cwd(),
  };
  // A reader that went away (`modseal hash | head -1`) is not an error of ours.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') stdoutGone = true;
    else fatal(e);
  });
  const fatal = (e: unknown): void => {
    cleanUpNow();
    reportError(command, args, e, io);
    process.exit(EXIT_INPUT);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  for (const [signal, status] of [
    ['SIGINT', EXIT_SIGINT],
    ['SIGTERM', EXIT_SIGTERM],
  ] as const) {
    process.on(signal, () => {
      const left = cleanUpNow();
      const note =
        left.length === 0 ? 'temporary files removed' : `could not remove ${left.join(', ')}`;
      process.stderr.write(`modseal: interrupted (${signal}); ${note}\n`);
      process.exit(status);
    });
  }

  let root: string;
  try {
    root = await makeTempDir('modseal-');
  } catch (e) {
    const where = os.tmpdir();
    process.exitCode = reportError(
      command,
      args,
      new InputError(
        `cannot create a temporary folder in ${where} (${errorMessage(e)}): set TMPDIR to a writable folder`,
      ),
      io,
    );
    return;
  }
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = root;
  try {
    process.exitCode = await runCli(argv, io);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await removeTempDir(root);
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith('/cli.js');
if (isMain || process.env.MODSEAL_CLI_MAIN === '1') await main();

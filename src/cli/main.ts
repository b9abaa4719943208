// The modseal command. Dispatch only: each subcommand lives in its own file
// and receives its arguments and an io object, so tests run it in-process.
import { InputError, errorMessage } from '../internal/errors.js';
import { EXIT_INPUT, type CliIo, type Command } from './io.js';

const USAGE = `usage: modseal <command> [flags]

commands:
  hash     print the go.sum lines Go would record for a tagged commit
  verify   check a tag against the Go module mirror and checksum database
  demo     run the release gate offline against a throwaway repository

Run 'modseal <command> --help' for the flags of a command.
`;

const commands: Record<string, () => Promise<Command>> = {
  hash: async () => (await import('./hash-command.js')).hashCommand,
  verify: async () => (await import('./verify-command.js')).verifyCommand,
  demo: async () => (await import('./demo-command.js')).demoCommand,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(USAGE);
    return name === undefined ? EXIT_INPUT : 0;
  }
  const load = commands[name];
  if (load === undefined) {
    io.stderr(`modseal: unknown command ${JSON.stringify(name)}\n\n${USAGE}`);
    return EXIT_INPUT;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (e) {
    // Input errors already name the fix; anything else is our bug, but the
    // user still gets one line rather than a stack trace.
    const prefix = e instanceof InputError ? 'modseal' : 'modseal: internal error';
    io.stderr(`${prefix}: ${errorMessage(e)}\n`);
    return EXIT_INPUT;
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith('/cli.js');
if (isMain || process.env.MODSEAL_CLI_MAIN === '1') {
  const io: CliIo = {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    env: process.env,
    cwd: process.cwd(),
  };
  process.exitCode = await runCli(process.argv.slice(2), io);
}

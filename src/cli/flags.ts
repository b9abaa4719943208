// Strict flag parsing shared by the subcommands: a bad flag prints the
// usage and exits 2, --help prints it and exits 0.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessage } from '../internal/errors.js';
import { EXIT_INPUT, EXIT_PASS, type CliIo } from './io.js';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

type FlagValues<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>
>['values'];

/**
 * The values of `argv` for a command with `options` (plus --help/-h), or the
 * exit status when there is nothing more to do.
 */
export function parseFlags<const O extends ParseArgsOptionsConfig>(
  command: string,
  usage: string,
  options: O,
  argv: string[],
  io: CliIo,
): FlagValues<O> | number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(usage);
    return EXIT_PASS;
  }
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    io.stderr(`modseal ${command}: ${errorMessage(e)}\n\n${usage}`);
    return EXIT_INPUT;
  }
}

// Strict flag parsing shared by the subcommands: --help prints the usage and
// exits 0; a flag the command does not know is a UsageError naming the
// nearest flag it does know (`--ref` for verify suggests `--tag`), which the
// dispatcher reports as one line with exit status 2.
import { closest, distance } from 'fastest-levenshtein';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessage, InputError } from '../internal/errors.js';
import { EXIT_PASS, type CliIo } from './io.js';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

type FlagValues<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>
>['values'];

/** A command line the command cannot parse; its fix is the command's --help. */
export class UsageError extends InputError {
  override name = 'UsageError';
  override readonly code = 'usage';
  constructor(
    message: string,
    /** The subcommand, for "run 'modseal <command> --help'". */
    readonly command: string,
  ) {
    super(message);
  }
}

/**
 * Names people reach for that mean one of the command's flags: the other
 * command's spelling, or the Action input of the same meaning.
 */
export type FlagAliases = Readonly<Record<string, string>>;

/** The known flag `name` most likely meant, if any is close enough. */
export function suggestFlag(
  name: string,
  known: readonly string[],
  aliases: FlagAliases = {},
): string | undefined {
  const alias = aliases[name];
  if (alias !== undefined && known.includes(alias)) return alias;
  if (known.length === 0 || name === '') return undefined;
  // A prefix of exactly one flag (`--zip` for `--zip-out`).
  const prefixed = known.filter((k) => k.startsWith(name));
  if (name.length >= 3 && prefixed.length === 1) return prefixed[0];
  // A typo: at most two edits, and fewer than the name has letters.
  const best = closest(name, [...known]);
  const d = distance(name, best);
  return d <= 2 && d < name.length ? best : undefined;
}

/**
 * The first flag in `argv` that `options` does not declare, or the first
 * string flag left without its value (at the end, or followed by another
 * known flag): the two mistakes node:util words least helpfully.
 */
function firstSlip(
  argv: readonly string[],
  options: ParseArgsOptionsConfig,
): { unknown: string } | { noValue: string } | undefined {
  const isKnownLong = (a: string | undefined) =>
    a?.startsWith('--') === true && options[a.slice(2).split('=', 1)[0] ?? ''] !== undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') break;
    if (!a.startsWith('-') || a === '-') continue;
    const long = a.startsWith('--');
    const name = (long ? a.slice(2) : a.slice(1)).split('=', 1)[0] ?? '';
    const known = long
      ? options[name]
      : Object.values(options).find((o) => o.short === name && name.length === 1);
    if (known === undefined) return { unknown: a.split('=', 1)[0] ?? a };
    if (known.type !== 'string' || a.includes('=')) continue;
    const next = argv[i + 1];
    if (next === undefined || isKnownLong(next)) return { noValue: a };
    i++;
  }
  return undefined;
}

/** node:util's parse errors, reworded as one line that names the flag. */
function parseErrorText(e: unknown): string {
  const code = (e as { code?: string }).code;
  const msg = errorMessage(e);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const arg = /'([^']*)'/.exec(msg)?.[1];
    return `unexpected argument${arg === undefined ? '' : ` ${JSON.stringify(arg)}`}: every value follows its flag (--name value)`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /'(-[^' ]*)/.exec(msg)?.[1] ?? 'a flag';
    if (msg.includes('argument missing')) return `${flag} needs a value`;
    if (msg.includes('does not take an argument')) return `${flag} takes no value`;
    if (msg.includes('ambiguous')) {
      return `the value of ${flag} starts with "-": write it as ${flag}=VALUE`;
    }
  }
  return msg.split('\n', 1)[0] ?? msg;
}

/**
 * The values of `argv` for a command with `options` (plus --help/-h), or the
 * exit status when there is nothing more to do (help was printed). Throws
 * UsageError for anything that does not parse.
 */
export function parseFlags<const O extends ParseArgsOptionsConfig>(
  command: string,
  usage: string,
  options: O,
  argv: string[],
  io: CliIo,
  aliases: FlagAliases = {},
): FlagValues<O> | number {
  const end = argv.indexOf('--');
  const flags = end < 0 ? argv : argv.slice(0, end);
  if (flags.includes('--help') || flags.includes('-h')) {
    io.stdout(usage);
    return EXIT_PASS;
  }
  const slip = firstSlip(argv, options);
  if (slip !== undefined && 'noValue' in slip) {
    throw new UsageError(`${slip.noValue} needs a value`, command);
  }
  if (slip !== undefined) {
    const near = suggestFlag(slip.unknown.replace(/^--?/, ''), Object.keys(options), aliases);
    throw new UsageError(
      `unknown flag ${slip.unknown}${near === undefined ? '' : `; did you mean --${near}?`}`,
      command,
    );
  }
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError(parseErrorText(e), command);
  }
}

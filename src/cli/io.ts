/** What a CLI command may touch besides the core: streams, environment, cwd. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A subcommand: takes its own arguments, returns the exit status. */
export type Command = (argv: string[], io: CliIo) => Promise<number>;

export const EXIT_PASS = 0;
export const EXIT_FAIL = 1;
/** Usage or input error, and anything unexpected (never 1, which means "fail"). */
export const EXIT_INPUT = 2;
export const EXIT_INCONCLUSIVE = 3;
/** Stopped by SIGINT (Ctrl-C) or SIGTERM (a cancelled job), as shells count it: 128 + signal. */
export const EXIT_SIGINT = 130;
export const EXIT_SIGTERM = 143;

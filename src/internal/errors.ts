/**
 * Base of modseal's own failures. `code` names the kind of failure in one
 * stable kebab-case word (`input`, `usage`, `repository`, `not-found`,
 * `invalid-proof`, …), so callers branch on it rather than on message text,
 * and the CLI's `--json` error document carries it.
 */
export abstract class ModsealError extends Error {
  abstract readonly code: string;
}

/** The code of anything thrown: its own for a ModsealError, else `internal`. */
export function errorCode(e: unknown): string {
  return e instanceof ModsealError ? e.code : 'internal';
}

/**
 * A problem with what the user gave us (a flag, a tag, a repository, an
 * input): reported as one line naming the fix, exit status 2, never a stack.
 */
export class InputError extends ModsealError {
  override name = 'InputError';
  readonly code: string = 'input';
}

/** The message of anything thrown, without assuming it is an Error. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** `text` on one line: each line trimmed, empty ones dropped, the rest joined with "; ". */
export function oneLine(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('; ');
}

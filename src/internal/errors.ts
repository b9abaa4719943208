/**
 * A problem with what the user gave us (a flag, a tag, a repository, an
 * input): reported as one line naming the fix, exit status 2, never a stack.
 */
export class InputError extends Error {
  override name = 'InputError';
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

// Client failures as the engine's ports report them: a "not found" with the
// server's body, or trouble the gate's retry loop needs to classify (worth
// another attempt, the check's deadline, or final).
import { DeadlineError, NotFoundError, isTransient } from '../http/index.js';
import { errorMessage } from '../internal/errors.js';
import type { MirrorNotFound, Unreachable } from '../checks/ports.js';
import { SumdbHttpError } from '../sumdb/index.js';

/** Trouble reaching a server, classified for the retry loop. */
export function unreachable(what: string, e: unknown): Unreachable {
  const u: Unreachable = { kind: 'unreachable', reason: `${what}: ${errorMessage(e)}` };
  // The checksum-database client wraps the HTTP error it met.
  const cause = e instanceof SumdbHttpError ? (e as { cause?: unknown }).cause : undefined;
  const root = cause ?? e;
  if (root instanceof DeadlineError) {
    u.deadline = true;
    if (!root.sent) u.notSent = true;
    return u;
  }
  if (e instanceof SumdbHttpError) {
    if (e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500) {
      u.transient = true;
    }
    return u;
  }
  if (isTransient(e)) {
    u.transient = true;
    const after = (e as { retryAfterMs?: unknown }).retryAfterMs;
    if (typeof after === 'number') u.retryAfterMs = after;
  }
  return u;
}

/** A failed mirror request: "not found" with the server's body, or trouble. */
export function mirrorFailure(what: string, e: unknown): MirrorNotFound | Unreachable {
  return e instanceof NotFoundError ? { kind: 'not-found', body: e.body } : unreachable(what, e);
}

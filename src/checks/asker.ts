// How the release gate asks the mirror and the checksum database: every
// question goes through the one retry loop (internal/retry.ts) under the
// check's one deadline, and every attempt becomes one progress line (what
// was asked, the answer, time elapsed and left), so a slow or silent server
// is never a silent gate and the report's attempt counts are the requests
// that were really made.
import { retryLoop, type AttemptReport, type LoopEnd } from '../internal/retry.js';
import { InputError, errorMessage } from '../internal/errors.js';
import type { Clock, Logger, Unreachable } from './ports.js';

/** An attempt is not started with less time than this left: it could not get an answer. */
export const MIN_ATTEMPT_MS = 500;

/** `1h2m3s`, `4m5s`, `12s`, `450ms`: Go's duration style, to whole seconds above a second. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  let s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${h > 0 ? `${h}h` : ''}${h > 0 || m > 0 ? `${m}m` : ''}${s}s`;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]?.trim() ?? '';
}

/** Any port answer, as one short phrase for a progress line. */
export function answerText(r: { kind: string }): string {
  const a = r as { kind: string } & Partial<Record<string, unknown>>;
  const str = (k: string): string => {
    const v = a[k];
    return typeof v === 'string' ? v : '';
  };
  switch (a.kind) {
    case 'found':
      return str('version') !== '' ? `found ${str('version')}` : `found ${str('zipHash')}`;
    case 'ok':
      return Array.isArray(a.versions)
        ? `${a.versions.length} version${a.versions.length === 1 ? '' : 's'} listed`
        : `ok ${str('h1')}`;
    case 'not-found': {
      const body = firstLine(str('body'));
      return body === '' ? 'not found' : `not found (${body})`;
    }
    case 'unsupported':
      return 'no cached-only view';
    case 'invalid':
      return `refused: ${firstLine(str('reason'))}`;
    case 'unverifiable':
      return `does not verify: ${firstLine(str('reason'))}`;
    default:
      return firstLine(str('reason'));
  }
}

export interface Asked<T> {
  /** The last answer; a `notSent` Unreachable when the deadline left no time to ask. */
  result: T | Unreachable;
  /** Requests made (each reported as a progress line). */
  attempts: number;
  end: LoopEnd;
}

export interface AskOptions<T> {
  /** Answers that mean "not yet": asked again until `patience`. */
  lag?: (r: T) => boolean;
  /** Absolute time (clock ms) until which lag is asked about again; default the deadline. */
  patience?: number;
}

export interface AskerOptions {
  clock: Clock;
  logger: Logger;
  /** When the check started (clock ms), for "elapsed". */
  start: number;
  /** When the check must end (clock ms). */
  deadline: number;
  /** The configured limit, for messages (e.g. `15m`). */
  timeoutText: string;
  random?: () => number;
}

/** The gate's one way to ask a remote side something. */
export class Asker {
  /** Set once the deadline stopped a question: what was asked, and its last answer. */
  outOfTime: { what: string; last?: string } | undefined;

  constructor(private readonly o: AskerOptions) {}

  get deadlineText(): string {
    return `the check's deadline (timeout ${this.o.timeoutText})`;
  }

  async ask<T extends { kind: string }>(
    what: string,
    call: () => Promise<T | Unreachable>,
    opts: AskOptions<T> = {},
  ): Promise<Asked<T>> {
    const { clock, logger } = this.o;
    const attempt = async (): Promise<T | Unreachable> => {
      try {
        return await call();
      } catch (e) {
        // Port failures that are not input errors are network trouble as far
        // as the verdict goes; they are not retried (nothing says they pass).
        if (e instanceof InputError) throw e;
        return { kind: 'unreachable', reason: `${what}: ${errorMessage(e)}` };
      }
    };
    const progress = (a: AttemptReport<T | Unreachable>): void => {
      const now = clock.now();
      const left = Math.max(0, this.o.deadline - now);
      let next = '';
      if (a.nextDelayMs !== undefined) next = `; asking again in ${formatDuration(a.nextDelayMs)}`;
      else if (a.end === 'patience') next = '; warm-timeout reached';
      else if (a.end === 'gave-up') next = `; giving up after ${a.attempt} attempts`;
      else if (a.end === 'deadline' && a.outcome !== 'done') {
        next = `; no time left to ask again before ${this.deadlineText}`;
      }
      logger.info(
        `${what}: attempt ${a.attempt}: ${answerText(a.value)} ` +
          `[${formatDuration(now - this.o.start)} elapsed, ${formatDuration(left)} left]${next}`,
      );
    };
    const r = await retryLoop<T | Unreachable>(
      attempt,
      (v) => {
        if (v.kind === 'unreachable') {
          const u = v as Unreachable;
          if (u.notSent === true) return { kind: 'not-sent' };
          return u.transient === true
            ? {
                kind: 'transient',
                ...(u.retryAfterMs !== undefined ? { retryAfterMs: u.retryAfterMs } : {}),
              }
            : { kind: 'done' };
        }
        if (v.kind === 'unsupported') return { kind: 'not-sent' };
        return opts.lag?.(v as T) === true ? { kind: 'lag' } : { kind: 'done' };
      },
      {
        clock,
        deadline: this.o.deadline,
        ...(opts.patience !== undefined ? { patience: opts.patience } : {}),
        minAttemptMs: MIN_ATTEMPT_MS,
        ...(this.o.random !== undefined ? { random: this.o.random } : {}),
        onAttempt: progress,
      },
    );
    const deadlineHit =
      r.end === 'deadline' ||
      (r.value?.kind === 'unreachable' && (r.value as Unreachable).deadline === true);
    if (deadlineHit && this.outOfTime === undefined) {
      this.outOfTime = r.value === undefined ? { what } : { what, last: answerText(r.value) };
    }
    const result: T | Unreachable = r.value ?? {
      kind: 'unreachable',
      reason: `not asked: ${this.deadlineText} has passed`,
      deadline: true,
      notSent: true,
    };
    return { result, attempts: r.attempts, end: r.end };
  }
}

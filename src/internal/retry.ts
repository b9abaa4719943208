// The one retry loop (DESIGN: every wait has a deadline). Everything that
// asks a server again — the GOPROXY client's transient-fault retries, the
// release gate's patience with a mirror that is still fetching, its retries
// of a checksum database that has not caught up — runs through retryLoop,
// so each attempt is counted once, reported once and bounded by the same
// deadline. Pure: time and randomness come in, so tests run instantly.
// Generic on purpose: it knows nothing of HTTP errors, so the release gate's
// decisions (checks/) and the GOPROXY client share it without one importing
// the other; callers say which failures deserve another attempt.

/** Time as the retry loop sees it. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** How long to wait between attempts. */
export interface BackoffPolicy {
  /** Delay cap before jitter for attempt 1; doubles each attempt. */
  baseDelayMs: number;
  /** No single wait is longer than this (Retry-After included). */
  maxDelayMs: number;
  /**
   * Random waits below the cap ("full jitter", the default), so many clients
   * do not retry in step; false waits the cap itself (one client polling).
   */
  jitter?: boolean;
}

export interface RetryPolicy extends BackoffPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** No attempt starts after this absolute time (ms since epoch). */
  deadline?: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

/**
 * `Retry-After` in milliseconds from `nowMs`: delta-seconds or an HTTP date;
 * undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // Only the three HTTP date forms; Date.parse alone would accept "1".
  if (!/[A-Za-z]{3}/.test(v)) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, t - nowMs);
}

/**
 * Wait before attempt `attempt + 1` (attempt counts from 1): exponential
 * backoff, min(max, base·2^(attempt-1)), with full jitter unless the policy
 * turns it off, but not less than the server's Retry-After (capped at
 * maxDelayMs).
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs?: number,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt - 1, 30));
  const waited = policy.jitter === false ? cap : Math.floor(random() * cap);
  if (retryAfterMs === undefined) return waited;
  return Math.min(policy.maxDelayMs, Math.max(waited, retryAfterMs));
}

/** What one attempt came to, as far as asking again goes. */
export type AttemptOutcome =
  /** An answer to keep (success or a final failure): stop. */
  | { kind: 'done' }
  /** "Not yet" (a mirror still fetching): ask again until the patience deadline. */
  | { kind: 'lag' }
  /** Network or server trouble that may pass: ask again, a few times in a row at most. */
  | { kind: 'transient'; retryAfterMs?: number }
  /** Nothing was sent (no such view, the deadline had passed): not an attempt, stop. */
  | { kind: 'not-sent' };

/** Why the loop stopped. */
export type LoopEnd =
  | 'done'
  /** Transient trouble maxTransient times in a row. */
  | 'gave-up'
  /** Still lagging when the patience deadline came. */
  | 'patience'
  /** The hard deadline leaves no time for (another) attempt. */
  | 'deadline'
  | 'not-sent';

/** One attempt, as reported to {@link RetryLoopOptions.onAttempt}. */
export interface AttemptReport<T> {
  attempt: number;
  value: T;
  outcome: AttemptOutcome['kind'];
  /** The wait before the next attempt; undefined when this was the last. */
  nextDelayMs?: number;
  /** Set on the last attempt: why there is no other. */
  end?: LoopEnd;
}

export interface RetryLoopOptions<T> {
  clock: Clock;
  random?: () => number;
  /** No attempt starts after this absolute time (ms); default: none. */
  deadline?: number;
  /** Lag is asked again until this absolute time; default: the deadline. */
  patience?: number;
  /** An attempt is not started with less time than this left before the deadline (default 0). */
  minAttemptMs?: number;
  /** Attempts in a row that may end in transient trouble (default 4). */
  maxTransient?: number;
  /** Waits after transient trouble (default: {@link defaultRetryPolicy}). */
  transientBackoff?: BackoffPolicy;
  /** Waits while lagging (default: 5 s doubling to 60 s, no jitter). */
  lagBackoff?: BackoffPolicy;
  /** Called once per attempt that sent something, after its answer. */
  onAttempt?: (report: AttemptReport<T>) => void;
}

export interface LoopResult<T> {
  /** The last attempt's answer; undefined when none could start. */
  value: T | undefined;
  /** Attempts that sent something. */
  attempts: number;
  end: LoopEnd;
}

const defaultLagBackoff: BackoffPolicy = {
  baseDelayMs: 5_000,
  maxDelayMs: 60_000,
  jitter: false,
};

/**
 * Runs `attempt` until `classify` calls its answer done, lag outlasts the
 * patience deadline, transient trouble repeats maxTransient times in a row,
 * or the deadline leaves no time for another attempt. Never throws on its
 * own; an exception from `attempt` propagates (callers turn expected
 * failures into values first).
 */
export async function retryLoop<T>(
  attempt: (n: number) => Promise<T>,
  classify: (value: T) => AttemptOutcome,
  opts: RetryLoopOptions<T>,
): Promise<LoopResult<T>> {
  const { clock } = opts;
  const random = opts.random ?? Math.random;
  const deadline = opts.deadline ?? Infinity;
  const patience = Math.min(opts.patience ?? deadline, deadline);
  const minAttempt = opts.minAttemptMs ?? 0;
  const maxTransient = opts.maxTransient ?? defaultRetryPolicy.maxAttempts;
  const transientBackoff = opts.transientBackoff ?? defaultRetryPolicy;
  const lagBackoff = opts.lagBackoff ?? defaultLagBackoff;
  let value: T | undefined;
  let attempts = 0;
  let transientInRow = 0;
  let lagCount = 0;
  for (;;) {
    if (deadline - clock.now() < minAttempt) {
      return { value, attempts, end: 'deadline' };
    }
    const v = await attempt(attempts + 1);
    const outcome = classify(v);
    if (outcome.kind === 'not-sent') {
      return attempts === 0
        ? { value: v, attempts, end: 'not-sent' }
        : { value, attempts, end: 'deadline' };
    }
    value = v;
    attempts++;
    const report: AttemptReport<T> = { attempt: attempts, value: v, outcome: outcome.kind };
    const stop = (end: LoopEnd): LoopResult<T> => {
      report.end = end;
      opts.onAttempt?.(report);
      return { value, attempts, end };
    };
    if (outcome.kind === 'done') return stop('done');
    let wait: number;
    const left = deadline - clock.now();
    if (outcome.kind === 'lag') {
      transientInRow = 0;
      const patienceLeft = patience - clock.now();
      if (patienceLeft <= 0) return stop('patience');
      wait = Math.min(backoffDelay(++lagCount, lagBackoff, random), patienceLeft);
    } else {
      if (++transientInRow >= maxTransient) return stop('gave-up');
      wait = backoffDelay(transientInRow, transientBackoff, random, outcome.retryAfterMs);
    }
    // A wait after which no attempt could start is not worth waiting.
    if (left - wait < minAttempt) return stop('deadline');
    report.nextDelayMs = wait;
    opts.onAttempt?.(report);
    await clock.sleep(wait);
  }
}

/** Per-error wait hint: an HTTP error may carry Retry-After as `retryAfterMs`. */
function retryAfterOf(e: unknown): number | undefined {
  if (typeof e === 'object' && e !== null && 'retryAfterMs' in e) {
    const v = (e as { retryAfterMs?: unknown }).retryAfterMs;
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

export interface RetryContext {
  policy: RetryPolicy;
  clock: Clock;
  random: () => number;
  /** Which errors deserve another attempt. */
  retryable: (e: unknown) => boolean;
  /** Told about every failed attempt that will be retried. */
  onRetry?: (e: unknown, attempt: number, delayMs: number) => void;
}

/**
 * {@link retryLoop} for functions that throw: runs `fn` until it succeeds,
 * fails with a non-retryable error, runs out of attempts, or the next wait
 * would pass the deadline; then throws the last error.
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  ctx: RetryContext,
): Promise<T> {
  const { retryable } = ctx;
  type Tried = { ok: true; value: T } | { ok: false; error: unknown };
  const r = await retryLoop<Tried>(
    async (n) => {
      try {
        return { ok: true, value: await fn(n) };
      } catch (error) {
        return { ok: false, error };
      }
    },
    (t) =>
      t.ok || !retryable(t.error)
        ? { kind: 'done' }
        : { kind: 'transient', retryAfterMs: retryAfterOf(t.error) },
    {
      clock: ctx.clock,
      random: ctx.random,
      ...(ctx.policy.deadline !== undefined ? { deadline: ctx.policy.deadline } : {}),
      maxTransient: ctx.policy.maxAttempts,
      transientBackoff: ctx.policy,
      onAttempt: (a) => {
        if (!a.value.ok && a.nextDelayMs !== undefined) {
          ctx.onRetry?.(a.value.error, a.attempt, a.nextDelayMs);
        }
      },
    },
  );
  const last = r.value;
  if (last === undefined) throw new Error('internal error: no attempt was made');
  if (last.ok) return last.value;
  throw last.error;
}

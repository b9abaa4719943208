// Our own retry policy (not @actions/tool-cache's fixed 3 × 10–20 s): the
// mirror answers 429/5xx or drops connections now and then, and a warm-up may
// wait minutes. Pure: time and randomness come in, so tests run instantly.
import { isTransient } from './errors.js';

/** Time as the retry and warming loops see it. */
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

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** Delay cap before jitter for attempt 1; doubles each attempt. */
  baseDelayMs: number;
  /** No single wait is longer than this (Retry-After included). */
  maxDelayMs: number;
  /** Give up when the next wait would end after this absolute time (ms since epoch). */
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
 * Wait before attempt `attempt + 1` (attempt counts from 1): "full jitter"
 * exponential backoff, random in [0, min(max, base·2^(attempt-1))), but not
 * less than the server's Retry-After (capped at maxDelayMs).
 */
export function backoffDelay(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
  retryAfterMs?: number,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt - 1, 30));
  const jittered = Math.floor(random() * cap);
  if (retryAfterMs === undefined) return jittered;
  return Math.min(policy.maxDelayMs, Math.max(jittered, retryAfterMs));
}

/** Per-error wait hint: ServerError carries Retry-After. */
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
  /** Which errors deserve another attempt; default isTransient. */
  retryable?: (e: unknown) => boolean;
  /** Told about every failed attempt that will be retried. */
  onRetry?: (e: unknown, attempt: number, delayMs: number) => void;
}

/**
 * Runs `fn` until it succeeds, fails with a non-retryable error, runs out of
 * attempts, or the next wait would pass the deadline; then throws the last
 * error.
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  ctx: RetryContext,
): Promise<T> {
  const retryable = ctx.retryable ?? isTransient;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (attempt >= ctx.policy.maxAttempts || !retryable(e)) throw e;
      const delay = backoffDelay(attempt, ctx.policy, ctx.random, retryAfterOf(e));
      if (ctx.policy.deadline !== undefined && ctx.clock.now() + delay > ctx.policy.deadline)
        throw e;
      ctx.onRetry?.(e, attempt, delay);
      await ctx.clock.sleep(delay);
    }
  }
}

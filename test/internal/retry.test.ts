// The one retry loop: how often it asks, how long it waits, when it stops,
// and that it reports each attempt exactly once.
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  parseRetryAfter,
  retryLoop,
  type AttemptOutcome,
  type AttemptReport,
  type Clock,
} from '../../src/internal/retry.js';

function fakeClock(): Clock & { slept: number[]; t: number } {
  const c = {
    t: 1_000_000,
    slept: [] as number[],
    now: () => c.t,
    sleep: (ms: number) => {
      c.t += ms;
      c.slept.push(ms);
      return Promise.resolve();
    },
  };
  return c;
}

/** Answers from a script (the last repeats), classified by the answer's own name. */
function scripted(answers: AttemptOutcome['kind'][]) {
  const queue = [...answers];
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    attempt: () => {
      calls++;
      return Promise.resolve(queue.length > 1 ? queue.shift()! : queue[0]!);
    },
    classify: (k: AttemptOutcome['kind']): AttemptOutcome => ({ kind: k }),
  };
}

describe('retryLoop', () => {
  it('asks again while lagging, waiting 5 s doubling without jitter, until patience runs out', async () => {
    const clock = fakeClock();
    const s = scripted(['lag']);
    const seen: AttemptReport<string>[] = [];
    const r = await retryLoop(s.attempt, s.classify, {
      clock,
      patience: clock.now() + 30_000,
      deadline: clock.now() + 600_000,
      random: () => 0,
      onAttempt: (a) => seen.push(a),
    });
    expect(r).toMatchObject({ attempts: 4, end: 'patience', value: 'lag' });
    expect(clock.slept).toEqual([5_000, 10_000, 15_000]);
    expect(s.calls).toBe(4);
    expect(seen.map((a) => [a.attempt, a.nextDelayMs, a.end])).toEqual([
      [1, 5_000, undefined],
      [2, 10_000, undefined],
      [3, 15_000, undefined],
      [4, undefined, 'patience'],
    ]);
  });

  it('stops after a few transient failures in a row; lag in between resets the count', async () => {
    const clock = fakeClock();
    const s = scripted([
      'transient',
      'transient',
      'lag',
      'transient',
      'transient',
      'transient',
      'transient',
    ]);
    const r = await retryLoop(s.attempt, s.classify, { clock, random: () => 0.5, maxTransient: 4 });
    expect(r).toMatchObject({ attempts: 7, end: 'gave-up' });
  });

  it('waits at least Retry-After after transient trouble', async () => {
    const clock = fakeClock();
    let n = 0;
    const r = await retryLoop(
      () => Promise.resolve(++n),
      (v): AttemptOutcome =>
        v < 3 ? { kind: 'transient', retryAfterMs: 7_000 } : { kind: 'done' },
      { clock, random: () => 0 },
    );
    expect(r).toMatchObject({ attempts: 3, end: 'done', value: 3 });
    expect(clock.slept).toEqual([7_000, 7_000]);
  });

  it('never starts an attempt, nor a wait, that the deadline leaves no time for', async () => {
    const clock = fakeClock();
    const s = scripted(['lag']);
    const r = await retryLoop(s.attempt, s.classify, {
      clock,
      deadline: clock.now() + 20_000,
      minAttemptMs: 500,
    });
    // 0 s, 5 s, 15 s; a wait of 20 s would end past the deadline.
    expect(r).toMatchObject({ attempts: 3, end: 'deadline' });
    expect(clock.slept).toEqual([5_000, 10_000]);

    const late = fakeClock();
    const none = await retryLoop(s.attempt, s.classify, {
      clock: late,
      deadline: late.now() + 100,
      minAttemptMs: 500,
    });
    expect(none).toEqual({ value: undefined, attempts: 0, end: 'deadline' });
  });

  it('does not count what was not sent', async () => {
    const clock = fakeClock();
    const reports: number[] = [];
    const first = await retryLoop(
      () => Promise.resolve('x'),
      (): AttemptOutcome => ({ kind: 'not-sent' }),
      { clock, onAttempt: (a) => reports.push(a.attempt) },
    );
    expect(first).toEqual({ value: 'x', attempts: 0, end: 'not-sent' });
    const s = scripted(['transient', 'not-sent']);
    const later = await retryLoop(s.attempt, s.classify, {
      clock,
      random: () => 0,
      onAttempt: (a) => reports.push(a.attempt),
    });
    expect(later).toMatchObject({ attempts: 1, end: 'deadline', value: 'transient' });
    expect(reports).toEqual([1]);
  });
});

describe('retry policy', () => {
  it('Retry-After seconds and HTTP dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('exponential backoff with full jitter, capped, Retry-After as a floor', () => {
    const p = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, p, () => 0.5)).toBe(50);
    expect(backoffDelay(3, p, () => 0.5)).toBe(200);
    expect(backoffDelay(10, p, () => 0.999)).toBe(999);
    expect(backoffDelay(1, p, () => 0, 700)).toBe(700);
    expect(backoffDelay(1, p, () => 0, 70_000)).toBe(1000);
  });
});

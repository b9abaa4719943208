// mapLimit: results in input order whatever order the calls finish in, never
// more than `limit` calls at once, and a failure that stops new starts and
// is reported only after the calls already running have settled.
import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../src/internal/pool.js';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
  reject(e: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every queued microtask and promise callback run. */
const settle = () => new Promise<void>((r) => setImmediate(r));

/** A pool of calls the test finishes by hand, recording starts and the peak in flight. */
function handCranked(n: number) {
  const calls = Array.from({ length: n }, () => deferred<string>());
  const started: number[] = [];
  let inFlight = 0;
  let peak = 0;
  const fn = async (item: string, i: number): Promise<string> => {
    started.push(i);
    peak = Math.max(peak, ++inFlight);
    try {
      return `${item}:${await calls[i]!.promise}`;
    } finally {
      inFlight--;
    }
  };
  return {
    calls,
    started,
    fn,
    get peak() {
      return peak;
    },
  };
}

describe('mapLimit', () => {
  it('keeps input order when calls finish in reverse, with at most `limit` in flight', async () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const h = handCranked(items.length);
    const out = mapLimit(items, 3, h.fn);
    await settle();
    expect(h.started).toEqual([0, 1, 2]);
    // Finish whatever runs newest-first; each finish frees a slot for the next item.
    for (const batch of [[2, 1, 0], [5, 4, 3], [6]]) {
      for (const i of batch) h.calls[i]!.resolve(String(i));
      await settle();
    }
    expect(await out).toEqual(items.map((x, i) => `${x}:${i}`));
    expect(h.started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(h.peak).toBe(3);
  });

  it('starts the next item only when a slot frees', async () => {
    const h = handCranked(4);
    const out = mapLimit(['w', 'x', 'y', 'z'], 2, h.fn);
    await settle();
    expect(h.started).toEqual([0, 1]);
    h.calls[1]!.resolve('1');
    await settle();
    expect(h.started).toEqual([0, 1, 2]);
    h.calls[0]!.resolve('0');
    await settle();
    expect(h.started).toEqual([0, 1, 2, 3]);
    h.calls[3]!.resolve('3');
    h.calls[2]!.resolve('2');
    expect(await out).toEqual(['w:0', 'x:1', 'y:2', 'z:3']);
    expect(h.peak).toBe(2);
  });

  it('rejects with the first failure only after the calls in flight settle, starting nothing new', async () => {
    const h = handCranked(5);
    let rejected: unknown;
    const out = mapLimit(['a', 'b', 'c', 'd', 'e'], 3, h.fn).catch((e: unknown) => {
      rejected = e;
    });
    await settle();
    const first = new Error('first');
    h.calls[1]!.reject(first);
    await settle();
    // Item 1 failed: no new start, and no answer yet while 0 and 2 run.
    expect(h.started).toEqual([0, 1, 2]);
    expect(rejected).toBeUndefined();
    h.calls[2]!.reject(new Error('second'));
    await settle();
    expect(rejected).toBeUndefined();
    h.calls[0]!.resolve('0');
    await out;
    expect(rejected).toBe(first);
    expect(h.started).toEqual([0, 1, 2]);
  });

  it('turns a synchronous throw into the rejection', async () => {
    const boom = new Error('sync');
    await expect(
      mapLimit([1, 2, 3], 2, (n) => {
        if (n === 2) throw boom;
        return n * 10;
      }),
    ).rejects.toBe(boom);
  });

  it('passes the index, accepts plain values, and handles empty input and large limits', async () => {
    expect(await mapLimit([], 4, () => 1)).toEqual([]);
    expect(await mapLimit(['a', 'b'], Infinity, (x, i) => `${x}${i}`)).toEqual(['a0', 'b1']);
    expect(await mapLimit(['a', 'b', 'c'], 1, (x) => Promise.resolve(x.toUpperCase()))).toEqual([
      'A',
      'B',
      'C',
    ]);
  });

  it('refuses a limit below one', async () => {
    for (const bad of [0, -1, Number.NaN]) {
      await expect(mapLimit([1], bad, (x) => x)).rejects.toBeInstanceOf(RangeError);
    }
  });
});

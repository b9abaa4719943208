// The check's one deadline, applied to every request, and the minimum
// transfer rate: a drip is not progress.
import { afterEach, describe, expect, it } from 'vitest';
import {
  DeadlineError,
  TimeoutError,
  createNodeHttpClient,
  systemClock,
  withDeadline,
} from '../../src/goproxy/index.js';
import { startHostileServer } from '../support/hostile-server.js';
import type { Behaviour, HostileServer } from '../support/hostile-server.js';

const servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(b: Behaviour): Promise<HostileServer> {
  const s = await startHostileServer(b);
  servers.push(s);
  return s;
}

describe('minimum transfer rate', () => {
  it('cuts a body that drips, long before the idle limit or the time limit', async () => {
    const s = await serve({ kind: 'drip', intervalMs: 50 });
    const client = createNodeHttpClient({
      timeoutMs: 60_000,
      idleTimeoutMs: 30_000,
      minRate: { bytes: 1024, windowMs: 300 },
    });
    const err = await client.get(`${s.url}/x`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toMatch(
      /transfer too slow: \d+ bytes in the last 300 ms, fewer than the 1024 required/,
    );
  });

  it('cuts a dripping stream while it is read', async () => {
    const s = await serve({ kind: 'drip', intervalMs: 50 });
    const client = createNodeHttpClient({ minRate: { bytes: 1024, windowMs: 300 } });
    const r = await client.getStream(`${s.url}/x`, { timeoutMs: 60_000 });
    const read = (async () => {
      for await (const _ of r.body) void _;
    })();
    await expect(read).rejects.toThrow('transfer too slow');
  });

  it('lets a body that flows pass', async () => {
    const s = await serve({ kind: 'huge', size: 4 << 20, withLength: true });
    const client = createNodeHttpClient({ minRate: { bytes: 1024, windowMs: 300 } });
    const r = await client.get(`${s.url}/x`, { maxBytes: 8 << 20 });
    expect(r.body.length).toBe(4 << 20);
  });

  it('can be turned off: the time limit then ends a drip', async () => {
    const s = await serve({ kind: 'drip', intervalMs: 50 });
    const off = createNodeHttpClient({ timeoutMs: 400, minRate: false });
    const err = await off.get(`${s.url}/x`).catch((e: unknown) => e);
    expect((err as Error).message).toContain('timed out after 400 ms');
  });
});

describe('withDeadline', () => {
  it('sends nothing once the deadline has passed', async () => {
    const s = await serve({ kind: 'status', status: 200, body: 'ok' });
    const http = withDeadline(createNodeHttpClient(), {
      deadline: Date.now() - 1,
      clock: systemClock,
      label: 'the test deadline',
    });
    const err = await http.get(`${s.url}/x`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeadlineError);
    expect((err as DeadlineError).sent).toBe(false);
    expect((err as Error).message).toContain('not sent: the test deadline has passed');
    expect(s.received).toEqual([]);
  });

  it('cuts a request to what is left and says it was the deadline', async () => {
    const s = await serve({ kind: 'stall' });
    const http = withDeadline(createNodeHttpClient({ idleTimeoutMs: 30_000 }), {
      deadline: Date.now() + 300,
      clock: systemClock,
      label: 'the test deadline',
    });
    const err = await http.get(`${s.url}/x`, { timeoutMs: 30_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeadlineError);
    expect((err as DeadlineError).sent).toBe(true);
    expect((err as Error).message).toContain('the test deadline has passed');
    expect(s.received).toHaveLength(1);
  });

  it('keeps a request’s own shorter limit as it is', async () => {
    const s = await serve({ kind: 'stall' });
    const http = withDeadline(createNodeHttpClient(), {
      deadline: Date.now() + 60_000,
      clock: systemClock,
    });
    const err = await http.get(`${s.url}/x`, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).not.toBeInstanceOf(DeadlineError);
  });
});

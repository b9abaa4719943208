// Every hostile server behaviour must end within its limit, with its own
// error type, and never as a success; a drip is cut by the minimum transfer
// rate, and the check's one deadline bounds every request.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createCredentials,
  createNodeHttpClient,
  DeadlineError,
  NetworkError,
  ProtocolError,
  TimeoutError,
  TooLargeError,
  withDeadline,
} from '../../src/http/index.js';
import { systemClock } from '../../src/internal/retry.js';
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

const client = createNodeHttpClient({ timeoutMs: 1500, idleTimeoutMs: 400 });

describe('node http client against hostile servers', () => {
  it('a server that never answers ends in TimeoutError', async () => {
    const s = await serve({ kind: 'stall' });
    await expect(client.get(`${s.url}/x`)).rejects.toBeInstanceOf(TimeoutError);
  });

  it('headers then silence ends in TimeoutError', async () => {
    const s = await serve({ kind: 'stall-after-headers' });
    await expect(client.get(`${s.url}/x`)).rejects.toBeInstanceOf(TimeoutError);
  });

  it('drip-feeding defeats the idle limit but not the overall deadline', async () => {
    const s = await serve({ kind: 'drip', intervalMs: 50 });
    const err = await client.get(`${s.url}/x`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toContain('timed out after 1500 ms');
  });

  it('drip-feeding a stream is cut by the deadline while reading', async () => {
    const s = await serve({ kind: 'drip', intervalMs: 50 });
    const r = await client.getStream(`${s.url}/x`, { timeoutMs: 600 });
    const read = (async () => {
      for await (const _ of r.body) void _;
    })();
    await expect(read).rejects.toBeInstanceOf(TimeoutError);
  });

  it('a 500 is returned as a response, body kept', async () => {
    const s = await serve({ kind: 'status', status: 500, body: 'boom' });
    const r = await client.get(`${s.url}/x`);
    expect(r.status).toBe(500);
    expect(r.statusText).toBe('500 Internal Server Error');
    expect(r.body.toString()).toBe('boom');
  });

  it('Content-Length larger than the body, then close: ProtocolError', async () => {
    const s = await serve({ kind: 'short-body', claimed: 1000, sent: 10 });
    await expect(client.get(`${s.url}/x`)).rejects.toBeInstanceOf(ProtocolError);
  });

  it('Content-Length larger than the body, connection kept open: TimeoutError', async () => {
    const s = await serve({ kind: 'short-body', claimed: 1000, sent: 10, keepOpen: true });
    await expect(client.get(`${s.url}/x`)).rejects.toBeInstanceOf(TimeoutError);
  });

  it('Content-Length smaller than the body: ProtocolError, never the truncated body', async () => {
    const s = await serve({ kind: 'long-body', claimed: 5, sent: 200 });
    await expect(client.get(`${s.url}/x`)).rejects.toBeInstanceOf(ProtocolError);
  });

  it('a body over the cap is refused while reading (no Content-Length)', async () => {
    const s = await serve({ kind: 'huge', size: 5 << 20, withLength: false });
    const err = await client.get(`${s.url}/x`, { maxBytes: 1 << 20 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLargeError);
  });

  it('a Content-Length over the cap is refused before reading', async () => {
    const s = await serve({ kind: 'huge', size: 600 << 20, withLength: true });
    const err = await client
      .getStream(`${s.url}/x`, { maxBytes: 500 << 20 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLargeError);
    expect((err as Error).message).toContain('Content-Length 629145600');
  });

  it('connection closed mid-body: ProtocolError', async () => {
    const s = await serve({ kind: 'close-mid-body', sent: 100 });
    await expect(client.get(`${s.url}/x`)).rejects.toBeInstanceOf(ProtocolError);
  });

  it('redirect loops stop after 10 redirects', async () => {
    const s = await serve({ kind: 'redirect-loop' });
    const err = await client.get(`${s.url}/x`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as Error).message).toContain('stopped after 10 redirects');
    expect(s.received.length).toBe(11);
  });

  it('https to http redirects are refused', async () => {
    const target = await serve({ kind: 'status', status: 200, body: 'plain' });
    const { startTlsRedirect } = await import('./tls-redirect.js');
    const tls = await startTlsRedirect(`${target.url}/y`);
    try {
      const c = createNodeHttpClient({ timeoutMs: 1500, ca: tls.ca });
      const err = await c.get(`${tls.url}/x`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProtocolError);
      expect((err as Error).message).toContain('redirected from secure URL');
      expect(target.received.length).toBe(0);
    } finally {
      await tls.close();
    }
  });

  it('refused connections are NetworkError', async () => {
    const s = await serve({ kind: 'stall' });
    const url = s.url;
    await s.close();
    servers.length = 0;
    await expect(client.get(`${url}/x`)).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('credentials', () => {
  it('are sent to the private proxy origin and dropped on a redirect to another origin', async () => {
    const other = await serve({ kind: 'status', status: 200, body: 'elsewhere' });
    const proxy = await serve({ kind: 'redirect', location: `${other.url}/moved` });
    const c = createNodeHttpClient({
      timeoutMs: 1500,
      credentials: createCredentials({
        token: 'Bearer s3cret-token',
        privateProxies: [proxy.url],
        allowLoopbackHttp: true,
      }),
    });
    const r = await c.get(`${proxy.url}/m/@v/list`, {
      headers: { Authorization: 'Bearer caller' },
    });
    expect(r.body.toString()).toBe('elsewhere');
    expect(proxy.received[0]?.headers.authorization).toBe('Bearer s3cret-token');
    expect(other.received[0]?.headers.authorization).toBeUndefined();
  });

  it('are never sent to a host that is not a configured private proxy', async () => {
    const s = await serve({ kind: 'status', status: 200, body: 'ok' });
    const c = createNodeHttpClient({
      credentials: createCredentials({
        netrc: [{ machine: '127.0.0.1', login: 'u', password: 'p4ss' }],
        privateProxies: ['https://proxy.golang.org', 'http://127.0.0.1:1'],
        allowLoopbackHttp: true,
      }),
    });
    await c.get(`${s.url}/x`);
    expect(s.received[0]?.headers.authorization).toBeUndefined();
  });

  it('netrc credentials go to the matching private proxy, over loopback http only when allowed', async () => {
    const s = await serve({ kind: 'status', status: 200, body: 'ok' });
    // The go command names a machine with its port when the URL has one.
    const netrc = [{ machine: `127.0.0.1:${s.port}`, login: 'u', password: 'p4ss' }];
    const allowed = createNodeHttpClient({
      credentials: createCredentials({ netrc, privateProxies: [s.url], allowLoopbackHttp: true }),
    });
    const plain = createNodeHttpClient({
      credentials: createCredentials({ netrc, privateProxies: [s.url] }),
    });
    await allowed.get(`${s.url}/a`);
    await plain.get(`${s.url}/b`);
    expect(s.received[0]?.headers.authorization).toBe(
      'Basic ' + Buffer.from('u:p4ss').toString('base64'),
    );
    expect(s.received[1]?.headers.authorization).toBeUndefined();
  });

  it('URL user info over plain http is refused and redacted in the message', async () => {
    const s = await serve({ kind: 'status', status: 200, body: 'ok' });
    const err = await client
      .get(`http://user:hunter2@127.0.0.1:${s.port}/x`)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as Error).message).toBe(
      `refusing to pass credentials to insecure URL: http://user:xxxxx@127.0.0.1:${s.port}/x`,
    );
    expect(s.received.length).toBe(0);
  });
});

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

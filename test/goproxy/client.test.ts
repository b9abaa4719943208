// List semantics, escaping, .info rules and warming against the loopback proxy.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cachedOnly,
  classifyNotFound,
  GoproxyClient,
  parseInfo,
  SkippedError,
  warmOnce,
} from '../../src/goproxy/index.js';
import {
  createNodeHttpClient,
  NotFoundError,
  ProtocolError,
  ServerError,
} from '../../src/http/index.js';
import type { Clock } from '../../src/internal/retry.js';
import { startGoproxyServer } from '../support/goproxy-server.js';
import type { GoproxyServer } from '../support/goproxy-server.js';
import { startHostileServer } from '../support/hostile-server.js';
import { vectorsDir } from '../support/vectors.js';
import { tempDir } from '../support/temp-dir.js';

const http = createNodeHttpClient({ timeoutMs: 2000, idleTimeoutMs: 1000 });
const noRetry = { maxAttempts: 1 };

// A clock that never waits, so warming tests cover minutes instantly.
function fakeClock(): Clock & { slept: number[] } {
  let t = 1_000_000;
  const slept: number[] = [];
  return { slept, now: () => t, sleep: (ms) => ((t += ms), slept.push(ms), Promise.resolve()) };
}

let a: GoproxyServer;
let b: GoproxyServer;
let empty: string;

beforeAll(async () => {
  empty = await tempDir('modseal-goproxy-');
  a = await startGoproxyServer(empty);
  b = await startGoproxyServer(empty);
});
afterAll(async () => {
  await a.close();
  await b.close();
});

describe('list semantics', () => {
  it('`,` falls through on 404 and 410 only and reports who answered', async () => {
    a.script.set('ex.com/m/@v/list', { status: 410, body: 'gone' });
    b.script.set('ex.com/m/@v/list', { body: 'v1.2.0\nv1.0.0 2020-01-01T00:00:00Z\n' });
    const c = new GoproxyClient({ proxy: `${a.url},${b.url}`, http, retry: noRetry });
    const r = await c.list('ex.com/m');
    expect(r.proxy).toBe(b.url);
    expect(r.value).toEqual([
      { version: 'v1.2.0' },
      { version: 'v1.0.0', time: '2020-01-01T00:00:00Z' },
    ]);
    expect(r.attempts.map((x) => x.outcome)).toEqual(['not-found', 'ok']);
  });

  it('`,` stops on a 500; `|` falls through', async () => {
    a.script.set('ex.com/n/@v/list', { status: 500, body: 'oops' });
    b.script.set('ex.com/n/@v/list', { body: 'v1.0.0\n' });
    const comma = new GoproxyClient({ proxy: `${a.url},${b.url}`, http, retry: noRetry });
    await expect(comma.list('ex.com/n')).rejects.toBeInstanceOf(ServerError);
    const pipe = new GoproxyClient({ proxy: `${a.url}|${b.url}`, http, retry: noRetry });
    expect((await pipe.list('ex.com/n')).proxy).toBe(b.url);
  });

  it('list drops pseudo-versions and invalid lines and keeps server order', async () => {
    b.script.set('ex.com/p/@v/list', {
      body: 'v1.3.0\nv0.0.0-20200101000000-abcdefabcdef\nnot-a-version\n\nv1.1.0\n',
    });
    const c = new GoproxyClient({ proxy: b.url, http });
    expect((await c.list('ex.com/p')).value.map((x) => x.version)).toEqual(['v1.3.0', 'v1.1.0']);
  });

  it('direct and off are reported as skipped', async () => {
    a.script.set('ex.com/q/@v/list', { status: 404, body: 'not found' });
    const c = new GoproxyClient({ proxy: `${a.url},direct`, http, retry: noRetry });
    const err = await c.list('ex.com/q').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    const off = new GoproxyClient({ proxy: 'off', http });
    const e2 = await off.list('ex.com/q').catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(SkippedError);
    expect((e2 as Error).message).toBe('module ex.com/q: module lookup disabled by GOPROXY=off');
  });

  it('GONOPROXY modules are never requested', async () => {
    const before = a.requests.length;
    const c = new GoproxyClient({
      proxy: a.url,
      http,
      env: { GOPROXY: a.url, GONOPROXY: 'corp.example' },
    });
    await expect(c.list('corp.example/x')).rejects.toBeInstanceOf(SkippedError);
    expect(a.requests.length).toBe(before);
  });

  it('retries a 503 with Retry-After, then succeeds', async () => {
    const flaky = await startHostileServer({
      kind: 'status',
      status: 503,
      headers: { 'Retry-After': '7' },
    });
    try {
      const clock = fakeClock();
      const c = new GoproxyClient({
        proxy: `${flaky.url}|${b.url}`,
        http,
        clock,
        random: () => 0,
        retry: { maxAttempts: 3 },
      });
      b.script.set('ex.com/r/@v/list', { body: 'v1.0.0\n' });
      const r = await c.list('ex.com/r');
      expect(flaky.received.length).toBe(3);
      expect(clock.slept).toEqual([7000, 7000]);
      expect(r.proxy).toBe(b.url);
    } finally {
      await flaky.close();
    }
  });
});

describe('429 Too Many Requests', () => {
  it('waits as long as Retry-After says (seconds or an HTTP date, at most maxDelayMs), then reports the error', async () => {
    for (const [retryAfter, wantMs] of [
      ['3', 3000],
      // HTTP dates are read against the client's clock (here the fake one).
      [new Date(1_000_000 + 20_000).toUTCString(), 20_000],
      // A server asking for an hour gets the policy's ceiling per attempt (30 s).
      ['3600', 30_000],
    ] as const) {
      const busy = await startHostileServer({
        kind: 'status',
        status: 429,
        body: 'slow down\n',
        headers: { 'Retry-After': retryAfter },
      });
      try {
        const clock = fakeClock();
        const c = new GoproxyClient({
          proxy: busy.url,
          http,
          clock,
          random: () => 0,
          retry: { maxAttempts: 3 },
        });
        const err = await c.list('ex.com/busy').catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ServerError);
        expect((err as InstanceType<typeof ServerError>).status).toBe(429);
        expect(busy.received.length).toBe(3);
        expect(clock.slept).toHaveLength(2);
        expect(clock.slept[0]).toBe(wantMs);
      } finally {
        await busy.close();
      }
    }
  });
});

describe('.info', () => {
  const vectors = JSON.parse(readFileSync(path.join(vectorsDir, 'sumdb/vectors.json'), 'utf8')) as {
    proxyInfoExamples: { cases: { url: string; body: Record<string, unknown> }[] };
  };

  it.each(vectors.proxyInfoExamples.cases)('parses $url', (c) => {
    const info = parseInfo(JSON.stringify({ ...c.body, Unknown: [1] }));
    expect(info).toEqual(c.body);
  });

  it('refuses another version for a canonical request', async () => {
    b.script.set('ex.com/s/@v/v1.0.0.info', { body: '{"Version":"v1.0.1"}' });
    const c = new GoproxyClient({ proxy: b.url, http });
    const err = await c.info('ex.com/s', 'v1.0.0').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as Error).message).toBe(
      'ex.com/s@v1.0.0: proxy returned info for version v1.0.1 instead of requested version',
    );
  });

  it('escapes upper case in path and version', async () => {
    b.script.set('ex.com/!azure/x/@v/v1.0.0-!r!c1.info', { body: '{"Version":"v1.0.0-RC1"}' });
    const c = new GoproxyClient({ proxy: b.url, http });
    await c.info('ex.com/Azure/x', 'v1.0.0-RC1');
    expect(b.requests.at(-1)?.url).toBe('/ex.com/%21azure/x/@v/v1.0.0-%21r%21c1.info');
  });
});

describe('warming: one attempt (the gate’s retry loop asks again)', () => {
  it('a lagging mirror is lag until it has the version, one request each', async () => {
    b.script.set('ex.com/w/@v/v1.0.0.info', {
      notFoundTimes: 2,
      notFoundBody: 'not found: ex.com/w@v1.0.0: invalid version: unknown revision v1.0.0',
    });
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(path.join(empty, 'ex.com/w/@v'), { recursive: true });
    await writeFile(path.join(empty, 'ex.com/w/@v/v1.0.0.info'), '{"Version":"v1.0.0"}');
    const c = new GoproxyClient({ proxy: b.url, http, retry: noRetry });
    const asked = (): number =>
      b.requests.filter((q) => q.url === '/ex.com/w/@v/v1.0.0.info').length;
    const first = await warmOnce(c, 'ex.com/w', 'v1.0.0');
    expect(first.status).toBe('lag');
    if (first.status === 'lag') expect(first.body).toContain('unknown revision v1.0.0');
    expect(asked()).toBe(1);
    expect((await warmOnce(c, 'ex.com/w', 'v1.0.0')).status).toBe('lag');
    const third = await warmOnce(c, 'ex.com/w', 'v1.0.0');
    expect(third.status === 'ready' && third.version).toBe('v1.0.0');
    expect(asked()).toBe(3);
  });

  it('an unreachable mirror is an error after one request', async () => {
    const { createServer } = await import('node:net');
    const port = await new Promise<number>((resolve) => {
      const srv = createServer();
      srv.listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const c = new GoproxyClient({ proxy: `http://127.0.0.1:${port}`, http, retry: noRetry });
    const r = await warmOnce(c, 'ex.com/down', 'v1.0.0');
    expect(r.status).toBe('error');
    if (r.status === 'error') expect(String(r.error)).toContain('ECONNREFUSED');
  });

  it('a refusal is final', async () => {
    const body =
      'not found: ex.com/v@v2.0.1: invalid version: module contains a go.mod file, so major version must be compatible: should be v0 or v1, not v2';
    b.script.set('ex.com/v/@v/v2.0.1.info', { status: 404, body });
    const c = new GoproxyClient({ proxy: b.url, http, retry: noRetry });
    const r = await warmOnce(c, 'ex.com/v', 'v2.0.1');
    expect(r.status).toBe('refused');
    if (r.status === 'refused') expect(r.body).toBe(body);
  });

  it('follows a +incompatible answer', async () => {
    b.script.set('ex.com/i/@v/v2.0.0.info', { body: '{"Version":"v2.0.0+incompatible"}' });
    b.script.set('ex.com/i/@v/v2.0.0+incompatible.info', {
      body: '{"Version":"v2.0.0+incompatible"}',
    });
    const c = new GoproxyClient({ proxy: b.url, http, retry: noRetry });
    const r = await warmOnce(c, 'ex.com/i', 'v2.0.0');
    expect(r.status === 'ready' && r.version).toBe('v2.0.0+incompatible');
    expect(b.requests.at(-1)?.url).toBe('/ex.com/i/@v/v2.0.0+incompatible.info');
  });

  it('classifies bodies', () => {
    expect(classifyNotFound('')).toBe('lag');
    expect(classifyNotFound('not found: no matching versions for query "v1.0.0"')).toBe('lag');
    expect(classifyNotFound('not found: create zip: go.mod: file too large')).toBe('refusal');
    expect(classifyNotFound('not found: malformed module path "x"')).toBe('refusal');
  });

  it('cached-only base only for known hosts, and the server honours it', async () => {
    expect(cachedOnly('https://proxy.golang.org')).toBe('https://proxy.golang.org/cached-only');
    expect(cachedOnly('https://goproxy.corp.example')).toBeUndefined();
    b.script.set('ex.com/co/@v/v1.0.0.info', { notFoundTimes: 1 });
    const co = new GoproxyClient({ proxy: `${b.url}/cached-only`, http });
    await expect(co.info('ex.com/co', 'v1.0.0')).rejects.toBeInstanceOf(NotFoundError);
    await expect(co.info('ex.com/co', 'v1.0.0')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('zip download', () => {
  it('a 600 MiB zip is refused from its Content-Length, with Go’s message, nothing left behind', async () => {
    const huge = await startHostileServer({ kind: 'huge', size: 600 << 20, withLength: true });
    try {
      const dest = await tempDir('modseal-zip-');
      const c = new GoproxyClient({ proxy: huge.url, http, retry: noRetry });
      const err = await c.downloadZip('ex.com/z', 'v1.0.0', dest).catch((e: unknown) => e);
      expect((err as Error).message).toBe('ex.com/z@v1.0.0: downloaded zip file too large');
      const { readdir } = await import('node:fs/promises');
      expect(await readdir(dest)).toEqual([]);
    } finally {
      await huge.close();
    }
  });

  it('a zip with an entry outside <path>@<version>/ is refused', async () => {
    const yazl = (await import('yazl')).default;
    const z = new yazl.ZipFile();
    z.addBuffer(Buffer.from('module ex.com/y\n'), 'ex.com/y@v1.0.0/go.mod');
    z.addBuffer(Buffer.from('x'), 'evil/x.go');
    z.end();
    const chunks: Buffer[] = [];
    for await (const ch of z.outputStream) chunks.push(ch as Buffer);
    b.script.set('ex.com/y/@v/v1.0.0.zip', {
      body: Buffer.concat(chunks),
      headers: { 'content-type': 'application/zip' },
    });
    const dest = await tempDir('modseal-zip-');
    const c = new GoproxyClient({ proxy: b.url, http });
    const err = await c.downloadZip('ex.com/y', 'v1.0.0', dest).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as Error).message).toBe('zip for ex.com/y@v1.0.0 has unexpected file evil/x.go');
  });
});

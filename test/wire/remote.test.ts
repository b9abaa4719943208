// The mirror and the checksum database are chosen per module, as the go
// command chooses them, so a job over several modules (lint, scan, a gate of
// all tags at HEAD) asks each where Go would; one client serves them all.
// Nothing here reaches a server: the HTTP client refuses every request.
import { describe, expect, it } from 'vitest';
import type { SideFor } from '../../src/checks/ports.js';
import { goEnvFromProcess, parseGoproxy } from '../../src/goproxy/index.js';
import type { HttpClient } from '../../src/internal/http.js';
import { systemClock } from '../../src/internal/retry.js';
import { generateKey, parseGoSumdb } from '../../src/sumdb/index.js';
import { remoteSides } from '../../src/wire/index.js';

const noNetwork: HttpClient = {
  get: (url) => Promise.reject(new Error(`unexpected request ${url}`)),
  getStream: (url) => Promise.reject(new Error(`unexpected request ${url}`)),
};

function sides(vars: Record<string, string>) {
  const { vkey } = generateKey('sum.example');
  const env = goEnvFromProcess({
    GOPROXY: 'https://proxy.example',
    // A database named with its URL is never probed for through the proxy.
    GOSUMDB: `${vkey} https://sum.example`,
    ...vars,
  });
  return remoteSides({
    env,
    entries: parseGoproxy(env.GOPROXY),
    sumdb: parseGoSumdb(env.GOSUMDB),
    http: noNetwork,
    clock: systemClock,
    logger: { info: () => undefined, debug: () => undefined },
    workDir: '/nonexistent',
    proxyEnv: {},
  });
}

const state = <T>(s: SideFor<T>): string => (s.kind === 'on' ? 'on' : `off: ${s.reason}`);

describe('remoteSides', () => {
  it('decides GOPRIVATE, GONOPROXY and GONOSUMDB per module within one run', async () => {
    const r = sides({
      GOPRIVATE: 'example.com/private',
      GONOPROXY: 'example.com/private,example.com/direct',
      GONOSUMDB: 'example.com/private,example.com/nosum',
    });
    const row = async (path: string) => [
      state(await r.mirrorFor(path)),
      state(await r.sumdbFor(path)),
    ];
    expect(await row('example.com/private/sub')).toEqual([
      'off: GONOPROXY/GOPRIVATE matches example.com/private/sub',
      'off: GONOSUMDB/GOPRIVATE matches example.com/private/sub',
    ]);
    expect(await row('example.com/direct')).toEqual([
      'off: GONOPROXY/GOPRIVATE matches example.com/direct',
      'on',
    ]);
    expect(await row('example.com/nosum/v2')).toEqual([
      'on',
      'off: GONOSUMDB/GOPRIVATE matches example.com/nosum/v2',
    ]);
    expect(await row('example.com/public')).toEqual(['on', 'on']);
  });

  it('serves every module from one mirror and one checksum database', async () => {
    const r = sides({});
    const [a, b] = [await r.mirrorFor('example.com/a'), await r.mirrorFor('example.com/b')];
    const [s, t] = [await r.sumdbFor('example.com/a'), await r.sumdbFor('example.com/b')];
    expect(a.kind === 'on' && b.kind === 'on' && a.port === b.port).toBe(true);
    expect(s.kind === 'on' && t.kind === 'on' && s.port === t.port).toBe(true);
    if (s.kind === 'on') expect(s.port.name).toBe('sum.example');
  });

  it('says why a side is off for everyone', async () => {
    const r = sides({ GOPROXY: 'direct', GOSUMDB: 'off' });
    expect(state(await r.mirrorFor('example.com/a'))).toBe(
      'off: GOPROXY=direct names no module proxy (modseal never fetches from version control)',
    );
    expect(state(await r.sumdbFor('example.com/a'))).toBe('off: GOSUMDB=off');
  });
});

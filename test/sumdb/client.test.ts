import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  InconsistentTileError,
  InvalidSignatureError,
  RecordMismatchError,
  ServerMisbehaviorError,
  SumdbClient,
  SumdbNotFoundError,
  TreeRollbackError,
  WrongKeyError,
  WrongNameError,
  fileTreeCache,
  generateKey,
  memoryTreeCache,
  parseGoSumdb,
  sumdbBaseUrl,
  SUM_GOLANG_ORG_KEY,
  type TreeCache,
} from '../../src/sumdb/index.js';
import { InputError } from '../../src/internal/errors.js';
import { TestSumdb, loopbackHttpClient } from '../support/sumdb-server.js';
import { vectorsDir } from '../support/vectors.js';

interface TestLog {
  signerKey: string;
  verifierKey: string;
  records: { modulePath: string; version: string; text: string }[];
  trees: Record<string, { treeHashB64: string }>;
  lookupResponsesAtTreeSize4: Record<string, string>;
  fork: {
    oldNote: string;
    newNote: string;
    newLogRecord4And5: string[];
    expectedSecurityReportFragments: string[];
    consistencyProof5to6InNewTreeB64: string[];
  };
}
const v = JSON.parse(readFileSync(path.join(vectorsDir, 'sumdb/vectors.json'), 'utf8')) as {
  sumdbTestLog: TestLog;
};
const L = v.sumdbTestLog;

const servers: TestSumdb[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(opts: Parameters<typeof TestSumdb.start>[0] = {}): Promise<TestSumdb> {
  const s = await TestSumdb.start(opts);
  servers.push(s);
  return s;
}

function client(
  s: TestSumdb,
  cache: TreeCache = memoryTreeCache(),
  vkey = s.verifierKey,
): SumdbClient {
  return new SumdbClient({
    verifierKey: vkey,
    baseUrl: s.url,
    http: loopbackHttpClient(),
    treeCache: cache,
    tileHeight: s.tileHeight,
  });
}

const line = (p: string, ver: string, n: number) =>
  `${p} ${ver} h1:${Buffer.alloc(32, n).toString('base64')}\n${p} ${ver}/go.mod h1:${Buffer.alloc(32, n + 1).toString('base64')}\n`;

async function fill(s: TestSumdb, count: number): Promise<void> {
  for (let i = 0; i < count; i++)
    await s.add(`example.com/m${i}`, 'v1.0.0', line(`example.com/m${i}`, 'v1.0.0', i));
}

describe('SumdbClient against the x/mod test log (vectors)', () => {
  it('verifies every lookup of client_test.go and returns its lines', async () => {
    const records = new Map<string, string>(
      L.records.map((r) => [`${r.modulePath}@${r.version}`, r.text]),
    );
    const s = await start({ signerKey: L.signerKey, records });
    expect(s.verifierKey).toBe(L.verifierKey);
    const c = client(s);
    for (const r of L.records.slice(0, 4)) await c.lookup(r.modulePath, r.version);
    // After the four lookups the server's answers are the vector bodies byte for byte.
    for (const [p, body] of Object.entries<string>(L.lookupResponsesAtTreeSize4)) {
      const res = await loopbackHttpClient().get(s.url + p);
      expect(res.body.toString()).toBe(body);
    }
    const got = await c.lookup('rsc.io/quote', 'v1.5.2');
    expect(got.id).toBe(0);
    expect(got.lines).toEqual(L.records[0]!.text.split('\n').filter(Boolean));
    expect(got.zipHash).toBe('h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=');
    expect(got.goModHash).toBe('h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=');
    expect(got.tree).toEqual({ size: 4, hash: L.trees['4']!.treeHashB64 });
    const upper = await c.lookup('rsc.io/Quote', 'v1.5.2');
    expect(upper.lines).toEqual(['rsc.io/Quote v1.5.2 h1:uppercase!=']);
    await expect(c.lookup('rsc.io/nope', 'v1.0.0')).rejects.toThrow(SumdbNotFoundError);
  });

  it('detects the fork of TestClientFork and reports both notes and the proof', async () => {
    const records = new Map<string, string>(
      L.records.map((r) => [`${r.modulePath}@${r.version}`, r.text]),
    );
    const s = await start({ signerKey: L.signerKey, records });
    const c = client(s);
    for (const r of L.records.slice(0, 5)) await c.lookup(r.modulePath, r.version);
    expect(c.latestTree.note).toBe(L.fork.oldNote);
    s.forkAt(4);
    await s.add('rsc.io/pkg1', 'v1.5.3', L.fork.newLogRecord4And5[0]!);
    const err = await c.lookup('rsc.io/pkg1', 'v1.5.4').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerMisbehaviorError);
    const msg = (err as Error).message;
    for (const frag of L.fork.expectedSecurityReportFragments) expect(msg).toContain(frag);
    expect(msg).toContain(L.fork.newNote.replaceAll('\n', '\n\t'));
    for (const h of L.fork.consistencyProof5to6InNewTreeB64) expect(msg).toContain(`\n\t${h}`);
    expect(msg.startsWith('rsc.io/pkg1@v1.5.4: ')).toBe(true);
  });
});

describe('SumdbClient attacks (each its own error)', () => {
  it('accepts an honest server, at height 2 and 8, with a growing tree and a shared file cache', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sumdb-cache-'));
    try {
      for (const h of [2, 8]) {
        const s = await start({ tileHeight: h, gosum: (p, ver) => line(p, ver, 7) });
        await fill(s, h === 8 ? 700 : 21);
        const file = path.join(dir, `latest-${h}`);
        const a = await client(s, fileTreeCache(file)).lookup('example.com/m3', 'v1.0.0');
        expect(a.zipHash).toBe(`h1:${Buffer.alloc(32, 3).toString('base64')}`);
        await fill(s, h === 8 ? 1100 : 37);
        const b = client(s, fileTreeCache(file));
        const got = await b.lookup('example.com/new', 'v1.2.3/go.mod');
        expect(got.id).toBe(h === 8 ? 1100 : 37);
        expect(got.lines).toEqual(line('example.com/new', 'v1.2.3', 7).split('\n').filter(Boolean));
        expect((await fileTreeCache(file).read())!.toString()).toBe(b.latestTree.note);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('falls back to the full tile when a partial tile is gone', async () => {
    const s = await start();
    await fill(s, 8); // tile/2/0/001 is full, so its .p/2 is superseded
    s.tamper.dropSupersededPartials = true;
    s.tamper.staleTreeSize = 6;
    const got = await client(s).lookup('example.com/m5', 'v1.0.0');
    expect(got.tree.size).toBe(6);
    expect(s.requests).toContain('/tile/2/0/001.p/2');
    expect(s.requests).toContain('/tile/2/0/001');
  });

  it('rejects a forged signature', async () => {
    const s = await start();
    await fill(s, 3);
    s.tamper.forgeSignature = true;
    const err = await client(s)
      .lookup('example.com/m1', 'v1.0.0')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidSignatureError);
    expect((err as Error).message).toContain(
      'reading tree note: invalid signature for key sumdb.modseal.test+',
    );
  });

  it('rejects a note signed by another key of the same name', async () => {
    const s = await start();
    await fill(s, 3);
    s.tamper.signerKey = generateKey(s.name).skey;
    const err = await client(s)
      .lookup('example.com/m1', 'v1.0.0')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WrongKeyError);
    expect((err as Error).message).toContain('note has no verifiable signatures');
  });

  it('rejects a note signed for another database name', async () => {
    const s = await start();
    await fill(s, 3);
    s.tamper.signerKey = generateKey('other.example').skey;
    await expect(client(s).lookup('example.com/m1', 'v1.0.0')).rejects.toThrow(WrongNameError);
  });

  it('rejects an altered record', async () => {
    const s = await start();
    await fill(s, 5);
    s.tamper.alterRecord = (t) => t.replace('h1:A', 'h1:B');
    const err = await client(s)
      .lookup('example.com/m2', 'v1.0.0')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordMismatchError);
    expect((err as Error).message).toBe(
      'example.com/m2@v1.0.0: cannot authenticate record data in server response',
    );
  });

  it('rejects an altered tile, edge or inner', async () => {
    for (const flip of ['tile/2/1/000.p/1', 'tile/2/0/000']) {
      const s = await start();
      await fill(s, 6);
      s.tamper.flipTileBit = (p) => p === flip;
      const err = await client(s)
        .lookup('example.com/m1', 'v1.0.0')
        .catch((e: unknown) => e);
      expect(err, flip).toBeInstanceOf(InconsistentTileError);
      expect((err as Error).message).toContain('downloaded inconsistent tile');
    }
  });

  it('rejects a tree that shrank below the remembered one', async () => {
    const s = await start();
    await fill(s, 7);
    const cache = memoryTreeCache();
    await client(s, cache).lookup('example.com/m6', 'v1.0.0');
    s.shrinkTo(4);
    const err = await client(s, cache)
      .lookup('example.com/m1', 'v1.0.0')
      .catch((e: unknown) => e);
    expect(err, String(err)).toBeInstanceOf(TreeRollbackError);
    expect((err as Error).message).toContain('checking tree#4 against tree#7');
  });

  it('keeps the remembered tree when an older consistent note comes back', async () => {
    const s = await start();
    await fill(s, 7);
    const cache = memoryTreeCache();
    const c = client(s, cache);
    await c.lookup('example.com/m6', 'v1.0.0');
    const note7 = (await cache.read())!;
    // A second server holding only the prefix would be a rollback; the same
    // server answering with its current tree is simply "now".
    const again = await client(s, cache).lookup('example.com/m2', 'v1.0.0');
    expect(again.tree.size).toBe(7);
    expect((await cache.read())!.equals(note7)).toBe(true);
  });
});

describe('GOSUMDB and proxies', () => {
  it('parses GOSUMDB like the go command', () => {
    expect(parseGoSumdb('off')).toEqual({ off: true });
    expect(parseGoSumdb('')).toMatchObject({
      name: 'sum.golang.org',
      verifierKey: SUM_GOLANG_ORG_KEY,
    });
    expect(parseGoSumdb('sum.golang.google.cn')).toMatchObject({
      name: 'sum.golang.org',
      url: 'https://sum.golang.google.cn',
    });
    expect(parseGoSumdb(`${L.verifierKey} http://127.0.0.1:1`)).toMatchObject({
      name: 'localhost.localdev/sumdb',
      url: 'http://127.0.0.1:1',
      directUrl: 'https://localhost.localdev/sumdb',
    });
    expect(() => parseGoSumdb('a b c')).toThrow(new InputError('invalid GOSUMDB: too many fields'));
    expect(() => parseGoSumdb('example.com')).toThrow(
      new InputError('invalid GOSUMDB: malformed verifier id'),
    );
    expect(() => parseGoSumdb('  ')).toThrow(new InputError('missing GOSUMDB'));
  });

  it('probes <proxy>/sumdb/<name>/supported as the go command does', async () => {
    const s = await start();
    const http = loopbackHttpClient();
    const setting = { name: s.name, directUrl: `https://${s.name}` };
    const proxy = { url: s.proxyRoot, fallBackOnError: false };
    expect(
      await sumdbBaseUrl(setting, [proxy, { url: 'direct', fallBackOnError: false }], http),
    ).toBe(`${s.proxyRoot}/sumdb/${s.name}`);
    expect(await sumdbBaseUrl({ ...setting, url: 'http://x.test' }, [proxy], http)).toBe(
      'http://x.test',
    );
    s.supported = false;
    expect(
      await sumdbBaseUrl(setting, [proxy, { url: 'direct', fallBackOnError: false }], http),
    ).toBe(`https://${s.name}`);
    const broken = { url: `${s.url}/broken`, fallBackOnError: false };
    // /broken/sumdb/... is a 404 too on this server; a 500 needs a dead port.
    const dead = { url: 'http://127.0.0.1:9', fallBackOnError: false };
    await expect(
      sumdbBaseUrl(setting, [dead, { url: 'direct', fallBackOnError: false }], http),
    ).rejects.toThrow(/reading http:\/\/127\.0\.0\.1:9\/sumdb\//);
    expect(
      await sumdbBaseUrl(
        setting,
        [{ ...dead, fallBackOnError: true }, broken, { url: 'direct', fallBackOnError: false }],
        http,
      ),
    ).toBe(`https://${s.name}`);
    // Lookups through the proxy prefix verify like direct ones.
    s.supported = true;
    await fill(s, 3);
    const base = await sumdbBaseUrl(setting, [proxy], http);
    const c = new SumdbClient({
      verifierKey: s.verifierKey,
      baseUrl: base,
      http,
      treeCache: memoryTreeCache(),
      tileHeight: 2,
    });
    expect((await c.lookup('example.com/m1', 'v1.0.0')).id).toBe(1);
  });
});

// The checksum-database server (also the demo's) against x/mod's own test log (vectors), and
// against our verifying client across tile boundaries and log growth.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecksumDatabase } from '../../src/sumdb/server.js';
import { startChecksumDatabase, verifierKeyFor } from '../../src/sumdb/server.js';
import { createNodeHttpClient } from '../../src/http/index.js';
import { SumdbClient, SumdbNotFoundError, memoryTreeCache } from '../../src/sumdb/index.js';
import { vectorsDir } from '../support/vectors.js';

interface TestLogRecord {
  id: number;
  modulePath: string;
  version: string;
  text: string;
}

interface TestLog {
  serverName: string;
  verifierKey: string;
  signerKey: string;
  tileHeight: number;
  records: TestLogRecord[];
  trees: Record<string, { signedNote: string }>;
  hashTiles: Record<string, { hex: string }>;
  dataTiles: Record<string, string>;
  lookupResponsesAtTreeSize4: Record<string, string>;
}

const testLog = (
  JSON.parse(readFileSync(path.join(vectorsDir, 'sumdb', 'vectors.json'), 'utf8')) as {
    sumdbTestLog: TestLog;
  }
).sumdbTestLog;

async function get(url: string): Promise<{ status: number; type: string; body: Buffer }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: Buffer.from(await res.arrayBuffer()),
  };
}

describe("x/mod's TestClientLookup log (sumdb vectors)", () => {
  let db: ChecksumDatabase;
  beforeAll(async () => {
    db = await startChecksumDatabase({
      signerKey: testLog.signerKey,
      tileHeight: testLog.tileHeight,
    });
  });
  afterAll(() => db.close());

  it('takes its name and verifier key from the signer key', () => {
    expect(db.name).toBe(testLog.serverName);
    expect(db.verifierKey).toBe(testLog.verifierKey);
    expect(verifierKeyFor(testLog.signerKey)).toBe(testLog.verifierKey);
    expect(db.gosumdb).toBe(`${testLog.verifierKey} ${db.url}`);
  });

  it('serves the signed tree, lookups and tiles byte for byte as x/mod', async () => {
    // trees['0'] is not checked: its hash is SHA-256 of nothing, while x/mod's
    // TreeHash defines the empty tree's hash as all zeros (what its server signs).
    for (const r of testLog.records.slice(0, 4)) {
      expect(await db.add(r.modulePath, r.version, r.text)).toBe(r.id);
    }
    // Adding a known version again keeps its record.
    expect(await db.add('rsc.io/quote', 'v1.5.2', 'other text\n')).toBe(0);
    expect(db.size).toBe(4);
    for (const [target, body] of Object.entries(testLog.lookupResponsesAtTreeSize4)) {
      const res = await get(db.url + target);
      expect(res.status, target).toBe(200);
      expect(res.type).toBe('text/plain; charset=UTF-8');
      expect(res.body.toString('utf8'), target).toBe(body);
    }
    expect((await get(`${db.url}/latest`)).body.toString('utf8')).toBe(
      testLog.trees['4']!.signedNote,
    );

    for (const r of testLog.records.slice(4)) await db.add(r.modulePath, r.version, r.text);
    expect((await get(`${db.url}/latest`)).body.toString('utf8')).toBe(
      testLog.trees['6']!.signedNote,
    );
    for (const [tile, { hex }] of Object.entries(testLog.hashTiles)) {
      const res = await get(`${db.url}/${tile}`);
      expect(res.status, tile).toBe(200);
      expect(res.body.toString('hex'), tile).toBe(hex);
    }
    for (const [tile, text] of Object.entries(testLog.dataTiles)) {
      const res = await get(`${db.url}/${tile}`);
      expect(res.status, tile).toBe(200);
      expect(res.body.toString('utf8'), tile).toBe(text);
    }
  });

  it("answers what the log lacks as x/mod's server does", async () => {
    const missing = await get(`${db.url}/lookup/rsc.io/quote@v1.9.9`);
    expect(missing.status).toBe(404);
    expect(missing.body.toString('utf8')).toBe('not found: rsc.io/quote@v1.9.9\n');
    expect((await get(`${db.url}/lookup/rsc.io/quote@latest`)).status).toBe(400);
    // A full tile of a level that is not complete yet does not exist.
    expect((await get(`${db.url}/tile/2/0/001`)).status).toBe(404);
    expect((await get(`${db.url}/tile/2/0/x`)).status).toBe(400);
    expect((await get(`${db.url}/other`)).status).toBe(404);
  });
});

describe('the verifying client against the demo database (tile height 8)', () => {
  let db: ChecksumDatabase;
  const http = createNodeHttpClient();
  const record = (i: number): string =>
    `example.com/m${i} v1.0.0 h1:${String(i).padStart(43, 'A')}=\n` +
    `example.com/m${i} v1.0.0/go.mod h1:${String(i).padStart(43, 'B')}=\n`;

  beforeAll(async () => {
    db = await startChecksumDatabase({ name: 'sum.demo.test' });
    for (let i = 0; i < 300; i++) await db.add(`example.com/m${i}`, 'v1.0.0', record(i));
  });
  afterAll(() => db.close());

  it('verifies lookups across full and partial tiles, and the log growing between them', async () => {
    const client = new SumdbClient({
      verifierKey: db.verifierKey,
      baseUrl: db.url,
      http,
      treeCache: memoryTreeCache(),
    });
    for (const i of [0, 255, 256, 299]) {
      const r = await client.lookup(`example.com/m${i}`, 'v1.0.0');
      expect(r.id).toBe(i);
      expect(r.record).toBe(record(i));
      expect(r.zipHash).toBe(`h1:${String(i).padStart(43, 'A')}=`);
    }
    expect(client.latestTree.size).toBe(300);

    // The client remembers the size-300 tree; the next lookup needs a
    // consistency proof from it to the grown tree.
    for (let i = 300; i < 520; i++) await db.add(`example.com/m${i}`, 'v1.0.0', record(i));
    const grown = await client.lookup('example.com/m519', 'v1.0.0');
    expect(grown.id).toBe(519);
    expect(client.latestTree.size).toBe(520);

    await expect(client.lookup('example.com/absent', 'v1.0.0')).rejects.toBeInstanceOf(
      SumdbNotFoundError,
    );
  });
});

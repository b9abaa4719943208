// The GOPROXY server (also the demo's mirror) read by our GOPROXY client: escaped paths,
// version lists in semver order, the three files of a version byte for byte,
// Go's "not found" answers, the cached-only view, and a directory store that
// never serves outside its root.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import {
  MemoryMirrorStore,
  directoryMirrorStore,
  startMirrorServer,
  type MirrorServer,
} from '../../src/goproxy/server.js';
import { GoproxyClient, cachedOnly } from '../../src/goproxy/index.js';
import { NotFoundError, createNodeHttpClient } from '../../src/http/index.js';

const MODULE = 'example.com/Hello';

function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, data] of Object.entries(entries)) z.addBuffer(Buffer.from(data), name);
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

describe('the in-memory mirror', () => {
  let mirror: MirrorServer;
  let work: string;
  let zip: Buffer;
  const http = createNodeHttpClient();
  const info = { Version: 'v1.10.0', Time: '2024-03-01T12:00:00Z' };
  const mod = `module ${MODULE}\n`;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'modseal-demo-mirror-'));
    zip = await zipOf({
      [`${MODULE}@v1.10.0/go.mod`]: mod,
      [`${MODULE}@v1.10.0/hello.go`]: 'package hello\n',
    });
    const store = new MemoryMirrorStore();
    // Published out of order: the list must come out in semver order.
    for (const v of ['v1.10.0', 'v1.9.0', 'v1.2.0-rc.1']) {
      store.publish(MODULE, v, { info: JSON.stringify({ ...info, Version: v }), mod, zip });
    }
    store.publish(MODULE, 'v1.10.0', { info: JSON.stringify(info), mod, zip });
    mirror = await startMirrorServer({ store });
  });
  afterAll(async () => {
    await mirror.close();
    await rm(work, { recursive: true, force: true });
  });

  it('serves list, .info, .mod and .zip under the escaped path', async () => {
    const client = new GoproxyClient({ proxy: mirror.url, http });
    expect((await client.list(MODULE)).value.map((v) => v.version)).toEqual([
      'v1.2.0-rc.1',
      'v1.9.0',
      'v1.10.0',
    ]);
    const got = (await client.info(MODULE, 'v1.10.0')).value;
    expect(got.Version).toBe(info.Version);
    expect(got.Time).toBe(info.Time);
    expect((await client.mod(MODULE, 'v1.10.0')).value.toString('utf8')).toBe(mod);
    const z = (await client.downloadZip(MODULE, 'v1.10.0', work)).value;
    expect(z.sha256).toBe(createHash('sha256').update(zip).digest('hex'));
    expect(await readFile(z.zipPath)).toEqual(zip);
    // Go sends `!` as %21; a raw `!` names the same file.
    expect((await fetch(`${mirror.url}/example.com/!hello/@v/v1.9.0.mod`)).status).toBe(200);
  });

  it('answers 404 "not found: …" for what it does not hold', async () => {
    const client = new GoproxyClient({ proxy: mirror.url, http });
    const err = await client.info(MODULE, 'v9.9.9').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).body).toBe('not found: example.com/!hello/@v/v9.9.9.info');
    const res = await fetch(`${mirror.url}/example.com/hello/@v/list`);
    expect(res.status).toBe(404);
  });

  it('serves the same tree under /cached-only', async () => {
    const base = cachedOnly(mirror.url, [new URL(mirror.url).host]);
    expect(base).toBe(`${mirror.url}/cached-only`);
    const client = new GoproxyClient({ proxy: base!, http });
    expect((await client.info(MODULE, 'v1.9.0')).value.Version).toBe('v1.9.0');
  });
});

describe('a mirror over a directory', () => {
  let root: string;
  let mirror: MirrorServer;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'modseal-demo-dir-'));
    await mkdir(path.join(root, 'tree', 'example.com', 'm', '@v'), { recursive: true });
    await writeFile(path.join(root, 'tree', 'example.com', 'm', '@v', 'list'), 'v1.0.0\n');
    await writeFile(path.join(root, 'secret'), 'outside the tree\n');
    mirror = await startMirrorServer({ store: directoryMirrorStore(path.join(root, 'tree')) });
    mirror.sumdbNames.add('sum.example.test');
  });
  afterAll(async () => {
    await mirror.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves files of the tree and nothing outside it', async () => {
    const list = await fetch(`${mirror.url}/example.com/m/@v/list`);
    expect(list.status).toBe(200);
    expect(await list.text()).toBe('v1.0.0\n');
    for (const target of [
      '/..%2fsecret',
      '/%2e%2e/secret',
      '/example.com/m/@v/..%2f..%2f..%2fsecret',
    ]) {
      const res = await fetch(mirror.url + target);
      expect(res.status, target).toBe(404);
      expect(await res.text(), target).not.toContain('outside the tree');
    }
    expect((await fetch(`${mirror.url}/example.com/m/@v`)).status).toBe(404);
  });

  it('says which checksum databases it proxies', async () => {
    expect((await fetch(`${mirror.url}/sumdb/sum.example.test/supported`)).status).toBe(200);
    expect((await fetch(`${mirror.url}/sumdb/sum.golang.org/supported`)).status).toBe(404);
  });
});

// The go command is the oracle: it downloads a hand-made module from a
// file:// proxy, its module cache becomes the tree our loopback proxy
// serves, and our client must get the same hashes, request the same URLs
// and print the same error texts.
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import yazl from 'yazl';
import { hashGoMod } from '../../src/dirhash/index.js';
import { GoproxyClient, parseGoproxy } from '../../src/goproxy/index.js';
import { createNodeHttpClient, NotFoundError } from '../../src/http/index.js';
import { describeWithGo } from '../oracle/go-env.js';
import { goModDownloadFromProxy, type GoDownloadResult } from '../oracle/go-command.js';
import { startGoproxyServer } from '../support/goproxy-server.js';
import type { GoproxyServer } from '../support/goproxy-server.js';
import { tempDir } from '../support/temp-dir.js';

// Upper case in both path and version exercises the `!` escaping end to end.
const modPath = 'example.com/Upper/Mod';
const version = 'v1.0.0-RC1';
const escPath = 'example.com/!upper/!mod';
const escVersion = 'v1.0.0-!r!c1';
const goMod = `module ${modPath}\n\ngo 1.17\n`;

// One query at a time, each in a module cache of its own, like a first download.
async function goDownload(goproxy: string, query: string): Promise<GoDownloadResult> {
  const [r] = await goModDownloadFromProxy(goproxy, [query]);
  if (r === undefined) throw new Error(`go mod download ${query}: no result`);
  return r;
}

async function writeZip(file: string, entries: Record<string, string>): Promise<void> {
  const z = new yazl.ZipFile();
  for (const [name, data] of Object.entries(entries)) z.addBuffer(Buffer.from(data), name);
  z.end();
  await new Promise<void>((resolve, reject) => {
    z.outputStream.pipe(createWriteStream(file)).on('close', resolve).on('error', reject);
  });
}

describeWithGo('GOPROXY client against the go command', () => {
  let root: string;
  let server: GoproxyServer;
  let viaFile: GoDownloadResult;
  let viaHttp: GoDownloadResult;

  beforeAll(async () => {
    root = await tempDir('modseal-goproxy-oracle-');
    // Input for the go command only: a file:// proxy written by hand.
    const src = path.join(root, 'src', ...escPath.split('/'), '@v');
    await mkdir(src, { recursive: true });
    await writeFile(path.join(src, 'list'), `${version}\n`);
    await writeFile(
      path.join(src, `${escVersion}.info`),
      JSON.stringify({ Version: version, Time: '2024-01-02T03:04:05Z' }),
    );
    await writeFile(path.join(src, `${escVersion}.mod`), goMod);
    const prefix = `${modPath}@${version}/`;
    await writeZip(path.join(src, `${escVersion}.zip`), {
      [`${prefix}go.mod`]: goMod,
      [`${prefix}a.go`]: 'package mod\n',
      [`${prefix}LICENSE`]: 'public domain\n',
    });
    viaFile = await goDownload(`file://${path.join(root, 'src')}`, `${modPath}@${version}`);
    expect(viaFile.Error).toBeUndefined();
    // The go command's own cache/download is what our loopback proxy serves.
    const info = viaFile.Info ?? '';
    const marker = `${path.sep}cache${path.sep}download`;
    server = await startGoproxyServer(info.slice(0, info.indexOf(marker) + marker.length));
    viaHttp = await goDownload(server.url, `${modPath}@${version}`);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('the go command downloads from our goproxy server', () => {
    expect(viaHttp.Error).toBeUndefined();
    expect(viaHttp.Sum).toBe(viaFile.Sum);
    expect(viaHttp.GoModSum).toBe(viaFile.GoModSum);
  });

  it('our client gets the hashes go reports, from the URLs go requests', async () => {
    const goUrls = server.requests.map((r) => r.url);
    server.requests.length = 0;
    const client = new GoproxyClient({ proxy: server.url, http: createNodeHttpClient() });
    const info = await client.info(modPath, version);
    expect(info.value.Version).toBe(version);
    expect(info.proxy).toBe(server.url);
    const mod = await client.mod(modPath, version);
    expect(hashGoMod(mod.value)).toBe(viaFile.GoModSum);
    const dest = path.join(root, 'ours');
    const zip = await client.downloadZip(modPath, version, dest);
    expect(zip.value.h1).toBe(viaFile.Sum);
    expect((await readFile(zip.value.zipPath)).length).toBe(zip.value.size);
    const ours = server.requests.map((r) => r.url);
    for (const u of ours) expect(goUrls).toContain(u);
    expect(ours.some((u) => u.includes('%21upper/%21mod'))).toBe(true);
  });

  it('a 404 with a body reads exactly as the go command prints it', async () => {
    const missing = 'v1.9.9';
    server.script.set(`${escPath}/@v/${missing}.info`, {
      status: 404,
      body: `not found: ${modPath}@${missing}: invalid version: unknown revision ${missing}\n`,
    });
    const go = await goDownload(server.url, `${modPath}@${missing}`);
    const client = new GoproxyClient({ proxy: server.url, http: createNodeHttpClient() });
    const err = await client.info(modPath, missing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(go.Error).toBeDefined();
    expect((err as Error).message).toBe(go.Error);
  });

  it('GOPROXY parse errors read exactly as the go command prints them', async () => {
    for (const bad of ['foo', 'ftp://x.example', ' , ']) {
      const go = await goDownload(bad, `${modPath}@${version}`);
      const ours = (() => {
        try {
          parseGoproxy(bad);
          return 'no error';
        } catch (e) {
          return (e as Error).message;
        }
      })();
      // The go command puts the module in front of every fetch error.
      expect(go.Error).toBe(`${modPath}@${version}: ${ours}`);
    }
  });
});

// The loopback server is checked with git as its client: what git sees
// through the proxy must equal what git sees in the repository directly.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFixtureRepo, git } from './git-fixture.js';
import { startGitServer, type GitServer } from './loopback-git-server.js';
import { tempDir } from './temp-dir.js';

let tmp: string;
let server: GitServer;
let mDir: string;
let rDir: string;
let mCommits: string[];

beforeAll(async () => {
  tmp = await tempDir('modseal-server-test-');
  const m = await createFixtureRepo(path.join(tmp, 'm'), [
    {
      files: [{ path: 'go.mod', content: 'module example.com/m\n' }],
      tags: ['v1.0.0', { name: 'v1.1.0', annotated: true }],
    },
    { files: [{ path: 'go.mod', content: 'module example.com/m\n\ngo 1.16\n' }] },
    { files: [{ path: 'go.mod', content: 'module example.com/m\n\ngo 1.17\n' }] },
  ]);
  mDir = m.dir;
  mCommits = m.commits;
  rDir = (
    await createFixtureRepo(path.join(tmp, 'r'), [
      { files: [{ path: 'go.mod', content: 'module github.com/o/r\n' }], tags: ['v0.1.0'] },
    ])
  ).dir;
  server = await startGitServer({ 'example.com/m': mDir, 'github.com/o/r': rDir });
});

afterAll(async () => {
  await server?.close();
});

function viaProxy(): Record<string, string> {
  return {
    https_proxy: server.proxyUrl,
    HTTPS_PROXY: server.proxyUrl,
    http_proxy: server.proxyUrl,
    GIT_SSL_NO_VERIFY: '1',
  };
}

async function text(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<string> {
  return (await git(cwd, args, { env })).toString('utf8').trim();
}

/** A GET through the proxy: plain HTTP with an absolute URL, or CONNECT + TLS. */
function get(
  url: string,
  viaConnect: boolean,
): Promise<{ status: number; body: string; cert?: Buffer }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const finish = (res: http.IncomingMessage, cert?: Buffer): void => {
      const chunks: Buffer[] = [];
      res.on('data', (b: Buffer) => chunks.push(b));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), cert }),
      );
      res.on('error', reject);
    };
    if (!viaConnect) {
      const req = http.request({
        host: '127.0.0.1',
        port: server.port,
        path: url,
        headers: { Host: u.host, Connection: 'close' },
        timeout: 10_000,
      });
      req.on('response', (res) => finish(res));
      req.on('error', reject);
      req.end();
      return;
    }
    const connect = http.request({
      host: '127.0.0.1',
      port: server.port,
      method: 'CONNECT',
      path: `${u.hostname}:443`,
      timeout: 10_000,
    });
    connect.on('error', reject);
    connect.on('connect', (res: http.IncomingMessage, socket: net.Socket) => {
      if (res.statusCode !== 200) {
        reject(new Error(`CONNECT answered ${res.statusCode}`));
        return;
      }
      const secure = tls.connect({ socket, servername: u.hostname, rejectUnauthorized: false });
      secure.on('error', reject);
      secure.on('secureConnect', () => {
        const cert = secure.getPeerCertificate().raw;
        const req = http.request({
          createConnection: () => secure,
          path: u.pathname + u.search,
          headers: { Host: u.host, Connection: 'close' },
        });
        req.on('response', (r) => finish(r, cert));
        req.on('error', reject);
        req.end();
      });
    });
    connect.end();
  });
}

describe('startGitServer', () => {
  test('git ls-remote through the proxy lists what the repository holds', async () => {
    const direct = await text(tmp, ['ls-remote', mDir]);
    expect(await text(tmp, ['ls-remote', 'https://example.com/m'], viaProxy())).toBe(direct);
    expect(direct).toContain('refs/tags/v1.1.0^{}');
    expect(await text(tmp, ['ls-remote', 'https://github.com/o/r'], viaProxy())).toBe(
      await text(tmp, ['ls-remote', rDir]),
    );
    expect(server.requests).toContain('CONNECT example.com:443');
    expect(server.requests).toContain(
      'GET https://example.com/m/info/refs?service=git-upload-pack',
    );
  });

  test('clones, and fetches a commit that no ref names at its tip by its hash', async () => {
    const clone = path.join(tmp, 'clone');
    await git(tmp, ['clone', '-q', 'https://github.com/o/r', clone], { env: viaProxy() });
    expect(await text(clone, ['rev-parse', 'HEAD'])).toBe(await text(rDir, ['rev-parse', 'HEAD']));

    const shallow = path.join(tmp, 'shallow');
    await git(tmp, ['init', '-q', shallow]);
    const middle = mCommits[1] ?? '';
    await git(shallow, ['fetch', '-q', '--depth=1', 'https://example.com/m', middle], {
      env: viaProxy(),
    });
    expect(await text(shallow, ['rev-parse', 'FETCH_HEAD'])).toBe(middle);
  });

  test('answers ?go-get=1 with the go-import tag of the longest matching root', async () => {
    const want = '<meta name="go-import" content="example.com/m git https://example.com/m">';
    const plain = await get('http://example.com/m/sub/pkg?go-get=1', false);
    expect(plain.status).toBe(200);
    expect(plain.body).toContain(want);
    const secure = await get('https://example.com/m?go-get=1', true);
    expect(secure.status).toBe(200);
    expect(secure.body).toContain(want);
    // TLS is spoken with the committed test certificate.
    const committed = new X509Certificate(
      readFileSync(path.join(import.meta.dirname, '../support/tls/cert.pem')),
    );
    expect(secure.cert?.equals(committed.raw)).toBe(true);
    expect((await get('https://example.com/other?go-get=1', true)).status).toBe(404);
    expect((await get('http://example.com/m2/info/refs', false)).status).toBe(404);
    expect(server.requests).toContain('GET http://example.com/m/sub/pkg?go-get=1');
    expect(server.requests).toContain('GET https://example.com/m?go-get=1');
  });

  test('close() ends open tunnels and frees the port', async () => {
    const own = await startGitServer({ 'example.com/m': mDir });
    const socket = net.connect(own.port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.write('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
      socket.once('data', () => resolve());
    });
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    await own.close();
    await closed;
    const refused = await new Promise<string>((resolve) => {
      const s = net.connect(own.port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve('connected');
      });
      s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });
});

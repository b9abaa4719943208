// An HTTP proxy on 127.0.0.1 that pretends to be every host the go command
// and git ask for: CONNECT host:443 is accepted and answered over TLS with a
// test-only certificate, `?go-get=1` gets a go-import meta tag, and git's
// smart HTTP protocol is served by `git http-backend` from local repositories.
// Module paths thus keep their real hosts (which are part of every h1).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { isolatedEnv } from './git-fixture.js';

export interface GitServer {
  port: number;
  /** `http://127.0.0.1:PORT`, for HTTPS_PROXY and friends. */
  proxyUrl: string;
  /** Stops the server, destroys every socket and kills every http-backend. */
  close(): Promise<void>;
  /**
   * Every request seen, in arrival order: `CONNECT host:port`, or
   * `METHOD https://host/path?query` (`http://` for plain proxied requests).
   */
  requests: string[];
  /** The repositories served (root → directory), as given. */
  repos: Record<string, string>;
}

const tlsDir = path.join(import.meta.dirname, 'tls');
let tlsMaterial: { key: Buffer; cert: Buffer } | undefined;

function tlsFiles(): { key: Buffer; cert: Buffer } {
  tlsMaterial ??= {
    key: readFileSync(path.join(tlsDir, 'key.pem')),
    cert: readFileSync(path.join(tlsDir, 'cert.pem')),
  };
  return tlsMaterial;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Route {
  root: string;
  dir: string;
  rest: string;
}

function findRoute(roots: [string, string][], hostPath: string): Route | undefined {
  let best: Route | undefined;
  for (const [root, dir] of roots) {
    if (hostPath === root || hostPath.startsWith(root + '/')) {
      if (best === undefined || root.length > best.root.length) {
        best = { root, dir, rest: hostPath.slice(root.length) };
      }
    }
  }
  return best;
}

/**
 * Starts the loopback proxy serving `repos` (key: host and path prefix such as
 * `example.com/a` or `github.com/o/r`; value: a repository directory,
 * bare or not). The caller must `close()` it.
 */
export async function startGitServer(repos: Record<string, string>): Promise<GitServer> {
  const roots = Object.entries(repos).map(
    ([root, dir]) => [root.replace(/\/+$/, ''), path.resolve(dir)] as [string, string],
  );
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const children = new Set<ChildProcess>();
  let closing = false;

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, scheme: string): void => {
    let url: URL;
    try {
      // Proxied plain HTTP carries an absolute URL; inside TLS it is a path.
      url = /^[a-z]+:\/\//i.test(req.url ?? '')
        ? new URL(req.url ?? '')
        : new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? 'unknown.invalid'}`);
    } catch {
      res.writeHead(400).end('bad request\n');
      return;
    }
    requests.push(`${req.method} ${scheme}://${url.host}${url.pathname}${url.search}`);
    const hostPath = `${url.hostname}${decodeURIComponent(url.pathname)}`.replace(/\/+$/, '');
    const route = findRoute(roots, hostPath);
    if (route === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`no repository for ${hostPath}\n`);
      return;
    }
    if (url.searchParams.get('go-get') === '1') {
      const content = escapeHtml(`${route.root} git https://${route.root}`);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!DOCTYPE html>\n<html><head><meta name="go-import" content="${content}"></head>` +
          `<body>go get ${escapeHtml(route.root)}</body></html>\n`,
      );
      return;
    }
    runBackend(req, res, route, url);
  };

  const runBackend = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    route: Route,
    url: URL,
  ): void => {
    // A non-bare repository is served through its .git directory.
    const gitDir = existsSync(path.join(route.dir, '.git'))
      ? path.join(route.dir, '.git')
      : route.dir;
    const env = isolatedEnv({
      GIT_PROJECT_ROOT: gitDir,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: route.rest === '' ? '/' : route.rest,
      QUERY_STRING: url.search.replace(/^\?/, ''),
      REQUEST_METHOD: req.method ?? 'GET',
      REMOTE_ADDR: '127.0.0.1',
      REMOTE_USER: '',
      GATEWAY_INTERFACE: 'CGI/1.1',
      SERVER_PROTOCOL: 'HTTP/1.1',
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      // Protocol v2 and gzip request bodies are announced in these headers.
      HTTP_GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
      HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'uploadpack.allowReachableSHA1InWant',
      GIT_CONFIG_VALUE_0: 'true',
    });
    const length = req.headers['content-length'];
    if (length !== undefined) env.CONTENT_LENGTH = length;
    const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(child);
    child.on('close', () => children.delete(child));
    child.on('error', () => {
      if (!res.headersSent) res.writeHead(500).end('cannot run git http-backend\n');
    });
    const stderr: Buffer[] = [];
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    child.stdin.on('error', () => {
      // The backend may answer (for example with an error) before reading the body.
    });
    req.pipe(child.stdin);

    let head = Buffer.alloc(0);
    let headerDone = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headerDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const crlf = head.indexOf('\r\n\r\n');
      const lf = head.indexOf('\n\n');
      let end = -1;
      let sepLen = 0;
      if (crlf >= 0 && (lf < 0 || crlf < lf)) [end, sepLen] = [crlf, 4];
      else if (lf >= 0) [end, sepLen] = [lf, 2];
      if (end < 0) return;
      headerDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString('latin1').split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = parseInt(value, 10) || 200;
        else headers[name] = value;
      }
      res.writeHead(status, headers);
      res.write(head.subarray(end + sepLen));
    });
    child.on('close', (code) => {
      if (!headerDone && !res.headersSent) {
        res
          .writeHead(500, { 'Content-Type': 'text/plain' })
          .end(`git http-backend exited ${code}: ${Buffer.concat(stderr).toString()}`);
        return;
      }
      res.end();
    });
    res.on('close', () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
  };

  const inner = http.createServer((req, res) => handle(req, res, 'https'));
  const outer = http.createServer((req, res) => handle(req, res, 'http'));
  inner.keepAliveTimeout = 1000;
  outer.keepAliveTimeout = 1000;

  const track = (s: Socket): void => {
    if (closing) {
      s.destroy();
      return;
    }
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  outer.on('connection', track);

  outer.on('connect', (req: http.IncomingMessage, socket: Socket, headBuf: Buffer) => {
    requests.push(`CONNECT ${req.url ?? ''}`);
    track(socket);
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (headBuf.length > 0) socket.unshift(headBuf);
    const { key, cert } = tlsFiles();
    const secure = new tls.TLSSocket(socket, { isServer: true, key, cert });
    track(secure);
    secure.on('error', () => {
      secure.destroy();
      socket.destroy();
    });
    inner.emit('connection', secure);
  });

  await new Promise<void>((resolve, reject) => {
    outer.once('error', reject);
    outer.listen(0, '127.0.0.1', () => {
      outer.off('error', reject);
      resolve();
    });
  });
  const port = (outer.address() as AddressInfo).port;

  const close = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    const closed = new Promise<void>((resolve) => outer.close(() => resolve()));
    for (const s of sockets) s.destroy();
    inner.closeAllConnections();
    outer.closeAllConnections();
    const exits = [...children].map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) resolve();
          else {
            c.once('close', () => resolve());
            c.kill('SIGKILL');
          }
        }),
    );
    await Promise.all([closed, ...exits]);
  };

  return { port, proxyUrl: `http://127.0.0.1:${port}`, close, requests, repos: { ...repos } };
}

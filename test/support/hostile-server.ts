// Loopback servers that misbehave on purpose, written on raw sockets so that
// nothing in Node's HTTP server tidies the misbehaviour away. Every server
// records what it was sent (to prove Authorization never leaks) and close()
// destroys every socket it holds.
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export type Behaviour =
  /** Accept the connection and never answer. */
  | { kind: 'stall' }
  /** Send headers, then nothing more. */
  | { kind: 'stall-after-headers' }
  /** Send one body byte every `intervalMs`, forever (no Content-Length). */
  | { kind: 'drip'; intervalMs: number }
  /** Answer this status with a text/plain body. */
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** Claim `claimed` bytes, send `sent`, then close (or keep open when `keepOpen`). */
  | { kind: 'short-body'; claimed: number; sent: number; keepOpen?: boolean }
  /** Claim `claimed` bytes but send `sent` (more) in one write. */
  | { kind: 'long-body'; claimed: number; sent: number }
  /** 302 to `location`. */
  | { kind: 'redirect'; location: string; status?: number }
  /** 302 to itself forever. */
  | { kind: 'redirect-loop' }
  /** A generated body of `size` bytes (never held in memory), optionally with Content-Length. */
  | { kind: 'huge'; size: number; withLength: boolean }
  /** Chunked body that stops after `sent` bytes with the socket destroyed. */
  | { kind: 'close-mid-body'; sent: number };

export interface ReceivedRequest {
  requestLine: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
}

export interface HostileServer {
  url: string;
  port: number;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

function parseHead(head: string): ReceivedRequest {
  const lines = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  return { requestLine: lines[0] ?? '', headers };
}

/** Starts a server on 127.0.0.1 that answers every request with `behaviour`. */
export async function startHostileServer(behaviour: Behaviour): Promise<HostileServer> {
  const sockets = new Set<net.Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const received: ReceivedRequest[] = [];
  let port = 0;

  const handle = (s: net.Socket, req: ReceivedRequest): void => {
    const write = (text: string): boolean => !s.destroyed && s.write(text);
    switch (behaviour.kind) {
      case 'stall':
        return;
      case 'stall-after-headers':
        write(
          'HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 100\r\n\r\n',
        );
        return;
      case 'drip': {
        write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n');
        const t = setInterval(() => write('1\r\nx\r\n'), behaviour.intervalMs);
        timers.add(t);
        s.on('close', () => clearInterval(t));
        return;
      }
      case 'status': {
        const body = Buffer.from(behaviour.body ?? '');
        const extra = Object.entries(behaviour.headers ?? {})
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join('');
        write(
          `HTTP/1.1 ${behaviour.status} ${statusText(behaviour.status)}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
            `Content-Length: ${body.length}\r\nConnection: close\r\n${extra}\r\n`,
        );
        s.end(body);
        return;
      }
      case 'short-body':
        write(`HTTP/1.1 200 OK\r\nContent-Length: ${behaviour.claimed}\r\n\r\n`);
        write('x'.repeat(behaviour.sent));
        if (behaviour.keepOpen !== true) s.end();
        return;
      case 'long-body':
        write(
          `HTTP/1.1 200 OK\r\nContent-Length: ${behaviour.claimed}\r\n\r\n${'y'.repeat(behaviour.sent)}`,
        );
        return;
      case 'redirect':
        write(
          `HTTP/1.1 ${behaviour.status ?? 302} Found\r\nLocation: ${behaviour.location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
        );
        s.end();
        return;
      case 'redirect-loop': {
        const target = req.requestLine.split(' ')[1] ?? '/';
        write(
          `HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:${port}${target}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
        );
        s.end();
        return;
      }
      case 'huge': {
        const len = behaviour.withLength
          ? `Content-Length: ${behaviour.size}\r\n`
          : 'Connection: close\r\n';
        write(`HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\n${len}\r\n`);
        const chunk = Buffer.alloc(1 << 16, 0x5a);
        let left = behaviour.size;
        const pump = (): void => {
          while (left > 0 && !s.destroyed) {
            const n = Math.min(left, chunk.length);
            left -= n;
            if (!s.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
              s.once('drain', pump);
              return;
            }
          }
          if (left <= 0) s.end();
        };
        pump();
        return;
      }
      case 'close-mid-body':
        write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
        write(`${behaviour.sent.toString(16)}\r\n${'z'.repeat(behaviour.sent)}\r\n`);
        setTimeout(() => s.destroy(), 20);
        return;
    }
  };

  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    let buf = '';
    let done = false;
    s.on('data', (d: Buffer) => {
      if (done) return;
      buf += d.toString('latin1');
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      done = true;
      const req = parseHead(buf.slice(0, end));
      received.push(req);
      handle(s, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearInterval(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    200: 'OK',
    403: 'Forbidden',
    404: 'Not Found',
    410: 'Gone',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
  };
  return texts[status] ?? 'Status';
}

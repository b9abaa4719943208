// An https server on 127.0.0.1 (test-only certificate) that redirects every
// request to one URL, to prove https→http redirects are refused.
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const tlsDir = path.resolve(import.meta.dirname, '../support/tls');

export async function startTlsRedirect(
  location: string,
): Promise<{ url: string; ca: string; close(): Promise<void> }> {
  const cert = readFileSync(path.join(tlsDir, 'cert.pem'), 'utf8');
  const key = readFileSync(path.join(tlsDir, 'key.pem'), 'utf8');
  const server = https.createServer({ cert, key }, (_req, res) => {
    res.writeHead(302, { location, 'content-length': '0' });
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    ca: cert,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

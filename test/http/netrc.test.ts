// .netrc as the go command reads and uses it: Go's own parser table; the
// credentials the real go command sends to an https GOPROXY on loopback,
// for well-formed and malformed files alike, against ours; and what Go
// passes over in silence, which we report line by line without a value.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentials, parseNetrc, readNetrcFile } from '../../src/http/index.js';
import { oracle } from '../oracle/find-go.js';
import { describeWithGo, goBin, isolatedGoEnv } from '../oracle/go-env.js';
import { spawnText } from '../support/spawn.js';
import { tempDir } from '../support/temp-dir.js';

// Read from the oracle's GOROOT (inside .cache/go-oracle), never from the machine's.
const goNetrcTest =
  oracle === undefined
    ? ''
    : path.join(oracle.goroot, 'src', 'cmd', 'go', 'internal', 'auth', 'netrc_test.go');
const goTable = (): string => {
  const m = /var testNetrc = `([\s\S]*?)`/.exec(readFileSync(goNetrcTest, 'utf8'));
  expect(m).not.toBeNull();
  return m?.[1] ?? '';
};
const hasGoTable = goNetrcTest !== '' && existsSync(goNetrcTest);

/** Problems as `line: what`, and the entries parsed while hearing them. */
function problemsOf(text: string): { entries: ReturnType<typeof parseNetrc>; said: string[] } {
  const said: string[] = [];
  const entries = parseNetrc(text, (line, what) => said.push(`${line}: ${what}`));
  return { entries, said };
}

describe('netrc (Go TestParseNetrc table)', () => {
  // The input is Go's own test file, read where Go's source is installed.
  it.skipIf(!hasGoTable)('parses like the go command', () => {
    expect(parseNetrc(goTable())).toEqual([
      { machine: 'api.github.com', login: 'user', password: 'pwd' },
      { machine: 'test.host', login: 'user2', password: 'pwd2' },
      { machine: 'oneline', login: 'user3', password: 'pwd3' },
      { machine: 'hasmacro.too', login: 'user4', password: 'pwd4' },
    ]);
  });

  it.skipIf(!hasGoTable)('names each thing the go command passes over in that table', () => {
    const { entries, said } = problemsOf(goTable());
    expect(entries).toEqual(parseNetrc(goTable()));
    expect(said).toEqual([
      '2: the entry for machine incomplete has no login',
      '9: the entry for machine incomlete.host has no password',
      '18: the entry for machine ignore.host has no login and password',
      '26: the lines after a lone `default`',
    ]);
  });
});

describe('netrc problems', () => {
  it('never quotes a value, and a clean file has none', () => {
    const { entries, said } = problemsOf(
      'machine a.example\nlogin l0gin password s3cret-one extra\n' +
        'passwd s3cret-two\nlogin orphan password s3cret-three\nmachine b.example login\n',
    );
    expect(entries).toEqual([{ machine: 'a.example', login: 'l0gin', password: 's3cret-one' }]);
    expect(said).toEqual([
      '2: a word without a keyword at the end of the line',
      '3: a word where a keyword (machine, login, password) belongs',
      '4: `login` outside a machine entry',
      '4: `password` outside a machine entry',
      '5: `login` without a value on its line',
      '5: the entry for machine b.example has no login and password',
    ]);
    expect(problemsOf('machine a login b password c account d\n').said).toEqual([
      '1: `account` and the word after it',
    ]);
    for (const secret of ['s3cret', 'l0gin', 'orphan', 'extra']) {
      expect(said.join('\n')).not.toContain(secret);
    }
    expect(
      problemsOf('machine a login b password c\n\nmachine d\nlogin e\npassword f\n').said,
    ).toEqual([]);
  });

  it('readNetrcFile: no file is no credentials, said nowhere; an unreadable or malformed one is said', async () => {
    const dir = await tempDir('modseal-netrc-');
    const warned: string[] = [];
    const warn = (m: string): void => void warned.push(m);
    expect(await readNetrcFile(undefined, warn)).toEqual([]);
    expect(await readNetrcFile(path.join(dir, 'absent'), warn)).toEqual([]);
    expect(warned).toEqual([]);
    // A directory where the file should be: Go reads no credentials (and says so only with -x).
    expect(await readNetrcFile(dir, warn)).toEqual([]);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/^cannot read the netrc file .*: no credentials come from it$/);
    const file = path.join(dir, 'netrc');
    await writeFile(file, 'machine p.example login u passwd hunter22\n');
    warned.length = 0;
    expect(await readNetrcFile(file, warn)).toEqual([]);
    expect(warned).toEqual([
      `netrc file ${file}, line 1: a word where a keyword (machine, login, password) belongs; ignored, as the go command ignores it`,
      `netrc file ${file}, line 1: the entry for machine p.example has no password; ignored, as the go command ignores it`,
    ]);
  });
});

describeWithGo('the credentials the go command sends, from the same .netrc', () => {
  const tlsDir = path.resolve(import.meta.dirname, '../support/tls');
  const certFile = path.join(tlsDir, 'cert.pem');
  let server: https.Server;
  let base = '';
  let host = '';
  let root = '';
  const seen: (string | undefined)[] = [];

  beforeAll(async () => {
    root = await tempDir('modseal-netrc-go-');
    server = https.createServer(
      { cert: readFileSync(certFile), key: readFileSync(path.join(tlsDir, 'key.pem')) },
      (req, res) => {
        seen.push(req.headers.authorization);
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('not found');
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    base = `https://${host}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** The Authorization header of the go command's first request through GOPROXY=base. */
  async function goSends(netrc: string, n: number): Promise<string | undefined> {
    const dir = path.join(root, `case-${n}`);
    await mkdir(path.join(dir, 'work'), { recursive: true });
    const file = path.join(dir, 'netrc');
    await writeFile(file, netrc);
    seen.length = 0;
    const r = await spawnText(goBin(), ['mod', 'download', '-json', 'example.com/m@v1.0.0'], {
      cwd: path.join(dir, 'work'),
      env: isolatedGoEnv(dir, { GOPROXY: base, NETRC: file, SSL_CERT_FILE: certFile }),
    });
    expect(r.stdout, r.stderr).toContain('404 Not Found');
    expect(seen.length).toBeGreaterThan(0);
    return seen[0];
  }

  function weSend(netrc: string): string | undefined {
    const creds = createCredentials({ netrc: parseNetrc(netrc), privateProxies: [base] });
    return creds.authorizationFor(new URL(`${base}/example.com/m/@v/v1.0.0.info`));
  }

  const cases: [string, (h: string) => string][] = [
    ['the host with its port', (h) => `machine ${h} login u1 password p1\n`],
    [
      'the bare host name does not match a URL with a port',
      () => 'machine 127.0.0.1 login u password p\n',
    ],
    ['a host and path prefix', (h) => `machine ${h}/example.com login u2 password p2\n`],
    [
      'the longest prefix wins',
      (h) => `machine ${h} login u3 password p3\nmachine ${h}/example.com/m login u4 password p4\n`,
    ],
    [
      'the first entry for a machine wins',
      (h) => `machine ${h} login u5 password p5\nmachine ${h} login u6 password p6\n`,
    ],
    [
      'an incomplete entry, then a complete one',
      (h) => `machine ${h} login lonely\nmachine ${h}\nlogin u7\npassword p7\n`,
    ],
    [
      'keywords split from their values across lines',
      (h) => `machine ${h} login\nu8 password p8\n`,
    ],
    ['login and password before the machine', (h) => `login u9 password p9 machine ${h}\n`],
    ['after a lone default', (h) => `default\nmachine ${h} login u10 password p10\n`],
    [
      'default with a value is passed over',
      (h) => `default x machine ${h} login u11 password p11\n`,
    ],
    [
      'inside a macro',
      (h) =>
        `macdef init\nmachine ${h} login u12 password p12\n\nmachine other login a password b\n`,
    ],
  ];

  it.each(cases.map(([name, make], i) => ({ name, make, i })))('$name', async ({ make, i }) => {
    const netrc = make(host);
    expect(weSend(netrc)).toBe(await goSends(netrc, i));
  });
});

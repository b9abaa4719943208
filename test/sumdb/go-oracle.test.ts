// The real go command against our TypeScript checksum database, and our
// client against the Go project's own server (x/mod sumdb.TestServer).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SumdbClient, memoryTreeCache } from '../../src/sumdb/index.js';
import { describeWithGo, goBin, isolatedGoEnv } from '../oracle/go-env.js';
import { spawnText } from '../support/spawn.js';
import { startGoproxyServer, type GoproxyServer } from '../support/goproxy-server.js';
import { buildGoProgram } from '../oracle/xmod-program.js';
import { TestSumdb, loopbackHttpClient } from '../support/sumdb-server.js';
import { tempDir } from '../support/temp-dir.js';

const MOD = 'example.com/hello';

describeWithGo('go command and x/mod against our checksum database code', () => {
  let work: string;
  let tool: string;
  let proxy: GoproxyServer;
  let proxyUrl: string;
  const sums = new Map<string, { zip: string; mod: string }>();
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    work = await tempDir('sumdb-go-');
    tool = await buildGoProgram({
      name: 'gosumdb',
      dir: path.resolve(import.meta.dirname, '../oracle/xmod-sumdb'),
    });
    // A hand-written proxy tree whose zips come from x/mod/zip, never from our code.
    const root = path.join(work, 'proxy');
    const vdir = path.join(root, MOD, '@v');
    mkdirSync(vdir, { recursive: true });
    const versions = ['v1.0.0', 'v1.1.0'];
    writeFileSync(path.join(vdir, 'list'), versions.join('\n') + '\n');
    for (const ver of versions) {
      const src = path.join(work, `src-${ver}`);
      mkdirSync(src, { recursive: true });
      const gomod = `module ${MOD}\n\ngo 1.19\n`;
      writeFileSync(path.join(src, 'go.mod'), gomod);
      writeFileSync(path.join(src, 'hello.go'), `package hello\n\nconst V = "${ver}"\n`);
      writeFileSync(path.join(vdir, `${ver}.mod`), gomod);
      writeFileSync(
        path.join(vdir, `${ver}.info`),
        JSON.stringify({ Version: ver, Time: '2024-01-01T00:00:00Z' }),
      );
      execFileSync(tool, ['zip', src, MOD, ver, path.join(vdir, `${ver}.zip`)]);
      const [zip, mod] = execFileSync(
        tool,
        ['hash', path.join(vdir, `${ver}.zip`), path.join(vdir, `${ver}.mod`)],
        {
          encoding: 'utf8',
        },
      )
        .trim()
        .split('\n');
      sums.set(ver, { zip: zip!, mod: mod! });
    }
    proxy = await startGoproxyServer(root);
    proxyUrl = proxy.url;
  });

  afterAll(async () => {
    for (const c of children) c.kill();
    await proxy?.close();
  });

  const record = (ver: string, zip = sums.get(ver)!.zip) =>
    `${MOD} ${ver} ${zip}\n${MOD} ${ver}/go.mod ${sums.get(ver)!.mod}\n`;

  async function goDownload(
    db: TestSumdb,
    gopath: string,
    ver: string,
  ): Promise<{ code: number; out: string }> {
    const r = await spawnText(goBin(), ['mod', 'download', '-json', `${MOD}@${ver}`], {
      cwd: work,
      env: isolatedGoEnv(work, {
        GOPATH: gopath,
        GOMODCACHE: path.join(gopath, 'pkg', 'mod'),
        GOCACHE: path.join(work, 'cache'),
        GOPROXY: proxyUrl,
        GOSUMDB: `${db.verifierKey} ${db.url}`,
      }),
      timeoutMs: 30_000,
    });
    return { code: r.code === 0 ? 0 : 1, out: r.stdout + r.stderr };
  }

  it('the go command trusts our server when it is honest', async () => {
    const db = await TestSumdb.start({
      tileHeight: 8,
      records: { [`${MOD}@v1.0.0`]: record('v1.0.0') },
    });
    try {
      for (let i = 0; i < 300; i++)
        await db.add(`example.com/filler${i}`, 'v1.0.0', `example.com/filler${i} v1.0.0 h1:x=\n`);
      const r = await goDownload(db, path.join(work, 'gp-honest'), 'v1.0.0');
      expect(r.out).toContain(`"Sum": "${sums.get('v1.0.0')!.zip}"`);
      expect(r.code).toBe(0);
      expect(db.requests.some((p) => p.startsWith('/tile/8/'))).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('the go command refuses a record that does not match the zip', async () => {
    const wrong = 'h1:' + Buffer.alloc(32, 9).toString('base64');
    const db = await TestSumdb.start({
      tileHeight: 8,
      records: { [`${MOD}@v1.0.0`]: record('v1.0.0', wrong) },
    });
    try {
      const r = await goDownload(db, path.join(work, 'gp-wrong'), 'v1.0.0');
      expect(r.code).toBe(1);
      expect(r.out).toContain('checksum mismatch');
      expect(r.out).toContain('SECURITY ERROR');
    } finally {
      await db.close();
    }
  });

  it('the go command refuses an altered record and a forked log', async () => {
    const db = await TestSumdb.start({
      tileHeight: 8,
      records: { [`${MOD}@v1.0.0`]: record('v1.0.0'), [`${MOD}@v1.1.0`]: record('v1.1.0') },
    });
    try {
      db.tamper.alterRecord = (t) => t.replace(MOD, 'example.com/other');
      const altered = await goDownload(db, path.join(work, 'gp-alter'), 'v1.0.0');
      expect(altered.code).toBe(1);
      expect(altered.out).toContain('cannot authenticate record data in server response');
      db.tamper.alterRecord = undefined;

      const gopath = path.join(work, 'gp-fork');
      await db.add('example.com/a', 'v1.0.0', 'example.com/a v1.0.0 h1:a=\n');
      expect((await goDownload(db, gopath, 'v1.0.0')).code).toBe(0);
      db.forkAt(1);
      await db.add('example.com/b', 'v1.0.0', 'example.com/b v1.0.0 h1:b=\n');
      await db.add('example.com/c', 'v1.0.0', 'example.com/c v1.0.0 h1:c=\n');
      const forked = await goDownload(db, gopath, 'v1.1.0');
      expect(forked.code).toBe(1);
      expect(forked.out).toContain('go.sum database server misbehavior detected!');
    } finally {
      await db.close();
    }
  });

  it('our client verifies lookups from x/mod sumdb.TestServer', async () => {
    const records: Record<string, string> = {};
    for (let i = 0; i < 40; i++)
      records[`example.com/m${i}@v1.0.${i}`] =
        `example.com/m${i} v1.0.${i} h1:${Buffer.alloc(32, i).toString('base64')}\n`;
    records[`example.com/Upper@v1.0.0`] = `example.com/Upper v1.0.0 h1:up=\n`;
    const file = path.join(work, 'records.json');
    writeFileSync(file, JSON.stringify(records));
    const child = spawn(tool, ['serve', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const [vkey, port] = await new Promise<string[]>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const lines = out.split('\n');
        if (lines.length >= 3) resolve(lines);
      });
      child.on('exit', (code) => reject(new Error(`gosumdb exited ${code}`)));
    });
    const c = new SumdbClient({
      verifierKey: vkey!,
      baseUrl: `http://127.0.0.1:${port}`,
      http: loopbackHttpClient(),
      treeCache: memoryTreeCache(),
    });
    for (let i = 0; i < 40; i += 3) {
      const got = await c.lookup(`example.com/m${i}`, `v1.0.${i}`);
      expect(got.lines).toEqual([records[`example.com/m${i}@v1.0.${i}`]!.trim()]);
    }
    for (let i = 1; i < 40; i += 3) await c.lookup(`example.com/m${i}`, `v1.0.${i}`);
    expect((await c.lookup('example.com/Upper', 'v1.0.0')).zipHash).toBe('h1:up=');
    expect(c.latestTree.size).toBe(28);
    child.kill();
  });
});

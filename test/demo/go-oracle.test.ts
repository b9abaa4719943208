// The real go command as the client of the demo's mirror and checksum
// database: it must accept what the demo publishes (signed tree, inclusion
// proofs, tiles, zip hashes) and refuse a version whose record lies.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  MemoryMirrorStore,
  startMirrorServer,
  type MirrorServer,
} from '../../src/goproxy/server.js';
import { publishTag, type PublishedModule } from '../../src/demo/publish.js';
import { startChecksumDatabase, type ChecksumDatabase } from '../../src/sumdb/server.js';
import { createFixtureRepo, removeAtEnd } from '../support/git-fixture.js';
import { describeWithGo } from '../oracle/go-env.js';
import { goModDownloadFromProxy } from '../oracle/go-command.js';

// An upper-case letter exercises the proxy's `!` escaping end to end.
const MODULE = 'example.com/Hello';

describeWithGo('the go command against the demo servers', () => {
  let mirror: MirrorServer;
  let db: ChecksumDatabase;
  let v100: PublishedModule;

  beforeAll(async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'modseal-demo-oracle-'));
    removeAtEnd(root);
    const files = [
      { path: 'go.mod', content: `module ${MODULE}\n\ngo 1.19\n` },
      { path: 'LICENSE', content: 'demo license\n' },
      { path: 'hello.go', content: 'package hello\n\nconst Greeting = "hi"\n' },
      { path: 'sub/go.mod', content: 'module example.com/Hello/sub\n' },
      { path: 'sub/x.go', content: 'package sub\n' },
    ];
    const repo = await createFixtureRepo(path.join(root, 'repo'), [
      { files, tags: ['v1.0.0'] },
      {
        files: [
          ...files,
          { path: 'hello.go', content: 'package hello\n\nconst Greeting = "hello"\n' },
        ],
        tags: ['v1.0.1'],
      },
    ]);
    const store = new MemoryMirrorStore();
    mirror = await startMirrorServer({ store });
    db = await startChecksumDatabase({ name: 'sum.demo.modseal.test' });
    // Records for ~300 other modules first, so go reads full and partial tiles.
    for (let i = 0; i < 300; i++) {
      await db.add(`example.com/other${i}`, 'v1.0.0', `example.com/other${i} v1.0.0 h1:x=\n`);
    }
    v100 = await publishTag(repo.dir, 'v1.0.0', 'https://example.com/Hello', store, db);
    // The database records other bytes for v1.0.1 than the mirror will serve.
    await db.add(
      MODULE,
      'v1.0.1',
      `${MODULE} v1.0.1 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n` +
        `${MODULE} v1.0.1/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n`,
    );
    await publishTag(repo.dir, 'v1.0.1', 'https://example.com/Hello', store, db);
  });
  afterAll(async () => {
    await mirror?.close();
    await db?.close();
  });

  it('downloads and verifies a published version', async () => {
    const [r] = await goModDownloadFromProxy(mirror.url, [`${MODULE}@v1.0.0`], {
      gosumdb: db.gosumdb,
    });
    expect(r?.Error).toBeUndefined();
    expect(r?.Version).toBe('v1.0.0');
    expect([`${MODULE} v1.0.0 ${r?.Sum}`, `${MODULE} v1.0.0/go.mod ${r?.GoModSum}`]).toEqual(
      v100.goSum,
    );
    expect(r?.Origin?.Hash).toBe(v100.commit);
    // go sends the escaped path with `!` as %21; the mirror must decode it.
    expect(mirror.requests.map((q) => q.url)).toContain('/example.com/%21hello/@v/v1.0.0.zip');
    expect(db.requests).toContain('/lookup/example.com/!hello@v1.0.0');
    expect(db.requests.some((p) => p.startsWith('/tile/8/'))).toBe(true);
  });

  it('finds versions through @v/list', async () => {
    const [r] = await goModDownloadFromProxy(mirror.url, [`${MODULE}@v1.0`], {
      gosumdb: 'off',
    });
    expect(r?.Error).toBeUndefined();
    expect(r?.Version).toBe('v1.0.1');
  });

  it('refuses a version the database records differently', async () => {
    const [r] = await goModDownloadFromProxy(mirror.url, [`${MODULE}@v1.0.1`], {
      gosumdb: db.gosumdb,
    });
    expect(r?.Error).toContain('SECURITY ERROR');
  });
});

// The go-command driver on fixture repositories: real hosts in module paths
// (github.com without meta tags, other hosts with them), reuse of answers
// while the repository is unchanged, and a moved tag seen as Go sees it.
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFixtureRepo, moveTag } from '../support/git-fixture.js';
import { describeWithGo } from './go-env.js';
import { goModDownload, zipEntries } from './go-command.js';
import { startGitServer, type GitServer } from '../support/loopback-git-server.js';
import { tempDir } from '../support/temp-dir.js';

describeWithGo('goModDownload', () => {
  let tmp: string;
  let server: GitServer;
  let ghCommits: string[];
  let mvCommits: string[];

  beforeAll(async () => {
    tmp = await tempDir('modseal-go-oracle-');
    ghCommits = (
      await createFixtureRepo(path.join(tmp, 'gh'), [
        {
          files: [
            { path: 'go.mod', content: 'module github.com/o/r\n\ngo 1.16\n' },
            { path: 'r.go', content: 'package r\n' },
            { path: 'cmd/tool/main.go', content: 'package main\n' },
          ],
          tags: [{ name: 'v1.0.0', annotated: true }],
        },
      ])
    ).commits;
    await createFixtureRepo(path.join(tmp, 'm'), [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/m\n' },
          { path: 'sub/go.mod', content: 'module example.com/m/sub\n' },
          { path: 'sub/s.go', content: 'package sub\n' },
        ],
        tags: ['v1.0.0', 'sub/v1.0.0'],
      },
    ]);
    mvCommits = (
      await createFixtureRepo(path.join(tmp, 'mv'), [
        { files: [{ path: 'go.mod', content: 'module example.com/mv\n' }], tags: ['v1.0.0'] },
        {
          files: [
            { path: 'go.mod', content: 'module example.com/mv\n' },
            { path: 'extra.go', content: 'package mv\n' },
          ],
        },
      ])
    ).commits;
    server = await startGitServer({
      'github.com/o/r': path.join(tmp, 'gh'),
      'example.com/m': path.join(tmp, 'm'),
      'example.com/mv': path.join(tmp, 'mv'),
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  test('github.com paths go straight to git, without a go-get request', async () => {
    const [r] = await goModDownload(server, ['github.com/o/r@v1.0.0']);
    expect(r?.Error).toBeUndefined();
    expect(r?.Version).toBe('v1.0.0');
    expect(r?.Origin?.URL).toBe('https://github.com/o/r');
    expect(r?.Origin?.Hash).toBe(ghCommits[0]);
    expect(r?.Sum).toMatch(/^h1:[A-Za-z0-9+/]{43}=$/);
    expect((await zipEntries(r?.Zip ?? '')).map((e) => e.name).sort()).toEqual([
      'github.com/o/r@v1.0.0/cmd/tool/main.go',
      'github.com/o/r@v1.0.0/go.mod',
      'github.com/o/r@v1.0.0/r.go',
    ]);
    expect(server.requests.filter((q) => q.includes('github.com') && q.includes('go-get'))).toEqual(
      [],
    );
    expect(server.requests).toContain(
      'GET https://github.com/o/r/info/refs?service=git-upload-pack',
    );
  });

  test('other hosts are found through the go-import meta tag, also for subdirectory modules', async () => {
    const [root, sub] = await goModDownload(server, [
      'example.com/m@v1.0.0',
      'example.com/m/sub@v1.0.0',
    ]);
    expect(root?.Error).toBeUndefined();
    expect(sub?.Error).toBeUndefined();
    expect(sub?.Origin?.URL).toBe('https://example.com/m');
    expect(sub?.Origin?.Subdir).toBe('sub');
    expect((await zipEntries(sub?.Zip ?? '')).map((e) => e.name)).toEqual([
      'example.com/m/sub@v1.0.0/go.mod',
      'example.com/m/sub@v1.0.0/s.go',
    ]);
    expect(server.requests).toContain('GET https://example.com/m/sub?go-get=1');
  });

  test('answers are reused while the repository is unchanged; a moved tag is fetched anew', async () => {
    const [first] = await goModDownload(server, ['example.com/mv@v1.0.0']);
    expect(first?.Origin?.Hash).toBe(mvCommits[0]);
    const seen = server.requests.length;
    const [again] = await goModDownload(server, ['example.com/mv@v1.0.0']);
    expect(again).toEqual(first);
    expect(server.requests.length).toBe(seen);

    await moveTag(path.join(tmp, 'mv'), 'v1.0.0', 1);
    const [moved] = await goModDownload(server, ['example.com/mv@v1.0.0']);
    expect(server.requests.length).toBeGreaterThan(seen);
    expect(moved?.Error).toBeUndefined();
    expect(moved?.Origin?.Hash).toBe(mvCommits[1]);
    expect(moved?.Sum).not.toBe(first?.Sum);
    expect(moved?.GoModSum).toBe(first?.GoModSum);
    await moveTag(path.join(tmp, 'mv'), 'v1.0.0', 0);
  });

  test('goModCache puts the download in the given cache and reports every query', async () => {
    const cache = path.join(tmp, 'own-cache');
    const got = await goModDownload(
      server,
      ['example.com/m@v1.0.0', 'example.com/m@v9.9.9', 'github.com/o/r@v1.0.0'],
      { goModCache: cache },
    );
    expect(got.map((r) => r.Path)).toEqual(['example.com/m', 'example.com/m', 'github.com/o/r']);
    expect(got[0]?.Zip).toBe(path.join(cache, 'cache/download/example.com/m/@v/v1.0.0.zip'));
    expect(got[1]?.Error).toMatch(/^example\.com\/m@v9\.9\.9: /);
    expect(got[1]?.Zip).toBeUndefined();
    expect(got[2]?.Zip).toBe(path.join(cache, 'cache/download/github.com/o/r/@v/v1.0.0.zip'));
  });
});

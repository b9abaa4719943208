// The archive as the go command sees it: a repository whose tagged commit has
// paths that need ustar prefix splitting and pax records, a gitlink, an
// `ident` file, CRLF conversion, a symlink and an executable must give the
// same h1 through our pipeline as `go mod download` (direct mode, through the
// loopback git server) reports. A second tag adds a file whose name is not
// UTF-8, which Go rejects; the error text must match too.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openRepo } from '../../src/git/index.js';
import { buildModule, gitCodeHost } from '../../src/modfetch/index.js';
import { describeWithGo } from '../oracle/go-env.js';
import { addCommits, createFixtureRepo, git, type FixtureFile } from '../support/git-fixture.js';
import { goModDownload } from '../oracle/go-command.js';
import { startGitServer, type GitServer } from '../support/loopback-git-server.js';
import { commitWithGitlink } from '../oracle/git-view.js';
import { tempDir } from '../support/temp-dir.js';

const modulePath = 'example.com/gitpax';
const files: FixtureFile[] = [
  { path: 'go.mod', content: `module ${modulePath}\n\ngo 1.16\n` },
  { path: '.gitattributes', content: '*.id ident\n*.crlf text eol=crlf\n' },
  { path: 'version.id', content: 'id: $Id$\nold: $Id: stale $\n' },
  { path: 'notes.crlf', content: 'one\ntwo\n' },
  { path: `${'a'.repeat(60)}/${'b'.repeat(50)}/c.go`, content: 'package c\n' },
  { path: `deep/${'x'.repeat(120)}.go`, content: 'package deep\n' },
  {
    path: `${Array.from({ length: 30 }, (_, i) => `level${i}`).join('/')}/leaf.go`,
    content: 'package leaf\n',
  },
  { path: 'with space/ü ñ.go', content: 'package unicode\n' },
  { path: 'run.sh', content: '#!/bin/sh\n', mode: '100755' },
  { path: 'link.go', content: 'version.id', mode: '120000' },
  { path: 'empty.txt', content: '' },
];

let tmp = '';
let dir = '';
let server: GitServer | undefined;

beforeAll(async () => {
  tmp = await tempDir('modseal-git-oracle-');
  const fx = await createFixtureRepo(path.join(tmp, 'gitpax'), [{ files }]);
  dir = fx.dir;
  await commitWithGitlink(dir, fx.commits[0] ?? '', 'sub', 'd'.repeat(40), 'v1.0.0');
  await addCommits(dir, [
    { files: [...files, { path: 'bad\udcff.go', content: 'package bad\n' }], tags: ['v1.1.0'] },
  ]);
});
afterAll(async () => {
  await server?.close();
});

describeWithGo('git archive as the go command sees it', () => {
  beforeAll(async () => {
    server = await startGitServer({ [modulePath]: dir });
  });

  it('the tagged tree has the gitlink and the paths under test', async () => {
    const tree = (await git(dir, ['ls-tree', '-r', '--full-tree', 'v1.0.0'])).toString();
    expect(tree).toMatch(/^160000 commit d{40}\tsub$/m);
    expect(tree).toContain(`deep/${'x'.repeat(120)}.go`);
  });

  it('gives go\u2019s Sum and error for every tag', async () => {
    if (server === undefined) throw new Error('no server');
    const queries = ['v1.0.0', 'v1.1.0'];
    const want = await goModDownload(
      server,
      queries.map((q) => `${modulePath}@${q}`),
    );
    const repo = await openRepo(dir);
    for (const [i, query] of queries.entries()) {
      const got = await buildModule(gitCodeHost(repo), { modulePath, codeRoot: modulePath, query });
      const w = want[i];
      // Go's JSON output replaces bytes that are not UTF-8 with U+FFFD.
      const error = got.error?.replace(/[\udc80-\udcff]/g, '\ufffd');
      expect({ query, error, sum: got.sum, goModSum: got.goModSum }).toEqual({
        query,
        error: w?.Error,
        sum: w?.Sum,
        goModSum: w?.GoModSum,
      });
    }
    // The first tag must really build (the comparison above is not error vs error).
    expect(want[0]?.Sum).toMatch(/^h1:/);
  });
});

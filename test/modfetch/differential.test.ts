// Generated repositories, each exercising rules of the version→zip algorithm;
// the expected Sum / GoModSum / Error of every query comes from the real go
// command (`go mod download`, direct mode) run in this test.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openRepo } from '../../src/git/index.js';
import { buildModule, gitCodeHost } from '../../src/modfetch/index.js';
import { describeWithGo } from '../oracle/go-env.js';
import { createFixtureRepo, type FixtureCommit } from '../support/git-fixture.js';
import { goModDownload } from '../oracle/go-command.js';
import { startGitServer, type GitServer } from '../support/loopback-git-server.js';
import { tempDir } from '../support/temp-dir.js';

const f = (p: string, content: string, mode?: '100644' | '100755' | '120000') => ({
  path: p,
  content,
  ...(mode === undefined ? {} : { mode }),
});

// name → commits, queries (module path relative to example.com/<name>, @query)
const scenarios: Record<
  string,
  { commits: FixtureCommit[]; queries: string[]; newerGo?: Record<string, string> }
> = {
  attrs: {
    commits: [
      {
        files: [
          f('go.mod', 'module example.com/attrs\n\ngo 1.16\n'),
          f(
            '.gitattributes',
            '*.crlf text eol=crlf\n*.auto text=auto eol=crlf\n*.id ident\n*.utf16 text working-tree-encoding=UTF-16LE\n*.subst export-subst\n*.ign export-ignore\n',
          ),
          f('a.crlf', 'a\nb\r\nc\n'),
          f('b.auto', 'x\ny\n'),
          f('c.id', '$Id$\n'),
          f('d.utf16', 'hé\n'),
          f('e.subst', '$Format:%H$\n'),
          f('f.ign', 'ignored\n'),
          f('vendor/modules.txt', '# vendor\n'),
          f('vendor/x/y.go', 'package y\n'),
          f('pkg/vendor/v.go', 'package v\n'),
          f('nested/GO.MOD', 'module example.com/attrs/nested\n'),
          f('nested/n.go', "package n'\n"),
          f('.hg_archival.txt', 'repo: x\n'),
          f('link.go', 'a.crlf', '120000'),
          f('run.sh', '#!/bin/sh\n', '100755'),
        ],
        tags: [{ name: 'v1.0.0', annotated: true }],
      },
    ],
    queries: ['@v1.0.0'],
  },
  layouts: {
    commits: [
      {
        files: [
          f('go.mod', 'module example.com/layouts\n'),
          f('LICENSE', 'root licence\r\n'),
          f('.gitattributes', 'LICENSE text eol=crlf\n'),
          f('v2/go.mod', 'module example.com/layouts/v2\n'),
          f('v2/a.go', 'package a\n'),
          f('sub/go.mod', 'module example.com/layouts/sub\n'),
          f('sub/s.go', 'package s\n'),
          f('sub2/go.mod', 'module example.com/layouts/sub2/v3\n'),
          f('sub2/license', 'lower\n'),
        ],
        tags: ['v1.0.0', 'v2.0.0', 'sub/v1.0.0', 'sub2/v3.0.0', 'v3.0.0'],
      },
      { files: [f('go.mod', 'module example.com/layouts\n'), f('b.go', 'package b\n')] },
    ],
    queries: [
      '@v1.0.0',
      '/v2@v2.0.0',
      '/sub@v1.0.0',
      '/sub2/v3@v3.0.0',
      '@v3.0.0',
      '@v2.0.0',
      '/v2@v1.0.0',
      '@main',
      '@v1.0.1-0.20210203040606-000000000000',
      '/sub@v1.0.0+incompatible',
    ],
  },
  nogomod: {
    commits: [
      { files: [f('a.go', 'package a\n'), f('A.txt', 'x\n')], tags: ['v1.0.0'] },
      { files: [f('a.go', 'package a\n'), f('b.go', 'package b\n')], tags: ['v2.0.0'] },
      { files: [f('a.go', 'package a\n'), f('c.go', 'package c\n')] },
    ],
    queries: ['@v1.0.0', '@v2.0.0', '@v2.0.0+incompatible', '/v2@v2.0.0', '@main', '@latest'],
  },
  // Behaviour of today's Go (the oracle is Go 1.27): the vendor rule of a
  // module declaring go 1.24 or later, a go line newer than the toolchain,
  // and go.mod directives Go 1.19 could not parse.
  modern: {
    commits: [
      {
        files: [
          f(
            'go.mod',
            'module example.com/modern\n\ngo 1.24.0\n\ntoolchain go1.27.3\n\ngodebug default=go1.21\n\ntool example.com/modern/cmd/gen\n\nignore ./web\n',
          ),
          f('vendor/modules.txt', '# vendor\n'),
          f('vendor/x/y.go', 'package y\n'),
          f('pkg/vendor/v.go', 'package v\n'),
          f('sub/vendor/s.txt', 's\n'),
          f('web/app.js', 'x\n'),
          f('cmd/gen/main.go', 'package main\n'),
        ],
        tags: ['v1.0.0'],
      },
      {
        files: [f('go.mod', 'module example.com/modern\n\ngo 1.999\n'), f('a.go', 'package a\n')],
        tags: ['v1.1.0'],
      },
      {
        files: [f('go.mod', 'module example.com/modern\n\ngo 1.24\n\nbogus directive\n')],
        tags: ['v1.2.0'],
      },
    ],
    queries: ['@v1.0.0', '@v1.1.0', '@v1.2.0'],
    // The oracle runs with GOTOOLCHAIN=local and refuses a go line newer
    // than itself; the mirror switches to that toolchain instead (`go mod
    // download` does since Go 1.21.1, golang/go#62054), so modseal, which
    // stands for the mirror, builds the version. Only the refusal and the
    // .mod hash (computed before it) are compared here.
    newerGo: { '@v1.1.0': '1.999' },
  },
  bad: {
    commits: [
      {
        files: [
          f('go.mod', 'module example.com/bad\n'),
          f('x:y.go', 'package x\n'),
          f('A.go', 'package a\n'),
          f('a.go', 'package a\n'),
        ],
        tags: ['v1.0.0'],
      },
    ],
    queries: ['@v1.0.0'],
  },
};

let tmp = '';
let server: GitServer | undefined;
const dirs: Record<string, string> = {};

beforeAll(async () => {
  tmp = await tempDir('modseal-diff-');
  for (const [name, s] of Object.entries(scenarios)) {
    dirs[name] = (await createFixtureRepo(path.join(tmp, name), s.commits)).dir;
  }
});
afterAll(async () => {
  await server?.close();
});

describeWithGo('differential: our pipeline vs go mod download', () => {
  beforeAll(async () => {
    server = await startGitServer(
      Object.fromEntries(Object.keys(scenarios).map((n) => [`example.com/${n}`, dirs[n] ?? ''])),
    );
  });

  for (const [name, s] of Object.entries(scenarios)) {
    it(`${name}: ${s.queries.join(' ')}`, async () => {
      if (server === undefined) throw new Error('no server');
      const queries = s.queries.map((q) => `example.com/${name}${q}`);
      const want = await goModDownload(server, queries);
      const repo = await openRepo(dirs[name] ?? '');
      for (const [i, q] of queries.entries()) {
        const at = q.lastIndexOf('@');
        const got = await buildModule(gitCodeHost(repo), {
          modulePath: q.slice(0, at),
          codeRoot: `example.com/${name}`,
          query: q.slice(at + 1),
        });
        const w = want[i];
        const newer = s.newerGo?.[q.slice(`example.com/${name}`.length)];
        if (newer !== undefined) {
          expect(w?.Error).toMatch(
            new RegExp(
              `^${q.replace(/[.]/g, '\\.')} requires go >= ${newer.replace(/[.]/g, '\\.')} \\(running go 1\\.\\d+(\\.\\d+)?; GOTOOLCHAIN=local\\)$`,
            ),
          );
          expect(got.error).toBeUndefined();
          expect(got.goModSum).toBe(w?.GoModSum);
          continue;
        }
        expect({ q, error: got.error, sum: got.sum, goModSum: got.goModSum }).toEqual({
          q,
          error: w?.Error,
          sum: w?.Sum,
          goModSum: w?.GoModSum,
        });
        if (w?.Error === undefined) expect(got.version).toBe(w?.Version);
      }
    });
  }
});

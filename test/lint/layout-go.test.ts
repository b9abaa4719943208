// Where the go command looks for a module, asked of the go command: for each
// multi-module layout the lint reports as `module-path-mismatch`, the go
// command (direct mode, loopback git server) cannot fetch the module under
// the path its go.mod declares at the release tag; for the layouts the lint
// accepts, every module downloads under its declared path. Also the tags the
// go command ignores (not canonical, pseudo-version-shaped), which the lint
// reports as `version-invalid` in its own words.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { goModDownload } from '../oracle/go-command.js';
import { describeWithGo } from '../oracle/go-env.js';
import type { GitServer } from '../support/loopback-git-server.js';
import { brief, lintFacts, type TreeFacts } from './harness.js';
import { serveFacts } from './fixture-repo.js';

const mod = (p: string): string => `module ${p}\n\ngo 1.21\n`;
const pkg = (name: string): string => `package ${name}\n`;

interface Case {
  name: string;
  root: string;
  facts: TreeFacts;
  /** Every finding, as brief() gives it. */
  expected: ReturnType<typeof brief>[];
  /** Queries the go command must refuse. */
  refused: string[];
  /** Queries it must answer. */
  fetched: string[];
  /** Text every refusal of the first query contains (Go's words). */
  goSays?: string;
}

const cases: Case[] = [
  {
    name: 'a major subdirectory whose go.mod lacks /v2',
    root: 'example.com/l1',
    facts: {
      files: {
        'go.mod': mod('example.com/l1'),
        'sub/v2/go.mod': mod('example.com/l1/sub'),
        'sub/v2/s.go': pkg('sub'),
      },
      next: ['sub/v2.0.0'],
    },
    expected: [{ code: 'module-path-mismatch', file: 'sub/v2/go.mod', line: 1, column: 1 }],
    refused: ['example.com/l1/sub@v2.0.0', 'example.com/l1/sub/v2@v2.0.0'],
    fetched: [],
  },
  {
    name: 'a subdirectory module declaring another directory',
    root: 'example.com/l2',
    facts: {
      files: {
        'go.mod': mod('example.com/l2'),
        'sub/go.mod': `// moved\n${mod('example.com/l2/other')}`,
        'sub/s.go': pkg('sub'),
      },
      next: ['sub/v1.1.0'],
    },
    expected: [{ code: 'module-path-mismatch', file: 'sub/go.mod', line: 2, column: 1 }],
    refused: ['example.com/l2/other@v1.1.0'],
    fetched: [],
  },
  {
    name: 'a /v2 path declared both in its directory and in its v2/ subdirectory',
    root: 'example.com/l3',
    facts: {
      files: {
        'go.mod': mod('example.com/l3'),
        'sub/go.mod': mod('example.com/l3/sub/v2'),
        'sub/v2/go.mod': mod('example.com/l3/sub/v2'),
      },
      next: ['sub/v2.1.0'],
    },
    expected: [
      { code: 'module-path-mismatch', file: 'sub/go.mod', line: 1, column: 1 },
      { code: 'module-path-mismatch', file: 'sub/v2/go.mod', line: 1, column: 1 },
    ],
    refused: ['example.com/l3/sub/v2@v2.1.0'],
    fetched: [],
    goSays: 'both have .../v2 module paths',
  },
  {
    name: 'without a root module, a path that does not end in its directory',
    root: 'example.com/l4',
    facts: {
      files: {
        'api/go.mod': mod('example.com/l4/api'),
        'cmd/tool/go.mod': mod('example.com/l4/tool'),
      },
      next: ['cmd/tool/v1.0.0'],
    },
    expected: [{ code: 'module-path-mismatch', file: 'cmd/tool/go.mod', line: 1, column: 1 }],
    refused: ['example.com/l4/tool@v1.0.0'],
    fetched: [],
  },
  {
    name: 'a tag that is not canonical',
    root: 'example.com/l5',
    facts: { files: { 'go.mod': mod('example.com/l5') }, next: ['v1.2'] },
    expected: [{ code: 'version-invalid', file: 'go.mod', line: 1, column: 1 }],
    refused: ['example.com/l5@v1.2', 'example.com/l5@v1.2.0'],
    fetched: [],
  },
  {
    name: 'a tag with build metadata',
    root: 'example.com/l6',
    facts: { files: { 'go.mod': mod('example.com/l6') }, next: ['v1.3.0+build.5'] },
    expected: [{ code: 'version-invalid', file: 'go.mod', line: 1, column: 1 }],
    refused: ['example.com/l6@v1.3.0'],
    fetched: [],
  },
  {
    name: 'valid: root, subdirectory, major subdirectory and a root major subdirectory',
    root: 'example.com/ok',
    facts: {
      files: {
        'go.mod': mod('example.com/ok'),
        'v2/go.mod': mod('example.com/ok/v2'),
        'sub/go.mod': mod('example.com/ok/sub'),
        'sub/v3/go.mod': mod('example.com/ok/sub/v3'),
        'deep/er/go.mod': mod('example.com/ok/deep/er/v4'),
        'vendor/example.com/x/go.mod': mod('example.com/x'),
        'sub/testdata/go.mod': mod('whatever'),
      },
      next: ['v1.0.0', 'v2.0.0', 'sub/v1.0.0', 'sub/v3.0.0', 'deep/er/v4.0.0'],
    },
    expected: [],
    refused: [],
    fetched: [
      'example.com/ok@v1.0.0',
      'example.com/ok/v2@v2.0.0',
      'example.com/ok/sub@v1.0.0',
      'example.com/ok/sub/v3@v3.0.0',
      'example.com/ok/deep/er/v4@v4.0.0',
    ],
  },
];

describeWithGo('module-path-mismatch: the go command cannot fetch such a module', () => {
  let server: GitServer;

  beforeAll(async () => {
    server = await serveFacts(cases);
  }, 120_000);
  afterAll(() => server?.close());

  for (const c of cases) {
    it(c.name, async () => {
      const got = lintFacts(c.facts);
      expect(got.errors).toEqual([]);
      expect(got.findings.map(brief)).toEqual(c.expected);
      const results = await goModDownload(server, [...c.refused, ...c.fetched]);
      results.slice(0, c.refused.length).forEach((r, i) => {
        expect(r.Error, c.refused[i]).toBeDefined();
        if (i === 0 && c.goSays !== undefined) expect(r.Error).toContain(c.goSays);
      });
      results.slice(c.refused.length).forEach((r, i) => {
        expect(r.Error, c.fetched[i]).toBeUndefined();
      });
    });
  }
});

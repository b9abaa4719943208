// `version-invalid` against the go command: each case is a repository whose
// tree is the one linted, tagged with the --next tag (the tag the release
// would create). The go command, in direct mode from the loopback git
// server, is asked for the module path go.mod declares at that version: it
// must refuse with exactly the text the finding carries, and accept every
// version the lint lets through.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { goModDownload } from '../oracle/go-command.js';
import { describeWithGo } from '../oracle/go-env.js';
import type { GitServer } from '../support/loopback-git-server.js';
import { brief, lintFacts, type TreeFacts } from './harness.js';
import { serveFacts } from './fixture-repo.js';

const mod = (p: string, extra = ''): string => `module ${p}\n\ngo 1.21\n${extra}`;
const pkg = (name: string): string => `package ${name}\n`;

interface Case {
  name: string;
  /** The repository's root path, as served. */
  root: string;
  facts: TreeFacts;
  /** The go command's query for the declared path at the next version. */
  query: string;
  /** Where the finding must be; undefined when the version is valid. */
  refused?: { file: string; line: number; column: number };
}

const cases: Case[] = [
  {
    name: 'a v2 tag on a root module without /v2',
    root: 'example.com/c1',
    facts: {
      files: { 'go.mod': mod('example.com/c1'), 'a.go': pkg('c1') },
      tags: { 'v1.4.0': { 'go.mod': mod('example.com/c1'), 'a.go': pkg('c1') } },
      next: ['v2.0.0'],
    },
    query: 'example.com/c1@v2.0.0',
    refused: { file: 'go.mod', line: 1, column: 1 },
  },
  {
    name: 'a v2 tag on a /v3 module (module line after a comment)',
    root: 'example.com/c2',
    facts: {
      files: { 'go.mod': `// The c2 module.\n${mod('example.com/c2/v3')}`, 'a.go': pkg('c2') },
      next: ['v2.1.0'],
    },
    query: 'example.com/c2/v3@v2.1.0',
    refused: { file: 'go.mod', line: 2, column: 1 },
  },
  {
    name: 'a v1 tag on a /v2 module',
    root: 'example.com/c3',
    facts: { files: { 'go.mod': mod('example.com/c3/v2'), 'a.go': pkg('c3') }, next: ['v1.5.0'] },
    query: 'example.com/c3/v2@v1.5.0',
    refused: { file: 'go.mod', line: 1, column: 1 },
  },
  {
    name: 'a v2 tag on a gopkg.in .v3 module',
    root: 'gopkg.in/lintcase.v3',
    facts: { files: { 'go.mod': mod('gopkg.in/lintcase.v3'), 'a.go': pkg('y') }, next: ['v2.0.0'] },
    query: 'gopkg.in/lintcase.v3@v2.0.0',
    refused: { file: 'go.mod', line: 1, column: 1 },
  },
  {
    name: 'a v2 tag on a subdirectory module without /v2 (module in a block)',
    root: 'example.com/c5',
    facts: {
      files: {
        'go.mod': mod('example.com/c5'),
        'sub/go.mod': 'module (\n\texample.com/c5/sub\n)\n',
        'sub/s.go': pkg('sub'),
      },
      tags: {
        'sub/v1.0.0': { 'go.mod': mod('example.com/c5'), 'sub/go.mod': mod('example.com/c5/sub') },
      },
      next: ['sub/v2.0.0'],
    },
    query: 'example.com/c5/sub@v2.0.0',
    refused: { file: 'sub/go.mod', line: 2, column: 2 },
  },
  {
    name: 'implied: the latest tag of a root module is v3 but go.mod has no /v3',
    root: 'example.com/c6',
    facts: {
      files: { 'go.mod': mod('example.com/c6'), 'a.go': pkg('c6') },
      tags: { 'v3.1.0': { 'go.mod': mod('example.com/c6'), 'a.go': pkg('c6') } },
      // The tag the implied next version (v3.2.0) would be.
      next: [],
    },
    query: 'example.com/c6@v3.2.0',
    refused: { file: 'go.mod', line: 1, column: 1 },
  },
  {
    name: 'a major-subdirectory module tagged with another major',
    root: 'example.com/c7',
    facts: {
      files: {
        'go.mod': mod('example.com/c7'),
        'sub/v2/go.mod': mod('example.com/c7/sub/v2'),
        'sub/v2/s.go': pkg('sub'),
      },
      next: ['sub/v3.0.0'],
    },
    query: 'example.com/c7/sub/v2@v3.0.0',
    refused: { file: 'sub/v2/go.mod', line: 1, column: 1 },
  },
  {
    name: 'a module path the go command calls malformed',
    root: 'example.com/c8',
    facts: { files: { 'go.mod': mod('example.com/c8/PROGRA~1') }, next: ['v1.0.0'] },
    query: 'example.com/c8/PROGRA~1@v1.0.0',
    refused: { file: 'go.mod', line: 1, column: 1 },
  },
  {
    name: 'valid: a v1 release of a root module',
    root: 'example.com/ok1',
    facts: { files: { 'go.mod': mod('example.com/ok1'), 'a.go': pkg('ok1') }, next: ['v1.2.0'] },
    query: 'example.com/ok1@v1.2.0',
  },
  {
    name: 'valid: a /v2 module in its major subdirectory beside the v1 root',
    root: 'example.com/ok2',
    facts: {
      files: {
        'go.mod': mod('example.com/ok2'),
        'a.go': pkg('ok2'),
        'v2/go.mod': mod('example.com/ok2/v2'),
        'v2/a.go': pkg('ok2'),
      },
      tags: { 'v1.0.0': { 'go.mod': mod('example.com/ok2'), 'a.go': pkg('ok2') } },
      next: ['v2.0.0'],
    },
    query: 'example.com/ok2/v2@v2.0.0',
  },
  {
    name: 'valid: a prerelease of a subdirectory /v3 module',
    root: 'example.com/ok3',
    facts: {
      files: { 'go.mod': mod('example.com/ok3'), 'api/go.mod': mod('example.com/ok3/api/v3') },
      next: ['api/v3.0.0-rc.1'],
    },
    query: 'example.com/ok3/api/v3@v3.0.0-rc.1',
  },
];

describeWithGo('version-invalid carries the text the go command refuses the version with', () => {
  let server: GitServer;

  beforeAll(async () => {
    // A case without --next is tagged with the version the query names.
    server = await serveFacts(
      cases.map((c) => ({
        root: c.root,
        facts:
          c.facts.next?.length === 0
            ? { ...c.facts, next: [c.query.split('@')[1] ?? ''] }
            : c.facts,
      })),
    );
  }, 120_000);
  afterAll(() => server?.close());

  for (const c of cases) {
    it(c.name, async () => {
      const got = lintFacts(c.facts);
      expect(got.errors).toEqual([]);
      const [go] = await goModDownload(server, [c.query]);
      const invalid = got.findings.filter((f) => f.code === 'version-invalid');
      if (c.refused === undefined) {
        expect(go?.Error).toBeUndefined();
        expect(got.findings).toEqual([]);
        return;
      }
      expect(go?.Error).toBeDefined();
      expect(invalid.map(brief)).toEqual([{ code: 'version-invalid', ...c.refused }]);
      expect(invalid[0]?.message).toBe(go?.Error);
      expect(got.verdict).toBe('fail');
    });
  }
});

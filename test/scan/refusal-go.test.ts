// Which versions the scan never sends, judged by the go command: a version
// versionRefusal refuses from its name alone must be one `go mod download`
// refuses too (direct mode, over the loopback git server, where the tags
// exist), and versions it lets through must download. Where Go's refusal
// depends on the name alone (+incompatible on a compatible major), the text
// must be Go's too.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { versionRefusal } from '../../src/checks/scan/status.js';
import { goModDownload, type GoDownloadResult } from '../oracle/go-command.js';
import { describeWithGo } from '../oracle/go-env.js';
import { createFixtureRepo } from '../support/git-fixture.js';
import { startGitServer, type GitServer } from '../support/loopback-git-server.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = 'example.com/refuse';

let server: GitServer | undefined;
afterAll(async () => server?.close());

describeWithGo('versionRefusal against go mod download', () => {
  const go = new Map<string, GoDownloadResult>();
  const queries = [
    // Accepted.
    `${ROOT}@v1.0.0`,
    `${ROOT}@v2.0.0+incompatible`,
    `${ROOT}/v3@v3.0.0`,
    // Refused from the name alone.
    `${ROOT}@v1.0.0+incompatible`,
    `${ROOT}@v0.1.0+incompatible`,
    `${ROOT}/v3@v3.0.0+incompatible`,
    `${ROOT}@v3.0.0`,
    `${ROOT}/v3@v1.0.0`,
  ];

  beforeAll(async () => {
    const dir = path.join(await tempDir('modseal-scan-refusal-go-'), 'repo');
    await createFixtureRepo(dir, [
      {
        files: [
          { path: 'go.mod', content: `module ${ROOT}\n\ngo 1.19\n` },
          { path: 'a.go', content: 'package refuse\n' },
        ],
        tags: ['v0.1.0', 'v1.0.0'],
      },
      // No go.mod: a v2 tag is published as +incompatible.
      { files: [{ path: 'a.go', content: 'package refuse // 2\n' }], tags: ['v2.0.0'] },
      {
        files: [
          { path: 'go.mod', content: `module ${ROOT}/v3\n\ngo 1.19\n` },
          { path: 'a.go', content: 'package refuse // 3\n' },
        ],
        tags: ['v3.0.0'],
      },
    ]);
    server = await startGitServer({ [ROOT]: dir });
    const results = await goModDownload(server, queries);
    queries.forEach((q, i) => go.set(q, results[i] as GoDownloadResult));
  }, 120_000);

  it("refuses exactly what Go refuses, with Go's text where Go judges the name alone", () => {
    for (const q of queries) {
      const [p = '', v = ''] = q.split('@');
      const refusal = versionRefusal(p, v);
      const theirs = go.get(q)?.Error;
      expect({ q, refused: refusal !== undefined }).toEqual({ q, refused: theirs !== undefined });
      // A wrong major is refused whatever the repository holds, but Go's
      // text then names what it found there (a go.mod path, a missing tag):
      // the local rebuild supplies that text to the scan.
      if (q.endsWith('+incompatible')) expect({ q, refusal }).toEqual({ q, refusal: theirs });
    }
    // The case list must hold both kinds, or it shows nothing.
    expect([...go.values()].filter((r) => r.Error === undefined).length).toBe(3);
  });
});

// The Action's scheduled mode as GitHub runs it: the bundled dist/index.js
// in a child process with a `schedule` event, mode auto, against a loopback
// mirror the go command filled and a checksum database holding Go's go.sum
// lines. One tag moved after publication: the step fails, the job summary
// and the JSON report say which, and the state file is written for the
// next run.
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithGo } from '../oracle/go-env.js';
import { downloadToProxyDir } from '../oracle/go-command.js';
import { createFixtureRepo, moveTag, removeAtEnd } from '../support/git-fixture.js';
import { startGoproxyServer, type GoproxyServer } from '../support/goproxy-server.js';
import { startGitServer } from '../support/loopback-git-server.js';
import { TestSumdb } from '../support/sumdb-server.js';
import { BUILD_PATIENCE_MS, ensureDist, runAction } from './dist-runner.js';

beforeAll(ensureDist, BUILD_PATIENCE_MS + 60_000);

describeWithGo('dist/index.js on a schedule: the drift scan', () => {
  let tmp: string;
  let repo: string;
  let mirror: GoproxyServer;
  let sumdb: TestSumdb;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'modseal-dist-scan-'));
    removeAtEnd(tmp);
    repo = path.join(tmp, 'repo');
    await createFixtureRepo(
      repo,
      [0, 1, 2, 3].map((i) => ({
        files: [
          { path: 'go.mod', content: 'module example.com/sched\n' },
          { path: 's.go', content: `package sched\n\nconst V = ${i}\n` },
        ],
        tags: i < 3 ? [`v1.0.${i}`] : [],
      })),
    );
    const git = await startGitServer({ 'example.com/sched': repo });
    const queries = ['v1.0.0', 'v1.0.1', 'v1.0.2'].map((v) => `example.com/sched@${v}`);
    const made = await downloadToProxyDir(git, queries);
    await git.close();
    for (const r of made.results) expect(r.Error).toBeUndefined();
    const root = path.join(tmp, 'mirror');
    await cp(made.proxyDir, root, { recursive: true });
    mirror = await startGoproxyServer(root);
    sumdb = await TestSumdb.start({
      records: Object.fromEntries(
        made.results.map((r) => [
          `${r.Path}@${r.Version}`,
          `${r.Path} ${r.Version} ${r.Sum}\n${r.Path} ${r.Version}/go.mod ${r.GoModSum}\n`,
        ]),
      ),
    });
    await moveTag(repo, 'v1.0.1', 3);
  }, 120_000);

  afterAll(async () => {
    await mirror?.close();
    await sumdb?.close();
  });

  it('mode auto scans on a schedule: the moved tag fails the step, summary, report and state written', async () => {
    const state = path.join(tmp, 'state', 'scan-state.json');
    const r = await runAction({
      workspace: repo,
      event: 'schedule',
      ref: 'refs/heads/main',
      inputs: {
        goproxy: mirror.url,
        gosumdb: `${sumdb.verifierKey} ${sumdb.url}`,
        'state-file': state,
      },
    });
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.stdout).toContain('::error::modseal scan: fail (1 moved)');
    expect(r.summary).toContain('v1.0.1');
    expect(r.summary).toContain('moved');
    const doc = JSON.parse(await readFile(r.outputs['report-path']!, 'utf8')) as {
      schema: string;
      results: { version: string; status: string }[];
    };
    expect(doc.schema).toBe('modseal.scan-report/v1');
    expect(doc.results.map((x) => [x.version, x.status])).toEqual([
      ['v1.0.0', 'ok'],
      ['v1.0.1', 'moved'],
      ['v1.0.2', 'ok'],
    ]);
    const saved = JSON.parse(await readFile(state, 'utf8')) as { schema: string };
    expect(saved.schema).toBe('modseal.scan-state/v1');
  });
});

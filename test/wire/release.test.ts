// The release gate's composition over a real repository, with the mirror and
// the checksum database off (nothing leaves the machine): what the wiring
// itself decides. A .netrc the go command would pass over in silence is
// said in the log, once per problem, and never fails the check.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createReleaseCheck } from '../../src/wire/index.js';
import { createFixtureRepo } from '../support/git-fixture.js';
import { tempDir } from '../support/temp-dir.js';

describe('createReleaseCheck', () => {
  let work: string;
  let repo: string;

  beforeAll(async () => {
    work = await tempDir('modseal-wire-release-');
    repo = path.join(work, 'repo');
    await createFixtureRepo(repo, [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/m\n' },
          { path: 'm.go', content: 'package m\n' },
        ],
        tags: ['v1.0.0'],
      },
    ]);
  });

  async function check(netrc: string) {
    const lines: string[] = [];
    const run = createReleaseCheck({
      logger: { info: (m) => void lines.push(m), debug: () => undefined },
      env: { GOPROXY: 'off', GOSUMDB: 'off', NETRC: netrc, HOME: work },
    });
    const report = await run({ repoDir: repo, tag: 'v1.0.0', warm: true, warmTimeoutMs: 60_000 });
    return { report, netrcLines: lines.filter((l) => l.includes(netrc)) };
  }

  it('says what in a .netrc gives no credentials, and still checks', async () => {
    const file = path.join(work, 'netrc-stray');
    await writeFile(file, 'machine proxy.example login me\nstray\n');
    const { report, netrcLines } = await check(file);
    expect(report.verdict).toBe('pass');
    expect(report.localOnly).toContain('GOPROXY=off');
    expect(netrcLines.length).toBeGreaterThan(0);
    for (const l of netrcLines) expect(l).toMatch(/^netrc file .*, line [12]: /);
  });

  it('says when the .netrc cannot be read, and is silent when there is none', async () => {
    const dir = path.join(work, 'netrc-dir');
    await mkdir(dir, { recursive: true });
    expect((await check(dir)).netrcLines).toEqual([
      expect.stringMatching(/^cannot read the netrc file /) as string,
    ]);
    expect((await check(path.join(work, 'absent'))).netrcLines).toEqual([]);
  });
});

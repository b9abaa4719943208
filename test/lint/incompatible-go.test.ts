// The +incompatible trap, shown by the go command (direct mode, loopback git
// server): v2.0.0 and v3.1.0 were tagged without go.mod, so `@latest` is
// v3.1.0+incompatible. The tree being linted adds a go.mod without a major
// suffix; once it is tagged v1.1.0, `@latest` falls back to v1.1.0 and a
// v3.2.0 tag of it is refused: users of v3.1.0+incompatible are stranded.
// The lint must say so before the tag exists.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { goModDownload } from '../oracle/go-command.js';
import { describeWithGo } from '../oracle/go-env.js';
import type { GitServer } from '../support/loopback-git-server.js';
import { brief, lintFacts, type TreeFacts } from './harness.js';
import { serveFacts } from './fixture-repo.js';

function facts(p: string, next: string[]): TreeFacts {
  const old = { 'a.go': 'package i\n' };
  return {
    files: { 'go.mod': `module ${p}\n\ngo 1.21\n`, 'a.go': 'package i\n' },
    tags: { 'v1.0.0': old, 'v2.0.0': old, 'v3.1.0': old },
    next,
  };
}

describeWithGo('incompatible-trap: what the go command does once the go.mod is released', () => {
  let server: GitServer;
  const before = facts('example.com/ita', []);
  const after = facts('example.com/itb', ['v1.1.0', 'v3.2.0']);

  beforeAll(async () => {
    server = await serveFacts([
      { root: 'example.com/ita', facts: before },
      { root: 'example.com/itb', facts: after },
    ]);
  }, 120_000);
  afterAll(() => server?.close());

  it('the lint warns before the v1.1.0 tag exists', () => {
    const got = lintFacts({ ...facts('example.com/ita', ['v1.1.0']) });
    expect(got.findings.map(brief)).toEqual([
      { code: 'incompatible-trap', file: 'go.mod', line: 1, column: 1 },
    ]);
    expect(got.findings[0]?.message).toContain('v2.0.0+incompatible, v3.1.0+incompatible');
  });

  it('and the go command shows the trap', async () => {
    const [latestBefore, latestAfter, continued, explicit] = await goModDownload(server, [
      'example.com/ita@latest',
      'example.com/itb@latest',
      'example.com/itb@v3.2.0',
      'example.com/itb@v3.1.0',
    ]);
    expect(latestBefore?.Version).toBe('v3.1.0+incompatible');
    // Once a v1 version with go.mod exists, the +incompatible versions are hidden.
    expect(latestAfter?.Version).toBe('v1.1.0');
    // Continuing the v3 line from this go.mod is refused, as version-invalid says.
    expect(continued?.Error).toBeDefined();
    const v3 = lintFacts(facts('example.com/itb', ['v3.2.0'])).findings;
    expect(v3.find((f) => f.code === 'version-invalid')?.message).toBe(continued?.Error);
    // Those who name the old version still get it: they are stranded, not broken.
    expect(explicit?.Version).toBe('v3.1.0+incompatible');
  });
});

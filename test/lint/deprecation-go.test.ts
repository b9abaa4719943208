// `deprecated-unrecognised` against the go command: each go.mod is served
// as the only version of a module from a file:// module proxy, and
// `go list -m -u -json` says whether the go command shows the module as
// deprecated. A case the lint flags must be one the go command does not
// show; a case it shows must give no finding.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { deprecatedUnrecognisedFindings, readGoMod } from '../../src/checks/lint/index.js';
import { describeWithGo, goBin, isolatedGoEnv } from '../oracle/go-env.js';
import { spawnText } from '../support/spawn.js';
import { tempDir } from '../support/temp-dir.js';

const M = 'example.com/m';

interface Case {
  name: string;
  mod: string;
  /** The finding expected (kind and position), or none when the go command shows the deprecation. */
  expected?: { kind: string; line: number; column: number };
  /** The go command shows no deprecation although the lint has nothing to say. */
  notDeprecated?: true;
}

const cases: Case[] = [
  {
    name: 'a comment directly above the module line',
    mod: `// Deprecated: use example.com/n.\nmodule ${M}\n`,
  },
  {
    name: 'a comment at the end of the module line',
    mod: `module ${M} // Deprecated: use example.com/n\n`,
  },
  {
    name: 'a paragraph of its own after an empty // line',
    mod: `// Module m does things.\n//\n// Deprecated: use example.com/n.\nmodule ${M}\n`,
  },
  {
    name: 'the comment of a module block',
    mod: `// Deprecated: use example.com/n.\nmodule (\n\t${M}\n)\n`,
  },
  {
    name: 'a blank line between the comment and the module line',
    mod: `// Deprecated: use example.com/n.\n\nmodule ${M}\n`,
    expected: { kind: 'detached', line: 1, column: 1 },
  },
  {
    name: 'a comment below the module line',
    mod: `module ${M}\n\n  // Deprecated: use example.com/n.\ngo 1.21\n`,
    expected: { kind: 'detached', line: 3, column: 3 },
  },
  {
    name: 'lower case',
    mod: `// deprecated: use example.com/n.\nmodule ${M}\n`,
    expected: { kind: 'spelling', line: 1, column: 1 },
  },
  {
    name: 'no colon',
    mod: `//Deprecated - use example.com/n\nmodule ${M}\n`,
    expected: { kind: 'spelling', line: 1, column: 1 },
  },
  {
    name: 'in the middle of a paragraph',
    mod: `// Module m does things.\n// Deprecated: use example.com/n.\nmodule ${M}\n`,
    expected: { kind: 'mid-paragraph', line: 2, column: 1 },
  },
  {
    name: 'no message',
    mod: `module ${M} // Deprecated:\n`,
    expected: { kind: 'empty', line: 1, column: 22 },
  },
  {
    name: 'a comment about a requirement is not about the module',
    mod: `module ${M}\n\nrequire (\n\texample.com/x v1.0.0 // deprecated: drop it\n)\n`,
    notDeprecated: true,
  },
];

interface Listed {
  Path: string;
  Deprecated?: string;
  Error?: { Err: string };
}

async function goShowsDeprecation(mod: string): Promise<boolean> {
  const root = await tempDir('modseal-lint-deprecated-');
  const dir = path.join(root, 'proxy', M, '@v');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'list'), 'v1.0.0\n');
  await writeFile(
    path.join(dir, 'v1.0.0.info'),
    JSON.stringify({ Version: 'v1.0.0', Time: '2023-01-02T03:04:05Z' }),
  );
  await writeFile(path.join(dir, 'v1.0.0.mod'), mod);
  await mkdir(path.join(root, 'work'));
  const env = isolatedGoEnv(root, { GOPROXY: `file://${path.join(root, 'proxy')}` });
  const r = await spawnText(goBin(), ['list', '-m', '-u', '-json', `${M}@v1.0.0`], {
    cwd: path.join(root, 'work'),
    env,
    timeoutMs: 60_000,
  });
  expect(r.code, r.stderr).toBe(0);
  const listed = JSON.parse(r.stdout) as Listed;
  expect(listed.Error).toBeUndefined();
  return listed.Deprecated !== undefined;
}

describeWithGo('deprecated-unrecognised flags exactly what the go command does not show', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const shown = await goShowsDeprecation(c.mod);
      const { view } = readGoMod('go.mod', Buffer.from(c.mod));
      const got = deprecatedUnrecognisedFindings(view);
      expect(shown).toBe(c.expected === undefined && c.notDeprecated === undefined);
      if (c.expected === undefined) {
        expect(got).toEqual([]);
        return;
      }
      expect(got.map((f) => ({ line: f.line, column: f.column }))).toEqual([
        { line: c.expected.line, column: c.expected.column },
      ]);
      const kindText: Record<string, string> = {
        detached: 'is not attached to the module directive',
        spelling: 'does not start with "Deprecated:"',
        'mid-paragraph': 'in the middle of a comment paragraph',
        empty: 'has no message',
      };
      expect(got[0]?.message).toContain(kindText[c.expected.kind]);
    });
  }
});

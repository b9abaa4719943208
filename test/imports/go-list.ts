// `go list -json` as the oracle of these tests: run offline in an isolated
// environment (no proxy, so every module it would fetch is an error it
// reports, not a download), its stream of JSON objects parsed.
import fs from 'node:fs/promises';
import path from 'node:path';
import { goBin, isolatedGoEnv } from '../oracle/go-env.js';
import { spawnCollect } from '../support/spawn.js';

/**
 * Runs `go list args…` in `cwd` (a main module) with its caches under
 * `root`, and returns the objects it printed.
 */
export async function goListJson<T>(
  root: string,
  cwd: string,
  args: readonly string[],
): Promise<T[]> {
  const r = await spawnCollect(goBin(), ['list', ...args], {
    cwd,
    env: isolatedGoEnv(root, { GOFLAGS: '-mod=mod -modcacherw', GOPROXY: 'off' }),
  });
  if (r.code !== 0) throw new Error(`go list ${args.join(' ')}: ${r.stderr.toString('utf8')}`);
  // go list -json prints one indented object after another.
  const text = r.stdout.toString('utf8').trim();
  if (text === '') return [];
  return JSON.parse('[' + text.replace(/\n}\n{/g, '\n},\n{') + ']') as T[];
}

const LONG_AGO = new Date('2020-01-02T03:04:05Z');

/**
 * Dates every file under `dir` in the past. The go command reads a package
 * through its package index only when no file is newer than two seconds;
 * aged files make it take that path (the one it takes on real checkouts)
 * every time, however fast the test wrote them.
 */
export async function ageTree(dir: string): Promise<void> {
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await ageTree(p);
    else if (e.isFile()) await fs.utimes(p, LONG_AGO, LONG_AGO);
  }
}

// The CLI as users run it: dist/ built by the real scripts/build.mjs, in a
// scratch tree that links to the sources, so the working tree's committed
// dist/ is never rewritten under other engineers' or tests' feet. The tree
// (dist/, package.json, README.md, LICENSE, action.yml) is also what
// `npm pack` packs.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { removeAtEnd } from './temp-dir.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Files of the checkout the package carries besides dist/ (package.json's `files` plus npm's own). */
const packaged = ['package.json', 'README.md', 'LICENSE', 'action.yml'];

/**
 * A scratch tree with a fresh dist/ (cli.js and index.js) next to copies of
 * the packaged files; removed when the test file ends.
 */
export async function buildScratchTree(): Promise<string> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'modseal-scratch-build-'));
  removeAtEnd(work);
  for (const d of ['src', 'scripts', 'node_modules']) {
    await symlink(path.join(repoRoot, d), path.join(work, d));
  }
  for (const f of packaged) await copyFile(path.join(repoRoot, f), path.join(work, f));
  await promisify(execFile)(process.execPath, ['scripts/build.mjs'], {
    cwd: work,
    timeout: 120_000,
  });
  return work;
}

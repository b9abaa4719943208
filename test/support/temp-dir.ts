// Temporary folders that outlive a single test but not the test file: many
// tests read what an earlier one wrote (repositories, module caches), so each
// folder is removed once, when the file ends.
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const dirsToRemove: string[] = [];

function removeDirs(): void {
  for (const d of dirsToRemove.splice(0)) rmSync(d, { recursive: true, force: true });
}

// Registered while the test file is collected (the only time vitest takes a
// file-level hook; being registered first, it runs after the file's own
// afterAll hooks, which may still close servers serving these folders).
// vitest kills its workers without running 'exit' handlers, which remain for
// use outside vitest.
try {
  afterAll(removeDirs);
} catch {
  // Not inside a vitest test file.
}
process.once('exit', removeDirs);

/** Removes `dir` when the current test file (or, outside vitest, the process) ends. */
export function removeAtEnd(dir: string): void {
  dirsToRemove.push(dir);
}

/** A new folder under the system temp dir, removed when the current test file ends. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  removeAtEnd(dir);
  return dir;
}

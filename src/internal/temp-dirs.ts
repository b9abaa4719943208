// Everything modseal leaves on disk while it works (temporary folders, a zip
// being written, running git processes) is registered here, so that an
// interrupted run (Ctrl-C, a cancelled CI job) can take it all away
// synchronously from a signal handler, before the process exits. Normal
// code paths still clean up after themselves; this is the backstop.
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const paths = new Set<string>();
const stoppers = new Set<() => void>();

/** A new folder under the system temp folder, removed on interrupt until {@link removeTempDir}. */
export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  paths.add(dir);
  return dir;
}

/** Removes a folder (or file) made or registered here, and forgets it. */
export async function removeTempDir(p: string): Promise<void> {
  await rm(p, { recursive: true, force: true });
  paths.delete(p);
}

/**
 * Registers a path that is not a folder from {@link makeTempDir} (a partly
 * written output file) for removal on interrupt; returns the unregistration.
 */
export function removeOnInterrupt(p: string): () => void {
  paths.add(p);
  return () => void paths.delete(p);
}

/**
 * Registers something to stop on interrupt (a child process writing into a
 * temporary folder), run before the folders go; returns the unregistration.
 */
export function stopOnInterrupt(stop: () => void): () => void {
  stoppers.add(stop);
  return () => void stoppers.delete(stop);
}

/**
 * Stops what was registered and removes every registered path, synchronously
 * (safe in a signal or exit handler). Returns the paths it could not remove.
 */
export function cleanUpNow(): string[] {
  for (const stop of [...stoppers]) {
    try {
      stop();
    } catch {
      // A process that already exited cannot be stopped; nothing to do.
    }
  }
  stoppers.clear();
  const left: string[] = [];
  for (const p of [...paths]) {
    try {
      // A child killed a moment ago may still be closing files in it.
      rmSync(p, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    } catch {
      left.push(p);
    }
  }
  paths.clear();
  return left;
}

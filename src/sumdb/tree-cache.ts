// Where a client remembers the latest signed tree it verified, so the next
// run can prove the server's new tree extends it (the go command keeps this
// in $GOPATH/pkg/sumdb/<name>/latest).
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Storage for the latest verified signed tree note of one checksum database. */
export interface TreeCache {
  /** The stored note, or undefined when nothing was stored yet. */
  read(): Promise<Buffer | undefined>;
  /**
   * Stores `next` only if the stored note still equals `old` (undefined: nothing
   * stored); answers false when another writer got there first.
   */
  compareAndSwap(old: Buffer | undefined, next: Buffer): Promise<boolean>;
}

function same(a: Buffer | undefined, b: Buffer | undefined): boolean {
  if (a === undefined || a.length === 0) return b === undefined || b.length === 0;
  return b !== undefined && a.equals(b);
}

/** A TreeCache in memory (one process; for tests and one-shot runs). */
export function memoryTreeCache(initial?: Buffer): TreeCache {
  let stored = initial;
  return {
    read: () => Promise.resolve(stored),
    compareAndSwap(old, next) {
      if (!same(stored, old)) return Promise.resolve(false);
      stored = Buffer.from(next);
      return Promise.resolve(true);
    },
  };
}

const LOCK_STALE_MS = 30_000;
const LOCK_WAIT_MS = 10_000;

async function withLock<T>(lockPath: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fh = await open(lockPath, 'wx');
      await fh.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A writer that died leaves its lock behind; do not wait on it forever.
      const st = await stat(lockPath).catch(() => undefined);
      if (st && Date.now() - st.mtimeMs > LOCK_STALE_MS) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for lock ${lockPath}`, { cause: e });
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * A TreeCache in one file. Writers take a lock file next to it and replace
 * the file by rename, so concurrent runs (parallel CI jobs sharing a cache)
 * never see a torn note and never overwrite a newer one blindly.
 */
export function fileTreeCache(file: string): TreeCache {
  return {
    read: () => readIfExists(file),
    async compareAndSwap(old, next) {
      await mkdir(path.dirname(file), { recursive: true });
      return withLock(`${file}.lock`, async () => {
        if (!same(await readIfExists(file), old)) return false;
        const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
        await writeFile(tmp, next);
        await rename(tmp, file);
        return true;
      });
    },
  };
}

// The interrupt backstop: what was registered is stopped and removed at once,
// synchronously; what was cleaned up normally is forgotten.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cleanUpNow,
  makeTempDir,
  removeOnInterrupt,
  removeTempDir,
  stopOnInterrupt,
} from '../../src/internal/temp-dirs.js';
import { tempDir } from '../support/temp-dir.js';

describe('temporary folders on interrupt', () => {
  it('removes registered folders (with content) and files, after stopping what writes to them', async () => {
    const kept = await tempDir('modseal-tempdirs-test-');
    const dir = await makeTempDir('modseal-tempdirs-a-');
    await mkdir(path.join(dir, 'deep', 'er'), { recursive: true });
    await writeFile(path.join(dir, 'deep', 'er', 'f'), 'x');
    const file = path.join(kept, 'partial.zip.tmp');
    await writeFile(file, 'half');
    removeOnInterrupt(file);
    const order: string[] = [];
    stopOnInterrupt(() => order.push(existsSync(dir) ? 'stopped first' : 'stopped late'));
    stopOnInterrupt(() => {
      throw new Error('already exited');
    });
    expect(cleanUpNow()).toEqual([]);
    expect(order).toEqual(['stopped first']);
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(kept)).toBe(true);
    // Everything was forgotten: a second call has nothing to do.
    stopOnInterrupt(() => order.push('new'));
    cleanUpNow();
    expect(order).toEqual(['stopped first', 'new']);
  });

  it('forgets what was removed or unregistered normally', async () => {
    const kept = await tempDir('modseal-tempdirs-test-');
    const dir = await makeTempDir('modseal-tempdirs-b-');
    await removeTempDir(dir);
    await mkdir(dir); // someone else's folder of the same name, later
    const file = path.join(kept, 'done.zip');
    await writeFile(file, 'whole');
    const forget = removeOnInterrupt(file);
    forget();
    const unstop = stopOnInterrupt(() => {
      throw new Error('must not run');
    });
    unstop();
    cleanUpNow();
    expect(existsSync(dir)).toBe(true);
    expect(existsSync(file)).toBe(true);
    await removeTempDir(dir);
  });
});

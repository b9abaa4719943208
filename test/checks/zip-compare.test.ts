import { describe, expect, it } from 'vitest';
import { compareZips } from '../../src/checks/zip-compare.js';
import { fileSet } from './fakes.js';

describe('compareZips', () => {
  it('orders names by their bytes, not by UTF-16 code units', async () => {
    // UTF-8: U+FFFD is EF BF BD, U+10000 is F0 90 80 80; a lone U+DCFF stands for the byte FF.
    const local = fileSet({ '\u{10000}': '1', '\udcff': '2', '\ufffd': '3', a: '4' });
    const d = await compareZips(fileSet({}), local);
    expect(d.added).toEqual(['a', '\ufffd', '\u{10000}', '\udcff']);
  });

  it('says why a changed file has no diff', async () => {
    const mirror = fileSet({ 'a.bin': 'x\0y', 'b.txt': 'one\n', 'c.txt': 'c1\n' });
    const local = fileSet({ 'a.bin': 'x\0z', 'b.txt': 'two\n', 'c.txt': 'c2\n' });
    const d = await compareZips(mirror, local, { maxDiffFiles: 1 });
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed.map((c) => [c.name, c.note])).toEqual([
      ['a.bin', 'binary file'],
      ['b.txt', 'no diff: only the first 1 changed files are diffed'],
      ['c.txt', 'no diff: only the first 1 changed files are diffed'],
    ]);
  });
});

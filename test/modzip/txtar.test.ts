// The txtar reader used by the zip vector tests, against the format rules of
// golang.org/x/tools/txtar (as described in vectors/xmod/README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentKeys, parseTxtar } from '../support/txtar.js';
import { vectorsDir } from '../support/vectors.js';

const b = (s: string) => Buffer.from(s, 'latin1');

describe('parseTxtar', () => {
  it('splits comment and files, keeping duplicate names in order', () => {
    const t = parseTxtar(b('c1\nc2\n-- a --\nA\n-- b --\n-- a --\nA2\n'));
    expect(t.comment.toString()).toBe('c1\nc2\n');
    expect(t.files.map((f) => [f.name, f.data.toString()])).toEqual([
      ['a', 'A\n'],
      ['b', ''],
      ['a', 'A2\n'],
    ]);
  });

  it('adds a final newline only to the last file, and trims marker names', () => {
    const t = parseTxtar(b('-- x --\nno newline here\n--   spaced name   --\nlast'));
    expect(t.comment.length).toBe(0);
    expect(t.files.map((f) => [f.name, f.data.toString()])).toEqual([
      ['x', 'no newline here\n'],
      ['spaced name', 'last\n'],
    ]);
  });

  it('does not treat near-markers as markers', () => {
    const t = parseTxtar(b('-- --\n--  --\n-- a\n-- f --\n-- not -- a marker\nx -- y --\n'));
    expect(t.comment.toString()).toBe('-- --\n--  --\n-- a\n');
    expect(t.files).toHaveLength(1);
    expect(t.files[0]!.data.toString()).toBe('-- not -- a marker\nx -- y --\n');
  });

  it('accepts a marker on the last line without a newline', () => {
    const t = parseTxtar(b('-- a --\nx\n-- empty --'));
    expect(t.files.map((f) => [f.name, f.data.length])).toEqual([
      ['a', 2],
      ['empty', 0],
    ]);
  });

  it('keeps raw bytes: the 0xFF module path of invalid_utf8_mod_path.txt', () => {
    const file = path.join(vectorsDir, 'xmod/zip/testdata/create/invalid_utf8_mod_path.txt');
    const raw = readFileSync(file);
    const t = parseTxtar(raw);
    expect(t.comment.equals(raw)).toBe(true);
    const keys = commentKeys(t.comment);
    expect(keys.get('path')).toBe('\udcff');
    expect(keys.get('version')).toBe('v1.0.0');
    expect(keys.get('wantErr')).toBe('malformed module path "\\xff": invalid UTF-8');
  });
});

describe('commentKeys', () => {
  it('drops # comments, trims, splits at the first =', () => {
    const keys = commentKeys(b('  path = example.com/m # c\n\n# only comment\nwantErr=a=b\n'));
    expect([...keys]).toEqual([
      ['path', 'example.com/m'],
      ['wantErr', 'a=b'],
    ]);
  });
  it('refuses a line without =', () => {
    expect(() => commentKeys(b('oops\n'))).toThrow();
  });
});

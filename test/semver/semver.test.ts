import { describe, expect, it } from 'vitest';

import {
  build,
  canonical,
  compare,
  isValid,
  major,
  majorMinor,
  max,
  prerelease,
  sortVersions,
} from '../../src/semver/index.js';
import { field, goStr, loadTable } from '../module/vector-tables.js';

const FILE = 'xmod/semver/semver_test.tables.json';
const rows = loadTable(FILE, 'tests').map((r) => ({ in: field(r, 'in'), out: field(r, 'out') }));
const golden = loadTable(FILE, 'TestSort.golden').map(goStr);

// The upstream test derives the expected parts from `out` the same way.
function expectedParts(v: string, out: string) {
  if (out === '') return { major: '', majorMinor: '', prerelease: '', build: '' };
  const mm = /^(v[0-9]+)\.([0-9]+)/.exec(out)!;
  const pre = /^v[0-9]+\.[0-9]+\.[0-9]+(-[^+]*)?/.exec(out)![1] ?? '';
  const plus = v.indexOf('+');
  return {
    major: mm[1]!,
    majorMinor: `${mm[1]}.${mm[2]}`,
    prerelease: pre,
    build: plus >= 0 ? v.slice(plus) : '',
  };
}

describe('semver tables (x/mod semver_test.go)', () => {
  it('has the rows', () => {
    expect(rows).toHaveLength(32);
    expect(golden).toHaveLength(32);
  });

  it.each(rows)('$in → canonical "$out"', (row) => {
    expect(isValid(row.in)).toBe(row.out !== '');
    expect(canonical(row.in)).toBe(row.out);
    const want = expectedParts(row.in, row.out);
    expect(major(row.in)).toBe(want.major);
    expect(majorMinor(row.in)).toBe(want.majorMinor);
    expect(prerelease(row.in)).toBe(want.prerelease);
    expect(build(row.in)).toBe(want.build);
  });

  it('compares every pair as the ascending table order says', () => {
    for (let i = 0; i < rows.length; i++) {
      for (let j = 0; j < rows.length; j++) {
        const a = rows[i]!;
        const b = rows[j]!;
        const want = a.out === b.out ? 0 : i < j ? -1 : 1;
        expect(compare(a.in, b.in), `${a.in} vs ${b.in}`).toBe(want);
        // Max returns the canonical form of the larger one (the second on ties).
        const wantMax = want > 0 ? a.out : b.out;
        expect(max(a.in, b.in), `max(${a.in}, ${b.in})`).toBe(wantMax);
      }
    }
  });

  it('sorts like semver.Sort (TestSort golden)', () => {
    const input = rows.map((r) => r.in);
    expect(sortVersions(input)).toEqual(golden);
    expect(sortVersions([...input].reverse())).toEqual(golden);
    // A copy is returned; the input is left alone.
    expect(input[0]).toBe(rows[0]!.in);
  });
});

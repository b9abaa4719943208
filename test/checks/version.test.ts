import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonical, compare, isValid, nextVersion } from '../../src/checks/version.js';
import { vectorsDir } from '../support/vectors.js';

interface Table {
  name: string;
  rows: { in: string; out: string }[];
}
const tables = JSON.parse(
  readFileSync(path.join(vectorsDir, 'xmod/semver/semver_test.tables.json'), 'utf8'),
) as Table[];
const rows = tables.find((t) => t.name === 'tests')?.rows ?? [];

describe('Go semver subset (x/mod semver test table)', () => {
  it('has the table', () => {
    expect(rows.length).toBeGreaterThan(20);
  });

  it('canonicalises and validates like x/mod', () => {
    for (const r of rows) {
      expect(canonical(r.in), r.in).toBe(r.out);
      expect(isValid(r.in), r.in).toBe(r.out !== '');
    }
  });

  it('orders like x/mod (rows are ascending, equal outputs compare equal)', () => {
    rows.forEach((a, i) => {
      rows.forEach((b, j) => {
        const want = a.out === b.out ? 0 : i < j ? -1 : 1;
        expect(compare(a.in, b.in), `${a.in} vs ${b.in}`).toBe(want);
      });
    });
  });
});

describe('nextVersion', () => {
  it('bumps the patch past versions already tagged on the same minor line', () => {
    expect(nextVersion('v1.2.3')).toBe('v1.2.4');
    expect(nextVersion('v1.2.3', ['v1.2.4', 'v1.2.6', 'v1.3.0', 'v2.0.0'])).toBe('v1.2.7');
    expect(nextVersion('v1.2.9', ['v1.2.10'])).toBe('v1.2.11');
    expect(nextVersion('v2.0.0+incompatible', ['v2.0.1'])).toBe('v2.0.2+incompatible');
  });

  it('stays on a prerelease line', () => {
    expect(nextVersion('v1.2.3-rc.1')).toBe('v1.2.3-rc.2');
    expect(nextVersion('v1.2.3-rc.1', ['v1.2.3-rc.2'])).toBe('v1.2.3-rc.3');
    expect(nextVersion('v1.2.3-beta')).toBe('v1.2.3-beta.1');
    // Each suggestion sorts after the broken version.
    for (const v of ['v1.2.3-rc.1', 'v1.2.3-beta', 'v0.0.9']) {
      expect(compare(nextVersion(v), v)).toBe(1);
    }
  });
});

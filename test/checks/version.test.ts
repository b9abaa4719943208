import { describe, expect, it } from 'vitest';
import { nextVersion } from '../../src/checks/version.js';
import { compare } from '../../src/semver/index.js';

describe('nextVersion', () => {
  it('bumps the patch past the highest release of the same major, so the remedy becomes latest', () => {
    expect(nextVersion('v1.2.3')).toBe('v1.2.4');
    expect(nextVersion('v1.2.3', ['v1.2.4', 'v1.2.6'])).toBe('v1.2.7');
    // A retract line only works from the latest version's go.mod: past v1.3.0,
    // and never onto another major (v2 is another module path).
    expect(nextVersion('v1.2.3', ['v1.2.4', 'v1.2.6', 'v1.3.0', 'v2.0.0'])).toBe('v1.3.1');
    expect(nextVersion('v1.2.3', ['v1.3.0-rc.1'])).toBe('v1.2.4');
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

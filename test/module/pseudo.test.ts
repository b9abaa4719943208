import { describe, expect, it } from 'vitest';

import {
  decDecimal,
  incDecimal,
  InvalidVersionError,
  isPseudoVersion,
  pseudoVersion,
  pseudoVersionBase,
  pseudoVersionRev,
  pseudoVersionTime,
} from '../../src/module/index.js';
import { field, goStr, loadTable } from './vector-tables.js';

const FILE = 'xmod/module/pseudo_test.tables.json';
const table = (name: string) => loadTable(FILE, name);

// The upstream test's fixed inputs: time 2006-01-02T15:04:05Z, revision "hash".
const T = new Date(Date.UTC(2006, 0, 2, 15, 4, 5));
const REV = 'hash';

describe('pseudoTests', () => {
  const rows = table('pseudoTests').map((r) => ({
    major: field(r, 'major'),
    older: field(r, 'older'),
    version: field(r, 'version'),
  }));
  it('has the rows', () => expect(rows).toHaveLength(13));

  it.each(rows)('$major $older → $version', ({ major, older, version }) => {
    expect(pseudoVersion(major, older, T, REV)).toBe(version);
    expect(isPseudoVersion(version)).toBe(true);
    expect(isPseudoVersion(older)).toBe(false);
    expect(pseudoVersionTime(version).getTime()).toBe(T.getTime());
    expect(pseudoVersionRev(version)).toBe(REV);
    expect(pseudoVersionBase(version)).toBe(older);
    // The older (non-pseudo) version cannot be parsed as a pseudo-version.
    expect(() => pseudoVersionTime(older)).toThrow(InvalidVersionError);
    expect(() => pseudoVersionRev(older)).toThrow(InvalidVersionError);
    expect(() => pseudoVersionBase(older)).toThrow(InvalidVersionError);
  });
});

describe('TestInvalidPseudoVersionBase', () => {
  const rows = table('TestInvalidPseudoVersionBase.range1').map(goStr);
  it('has the rows', () => expect(rows).toHaveLength(7));
  it.each(rows)('%s has no base', (v) => {
    expect(() => pseudoVersionBase(v)).toThrow(InvalidVersionError);
  });
});

describe('TestIncDecimal / TestDecDecimal', () => {
  const inc = table('TestIncDecimal.cases').map((r) => [field(r, 'in'), field(r, 'want')] as const);
  const dec = table('TestDecDecimal.cases').map((r) => [field(r, 'in'), field(r, 'want')] as const);
  it('has the rows', () => {
    expect(inc).toHaveLength(5);
    expect(dec).toHaveLength(8);
  });
  it.each(inc)('inc %j → %j', (input, want) => expect(incDecimal(input)).toBe(want));
  it.each(dec)('dec %j → %j', (input, want) => expect(decDecimal(input)).toBe(want));
});

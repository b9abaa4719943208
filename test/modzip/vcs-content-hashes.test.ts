// vectors/xmod/zip/vcs_content_hashes.json: real module versions with their
// h1. Reproducing them means cloning the repositories, which tests may not do
// (no network); the rows are checked for shape so the file stays usable.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalVersion, check } from '../../src/module/index.js';
import { vectorsDir } from '../support/vectors.js';

interface Row {
  module: string;
  version: string;
  vcs: string;
  url: string;
  rev: string;
  subdir: string;
  h1: string;
  zip_sha256_by_go_version: Record<string, string>;
}
const data = JSON.parse(
  readFileSync(path.join(vectorsDir, 'xmod/zip/vcs_content_hashes.json'), 'utf8'),
) as { rows: Row[] };

describe('vcs_content_hashes.json', () => {
  it('has 23 rows', () => {
    expect(data.rows).toHaveLength(23);
  });
  for (const r of data.rows) {
    it(`${r.module}@${r.version} is well formed`, () => {
      expect(check(r.module, r.version)).toBeUndefined();
      expect(canonicalVersion(r.version)).toBe(r.version);
      expect(['git', 'hg']).toContain(r.vcs);
      expect(r.url).toMatch(/^https:\/\/[^\s]+$/);
      expect(r.rev).not.toBe('');
      expect(r.subdir).toMatch(/^([^/\s][^\s]*)?$/);
      expect(r.h1).toMatch(/^h1:[A-Za-z0-9+/]{43}=$/);
      const keys = Object.keys(r.zip_sha256_by_go_version).sort();
      expect([['!go1.27', 'go1.27'], ['any']]).toContainEqual(keys);
      for (const v of Object.values(r.zip_sha256_by_go_version))
        expect(v).toMatch(/^[0-9a-f]{64}$/);
    });
  }
  it.skip('reproduces each h1 from the repository (needs network: clones from GitHub, go.googlesource.com, vcs-test.golang.org)', () => {
    // Intentionally not run: tests may only use loopback servers.
  });
});

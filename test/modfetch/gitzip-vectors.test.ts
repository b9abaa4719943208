// Replays vectors/gitzip/cases.json: the nine recorded repositories are
// rebuilt byte for byte and every recorded `go mod download` result (made by
// go1.19.8) must come out of our pipeline exactly. Needs git, not go.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { openRepo } from '../../src/git/index.js';
import { buildModule, gitCodeHost } from '../../src/modfetch/index.js';
import { gitzipDownloadVectors, rebuildGitzipRepos } from '../support/git-fixture.js';
import { tempDir } from '../support/temp-dir.js';

const downloads = gitzipDownloadVectors();

let tmp = '';
let repos = new Map<string, string>();

beforeAll(async () => {
  tmp = await tempDir('modseal-gitzip-');
  repos = await rebuildGitzipRepos(tmp);
});

describe('gitzip vectors', () => {
  it('has the 27 recorded downloads', () => {
    expect(downloads).toHaveLength(27);
  });

  for (const d of downloads) {
    it(d.query, async () => {
      const at = d.query.lastIndexOf('@');
      const modulePath = d.query.slice(0, at);
      const query = d.query.slice(at + 1);
      // Module paths are example.com/NAME.git[/sub]: the repository root
      // import path ends at the .git qualifier.
      const m = /^(example\.com\/([a-z])\.git)/.exec(modulePath);
      if (m === null) throw new Error(`unexpected module path ${modulePath}`);
      const [, codeRoot = '', name = ''] = m;
      const repo = await openRepo(repos.get(name) ?? '');
      const got = await buildModule(gitCodeHost(repo), { modulePath, codeRoot, query });

      expect(got.error).toBe(d.Error);
      expect(got.version).toBe(d.Version);
      expect(got.goModSum).toBe(d.GoModSum);
      if (d.mod_file_utf8 !== undefined) {
        expect(got.goMod?.toString('utf8')).toBe(d.mod_file_utf8);
      }
      expect(got.sum).toBe(d.Sum);
      if (d.zip_entries_in_order !== undefined) {
        const prefix = `${d.Path}@${d.Version}/`;
        const ours = (got.files?.kept ?? []).map((f) => ({
          name: prefix + f.path,
          sha256: f.sha256,
        }));
        expect(ours).toEqual(
          d.zip_entries_in_order.map((e) => ({ name: e.name, sha256: e.sha256 })),
        );
      }
    });
  }

  it('hashes a recorded entry the way the vector content says', () => {
    // Guards the vector reading above: the recorded sha256 is of the recorded content.
    const e = downloads[0]?.zip_entries_in_order?.[0] as
      { sha256: string; content_utf8?: string } | undefined;
    expect(e?.content_utf8).toBeDefined();
    expect(
      createHash('sha256')
        .update(e?.content_utf8 ?? '')
        .digest('hex'),
    ).toBe(e?.sha256);
  });
});

// The LocalRepo port over a git repository: what lint and scan will read of
// a revision (its modules, their go.mod files and files, the version tags per
// module) and the gate's rebuild of the very tag it is asked for. Expected
// values come from the fixture's own description, never from the code under
// test.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalRepo } from '../../src/checks/ports.js';
import { openRepo } from '../../src/git/index.js';
import { InputError } from '../../src/internal/errors.js';
import { gitLocalRepo } from '../../src/wire/index.js';
import { createFixtureRepo, git } from '../support/git-fixture.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT_MOD = 'module example.com/multi\n\ngo 1.21\n';
const SUB_MOD = 'module example.com/multi/sub\n';
const V2_MOD = 'module example.com/multi/v2\n';

describe('gitLocalRepo', () => {
  let dir: string;
  let commits: string[];
  let local: LocalRepo;

  beforeAll(async () => {
    dir = path.join(await tempDir('modseal-localrepo-'), 'repo');
    ({ commits } = await createFixtureRepo(dir, [
      {
        files: [
          { path: 'go.mod', content: ROOT_MOD },
          { path: 'm.go', content: 'package multi\n' },
          { path: 'sub/go.mod', content: SUB_MOD },
          { path: 'sub/s.go', content: 'package sub\n' },
          { path: 'sub/inner/run.sh', content: '#!/bin/sh\n', mode: '100755' },
          { path: 'sub/link', content: 's.go', mode: '120000' },
        ],
        tags: ['v1.0.0', 'sub/v1.0.0', 'sub/v1.1', 'notes'],
      },
      {
        files: [
          { path: 'go.mod', content: ROOT_MOD },
          { path: 'm.go', content: 'package multi // 2\n' },
          { path: 'sub/go.mod', content: SUB_MOD },
          { path: 'sub/s.go', content: 'package sub\n' },
          { path: 'v2/go.mod', content: V2_MOD },
          { path: 'v2/m.go', content: 'package multi\n' },
          { path: 'nomodule/go.mod', content: 'go 1.21\n' },
        ],
        tags: ['v1.1.0', 'sub/v1.2.0', 'v2.0.0'],
      },
    ]));
    local = gitLocalRepo(await openRepo(dir));
  });

  it('lists the version tags per module directory, marking the ones Go would not list', async () => {
    const byDir = async (d?: string) =>
      (await local.versionTags(d)).map((t) => [t.name, t.codeDir, t.version, t.canonical]).sort();
    expect(await byDir('sub')).toEqual([
      ['sub/v1.0.0', 'sub', 'v1.0.0', true],
      ['sub/v1.1', 'sub', 'v1.1', false],
      ['sub/v1.2.0', 'sub', 'v1.2.0', true],
    ]);
    expect((await byDir('')).map((t) => t[0])).toEqual(['v1.0.0', 'v1.1.0', 'v2.0.0']);
    // `notes` is no version tag at all.
    expect((await byDir()).map((t) => t[0])).not.toContain('notes');
    const [v110] = await local.versionTags('').then((ts) => ts.filter((t) => t.name === 'v1.1.0'));
    expect(v110?.commit).toBe(commits[1]);
  });

  it('lists the modules of a revision with the path each go.mod declares', async () => {
    const mods = async (rev: string) =>
      (await local.modules(rev)).map((m) => [m.dir, m.modulePath]).sort();
    expect(await mods(commits[0]!)).toEqual([
      ['', 'example.com/multi'],
      ['sub', 'example.com/multi/sub'],
    ]);
    expect(await mods('v1.1.0')).toEqual([
      ['', 'example.com/multi'],
      ['nomodule', ''],
      ['sub', 'example.com/multi/sub'],
      ['v2', 'example.com/multi/v2'],
    ]);
  });

  it('reads a go.mod as committed, and says when there is none', async () => {
    expect((await local.goMod('v1.1.0', 'v2'))?.toString()).toBe(V2_MOD);
    expect(await local.goMod('v1.0.0', 'v2')).toBeUndefined();
  });

  it('lists the files below a directory with their kinds and committed bytes', async () => {
    const files = await local.files('v1.0.0', 'sub');
    expect(files.map((f) => [f.path, f.kind]).sort()).toEqual([
      ['go.mod', 'regular'],
      ['inner/run.sh', 'executable'],
      ['link', 'symlink'],
      ['s.go', 'regular'],
    ]);
    const link = files.find((f) => f.path === 'link');
    expect((await link?.read())?.toString()).toBe('s.go');
    const expected = await git(dir, ['cat-file', 'blob', 'v1.0.0:sub/s.go']);
    expect(await files.find((f) => f.path === 's.go')?.read()).toEqual(expected);
  });

  it('rebuilds the tag it is asked for (the port no longer ignores its argument)', async () => {
    const root = await local.build('v1.1.0');
    const sub = await local.build('refs/tags/sub/v1.0.0');
    expect([root.modulePath, root.version, root.commit]).toEqual([
      'example.com/multi',
      'v1.1.0',
      commits[1],
    ]);
    expect([sub.modulePath, sub.version, sub.tag, sub.commit, sub.goModPath]).toEqual([
      'example.com/multi/sub',
      'v1.0.0',
      'sub/v1.0.0',
      commits[0],
      'sub/go.mod',
    ]);
    // Only canonical versions of the same module count as tagged versions.
    expect([...(sub.existingVersions ?? [])].sort()).toEqual(['v1.0.0', 'v1.2.0']);
  });

  it('reports a tag Go never lists as a version error, and a missing tag as an input error', async () => {
    const odd = await local.build('sub/v1.1');
    expect(odd.versionError?.text).toContain('is not canonical (should be "v1.1.0")');
    expect(odd.zipError).toBeUndefined();
    await expect(local.build('v9.9.9')).rejects.toBeInstanceOf(InputError);
    await expect(local.build('notes')).rejects.toThrow('is not a module version tag');
  });
});

// Which .go files belong to a module's packages, judged by `go list ./...`:
// the directories it lists (testdata, `.`/`_` directories, vendor
// subdirectories, nested modules and go.mod `ignore` directives pruned) and,
// in each, every .go file go/build knows of (built, test, external test,
// excluded by constraints, unparsable). One deliberate difference, checked
// here too: a directory whose every file is excluded by `//go:build ignore`
// is no package to `./...`, but its files are still the module's code.
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isIgnoredDir, isTestFile, moduleGoFiles } from '../../src/imports/index.js';
import { parse } from '../../src/modfile/index.js';
import { describeWithGo } from '../oracle/go-env.js';
import { tempDir } from '../support/temp-dir.js';
import { ageTree, goListJson } from './go-list.js';

const GO_MOD = `module example.com/sel

go 1.25

ignore (
	./ig1
	ig2
	ig3/sub
	"./quoted dir"
)
`;

const plain = (pkg: string): string => `package ${pkg}\n`;

// Every directory meant to be a package has a file go/build builds on any
// platform, so that go list lists it.
const FILES: Record<string, string> = {
  'go.mod': GO_MOD,
  'a.go': plain('sel'),
  'a_test.go': plain('sel'),
  'b_ext_test.go': plain('sel_test'),
  '_x.go': plain('sel'),
  '.y.go': plain('sel'),
  'z_windows.go': plain('sel'),
  'ig.go': '//go:build ignore\n\npackage sel\n',
  'doc.go': plain('documentation'),
  'bad.go': 'package sel\nimport "a\n',
  'notes.txt': 'not Go\n',
  'upper.GO': plain('sel'),
  'sub/b.go': plain('sub'),
  'sub/testdata/t.go': plain('t'),
  'testdata/t.go': plain('t'),
  '_under/u.go': plain('u'),
  '.dot/d.go': plain('d'),
  'vendor/v.go': plain('vendor'),
  'vendor/sub/w.go': plain('w'),
  'a/a.go': plain('a'),
  'a/vendor/x.go': plain('vendor'),
  'a/vendor/y/z.go': plain('z'),
  'nested/go.mod': 'module example.com/sel/nested\n',
  'nested/n.go': plain('n'),
  'nested/deeper/m.go': plain('m'),
  'ig1/x.go': plain('x'),
  'ig1/below/x.go': plain('x'),
  'ig1x/x.go': plain('x'),
  'deep/ig2/y.go': plain('y'),
  'deep/ig2x/y.go': plain('y'),
  'a/ig3/sub/q.go': plain('q'),
  'a/ig3/r.go': plain('r'),
  'ig3/sub/s.go': plain('s'),
  'quoted dir/x.go': plain('x'),
  'mixed/m.go': plain('mixed'),
  'mixed/m_linux_test.go': plain('mixed'),
  'mixed/n_plan9.go': '//go:build plan9\n\npackage mixed\n',
  'dir.with.dots/x.go': plain('x'),
};

/** Files Go's walk leaves out of `./...` packages although we read them. */
const ONLY_OURS: Record<string, string> = {
  'onlyignored/x.go': '//go:build ignore\n\npackage onlyignored\n',
};

interface Listed {
  Dir: string;
  GoFiles?: string[];
  CgoFiles?: string[];
  TestGoFiles?: string[];
  XTestGoFiles?: string[];
  IgnoredGoFiles?: string[];
  InvalidGoFiles?: string[];
}

describeWithGo('moduleGoFiles agrees with go list ./...', () => {
  let root = '';
  let listed: string[] = [];

  beforeAll(async () => {
    root = await tempDir('modseal-modfiles-');
    const mod = path.join(root, 'mod');
    for (const [rel, text] of Object.entries({ ...FILES, ...ONLY_OURS })) {
      await fs.mkdir(path.dirname(path.join(mod, rel)), { recursive: true });
      await fs.writeFile(path.join(mod, rel), text);
    }
    await ageTree(mod);
    const packages = await goListJson<Listed>(root, mod, [
      '-e',
      '-json=Dir,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles,IgnoredGoFiles,InvalidGoFiles',
      './...',
    ]);
    for (const p of packages) {
      const dir = path.relative(mod, p.Dir).split(path.sep).join('/');
      const names = new Set([
        ...(p.GoFiles ?? []),
        ...(p.CgoFiles ?? []),
        ...(p.TestGoFiles ?? []),
        ...(p.XTestGoFiles ?? []),
        ...(p.IgnoredGoFiles ?? []),
        ...(p.InvalidGoFiles ?? []),
      ]);
      for (const n of names) listed.push(dir === '' ? n : `${dir}/${n}`);
    }
    listed = listed.sort();
  }, 120_000);

  it('selects the files of the packages go list walks to', () => {
    const ignore = parse('go.mod', GO_MOD).ignore.map((s) => s.path);
    expect(ignore).toEqual(['./ig1', 'ig2', 'ig3/sub', './quoted dir']);
    const ours = moduleGoFiles(Object.keys(FILES), { ignore }).sort();
    expect(ours).toEqual(listed);
    // The fixture exercises each rule: files the walk reaches and ones it prunes.
    expect(listed).toContain('a/vendor/x.go');
    expect(listed).toContain('ig1x/x.go');
    expect(listed).not.toContain('quoted dir/x.go');
    expect(listed.length).toBeGreaterThan(15);
  });

  it('also reads a directory whose files all carry //go:build ignore, which ./... skips', () => {
    expect(listed.some((f) => f.startsWith('onlyignored/'))).toBe(false);
    expect(moduleGoFiles(Object.keys(ONLY_OURS))).toEqual(['onlyignored/x.go']);
  });
});

describe('isTestFile and isIgnoredDir', () => {
  it('takes _test.go by name only', () => {
    expect(isTestFile('a/x_test.go')).toBe(true);
    expect(isTestFile('x_test.go')).toBe(true);
    expect(isTestFile('a_test/x.go')).toBe(false);
    expect(isTestFile('x_test.go.txt')).toBe(false);
  });

  it('matches ./ paths from the root and other paths at any depth, by whole elements', () => {
    expect(isIgnoredDir('', ['./'])).toBe(false);
    expect(isIgnoredDir('a', ['./'])).toBe(true);
    expect(isIgnoredDir('a/b', ['./a'])).toBe(true);
    expect(isIgnoredDir('x/a', ['./a'])).toBe(false);
    expect(isIgnoredDir('x/a/b', ['a'])).toBe(true);
    expect(isIgnoredDir('x/ab', ['a'])).toBe(false);
    expect(isIgnoredDir('x/a/b/c', ['a/b'])).toBe(true);
    expect(isIgnoredDir('x/a/bc', ['a/b'])).toBe(false);
  });

  it('prunes below a nested module and below vendor subdirectories only', () => {
    const files = [
      'go.mod',
      'x.go',
      'm/go.mod',
      'm/a.go',
      'm/b/c.go',
      'vendor/v.go',
      'vendor/go.mod.go',
      'vendor/w/x.go',
      'vendor/vendor/y.go',
      'p/go.mod/q.go',
    ];
    expect(moduleGoFiles(files)).toEqual([
      'x.go',
      'vendor/v.go',
      'vendor/go.mod.go',
      'p/go.mod/q.go',
    ]);
  });
});

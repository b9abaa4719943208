// The modules of a tree, their tag prefixes, the --next tags and the implied
// next version: the lint's own conventions (DESIGN "Pull-request lint"),
// spelled out by hand. Where they rest on the go command's behaviour (the
// prefix of a major subdirectory, which tags are versions), the go command
// is asked in layout-go.test.ts.
import { describe, expect, it } from 'vitest';
import {
  assignNextTags,
  columnAtOffset,
  columnOfRune,
  latestOfLine,
  lineTags,
  modulesOfTree,
  nextVersionFor,
  parseNextTag,
  tagsToInspect,
  versionsOfPrefix,
  type NextTag,
} from '../../src/checks/lint/index.js';

describe('modulesOfTree', () => {
  it('finds every go.mod outside vendor/ and testdata/, with its tag prefix', () => {
    expect(
      modulesOfTree([
        'sub/v2/go.mod',
        'go.mod',
        'a.go',
        'v2/go.mod',
        'sub/go.mod',
        'x/v1/go.mod',
        'x/v10/go.mod',
        'x/v02/go.mod',
        'vendor/example.com/y/go.mod',
        'deep/testdata/go.mod',
        'go.mod.bak',
        'notgo.mod',
      ]),
    ).toEqual([
      { dir: '', goModFile: 'go.mod', tagPrefix: '' },
      { dir: 'sub', goModFile: 'sub/go.mod', tagPrefix: 'sub/' },
      { dir: 'sub/v2', goModFile: 'sub/v2/go.mod', tagPrefix: 'sub/' },
      { dir: 'v2', goModFile: 'v2/go.mod', tagPrefix: '' },
      { dir: 'x/v02', goModFile: 'x/v02/go.mod', tagPrefix: 'x/v02/' },
      { dir: 'x/v1', goModFile: 'x/v1/go.mod', tagPrefix: 'x/v1/' },
      { dir: 'x/v10', goModFile: 'x/v10/go.mod', tagPrefix: 'x/' },
    ]);
  });

  it('an empty tree has no module', () => {
    expect(modulesOfTree([])).toEqual([]);
  });
});

describe('--next tags', () => {
  it('splits a tag into prefix and version', () => {
    expect(parseNextTag('api/v2.0.0')).toEqual({
      tag: 'api/v2.0.0',
      prefix: 'api/',
      version: 'v2.0.0',
    });
    expect(parseNextTag('refs/tags/v1.2.3-rc.1')).toEqual({
      tag: 'v1.2.3-rc.1',
      prefix: '',
      version: 'v1.2.3-rc.1',
    });
    // Valid but not canonical: a version-invalid finding, not an input error.
    expect(parseNextTag('v1.2')).toEqual({ tag: 'v1.2', prefix: '', version: 'v1.2' });
  });

  it('refuses what is no version tag at all', () => {
    for (const bad of [
      '',
      'main',
      'api/',
      'v1.2.3/',
      '1.2.3',
      '/v1.0.0',
      'a//v1.0.0',
      'api/latest',
    ]) {
      const got = parseNextTag(bad);
      expect('error' in got, bad).toBe(true);
    }
  });

  const modules = [
    { dir: '', tagPrefix: '', modulePath: 'example.com/r' },
    { dir: 'v2', tagPrefix: '', modulePath: 'example.com/r/v2' },
    { dir: 'sub', tagPrefix: 'sub/', modulePath: 'example.com/r/sub' },
    { dir: 'sub/v3', tagPrefix: 'sub/', modulePath: 'example.com/r/sub/v3' },
    { dir: 'api', tagPrefix: 'api/', modulePath: 'example.com/r/api/v4' },
  ];
  const tag = (t: string): NextTag => parseNextTag(t) as NextTag;

  it('gives each tag to the module of its prefix, told apart by the major', () => {
    const got = assignNextTags(modules, ['v1.0.0', 'v2.0.0', 'sub/v3.1.0', 'api/v2.0.0'].map(tag));
    expect(got.errors).toEqual([]);
    expect(Object.fromEntries([...got.byDir].map(([d, t]) => [d, t.tag]))).toEqual({
      '': 'v1.0.0',
      v2: 'v2.0.0',
      'sub/v3': 'sub/v3.1.0',
      // The only module of api/: its /v4 path makes this tag version-invalid.
      api: 'api/v2.0.0',
    });
  });

  it('a v2+ tag no major subdirectory claims goes to the module in the prefix directory', () => {
    const got = assignNextTags(modules, [tag('sub/v2.0.0'), tag('v5.0.0')]);
    expect(got.byDir.get('sub')?.tag).toBe('sub/v2.0.0');
    expect(got.byDir.get('')?.tag).toBe('v5.0.0');
  });

  it('a tag of no module, and two tags of one module, are input errors', () => {
    const got = assignNextTags(modules, ['nope/v1.0.0', 'sub/v1.0.0', 'sub/v1.1.0'].map(tag));
    expect(got.errors).toHaveLength(2);
    expect(got.errors[0]).toContain('--next nope/v1.0.0');
    expect(got.errors[1]).toContain('--next sub/v1.0.0 and --next sub/v1.1.0');
  });
});

describe('the next version', () => {
  const m = (modulePath: string, tagPrefix = '') => ({ modulePath, tagPrefix });

  it('the next minor of the latest tag of the line', () => {
    expect(nextVersionFor(m('example.com/r'), ['v1.0.0', 'v1.4.2', 'v1.10.0', 'v0.9.0'])).toEqual({
      version: 'v1.11.0',
      tag: 'v1.11.0',
      implied: true,
    });
    expect(nextVersionFor(m('example.com/r/sub', 'sub/'), ['v0.3.1'])?.tag).toBe('sub/v0.4.0');
  });

  it('the release of the latest prerelease', () => {
    expect(
      nextVersionFor(m('example.com/r/v2'), ['v1.9.0', 'v2.0.0-rc.2', 'v2.0.0-rc.10'])?.version,
    ).toBe('v2.0.0');
  });

  it('a major bump in progress: vN.0.0', () => {
    expect(nextVersionFor(m('example.com/r/v3'), ['v1.0.0', 'v2.5.0'])?.version).toBe('v3.0.0');
    expect(nextVersionFor(m('gopkg.in/yaml.v3'), ['v2.4.0'])?.version).toBe('v3.0.0');
  });

  it('ignores tags the go command ignores', () => {
    expect(
      nextVersionFor(m('example.com/r'), [
        'v1.2',
        'v1.9.0+meta',
        'v1.0.0-20200101000000-abcdefabcdef',
        'v1.0.0',
      ]),
    )?.toMatchObject({ version: 'v1.1.0' });
  });

  it('none without a tag of the line and without a major suffix', () => {
    expect(nextVersionFor(m('example.com/r'), [])).toBeUndefined();
    expect(nextVersionFor(m('gopkg.in/yaml.v1'), [])).toBeUndefined();
  });

  it('a --next tag wins', () => {
    const given = parseNextTag('v1.0.1') as NextTag;
    expect(nextVersionFor(m('example.com/r'), ['v1.4.0'], given)).toEqual({
      version: 'v1.0.1',
      tag: 'v1.0.1',
      implied: false,
    });
  });

  it('v2+ tags of a path without suffix belong to it unless another module claims them', () => {
    const versions = ['v1.0.0', 'v2.0.0', 'v3.0.0'];
    expect(tagsToInspect('example.com/r', versions)).toEqual(['v2.0.0', 'v3.0.0']);
    expect(tagsToInspect('example.com/r/v2', versions)).toEqual([]);
    expect(lineTags('example.com/r', versions)).toEqual(versions);
    expect(lineTags('example.com/r', versions, { otherMajors: ['v2'] })).toEqual([
      'v1.0.0',
      'v3.0.0',
    ]);
    const at: Record<string, string | null> = { 'v2.0.0': 'example.com/r/v2', 'v3.0.0': null };
    expect(lineTags('example.com/r', versions, { pathAtTag: (v) => at[v] })).toEqual([
      'v1.0.0',
      'v3.0.0',
    ]);
    expect(lineTags('example.com/r/v2', versions)).toEqual(['v2.0.0']);
    expect(latestOfLine('example.com/r', versions, { otherMajors: ['v2', 'v3'] })).toBe('v1.0.0');
  });

  it('versionsOfPrefix takes the tags of exactly that prefix', () => {
    expect(
      versionsOfPrefix(
        ['v1.0.0', 'sub/v1.0.0', 'sub/x/v1.0.0', 'refs/tags/sub/v2.0.0', 'sub/latest'],
        'sub/',
      ),
    ).toEqual(['v1.0.0', 'v2.0.0']);
    expect(versionsOfPrefix(['v1.0.0', 'sub/v1.0.0'], '')).toEqual(['v1.0.0']);
  });
});

describe('columns', () => {
  // UTF-16 columns computed from the JavaScript string itself.
  const text = 'ab\n\tü𝔵 "x"\n';
  const bytes = Buffer.from(text);
  const quoteUtf16 = text.split('\n')[1]!.indexOf('"') + 1;

  it('from a byte offset', () => {
    expect(columnAtOffset(bytes, bytes.indexOf('"'))).toBe(quoteUtf16);
    expect(columnAtOffset(bytes, 0)).toBe(1);
    // A byte order mark is not part of line 1.
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('import "x"')]);
    expect(columnAtOffset(bom, bom.indexOf('"'))).toBe(8);
  });

  it('from a rune column', () => {
    // The quote is the fifth rune of line 2 (tab, ü, 𝔵, space, quote).
    expect(columnOfRune(bytes, 2, 5)).toBe(quoteUtf16);
    expect(columnOfRune(bytes, 2, 1)).toBe(1);
    expect(columnOfRune(bytes, 1, 5)).toBe(5);
    expect(columnOfRune(bytes, 9, 3)).toBe(3);
  });

  it('an invalid byte is one character, as Go decodes it', () => {
    const bad = Buffer.from([0x61, 0xff, 0xfe, 0x22]);
    expect(columnAtOffset(bad, 3)).toBe(4);
  });
});

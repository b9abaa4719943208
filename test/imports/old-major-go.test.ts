// Which module an import belongs to is the go command's call: it resolves an
// import path to the module in the build list with the longest path prefix
// that provides the package. Here a main module at a new major requires its
// own older majors, a higher major, a look-alike (`example.com/mother`) and
// a module nested under the old path (`example.com/m/tools`), all from
// local replacements; `go list -deps` says which module provides each
// import, and oldMajorImports must flag exactly those of an older major.
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  oldMajorImports,
  oldMajorModule,
  readImports,
  type GoImport,
} from '../../src/imports/index.js';
import { describeWithGo } from '../oracle/go-env.js';
import { tempDir } from '../support/temp-dir.js';
import { ageTree, goListJson } from './go-list.js';

interface Dep {
  path: string;
  version: string;
  /** Package directories of the module ('' is its root). */
  pkgs: string[];
}

interface Layout {
  main: string;
  /** Directories of the main module's own packages. */
  own: string[];
  deps: Dep[];
  /** The modules that are older majors of the main module. */
  older: string[];
  /** What the main module's package `a` imports. */
  imports: string[];
}

const layouts: Layout[] = [
  {
    main: 'example.com/m/v3',
    own: ['own'],
    deps: [
      {
        path: 'example.com/m',
        version: 'v1.0.0',
        pkgs: ['', 'foo', 'v1/x', 'v02/y', 'v2.0/z', 'vv/w'],
      },
      { path: 'example.com/m/v2', version: 'v2.0.0', pkgs: ['', 'bar', 'bar/baz'] },
      { path: 'example.com/m/v4', version: 'v4.0.0', pkgs: [''] },
      { path: 'example.com/mother', version: 'v1.0.0', pkgs: ['', 'x'] },
      { path: 'example.com/m/tools', version: 'v1.0.0', pkgs: ['', 't'] },
    ],
    older: ['example.com/m', 'example.com/m/v2'],
    imports: [
      'example.com/m',
      'example.com/m/foo',
      'example.com/m/v1/x',
      'example.com/m/v02/y',
      'example.com/m/v2.0/z',
      'example.com/m/vv/w',
      'example.com/m/v2',
      'example.com/m/v2/bar',
      'example.com/m/v2/bar/baz',
      'example.com/m/v3/own',
      'example.com/m/v4',
      'example.com/mother',
      'example.com/mother/x',
      'example.com/m/tools',
      'example.com/m/tools/t',
      'fmt',
    ],
  },
  {
    main: 'gopkg.in/yaml.v3',
    own: ['own'],
    deps: [
      { path: 'gopkg.in/yaml.v2', version: 'v2.0.0', pkgs: ['', 'sub'] },
      { path: 'gopkg.in/yaml.v1', version: 'v1.0.0', pkgs: [''] },
      { path: 'gopkg.in/yaml.v0', version: 'v0.1.0', pkgs: [''] },
      { path: 'gopkg.in/yaml.v4', version: 'v4.0.0', pkgs: [''] },
      { path: 'gopkg.in/yamlx.v2', version: 'v2.0.0', pkgs: [''] },
      { path: 'gopkg.in/user/yaml.v2', version: 'v2.0.0', pkgs: [''] },
    ],
    older: ['gopkg.in/yaml.v2', 'gopkg.in/yaml.v1', 'gopkg.in/yaml.v0'],
    imports: [
      'gopkg.in/yaml.v2',
      'gopkg.in/yaml.v2/sub',
      'gopkg.in/yaml.v1',
      'gopkg.in/yaml.v0',
      'gopkg.in/yaml.v3/own',
      'gopkg.in/yaml.v4',
      'gopkg.in/yamlx.v2',
      'gopkg.in/user/yaml.v2',
    ],
  },
];

async function write(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
}

function pkgName(dir: string, modulePath: string): string {
  const last = (dir === '' ? modulePath : dir).split('/').pop() ?? 'p';
  return 'p' + last.replace(/[^a-z0-9]/g, '');
}

interface ListedDep {
  ImportPath: string;
  Module?: { Path: string };
  Error?: { Err: string };
}

describeWithGo('oldMajorImports agrees with the go command on which module an import is', () => {
  const resolved = new Map<string, Map<string, string>>();
  const read = new Map<string, GoImport[]>();

  beforeAll(async () => {
    const root = await tempDir('modseal-oldmajor-');
    for (const [li, l] of layouts.entries()) {
      const base = path.join(root, `l${li}`);
      const mod = path.join(base, 'main');
      let goMod = `module ${l.main}\n\ngo 1.25\n\nrequire (\n`;
      for (const d of l.deps) goMod += `\t${d.path} ${d.version}\n`;
      goMod += ')\n\nreplace (\n';
      for (const [di, d] of l.deps.entries()) goMod += `\t${d.path} ${d.version} => ../dep${di}\n`;
      goMod += ')\n';
      await write(path.join(mod, 'go.mod'), goMod);
      for (const [di, d] of l.deps.entries()) {
        const dir = path.join(base, `dep${di}`);
        await write(path.join(dir, 'go.mod'), `module ${d.path}\n\ngo 1.25\n`);
        for (const p of d.pkgs) {
          await write(path.join(dir, p, 'p.go'), `package ${pkgName(p, d.path)}\n`);
        }
      }
      for (const p of l.own)
        await write(path.join(mod, p, 'p.go'), `package ${pkgName(p, l.main)}\n`);
      const src = 'package a\n\nimport (\n' + l.imports.map((i) => `\t_ "${i}"\n`).join('') + ')\n';
      await write(path.join(mod, 'a', 'a.go'), src);
      const got = readImports(Buffer.from(src));
      expect(got.error).toBeUndefined();
      read.set(l.main, got.imports);

      await ageTree(base);
      const byImport = new Map<string, string>();
      for (const p of await goListJson<ListedDep>(root, mod, [
        '-e',
        '-deps',
        '-json=ImportPath,Module,Error',
        './a',
      ])) {
        if (p.Error !== undefined) throw new Error(`go list: ${p.ImportPath}: ${p.Error.Err}`);
        byImport.set(p.ImportPath, p.Module?.Path ?? 'std');
      }
      resolved.set(l.main, byImport);
    }
  }, 120_000);

  for (const l of layouts) {
    it(`flags imports of older majors of ${l.main}`, () => {
      const byImport = resolved.get(l.main)!;
      const imports = read.get(l.main)!;
      const others = l.deps.map((d) => d.path);
      const found = oldMajorImports([{ file: 'a/a.go', imports }], l.main, {
        otherModules: others,
      });
      const ours = new Map(found.map((f) => [f.import.path, f.oldModule]));
      const goSays = new Map<string, string>();
      for (const imp of imports) {
        const owner = byImport.get(imp.path);
        expect(owner, imp.path).toBeDefined();
        if (l.older.includes(owner!)) goSays.set(imp.path, owner!);
      }
      expect(ours).toEqual(goSays);
      expect(goSays.size).toBeGreaterThan(2);
      for (const f of found) {
        // The fix: the same package under the module's own path.
        expect(f.replacement.startsWith(l.main)).toBe(true);
        expect(f.replacement.slice(l.main.length)).toBe(f.import.path.slice(f.oldModule.length));
        expect(f.file).toBe('a/a.go');
      }
    });
  }

  it('needs the other modules to tell a nested module from the old major', () => {
    const imports = read.get('example.com/m/v3')!;
    const tools = imports.filter((i) => i.path.startsWith('example.com/m/tools'));
    expect(tools).toHaveLength(2);
    expect(resolved.get('example.com/m/v3')!.get('example.com/m/tools/t')).toBe(
      'example.com/m/tools',
    );
    // Without being told of example.com/m/tools, its packages look like the v1 module's.
    expect(oldMajorImports([{ file: 'a.go', imports: tools }], 'example.com/m/v3')).toHaveLength(2);
  });
});

describe('oldMajorModule', () => {
  it('has no older major for a v0/v1 path or an invalid one', () => {
    expect(oldMajorModule('example.com/m/v2', 'example.com/m')).toBeUndefined();
    expect(oldMajorModule('example.com/m', 'example.com/m/v1')).toBeUndefined();
    expect(oldMajorModule('example.com/m', 'example.com/m/v02')).toBeUndefined();
  });

  it('compares majors as numbers', () => {
    expect(oldMajorModule('example.com/m/v9/x', 'example.com/m/v10')).toBe('example.com/m/v9');
    expect(oldMajorModule('example.com/m/v10', 'example.com/m/v9')).toBeUndefined();
    expect(oldMajorModule('example.com/m/v11', 'example.com/m/v100')).toBe('example.com/m/v11');
  });

  it('reads gopkg.in -unstable majors', () => {
    expect(oldMajorModule('gopkg.in/yaml.v3', 'gopkg.in/yaml.v3-unstable')).toBeUndefined();
    expect(oldMajorModule('gopkg.in/yaml.v2-unstable/x', 'gopkg.in/yaml.v3')).toBe(
      'gopkg.in/yaml.v2-unstable',
    );
  });
});

describe('oldMajorImports', () => {
  const imp = (p: string, line: number): GoImport => ({
    path: p,
    line,
    column: 8,
    endColumn: 10 + p.length,
    offset: line * 100,
    endOffset: line * 100 + p.length + 2,
    literal: `"${p}"`,
  });

  it('skips package documentation files and keeps file order', () => {
    const files = [
      { file: 'doc.go', packageName: 'documentation', imports: [imp('example.com/m', 3)] },
      { file: 'b.go', packageName: 'b', imports: [imp('example.com/m/v2/x', 4), imp('fmt', 5)] },
      { file: 'a.go', imports: [imp('example.com/m', 3), imp('example.com/m/v3/y', 4)] },
    ];
    expect(
      oldMajorImports(files, 'example.com/m/v3').map((f) => [f.file, f.import.line, f.replacement]),
    ).toEqual([
      ['b.go', 4, 'example.com/m/v3/x'],
      ['a.go', 3, 'example.com/m/v3'],
    ]);
  });
});

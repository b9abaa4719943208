// Differential tests against today's x/mod itself (the oracle's, built
// offline from the local sources): directories with symlinks, vendor trees
// under the rules before and since go 1.24, nested go.mod files in any case,
// names colliding only under simple case folding, every forbidden character,
// Windows names and empty files go through x/mod's
// CreateFromDir/CheckDir/HashDir and through ours; odd zips go through
// HashZip/CheckZip/Unzip. The vendor rule depends on the module's `go` line,
// not on the toolchain, so old modules keep the old rule under today's Go.
import { mkdirSync, symlinkSync, writeFileSync, createWriteStream } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { hashDir, hashZipFile } from '../../src/dirhash/index.js';
import { encodeGoString } from '../../src/internal/go-string.js';
import {
  checkDir,
  checkZip,
  createZipFromDir,
  unzip,
  type CheckedFiles,
} from '../../src/modzip/index.js';
import { describeWithGo } from '../oracle/go-env.js';
import { formatCheckedFiles } from './format-checked.js';
import { buildZip, type RawZipEntry } from './raw-zip.js';
import { buildXmodOracle, type OracleResult, type XmodOracle } from '../oracle/xmod-zip.js';
import { tempDir } from '../support/temp-dir.js';

type Node =
  { path: string; data?: string } | { path: string; symlink: string } | { path: string; dir: true };

interface DirScenario {
  name: string;
  nodes: Node[];
  /** Skip HashDir (e.g. a symlink to a directory, which both sides fail to read). */
  noHashDir?: boolean;
}

const GO_MOD_120 = 'module example.com/m\n\ngo 1.20\n';

const dirScenarios: DirScenario[] = [
  {
    name: 'basic',
    nodes: [
      { path: 'go.mod', data: GO_MOD_120 },
      { path: 'a.go', data: 'package m\n' },
      { path: 'LICENSE', data: 'license\n' },
      { path: 'empty.go', data: '' },
      { path: 'sub/b.go', data: 'package sub\n' },
      { path: '.hg_archival.txt', data: 'x' },
      { path: '-dash.go', data: '' },
      { path: '.gitignore', data: '*.o\n' },
      { path: 'a..b.go', data: '' },
      { path: 'COM0.go', data: '' },
      { path: '~1.go', data: '' },
      { path: 'space name.go', data: '' },
      { path: 'go.mod.d/x.go', data: '' },
      { path: 'empty-dir', dir: true },
    ],
  },
  {
    name: 'vendor, go 1.20',
    nodes: [
      { path: 'go.mod', data: GO_MOD_120 },
      { path: 'vendor/modules.txt', data: '# x\n' },
      { path: 'vendor/a.go', data: 'a' },
      { path: 'vendor/x/y.go', data: 'y' },
      { path: "vendor/x/bad'name.go", data: 'y' },
      { path: 'pkg/vendor/v.go', data: 'v' },
      { path: 'pkg/vendor/deep/d.go', data: 'd' },
      { path: 'vendors/x.go', data: 'x' },
      { path: 'myvendor/x.go', data: 'x' },
      { path: 'Vendor/x/y.go', data: 'y' },
    ],
  },
  ...['1.24', '1.27', '1.24rc1', '1.24.0', '1.23.5', '1.25 // comment', 'junk'].map(
    (goLine): DirScenario => ({
      // Since go 1.24 only the root vendor folder (and modules.txt) is left
      // out; a vendor folder deeper down is ordinary content.
      name: `vendor, go ${goLine}`,
      nodes: [
        { path: 'go.mod', data: `module example.com/m\n\ngo ${goLine}\n` },
        { path: 'vendor/modules.txt', data: '# x\n' },
        { path: 'vendor/a.go', data: 'a' },
        { path: 'vendor/x/y.go', data: 'y' },
        { path: 'pkg/vendor/v.go', data: 'v' },
        { path: 'pkg/vendor/deep/d.go', data: 'd' },
        { path: 'sub/vendor/sub.txt', data: 's' },
        { path: 'Vendor/x/y.go', data: 'y' },
      ],
    }),
  ),
  {
    name: 'vendor, no go.mod',
    nodes: [
      { path: 'vendor/modules.txt', data: '# x\n' },
      { path: 'vendor/x/y.go', data: 'y' },
      { path: 'sub/vendor/sub.txt', data: 's' },
    ],
  },
  {
    name: 'nested modules',
    nodes: [
      { path: 'go.mod', data: 'module example.com/m\n' },
      { path: 'sub/GO.MOD', data: 'module example.com/m/sub\n' },
      { path: 'sub/x.go', data: 'x' },
      { path: 'sub2/go.mod', data: '' },
      { path: 'sub2/bad*name.go', data: '' },
      { path: 'sub3/go.mod/a.go', data: 'a' },
      { path: 'go.mod.x/a.go', data: 'a' },
      { path: 'deep/er/go.mod', data: 'module example.com/m/deep/er\n' },
      { path: 'deep/er/z.go', data: 'z' },
      { path: 'deep/w.go', data: 'w' },
      { path: 'sub4/go.mod', symlink: '../go.mod' },
      { path: 'sub4/y.go', data: 'y' },
    ],
  },
  {
    name: 'symlinks',
    noHashDir: true,
    nodes: [
      { path: 'a.go', data: 'package a\n' },
      { path: 'link.go', symlink: 'a.go' },
      { path: 'dirlink', symlink: 'sub' },
      { path: 'dangling', symlink: 'nowhere' },
      { path: 'sub/c.go', data: 'c' },
    ],
  },
  {
    name: 'Kelvin sign collides with K',
    nodes: [
      { path: 'K.go', data: '1' },
      { path: '\u212a.go', data: '2' },
    ],
  },
  {
    name: 'long s collides with s',
    nodes: [
      { path: 's.go', data: '1' },
      { path: '\u017f.go', data: '2' },
    ],
  },
  {
    name: 'sharp s does not collide with ss, but with capital sharp s',
    nodes: [
      { path: '\u00df.go', data: '1' },
      { path: 'ss.go', data: '2' },
      { path: 'x/\u00df.go', data: '1' },
      { path: 'x/\u1e9e.go', data: '2' },
    ],
  },
  {
    name: 'directory case collision',
    nodes: [
      { path: 'a', data: 'file' },
      { path: 'A/b.go', data: 'b' },
      { path: 'Dir/x.go', data: 'x' },
      { path: 'dir/y.go', data: 'y' },
    ],
  },
  {
    name: 'forbidden characters',
    nodes: [
      { path: 'go.mod', data: GO_MOD_120 },
      ...['"', "'", '*', '<', '>', '?', '`', '|', ':', '\\', ';', '\x01', '\x7f', '\t'].map(
        (c) => ({ path: `a${c}b.go`, data: '' }),
      ),
      { path: 'en\u2013dash.go', data: '' },
      { path: 'emoji\u{1f600}.go', data: '' },
      { path: 'e\u0301.go', data: '' },
      { path: 'full\uff08.go', data: '' },
      { path: 'digit\u0663.go', data: '' },
      { path: 'letter\u00e9\uff21\u{1d400}.go', data: '' },
      { path: 'trailing.', data: '' },
      { path: '...', data: '' },
      { path: 'bad\udcff.go', data: '' },
      { path: 'ok.go', data: '' },
    ],
  },
  {
    name: 'Windows names',
    nodes: [
      { path: 'aux.go', data: '' },
      { path: 'NUL', data: '' },
      { path: 'com1.txt', data: '' },
      { path: 'Lpt9.x.y', data: '' },
      { path: 'con', data: '' },
      { path: 'prn/x.go', data: '' },
      { path: 'auxiliary.go', data: '' },
      { path: 'LPT0.go', data: '' },
    ],
  },
  {
    name: 'go.mod letter case at the root',
    nodes: [
      { path: 'GO.MOD', data: 'module example.com/m\n' },
      { path: 'a.go', data: '' },
    ],
  },
  {
    name: 'version control directories',
    nodes: [
      { path: '.git/config', data: 'x' },
      { path: 'sub/.svn/y', data: 'y' },
      { path: '.hg/z', data: 'z' },
      { path: '.bzr/w', data: 'w' },
      { path: 'ok.go', data: 'ok' },
      { path: '.github/workflow.yml', data: 'on: push\n' },
    ],
  },
  {
    name: 'only empty files',
    nodes: [
      { path: 'a.go', data: '' },
      { path: 'b/c.go', data: '' },
      { path: 'LICENSE', data: '' },
    ],
  },
  {
    name: 'newline in a name',
    nodes: [
      { path: 'a\nb.go', data: '' },
      { path: 'ok.go', data: '' },
    ],
  },
];

interface ZipScenario {
  name: string;
  path?: string;
  version?: string;
  entries: RawZipEntry[];
  /** Go's zip reader and ours fail for different reasons here; only compare that both fail. */
  formatError?: boolean;
}

const P = 'example.com/m@v1.0.0/';
const d = (s: string) => Buffer.from(s);
const zipScenarios: ZipScenario[] = [
  {
    name: 'directory entries',
    entries: [
      { name: P, data: d('') },
      { name: P + 'sub/', data: d('') },
      { name: P + 'sub/a.go', data: d('package sub\n') },
      { name: P + 'a.go', data: d('package m\n') },
    ],
  },
  {
    name: 'duplicate names',
    entries: [
      { name: P + 'a.go', data: d('first') },
      { name: P + 'b.go', data: d('b') },
      { name: P + 'a.go', data: d('second') },
    ],
  },
  {
    name: 'prefix without slash, no prefix at all',
    entries: [
      { name: 'example.com/m@v1.0.0', data: d('') },
      { name: 'noprefix', data: d('x') },
      { name: P + 'go.mod', data: d('module example.com/m\n') },
    ],
  },
  {
    name: 'go.mod below the root, in any case',
    entries: [
      { name: P + 'go.mod', data: d('module example.com/m\n') },
      { name: P + 'sub/go.mod', data: d('module example.com/m/sub\n') },
      { name: P + 'b/GO.MOD', data: d('') },
      { name: P + 'Go.Mod', data: d('') },
    ],
  },
  {
    name: 'collisions',
    entries: [
      { name: P + 'K.go', data: d('1') },
      { name: P + '\u212a.go', data: d('2') },
      { name: P + 'x.go', data: d('') },
      { name: P + 'x.go/y.go', data: d('') },
      { name: P + 'd/', data: d('') },
      { name: P + 'D/e.go', data: d('') },
    ],
  },
  {
    name: 'unclean and invalid names',
    entries: [
      { name: P + 'not/../clean', data: d('') },
      { name: P + './a.go', data: d('') },
      { name: P + 'a//b.go', data: d('') },
      { name: P + "bad'name.go", data: d('') },
      { name: P + '\udcff.go', data: d('') },
      { name: P + 'aux.c', data: d('') },
      { name: P + 'ok.go', data: d('ok') },
    ],
  },
  {
    name: 'byte order of names (UTF-8, not UTF-16)',
    entries: [
      { name: P + '\u{1d400}.go', data: d('1') },
      { name: P + '\uff21.go', data: d('2') },
      { name: P + 'z.go', data: d('3') },
      { name: P + 'Z.go', data: d('4') },
    ],
  },
  {
    name: 'stored entries',
    entries: [
      { name: P + 'a.go', data: d('stored a'), store: true },
      { name: P + 'b.go', data: d(''), store: true },
    ],
  },
  {
    name: 'newline in a name',
    entries: [{ name: P + 'a\nb', data: d('') }],
  },
  {
    name: 'wrong CRC-32',
    formatError: true,
    entries: [{ name: P + 'a.go', data: d('package m\n'), crc: 0x12345678 }],
  },
  {
    name: 'declared size larger than the data',
    formatError: true,
    entries: [{ name: P + 'a.go', data: d('package m\n'), declaredSize: 20 }],
  },
  {
    name: 'declared size smaller than the data',
    formatError: true,
    entries: [{ name: P + 'a.go', data: d('package m\n'), declaredSize: 3 }],
  },
  {
    name: 'non-canonical version',
    version: 'v1.0',
    entries: [{ name: 'example.com/m@v1.0/a.go', data: d('') }],
  },
  {
    name: 'major version mismatch',
    path: 'example.com/m/v2',
    entries: [{ name: 'example.com/m/v2@v1.0.0/a.go', data: d('') }],
  },
];

// The oracle prints x/mod's lists, then the size error CheckFiles keeps apart.
function format(cf: CheckedFiles): Buffer {
  let s = formatCheckedFiles(cf);
  if (cf.sizeError !== undefined) s += `\nsize: ${cf.sizeError.message}\n`;
  return encodeGoString(s);
}

function bytesOf(e: unknown): Buffer {
  return encodeGoString((e as Error).message);
}

async function settle<T>(p: Promise<T>): Promise<{ value?: T; err?: Buffer }> {
  try {
    return { value: await p };
  } catch (e) {
    return { err: bytesOf(e) };
  }
}

function fsPath(root: string, rel: string): Buffer {
  return Buffer.concat([Buffer.from(root + '/'), encodeGoString(rel)]);
}

function materialize(root: string, nodes: Node[]): void {
  mkdirSync(root, { recursive: true });
  for (const n of nodes) {
    const full = fsPath(root, n.path);
    const parent = full.subarray(0, full.lastIndexOf(0x2f));
    mkdirSync(parent, { recursive: true });
    if ('symlink' in n) symlinkSync(n.symlink, full);
    else if ('dir' in n) mkdirSync(full, { recursive: true });
    else writeFileSync(full, n.data ?? '');
  }
}

async function writeOurZip(dir: string, zipPath: string): Promise<{ err?: Buffer }> {
  const out = createWriteStream(zipPath);
  const closed = new Promise<void>((resolve) => out.on('close', () => resolve()));
  const r = await settle(createZipFromDir(out, { path: 'example.com/m', version: 'v1.0.0' }, dir));
  await closed;
  return r.err === undefined ? {} : { err: r.err };
}

describeWithGo("today's x/mod differential (zip rules of the Go the mirror runs)", () => {
  let oracle: XmodOracle;
  let work: string;
  beforeAll(async () => {
    oracle = await buildXmodOracle();
    work = await tempDir('modseal-xmod-diff-');
  });

  it('directories: CreateFromDir + HashZip, CheckDir, HashDir', async () => {
    const jobs = [];
    const dirs: string[] = [];
    for (const [i, s] of dirScenarios.entries()) {
      const dir = path.join(work, `dir${i}`);
      materialize(dir, s.nodes);
      dirs.push(dir);
      const m = { path: Buffer.from('example.com/m'), version: 'v1.0.0' };
      jobs.push(
        { op: 'createFromDir' as const, ...m, dir, zip: path.join(work, `go${i}.zip`) },
        { op: 'checkDir' as const, dir },
        { op: 'hashDir' as const, dir, prefix: 'example.com/m@v1.0.0' },
        { op: 'hashZip' as const, zip: path.join(work, `ours${i}.zip`) },
      );
    }
    // Our zips first, so Go can hash them too.
    const ours: { err?: Buffer }[] = [];
    for (const [i, dir] of dirs.entries()) {
      ours.push(await writeOurZip(dir, path.join(work, `ours${i}.zip`)));
    }
    const results = await oracle.run(jobs);
    for (const [i, s] of dirScenarios.entries()) {
      const [create, check, hdir, hOurZip] = results.slice(i * 4, i * 4 + 4) as [
        OracleResult,
        OracleResult,
        OracleResult,
        OracleResult,
      ];
      const label = s.name;
      // CreateFromDir: same error text, or a zip with the same hash (which
      // Go computes on our zip too: our container must read cleanly in Go).
      expect(ours[i]!.err?.toString('latin1'), label).toBe(create.err?.toString('latin1'));
      if (create.err === undefined) {
        expect(await hashZipFile(path.join(work, `ours${i}.zip`)), label).toBe(create.hash);
        expect(hOurZip.err, label).toBeUndefined();
        expect(hOurZip.hash, label).toBe(create.hash);
      }
      const cf = await checkDir(dirs[i]!);
      expect(format(cf).toString('latin1'), label).toBe(check.report!.toString('latin1'));
      if (!s.noHashDir) {
        const h = await settle(hashDir(dirs[i]!, 'example.com/m@v1.0.0'));
        expect(h.err?.toString('latin1'), label).toBe(hdir.err?.toString('latin1'));
        if (hdir.err === undefined) expect(h.value, label).toBe(hdir.hash);
      }
    }
  });

  it('zips: HashZip, CheckZip, Unzip', async () => {
    const jobs = [];
    for (const [i, s] of zipScenarios.entries()) {
      const zip = path.join(work, `z${i}.zip`);
      writeFileSync(zip, buildZip(s.entries));
      const m = { path: Buffer.from(s.path ?? 'example.com/m'), version: s.version ?? 'v1.0.0' };
      jobs.push(
        { op: 'hashZip' as const, zip },
        { op: 'checkZip' as const, ...m, zip },
        {
          op: 'unzip' as const,
          ...m,
          zip,
          dir: path.join(work, `goout${i}`),
          prefix: `${s.path ?? 'example.com/m'}@${s.version ?? 'v1.0.0'}`,
        },
      );
    }
    const results = await oracle.run(jobs);
    for (const [i, s] of zipScenarios.entries()) {
      const [hz, cz, uz] = results.slice(i * 3, i * 3 + 3) as [
        OracleResult,
        OracleResult,
        OracleResult,
      ];
      const label = s.name;
      const zip = path.join(work, `z${i}.zip`);
      const m = { path: s.path ?? 'example.com/m', version: s.version ?? 'v1.0.0' };

      const h = await settle(hashZipFile(zip));
      if (s.formatError || hz.err !== undefined) {
        expect(h.err, label).toBeDefined();
        expect(hz.err, label).toBeDefined();
      } else {
        expect(h.err?.toString(), label).toBeUndefined();
        expect(h.value, label).toBe(hz.hash);
      }

      const c = await settle(checkZip(m, zip));
      if (c.err !== undefined) {
        expect(c.err.toString('latin1'), label).toBe(cz.err?.toString('latin1'));
      } else {
        expect(format(c.value!).toString('latin1'), label).toBe(cz.report!.toString('latin1'));
      }

      const dest = path.join(work, `ourout${i}`);
      const u = await settle(unzip(dest, m, zip));
      if (s.formatError) {
        expect(u.err, label).toBeDefined();
        expect(uz.err, label).toBeDefined();
      } else {
        expect(u.err?.toString('latin1'), label).toBe(uz.err?.toString('latin1'));
        if (uz.err === undefined) {
          expect(await hashDir(dest, `${m.path}@${m.version}`), label).toBe(uz.hash);
        }
      }
    }
  });
});

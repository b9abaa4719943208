// A seeded generator of small git repositories that combine the module zip
// and version rules (file names, vendor and nested-module pruning, symlinks,
// git attributes, LICENSE copying, v2+ layouts, +incompatible, pseudo-
// versions), with a few queries each. Only inputs come from here: every
// expected answer comes from the go command.
import type { FixtureCommit, FixtureFile } from '../support/git-fixture.js';

type Mode = '100644' | '100755' | '120000';

/** mulberry32: small, fast, and the same sequence on every platform. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const v = items[this.int(items.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }
  /** Up to `k` distinct items, in the list's order. */
  some<T>(items: readonly T[], k: number): T[] {
    const idx = new Set<number>();
    const want = Math.min(k, items.length);
    while (idx.size < want) idx.add(this.int(items.length));
    return [...idx].sort((a, b) => a - b).map((i) => items[i] as T);
  }
}

/** A pseudo-version built from the data of a commit once it exists. */
export interface PseudoSpec {
  commit: number;
  /** `v0.0.0-` (no base tag), `v1.2.4-0.` (after v1.2.3), `v1.0.0-rc.1.0.` (after a prerelease). */
  prefix: string;
  variant: 'ok' | 'time' | 'short' | 'long';
  incompatible?: boolean;
}

export interface QuerySpec {
  /** Module path after the repository root: '', '/sub', '/v2', '/sub/v2'. */
  sub: string;
  /** A literal query, a pseudo-version, or a commit hash prefix. */
  q: string | { pseudo: PseudoSpec } | { hash: number; len: number };
}

export interface GenRepo {
  seed: number;
  index: number;
  /** Last path element of the repository root (`example.com/<name>`). */
  name: string;
  root: string;
  layout: Layout;
  commits: FixtureCommit[];
  queries: QuerySpec[];
  /**
   * Extra refs made after the commits: an annotated tag of a tag, a tag of a
   * tree or blob, or a branch (`target` is then a commit index).
   */
  oddTags: { name: string; target: string; kind: OddTag }[];
}

type OddTag = 'tag-of-tag' | 'tree' | 'annotated-tree' | 'blob' | 'branch';

type Layout =
  'root' | 'sub' | 'major-branch' | 'major-subdir' | 'sub-major-subdir' | 'incompatible';
const layouts: Layout[] = [
  'root',
  'root',
  'sub',
  'major-branch',
  'major-subdir',
  'sub-major-subdir',
  'incompatible',
  'incompatible',
];

const baseTime = Date.UTC(2021, 1, 3, 4, 5, 6);

/** Committer (and author) time of commit `k`, as given to the fixture. */
export function commitTime(k: number): Date {
  return new Date(baseTime + k * 3_607_000);
}

/** `d` as ISO 8601 in a zone `minutes` east of UTC (git keeps the zone). */
function withOffset(d: Date, minutes: number): string {
  const local = new Date(d.getTime() + minutes * 60_000).toISOString().slice(0, 19);
  if (minutes === 0) return local + 'Z';
  const a = Math.abs(minutes);
  const hh = String(Math.floor(a / 60)).padStart(2, '0');
  const mm = String(a % 60).padStart(2, '0');
  return `${local}${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

function pseudoTime(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** The query string of `spec` for a repository whose commits have `hashes`. */
export function queryText(repo: GenRepo, spec: QuerySpec, hashes: string[]): string {
  const mod = repo.root + spec.sub;
  const q = spec.q;
  if (typeof q === 'string') return `${mod}@${q}`;
  if ('hash' in q) return `${mod}@${(hashes[q.hash] ?? '').slice(0, q.len)}`;
  const p = q.pseudo;
  const hash = hashes[p.commit] ?? '';
  let t = commitTime(p.commit);
  if (p.variant === 'time') t = new Date(t.getTime() + 1000);
  const rev = hash.slice(0, p.variant === 'short' ? 8 : p.variant === 'long' ? 16 : 12);
  return `${mod}@${p.prefix}${pseudoTime(t)}-${rev}${p.incompatible === true ? '+incompatible' : ''}`;
}

const show = (s: string): string => JSON.stringify(s);

/** The generated repository as text, for failure messages. */
export function describeRepo(repo: GenRepo, hashes: string[] = []): string {
  const lines = [`seed ${repo.seed} repo ${repo.index} (${repo.root}, layout ${repo.layout})`];
  for (const [k, c] of repo.commits.entries()) {
    const tags = (c.tags ?? []).map((t) => (typeof t === 'string' ? t : `${t.name} (annotated)`));
    lines.push(`commit ${k} ${hashes[k] ?? ''} at ${c.time ?? ''} tags [${tags.join(', ')}]`);
    for (const f of c.files) {
      const content = typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString();
      lines.push(`  ${f.mode ?? '100644'} ${show(f.path)} ${show(content.slice(0, 60))}`);
    }
  }
  for (const t of repo.oddTags) lines.push(`extra tag ${t.name}: ${t.kind} of ${t.target}`);
  lines.push(`queries: ${repo.queries.map((q) => queryText(repo, q, hashes)).join('  ')}`);
  return lines.join('\n');
}

// File names allowed in module zips, including the surprising ones.
const validNames = [
  'a.go',
  'b/b.go',
  'README.md',
  'doc.txt',
  'é.go',
  'ü ñ/x.go',
  '日本語.txt',
  'Ωmega.go',
  '-dash.go',
  '.hidden',
  '.github/ci.yml',
  'with space.txt',
  'PROGRA~1.txt',
  'a..b.go',
  'COM0.txt',
  'lpt0',
  'auxiliary.go',
  'x!y#z$%.txt',
  '(p)[b]{c}.go',
  'a=b@c^d&e+f,g.go',
  '_under.go',
  'ſ.txt',
  'Kelvin\u212a.go',
  'go.mod/inside.go',
  'vendors/x.go',
  'myvendor/x.go',
  'ẞ.txt',
];

// Names that make the whole zip fail (outside vendor and nested modules).
const invalidNames = [
  "it's.go",
  'a:b.go',
  'star*.go',
  'en\u2013dash.go',
  'full\uff08w\uff09.go',
  'emoji\u{1f600}.go',
  'e\u0301.go',
  'aux.go',
  'COM1.txt',
  'lpt9',
  'Nul',
  'trailing.',
  'dir./x.go',
  'q?.go',
  'lt<.go',
  'back`q.go',
  'pipe|.go',
  'back\\slash.go',
  '\u0663.go',
  'quote".go',
  'tab\there.go',
  'aux/x.go',
  'CON.tar.gz',
  'bad\udcff.go',
];

// Names that collide only under simple case folding.
const collisionGroups = [
  ['K.go', 'k.go', '\u212a.go'],
  ['s.go', '\u017f.go', 'S.go'],
  ['ß.go', '\u1e9e.go'],
  ['Dir/a.go', 'dir/b.go'],
  ['x/Y.go', 'x/y.go'],
  ['README', 'readme'],
  ['Dir', 'dir/b.go'],
];

const contents = [
  'package x\n',
  'line1\nline2\n',
  'a\r\nb\nc\n',
  'x\0y\n',
  'id: $Id$ old: $Id: stale $\n',
  '$Format:%H$\n',
  'hé\n',
  '',
];

// Extension → attribute; files with the extension are created to match.
const attrRules: [string, string, string][] = [
  ['crlf', 'text eol=crlf', 'a\nb\r\nc\n'],
  ['auto', 'text=auto eol=crlf', 'x\ny\n'],
  ['txt', 'text', 'a\r\nb\r\n'],
  ['bin', '-text', 'a\nb\n'],
  ['id', 'ident', '$Id$\n'],
  ['u16', 'text working-tree-encoding=UTF-16LE', 'hé\n'],
  ['subst', 'export-subst', '$Format:%H$\n'],
  ['ign', 'export-ignore', 'ignored\n'],
  ['lfs', 'filter=lfs diff=lfs merge=lfs -text', 'version https://git-lfs.github.com/spec/v1\n'],
];

function file(p: string, content: string, mode?: Mode): FixtureFile {
  return mode === undefined ? { path: p, content } : { path: p, content, mode };
}

type GoModVariant =
  | 'plain'
  | 'go116'
  | 'go121'
  | 'quoted'
  | 'crlf'
  | 'comments'
  | 'deprecated'
  | 'other'
  | 'nomodule'
  | 'spaced'
  | 'post'
  | 'retract';

function goModText(modPath: string, v: GoModVariant): string {
  switch (v) {
    case 'plain':
      return `module ${modPath}\n`;
    case 'go116':
      return `module ${modPath}\n\ngo 1.16\n`;
    case 'go121':
      return `module ${modPath}\n\ngo 1.21\n\nrequire example.com/dep v1.0.0\n`;
    case 'quoted':
      return `module "${modPath}"\n\ngo 1.18\n`;
    case 'crlf':
      return `module ${modPath}\r\n\r\ngo 1.17\r\n`;
    case 'comments':
      return `// leading comment\nmodule ${modPath} // trailing\n\n/* not a block */\ngo 1.20\n`;
    case 'deprecated':
      return `// Deprecated: use example.com/other instead.\nmodule ${modPath}\n\ngo 1.19\n`;
    case 'other':
      return `module example.com/other\n`;
    case 'nomodule':
      return `go 1.16\n`;
    case 'spaced':
      return `module "example.com/a b"\n`;
    case 'post':
      return `module ${modPath}/v2\n`;
    case 'retract':
      return `module ${modPath}\n\ngo 1.16\n\nretract v1.2.3 // broken\nretract [v0.1.0, v0.2.3]\n`;
  }
}

function pickGoMod(rng: Rng): GoModVariant {
  if (rng.chance(0.1)) return rng.pick<GoModVariant>(['other', 'nomodule', 'spaced', 'post']);
  return rng.pick<GoModVariant>([
    'plain',
    'go116',
    'go121',
    'quoted',
    'crlf',
    'comments',
    'deprecated',
    'retract',
  ]);
}

/**
 * The files of one module directory `dir` ('' or 'sub/…/'), without its
 * go.mod: ordinary files plus a random mix of edge cases.
 */
function moduleFiles(rng: Rng, dir: string, notes: string[]): FixtureFile[] {
  const files = new Map<string, FixtureFile>();
  const add = (p: string, content: string, mode?: Mode): void => {
    files.set(dir + p, file(dir + p, content, mode));
  };
  add('a.go', 'package a\n');
  for (const n of rng.some(validNames, 1 + rng.int(4))) add(n, rng.pick(contents));

  const profile = rng.next();
  if (profile < 0.12) {
    for (const n of rng.some(invalidNames, 1 + rng.int(2))) add(n, 'package bad\n');
    notes.push('invalid names');
  } else if (profile < 0.22) {
    for (const n of rng.some(rng.pick(collisionGroups), 2)) add(n, 'package c\n');
    notes.push('fold collision');
  }

  if (rng.chance(0.35)) {
    const vendored = [
      'vendor/modules.txt',
      'vendor/foo.go',
      'vendor/a/b.go',
      'x/vendor/v.go',
      'x/vendor/deep/d.go',
      'Vendor/a/b.go',
      "vendor/a/it's.go",
      'vendor/\udcfe/x.go',
      'pkg/vendor/aux.go',
    ];
    for (const n of rng.some(vendored, 1 + rng.int(4))) add(n, 'package v\n');
  }
  if (rng.chance(0.35)) {
    const nd = rng.pick(['nested', 'ü', 'deep/er']);
    const marker = rng.pick(['go.mod', 'GO.MOD', 'Go.Mod']);
    if (rng.chance(0.3)) add(`${nd}/${marker}`, '../go.mod', '120000');
    else add(`${nd}/${marker}`, rng.chance(0.5) ? `module example.com/nested\n` : '');
    add(`${nd}/n.go`, 'package n\n');
    if (rng.chance(0.5)) add(`${nd}/${rng.pick(invalidNames)}`, 'hidden\n');
  }
  if (rng.chance(0.25)) add('.hg_archival.txt', 'repo: 0123\n');
  if (rng.chance(0.2)) add('deep/.hg_archival.txt', 'repo: 4567\n');
  if (rng.chance(0.35)) {
    const links: [string, string][] = [
      ['link.go', 'a.go'],
      ['dirlink', 'b'],
      ['dangling', 'nope/x.go'],
      ['up.go', '../../outside.go'],
    ];
    for (const [n, t] of rng.some(links, 1 + rng.int(2))) add(n, t, '120000');
    // A symlink still takes part in the case-fold check, before it is dropped.
    if (rng.chance(0.1)) add('A.go', 'a.go', '120000');
  }
  if (rng.chance(0.25)) {
    // Byte lengths around the tar header limits (100 name, 155 prefix, pax),
    // with multi-byte letters so that characters and bytes disagree.
    const unit = rng.pick(['é', 'x', '日', 'ab']);
    // n is a byte count; elements stay far below the 255-byte file name limit.
    const n = rng.pick([33, 49, 50, 51, 52, 77, 99, 100, 101, 120, 160]);
    let long = '';
    while (Buffer.byteLength(long + unit) <= n) long += unit;
    add(rng.chance(0.5) ? `${long}.go` : `${long}/${long.slice(0, 20)}/f.go`, 'package l\n');
    if (rng.chance(0.5)) add('longlink', `${long}/${'t'.repeat(90)}`, '120000');
  }
  if (rng.chance(0.1)) add('big.txt', 'line\n'.repeat(40_000 + rng.int(30_000)));
  if (rng.chance(0.15)) add(rng.pick(['nested2/go.mod/x.go', 'a/vendor', 'xvendor/a/b.go']), 'x\n');
  if (rng.chance(0.3)) add('run.sh', '#!/bin/sh\necho hi\n', '100755');
  if (rng.chance(0.3)) add('empty.txt', '');
  if (rng.chance(0.4)) {
    const rules = rng.some(attrRules, 1 + rng.int(4));
    const lines = rules.map(([ext, attr]) => `*.${ext} ${attr}`);
    if (rng.chance(0.15)) lines.unshift('* text=auto eol=crlf');
    if (rng.chance(0.1)) lines.push('x/ export-ignore', 'b/** ident');
    if (rng.chance(0.3)) lines.push('go.mod text eol=crlf');
    if (rng.chance(0.2)) lines.push('LICENSE text eol=crlf');
    add('.gitattributes', lines.join('\n') + '\n');
    for (const [ext, , content] of rules) add(`f.${ext}`, content);
    notes.push(`attrs ${lines.join('; ')}`);
  }
  return [...files.values()];
}

type LicensePlacement = 'none' | 'root' | 'module' | 'both' | 'lower' | 'symlink' | 'root-symlink';

function licenseFiles(rng: Rng, moduleDir: string): FixtureFile[] {
  const place = rng.pick<LicensePlacement>([
    'none',
    'root',
    'root',
    'root',
    'module',
    'both',
    'both',
    'lower',
    'symlink',
    'root-symlink',
  ]);
  const out: FixtureFile[] = [];
  const rootText = rng.chance(0.5) ? 'root licence\n' : 'root licence\r\nline\n';
  if (place === 'root' || place === 'both' || place === 'lower' || place === 'symlink') {
    out.push(file('LICENSE', rootText));
  }
  if (place === 'root-symlink') {
    out.push(file('LICENSE', 'COPYING', '120000'), file('COPYING', rootText));
  }
  // The copied root LICENSE is the raw blob, whatever the attributes say.
  if (rng.chance(0.3)) out.push(file('.gitattributes', 'LICENSE text eol=crlf\n* ident\n'));
  if (moduleDir !== '') {
    if (place === 'module' || place === 'both') out.push(file(moduleDir + 'LICENSE', 'mod\n'));
    if (place === 'lower') out.push(file(moduleDir + 'license', 'lower\n'));
    if (place === 'symlink') out.push(file(moduleDir + 'LICENSE', '../LICENSE', '120000'));
  }
  return out;
}

type Tag = string | { name: string; annotated: true };

function tagOf(rng: Rng, name: string): Tag {
  return rng.chance(0.4) ? { name, annotated: true } : name;
}

const v01 = [
  'v0.1.0',
  'v0.2.3',
  'v1.0.0',
  'v1.2.3',
  'v1.0.0-rc.1',
  'v0.0.1-alpha',
  'v1.3.0-beta.2',
];

function pseudoPrefix(base: string | undefined, major: string): string {
  if (base === undefined) return `${major}.0.0-`;
  const m = /^v(\d+)\.(\d+)\.(\d+)(-[^+]*)?/.exec(base);
  if (m === null) return `${major}.0.0-`;
  if (m[4] !== undefined) return `${m[0]}.0.`;
  return `v${m[1]}.${m[2]}.${Number(m[3]) + 1}-0.`;
}

/** Generates repository `index` of the run with `seed`. */
export function generateRepo(seed: number, index: number): GenRepo {
  const rng = new Rng(seed * 7919 + index * 104_729 + 1);
  const name = `s${seed}r${index}`;
  const root = `example.com/${name}`;
  const layout = rng.pick(layouts);
  const notes: string[] = [];
  const queries: QuerySpec[] = [];
  const commits: FixtureCommit[] = [];
  const push = (files: FixtureFile[], tags: string[]): void => {
    const k = commits.length;
    const time = withOffset(commitTime(k), rng.pick([0, 0, 330, -420, 840, -720]));
    const seen = new Map(files.map((f) => [f.path, f]));
    commits.push({ files: [...seen.values()], time, tags: tags.map((t) => tagOf(rng, t)) });
  };
  const q = (sub: string, query: QuerySpec['q']): void => {
    queries.push({ sub, q: query });
  };

  switch (layout) {
    case 'root': {
      const variant = rng.chance(0.15) ? undefined : pickGoMod(rng);
      const base = moduleFiles(rng, '', notes);
      if (rng.chance(0.1)) base.push(file('GO.MOD', 'module x\n'));
      let gomod = variant === undefined ? [] : [file('go.mod', goModText(root, variant))];
      // git stores a symlink's target as its blob: Go reads that as go.mod text.
      if (variant !== undefined && rng.chance(0.1)) {
        gomod = [file('go.mod', goModText(root, variant), '120000')];
      }
      const tags = rng.some(v01, 1 + rng.int(2));
      const nCommits = 1 + rng.int(2);
      const withV2 = rng.chance(0.25);
      const named = rng.chance(0.2) ? ['release-1'] : [];
      push([...gomod, ...base], withV2 ? [...tags, 'v2.0.0', ...named] : [...tags, ...named]);
      if (nCommits > 1) push([...gomod, ...base, file('c1.go', 'package c\n')], []);
      q('', rng.pick(tags));
      if (withV2) q('', rng.pick(['v2.0.0', 'v2.0.0+incompatible']));
      if (named.length > 0) q('', 'release-1');
      const last = commits.length - 1;
      const extra = rng.int(4);
      if (extra === 0) q('', 'latest');
      else if (extra === 1) q('', 'main');
      else if (extra === 2) {
        const baseTag = last > 0 ? tags.at(-1) : undefined;
        const variantP = rng.pick<PseudoSpec['variant']>(['ok', 'ok', 'time', 'short', 'long']);
        // Mostly the right base; sometimes one Go must reject (no such tag,
        // v1 without a tag, a tag on the same commit, a negative patch).
        const prefix = rng.chance(0.6)
          ? pseudoPrefix(baseTag, 'v0')
          : rng.pick([
              'v0.0.0-',
              'v1.0.0-',
              'v9.9.10-0.',
              'v1.3.0-0.',
              pseudoPrefix(tags[0], 'v0'),
            ]);
        q('', { pseudo: { commit: rng.chance(0.8) ? last : 0, prefix, variant: variantP } });
      } else q('', rng.chance(0.8) ? { hash: last, len: rng.pick([7, 12, 40]) } : 'HEAD');
      if (rng.chance(0.3)) q('', rng.pick(['latest', 'main', 'v1.9.9']));
      break;
    }
    case 'sub': {
      const dir = rng.pick(['sub', 'a/b']);
      const variant = pickGoMod(rng);
      const files = [
        file(`${dir}/go.mod`, goModText(`${root}/${dir}`, variant)),
        ...moduleFiles(rng, `${dir}/`, notes),
        ...licenseFiles(rng, `${dir}/`),
        file('root.go', 'package root\n'),
      ];
      if (rng.chance(0.5)) files.push(file('go.mod', goModText(root, 'plain')));
      if (rng.chance(0.3)) files.push(file('.hg_archival.txt', 'repo: root\n'));
      const tag = rng.pick(v01);
      push(files, [`${dir}/${tag}`, ...(rng.chance(0.3) ? [tag] : [])]);
      q(`/${dir}`, tag);
      const extra = rng.int(3);
      if (extra === 0) q(`/${dir}`, 'latest');
      else if (extra === 1) q('', tag);
      else {
        push([...files, file(`${dir}/later.go`, 'package later\n')], []);
        q(`/${dir}`, { pseudo: { commit: 1, prefix: pseudoPrefix(tag, 'v0'), variant: 'ok' } });
      }
      break;
    }
    case 'major-branch': {
      const major = rng.pick(['v2', 'v3']);
      const variant = pickGoMod(rng);
      const files = [
        file('go.mod', goModText(`${root}/${major}`, variant)),
        ...moduleFiles(rng, '', notes),
      ];
      const tag = `${major}.${rng.int(3)}.${rng.int(3)}`;
      push(files, [tag]);
      q(`/${major}`, tag);
      if (rng.chance(0.5)) q(`/${major}`, 'latest');
      else q(rng.pick(['', `/${major}`]), rng.pick([tag, `${tag}+incompatible`, 'v1.0.0']));
      if (rng.chance(0.4)) {
        push([...files, file('more.go', 'package more\n')], []);
        q(`/${major}`, {
          pseudo: {
            commit: 1,
            prefix: pseudoPrefix(tag, major),
            variant: rng.pick(['ok', 'time']),
          },
        });
      }
      break;
    }
    case 'major-subdir': {
      const major = rng.pick(['v2', 'v3']);
      const files = [
        file('go.mod', goModText(root, pickGoMod(rng))),
        file(`${major}/go.mod`, goModText(`${root}/${major}`, pickGoMod(rng))),
        ...moduleFiles(rng, `${major}/`, notes),
        ...licenseFiles(rng, `${major}/`),
        file('v1.go', 'package v1\n'),
      ];
      const tag = `${major}.0.${rng.int(2)}`;
      const v1tag = rng.pick(['v1.0.0', 'v1.5.0', 'v0.9.0']);
      push(files, [tag, v1tag]);
      q(`/${major}`, tag);
      q('', rng.chance(0.75) ? v1tag : rng.pick([tag, `${tag}+incompatible`]));
      if (rng.chance(0.3)) q(`/${major}`, 'latest');
      break;
    }
    case 'sub-major-subdir': {
      const major = 'v2';
      const files = [
        file(`sub/${major}/go.mod`, goModText(`${root}/sub/${major}`, pickGoMod(rng))),
        ...moduleFiles(rng, `sub/${major}/`, notes),
        ...licenseFiles(rng, `sub/${major}/`),
      ];
      if (rng.chance(0.5)) {
        files.push(file('sub/go.mod', goModText(`${root}/sub`, 'plain')), file('sub/s.go', 'x'));
      }
      const tag = `v2.${rng.int(3)}.0`;
      push(files, [`sub/${tag}`, 'sub/v1.0.0']);
      q('/sub/v2', tag);
      q(rng.pick(['/sub', '/sub/v2']), rng.pick(['v1.0.0', 'latest', tag]));
      break;
    }
    case 'incompatible': {
      const files = moduleFiles(rng, '', notes);
      if (rng.chance(0.1)) files.push(file('Go.Mod', 'module x\n'));
      const blocker = rng.chance(0.35);
      if (blocker) files.push(file('v2/go.mod', goModText(`${root}/v2`, 'plain')));
      const tags = ['v2.0.0', ...(rng.chance(0.5) ? ['v2.1.0'] : [])];
      if (rng.chance(0.4)) tags.push(rng.pick(['v1.0.0', 'v0.3.0']));
      push(files, tags);
      q('', rng.pick(['v2.0.0', 'v2.0.0+incompatible']));
      const roll = rng.next();
      if (roll < 0.5) {
        // A later commit gets a go.mod: v3 tags there are no longer +incompatible.
        const gm = rng.pick([root, `${root}/v3`]);
        push([...files, file('go.mod', goModText(gm, 'go116'))], ['v3.0.0']);
        q(rng.pick(['', '/v3']), rng.pick(['v3.0.0', 'v3.0.0+incompatible', 'latest']));
      } else if (roll < 0.75) {
        push([...files, file('z.go', 'package z\n')], []);
        q('', {
          pseudo: {
            commit: 1,
            prefix: pseudoPrefix(tags.includes('v2.1.0') ? 'v2.1.0' : 'v2.0.0', 'v2'),
            variant: 'ok',
            incompatible: true,
          },
        });
      } else {
        q('', rng.pick(['latest', 'v2.1.0+incompatible', 'v2.0.0']));
      }
      break;
    }
  }
  const oddTags: GenRepo['oddTags'] = [];
  const firstTag = commits[0]?.tags?.[0];
  if (layout === 'root' && firstTag !== undefined && rng.chance(0.3)) {
    // Go peels the tag chain to the commit; a tag naming a tree is no revision.
    const target = typeof firstTag === 'string' ? firstTag : firstTag.name;
    const kind = rng.pick<OddTag>(['tag-of-tag', 'tree', 'annotated-tree', 'blob']);
    const tagName = kind === 'tag-of-tag' ? 'v1.7.0' : 'v1.8.0';
    oddTags.push({ name: tagName, target, kind });
    q('', rng.chance(0.6) ? tagName : 'latest');
  }
  if (commits.length > 1 && rng.chance(0.35)) {
    // A branch named like an existing tag loses to the tag; `dev` is plain.
    const tagged = commits[0]?.tags?.[0];
    const name = rng.chance(0.5) && typeof tagged === 'string' ? tagged : 'dev';
    const target = name === 'dev' ? '0' : String(commits.length - 1);
    oddTags.push({ name, target, kind: 'branch' });
    q(queries[0]?.sub ?? '', name);
  }
  if (notes.length > 0 && commits[0] !== undefined) commits[0].message = notes.join('\n') + '\n';
  return { seed, index, name, root, layout, commits, queries, oddTags };
}

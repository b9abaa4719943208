// Repositories for the tree-hash tests and the scan benchmark, written as
// one `git fast-import` stream: every commit is a whole tree, identical
// contents are one blob, paths may hold any byte but LF, and gitlinks need
// no submodule. Commits may be produced lazily (the benchmark's repository
// holds hundreds of MiB) and are streamed with backpressure. Deterministic:
// the same description gives the same hashes.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { splitTag, type BuildRequest } from '../../src/modfetch/index.js';
import { git, isolatedEnv } from '../support/git-fixture.js';

export interface ImportFile {
  /** Raw path bytes, or a string written as UTF-8. */
  path: string | Buffer;
  mode?: '100644' | '100755' | '120000' | '160000';
  /** Content (for a symlink, its target); ignored for a gitlink. */
  content?: string | Buffer;
  /** The commit a gitlink names. */
  gitlink?: string;
}

export interface ImportCommit {
  files: ImportFile[];
  /** Lightweight tags on this commit. */
  tags?: string[];
}

const LF = Buffer.from('\n');

/**
 * Creates (in `dir`, made by `git init`) the commits in order on `main`,
 * each with exactly `files`, and their tags. Returns the commit hashes.
 */
export async function importRepo(
  dir: string,
  commits: Iterable<ImportCommit>,
  options: { objectFormat?: 'sha1' | 'sha256' } = {},
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  await git(dir, ['init', '-q', `--object-format=${options.objectFormat ?? 'sha1'}`, dir]);
  await git(dir, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
  const marksFile = path.join(dir, '.git', 'fixture-marks');
  const child = spawn('git', ['fast-import', '--quiet', '--done', `--export-marks=${marksFile}`], {
    cwd: dir,
    env: isolatedEnv(),
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (c: Buffer) => stderr.push(c));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  child.stdin.on('error', () => undefined);
  let parts: Buffer[] = [];
  let queued = 0;
  const out = (s: string | Buffer): void => {
    const b = Buffer.from(s);
    parts.push(b);
    queued += b.length;
  };
  const flush = async (): Promise<void> => {
    const data = Buffer.concat(parts);
    parts = [];
    queued = 0;
    if (!child.stdin.write(data)) {
      // A fast-import that died stops draining; its exit ends the wait.
      await Promise.race([new Promise((resolve) => child.stdin.once('drain', resolve)), exited]);
    }
  };

  const blobMarks = new Map<string, number>();
  let mark = 0;
  const blob = (content: Buffer): number => {
    const key = createHash('sha256').update(content).digest('hex');
    let m = blobMarks.get(key);
    if (m === undefined) {
      m = ++mark;
      blobMarks.set(key, m);
      out(`blob\nmark :${m}\ndata ${content.length}\n`);
      out(content);
      out(LF);
    }
    return m;
  };
  const commitMarks: number[] = [];
  let i = 0;
  for (const c of commits) {
    const lines: Buffer[] = [];
    for (const f of c.files) {
      const p = typeof f.path === 'string' ? Buffer.from(f.path, 'utf8') : f.path;
      if (p.includes(0x0a) || p[0] === 0x22) throw new Error(`fixture path ${p.toString()}`);
      const mode = f.mode ?? '100644';
      const ref =
        mode === '160000'
          ? (f.gitlink ?? '1'.repeat(40))
          : `:${blob(Buffer.from(f.content ?? ''))}`;
      lines.push(Buffer.from(`M ${mode} ${ref} `), p, LF);
      if (queued > 1 << 20) await flush();
    }
    const m = ++mark;
    const msg = `commit ${i}\n`;
    out(`commit refs/heads/main\nmark :${m}\n`);
    out(`committer Fixture <fixture@modseal.invalid> ${1600000000 + i * 3600} +0000\n`);
    out(`data ${msg.length}\n${msg}`);
    const parent = commitMarks.at(-1);
    if (parent !== undefined) out(`from :${parent}\n`);
    out('deleteall\n');
    for (const l of lines) out(l);
    out(LF);
    for (const t of c.tags ?? []) out(`reset refs/tags/${t}\nfrom :${m}\n\n`);
    commitMarks.push(m);
    i++;
    await flush();
  }
  out('done\n');
  await flush();
  child.stdin.end();
  const code = await exited;
  if (code !== 0) {
    throw new Error(`git fast-import exited ${code}: ${Buffer.concat(stderr).toString('utf8')}`);
  }
  const marks = new Map(
    (await readFile(marksFile, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => {
        const [k = '', v = ''] = l.split(' ');
        return [Number(k.slice(1)), v] as const;
      }),
  );
  return commitMarks.map((m) => marks.get(m) ?? '');
}

/** The repository root of {@link monoHistory}. */
export const MONO_ROOT = 'example.com/mono';
const ROOT = MONO_ROOT;

const OTEL_ATTRIBUTES =
  '* text=auto eol=lf\n*.{cmd,[cC][mM][dD]} text eol=crlf\n*.{bat,[bB][aA][tT]} text eol=crlf\n';

/** The commits, each a whole tree made by editing the previous one. */
/**
 * A repository built to hit each module-zip and attribute rule at once, for
 * the tree-hash tests: attributes that convert and that do not, symlinks, a
 * gitlink, nested modules, vendor folders under the go lines before and
 * since 1.24, subdirectory modules with tag prefixes, the root LICENSE
 * copied into them, a v2 subdirectory, invalid file names, versions Go
 * refuses; files changed between versions and files shared.
 */
export function monoHistory(): ImportCommit[] {
  const tree = new Map<string, ImportFile>();
  const put = (p: string, content: string | Buffer, mode?: ImportFile['mode']): void =>
    void tree.set(p, { path: p, content, ...(mode === undefined ? {} : { mode }) });
  const commits: ImportCommit[] = [];
  const commit = (tags: string[]): void =>
    void commits.push({ files: [...tree.values()].map((f) => ({ ...f })), tags });

  put('go.mod', `module ${ROOT}\n\ngo 1.21\n`);
  put('LICENSE', 'root license\n');
  put('a.go', 'package mono\n');
  put('crlf.txt', 'one\r\ntwo\r\n');
  put('mixed.txt', 'a\nb\r\nc\rd');
  put('bin.dat', Buffer.from([0, 13, 10, 1, 2, 13, 255, 10]));
  put('empty.txt', '');
  put('tool.sh', '#!/bin/sh\r\necho hi\n', '100755');
  put('link.go', 'a.go', '120000');
  put('dangling', 'no/such/file', '120000');
  tree.set('deps/sub', { path: 'deps/sub', mode: '160000', gitlink: 'ab'.repeat(20) });
  put('vendor/modules.txt', '# example.org/dep v1.0.0\n');
  put('vendor/example.org/dep/dep.go', 'package dep\n');
  put('internal/vendor/top.go', 'package vendor\n');
  put('nested/go.mod', `module ${ROOT}/nested\n`);
  put('nested/n.go', 'package nested\n');
  put('sub/go.mod', `module ${ROOT}/sub\n\ngo 1.24\n`);
  put('sub/s.go', 'package sub\n');
  put('sub/vendor/modules.txt', '# example.org/x v1.0.0\n');
  put('sub/vendor/example.org/x/x.go', 'package x\n');
  put('sub/internal/vendor/top.go', 'package vendor\n');
  put('sub/internal/vendor/z/z.go', 'package z\n');
  put('lic/go.mod', `module ${ROOT}/lic\n`);
  put('lic/LICENSE', 'lic license\n');
  put('lic/l.go', 'package lic\n');
  put('bad/go.mod', `module ${ROOT}/bad\n`);
  put('bad/ok.go', 'package bad\n');
  put('bad/X.go', 'package bad\n');
  put('bad/x.go', 'package bad // lower\n');
  tree.set('bad/f\xff.go', {
    path: Buffer.from([...Buffer.from('bad/f'), 0xff, ...Buffer.from('.go')]),
    content: 'package bad\n',
  });
  commit(['v1.0.0', 'sub/v1.0.0', 'lic/v1.0.0', 'bad/v1.0.0', 'nested/v1.0.0']);

  // A file changed; everything else shared.
  put('a.go', 'package mono // 1\n');
  put('nested/n.go', 'package nested // 1\n');
  commit(['v1.1.0', 'sub/v1.0.1', 'nested/v1.1.0']);

  // opentelemetry-go's .gitattributes: nothing in it converts these files.
  put('.gitattributes', OTEL_ATTRIBUTES);
  put('sub/s.go', 'package sub // 2\n');
  commit(['v1.2.0', 'sub/v1.1.0', 'lic/v1.1.0']);

  // A .bat with LF endings under eol=crlf: git archive converts it.
  put('sub/.gitattributes', '*.bat text eol=crlf\n');
  put('sub/run.bat', 'echo one\necho two\n');
  commit(['v1.3.0', 'sub/v1.2.0']);

  // ident expands $Id$; export-subst and export-ignore are switched off by
  // the archive's own info/attributes.
  put(
    '.gitattributes',
    OTEL_ATTRIBUTES + 'id.txt ident\nsubst.txt export-subst\nignored.txt export-ignore\n',
  );
  put('id.txt', '$Id$\n');
  put('subst.txt', '$Format:%H$\n');
  put('ignored.txt', 'still archived\n');
  commit(['v1.4.0', 'lic/v1.2.0']);

  put('.gitattributes', OTEL_ATTRIBUTES + 'subst.txt export-subst\nignored.txt export-ignore\n');
  tree.delete('id.txt');
  tree.delete('sub/run.bat');
  put('big.bin', createHash('sha256').update('big').digest().toString('hex').repeat(8000));
  commit(['v1.5.0', 'lic/v1.3.0', 'sub/v1.2.1']);

  // go 1.24 vendor rules at the root; a v2 module in a subdirectory; a
  // .gitattributes that is a symlink and one spelt in another case.
  put('go.mod', `module ${ROOT}\n\ngo 1.24\n`);
  put('v2/go.mod', `module ${ROOT}/v2\n\ngo 1.24\n`);
  put('v2/v.go', 'package mono\n');
  put('v2/vendor/modules.txt', '# none\n');
  put('lic/.gitattributes', '../.gitattributes', '120000');
  put('nested/.GitAttributes', '* -text\n');
  commit(['v1.6.0', 'v2.0.0', 'lic/v1.4.0', 'nested/v1.2.0']);

  // A module directory without go.mod any more; a major version Go refuses.
  tree.delete('sub/go.mod');
  tree.delete('lic/.gitattributes');
  tree.delete('nested/.GitAttributes');
  put('a.go', 'package mono // 7\n');
  commit(['v1.7.0', 'v3.0.0', 'sub/v1.3.0', 'lic/v1.5.0']);
  return commits;
}

/** The module version a tag of {@link monoHistory} names. */
export function monoRequest(tag: string): BuildRequest {
  const { codeDir, version } = splitTag(tag);
  const v = version ?? '';
  const modulePath =
    codeDir === '' ? (v.startsWith('v2.') ? `${ROOT}/v2` : ROOT) : `${ROOT}/${codeDir}`;
  return { modulePath, codeRoot: ROOT, query: v };
}

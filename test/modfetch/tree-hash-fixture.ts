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

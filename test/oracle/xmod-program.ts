// Small Go programs that let tests ask Go's own code (x/mod as Debian's
// newest suite ships it, unpacked beside the oracle go command) for expected
// values. They are built offline, and both the build
// cache and the binaries persist in one folder under the system temp dir: the
// suite runs more than once per CI job (Node 20, Node 24), and only the first
// run should pay for compiling x/mod.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { isolatedEnv } from '../support/git-fixture.js';
import { goBin, goVersion, xmodDir } from './go-env.js';

/** The build cache, module cache and built binaries, shared by every run of the suite. */
export const goBuildCacheDir = path.join(os.tmpdir(), 'modseal-go-build-cache');

/** A Go main package: its main.go text, or a folder with its own go.mod. */
export type GoProgramSource =
  { name: string; mainGo: string; dir?: never } | { name: string; dir: string; mainGo?: never };

type SourceFile = [relPath: string, content: Buffer];

// Offline, and with none of the caller's GO* settings (isolatedEnv drops
// them). cgo keeps the toolchain's default so the standard library Debian
// ships precompiled is used as is (CGO_ENABLED=0 would recompile net/http).
function buildEnv(): NodeJS.ProcessEnv {
  const gopath = path.join(goBuildCacheDir, 'gopath');
  return isolatedEnv({
    GOPATH: gopath,
    GOMODCACHE: path.join(gopath, 'pkg', 'mod'),
    GOCACHE: path.join(goBuildCacheDir, 'gocache'),
    GOENV: 'off',
    GOFLAGS: '-mod=mod',
    GOPROXY: 'off',
    GOSUMDB: 'off',
    GOTOOLCHAIN: 'local',
    GOWORK: 'off',
    GO111MODULE: 'on',
  });
}

// x/mod's own go.mod names its version nowhere; any version works for a
// requirement that a replace directive satisfies from the local source.
function goMod(name: string): string {
  return (
    `module modseal.test/${name}\n\ngo 1.24\n\n` +
    `require golang.org/x/mod v0.0.0-local\n\nreplace golang.org/x/mod => ${xmodDir()}\n`
  );
}

async function readTree(root: string, rel = ''): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  const entries = await fs.readdir(path.join(root, rel), { withFileTypes: true });
  for (const e of entries) {
    const r = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) out.push(...(await readTree(root, r)));
    else if (e.isFile()) out.push([r, await fs.readFile(path.join(root, r))]);
  }
  return out;
}

function treeHash(files: readonly SourceFile[]): string {
  const h = createHash('sha256');
  for (const [rel, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    h.update(`${rel}\0${content.length}\0`);
    h.update(content);
  }
  return h.digest('hex');
}

// x/mod is part of every program, so an updated Debian package must give
// new binaries; hashed once per test process.
let xmodHash: Promise<string> | undefined;

function run(file: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { cwd, env: buildEnv(), timeout: 120_000, maxBuffer: 16 << 20 },
      (err, _stdout, stderr) => {
        if (err)
          reject(new Error(`${file} ${args.join(' ')} in ${cwd}: ${err.message}\n${stderr}`));
        else resolve();
      },
    );
  });
}

async function build(source: GoProgramSource): Promise<string> {
  if (goVersion === undefined) throw new Error('buildGoProgram: the go command is not available');
  const files: SourceFile[] =
    source.dir !== undefined
      ? await readTree(source.dir)
      : [['main.go', Buffer.from(source.mainGo)]];
  // A program folder's own go.mod is replaced too: the x/mod folder is the
  // oracle's, wherever it was unpacked.
  const withoutGoMod = files.filter(([rel]) => rel !== 'go.mod');
  withoutGoMod.push(['go.mod', Buffer.from(goMod(source.name))]);
  files.splice(0, files.length, ...withoutGoMod);
  const X_MOD_DIR = xmodDir();
  xmodHash ??= readTree(X_MOD_DIR).then(treeHash, (e: unknown) => {
    throw new Error(`x/mod source missing at ${X_MOD_DIR} (run scripts/go-oracle.sh)`, {
      cause: e,
    });
  });
  const key = createHash('sha256')
    .update(`${goVersion}\n${process.platform}/${process.arch}\n${await xmodHash}\n`)
    .update(treeHash(files))
    .digest('hex')
    .slice(0, 20);
  const binDir = path.join(goBuildCacheDir, 'bin');
  const exe = process.platform === 'win32' ? '.exe' : '';
  const bin = path.join(binDir, `${source.name}-${key}${exe}`);
  try {
    await fs.access(bin, fs.constants.X_OK);
    return bin;
  } catch {
    // Not built yet.
  }
  await fs.mkdir(binDir, { recursive: true });
  const work = await fs.mkdtemp(path.join(goBuildCacheDir, `work-${source.name}-`));
  try {
    for (const [rel, content] of files) {
      await fs.mkdir(path.dirname(path.join(work, rel)), { recursive: true });
      await fs.writeFile(path.join(work, rel), content);
    }
    const out = path.join(work, `out${exe}`);
    await run(goBin(), ['build', '-o', out, '.'], work);
    // A rename is atomic, so a concurrent run of the suite sees either no
    // binary or a complete one.
    await fs.rename(out, bin);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
  return bin;
}

const built = new Map<string, Promise<string>>();

/**
 * Builds a Go main package against the oracle's x/mod, offline, and returns the
 * path of the binary. Binaries are kept per content hash (program, x/mod,
 * Go version) in {@link goBuildCacheDir} and reused; callers must not delete
 * them. Use only under `describeWithGo`.
 */
export function buildGoProgram(source: GoProgramSource): Promise<string> {
  const id = `${source.name}\0${source.dir ?? ''}\0${source.mainGo ?? ''}`;
  let p = built.get(id);
  if (p === undefined) {
    p = build(source);
    built.set(id, p);
    // A failed build is retried by the next caller, not remembered.
    p.catch(() => built.delete(id));
  }
  return p;
}

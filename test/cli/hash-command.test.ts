// `modseal hash` end to end, in process. Expected hashes and errors come from
// vectors/gitzip/cases.json (recorded from go1.19.8), never from our code.
import { execFileSync } from 'node:child_process';
import { lstat, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { hashZipFile } from '../../src/dirhash/index.js';
import { captureIo } from '../support/cli-io.js';
import { createFixtureRepo, isolatedEnv, rebuildGitzipRepos } from '../support/git-fixture.js';
import { vectorsDir } from '../support/vectors.js';

interface Download {
  query: string;
  Version: string;
  Sum?: string;
  GoModSum?: string;
  Error?: string;
}
const downloads = (
  JSON.parse(await readFile(path.join(vectorsDir, 'gitzip', 'cases.json'), 'utf8')) as {
    downloads: Download[];
  }
).downloads;
function vector(query: string): Download {
  const d = downloads.find((x) => x.query === query);
  if (d === undefined) throw new Error(`no vector ${query}`);
  return d;
}

async function run(args: string[], cwd = os.tmpdir()) {
  const c = captureIo(cwd);
  const code = await runCli(['hash', ...args], c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

let tmp = '';
let repos = new Map<string, string>();
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'modseal-hashcli-'));
  repos = await rebuildGitzipRepos(path.join(tmp, 'gitzip'));
});
afterAll(async () => {
  if (tmp !== '') await rm(tmp, { recursive: true, force: true });
});
const repo = (name: string) => repos.get(name) ?? '';

function expectOneLine(stderr: string): void {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('modseal hash: success', () => {
  it.each([
    ['a', 'v1.0.0', 'example.com/a.git@v1.0.0', 'example.com/a.git'],
    ['b', 'lib/v1.0.0', 'example.com/b.git/lib@v1.0.0', 'example.com/b.git/lib'],
    ['b', 'major/v2.0.0', 'example.com/b.git/major/v2@v2.0.0', 'example.com/b.git/major/v2'],
    ['h', 'v2.1.0', 'example.com/h.git/v2@v2.1.0', 'example.com/h.git/v2'],
  ])('repo %s tag %s prints exactly the two go.sum lines', async (name, tag, query, mod) => {
    const v = vector(query);
    const r = await run(['--repo', repo(name), '--ref', tag]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${mod} ${v.Version} ${v.Sum}\n${mod} ${v.Version}/go.mod ${v.GoModSum}\n`,
    );
  });

  it('--json reports the hashes, kept files and omitted files with reasons', async () => {
    const v = vector('example.com/a.git@v1.0.0');
    const r = await run(['--repo', repo('a'), '--ref', 'v1.0.0', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      module: string;
      version: string;
      sum: string;
      goModSum: string;
      goSum: string[];
      files: {
        kept: { path: string; sha256: string }[];
        omitted: { path: string; reason: string }[];
      };
      error: null;
    };
    expect(j.module).toBe('example.com/a.git');
    expect(j.sum).toBe(v.Sum);
    expect(j.goModSum).toBe(v.GoModSum);
    expect(j.goSum).toHaveLength(2);
    expect(j.error).toBeNull();
    // Repo a holds a symlink, a nested module and .hg_archival.txt (README of the vectors).
    const reasons = new Set(j.files.omitted.map((o) => o.reason));
    expect(reasons).toContain('file is a symbolic link');
    expect(reasons).toContain('file is in another module');
    expect(j.files.kept.map((f) => f.path)).toContain('go.mod');
  });

  it('--zip-out writes a zip whose h1 is the printed one', async () => {
    const v = vector('example.com/b.git/major/v2@v2.0.0');
    const zip = path.join(tmp, 'out.zip');
    const r = await run(['--repo', repo('b'), '--ref', 'major/v2.0.0', '--zip-out', zip]);
    expect(r.code).toBe(0);
    expect(await hashZipFile(zip)).toBe(v.Sum);
  });

  it('--zip-out for a module with converted files and omissions', async () => {
    const v = vector('example.com/a.git@v1.0.0');
    const zip = path.join(tmp, 'a.zip');
    const r = await run(['--repo', repo('a'), '--ref', 'v1.0.0', '--zip-out', zip]);
    expect(r.code).toBe(0);
    expect(await hashZipFile(zip)).toBe(v.Sum);
  });
});

describe('modseal hash: Go refuses', () => {
  it.each([
    ['e', 'v1.0.0', 'example.com/e.git@v1.0.0'],
    ['f', 'v1.0.0', 'example.com/f.git@v1.0.0'],
    ['g', 'v3.0.0', 'example.com/g.git@v3.0.0'],
    ['i', 'low/v1.0.0', 'example.com/i.git/low@v1.0.0'],
  ])('repo %s tag %s: Go text on stderr, exit 1', async (name, tag, query) => {
    const r = await run(['--repo', repo(name), '--ref', tag]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${vector(query).Error}\n`);
  });
});

describe('modseal hash: bad input exits 2 with one line', () => {
  it('not a git repository', async () => {
    const dir = await mkdtemp(path.join(tmp, 'plain-'));
    const r = await run(['--repo', dir, '--ref', 'v1.0.0']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('not a git repository');
  });

  it('unknown ref', async () => {
    const r = await run(['--repo', repo('a'), '--ref', 'v9.9.9']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('unknown ref "v9.9.9"');
  });

  it('shallow clone lacking the tag says how to fetch it', async () => {
    const src = path.join(tmp, 'deep');
    await createFixtureRepo(src, [
      { files: [{ path: 'go.mod', content: 'module example.com/deep\n' }], tags: ['v1.0.0'] },
      {
        files: [
          { path: 'go.mod', content: 'module example.com/deep\n' },
          { path: 'a.go', content: 'package a\n' },
        ],
      },
    ]);
    const shallow = path.join(tmp, 'shallow');
    execFileSync('git', ['clone', '-q', '--depth=1', '--no-tags', `file://${src}`, shallow], {
      env: isolatedEnv(),
    });
    const r = await run(['--repo', shallow, '--ref', 'v1.0.0']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('git fetch --tags');
    expect(r.stderr).toContain('fetch-depth: 0');
  });

  it('non-semver tag without --version', async () => {
    const r = await run(['--repo', repo('h'), '--ref', 'main']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('--version');
  });

  it('missing go.mod when the module path must come from it', async () => {
    const r = await run(['--repo', repo('c'), '--ref', 'v1.5.0']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('--module');
  });

  it('missing --tag and --ref', async () => {
    const r = await run(['--repo', repo('a')]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('--tag TAG (or --ref REF)');
  });
});

describe('modseal hash: --tag and --ref', () => {
  it('--tag hashes a tag exactly as --ref does', async () => {
    const v = vector('example.com/b.git/lib@v1.0.0');
    const r = await run(['--repo', repo('b'), '--tag', 'lib/v1.0.0']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`example.com/b.git/lib ${v.Version} ${v.Sum}`);
  });

  it('--tag with a branch points to --ref', async () => {
    const r = await run(['--repo', repo('h'), '--tag', 'main']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('"main" is not a tag');
    expect(r.stderr).toContain('use --ref main --version VER');
  });

  it('--tag naming nothing', async () => {
    const r = await run(['--repo', repo('a'), '--tag', 'v9.9.9']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('no tag "v9.9.9"');
  });

  it('both at once', async () => {
    const r = await run(['--repo', repo('a'), '--tag', 'v1.0.0', '--ref', 'v1.0.0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "modseal hash: give --tag or --ref, not both (run 'modseal hash --help' for its flags)\n",
    );
  });
});

describe('modseal hash: --version must be what Go would publish', () => {
  it.each([
    ['2.3.1', 'v2.3.1'],
    ['v2.3', 'v2.3.0'],
    ['v2', 'v2.0.0'],
    ['v1.2.3+meta', 'v1.2.3'],
    ['2.0.0+incompatible', 'v2.0.0+incompatible'],
  ])('%s is refused, suggesting %s', async (given, canonical) => {
    const r = await run(['--repo', repo('h'), '--ref', 'main', '--version', given]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `modseal: --version ${JSON.stringify(given)} is not a canonical module version: did you mean ${canonical}?\n`,
    );
  });

  it('a version with nothing to suggest', async () => {
    const r = await run(['--repo', repo('h'), '--ref', 'main', '--version', 'latest']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'modseal: --version "latest" is not a canonical module version (like v1.2.3)\n',
    );
  });
});

describe('modseal hash: flags', () => {
  it('an unknown flag names the nearest one', async () => {
    const r = await run(['--repo', repo('a'), '--tga', 'v1.0.0']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "modseal hash: unknown flag --tga; did you mean --tag? (run 'modseal hash --help' for its flags)\n",
    );
    const prefix = await run(['--repo', repo('a'), '--tag', 'v1.0.0', '--zip', 'x.zip']);
    expect(prefix.stderr).toContain('unknown flag --zip; did you mean --zip-out?');
  });

  it('--help describes every flag', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--repo',
      '--tag',
      '--ref',
      '--version',
      '--module',
      '--zip-out',
      '--json',
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^  ${flag} \\S* +\\S`, 'm'));
    }
  });

  it('--json on an input error: one JSON document with the error, exit 2', async () => {
    const r = await run(['--repo', repo('a'), '--ref', 'v9.9.9', '--json']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    const doc = JSON.parse(r.stdout) as { schema: string; error: string; exitCode: number };
    expect(doc.schema).toBe('modseal.error/v1');
    expect(doc.exitCode).toBe(2);
    expect(doc.error).toContain('unknown ref "v9.9.9"');
    expect(r.stderr).toBe(`modseal: ${doc.error}\n`);
    const usage = await run(['--ref', 'v1.0.0', '--bogus', '--json']);
    expect(usage.code).toBe(2);
    expect((JSON.parse(usage.stdout) as { error: string }).error).toContain('unknown flag --bogus');
  });
});

describe('modseal hash: --zip-out is checked before any work', () => {
  // The repository given is not one: the output path is the only error.
  const notRepo = () => path.join(tmp, 'no-repo-here');

  it('into a folder that does not exist', async () => {
    const zip = path.join(tmp, 'missing', 'deeper', 'out.zip');
    const r = await run(['--repo', notRepo(), '--tag', 'v1.0.0', '--zip-out', zip]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `modseal: --zip-out ${zip}: the folder ${path.dirname(zip)} does not exist: create it first (mkdir -p ${path.dirname(zip)}) or choose another path\n`,
    );
  });

  it('under a file, or onto a folder', async () => {
    const file = path.join(tmp, 'a-file');
    await writeFile(file, 'x');
    const under = await run([
      '--repo',
      notRepo(),
      '--tag',
      'v1.0.0',
      '--zip-out',
      path.join(file, 'out.zip'),
    ]);
    expect(under.code).toBe(2);
    expectOneLine(under.stderr);
    expect(under.stderr).toContain(`${file} is not a folder`);
    const onto = await run(['--repo', notRepo(), '--tag', 'v1.0.0', '--zip-out', tmp]);
    expect(onto.code).toBe(2);
    expectOneLine(onto.stderr);
    expect(onto.stderr).toContain(`--zip-out ${tmp} is a folder`);
  });

  it('with --json, the error is a JSON document too', async () => {
    const zip = path.join(tmp, 'missing', 'out.zip');
    const r = await run(['--repo', repo('a'), '--tag', 'v1.0.0', '--zip-out', zip, '--json']);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as { error: string }).error).toContain('does not exist');
  });

  it('when Go refuses the version, no zip is written and an existing file stays as it was', async () => {
    const out = await mkdtemp(path.join(tmp, 'refused-'));
    const zip = path.join(out, 'e.zip');
    await writeFile(zip, 'earlier content');
    const r = await run(['--repo', repo('e'), '--ref', 'v1.0.0', '--zip-out', zip]);
    expect(r.code).toBe(1);
    expect(await readFile(zip, 'utf8')).toBe('earlier content');
    expect(await readdir(out)).toEqual(['e.zip']);
  });
});

describe('modseal hash: a clone that lacks objects', () => {
  // One loose object deleted from .git/objects: git fails mid-archive (or
  // reading go.mod) and its own words, naming the object, reach the user
  // as an input error, not as Go refusing the version.
  async function damaged(name: string, victim: string): Promise<{ dir: string; oid: string }> {
    const dir = path.join(tmp, name);
    await createFixtureRepo(dir, [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/damaged\n' },
          { path: 'a.go', content: 'package damaged\n' },
          { path: 'big.txt', content: 'x'.repeat(300_000) },
          { path: 'z.go', content: 'package damaged // z\n' },
        ],
        tags: ['v1.0.0'],
      },
    ]);
    const oid = execFileSync('git', ['rev-parse', `v1.0.0:${victim}`], {
      cwd: dir,
      env: isolatedEnv(),
      encoding: 'utf8',
    }).trim();
    await rm(path.join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
    return { dir, oid };
  }

  it.each(['a.go', 'z.go', 'big.txt'])('a file of the module (%s)', async (victim) => {
    const { dir, oid } = await damaged(`damaged-${victim}`, victim);
    const r = await run(['--repo', dir, '--tag', 'v1.0.0']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(/^modseal: git archive: /);
    expect(r.stderr).toContain(oid);
    expect(r.stderr).toContain('git fsck');
    expect(r.stderr).not.toContain('unexpected end of tar archive');
  });

  it('go.mod itself is unreadable, not missing', async () => {
    const { dir, oid } = await damaged('damaged-gomod', 'go.mod');
    const r = await run(['--repo', dir, '--tag', 'v1.0.0']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(/^modseal: git cat-file: /);
    expect(r.stderr).toContain(`(go.mod is blob ${oid})`);
    expect(r.stderr).not.toContain('no go.mod');
  });

  it('a partial clone is read as it is: nothing is fetched into it', async () => {
    const origin = path.join(tmp, 'partial-origin');
    await createFixtureRepo(origin, [
      {
        files: [
          { path: 'go.mod', content: 'module example.com/partial\n' },
          { path: 'p.go', content: 'package partial\n' },
        ],
        tags: ['v1.0.0'],
      },
    ]);
    execFileSync('git', ['config', 'uploadpack.allowFilter', 'true'], {
      cwd: origin,
      env: isolatedEnv(),
    });
    const clone = path.join(tmp, 'partial-clone');
    execFileSync(
      'git',
      ['clone', '-q', '--no-checkout', '--filter=blob:none', `file://${origin}`, clone],
      {
        env: isolatedEnv(),
      },
    );
    const before = await snapshot(clone);
    const r = await run(['--repo', clone, '--tag', 'v1.0.0']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('partial clone');
    expect([...(await snapshot(clone)).entries()]).toEqual([...before.entries()]);
  });
});

describe('modseal hash: flags override inference', () => {
  it('--module for a repository without go.mod, resolving to +incompatible', async () => {
    const v = vector('example.com/c.git@v2.0.0');
    const r = await run(['--repo', repo('c'), '--ref', 'v2.0.0', '--module', 'example.com/c.git']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      `example.com/c.git ${v.Version} ${v.Sum}\nexample.com/c.git ${v.Version}/go.mod ${v.GoModSum}\n`,
    );
  });

  it('--version with a branch answers for a pseudo-version of that commit', async () => {
    const v = vector('example.com/h.git/v2@v2.1.1-0.20210203040506-23e02c768b50');
    const r = await run(['--repo', repo('h'), '--ref', 'main', '--version', v.Version]);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe(`example.com/h.git/v2 ${v.Version} ${v.Sum}`);
  });
});

// Every file under the repository (including .git): content, mode and mtime.
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const st = await lstat(p);
      let content = '';
      if (e.isSymbolicLink()) content = await readlink(p);
      else if (e.isFile()) content = (await readFile(p)).toString('base64');
      out.set(path.relative(dir, p), `${st.mode} ${st.mtimeMs} ${content}`);
      if (e.isDirectory()) await walk(p);
    }
  };
  await walk(dir);
  return out;
}

describe('modseal hash: the user repository is not modified', () => {
  it('leaves every file (including .git) as it was', async () => {
    const dir = repo('b');
    // An index out of date with the files makes a careless `git status` rewrite it.
    await writeFile(path.join(dir, 'touch.txt'), 'x');
    await rm(path.join(dir, 'touch.txt'));
    const before = await snapshot(dir);
    const zip = path.join(tmp, 'b-lib.zip');
    const r = await run(['--repo', dir, '--ref', 'lib/v1.0.0', '--zip-out', zip, '--json']);
    expect(r.code).toBe(0);
    const after = await snapshot(dir);
    expect([...after.entries()]).toEqual([...before.entries()]);
  });
});

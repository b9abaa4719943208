// The host's git configuration and environment must not change what we
// compute: the mirror's clone has no user config, no system config, no
// repository-local attributes, and no GIT_* variables pointing elsewhere.
// Each hostile setting is first shown to change plain git's output (so the
// test can fail), then shown to leave ours identical to the clean result,
// which itself matches git's raw blobs plus in-tree .gitattributes.
import { chown, lstat, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openRepo, readTar, type ArchiveListing } from '../../src/git/index.js';
import { createFixtureRepo, git } from '../support/git-fixture.js';
import { filesTruth, sha256hex, withEnv } from '../oracle/git-view.js';
import { tempDir } from '../support/temp-dir.js';

let tmp = '';
let src = '';
let other = '';
let commit = '';
let hostileConfig = '';
let hostileAttrs = '';

const files = [
  { path: 'go.mod', content: 'module example.com/iso\n' },
  { path: 'a.txt', content: 'alpha\nbeta\n' },
  { path: 'mixed.dat', content: 'x\r\ny\n' },
  { path: '.gitattributes', content: '*.conv text eol=crlf\n' },
  { path: 'b.conv', content: 'one\ntwo\n' },
];

beforeAll(async () => {
  tmp = await tempDir('modseal-iso-test-');
  const fx = await createFixtureRepo(path.join(tmp, 'src'), [{ files, tags: ['v1.0.0'] }]);
  src = fx.dir;
  commit = fx.commits[0] ?? '';
  // Another repository with the same tag, for GIT_DIR and friends to point at.
  other = (
    await createFixtureRepo(path.join(tmp, 'other'), [
      { files: [{ path: 'go.mod', content: 'module example.com/other\n' }], tags: ['v1.0.0'] },
    ])
  ).dir;
  hostileAttrs = path.join(tmp, 'hostile-attributes');
  await writeFile(hostileAttrs, '* text eol=crlf filter=lfs\n');
  hostileConfig = path.join(tmp, 'hostile-gitconfig');
  await writeFile(
    hostileConfig,
    [
      '[core]',
      '\tautocrlf = true',
      '\teol = crlf',
      `\tattributesFile = ${hostileAttrs}`,
      '[filter "lfs"]',
      '\tsmudge = tr a-z A-Z',
      '\tclean = cat',
      '\trequired = true',
      '',
    ].join('\n'),
  );
});

/** `path → sha256` of what plain git archives for `rev` with `env` added. */
async function plainArchive(
  dir: string,
  env: Record<string, string>,
): Promise<Map<string, string>> {
  const tar = await git(dir, ['archive', '--format=tar', commit], { env });
  const out = new Map<string, string>();
  for await (const e of readTar(once(tar))) {
    const parts: Buffer[] = [];
    for await (const b of e.body()) parts.push(Buffer.from(b));
    if (e.kind === 'file') out.set(e.name.toString(), sha256hex(Buffer.concat(parts)));
  }
  return out;
}

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  yield await Promise.resolve(b);
}

function hashes(l: ArchiveListing): Record<string, string> {
  return Object.fromEntries(l.files.map((f) => [f.path, f.sha256.toString('hex')]));
}

/** Raw blobs, except the in-tree `*.conv text eol=crlf` file, converted as git does (spec §3.8). */
async function expectedHashes(): Promise<Record<string, string>> {
  const raw = Object.fromEntries(
    (await filesTruth(src, commit)).map((f) => [f.path.toString(), f.sha256]),
  );
  return { ...raw, 'b.conv': sha256hex(Buffer.from('one\r\ntwo\r\n')) };
}

async function ours(): Promise<{ listing: ArchiveListing; refs: unknown; blob?: Buffer }> {
  const repo = await openRepo(src);
  return {
    listing: await repo.listArchive(commit, ''),
    refs: await repo.refs(),
    blob: await repo.readBlob(commit, 'a.txt'),
  };
}

describe('isolation from the host', () => {
  it('the clean result is the raw blobs plus in-tree attributes', async () => {
    const clean = await ours();
    expect(hashes(clean.listing)).toEqual(await expectedHashes());
    expect(clean.blob?.toString()).toBe('alpha\nbeta\n');
  });

  it('ignores global and system config, attribute files and GIT_* variables', async () => {
    const xdg = path.join(tmp, 'xdg');
    const home = path.join(tmp, 'home');
    await mkdir(path.join(xdg, 'git'), { recursive: true });
    await mkdir(home, { recursive: true });
    await writeFile(path.join(xdg, 'git', 'attributes'), '* text eol=crlf filter=lfs\n');
    for (const f of [path.join(xdg, 'git', 'config'), path.join(home, '.gitconfig')]) {
      await writeFile(f, `[include]\n\tpath = ${hostileConfig}\n`);
    }
    // Each setting bites plain git...
    const clean = await plainArchive(src, {});
    const settings: Record<string, string>[] = [
      { GIT_CONFIG_GLOBAL: hostileConfig },
      { GIT_CONFIG_SYSTEM: hostileConfig, GIT_CONFIG_NOSYSTEM: '0' },
      { GIT_CONFIG_PARAMETERS: `'core.attributesfile'='${hostileAttrs}'` },
      {
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'include.path',
        GIT_CONFIG_VALUE_0: hostileConfig,
      },
    ];
    for (const env of settings) {
      expect({
        env,
        same: (await plainArchive(src, env)).get('a.txt') === clean.get('a.txt'),
      }).toEqual({ env, same: false });
    }
    // ...and none of them, nor GIT_DIR & co. pointing at another repository, bites us.
    const hostile: Record<string, string> = {
      HOME: home,
      XDG_CONFIG_HOME: xdg,
      GIT_CONFIG_GLOBAL: hostileConfig,
      GIT_CONFIG_SYSTEM: hostileConfig,
      GIT_CONFIG_NOSYSTEM: '0',
      GIT_CONFIG_PARAMETERS: `'core.autocrlf'='true' 'core.attributesfile'='${hostileAttrs}'`,
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'include.path',
      GIT_CONFIG_VALUE_0: hostileConfig,
      GIT_DIR: path.join(other, '.git'),
      GIT_WORK_TREE: other,
      GIT_INDEX_FILE: path.join(other, '.git', 'index'),
      GIT_OBJECT_DIRECTORY: path.join(other, '.git', 'objects'),
      GIT_COMMON_DIR: path.join(other, '.git'),
      GIT_NAMESPACE: 'elsewhere',
      GIT_ATTR_NOSYSTEM: '0',
      git_dir: path.join(other, '.git'),
    };
    const clean2 = await ours();
    const got = await withEnv(hostile, ours);
    expect(hashes(got.listing)).toEqual(await expectedHashes());
    expect(got.refs).toEqual(clean2.refs);
    expect(got.blob).toEqual(clean2.blob);
    expect(process.env.GIT_DIR).toBeUndefined();
  });

  it("ignores the user's repository-local config, info/attributes and replace refs", async () => {
    // Taken first: plain git (cat-file included) follows replace refs.
    const want = await expectedHashes();
    const gitDir = path.join(src, '.git');
    await mkdir(path.join(gitDir, 'info'), { recursive: true });
    await writeFile(path.join(gitDir, 'info', 'attributes'), '* text eol=crlf filter=lfs\n');
    await git(src, ['config', '--local', 'include.path', hostileConfig]);
    const fake = (await git(src, ['hash-object', '-w', '--stdin'], { input: 'replaced\n' }))
      .toString()
      .trim();
    const real = (await git(src, ['rev-parse', `${commit}:a.txt`])).toString().trim();
    await git(src, ['replace', real, fake]);
    try {
      // Plain git in the user's repository is affected by all of it...
      const plain = await plainArchive(src, {});
      expect(plain.get('a.txt')).not.toBe(sha256hex(Buffer.from('alpha\nbeta\n')));
      expect(plain.get('go.mod')).not.toBe(sha256hex(Buffer.from('module example.com/iso\n')));
      // ...the mirror's bare clone has none of it, and neither do we.
      const got = await ours();
      expect(hashes(got.listing)).toEqual(want);
      expect(got.blob?.toString()).toBe('alpha\nbeta\n');
    } finally {
      await rm(path.join(gitDir, 'info', 'attributes'));
      await git(src, ['config', '--local', '--unset', 'include.path']);
      await git(src, ['replace', '-d', real]);
    }
  });

  it.skipIf(process.getuid?.() !== 0)(
    'reads a repository owned by another user (container checkouts)',
    async () => {
      const foreign = path.join(tmp, 'foreign');
      await git(tmp, ['clone', '-q', src, foreign]);
      await chownTree(foreign, 65534);
      // git itself refuses such a repository without a safe.directory entry.
      await expect(git(foreign, ['rev-parse', 'HEAD'])).rejects.toThrow(/dubious ownership/);
      const repo = await openRepo(foreign);
      expect(hashes(await repo.listArchive(commit, ''))).toEqual(await expectedHashes());
    },
  );
});

async function chownTree(root: string, uid: number): Promise<void> {
  const walk = async (p: string): Promise<void> => {
    await chown(p, uid, uid);
    if ((await lstat(p)).isDirectory()) {
      for (const n of await readdir(p)) await walk(path.join(p, n));
    }
  };
  await walk(root);
}

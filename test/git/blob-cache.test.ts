// The long-lived `git cat-file --batch` reader and the blob id → SHA-256
// cache: digests as git's own bytes give them, each blob read once, missing
// objects told apart from failures, git's stderr in every error, a deadline
// on every read, and no process left behind (fake gits record their pids).
import { createHash } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BlobCache, BlobMissingError } from '../../src/git/blob-cache.js';
import { CatFileBatch, CatFileError } from '../../src/git/cat-file-batch.js';
import { git } from '../support/git-fixture.js';
import { tempDir } from '../support/temp-dir.js';
import { importRepo } from '../modfetch/tree-hash-fixture.js';

let dir: string;
let work: string;
let blobs: { name: string; oid: string; sha256: string; size: number }[];

const contents: Record<string, Buffer> = {
  empty: Buffer.alloc(0),
  crlf: Buffer.from('one\r\ntwo\r\n'),
  bytes: Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  // Larger than a pipe's buffer, so one answer spans many chunks.
  large: Buffer.from('0123456789abcdef\n'.repeat(20_000)),
  huge: Buffer.from(createHash('sha256').update('x').digest('hex').repeat(50_000)),
  newlines: Buffer.from('\n\n\n'),
};

/** A shell script standing in for git; it appends its pid to `pids` first. */
async function fakeGit(name: string, body: string): Promise<{ bin: string; pids: string }> {
  const bin = path.join(work, name);
  const pids = path.join(work, `${name}.pids`);
  await writeFile(bin, `#!/bin/sh\necho $$ >> '${pids}'\n${body}\n`);
  await chmod(bin, 0o755);
  await writeFile(pids, '');
  return { bin, pids };
}

/** Whether every process whose pid the fake recorded is gone (reaped, not a zombie). */
async function allGone(pids: string): Promise<boolean> {
  const list = (await readFile(pids, 'utf8')).split('\n').filter((l) => l !== '');
  expect(list.length).toBeGreaterThan(0);
  return list.every((p) => {
    try {
      process.kill(Number(p), 0);
      return false;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ESRCH';
    }
  });
}

beforeAll(async () => {
  work = await tempDir('modseal-blobcache-');
  dir = path.join(work, 'repo');
  await importRepo(dir, [
    { files: Object.entries(contents).map(([name, content]) => ({ path: name, content })) },
  ]);
  blobs = [];
  for (const [name, content] of Object.entries(contents)) {
    const oid = (await git(dir, ['rev-parse', `HEAD:${name}`])).toString().trim();
    // The expected digest comes from git's bytes, not from the code under test.
    const bytes = await git(dir, ['cat-file', 'blob', oid]);
    expect(bytes.equals(content)).toBe(true);
    blobs.push({
      name,
      oid,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
    });
  }
});

describe('BlobCache', () => {
  it('gives the SHA-256 and size of each blob, pipelined, reading each blob once', async () => {
    const batch = new CatFileBatch(dir);
    const cache = new BlobCache(batch);
    try {
      // Every blob asked for three times at once, interleaved.
      const asked = [...blobs, ...blobs, ...blobs];
      const got = await Promise.all(asked.map((b) => cache.digest(b.oid)));
      expect(got.map((d) => ({ sha256: d.sha256.toString('hex'), size: d.size }))).toEqual(
        asked.map((b) => ({ sha256: b.sha256, size: b.size })),
      );
      expect(cache.blobsHashed).toBe(blobs.length);
      expect(cache.hits).toBe(2 * blobs.length);
      expect(cache.size).toBe(blobs.length);
      expect(batch.objectsRead).toBe(blobs.length);
      // Again later: answered from memory, git is not asked.
      await Promise.all(blobs.map((b) => cache.digest(b.oid)));
      expect(batch.objectsRead).toBe(blobs.length);
      expect(cache.blobsHashed).toBe(blobs.length);
    } finally {
      await batch.close();
    }
  });

  it('tells a missing object and a tree from a blob, and keeps working after them', async () => {
    const batch = new CatFileBatch(dir);
    const cache = new BlobCache(batch);
    try {
      const tree = (await git(dir, ['rev-parse', 'HEAD^{tree}'])).toString().trim();
      const [a, missing, notBlob, b] = await Promise.allSettled([
        cache.digest(blobs[1]!.oid),
        cache.digest('0'.repeat(40)),
        cache.digest(tree),
        cache.digest(blobs[2]!.oid),
      ]);
      expect(a.status).toBe('fulfilled');
      expect(b.status).toBe('fulfilled');
      expect(missing.status).toBe('rejected');
      expect(notBlob.status).toBe('rejected');
      const why = (r: PromiseSettledResult<unknown>) =>
        (r as PromiseRejectedResult).reason as Error;
      expect(why(missing)).toBeInstanceOf(BlobMissingError);
      expect(why(missing).message).toBe(`blob ${'0'.repeat(40)} is missing`);
      expect(why(notBlob).message).toContain('is a tree, not a blob');
      // Names git resolves itself, and whole-object reads.
      const r = await batch.readAll(`HEAD:crlf`);
      expect(r?.data.equals(contents.crlf!)).toBe(true);
      expect(await batch.readAll('HEAD:no/such/file')).toBeUndefined();
      const limited = await cache.content(blobs.find((x) => x.name === 'large')!.oid, 1000);
      expect(limited).toBeUndefined();
    } finally {
      await batch.close();
    }
  });

  it('leaves no process behind after close, and refuses reads afterwards', async () => {
    const fake = await fakeGit('logging-git', 'exec git "$@"');
    const batch = new CatFileBatch(dir, { git: fake.bin });
    const cache = new BlobCache(batch);
    await cache.digest(blobs[0]!.oid);
    await batch.close();
    expect(await allGone(fake.pids)).toBe(true);
    await expect(batch.read(blobs[0]!.oid)).rejects.toThrow('git cat-file --batch was closed');
  });
});

describe('CatFileBatch failures', () => {
  it("carries git's stderr when git exits", async () => {
    const fake = await fakeGit(
      'failing-git',
      'echo "fatal: not a git repository (simulated)" >&2\nexit 128',
    );
    const batch = new CatFileBatch(dir, { git: fake.bin });
    await expect(batch.read(blobs[0]!.oid)).rejects.toThrow(
      /git cat-file --batch exited with status 128: fatal: not a git repository \(simulated\)/,
    );
    await batch.close();
    expect(await allGone(fake.pids)).toBe(true);
  });

  it('stops a git that stays silent past the deadline, and reaps it', async () => {
    const fake = await fakeGit('silent-git', 'echo "still thinking" >&2\nexec sleep 600');
    const batch = new CatFileBatch(dir, { git: fake.bin, idleTimeoutMs: 300 });
    const first = batch.read(blobs[0]!.oid);
    const second = batch.read(blobs[1]!.oid);
    await expect(first).rejects.toThrow(
      `git cat-file --batch gave no answer for 0.3 s (reading ${blobs[0]!.oid}): still thinking`,
    );
    await expect(second).rejects.toBeInstanceOf(CatFileError);
    await batch.close();
    expect(await allGone(fake.pids)).toBe(true);
  });

  it('stops a git that answers nonsense', async () => {
    const fake = await fakeGit('garbage-git', 'echo "not a header"\nexec sleep 600');
    const batch = new CatFileBatch(dir, { git: fake.bin });
    await expect(batch.read(blobs[0]!.oid)).rejects.toThrow(
      'git cat-file --batch sent an answer it does not understand ("not a header")',
    );
    await batch.close();
    expect(await allGone(fake.pids)).toBe(true);
  });

  it('says so when git cannot be started', async () => {
    const batch = new CatFileBatch(dir, { git: path.join(work, 'no-such-git') });
    await expect(batch.read(blobs[0]!.oid)).rejects.toThrow(
      /^cannot run git cat-file --batch: spawn .*no-such-git ENOENT/,
    );
    await batch.close();
  });

  it('refuses a name it cannot send', async () => {
    const batch = new CatFileBatch(dir);
    await expect(batch.read('HEAD:a\nb')).rejects.toThrow('cannot ask git cat-file --batch');
    await batch.close();
  });
});

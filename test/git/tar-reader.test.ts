// readTar against real `git archive --format=tar` output: every member must
// match what `git ls-tree` and `git cat-file` say about the tree (names as raw
// bytes, kinds, sizes, content hashes, link targets), however the bytes are
// chunked, including ustar prefix splitting, pax path/linkpath records, the
// pax global header carrying the commit id, non-UTF-8 names and gitlinks.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTar, type TarEntry } from '../../src/git/index.js';
import { createFixtureRepo, git } from '../support/git-fixture.js';
import { commitWithGitlink, tarTruth, type TarTruth } from '../oracle/git-view.js';
import { tempDir } from '../support/temp-dir.js';

/** Deterministic incompressible bytes (xorshift), so sizes span many blocks. */
function noise(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

const splitName = `${'a'.repeat(60)}/${'b'.repeat(60)}/c.txt`; // > 100 bytes, fits ustar prefix
const longComponent = `deep/${'x'.repeat(150)}.txt`; // one name over 100 bytes: pax path
const veryDeep = `${Array.from({ length: 30 }, (_, i) => `level${i}`).join('/')}/leaf.go`; // > 255 bytes

const files = [
  { path: 'go.mod', content: 'module example.com/tar\n' },
  { path: splitName, content: 'split\n' },
  { path: longComponent, content: 'pax path\n' },
  { path: veryDeep, content: 'package leaf\n' },
  { path: 'latin1-\udce9.txt', content: 'not utf-8 name\n' },
  { path: 'bad-\udcff\udcfe/inner.txt', content: 'inside a non-UTF-8 directory\n' },
  { path: 'with space/ü ñ 日本 😀.txt', content: 'unicode\n' },
  { path: 'run.sh', content: '#!/bin/sh\necho hi\n', mode: '100755' as const },
  { path: 'empty.txt', content: '' },
  { path: 'block512.bin', content: noise(512, 7) },
  { path: 'block1024plus1.bin', content: noise(1025, 8) },
  { path: 'big.bin', content: noise(200_000, 9) },
  { path: 'link', content: 'go.mod', mode: '120000' as const },
  { path: 'longlink', content: splitName, mode: '120000' as const },
  { path: 'rawlink', content: Buffer.from([0x6e, 0xff, 0x2f, 0x78]), mode: '120000' as const },
];

let tmp = '';
let dir = '';
let commit = '';
let tar: Buffer = Buffer.alloc(0);
let truth: TarTruth[] = [];

beforeAll(async () => {
  tmp = await tempDir('modseal-tar-test-');
  const fx = await createFixtureRepo(path.join(tmp, 'repo'), [{ files }]);
  dir = fx.dir;
  commit = await commitWithGitlink(dir, fx.commits[0] ?? '', 'sub', 'a'.repeat(40), 'v1.0.0');
  tar = await git(dir, ['archive', '--format=tar', '--prefix=prefix/', commit]);
  truth = await tarTruth(dir, commit, 'prefix/');
});

async function* chunked(b: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < b.length; i += size) yield await Promise.resolve(b.subarray(i, i + size));
}

async function describeEntry(e: TarEntry): Promise<TarTruth> {
  const h = createHash('sha256');
  for await (const c of e.body()) h.update(c);
  return {
    name: e.name.toString('latin1'),
    kind: e.kind as TarTruth['kind'],
    size: e.size,
    linkName: e.linkName.toString('latin1'),
    sha256: h.digest('hex'),
  };
}

async function list(source: AsyncIterable<Buffer>): Promise<TarTruth[]> {
  const out: TarTruth[] = [];
  for await (const e of readTar(source)) out.push(await describeEntry(e));
  return out;
}

describe('readTar on git archive output', () => {
  it('the fixture needs every tar feature under test', () => {
    // Guards against a fixture that silently stopped exercising the reader.
    const text = tar.toString('latin1');
    expect(text).toContain(`path=prefix/${longComponent}\n`);
    expect(text).toContain(`linkpath=${splitName}\n`);
    expect(truth.some((t) => t.name === 'prefix/sub/' && t.kind === 'dir')).toBe(true);
    expect(truth.some((t) => t.name === 'prefix/latin1-\xe9.txt')).toBe(true);
    expect(truth.some((t) => t.name === `prefix/${veryDeep}`)).toBe(true);
  });

  it('the archive carries the commit id in its global header', async () => {
    const id = await git(dir, ['get-tar-commit-id'], { input: tar });
    expect(id.toString().trim()).toBe(commit);
  });

  it('lists every member as git ls-tree and cat-file describe it', async () => {
    expect(await list(chunked(tar, tar.length))).toEqual(truth);
  });

  it('gives the same members however the stream is chunked', async () => {
    for (const size of [1, 3, 100, 511, 512, 513, 4096, 65536]) {
      expect({ size, got: await list(chunked(tar, size)) }).toEqual({ size, got: truth });
    }
  });

  it('skips bodies the consumer does not read', async () => {
    const names: string[] = [];
    for await (const e of readTar(chunked(tar, 700))) names.push(e.name.toString('latin1'));
    expect(names).toEqual(truth.map((t) => t.name));
  });

  it('keeps yielded names and link targets valid after later chunks arrive', async () => {
    const kept: TarEntry[] = [];
    for await (const e of readTar(chunked(tar, 512))) kept.push(e);
    expect(kept.map((e) => [e.name.toString('latin1'), e.linkName.toString('latin1')])).toEqual(
      truth.map((t) => [t.name, t.linkName]),
    );
  });

  it('reports a truncated archive', async () => {
    const cut = tar.subarray(0, 3000);
    await expect(list(chunked(cut, 512))).rejects.toThrow('unexpected end of tar archive');
  });

  it('reads its source to the end, past the end-of-archive blocks', async () => {
    // A `git archive` process can only exit once its output has been read;
    // the end-of-archive marker may arrive before the rest of the padding.
    const end = lastMemberEnd(tar);
    let drained = false;
    async function* source(): AsyncGenerator<Buffer> {
      yield await Promise.resolve(tar.subarray(0, end + 512));
      yield await Promise.resolve(tar.subarray(end + 512));
      drained = true;
    }
    expect(await list(source())).toEqual(truth);
    expect(drained).toBe(true);
  });

  it('lets a writer that sends the end-of-archive blocks late exit', async () => {
    const end = lastMemberEnd(tar) + 512;
    // The child writes all but the padding, pauses, then writes the rest.
    const script =
      'const b=require("fs").readFileSync(0);const n=+process.argv[1];' +
      'process.stdout.write(b.subarray(0,n),()=>setTimeout(()=>process.stdout.end(b.subarray(n)),200));';
    const child = spawn(process.execPath, ['-e', script, String(end)], { stdio: 'pipe' });
    child.stdin.end(tar);
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const got = await list(child.stdout);
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('hung'), 5_000));
    const outcome = await Promise.race([closed, timeout]);
    if (outcome === 'hung') child.kill('SIGKILL');
    expect(outcome).toBe(0);
    expect(got).toEqual(truth);
  });
});

/** Offset just past the last member's padded body: where the first zero block starts. */
function lastMemberEnd(b: Buffer): number {
  let off = 0;
  for (;;) {
    const header = b.subarray(off, off + 512);
    if (header.every((x) => x === 0)) return off;
    const size = parseInt(header.subarray(124, 136).toString('latin1').replace(/\0.*$/, ''), 8);
    off += 512 + Math.ceil(size / 512) * 512;
  }
}

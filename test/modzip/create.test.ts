// createZip beyond the vectors: the container is deterministic and holds
// exactly the kept files in input order, data is streamed and held to the
// declared size, and failures carry Go's wording.
import { readFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import yauzl from 'yauzl';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashZipFile } from '../../src/dirhash/index.js';
import { createZip, type ZipSourceFile } from '../../src/modzip/index.js';
import { tempDir } from '../support/temp-dir.js';

const m = { path: 'example.com/m', version: 'v1.2.3' };

function file(p: string, data: string | Buffer, extra: Partial<ZipSourceFile> = {}): ZipSourceFile {
  const buf = Buffer.from(data);
  return { path: p, kind: 'regular', size: buf.length, open: () => Promise.resolve(buf), ...extra };
}

async function zipBytes(files: ZipSourceFile[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await createZip(out, m, files);
  return Buffer.concat(chunks);
}

async function writeZip(files: ZipSourceFile[], name: string): Promise<string> {
  const p = path.join(dir, name);
  const out = createWriteStream(p);
  const closed = new Promise<void>((resolve) => out.on('close', () => resolve()));
  await createZip(out, m, files);
  await closed;
  return p;
}

async function failure(files: ZipSourceFile[]): Promise<string> {
  const out = new PassThrough();
  out.resume();
  return createZip(out, m, files).then(
    () => 'no error',
    (e: unknown) => (e as Error).message,
  );
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir('modseal-create-');
});

describe('container', () => {
  const files = [
    file('z.go', 'package z\n'),
    file('go.mod', 'module example.com/m\n'),
    file('sub/a.go', 'package sub\n'),
    file('link.go', '', { kind: 'symlink' }),
    file('vendor/x/y.go', 'vendored'),
    file('empty.go', ''),
  ];

  it('is byte-for-byte reproducible', async () => {
    const a = await zipBytes(files);
    const b = await zipBytes(files);
    expect(a.equals(b)).toBe(true);
  });

  it('holds the kept files only, in input order, without directory entries', async () => {
    const bytes = await zipBytes(files);
    const zf = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
    const seen: { name: string; date: number; time: number }[] = [];
    for await (const e of zf.eachEntry()) {
      seen.push({ name: e.fileName, date: e.lastModFileDate, time: e.lastModFileTime });
    }
    expect(seen.map((s) => s.name)).toEqual(
      ['z.go', 'go.mod', 'sub/a.go', 'empty.go'].map((p) => `${m.path}@${m.version}/${p}`),
    );
    // One fixed timestamp for every entry, whatever the clock says.
    expect(new Set(seen.map((s) => `${s.date}/${s.time}`)).size).toBe(1);
  });
});

describe('file data', () => {
  it('streams large sources', async () => {
    const size = 20 << 20;
    const big: ZipSourceFile = {
      path: 'big.bin',
      kind: 'regular',
      size,
      open: () => Promise.resolve(Readable.from(chunks(size))),
    };
    const viaStream = await writeZip([big], 'big-stream.zip');
    const viaBuffer = await writeZip([file('big.bin', Buffer.alloc(size, 7))], 'big-buffer.zip');
    expect(await hashZipFile(viaStream)).toBe(await hashZipFile(viaBuffer));
  });

  it('fails when a source yields more than its declared size', async () => {
    const lie = file('lie.go', 'package large', { size: 1 });
    expect(await failure([lie])).toBe('create zip: file "lie.go" is larger than declared size');
  });

  it('writes what a source yields when it is shorter than declared, as Go does', async () => {
    const short = await writeZip([file('a.go', 'abc', { size: 100 })], 'short.zip');
    const exact = await writeZip([file('a.go', 'abc')], 'exact.zip');
    expect(await hashZipFile(short)).toBe(await hashZipFile(exact));
  });

  it('reports a source that cannot be opened or fails while read', async () => {
    const cannotOpen = file('a.go', 'x', {
      open: () => Promise.reject(new Error('open a.go: gone')),
    });
    expect(await failure([cannotOpen])).toBe('create zip: open a.go: gone');
    const broken = file('b.go', 'xyz', {
      open: () =>
        Promise.resolve(
          new Readable({
            read() {
              this.destroy(new Error('read b.go: I/O error'));
            },
          }),
        ),
    });
    expect(await failure([broken])).toBe('create zip: read b.go: I/O error');
  });

  it('reads the root go.mod for the vendor rule (go 1.24 keeps pkg/vendor/x.go)', async () => {
    const files = (goLine: string) => [
      file('go.mod', `module example.com/m\n\ngo ${goLine}\n`),
      file('pkg/vendor/x.go', 'package vendor\n'),
      file('vendor/modules.txt', '# m\n'),
    ];
    const names = async (goLine: string) => {
      const zf = await yauzl.fromBufferPromise(await zipBytes(files(goLine)), {
        lazyEntries: true,
      });
      const out: string[] = [];
      for await (const e of zf.eachEntry())
        out.push(e.fileName.slice(`${m.path}@${m.version}/`.length));
      return out;
    };
    expect(await names('1.23')).toEqual(['go.mod', 'vendor/modules.txt']);
    expect(await names('1.24')).toEqual(['go.mod', 'pkg/vendor/x.go']);
  });
});

function* chunks(size: number): Generator<Buffer> {
  const c = Buffer.alloc(1 << 20, 7);
  for (let left = size; left > 0; left -= c.length)
    yield left >= c.length ? c : c.subarray(0, left);
}

it('keeps the zip readable after a failure elsewhere (sanity of the temp dir)', async () => {
  const p = await writeZip([file('a.go', 'a')], 'sanity.zip');
  expect((await readFile(p)).subarray(0, 4).toString('hex')).toBe('504b0304');
});

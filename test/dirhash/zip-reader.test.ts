// The yauzl layer: failures are one sentence, CRC-32 is standard, data that
// does not match the central directory is refused.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { crc32, hashZipFile } from '../../src/dirhash/index.js';
import { buildZip } from '../modzip/raw-zip.js';
import { tempDir } from '../support/temp-dir.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('modseal-zipreader-');
});

async function errorOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'no error',
    (e: unknown) => (e as Error).message,
  );
}

describe('crc32', () => {
  it('gives the standard check value for "123456789"', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
  it('continues across chunks', () => {
    expect(crc32(Buffer.from('6789'), crc32(Buffer.from('12345')))).toBe(0xcbf43926);
  });
});

describe('unreadable zips', () => {
  it('a missing file reads like Go', async () => {
    const p = path.join(dir, 'missing.zip');
    expect(await errorOf(hashZipFile(p))).toBe(`open ${p}: no such file or directory`);
  });
  it('a file that is not a zip is one sentence', async () => {
    const p = path.join(dir, 'text.zip');
    writeFileSync(p, 'hello, this is not a zip\n');
    const msg = await errorOf(hashZipFile(p));
    expect(msg.startsWith('not a valid zip file: ')).toBe(true);
    expect(msg).not.toContain('\n');
  });
  it('a truncated zip is one sentence', async () => {
    const p = path.join(dir, 'trunc.zip');
    const whole = buildZip([{ name: 'm@v1.0.0/a.go', data: Buffer.alloc(1000, 1) }]);
    writeFileSync(p, whole.subarray(0, whole.length - 30));
    const msg = await errorOf(hashZipFile(p));
    expect(msg.startsWith('not a valid zip file: ')).toBe(true);
  });
  it('an unsupported compression method is refused', async () => {
    const p = path.join(dir, 'method.zip');
    const z = buildZip([{ name: 'm@v1.0.0/a.go', data: Buffer.from('abc'), store: true }]);
    // Patch the method in the local header (offset 8) and central header.
    z.writeUInt16LE(12, 8);
    z.writeUInt16LE(12, z.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    writeFileSync(p, z);
    expect((await errorOf(hashZipFile(p))).startsWith('not a valid zip file: ')).toBe(true);
  });
  it('a wrong CRC-32 is refused', async () => {
    const p = path.join(dir, 'crc.zip');
    writeFileSync(p, buildZip([{ name: 'm@v1.0.0/a.go', data: Buffer.from('abc'), crc: 1 }]));
    expect(await errorOf(hashZipFile(p))).toBe(
      'not a valid zip file: m@v1.0.0/a.go: checksum error',
    );
  });
  it('data longer or shorter than declared is refused', async () => {
    const longer = path.join(dir, 'longer.zip');
    writeFileSync(longer, buildZip([{ name: 'a', data: Buffer.from('abcdef'), declaredSize: 2 }]));
    expect(await errorOf(hashZipFile(longer))).toMatch(/^not a valid zip file: a: .*larger/);
    const shorter = path.join(dir, 'shorter.zip');
    writeFileSync(shorter, buildZip([{ name: 'a', data: Buffer.from('ab'), declaredSize: 9 }]));
    expect(await errorOf(hashZipFile(shorter))).toMatch(/^not a valid zip file: a: .*smaller/);
  });
});

// Memory of a 200 MiB module-zip download + check + hash with our client.
// The zip is generated on disk and served from loopback; the download runs in
// a child process so its peak RSS is measured apart from the generator's.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { GoproxyClient } from '../src/goproxy/index.js';
import { createNodeHttpClient } from '../src/http/index.js';
import { startGoproxyServer } from '../test/support/goproxy-server.js';

const modPath = 'bench.example/big';
const version = 'v1.0.0';
const childFlag = 'MODSEAL_ZIP_BENCH_CHILD';

async function makeZip(file: string, totalMiB: number): Promise<void> {
  const z = new yazl.ZipFile();
  const prefix = `${modPath}@${version}/`;
  z.addBuffer(Buffer.from(`module ${modPath}\n`), `${prefix}go.mod`);
  const dir = path.dirname(file);
  // Random data does not compress: the zip really is ~totalMiB.
  for (let i = 0; i < totalMiB / 8; i++) {
    const part = path.join(dir, `part${i}.bin`);
    await writeFile(part, randomBytes(8 << 20));
    z.addFile(part, `${prefix}data/part${i}.bin`, { compress: false });
  }
  z.end();
  await new Promise<void>((resolve, reject) => {
    z.outputStream.pipe(createWriteStream(file)).on('close', resolve).on('error', reject);
  });
}

async function child(url: string, dest: string): Promise<void> {
  const baseline = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  const client = new GoproxyClient({ proxy: url, http: createNodeHttpClient() });
  const r = await client.downloadZip(modPath, version, dest);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    JSON.stringify({ baseline, peak, seconds, h1: r.value.h1, size: r.value.size }) + '\n',
  );
}

/** Serves a generated 200 MiB zip on loopback and measures a child's download of it. */
export async function benchZipDownload(): Promise<{
  baselineRssMiB: number;
  peakRssMiB: number;
  seconds: number;
}> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'modseal-zip-bench-'));
  try {
    const tree = path.join(root, 'proxy', modPath, '@v');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(tree, { recursive: true });
    await makeZip(path.join(tree, `${version}.zip`), 200);
    const server = await startGoproxyServer(path.join(root, 'proxy'));
    try {
      const self = fileURLToPath(import.meta.url);
      const out = await new Promise<string>((resolve, reject) => {
        const p = spawn(
          process.execPath,
          // The benches run bundled (scripts/bench.mjs), so the child re-runs this same bundle.
          [self, server.url, path.join(root, 'dl')],
          { env: { ...process.env, [childFlag]: '1' }, stdio: ['ignore', 'pipe', 'inherit'] },
        );
        let text = '';
        p.stdout.on('data', (d: Buffer) => (text += d.toString()));
        p.on('error', reject);
        p.on('close', (code) =>
          code === 0 ? resolve(text) : reject(new Error(`bench child exited ${code}`)),
        );
      });
      const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
        baseline: number;
        peak: number;
        seconds: number;
      };
      return {
        baselineRssMiB: r.baseline / (1 << 20),
        peakRssMiB: r.peak / (1 << 20),
        seconds: r.seconds,
      };
    } finally {
      await server.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (process.env[childFlag] === '1') {
  await child(process.argv[2] ?? '', process.argv[3] ?? '');
  // Stop here: the bundle's own entry point must not run in the child.
  process.exit(0);
}

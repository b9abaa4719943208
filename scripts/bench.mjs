// `npm run bench`: bundles the TypeScript benchmarks with esbuild (Node 20
// cannot run .ts) and runs them. Never part of `npm test`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import process from 'node:process';

mkdirSync('.bench', { recursive: true });
await build({
  entryPoints: ['bench/run.ts'],
  outfile: '.bench/run.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['.bench/run.mjs', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);

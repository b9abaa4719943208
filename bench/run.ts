// Prints modseal's speed and memory against the go command on the same
// input, as ratios. Goals (issue 2 and 3): hashing no slower than Go with
// memory that does not grow with module size; a 200 MiB zip downloaded and
// hashed in under 100 MiB above the process baseline.
import { existsSync } from 'node:fs';
import { benchHash } from './hash-bench.js';
import { benchZipDownload } from './zip-download-bench.js';

function fmt(n: number, digits = 2): string {
  return n.toFixed(digits);
}

async function main(): Promise<void> {
  const only = process.argv[2];
  if (!existsSync('dist/cli.js'))
    throw new Error('run `npm run build` first: the bench runs dist/cli.js');
  if (only === undefined || only === 'hash') {
    const r = await benchHash();
    console.log('hash (20,000 files, ~300 MB repository)');
    console.log(
      `  modseal hash:            ${fmt(r.ours.seconds)} s, peak RSS ${fmt(r.ours.peakRssMiB, 0)} MiB`,
    );
    console.log(
      `  modseal hash --zip-out:  ${fmt(r.oursZip.seconds)} s, peak RSS ${fmt(r.oursZip.peakRssMiB, 0)} MiB`,
    );
    console.log(
      `  go mod download (direct): ${fmt(r.go.seconds)} s, peak RSS ${fmt(r.go.peakRssMiB, 0)} MiB (includes cloning the repository, which the mirror must do too)`,
    );
    console.log(
      `  modseal hash on a 2,000-file, ~30 MB repository: peak RSS ${fmt(r.oursSmall.peakRssMiB, 0)} MiB (10x less input; memory should stay about the same)`,
    );
    console.log(
      `  ratio modseal/go: time ${fmt(r.ours.seconds / r.go.seconds)}x (with --zip-out ${fmt(r.oursZip.seconds / r.go.seconds)}x), memory ${fmt(r.ours.peakRssMiB / r.go.peakRssMiB)}x (goal: time <= 1.00x)`,
    );
  }
  if (only === undefined || only === 'download') {
    const r = await benchZipDownload();
    console.log('download + check + hash of a 200 MiB module zip from loopback');
    console.log(
      `  ${fmt(r.seconds)} s, peak RSS ${fmt(r.peakRssMiB, 0)} MiB, baseline ${fmt(r.baselineRssMiB, 0)} MiB, above baseline ${fmt(r.peakRssMiB - r.baselineRssMiB, 0)} MiB (goal: < 100 MiB)`,
    );
  }
}

await main();

// Prints modseal's speed and memory against the go command on the same
// input, as ratios. Goals (issue 2 and 3): hashing no slower than Go with
// memory that does not grow with module size; a 200 MiB zip downloaded and
// hashed in under 100 MiB above the process baseline.
import { existsSync } from 'node:fs';
import { benchHash } from './hash-bench.js';
import { benchLint } from './lint-bench.js';
import { benchScan } from './scan-bench.js';
import { benchScanNet, LATENCY_MS } from './scan-net-bench.js';
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
    const node = (m: { nodeRssMiB?: number }): string =>
      m.nodeRssMiB === undefined ? '' : ` (node process alone: ${fmt(m.nodeRssMiB, 0)} MiB)`;
    const line = (label: string, m: { seconds: number; peakRssMiB: number; nodeRssMiB?: number }) =>
      console.log(`  ${label} ${fmt(m.seconds)} s, peak RSS ${fmt(m.peakRssMiB, 0)} MiB${node(m)}`);
    console.log(
      'hash (20,000 files, ~300 MB repository; peak RSS covers the process and its children)',
    );
    line('modseal hash:            ', r.ours);
    line('modseal hash --zip-out:  ', r.oursZip);
    line('go mod download (direct):', r.go);
    console.log('    (go includes cloning the repository, which the mirror must do too)');
    line('modseal hash, 2,000 files / ~30 MB:', r.oursSmall);
    console.log(
      `  ratio modseal/go: time ${fmt(r.ours.seconds / r.go.seconds)}x (with --zip-out ${fmt(r.oursZip.seconds / r.go.seconds)}x), memory ${fmt(r.ours.peakRssMiB / r.go.peakRssMiB)}x (goal: time <= 1.00x)`,
    );
    if (r.ours.nodeRssMiB !== undefined && r.oursSmall.nodeRssMiB !== undefined) {
      console.log(
        `  memory against module size: node process ${fmt(r.oursSmall.nodeRssMiB, 0)} MiB for 30 MB, ${fmt(r.ours.nodeRssMiB, 0)} MiB for 300 MB (goal: about flat)`,
      );
    }
    line('modseal hash, 300 MB, V8 heap capped at 32 MiB:', r.oursCappedHeap);
  }
  if (only === undefined || only === 'download') {
    const r = await benchZipDownload();
    console.log('download + check + hash of a 200 MiB module zip from loopback');
    console.log(
      `  ${fmt(r.seconds)} s, peak RSS ${fmt(r.peakRssMiB, 0)} MiB, baseline ${fmt(r.baselineRssMiB, 0)} MiB, above baseline ${fmt(r.peakRssMiB - r.baselineRssMiB, 0)} MiB (goal: < 100 MiB)`,
    );
  }
  if (only === undefined || only === 'scan') {
    const r = await benchScan();
    const n = r.versions;
    console.log(
      `scan: every version hashed (generated opentelemetry-go shape: ${n} module versions over ${r.modules} modules, ${r.distinctBlobs} distinct contents, ${fmt(r.contentMiB, 0)} MiB)`,
    );
    console.log(
      `  first full scan:        ${fmt(r.first.seconds)} s (${fmt((1000 * r.first.seconds) / n, 1)} ms a version; CPU: node ${fmt(r.first.cpuSeconds)} s${r.first.gitCpuSeconds === undefined ? '' : `, git ${fmt(r.first.gitCpuSeconds)} s over both passes`}), listings ${r.first.fromObjects} from objects, ${r.first.fromArchive} via git archive (goal: <= 30 s on 2 cores)`,
    );
    console.log(
      `  second pass, warm cache: ${fmt(r.second.seconds)} s, ${r.second.newBlobs} blobs read again`,
    );
    console.log(
      `  git cat-file --batch, the same ${r.catFile.objects} objects (${fmt(r.catFile.mib, 0)} MiB): ${fmt(r.catFile.seconds)} s; ratio scan/cat-file ${fmt(r.first.seconds / r.catFile.seconds)}x`,
    );
    console.log(
      `  modseal hash per version (sample): ${fmt(r.cliPerVersion, 3)} s a version, ${fmt(r.cliPerVersion * n, 0)} s for all; ratio scan/hash ${fmt(r.first.seconds / (r.cliPerVersion * n), 3)}x`,
    );
    console.log(
      `  git archive per version in process (sample): ${fmt(r.archivePerVersion, 3)} s a version, ${fmt(r.archivePerVersion * n, 0)} s for all; ratio ${fmt(r.first.seconds / (r.archivePerVersion * n), 3)}x`,
    );
    console.log(
      `  memory: heap after GC at 25/50/75/100 % of versions ${r.heapMiB.map((m) => fmt(m, 1)).join(' / ')} MiB, peak RSS ${fmt(r.peakRssMiB, 0)} MiB${r.generated ? ' (with generating the repository)' : ''} (goal: flat in the number of versions)`,
    );
    for (const [i, run] of r.stateRuns.entries()) {
      console.log(
        `  modseal scan with --state, ${i === 0 ? 'first run' : 'second run, nothing changed'}: ${fmt(run.seconds)} s, ${run.versions} versions, ${run.rebuilt} rebuilt, ${run.reused} reused (mirror and database off)${i === 0 ? ' (goal: <= 30 s)' : ' (goal: <= 3 s)'}`,
      );
    }
  }
  if (only === undefined || only === 'lint') {
    const r = await benchLint();
    console.log(
      `lint --offline at HEAD (generated opentelemetry-go shape: ${r.modules} modules, ${r.goFilesInTree} .go files, ${r.tags} tags; ${r.goFilesRead} .go files read, those of modules with a /vN path)`,
    );
    for (const [i, run] of r.runs.entries()) {
      console.log(
        `  run ${i + 1}: ${fmt(run.seconds)} s, peak RSS ${fmt(run.peakRssMiB, 0)} MiB, verdict ${run.verdict}, ${run.findings} finding${run.findings === 1 ? '' : 's'} (goal: a few seconds on 2 cores)`,
      );
    }
    const best = Math.min(...r.runs.map((x) => x.seconds));
    const b = r.baselineRead;
    console.log(
      `  git ls-tree -r + cat-file --batch over the same ${b.files} .go files (${fmt(b.mib, 1)} MiB): ${fmt(b.seconds, 3)} s; ratio lint/baseline ${fmt(best / b.seconds, 1)}x (best run)`,
    );
    console.log(
      `  the same over all ${r.baselineAll.files} .go files: ${fmt(r.baselineAll.seconds, 3)} s`,
    );
  }
  if (only === undefined || only === 'scan-net') {
    const r = await benchScanNet();
    console.log(
      `scan against a slow network: ${r.versions} versions over 3 modules, loopback mirror and checksum database answering each request ${LATENCY_MS} ms late (mirror filled in ${fmt(r.publishSeconds, 0)} s, not timed)`,
    );
    for (const [i, run] of r.runs.entries()) {
      const requests = run.mirrorRequests + run.sumdbRequests;
      // What a client asking one request at a time would need for the same requests.
      const oneAtATime = (requests * LATENCY_MS) / 1000;
      const counts = Object.entries(run.statuses)
        .map(([s, n]) => `${n} ${s}`)
        .join(', ');
      console.log(
        `  modseal scan --state, ${i === 0 ? 'first run' : 'second run, nothing changed'}: ${fmt(run.seconds)} s, peak RSS ${fmt(run.peakRssMiB, 0)} MiB, ${run.versions} versions (${counts}), requests: mirror ${run.mirrorRequests}, database ${run.sumdbRequests}; one at a time ${fmt(oneAtATime, 1)} s, ratio ${fmt(run.seconds / oneAtATime)}x${i === 0 ? ' (goal: < 15 s)' : ''}`,
      );
    }
    const big = r.offline2000;
    console.log(
      `  memory against the number of versions (offline scan, peak RSS): ${fmt(r.offline300.peakRssMiB, 0)} MiB for ${r.versions} versions${big === undefined ? ' (run `npm run bench scan` once for the 2,000-version repository)' : `, ${fmt(big.peakRssMiB, 0)} MiB for 2,000 (ratio ${fmt(big.peakRssMiB / r.offline300.peakRssMiB)}x for ${fmt(2000 / r.versions, 1)}x the versions, but also 150 MiB of contents against about 1 MiB)`}`,
    );
    if (r.oneModule !== undefined && big !== undefined) {
      console.log(
        `  the same 2,000-version repository, one module (${r.oneModule.report.results?.length ?? 0} versions, the same contents and pack): ${fmt(r.oneModule.peakRssMiB, 0)} MiB; all 2,000 versions ${fmt(big.peakRssMiB, 0)} MiB, ratio ${fmt(big.peakRssMiB / r.oneModule.peakRssMiB)}x (goal: about 1)`,
      );
    }
  }
}

await main();

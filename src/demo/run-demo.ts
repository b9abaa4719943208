// The whole release gate offline: a throwaway repository, a loopback mirror
// and checksum database, a published v1.0.0, a moved tag, and the report a
// maintainer would see. Uses the real gate (createReleaseCheck) and the
// real text report; only the servers are ours.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ReleaseReport } from '../checks/types.js';
import { errorMessage } from '../internal/errors.js';
import { renderText } from '../report/text.js';
import { createReleaseCheck, type ReleaseCheckRequest } from '../wire/index.js';
import { DemoRepo } from './demo-repo.js';
import { MemoryMirrorStore, startMirrorServer, type MirrorServer } from '../goproxy/server.js';
import { publishTag } from './publish.js';
import { startChecksumDatabase, type ChecksumDatabase } from '../sumdb/server.js';

const MODULE = 'example.com/hello';
const TAG = 'v1.0.0';
/** The file the "maintainer" rewrites before moving the tag. */
export const CHANGED_FILE = 'hello.go';

const LICENSE = `Copyright (c) 2024 Demo Maintainer

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software, to deal in the software without restriction.
`;

const files = {
  'go.mod': `module ${MODULE}\n\ngo 1.21\n`,
  LICENSE,
  'README.md': `# hello\n\nA module that greets.\n`,
  [CHANGED_FILE]: `// Package hello greets.
package hello

// Greeting returns the greeting for name.
func Greeting(name string) string {
	return "Hello, " + name + "!"
}
`,
  'hello_test.go': `package hello

import "testing"

func TestGreeting(t *testing.T) {
	if got := Greeting("Gopher"); got != "Hello, Gopher!" {
		t.Fatalf("Greeting = %q", got)
	}
}
`,
};

// After the release, a "quick fix" lands and the tag is moved onto it.
const fixedHello = `// Package hello greets.
package hello

import "strings"

// Greeting returns the greeting for name.
func Greeting(name string) string {
	return "Hello, " + strings.TrimSpace(name) + "!"
}
`;

export interface DemoIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** What the demo saw, for the caller's exit status (and tests). */
export interface DemoOutcome {
  /** True when the gate passed the first release and failed the moved tag with tag-moved. */
  asExpected: boolean;
  first?: ReleaseReport;
  second?: ReleaseReport;
}

/** Throws unless the report is what the demo expects at that point. */
function expectReport(report: ReleaseReport, when: string, want: 'pass' | 'tag-moved'): void {
  if (want === 'pass' && report.verdict === 'pass') return;
  if (
    want === 'tag-moved' &&
    report.verdict === 'fail' &&
    report.findings.some((f) => f.code === 'tag-moved') &&
    report.diff?.changed.some((c) => c.name === CHANGED_FILE) === true
  ) {
    return;
  }
  const wanted = want === 'pass' ? 'PASS' : 'FAIL with tag-moved and a diff of ' + CHANGED_FILE;
  throw new Error(`${when}: expected ${wanted}, got:\n${renderText(report)}`);
}

/**
 * Runs the demo; writes the story to `io.stdout`. Never leaves servers or
 * temporary directories behind. Resolves with asExpected false (after
 * explaining on `io.stderr`) when the demo itself broke.
 */
export async function runDemo(io: DemoIo, options: { tmpDir?: string } = {}): Promise<DemoOutcome> {
  const out = (s = ''): void => io.stdout(`${s}\n`);
  const log: string[] = [];
  const outcome: DemoOutcome = { asExpected: false };
  const root = await mkdtemp(path.join(options.tmpDir ?? os.tmpdir(), 'modseal-demo-'));
  let mirror: MirrorServer | undefined;
  let sumdb: ChecksumDatabase | undefined;
  try {
    const repo = await DemoRepo.init(path.join(root, 'hello'));
    await repo.write(files);
    const first = await repo.commit('hello: first release', '2024-03-01T12:00:00Z');
    await repo.tag(TAG);
    out(`modseal demo: the release gate, offline, against a throwaway repository`);
    out();
    out(`1. A maintainer tags ${TAG} of ${MODULE} (commit ${first.slice(0, 12)}) in`);
    out(`   ${repo.dir}`);

    const store = new MemoryMirrorStore();
    mirror = await startMirrorServer({ store });
    sumdb = await startChecksumDatabase({ name: 'sum.demo.modseal.test' });
    const published = await publishTag(repo.dir, TAG, `https://${MODULE}`, store, sumdb);
    out();
    out(`2. Someone runs \`go get ${MODULE}@${TAG}\`: the module mirror (${mirror.url})`);
    out(`   keeps the zip and the checksum database (${sumdb.url}) signs its hashes:`);
    for (const l of published.goSum) out(`     ${l}`);

    const env: NodeJS.ProcessEnv = {
      GOPROXY: mirror.url,
      GOSUMDB: sumdb.gosumdb,
      GOPRIVATE: '',
      GONOPROXY: '',
      GONOSUMDB: '',
      GOINSECURE: '',
      GOFLAGS: '',
      NETRC: '',
    };
    const check = createReleaseCheck({
      logger: { info: (m) => void log.push(m), debug: () => undefined },
      env,
      cachedOnlyHosts: [new URL(mirror.url).host],
    });
    const request: ReleaseCheckRequest = {
      repoDir: repo.dir,
      tag: TAG,
      warm: true,
      warmTimeoutMs: 5_000,
    };

    outcome.first = await check(request);
    expectReport(outcome.first, 'the first run', 'pass');
    out();
    out(`3. The release gate runs on the tag push: the mirror and the database hold`);
    out(`   exactly what the tag points at.`);
    out(`   ${renderText(outcome.first).split('\n')[0] ?? ''}`);

    await repo.write({ [CHANGED_FILE]: fixedHello });
    const second = await repo.commit('hello: trim the name', '2024-03-02T09:30:00Z');
    await repo.tag(TAG);
    outcome.second = await check(request);
    expectReport(outcome.second, 'the second run', 'tag-moved');
    out();
    out(`4. A quick fix lands and the tag is moved: \`git tag -f ${TAG}\` onto`);
    out(`   commit ${second.slice(0, 12)}. The gate runs again and fails; this is the report`);
    out(`   the maintainer sees (exit status 1 from \`modseal verify\`):`);
    out();
    out('-'.repeat(78));
    io.stdout(renderText(outcome.second));
    out('-'.repeat(78));
    out();
    out(`What happened: the mirror and the checksum database keep the first bytes of`);
    out(`${TAG} forever. Users who fetch through the mirror keep getting the old`);
    out(`${CHANGED_FILE}; anyone fetching the tag directly gets the new one and`);
    out(`"verifying module: checksum mismatch ... SECURITY ERROR". Moving the tag back`);
    out(`is safe only if nobody fetched the new commit; the fix that always works is a`);
    out(
      `new version (${outcome.second.remedy?.nextVersion ?? 'the next patch version'}) with a \`retract ${TAG}\` line in go.mod, as the report says.`,
    );
    outcome.asExpected = true;
  } catch (e) {
    io.stderr(`modseal demo: the demo itself broke: ${errorMessage(e)}\n`);
    if (log.length > 0) io.stderr(`gate log:\n${log.map((l) => `  ${l}\n`).join('')}`);
  } finally {
    await Promise.allSettled([mirror?.close(), sumdb?.close()]);
    await rm(root, { recursive: true, force: true });
  }
  if (outcome.asExpected) {
    out();
    out(`The second run failing is the expected outcome: the demo worked. It ran on`);
    out(`127.0.0.1 without a Go toolchain; its servers are closed and its files removed.`);
  }
  return outcome;
}

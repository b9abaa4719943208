// `modseal lint`: the pull-request check from a terminal, over the same core
// as the Action's pull-request mode. The human report goes to stdout, or to
// stderr with --json; --sarif writes the same findings for code scanning.
import path from 'node:path';
import type { LintFinding, LintReport, LintVerdict } from '../checks/lint/types.js';
import type { Logger } from '../checks/ports.js';
import { renderLintJson } from '../report/lint-json.js';
import { renderLintSarif } from '../report/sarif.js';
import { FLAG_NAMES, parseCheckSettings, type WireOptions } from '../wire/index.js';
import { createLint } from '../wire/lint.js';
import { parseFlags } from './flags.js';
import { openOutputFile, type OutputFile } from './output-file.js';
import { EXIT_FAIL, EXIT_INCONCLUSIVE, EXIT_PASS, type CliIo, type Command } from './io.js';
import { modsealVersion } from './version.js';

const USAGE = `usage: modseal lint [--repo DIR] [--ref REF] [--next TAG]... [--proxy LIST]
                    [--sumdb SPEC] [--offline] [--timeout DUR] [--json] [--sarif FILE]

Checks every module in the tree of REF (default HEAD, committed content) before
a release is tagged: the module path's major suffix against the next version,
imports of the module's previous major, go.mod as the go command reads it,
retractions and deprecations, whether the tree can become a module zip, and
whether the next version is already in the mirror or the checksum database.
--next names the tag a release is about to create (repeatable: v2.0.0,
api/v1.4.0); without it, the next version is implied by each module's latest
tag. The mirror is asked only what it already holds; --offline asks nothing.
--sarif FILE also writes the findings as SARIF 2.1.0 for code scanning.

exit status: 0 pass, 1 fail (an error finding), 2 usage or input error,
3 inconclusive (the mirror or the checksum database could not be asked)
`;

const LINT_ALIASES = {
  tag: 'next',
  goproxy: 'proxy',
  gosumdb: 'sumdb',
  'working-directory': 'repo',
};

const EXIT_BY_VERDICT: Record<LintVerdict, number> = {
  pass: EXIT_PASS,
  fail: EXIT_FAIL,
  inconclusive: EXIT_INCONCLUSIVE,
};

function where(f: LintFinding): string {
  if (f.file === undefined) return '';
  const pos = [f.file, f.line, f.column].filter((x) => x !== undefined).join(':');
  return `${pos}: `;
}

/** The report for a terminal: one block per finding, then the verdict. */
export function renderLintText(report: LintReport): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    lines.push(`${where(f)}${f.severity} ${f.code}: ${f.message}`);
    if (f.fix !== undefined) lines.push(...f.fix.split('\n').map((l) => `    ${l}`));
  }
  const n = report.modules.length;
  const counted = `${n} module${n === 1 ? '' : 's'} at ${report.ref}`;
  const found = report.findings.length;
  lines.push(
    `lint ${report.verdict}: ${counted}, ${found === 0 ? 'no findings' : `${found} finding${found === 1 ? '' : 's'}`}`,
  );
  return lines.join('\n') + '\n';
}

/** Options the tests inject; the real CLI uses the defaults. */
export type LintWiring = Omit<WireOptions, 'logger' | 'env'>;

export function makeLintCommand(wiring: LintWiring = {}): Command {
  return async (argv: string[], io: CliIo) => {
    const values = parseFlags(
      'lint',
      USAGE,
      {
        repo: { type: 'string' },
        ref: { type: 'string' },
        next: { type: 'string', multiple: true },
        proxy: { type: 'string' },
        sumdb: { type: 'string' },
        offline: { type: 'boolean' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
        sarif: { type: 'string' },
      },
      argv,
      io,
      LINT_ALIASES,
    );
    if (typeof values === 'number') return values;
    const settings = parseCheckSettings(
      { goproxy: values.proxy, gosumdb: values.sumdb, timeout: values.timeout ?? '5m' },
      FLAG_NAMES,
    );
    // Checked (and opened) before any work, like hash's --zip-out.
    let sarif: OutputFile | undefined;
    if (values.sarif !== undefined) sarif = await openOutputFile('--sarif', values.sarif, io.cwd);
    try {
      const logger: Logger = { info: (m) => io.stderr(`${m}\n`), debug: () => undefined };
      const lint = createLint({ ...wiring, logger, env: io.env });
      const report = await lint({
        repoDir: path.resolve(io.cwd, values.repo ?? '.'),
        ref: values.ref ?? 'HEAD',
        next: values.next ?? [],
        offline: values.offline === true,
        ...settings,
      });
      if (sarif !== undefined) {
        sarif.stream.write(renderLintSarif(report, { toolVersion: modsealVersion() }));
        await sarif.commit();
        sarif = undefined;
      }
      (values.json === true ? io.stderr : io.stdout)(renderLintText(report));
      if (values.json === true) io.stdout(renderLintJson(report));
      return EXIT_BY_VERDICT[report.verdict];
    } finally {
      await sarif?.discard();
    }
  };
}

export const lintCommand: Command = makeLintCommand();

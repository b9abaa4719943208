// `modseal scan`: every published version of every module against its tag,
// the mirror and the checksum database. The human report goes to stdout, or
// to stderr with --json.
import path from 'node:path';
import type { Logger } from '../checks/ports.js';
import { exitCodeOf } from '../checks/scan/status.js';
import { InputError } from '../internal/errors.js';
import { renderScanJson } from '../report/scan-json.js';
import { renderScanText } from '../report/scan-text.js';
import { FLAG_NAMES, parseCheckSettings, type WireOptions } from '../wire/index.js';
import { createScan, type ScanRequest } from '../wire/scan.js';
import { parseFlags } from './flags.js';
import { checkOutputPath } from './output-file.js';
import type { CliIo, Command } from './io.js';

const USAGE = `usage: modseal scan [--repo DIR] [--module PATH]... [--proxy LIST] [--sumdb SPEC]
                    [--concurrency N] [--state FILE] [--timeout DUR] [--json]

Checks every version of every module of the repository (or each --module):
the version tags, the mirror's versions and those named in retract
directives. Each tag's current commit is rebuilt and compared with the
checksum database's record and the mirror's zip. Nothing is published: a
version the mirror does not hold is reported unpublished without asking.
--state FILE remembers commits, hashes and the database's tree head between
runs (an unchanged tag is not rebuilt). --concurrency N sets how many rebuilds
and requests run at once; by default rebuilds follow the machine's cores and
up to 16 requests are in flight (the scan mostly waits on the network).

exit status: 0 ok (warnings: tag-missing, unpublished), 1 moved, invalid or
mirror-differs, 2 usage or input error (a damaged state file too),
3 inconclusive (something could not be asked)
`;

/** Options the tests inject; the real CLI uses the defaults. */
export type ScanWiring = Omit<WireOptions, 'logger' | 'env'>;

function parseConcurrency(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(n) || n < 1 || n > 256) {
    throw new InputError(
      `--concurrency ${JSON.stringify(text)}: must be a whole number from 1 to 256`,
    );
  }
  return n;
}

export function makeScanCommand(wiring: ScanWiring = {}): Command {
  return async (argv: string[], io: CliIo) => {
    const values = parseFlags(
      'scan',
      USAGE,
      {
        repo: { type: 'string' },
        module: { type: 'string', multiple: true },
        proxy: { type: 'string' },
        sumdb: { type: 'string' },
        concurrency: { type: 'string' },
        state: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
      },
      argv,
      io,
      { goproxy: 'proxy', gosumdb: 'sumdb', 'working-directory': 'repo', 'state-file': 'state' },
    );
    if (typeof values === 'number') return values;
    const settings = parseCheckSettings(
      { goproxy: values.proxy, gosumdb: values.sumdb, timeout: values.timeout },
      FLAG_NAMES,
    );
    const concurrency = parseConcurrency(values.concurrency);
    const request: ScanRequest = {
      repoDir: path.resolve(io.cwd, values.repo ?? '.'),
      ...(settings.goproxy !== undefined ? { goproxy: settings.goproxy } : {}),
      ...(settings.gosumdb !== undefined ? { gosumdb: settings.gosumdb } : {}),
      ...(settings.proxyToken !== undefined ? { proxyToken: settings.proxyToken } : {}),
      ...(values.timeout !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
      ...(concurrency !== undefined ? { concurrency } : {}),
      ...(values.module !== undefined && values.module.length > 0
        ? { modules: values.module }
        : {}),
    };
    if (values.state !== undefined) {
      request.stateFile = await checkOutputPath('--state', values.state, io.cwd, {
        createsFolders: true,
      });
    }
    const human = values.json === true ? io.stderr : io.stdout;
    const logger: Logger = { info: (m) => io.stderr(`${m}\n`), debug: () => undefined };
    const scan = createScan({ ...wiring, logger, env: io.env });
    const run = await scan(request);
    human(renderScanText(run.report));
    if (values.json === true) io.stdout(renderScanJson(run.report));
    return exitCodeOf(run.report.verdict);
  };
}

export const scanCommand: Command = makeScanCommand();

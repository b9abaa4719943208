// `modseal verify`: the release gate from a terminal, over the same core as
// the Action. The human report goes to stdout, or to stderr with --json.
import path from 'node:path';
import type { Logger } from '../checks/ports.js';
import type { Verdict } from '../checks/types.js';
import { renderJson } from '../report/json.js';
import { renderText } from '../report/text.js';
import {
  FLAG_NAMES,
  createReleaseCheck,
  parseCheckSettings,
  tagAtHead,
  type ReleaseCheckRequest,
  type WireOptions,
} from '../wire/index.js';
import { parseFlags } from './flags.js';
import { checkOutputPath } from './output-file.js';
import { EXIT_FAIL, EXIT_INCONCLUSIVE, EXIT_PASS, type CliIo, type Command } from './io.js';

const USAGE = `usage: modseal verify [--repo DIR] [--tag TAG] [--module PATH] [--proxy LIST]
                      [--sumdb SPEC] [--no-warm] [--warm-timeout DUR] [--timeout DUR]
                      [--sumdb-cache FILE] [--json]

Checks that the Go module mirror and the checksum database hold exactly the
bytes TAG points at, and that the version is valid for the module path.
TAG defaults to the version tag on HEAD. --module is needed only when the
tagged commit has no go.mod (a +incompatible release). --proxy and --sumdb take
GOPROXY and GOSUMDB values and default to those variables; GOPRIVATE,
GONOPROXY and GONOSUMDB are honoured as the go command does. --timeout bounds
the whole check (default: --warm-timeout plus 5m); running out of time is
inconclusive.

exit status: 0 pass, 1 fail, 2 usage or input error, 3 inconclusive,
130/143 interrupted (temporary files are removed first)
`;

/**
 * What people type for these flags, and what they mean here: hash's --ref
 * (the gate checks a tag) and the Action's input names.
 */
const VERIFY_ALIASES = {
  ref: 'tag',
  goproxy: 'proxy',
  gosumdb: 'sumdb',
  'working-directory': 'repo',
  warm: 'no-warm',
  'module-path': 'module',
};

const EXIT_BY_VERDICT: Record<Verdict, number> = {
  pass: EXIT_PASS,
  fail: EXIT_FAIL,
  inconclusive: EXIT_INCONCLUSIVE,
};

/** Options the tests and the demo inject; the real CLI uses the defaults. */
export type VerifyWiring = Omit<WireOptions, 'logger' | 'env'>;

export function makeVerifyCommand(wiring: VerifyWiring = {}): Command {
  return async (argv: string[], io: CliIo) => {
    const values = parseFlags(
      'verify',
      USAGE,
      {
        repo: { type: 'string' },
        tag: { type: 'string' },
        module: { type: 'string' },
        proxy: { type: 'string' },
        sumdb: { type: 'string' },
        'no-warm': { type: 'boolean' },
        'warm-timeout': { type: 'string' },
        timeout: { type: 'string' },
        'sumdb-cache': { type: 'string' },
        json: { type: 'boolean' },
      },
      argv,
      io,
      VERIFY_ALIASES,
    );
    if (typeof values === 'number') return values;
    const settings = parseCheckSettings(
      {
        goproxy: values.proxy,
        gosumdb: values.sumdb,
        warmTimeout: values['warm-timeout'],
        timeout: values.timeout,
      },
      FLAG_NAMES,
    );
    const repoDir = path.resolve(io.cwd, values.repo ?? '.');
    const tag = values.tag ?? (await tagAtHead(repoDir));
    const request: ReleaseCheckRequest = {
      repoDir,
      tag,
      warm: values['no-warm'] !== true,
      ...settings,
    };
    if (values.module !== undefined) request.modulePath = values.module;
    if (values['sumdb-cache'] !== undefined) {
      request.sumdbCache = await checkOutputPath('--sumdb-cache', values['sumdb-cache'], io.cwd, {
        createsFolders: true,
      });
    }

    const human = values.json === true ? io.stderr : io.stdout;
    const logger: Logger = {
      info: (m) => io.stderr(`${m}\n`),
      debug: () => undefined,
    };
    const check = createReleaseCheck({ ...wiring, logger, env: io.env });
    const report = await check(request);
    human(renderText(report));
    if (values.json === true) io.stdout(renderJson(report));
    return EXIT_BY_VERDICT[report.verdict];
  };
}

export const verifyCommand: Command = makeVerifyCommand();

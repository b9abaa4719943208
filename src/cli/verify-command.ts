// `modseal verify`: the release gate from a terminal, over the same core as
// the Action. The human report goes to stdout, or to stderr with --json.
import path from 'node:path';
import type { Logger } from '../checks/ports.js';
import {
  TIMEOUT_MARGIN_MS,
  defaultTimeoutMs,
  type ReleaseCheckRequest,
} from '../checks/release.js';
import type { Verdict } from '../checks/types.js';
import { createReleaseCheckWith, type WireOptions } from '../checks/wire.js';
import { openRepo } from '../git/index.js';
import { parseGoproxy } from '../goproxy/index.js';
import { MAX_WARM_MS, parseDuration } from '../internal/duration.js';
import { InputError, errorMessage } from '../internal/errors.js';
import { splitTag } from '../modfetch/index.js';
import { renderJson } from '../report/json.js';
import { renderText } from '../report/text.js';
import { compare } from '../semver/index.js';
import { parseGoSumdb } from '../sumdb/index.js';
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

/**
 * The version tag pointing at HEAD, as the tag a maintainer just made. With
 * several versions of one module there, the highest; tags of different
 * modules (`v1.0.0` and `sub/v1.0.0`) are ambiguous and must be named.
 */
async function tagAtHead(repoDir: string): Promise<string> {
  const repo = await openRepo(repoDir);
  const { tags, head } = await repo.refs();
  const byModuleDir = new Map<string, string[]>();
  for (const [name, commit] of tags) {
    const { codeDir, version } = splitTag(name);
    if (commit !== head || version === undefined) continue;
    byModuleDir.set(codeDir, [...(byModuleDir.get(codeDir) ?? []), name]);
  }
  if (byModuleDir.size === 0) {
    throw new InputError(
      `no version tag points at HEAD in ${repoDir}: pass --tag (e.g. --tag v1.2.3)`,
    );
  }
  if (byModuleDir.size > 1) {
    const all = [...byModuleDir.values()].flat().sort();
    throw new InputError(
      `HEAD carries version tags of several modules (${all.join(', ')}): pass --tag to choose one`,
    );
  }
  const [names = []] = byModuleDir.values();
  names.sort((a, b) => compare(splitTag(b).version!, splitTag(a).version!) || (a < b ? -1 : 1));
  return names[0]!;
}

/** Checks a flag's GOPROXY/GOSUMDB value up front so the message names the flag. */
function checkFlag(flag: string, value: string, parse: (v: string) => unknown): void {
  try {
    parse(value);
  } catch (e) {
    throw new InputError(`${flag}: ${errorMessage(e)}`);
  }
}

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
    let warmTimeoutMs = 10 * 60_000;
    if (values['warm-timeout'] !== undefined) {
      const ms = parseDuration(values['warm-timeout']);
      if (ms === undefined || ms > MAX_WARM_MS) {
        throw new InputError(
          `--warm-timeout ${JSON.stringify(values['warm-timeout'])} is not a duration up to 6h (examples: 90s, 10m, 1h30m)`,
        );
      }
      warmTimeoutMs = ms;
    }
    let timeoutMs = defaultTimeoutMs(warmTimeoutMs);
    if (values.timeout !== undefined) {
      const ms = parseDuration(values.timeout);
      if (ms === undefined || ms <= 0 || ms > MAX_WARM_MS + TIMEOUT_MARGIN_MS) {
        throw new InputError(
          `--timeout ${JSON.stringify(values.timeout)} is not a duration up to 6h5m (examples: 90s, 15m, 1h30m)`,
        );
      }
      timeoutMs = ms;
    }
    const repoDir = path.resolve(io.cwd, values.repo ?? '.');
    const tag = values.tag ?? (await tagAtHead(repoDir));
    const request: ReleaseCheckRequest = {
      repoDir,
      tag,
      warm: values['no-warm'] !== true,
      warmTimeoutMs,
      timeoutMs,
    };
    if (values.module !== undefined) request.modulePath = values.module;
    if (values.proxy !== undefined) {
      checkFlag('--proxy', values.proxy, parseGoproxy);
      request.goproxy = values.proxy;
    }
    if (values.sumdb !== undefined) {
      checkFlag('--sumdb', values.sumdb, parseGoSumdb);
      request.gosumdb = values.sumdb;
    }
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
    const check = createReleaseCheckWith({ ...wiring, logger, env: io.env });
    const report = await check(request);
    human(renderText(report));
    if (values.json === true) io.stdout(renderJson(report));
    return EXIT_BY_VERDICT[report.verdict];
  };
}

export const verifyCommand: Command = makeVerifyCommand();

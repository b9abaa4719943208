// The Action's inputs, read once and checked once. Every message names the
// input it is about, so a typo in a workflow file is a one-line fix.
import { parseGoproxy } from '../goproxy/index.js';
import { MAX_WARM_MS, parseDuration } from '../internal/duration.js';
import { InputError, errorMessage } from '../internal/errors.js';
import { parseGoSumdb } from '../sumdb/index.js';

export type Mode = 'auto' | 'release';
export type FailOn = 'error' | 'warning' | 'never';

/** The `tags` input: a list of tags, or every version tag on the checked-out commit. */
export type TagList = { kind: 'list'; tags: string[] } | { kind: 'all-at-head' };

export interface ActionConfig {
  mode: Mode;
  /** Empty (and no `tags`): taken from GITHUB_REF. */
  tag?: string;
  /** Several tags gated in one run. */
  tags?: TagList;
  /** The module path, needed only when the tagged commit has no go.mod. */
  modulePath?: string;
  workingDirectory: string;
  /** undefined: the GOPROXY environment variable, else the go command's default. */
  goproxy?: string;
  gosumdb?: string;
  goprivate?: string;
  gonosumdb?: string;
  proxyToken?: string;
  warm: boolean;
  warmTimeoutMs: number;
  /** Deadline of the whole check of one tag. */
  timeoutMs: number;
  failOn: FailOn;
  githubToken?: string;
  releaseNote: boolean;
  sumdbCache?: string;
}

/** Reads one input by its action.yml name; '' when unset (as @actions/core's getInput). */
export type GetInput = (name: string) => string;

export { parseDuration };

/**
 * Runs one of Go's checks on an input; its InputError is re-thrown with the
 * input's name in front, so the message points at the workflow line.
 */
function checkInput(name: string, value: string, check: (value: string) => unknown): void {
  try {
    check(value);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${name}: ${errorMessage(e)}`);
    throw e;
  }
}

function parseBoolean(name: string, value: string): boolean {
  // The YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput.
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`${name}: must be true or false, not ${JSON.stringify(value)}`);
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(
    `${name}: must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`,
  );
}

/** A comma-separated glob list (GOPRIVATE, GONOSUMDB), normalised; undefined when empty. */
function patternList(value: string): string | undefined {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length > 0 ? items.join(',') : undefined;
}

/** The default deadline of a whole check: warming plus room for the downloads and lookups. */
export const TIMEOUT_MARGIN_MS = 5 * 60_000;

/** A duration input, as a number of milliseconds. */
function durationInput(name: string, text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) {
    throw new InputError(
      `${name}: ${JSON.stringify(text)} is not a duration (use a number and a unit: 90s, 10m, 1h30m)`,
    );
  }
  if (ms <= 0) throw new InputError(`${name}: must be longer than 0, not ${text}`);
  return ms;
}

/** Tag names as a workflow may write them: `refs/tags/` is dropped. */
const tagName = (t: string): string => t.replace(/^refs\/tags\//, '');

/**
 * The `tags` input: tags one per line, or separated by commas or spaces (git
 * tag names hold no spaces), so both a YAML block and `${{ inputs.tags }}`
 * from a one-line workflow_dispatch field work; or `all-at-head`.
 */
function parseTags(text: string): TagList | undefined {
  const items = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) return undefined;
  if (items.includes('all-at-head')) {
    if (items.length > 1) {
      throw new InputError(
        'tags: all-at-head stands alone; it already means every version tag on the commit',
      );
    }
    return { kind: 'all-at-head' };
  }
  return { kind: 'list', tags: [...new Set(items.map(tagName))] };
}

/** Reads and validates every input; throws InputError naming the first bad one. */
export function parseInputs(getInput: GetInput): ActionConfig {
  const get = (name: string): string => getInput(name).trim();
  const opt = (name: string): string | undefined => get(name) || undefined;

  const modeText = get('mode') || 'auto';
  if (modeText !== 'auto' && modeText !== 'release') {
    throw new InputError(
      `mode: must be auto or release, not ${JSON.stringify(modeText)} (this version has only the release gate)`,
    );
  }

  const goproxy = opt('goproxy');
  if (goproxy !== undefined) checkInput('goproxy', goproxy, parseGoproxy);
  const gosumdb = opt('gosumdb');
  if (gosumdb !== undefined) checkInput('gosumdb', gosumdb, parseGoSumdb);

  const warmText = get('warm-timeout') || '10m';
  const warmTimeoutMs = durationInput('warm-timeout', warmText);
  if (warmTimeoutMs > MAX_WARM_MS) {
    throw new InputError(`warm-timeout: ${warmText} is longer than the limit of 6h`);
  }
  const timeoutText = get('timeout');
  const timeoutMs =
    timeoutText === '' ? warmTimeoutMs + TIMEOUT_MARGIN_MS : durationInput('timeout', timeoutText);

  const config: ActionConfig = {
    mode: modeText,
    workingDirectory: get('working-directory') || '.',
    warm: parseBoolean('warm', get('warm') || 'true'),
    warmTimeoutMs,
    timeoutMs,
    failOn: oneOf('fail-on', get('fail-on') || 'error', ['error', 'warning', 'never'] as const),
    releaseNote: parseBoolean('release-note', get('release-note') || 'false'),
  };
  const tag = opt('tag');
  if (tag !== undefined) config.tag = tagName(tag);
  const tags = parseTags(get('tags'));
  if (tags !== undefined) {
    if (tag !== undefined) {
      throw new InputError('tags: set either tag or tags, not both (tags can hold a single tag)');
    }
    config.tags = tags;
  }
  const modulePath = opt('module');
  if (modulePath !== undefined) config.modulePath = modulePath;
  if (goproxy !== undefined) config.goproxy = goproxy;
  if (gosumdb !== undefined) config.gosumdb = gosumdb;
  const goprivate = patternList(get('goprivate'));
  if (goprivate !== undefined) config.goprivate = goprivate;
  const gonosumdb = patternList(get('gonosumdb'));
  if (gonosumdb !== undefined) config.gonosumdb = gonosumdb;
  const proxyToken = opt('proxy-token');
  if (proxyToken !== undefined) config.proxyToken = proxyToken;
  const githubToken = opt('github-token');
  if (githubToken !== undefined) config.githubToken = githubToken;
  const sumdbCache = opt('sumdb-cache');
  if (sumdbCache !== undefined) config.sumdbCache = sumdbCache;
  if (config.releaseNote && config.githubToken === undefined) {
    throw new InputError('release-note: true needs github-token (with contents: write)');
  }
  return config;
}

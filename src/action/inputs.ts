// The Action's inputs, read once and checked once. Every message names the
// input it is about, so a typo in a workflow file is a one-line fix. The
// check's settings (network and time) are parsed by ../wire/settings.ts,
// which the CLI's flags share.
import { InputError } from '../internal/errors.js';
import { parseDuration } from '../internal/duration.js';
import { INPUT_NAMES, parseCheckSettings, tagName, type CheckSettings } from '../wire/index.js';

export type Mode = 'auto' | 'release' | 'lint' | 'scan';
export type FailOn = 'error' | 'warning' | 'never';

/** The `tags` input: a list of tags, or every version tag on the checked-out commit. */
export type TagList = { kind: 'list'; tags: string[] } | { kind: 'all-at-head' };

export interface ActionConfig extends CheckSettings {
  mode: Mode;
  /** Empty (and no `tags`): taken from GITHUB_REF. */
  tag?: string;
  /** Several tags gated in one run. */
  tags?: TagList;
  /** The module path, needed only when the tagged commit has no go.mod. */
  modulePath?: string;
  workingDirectory: string;
  warm: boolean;
  failOn: FailOn;
  githubToken?: string;
  releaseNote: boolean;
  sumdbCache?: string;
  /** Lint: the tags the release is about to create (`next` input). */
  next: string[];
}

/** Reads one input by its action.yml name; '' when unset (as @actions/core's getInput). */
export type GetInput = (name: string) => string;

export { parseDuration };

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
  if (modeText !== 'auto' && modeText !== 'release' && modeText !== 'lint' && modeText !== 'scan') {
    throw new InputError(
      `mode: must be auto, release, lint or scan, not ${JSON.stringify(modeText)}`,
    );
  }
  const settings = parseCheckSettings(
    {
      goproxy: get('goproxy'),
      gosumdb: get('gosumdb'),
      goprivate: get('goprivate'),
      gonosumdb: get('gonosumdb'),
      proxyToken: get('proxy-token'),
      warmTimeout: get('warm-timeout'),
      timeout: get('timeout'),
    },
    INPUT_NAMES,
  );

  const config: ActionConfig = {
    mode: modeText,
    workingDirectory: get('working-directory') || '.',
    warm: parseBoolean('warm', get('warm') || 'true'),
    ...settings,
    failOn: oneOf('fail-on', get('fail-on') || 'error', ['error', 'warning', 'never'] as const),
    releaseNote: parseBoolean('release-note', get('release-note') || 'false'),
    next: [
      ...new Set(
        get('next')
          .split(/[\s,]+/)
          .filter((t) => t !== ''),
      ),
    ],
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
  const githubToken = opt('github-token');
  if (githubToken !== undefined) config.githubToken = githubToken;
  const sumdbCache = opt('sumdb-cache');
  if (sumdbCache !== undefined) config.sumdbCache = sumdbCache;
  if (config.releaseNote && config.githubToken === undefined) {
    throw new InputError('release-note: true needs github-token (with contents: write)');
  }
  return config;
}

// The settings of a check, parsed once for both front ends: the Action's
// inputs and the CLI's flags name them differently (`goproxy` / `--proxy`),
// the rules and the words are the same. Every message starts with the name
// the user wrote, so a typo is a one-line fix; nothing is asked of a
// network before the settings are known to be valid.
import { defaultTimeoutMs } from '../checks/release.js';
import { parseGoproxy } from '../goproxy/index.js';
import { MAX_WARM_MS, parseDuration } from '../internal/duration.js';
import { InputError, errorMessage } from '../internal/errors.js';
import { parseGoSumdb } from '../sumdb/index.js';

/** Where the mirror and the checksum database are, and who may use them. */
export interface NetworkSettings {
  /** GOPROXY list; undefined: the environment's, else the go command's default. */
  goproxy?: string;
  /** GOSUMDB value; undefined: the environment's, else the go command's default. */
  gosumdb?: string;
  /** GOPRIVATE patterns, normalised (`a,b`). */
  goprivate?: string;
  /** GONOSUMDB patterns, normalised. */
  gonosumdb?: string;
  /** Bearer token for a private GOPROXY (never logged). */
  proxyToken?: string;
}

/** How long a check waits. */
export interface TimeSettings {
  /** How long to keep retrying while the mirror answers "not found" after the push. */
  warmTimeoutMs: number;
  /** The whole check's limit. */
  timeoutMs: number;
}

export type CheckSettings = NetworkSettings & TimeSettings;

/** The settings as text, undefined (or empty) when not given. */
export type RawSettings = Partial<Record<SettingKey, string>>;

export type SettingKey = keyof NetworkSettings | 'warmTimeout' | 'timeout';

/** How the front end names each setting in messages (`goproxy`, `--proxy`, …). */
export type SettingNames = Record<SettingKey, string>;

/** The Action's input names. */
export const INPUT_NAMES: SettingNames = {
  goproxy: 'goproxy',
  gosumdb: 'gosumdb',
  goprivate: 'goprivate',
  gonosumdb: 'gonosumdb',
  proxyToken: 'proxy-token',
  warmTimeout: 'warm-timeout',
  timeout: 'timeout',
};

/** The CLI's flags (GOPRIVATE and GONOSUMDB come from the environment only). */
export const FLAG_NAMES: SettingNames = {
  goproxy: '--proxy',
  gosumdb: '--sumdb',
  goprivate: 'GOPRIVATE',
  gonosumdb: 'GONOSUMDB',
  proxyToken: 'GOPROXY token',
  warmTimeout: '--warm-timeout',
  timeout: '--timeout',
};

/** The default warm-timeout. */
export const DEFAULT_WARM_MS = 10 * 60_000;

/**
 * The longest timeout taken: a day, far beyond any CI job, and below what
 * Node's timers can hold (about 24.8 days), so every wait keeps its deadline.
 */
export const MAX_TIMEOUT_MS = 24 * 3_600_000;

/** Runs one of Go's checks on a setting; its InputError gets the setting's name in front. */
function checked(name: string, value: string, check: (value: string) => unknown): void {
  try {
    check(value);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${name}: ${errorMessage(e)}`);
    throw e;
  }
}

/** A comma-separated glob list (GOPRIVATE, GONOSUMDB), normalised; undefined when empty. */
function patternList(value: string): string | undefined {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length > 0 ? items.join(',') : undefined;
}

/** A duration setting in milliseconds: more than 0, at most `max` (named `maxText`). */
function duration(name: string, text: string, max: number, maxText: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) {
    throw new InputError(
      `${name}: ${JSON.stringify(text)} is not a duration (use a number and a unit: 90s, 10m, 1h30m)`,
    );
  }
  if (ms <= 0) throw new InputError(`${name}: must be longer than 0, not ${text}`);
  if (ms > max) throw new InputError(`${name}: ${text} is longer than the limit of ${maxText}`);
  return ms;
}

/** Reads and checks the settings; throws InputError naming the first bad one. */
export function parseCheckSettings(raw: RawSettings, names: SettingNames): CheckSettings {
  const text = (k: SettingKey): string | undefined => {
    const v = raw[k]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const goproxy = text('goproxy');
  if (goproxy !== undefined) checked(names.goproxy, goproxy, parseGoproxy);
  const gosumdb = text('gosumdb');
  if (gosumdb !== undefined) checked(names.gosumdb, gosumdb, parseGoSumdb);
  const warm = text('warmTimeout');
  const warmTimeoutMs =
    warm === undefined ? DEFAULT_WARM_MS : duration(names.warmTimeout, warm, MAX_WARM_MS, '6h');
  const timeout = text('timeout');
  const settings: CheckSettings = {
    warmTimeoutMs,
    timeoutMs:
      timeout === undefined
        ? defaultTimeoutMs(warmTimeoutMs)
        : duration(names.timeout, timeout, MAX_TIMEOUT_MS, '24h'),
  };
  if (goproxy !== undefined) settings.goproxy = goproxy;
  if (gosumdb !== undefined) settings.gosumdb = gosumdb;
  const goprivate = patternList(raw.goprivate ?? '');
  if (goprivate !== undefined) settings.goprivate = goprivate;
  const gonosumdb = patternList(raw.gonosumdb ?? '');
  if (gonosumdb !== undefined) settings.gonosumdb = gonosumdb;
  const proxyToken = text('proxyToken');
  if (proxyToken !== undefined) settings.proxyToken = proxyToken;
  return settings;
}

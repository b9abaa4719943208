// Facts other parts of modseal read from go.mod text: the module path as
// cmd/go's tiny scanner sees it, the root language version for the zip vendor
// gate, retractions and deprecation, and cmd/go's shortening of the messages.

import { compare } from '../semver/index.js';
import { decodeGoString, goRunes } from '../internal/go-string.js';
import { isGoPrint } from '../internal/go-quote.js';
import type { ModFile, VersionInterval } from './rules.js';
import { ModfileError, parseLax } from './rules.js';
import { goTrimSpace, goUnquote, isSpace, toBytes } from './text.js';

/**
 * cmd/go's ModulePath scanner: the first line that, with `//` comments and
 * surrounding space removed, is `module` + space + path; the path unquoted if
 * it starts with a quote ('' on a bad quote). '' when there is none. No
 * validation, and it tolerates unrelated problems in the file.
 */
export function modulePath(data: Uint8Array | string): string {
  let mod = toBytes(data);
  while (mod.length > 0) {
    let line = mod;
    mod = new Uint8Array(0);
    const nl = line.indexOf(0x0a);
    if (nl >= 0) {
      mod = line.subarray(nl + 1);
      line = line.subarray(0, nl);
    }
    const text = decodeGoString(line);
    const slash = text.indexOf('//');
    let s = goTrimSpace(slash >= 0 ? text.slice(0, slash) : text);
    if (!s.startsWith('module')) continue;
    s = s.slice('module'.length);
    const n = s.length;
    s = goTrimSpace(s);
    if (s.length === n || s.length === 0) continue;
    if (s.startsWith('"') || s.startsWith('`')) return goUnquote(s) ?? '';
    return s;
  }
  return '';
}

/**
 * The `major.minor` language version of a go.mod's `go` line under lenient
 * parsing (`1.24.3` → `1.24`, `1.21rc1` → `1.21`); undefined when the file
 * does not parse or has no go line (the zip vendor gate's "none").
 */
export function goLanguageVersion(data: Uint8Array | string): string | undefined {
  let f: ModFile;
  try {
    f = parseLax('go.mod', data);
  } catch (e) {
    if (e instanceof ModfileError) return undefined;
    throw e;
  }
  const v = f.go?.version;
  if (v === undefined) return undefined;
  const m = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)/.exec(v);
  return m === null ? undefined : `${m[1]}.${m[2]}`;
}

/** Whether `version` lies in some retracted interval (semver order, as cmd/go). */
export function isRetracted(version: string, retractions: readonly VersionInterval[]): boolean {
  return retractions.some((r) => compare(r.low, version) <= 0 && compare(version, r.high) <= 0);
}

/**
 * cmd/go's error text for a retracted version (`retracted by module
 * author[: <first rationale, shortened>]`), or undefined if not retracted.
 */
export function retractionMessage(
  version: string,
  retractions: readonly (VersionInterval & { rationale: string })[],
): string | undefined {
  const hits = retractions.filter(
    (r) => compare(r.low, version) <= 0 && compare(version, r.high) <= 0,
  );
  if (hits.length === 0) return undefined;
  const first = hits.find((r) => r.rationale !== '');
  const msg = 'retracted by module author';
  return first === undefined ? msg : `${msg}: ${shortenRationale(first.rationale, msg)}`;
}

const graphicRe = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]$/u;

function isGraphic(r: number): boolean {
  return isGoPrint(r) || graphicRe.test(String.fromCodePoint(r));
}

/**
 * cmd/go's ShortMessage for rationales and deprecations: first line,
 * trimmed; `emptyDefault` when empty; placeholders when longer than 500
 * bytes or holding a non-printable, non-space character.
 */
export function shortenRationale(
  text: string,
  emptyDefault = 'retracted by module author',
): string {
  const nl = text.indexOf('\n');
  const message = goTrimSpace(nl >= 0 ? text.slice(0, nl) : text);
  if (message === '') return emptyDefault;
  if (toBytes(message).length > 500) {
    return '(message omitted: too long)';
  }
  for (const { rune } of goRunes(message)) {
    if (!isGraphic(rune) && !isSpace(rune)) {
      return '(message omitted: contains non-printable characters)';
    }
  }
  return message;
}

/** The module's deprecation message, or undefined when it is not deprecated. */
export function deprecation(file: ModFile): string | undefined {
  return file.module?.deprecated;
}

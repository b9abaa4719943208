// What the steps of a check share, passed explicitly: the one way to ask a
// remote side (Asker: one retry loop, one deadline), the step ledger, the
// log, and the remote sides chosen for the module.
import { check as checkModuleVersion } from '../module/index.js';
import { canonical } from '../semver/index.js';
import type { Asker } from './asker.js';
import type { StepLedger } from './ledger.js';
import type { ListAnswer, Logger, Mirror, RemoteSides, Sumdb, Unreachable } from './ports.js';
import type { Finding, HashPair, StepName } from './types.js';

export interface StepContext {
  asker: Asker;
  ledger: StepLedger;
  logger: Logger;
  /** The user allows making the mirror fetch the version. */
  warm: boolean;
  /** Until when (clock ms) a "not yet" answer is asked about again: warm-timeout within the deadline. */
  patience: number;
}

/** The remote sides of one module; the reason is set exactly when the side is off. */
export interface Sides {
  mirror?: Mirror;
  mirrorOff?: string;
  sumdb?: Sumdb;
  sumdbOff?: string;
}

/** The mirror and the checksum database the settings choose for `modulePath`. */
export async function sidesFor(remote: RemoteSides, modulePath: string): Promise<Sides> {
  const [m, s] = [await remote.mirrorFor(modulePath), await remote.sumdbFor(modulePath)];
  return {
    ...(m.kind === 'on' ? { mirror: m.port } : { mirrorOff: m.reason }),
    ...(s.kind === 'on' ? { sumdb: s.port } : { sumdbOff: s.reason }),
  };
}

/** `path@version`, as messages name a module version. */
export const mv = (m: { modulePath: string; version: string }): string =>
  `${m.modulePath}@${m.version}`;

export function firstLine(text: string): string {
  return text.split('\n', 1)[0]?.trim() ?? '';
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const stripIncompatible = (v: string): string => v.replace(/\+incompatible$/, '');

/** The two go.sum hashes of the local rebuild. */
export function localHashes(local: { sum?: string; goModSum: string }): HashPair {
  return local.sum === undefined
    ? { mod: local.goModSum }
    : { mod: local.goModSum, zip: local.sum };
}

export function sameHashes(a: HashPair, b: HashPair): boolean {
  return a.zip === b.zip && a.mod === b.mod;
}

/**
 * The listed versions the go command could use for `path`: canonical and
 * of the path's major version. Nothing else is ever requested (a `.mod` for
 * retractions) or counted (the remedy), whatever a mirror lists.
 */
export function usableList(r: ListAnswer, path: string): ListAnswer {
  if (r.kind !== 'ok') return r;
  return {
    kind: 'ok',
    versions: r.versions.filter(
      (v) => canonical(v) === stripIncompatible(v) && checkModuleVersion(path, v) === undefined,
    ),
  };
}

/** What marking steps unreachable produced: findings to report, and whether the mirror is down. */
export interface Unreached {
  findings: Finding[];
  /** Set when the mirror (not the database) could not be reached, so later steps do not wait on it. */
  mirrorDown?: string;
}

/**
 * Steps that could not be done because a remote side was unreachable:
 * unchecked, with `finding` unless the deadline's own finding covers it.
 */
export function unreached(
  ledger: StepLedger,
  r: Unreachable,
  names: readonly StepName[],
  finding?: Finding,
  detail?: string,
): Unreached {
  ledger.unreachable(r, names, detail);
  if (r.deadline === true) return { findings: [] };
  return {
    findings: finding === undefined ? [] : [finding],
    ...(names.some((n) => n !== 'sumdb') ? { mirrorDown: r.reason } : {}),
  };
}

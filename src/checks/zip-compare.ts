// File-level comparison of the mirror's module zip (what the world got first)
// with the zip rebuilt from the tag (what it points at now).
import { compareGoStrings } from '../internal/go-string.js';
import { unifiedDiff, type TextDiffLimits } from '../internal/text-diff.js';
import type { FileChange, ZipDiff } from './types.js';

/** A file set with content access; both LocalModule and MirrorZip fit. */
export interface FileSet {
  /** Name → sha256 hex. */
  files: ReadonlyMap<string, string>;
  readFile(name: string): Promise<Buffer | undefined>;
}

export interface ZipDiffLimits extends TextDiffLimits {
  /** Unified diffs for at most this many changed files; the rest get only their hashes. */
  maxDiffFiles?: number;
}

/** Added, removed and changed files from `mirror` (old) to `local` (new), with short text diffs. */
export async function compareZips(
  mirror: FileSet,
  local: FileSet,
  limits: ZipDiffLimits = {},
): Promise<ZipDiff> {
  const maxDiffFiles = limits.maxDiffFiles ?? 20;
  const added = [...local.files.keys()].filter((n) => !mirror.files.has(n)).sort(compareGoStrings);
  const removed = [...mirror.files.keys()]
    .filter((n) => !local.files.has(n))
    .sort(compareGoStrings);
  const changedNames = [...local.files.keys()]
    .filter((n) => mirror.files.has(n) && mirror.files.get(n) !== local.files.get(n))
    .sort(compareGoStrings);
  const changed: FileChange[] = [];
  for (const name of changedNames) {
    const change: FileChange = {
      name,
      mirrorSha256: mirror.files.get(name) ?? '',
      localSha256: local.files.get(name) ?? '',
    };
    if (changed.length >= maxDiffFiles) {
      change.note = `no diff: only the first ${maxDiffFiles} changed files are diffed`;
    } else {
      const [oldBuf, newBuf] = await Promise.all([mirror.readFile(name), local.readFile(name)]);
      if (oldBuf === undefined || newBuf === undefined) {
        change.note = 'no diff: content not available';
      } else {
        const d = unifiedDiff(`mirror/${name}`, `local/${name}`, oldBuf, newBuf, limits);
        if (d.kind === 'diff') {
          change.diff = d.text;
          if (d.truncated) change.note = 'diff cut short';
        } else if (d.kind === 'binary') {
          change.note = 'binary file';
        } else if (d.kind === 'too-large') {
          change.note = `no diff: ${d.reason}`;
        } else {
          // Same bytes under different recorded hashes: the adapter hashed differently.
          change.note = 'contents are equal although the recorded sha256 differ';
        }
      }
    }
    changed.push(change);
  }
  return { added, removed, changed };
}

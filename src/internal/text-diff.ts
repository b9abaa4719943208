// A small, bounded line diff in the unified format `diff -u` prints, computed
// by jsdiff (the `diff` package). Reports show the few lines a moved tag
// changed; anything large, binary or wildly different is summarised instead,
// so a hostile or huge file cannot blow up a job summary or the runner's
// memory.
import { structuredPatch } from 'diff';

export interface TextDiffLimits {
  /** Lines of context around each change (diff -u default: 3). */
  context?: number;
  /** Give up above this many bytes per side. */
  maxBytes?: number;
  /** Give up above this many lines per side. */
  maxLines?: number;
  /** Give up when the files differ by more than this many inserted plus deleted lines. */
  maxEdits?: number;
  /** Cut the rendered diff after this many lines (headers included). */
  maxOutputLines?: number;
}

export type TextDiff =
  | { kind: 'identical' }
  | { kind: 'binary' }
  | { kind: 'too-large'; reason: string }
  | { kind: 'diff'; text: string; truncated: boolean };

const DEFAULTS: Required<TextDiffLimits> = {
  context: 3,
  maxBytes: 512 * 1024,
  maxLines: 10_000,
  maxEdits: 1_000,
  maxOutputLines: 200,
};

/** Binary as git decides it (a NUL in the first 8000 bytes), or not valid UTF-8 (unreadable as text). */
export function isBinary(buf: Buffer): boolean {
  if (buf.subarray(0, 8000).includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return false;
  } catch {
    return true;
  }
}

/**
 * `diff -u`'s hunk range: `start,count`, just `start` for one line. An empty
 * range is named by the line before it (jsdiff names the line after).
 */
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/**
 * Unified diff from `oldBuf` to `newBuf`, labelled `--- oldLabel` / `+++ newLabel`,
 * or the reason there is none. The text ends with a newline.
 */
export function unifiedDiff(
  oldLabel: string,
  newLabel: string,
  oldBuf: Buffer,
  newBuf: Buffer,
  limits: TextDiffLimits = {},
): TextDiff {
  const lim = { ...DEFAULTS, ...limits };
  if (oldBuf.equals(newBuf)) return { kind: 'identical' };
  if (isBinary(oldBuf) || isBinary(newBuf)) return { kind: 'binary' };
  if (oldBuf.length > lim.maxBytes || newBuf.length > lim.maxBytes) {
    return { kind: 'too-large', reason: `larger than ${lim.maxBytes} bytes` };
  }
  const oldText = oldBuf.toString('utf8');
  const newText = newBuf.toString('utf8');
  const lineCount = (t: string): number =>
    (t.match(/\n/g)?.length ?? 0) + (t === '' || t.endsWith('\n') ? 0 : 1);
  if (lineCount(oldText) > lim.maxLines || lineCount(newText) > lim.maxLines) {
    return { kind: 'too-large', reason: `more than ${lim.maxLines} lines` };
  }
  const patch = structuredPatch(oldLabel, newLabel, oldText, newText, undefined, undefined, {
    context: lim.context,
    maxEditLength: lim.maxEdits,
  });
  if (patch === undefined) {
    return { kind: 'too-large', reason: `more than ${lim.maxEdits} changed lines` };
  }
  const out = [`--- ${oldLabel}`, `+++ ${newLabel}`];
  let truncated = false;
  for (const h of patch.hunks) {
    if (out.length >= lim.maxOutputLines) {
      truncated = true;
      break;
    }
    out.push(`@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`);
    for (const line of h.lines) {
      if (out.length >= lim.maxOutputLines) {
        truncated = true;
        break;
      }
      out.push(line);
    }
  }
  return { kind: 'diff', text: out.join('\n') + '\n', truncated };
}

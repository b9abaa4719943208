// A small, bounded line diff (Myers' O(ND) algorithm) rendered in the unified
// format `diff -u` prints. Reports show the few lines a moved tag changed;
// anything large, binary or wildly different is summarised instead, so a
// hostile or huge file cannot blow up a job summary or the runner's memory.

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

/** Lines with their terminator, so a missing final newline counts as a change. */
function splitLines(text: string): string[] {
  const lines = text.split('\n').map((l) => l + '\n');
  const last = lines.pop() ?? '\n';
  if (last !== '\n') lines.push(last.slice(0, -1));
  return lines;
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Shortest edit script between a and b, or undefined when it needs more than maxD edits. */
function myers(a: string[], b: string[], maxD: number): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[-d..d] as it was at the end of round d.
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= Math.min(max, maxD) && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[off + k - 1] ?? 0) < (v[off + k + 1] ?? 0))
          ? (v[off + k + 1] ?? 0)
          : (v[off + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice(off - d, off + d + 1));
  }
  if (found < 0) return undefined;

  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1] ?? new Int32Array(0);
    const at = (k: number): number => prev[k + d - 1] ?? 0;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x] ?? '' });
      y--;
    }
    if (x === prevX) ops.push({ kind: '+', line: b[--y] ?? '' });
    else ops.push({ kind: '-', line: a[--x] ?? '' });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', line: a[--x] ?? '' });
    y--;
  }
  return ops.reverse();
}

function range(start: number, count: number): string {
  // diff -u names an empty range by the line before it.
  if (count === 0) return `${start},0`;
  return count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

function render(line: string, kind: string): string[] {
  if (line.endsWith('\n')) return [kind + line.slice(0, -1)];
  return [kind + line, '\\ No newline at end of file'];
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
  const a = splitLines(oldBuf.toString('utf8'));
  const b = splitLines(newBuf.toString('utf8'));
  if (a.length > lim.maxLines || b.length > lim.maxLines) {
    return { kind: 'too-large', reason: `more than ${lim.maxLines} lines` };
  }
  // Strip the common prefix and suffix first: Myers' cost grows with the
  // distance between them, and most moved tags change a few lines.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (
    suf < a.length - pre &&
    suf < b.length - pre &&
    a[a.length - 1 - suf] === b[b.length - 1 - suf]
  ) {
    suf++;
  }
  const middle = myers(a.slice(pre, a.length - suf), b.slice(pre, b.length - suf), lim.maxEdits);
  if (middle === undefined) {
    return { kind: 'too-large', reason: `more than ${lim.maxEdits} changed lines` };
  }
  const ops: Op[] = [
    ...a.slice(0, pre).map((line): Op => ({ kind: ' ', line })),
    ...middle,
    ...a.slice(a.length - suf).map((line): Op => ({ kind: ' ', line })),
  ];

  // Position of each op in the old and new file, to number the hunks.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let oi = 0;
  let ni = 0;
  for (const op of ops) {
    oldAt.push(oi);
    newAt.push(ni);
    if (op.kind !== '+') oi++;
    if (op.kind !== '-') ni++;
  }

  const out = [`--- ${oldLabel}`, `+++ ${newLabel}`];
  let truncated = false;
  let i = 0;
  while (i < ops.length && !truncated) {
    while (i < ops.length && ops[i]?.kind === ' ') i++;
    if (i >= ops.length) break;
    const start = Math.max(0, i - lim.context);
    // Extend the hunk while the next change is close enough to share context.
    let end = i;
    let lastChange = i;
    while (end < ops.length) {
      if (ops[end]?.kind !== ' ') lastChange = end;
      else if (end - lastChange > 2 * lim.context) break;
      end++;
    }
    end = Math.min(ops.length, lastChange + 1 + lim.context);
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${range(oldAt[start] ?? 0, oldCount)} +${range(newAt[start] ?? 0, newCount)} @@`);
    for (const op of hunk) {
      if (out.length >= lim.maxOutputLines) {
        truncated = true;
        break;
      }
      out.push(...render(op.line, op.kind));
    }
    i = end;
  }
  return { kind: 'diff', text: out.join('\n') + '\n', truncated };
}

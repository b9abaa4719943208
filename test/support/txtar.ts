// Byte-exact reader for the txtar archives under vectors/xmod (the format of
// golang.org/x/tools/txtar, described in vectors/xmod/README.md): a comment,
// then files introduced by `-- name --` marker lines. Names and comment
// values are Go strings (surrogate-escaped where the bytes are not UTF-8).
import { readFileSync } from 'node:fs';
import { decodeGoString } from '../../src/internal/go-string.js';

export interface TxtarFile {
  name: string;
  data: Buffer;
}

export interface Txtar {
  comment: Buffer;
  /** In file order; the same name may occur more than once. */
  files: TxtarFile[];
}

// Go's unicode.IsSpace, which strings.TrimSpace uses.
function isGoSpace(cp: number): boolean {
  return (
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0x20 ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** Go's strings.TrimSpace on a Go string. */
export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

const MARKER = Buffer.from('-- ');
const MARKER_END = Buffer.from(' --');
const NEWLINE_MARKER = Buffer.from('\n-- ');

/** If `data` starts with a marker line: the file name and what follows the line. */
function markerAt(data: Buffer): { name: string; after: Buffer } | undefined {
  if (!data.subarray(0, MARKER.length).equals(MARKER)) return undefined;
  const nl = data.indexOf(0x0a);
  const line = nl >= 0 ? data.subarray(0, nl) : data;
  const after = nl >= 0 ? data.subarray(nl + 1) : Buffer.alloc(0);
  if (line.length < MARKER.length + MARKER_END.length) return undefined;
  if (!line.subarray(line.length - MARKER_END.length).equals(MARKER_END)) return undefined;
  const name = goTrimSpace(
    decodeGoString(line.subarray(MARKER.length, line.length - MARKER_END.length)),
  );
  return name === '' ? undefined : { name, after };
}

function withFinalNewline(data: Buffer): Buffer {
  if (data.length === 0 || data[data.length - 1] === 0x0a) return data;
  return Buffer.concat([data, Buffer.from('\n')]);
}

/** Split at the next marker line: the bytes before it, its name and the rest. */
function nextMarker(data: Buffer): { before: Buffer; name?: string; after: Buffer } {
  let i = 0;
  for (;;) {
    const m = markerAt(data.subarray(i));
    if (m !== undefined) return { before: data.subarray(0, i), name: m.name, after: m.after };
    const j = data.indexOf(NEWLINE_MARKER, i);
    if (j < 0) return { before: withFinalNewline(data), after: Buffer.alloc(0) };
    i = j + 1;
  }
}

/** Parse a txtar archive. */
export function parseTxtar(data: Buffer): Txtar {
  const first = nextMarker(data);
  const files: TxtarFile[] = [];
  let name = first.name;
  let rest = first.after;
  while (name !== undefined) {
    const next = nextMarker(rest);
    files.push({ name, data: Buffer.from(next.before) });
    name = next.name;
    rest = next.after;
  }
  return { comment: Buffer.from(first.before), files };
}

/** Read and parse a txtar file. */
export function readTxtar(path: string): Txtar {
  return parseTxtar(readFileSync(path));
}

/**
 * The `key=value` lines of a comment, as x/mod's zip tests read them: text
 * from the first `#` dropped, lines trimmed, blank lines skipped, split at
 * the first `=`. Values are Go strings. Throws on a line without `=`.
 */
export function commentKeys(comment: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  const text = decodeGoString(comment);
  for (const raw of text.split('\n')) {
    const hash = raw.indexOf('#');
    const line = goTrimSpace(hash >= 0 ? raw.slice(0, hash) : raw);
    if (line === '') continue;
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`txtar comment line without "=": ${JSON.stringify(line)}`);
    out.set(goTrimSpace(line.slice(0, eq)), goTrimSpace(line.slice(eq + 1)));
  }
  return out;
}

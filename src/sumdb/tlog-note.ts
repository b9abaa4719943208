// Text forms of the log: the signed tree head and the lookup record
// (x/mod sumdb/tlog note.go).
import { decodeStdBase64, isCleanText, parseGoInt, toBuffer, utf8String } from './encoding.js';
import { MalformedRecordError, MalformedTreeError } from './errors.js';
import { HASH_SIZE, type Tree } from './tlog.js';

const TREE_PREFIX = 'go.sum database tree\n';

/** `go.sum database tree\n<N>\n<base64 hash>\n`. */
export function formatTree(tree: Tree): string {
  return `${TREE_PREFIX}${tree.n}\n${tree.hash.toString('base64')}\n`;
}

/** Parses a tree note text, ignoring extra trailing lines; throws MalformedTreeError. */
export function parseTree(text: string | Uint8Array): Tree {
  const b = toBuffer(text);
  let newlines = 0;
  for (const c of b) if (c === 0x0a) newlines++;
  if (
    !b.subarray(0, TREE_PREFIX.length).equals(Buffer.from(TREE_PREFIX)) ||
    newlines < 3 ||
    b.length > 1e6
  ) {
    throw new MalformedTreeError();
  }
  // The prefix is ASCII; the two fields must be ASCII to parse, so a lossy
  // decode of any later junk cannot change the outcome.
  const lines = utf8String(b).split('\n');
  const nText = lines[1] ?? '';
  const n = parseGoInt(nText);
  if (n === undefined || n < 0 || String(n) !== nText) throw new MalformedTreeError();
  const h = decodeStdBase64(lines[2] ?? '');
  if (h === undefined || h.length !== HASH_SIZE) throw new MalformedTreeError();
  return { n, hash: h };
}

function isValidRecordText(text: Buffer): boolean {
  if (!isCleanText(text)) return false;
  if (text.length === 0 || text[text.length - 1] !== 0x0a) return false;
  return text.indexOf('\n\n') < 0;
}

/** `<id>\n<text>\n`: a record as served in a lookup; throws MalformedRecordError for bad text. */
export function formatRecord(id: number, text: string | Uint8Array): Buffer {
  const t = toBuffer(text);
  if (!isValidRecordText(t)) throw new MalformedRecordError();
  return Buffer.concat([Buffer.from(`${id}\n`), t, Buffer.from('\n')]);
}

/** A record parsed from the start of a lookup body. */
export interface ParsedRecord {
  id: number;
  /** The record text, ending in "\n". */
  text: Buffer;
  /** What follows the blank line (in a lookup: the signed tree note). */
  rest: Buffer;
}

/** Parses `<id>\n<text>\n` at the start of msg; throws MalformedRecordError. */
export function parseRecord(msg: string | Uint8Array): ParsedRecord {
  const m = toBuffer(msg);
  const i = m.indexOf(0x0a);
  if (i < 0) throw new MalformedRecordError();
  const id = parseGoInt(m.subarray(0, i).toString('latin1'));
  if (id === undefined) throw new MalformedRecordError();
  const body = m.subarray(i + 1);
  const j = body.indexOf('\n\n');
  if (j < 0) throw new MalformedRecordError();
  const text = body.subarray(0, j + 1);
  if (!isValidRecordText(text)) throw new MalformedRecordError();
  return { id, text, rest: body.subarray(j + 2) };
}

/** Splits a data tile (record texts each followed by a blank line) into record texts. */
export function parseDataTile(data: Uint8Array): Buffer[] {
  const b = toBuffer(data);
  const out: Buffer[] = [];
  let start = 0;
  while (start < b.length) {
    const j = b.indexOf('\n\n', start);
    if (j < 0) throw new MalformedRecordError();
    const text = b.subarray(start, j + 1);
    if (!isValidRecordText(text)) throw new MalformedRecordError();
    out.push(text);
    start = j + 2;
  }
  return out;
}

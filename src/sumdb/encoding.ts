// Byte-level helpers shared by the note and tlog code. Go's strings are bytes,
// so validity checks run on Buffers, never on JS strings.

const B64_ALPHABET = /^[A-Za-z0-9+/]*$/;

/**
 * Decodes standard padded base64 as Go's `base64.StdEncoding.DecodeString`
 * does: CR and LF are skipped, anything else outside the alphabet, missing
 * padding or data after padding is an error (undefined). Node's own decoder
 * silently skips junk, which would accept keys and signatures Go rejects.
 */
export function decodeStdBase64(s: string): Buffer | undefined {
  const t = s.replace(/[\r\n]/g, '');
  if (t.length % 4 !== 0) return undefined;
  let body = t;
  if (t.endsWith('==')) body = t.slice(0, -2);
  else if (t.endsWith('=')) body = t.slice(0, -1);
  if (!B64_ALPHABET.test(body)) return undefined;
  // "x===" style quanta (one data character) cannot encode a byte.
  if (t.length - body.length === 2 && body.length % 4 !== 2) return undefined;
  if (t.length - body.length === 1 && body.length % 4 !== 3) return undefined;
  return Buffer.from(t, 'base64');
}

export function encodeStdBase64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

/** Reports whether b is valid UTF-8 (what Go's utf8.Valid accepts). */
export function isValidUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Decodes bytes already known to be valid UTF-8, keeping a leading BOM as Go would. */
export function utf8String(b: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
}

/**
 * Go's unicode.IsSpace: the Latin-1 spaces plus the Unicode White_Space
 * property. JS `\s` differs (it includes U+FEFF), hence the explicit set.
 */
export function isGoSpace(cp: number): boolean {
  switch (cp) {
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200a;
  }
}

/**
 * True when text (UTF-8 bytes) has only valid UTF-8 and no ASCII control
 * character other than newline: the rule for notes and record texts.
 */
export function isCleanText(b: Uint8Array): boolean {
  for (const c of b) if (c < 0x20 && c !== 0x0a) return false;
  return isValidUtf8(b);
}

/** Parses a decimal int64 as Go's strconv.ParseInt(s, 10, 64) accepts it (sign allowed). */
export function parseGoInt(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const v = BigInt(s);
  if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) return undefined;
  // Tree sizes and record ids beyond 2^53 cannot be addressed exactly in JS;
  // treat them as malformed rather than silently rounding.
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) return undefined;
  return Number(v);
}

/**
 * Bytes of a Go string given as JS text. Per the project convention a lone
 * surrogate U+DC80..U+DCFF stands for the invalid byte it escapes.
 */
export function toBuffer(b: Uint8Array | string): Buffer {
  if (typeof b === 'string') {
    if (!/[\uDC80-\uDCFF]/.test(b)) return Buffer.from(b, 'utf8');
    const parts: Buffer[] = [];
    let run = '';
    for (let i = 0; i < b.length; i++) {
      const c = b.charCodeAt(i);
      const prev = i > 0 ? b.charCodeAt(i - 1) : 0;
      const lone = c >= 0xdc80 && c <= 0xdcff && !(prev >= 0xd800 && prev <= 0xdbff);
      if (lone) {
        parts.push(Buffer.from(run, 'utf8'), Buffer.from([c - 0xdc00]));
        run = '';
      } else {
        run += b[i];
      }
    }
    parts.push(Buffer.from(run, 'utf8'));
    return Buffer.concat(parts);
  }
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

// How much of a Go file the go command parses for its imports: go/build
// (and cmd/go's copy of it) first reads the file byte by byte with a small
// scanner that knows only comments, the `package` clause and import
// declarations, and hands go/parser just that header. Where the small
// scanner stops matters: a header cut before the first declaration never
// sees a malformed token after it, while a header the small scanner could
// not follow is the whole file, and go/parser then reports what it finds.

/** The part of a file go/build parses for its imports. */
export interface Header {
  /** Offset of the header's first byte: 3 after a leading UTF-8 byte order mark, else 0. */
  start: number;
  /** Offset just past the header's last byte. */
  end: number;
  /** Offset of a NUL byte the small scanner met: go/build refuses the file ("unexpected NUL in input"). */
  nul?: number;
}

function isIdent(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c >= 0x80
  );
}

/** Whether `src` starts with a UTF-8 byte order mark, which Go drops before reading. */
export function hasBom(src: Uint8Array): boolean {
  return src.length >= 3 && src[0] === 0xef && src[1] === 0xbb && src[2] === 0xbf;
}

// The reader's state mirrors go/build's importReader: one byte of
// look-ahead (`peek`, 0 when empty), and a sticky error.
class HeaderReader {
  pos: number;
  private peekByte0 = 0;
  err: 'syntax' | 'nul' | undefined;
  eof = false;
  nul: number | undefined;

  constructor(
    private readonly src: Uint8Array,
    start: number,
  ) {
    this.pos = start;
  }

  private syntaxError(): void {
    this.err ??= 'syntax';
  }

  private readByte(): number {
    if (this.pos >= this.src.length) {
      this.eof = true;
      return 0;
    }
    const c = this.src[this.pos++]!;
    if (c === 0 && this.err === undefined) {
      this.err = 'nul';
      this.nul = this.pos - 1;
    }
    return c;
  }

  peekByte(skipSpace: boolean): number {
    if (this.err !== undefined) return 0;
    let c = this.peekByte0;
    if (c === 0) c = this.readByte();
    while (this.err === undefined && !this.eof) {
      if (skipSpace) {
        // Semicolons are never needed to follow the header: spaces here.
        if (c === 0x20 || c === 0x0c || c === 0x09 || c === 0x0d || c === 0x0a || c === 0x3b) {
          c = this.readByte();
          continue;
        }
        if (c === 0x2f) {
          c = this.readByte();
          if (c === 0x2f) {
            while (c !== 0x0a && this.err === undefined && !this.eof) c = this.readByte();
          } else if (c === 0x2a) {
            let c1 = 0;
            while ((c !== 0x2a || c1 !== 0x2f) && this.err === undefined) {
              if (this.eof) this.syntaxError();
              c = c1;
              c1 = this.readByte();
            }
          } else {
            this.syntaxError();
          }
          c = this.readByte();
          continue;
        }
      }
      break;
    }
    this.peekByte0 = c;
    return c;
  }

  nextByte(skipSpace: boolean): number {
    const c = this.peekByte(skipSpace);
    this.peekByte0 = 0;
    return c;
  }

  dropPeek(): void {
    this.peekByte0 = 0;
  }

  readKeyword(kw: string): void {
    this.peekByte(true);
    for (let i = 0; i < kw.length; i++) {
      if (this.nextByte(false) !== kw.charCodeAt(i)) {
        this.syntaxError();
        return;
      }
    }
    if (isIdent(this.peekByte(false))) this.syntaxError();
  }

  readIdent(): void {
    if (!isIdent(this.peekByte(true))) {
      this.syntaxError();
      return;
    }
    while (isIdent(this.peekByte(false))) this.dropPeek();
  }

  readString(): void {
    switch (this.nextByte(true)) {
      case 0x60:
        while (this.err === undefined) {
          if (this.nextByte(false) === 0x60) break;
          if (this.eof) this.syntaxError();
        }
        break;
      case 0x22:
        while (this.err === undefined) {
          const c = this.nextByte(false);
          if (c === 0x22) break;
          if (this.eof || c === 0x0a) this.syntaxError();
          if (c === 0x5c) this.nextByte(false);
        }
        break;
      default:
        this.syntaxError();
    }
  }

  readImport(): void {
    const c = this.peekByte(true);
    if (c === 0x2e) this.dropPeek();
    else if (isIdent(c)) this.readIdent();
    this.readString();
  }
}

/** The header go/build would parse for the imports of `src` (go/build's readGoInfo). */
export function readHeader(src: Uint8Array): Header {
  const start = hasBom(src) ? 3 : 0;
  const r = new HeaderReader(src, start);
  r.readKeyword('package');
  r.readIdent();
  while (r.peekByte(true) === 0x69) {
    r.readKeyword('import');
    if (r.peekByte(true) === 0x28) {
      r.nextByte(false);
      while (r.peekByte(true) !== 0x29 && r.err === undefined) r.readImport();
      r.nextByte(false);
    } else {
      r.readImport();
    }
  }
  if (r.err === 'nul') return { start, end: r.pos, nul: r.nul! };
  // Stopped cleanly before the end: the last byte read told the reader
  // the imports were over, and is not part of the header.
  if (r.err === undefined && !r.eof) return { start, end: r.pos - 1 };
  // At the end of the file, or lost in a syntax error: go/build then hands
  // go/parser the whole file so that its errors are the ones reported.
  return { start, end: src.length };
}

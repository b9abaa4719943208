// The go.mod / go.work formatter (the semantics of x/mod/modfile print.go as
// vendored in current Go: no blank line at the top of the file, never two
// blank lines in a row, no trailing blank lines).

import type { Comment, Expr, FileSyntax } from './syntax.js';
import { goTrimSpace } from './text.js';

class Printer {
  out = '';
  private pending: Comment[] = [];
  private margin = 0;

  private tabs(): void {
    this.out += '\t'.repeat(this.margin);
  }

  // Bytes on the current line so far.
  private indent(): number {
    const nl = this.out.lastIndexOf('\n');
    return this.out.length - (nl + 1);
  }

  private trim(): void {
    let n = this.out.length;
    while (n > 0 && (this.out[n - 1] === '\t' || this.out[n - 1] === ' ')) n--;
    this.out = this.out.slice(0, n);
  }

  newline(): void {
    if (this.pending.length > 0) {
      this.out += ' ';
      this.pending.forEach((com, i) => {
        if (i > 0) {
          this.trim();
          this.out += '\n';
          this.tabs();
        }
        this.out += goTrimSpace(com.token);
      });
      this.pending = [];
    }
    this.trim();
    const b = this.out;
    const n = b.length;
    // Skip the newline at the top of the file or right after a blank line.
    if (!(n === 0 || (n >= 2 && b[n - 1] === '\n' && b[n - 2] === '\n'))) this.out += '\n';
    this.tabs();
  }

  file(f: FileSyntax): void {
    for (const com of f.comments.before) {
      this.out += goTrimSpace(com.token);
      this.newline();
    }
    f.stmt.forEach((stmt, i) => {
      this.expr(stmt);
      if (stmt.kind !== 'comments') this.newline();
      for (const com of stmt.comments.after) {
        this.out += goTrimSpace(com.token);
        this.newline();
      }
      if (i + 1 < f.stmt.length) this.newline();
    });
  }

  private expr(x: Expr): void {
    const before = x.comments.before;
    if (before.length > 0) {
      this.trim();
      if (this.indent() > 0) this.out += '\n';
      this.tabs();
      for (const com of before) {
        this.out += goTrimSpace(com.token);
        this.newline();
      }
    }
    switch (x.kind) {
      case 'comments':
      case 'file':
        break;
      case 'lparen':
        this.out += '(';
        break;
      case 'rparen':
        this.out += ')';
        break;
      case 'line':
        this.tokens(x.token);
        break;
      case 'block':
        this.tokens(x.token);
        this.out += ' ';
        this.expr(x.lparen);
        this.margin++;
        for (const l of x.line) {
          this.newline();
          this.expr(l);
        }
        this.margin--;
        this.newline();
        this.expr(x.rparen);
        break;
    }
    this.pending.push(...x.comments.suffix);
  }

  private tokens(tokens: string[]): void {
    let sep = '';
    for (const t of tokens) {
      if (t === ',' || t === ')' || t === ']' || t === '}') sep = '';
      this.out += sep + t;
      sep = t === '(' || t === '[' || t === '{' ? '' : ' ';
    }
  }
}

/**
 * Formats a syntax tree as the go command writes go.mod / go.work files.
 * The result is a surrogate-escaped Go string (see src/internal/go-string.ts).
 */
export function formatSyntax(f: FileSyntax): string {
  const p = new Printer();
  p.file(f);
  let b = p.out;
  while (b.length > 0 && b.endsWith('\n') && (b.length === 1 || b[b.length - 2] === '\n')) {
    b = b.slice(0, -1);
  }
  return b;
}

// Deprecation comments the go command will not show. x/mod's
// parseDeprecation reads only the comments attached to the `module`
// directive (the whole-line comments directly above it and the comment at
// the end of its line; for a `module ( … )` block without its own, the
// block's), joins their lines with `\n`, and takes the first paragraph that
// starts with exactly `Deprecated:`; an empty message there means "not
// deprecated". A comment above `module` with a blank line between is a
// separate comment block, and one below it belongs to the next directive.
//
// Candidates are comments whose text starts with "deprecated" in any case.
// Comments attached to require, replace, exclude, retract, tool, ignore and
// godebug lines are about those directives, not the module, and are left
// alone; and once the go command does see a deprecation, other candidates
// are not reported (the module is deprecated either way).

import type { Comment, Comments, Line, LineBlock, Stmt } from '../../modfile/index.js';
import { goTrimSpace } from '../../modfile/text.js';
import { columnAtOffset } from './columns.js';

/** Why a deprecation comment is not shown. */
export type UnrecognisedKind =
  /** Not attached to the module directive. */
  | 'detached'
  /** Not spelled `Deprecated:` (case, missing colon). */
  | 'spelling'
  /** Not the start of a comment paragraph. */
  | 'mid-paragraph'
  /** `Deprecated:` with no message. */
  | 'empty';

export interface UnrecognisedDeprecation {
  kind: UnrecognisedKind;
  /** The comment's text without `//`, trimmed. */
  text: string;
  line: number;
  /** UTF-16 column of the comment's `//`. */
  column: number;
}

const OTHER_DIRECTIVES = new Set([
  'require',
  'replace',
  'exclude',
  'retract',
  'tool',
  'ignore',
  'godebug',
]);

function commentText(c: Comment): string {
  return goTrimSpace(c.token.slice(2));
}

function isCandidate(c: Comment): boolean {
  return c.token.startsWith('//') && /^deprecated/i.test(commentText(c));
}

// Comments the deprecation could have been meant for: everything except
// what is attached to other directives.
function candidateComments(stmts: readonly Stmt[], file: Comments): Comment[] {
  const out: Comment[] = [];
  const take = (c: Comments): void => {
    for (const x of [...c.before, ...c.suffix, ...c.after]) if (isCandidate(x)) out.push(x);
  };
  take(file);
  for (const s of stmts) {
    if (s.kind === 'comments') take(s.comments);
    else if (!OTHER_DIRECTIVES.has(s.token[0] ?? '')) {
      take(s.comments);
      if (s.kind === 'block') {
        take(s.lparen.comments);
        for (const l of s.line) take(l.comments);
        take(s.rparen.comments);
      }
    }
  }
  return out;
}

// The comments x/mod's parseDirectiveComment reads for the module directive.
function moduleGroup(stmts: readonly Stmt[]): Comment[] {
  let block: LineBlock | undefined;
  let line: Line | undefined;
  for (const s of stmts) {
    if (s.kind === 'line' && s.token[0] === 'module') {
      line = s;
      break;
    }
    if (s.kind === 'block' && s.token[0] === 'module' && s.line[0] !== undefined) {
      block = s;
      line = s.line[0];
      break;
    }
  }
  if (line === undefined) return [];
  let c = line.comments;
  if (block !== undefined && c.before.length === 0 && c.suffix.length === 0) c = block.comments;
  return [...c.before, ...c.suffix].filter((x) => x.token.startsWith('//'));
}

const DEPRECATED_RE = /(?:^|\n\n)Deprecated: *([\s\S]*?)(?:$|\n\n)/;

/**
 * The deprecation comments of a go.mod (its syntax tree and bytes) that the
 * go command will not show, in file order.
 */
export function unrecognisedDeprecations(
  syntax: { stmt: readonly Stmt[]; comments: Comments },
  data: Uint8Array,
): UnrecognisedDeprecation[] {
  const group = moduleGroup(syntax.stmt);
  const lines = group.map(commentText);
  const m = DEPRECATED_RE.exec(lines.join('\n'));
  let matchLine = -1;
  if (m !== null) {
    const start = m.index + (m[0].startsWith('\n\n') ? 2 : 0);
    matchLine = lines.join('\n').slice(0, start).split('\n').length - 1;
  }
  const shown = m !== null && m[1] !== '';
  if (shown) return [];
  const out: UnrecognisedDeprecation[] = [];
  for (const c of candidateComments(syntax.stmt, syntax.comments)) {
    const at = group.indexOf(c);
    const text = commentText(c);
    let kind: UnrecognisedKind;
    if (at < 0) kind = 'detached';
    else if (!text.startsWith('Deprecated:')) kind = 'spelling';
    else if (at === matchLine) kind = 'empty';
    else if (matchLine >= 0 && at > matchLine)
      continue; // shadowed by the empty one, reported there
    else kind = 'mid-paragraph';
    out.push({ kind, text, line: c.start.line, column: columnAtOffset(data, c.start.byte) });
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

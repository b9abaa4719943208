// go.mod and go.work: parsing (strict and lenient), formatting, and the facts
// modseal reads from them. Mirrors golang.org/x/mod/modfile.

import { formatSyntax } from './print.js';
import type { ModFile } from './rules.js';

export type {
  Comment,
  CommentBlock,
  Comments,
  FileSyntax,
  Line,
  LineBlock,
  LParen,
  Position,
  RParen,
  Stmt,
} from './syntax.js';
export { formatSyntax } from './print.js';
export type {
  ExcludeStmt,
  GodebugStmt,
  GoStmt,
  Located,
  ModFile,
  ModfileProblem,
  ModuleStmt,
  ParseOptions,
  PathStmt,
  ReplaceStmt,
  RequireStmt,
  RetractStmt,
  ToolchainStmt,
  VersionFixer,
  VersionInterval,
} from './rules.js';
export { autoQuote, isDirectoryPath, ModfileError, mustQuote, parse, parseLax } from './rules.js';
export type { UseStmt, WorkFile } from './work.js';
export { formatWork, parseWork } from './work.js';
export {
  deprecation,
  goLanguageVersion,
  isRetracted,
  modulePath,
  retractionMessage,
  shortenRationale,
} from './facts.js';

/**
 * Formats a parsed go.mod as the go command writes it (Go's Format of the
 * file's syntax; tokens were normalised by the parse). The result is a
 * surrogate-escaped Go string: encodeGoString gives the bytes.
 */
export function format(file: ModFile): string {
  return formatSyntax(file.syntax);
}

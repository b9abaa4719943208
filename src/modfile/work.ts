// go.work files (the semantics of x/mod/modfile work.go): same syntax as
// go.mod, with `use` instead of `module`/`require`, always strict.

import type {
  GoStmt,
  GodebugStmt,
  Located,
  ReplaceStmt,
  ToolchainStmt,
  VersionFixer,
} from './rules.js';
import {
  isGoVersion,
  isToolchainName,
  ModfileError,
  parseReplace,
  parseSyntaxOrThrow,
  Problems,
} from './rules.js';
import type { FileSyntax, Line } from './syntax.js';
import { formatSyntax } from './print.js';
import { parseString } from './rules.js';
import { errorMessage } from '../internal/errors.js';

/** One `use` directory. */
export interface UseStmt extends Located {
  path: string;
}

/** A parsed go.work. */
export interface WorkFile {
  go?: GoStmt;
  toolchain?: ToolchainStmt;
  godebug: GodebugStmt[];
  use: UseStmt[];
  replace: ReplaceStmt[];
  syntax: FileSyntax;
}

// go.work names the problem the way Go's workfile parser does.
function parseQuoted(args: string[], i: number): string {
  try {
    return parseString(args, i);
  } catch (e) {
    throw new Error(`invalid quoted string: ${errorMessage(e)}`, { cause: e });
  }
}

function locate(line: Line): Located {
  return { line: line.start.line, column: line.start.lineRune, syntax: line };
}

function addWork(f: WorkFile, line: Line, verb: string, args: string[], fix?: VersionFixer): void {
  switch (verb) {
    default:
      throw new Error(`unknown directive: ${verb}`);
    case 'go': {
      if (f.go !== undefined) throw new Error('repeated go statement');
      if (args.length !== 1) throw new Error('go directive expects exactly one argument');
      const v = args[0] ?? '';
      if (!isGoVersion(v)) throw new Error(`invalid go version '${v}': must match format 1.23.0`);
      f.go = { ...locate(line), version: v };
      return;
    }
    case 'toolchain': {
      if (f.toolchain !== undefined) throw new Error('repeated toolchain statement');
      if (args.length !== 1) throw new Error('toolchain directive expects exactly one argument');
      const name = args[0] ?? '';
      if (!isToolchainName(name)) {
        throw new Error(
          `invalid toolchain version '${name}': must match format go1.23.0 or default`,
        );
      }
      f.toolchain = { ...locate(line), name };
      return;
    }
    case 'godebug': {
      const a = args[0] ?? '';
      if (args.length !== 1 || /["`',]/.test(a)) throw new Error('usage: godebug key=value');
      const eq = a.indexOf('=');
      if (eq < 0) throw new Error('usage: godebug key=value');
      f.godebug.push({ ...locate(line), key: a.slice(0, eq), value: a.slice(eq + 1) });
      return;
    }
    case 'use':
      if (args.length !== 1) throw new Error(`usage: ${verb} local/dir`);
      f.use.push({ ...locate(line), path: parseQuoted(args, 0) });
      return;
    case 'replace':
      f.replace.push({ ...locate(line), ...parseReplace(verb, args, fix) });
      return;
  }
}

/** Parses a go.work file (Go's modfile.ParseWork). Throws ModfileError. */
export function parseWork(
  file: string,
  data: string | Uint8Array,
  options: { fix?: VersionFixer } = {},
): WorkFile {
  const syntax = parseSyntaxOrThrow(file, data);
  const f: WorkFile = { godebug: [], use: [], replace: [], syntax };
  const problems = new Problems(file);
  const run = (line: Line, verb: string, args: string[]): void => {
    try {
      addWork(f, line, verb, args, options.fix);
    } catch (e) {
      if (!(e instanceof Error)) throw e;
      problems.add(line.start, e.message);
    }
  };
  for (const x of syntax.stmt) {
    if (x.kind === 'line') {
      const args = x.token.slice(1);
      run(x, x.token[0] ?? '', args);
      args.forEach((a, i) => {
        x.token[i + 1] = a;
      });
    } else if (x.kind === 'block') {
      const verb = x.token[0] ?? '';
      if (x.token.length > 1 || !['godebug', 'use', 'replace'].includes(verb)) {
        problems.add(x.start, `unknown block type: ${x.token.join(' ')}`);
        continue;
      }
      for (const l of x.line) run(l, verb, l.token);
    }
  }
  if (problems.list.length > 0) throw new ModfileError(problems.list);
  return f;
}

/** Formats a go.work file as the go command writes it. */
export function formatWork(file: WorkFile): string {
  return formatSyntax(file.syntax);
}

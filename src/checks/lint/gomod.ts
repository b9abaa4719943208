// go.mod as the go command reads a main module's go.mod (modload.ReadModFile):
// modfile.Parse with the go command's version fixer, then "missing module
// declaration". Every problem becomes a `gomod-invalid` finding with Go's
// text at Go's line and column. The go command's fixer asks the network for
// a version that is not canonical (`v1.2` in a require) and rewrites go.mod;
// the lint never asks, and reports x/mod's own text for it instead ("must
// be of the form v1.2.3"), which is also what a dependent reading this go.mod
// without a fixer gets.

import {
  modulePath as scanModulePath,
  ModfileError,
  parse,
  parseLax,
  type ModFile,
  type VersionFixer,
} from '../../modfile/index.js';
import {
  canonicalVersion,
  checkPathMajor,
  InvalidVersionError,
  ModuleError,
  splitPathVersion,
  versionError,
} from '../../module/index.js';
import { goQuote } from '../../internal/go-quote.js';
import { columnOfRune } from './columns.js';
import { gomodInvalid } from './findings.js';
import type { LintFinding, LintWhere } from './types.js';

/** A module's go.mod as the rules read it. */
export interface GoModView {
  /** Repository-relative path (`sub/go.mod`). */
  file: string;
  data: Uint8Array;
  /** Whether the go command reads it without error. */
  valid: boolean;
  /**
   * The parsed file: strict when valid, else lenient (as a dependent would
   * read it) when that works; undefined when even that fails.
   */
  parsed?: ModFile;
  /** The declared module path ('' when none can be read). */
  modulePath: string;
  /** Where the `module` directive is (the file's first line when unknown). */
  moduleAt: LintWhere & { file: string };
}

// cmd/go's fixVersion (modload/init.go) for what it decides offline.
const fixVersion: VersionFixer = (path, vers) => {
  const { pathMajor, ok } = splitPathVersion(path);
  if (!ok) {
    throw new ModuleError(
      path,
      '',
      new InvalidVersionError(vers, new Error(`malformed module path ${goQuote(path)}`)),
    );
  }
  if (vers !== '' && canonicalVersion(vers) === vers) {
    const err = checkPathMajor(vers, pathMajor);
    if (err !== undefined) throw versionError(path, vers, err);
    return vers;
  }
  throw new ModuleError(
    path,
    '',
    new InvalidVersionError(vers, new Error('must be of the form v1.2.3')),
  );
};

function tryParse(f: () => ModFile): ModFile | ModfileError {
  try {
    return f();
  } catch (e) {
    if (e instanceof ModfileError) return e;
    throw e;
  }
}

/** Where a parsed directive is, in the lint's columns. */
export function whereIs(
  view: Pick<GoModView, 'file' | 'data'>,
  at: { line: number; column: number },
): LintWhere & { file: string } {
  return { file: view.file, line: at.line, column: columnOfRune(view.data, at.line, at.column) };
}

/**
 * Reads a module's go.mod (`file` is its repository-relative path) and
 * reports every problem the go command reports for it as a main module.
 */
export function readGoMod(
  file: string,
  data: Uint8Array,
): { view: GoModView; findings: LintFinding[] } {
  const base = { file, data };
  const strict = tryParse(() => parse('go.mod', data, { fix: fixVersion }));
  const findings: LintFinding[] = [];
  let parsed: ModFile | undefined;
  if (strict instanceof ModfileError) {
    const lax = tryParse(() => parseLax('go.mod', data));
    if (!(lax instanceof ModfileError)) parsed = lax;
  } else {
    parsed = strict;
  }
  const modulePath = parsed?.module?.path ?? scanModulePath(data);
  const module = modulePath === '' ? {} : { module: modulePath };
  if (strict instanceof ModfileError) {
    for (const p of strict.errors) {
      const at = p.line > 0 ? whereIs(base, p) : { file };
      findings.push(gomodInvalid(p.message, { ...at, ...module }));
    }
  } else if (strict.module === undefined) {
    findings.push(
      gomodInvalid(
        'missing module declaration. To specify the module path:\n\tgo mod edit -module=example.com/mod',
        { file, line: 1 },
      ),
    );
  }
  const moduleAt = parsed?.module !== undefined ? whereIs(base, parsed.module) : { file, line: 1 };
  const view: GoModView = { file, data, valid: findings.length === 0, modulePath, moduleAt };
  if (parsed !== undefined) view.parsed = parsed;
  return { view, findings };
}

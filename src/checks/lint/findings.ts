// The lint's findings catalogue: one constructor per code, holding its
// wording and its fix, so the rules decide and these say. Where the go
// command has words for the problem, the message is Go's text verbatim (the
// tests compare it with the go command's); the fix says what to do.

import type { UnrecognisedKind } from './deprecation.js';
import { LINT_SEVERITY, type LintCode, type LintFinding, type LintWhere } from './types.js';

/** Where a finding points, and the module it is about. */
export type At = LintWhere & { module?: string };

function make(code: LintCode, message: string, at: At, fix?: string): LintFinding {
  const f: LintFinding = { code, severity: LINT_SEVERITY[code], message };
  if (at.module !== undefined && at.module !== '') f.module = at.module;
  if (at.file !== undefined) f.file = at.file;
  if (at.line !== undefined) f.line = at.line;
  if (at.column !== undefined) f.column = at.column;
  if (fix !== undefined) f.fix = fix;
  return f;
}

const IMPLIED =
  'was not given with --next: it is the version implied by the latest tag; name the tag your release will create with --next';

/** The sentence that says where an implied next version came from. */
export function impliedNote(next: { version: string; implied: boolean }): string {
  return next.implied ? ` (${next.version} ${IMPLIED}.)` : '';
}

export function gomodInvalid(text: string, at: At): LintFinding {
  return make(
    'gomod-invalid',
    text,
    at,
    'The go command stops here for everyone who builds this module. Fix the line as the message says (`go mod tidy` rewrites versions it can resolve), and commit go.mod.',
  );
}

export function versionInvalid(text: string, at: At, fix: string): LintFinding {
  return make('version-invalid', text, at, fix);
}

/** Why the go command would look for a module elsewhere than where it is. */
export type PathMismatch =
  /** The repository's module path says where Go looks; this is not there. */
  | { kind: 'elsewhere'; path: string; dir: string; looks: string[]; root: string; want: string }
  /** Without the repository's path: the module path does not end in its directory. */
  | { kind: 'tail'; path: string; dir: string; want: string }
  /** Two go.mod files where the go command looks both declare the path. */
  | { kind: 'duplicate'; path: string; file: string; other: string; major: string };

function inDir(dir: string): string {
  return dir === '' ? 'the repository root' : `${dir}/`;
}

export function modulePathMismatch(m: PathMismatch, at: At): LintFinding {
  switch (m.kind) {
    case 'elsewhere':
      return make(
        'module-path-mismatch',
        `go.mod in ${inDir(m.dir)} declares module ${m.path}, but the go command looks for ${m.path} in ${m.looks.map(inDir).join(' or ')} of the repository (whose module path is ${m.root}), not in ${inDir(m.dir)}: nobody can fetch it under this path`,
        at,
        `Change the module directive to "module ${m.want}" (the path of ${inDir(m.dir)}), and the imports of its packages to match; or move the module to where its path says.`,
      );
    case 'tail':
      return make(
        'module-path-mismatch',
        `go.mod in ${inDir(m.dir)} declares module ${m.path}, which does not end in ${m.want}: the go command looks for a module of a repository in the directory its path names after the repository's path, so it will not find this one`,
        at,
        `Change the module directive to the repository's module path followed by /${m.want}.`,
      );
    case 'duplicate':
      return make(
        'module-path-mismatch',
        `${m.file} and ${m.other} both declare module ${m.path}: the go command refuses every version of it ("… both have …/${m.major} module paths")`,
        at,
        `Keep one of the two: a /${m.major} module lives either in the directory of the earlier majors (a major branch) or in its ${m.major}/ subdirectory, not in both.`,
      );
  }
}

export function oldMajorImport(
  a: { importPath: string; oldModule: string; module: string; replacement: string },
  at: At,
): LintFinding {
  return make(
    'old-major-import',
    `imports ${a.importPath}, a package of ${a.oldModule}: an earlier major version of this module (${a.module}), so builds get a second copy of the package, with its own types and state`,
    at,
    `Import "${a.replacement}" instead (the same package in this major version).`,
  );
}

export function versionPublished(
  a: {
    module: string;
    version: string;
    tag: string;
    where: string[];
    free: string;
    implied: string;
  },
  at: At,
): LintFinding {
  return make(
    'version-published',
    `${a.module}@${a.version} is already published (${a.where.join(', ')}): it was released before, perhaps from a tag since deleted, and its first content is kept forever.${a.implied}`,
    at,
    `Release another version (${a.free} is free). A new tag ${a.tag} would give everybody who fetches it directly "verifying module: checksum mismatch … SECURITY ERROR", while the mirror keeps serving the old content.`,
  );
}

export function versionLower(
  a: { module: string; version: string; latest: string; line: string; above: string },
  at: At,
): LintFinding {
  return make(
    'version-lower',
    `${a.version} is lower than ${a.latest}, the latest release of the ${a.line} line of ${a.module}: go get will not pick it by default, and the go command reads retract lines and the deprecation comment only from the latest version's go.mod`,
    at,
    `If this is a fix for an older minor version, nothing to do. Otherwise release a version above ${a.latest} (${a.above}).`,
  );
}

export function retractUnknown(
  a: { module: string; range: string; asked: boolean },
  at: At,
): LintFinding {
  const where = a.asked
    ? 'never tagged in this repository nor published'
    : 'never tagged in this repository (the mirror was not asked)';
  return make(
    'retract-unknown',
    `retract ${a.range} names no version of ${a.module} that exists: ${where}`,
    at,
    'Check the version numbers: a typo here retracts nothing, and the version meant stays the one go get picks.',
  );
}

export function retractPending(
  a: { module: string; range: string; next?: string },
  at: At,
): LintFinding {
  const who =
    a.next !== undefined
      ? `publishing ${a.next} does that, if it is the highest version of ${a.module}`
      : `the next release of ${a.module} does that, if it is the highest version`;
  return make(
    'retract-pending',
    `retract ${a.range} takes effect only once a version whose go.mod carries it is published and is the latest: ${who}`,
    at,
    'Retracted versions stay downloadable; once in effect, go get stops choosing them and warns the users who require them.',
  );
}

const DEPRECATION: Record<UnrecognisedKind, { why: string; fix: string }> = {
  detached: {
    why: 'is not attached to the module directive (a blank line or another directive separates them), so the go command does not read it',
    fix: 'Put it on the lines directly above the module line, with no blank line between, or at the end of the module line.',
  },
  spelling: {
    why: 'does not start with "Deprecated:" as the go command requires (that case, then a colon)',
    fix: 'Write it as "// Deprecated: " followed by what to use instead, directly above the module line.',
  },
  'mid-paragraph': {
    why: 'is in the middle of a comment paragraph: the go command reads a deprecation only from a paragraph that starts with "Deprecated:"',
    fix: 'Separate it from the comment lines above with an empty "//" line.',
  },
  empty: {
    why: 'has no message after "Deprecated:", and the go command treats an empty message as "not deprecated"',
    fix: 'Say after the colon, on the same line, what to use instead.',
  },
};

export function deprecatedUnrecognised(
  a: { kind: UnrecognisedKind; text: string },
  at: At,
): LintFinding {
  const d = DEPRECATION[a.kind];
  return make(
    'deprecated-unrecognised',
    `the comment "${a.text}" ${d.why}: go get and go list -u will not show the module as deprecated`,
    at,
    d.fix,
  );
}

export function incompatibleTrap(
  a: { module: string; versions: string[]; highest: string; successor: string; retract: string },
  at: At,
): LintFinding {
  const list =
    a.versions.length <= 3
      ? a.versions.join(', ')
      : `${a.versions.slice(0, 2).join(', ')}, … ${a.versions.at(-1) ?? ''} (${a.versions.length} versions)`;
  return make(
    'incompatible-trap',
    `${list} of ${a.module} ${a.versions.length === 1 ? 'was' : 'were'} published without go.mod, as +incompatible versions. With this go.mod (module ${a.module}, no major suffix), once a version carrying it is published the go command stops listing them: go get ${a.module}@latest picks the highest v0/v1 version instead, the users of ${a.highest} get no upgrade, and a new tag of that major is refused (the module path must end in its /vN)`,
    at,
    `Decide where users land. To continue after ${a.highest}, declare "module ${a.successor}" and release it from there (users change their imports). ` +
      `To make new users land on a v1 line, release v1 versions with this go.mod and add "${a.retract}" to it, so go get warns those who still require them.`,
  );
}

/** The tree of a module cannot become a module zip (Go's text); the orchestration finds it. */
export function zipInvalid(text: string, at: At): LintFinding {
  return make(
    'zip-invalid',
    text,
    at,
    'Rename or remove the files named, and commit: the go command and the mirror would refuse every version tagged from this tree with the same error.',
  );
}

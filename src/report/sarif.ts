// The lint report as SARIF 2.1.0 for GitHub code scanning
// (github/codeql-action/upload-sarif): one run, one rule per finding code
// (every code, in a fixed order, so rule indexes never move), one result
// per finding.
//
// Locations are repository-relative URIs (percent-encoded per segment);
// columns are UTF-16 code units, said explicitly with `columnKind`
// (src/checks/lint/types.ts explains why). GitHub shows a result only where
// it has a file and a line, so a finding without a file is put on its
// module's go.mod, and one without a line on line 1.
//
// `partialFingerprints.modsealFinding/v1` identifies a result across runs:
// a hash of the code, the module, the file and the message with its version
// numbers blanked out, but not of the line, so an alert survives edits above
// it and a new implied next version does not open a new alert.

import { createHash } from 'node:crypto';
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import type { LintCode, LintFinding, LintReport } from '../checks/lint/types.js';
import { LINT_SEVERITY } from '../checks/lint/types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** What each code means and how to fix it: the rule metadata GitHub shows with an alert. */
const RULES: Record<LintCode, { short: string; full: string; help: string }> = {
  'version-invalid': {
    short: 'The go command refuses the next version for this module path.',
    full: 'The version about to be tagged does not fit the module path in go.mod: from v2 on, the path must end in the major version (/v2), and a path that ends in /vN takes only vN versions. The mirror and every go command refuse such a version.',
    help: 'Make go.mod and the tag agree: change the module directive to the /vN path (and the imports of the module’s own packages), or tag a version of the line the path names.',
  },
  'gomod-invalid': {
    short: 'go.mod does not parse as the go command reads it.',
    full: 'The go command stops with this error for everyone who builds the module, at this line of go.mod.',
    help: 'Fix the line as the message says; `go mod tidy` rewrites versions it can resolve.',
  },
  'module-path-mismatch': {
    short: 'The go command would look for this module elsewhere than where it is.',
    full: 'The go command finds a module of a repository in the directory its path names after the repository’s path, or for a /vN path also in that directory’s vN/ subdirectory. A go.mod elsewhere, or two go.mod files claiming the same path, cannot be fetched under that path.',
    help: 'Change the module directive to the path of the module’s directory, or move the module to where its path says.',
  },
  'old-major-import': {
    short: 'Code of the module imports a package of its own earlier major version.',
    full: 'After a major version bump, an import of the previous major path is another module: builds get a second copy of the package, with its own types and state.',
    help: 'Import the same package under the module’s current path (…/vN/…).',
  },
  'version-published': {
    short: 'The next version already exists in the mirror or the checksum database.',
    full: 'The Go module mirror and checksum database keep the first content of a version forever, even after its tag is deleted. A new tag with the same number gives direct fetches a checksum mismatch (SECURITY ERROR) while the mirror keeps serving the old content.',
    help: 'Release another version number, above every version already published.',
  },
  'zip-invalid': {
    short: 'The module’s tree cannot become a module zip.',
    full: 'The go command and the mirror refuse to build the module zip from this tree (file names, case collisions or size limits), so every version tagged from it is unusable.',
    help: 'Rename or remove the files the message names, and commit.',
  },
  'version-lower': {
    short: 'The next version is lower than the latest release of its major line.',
    full: 'go get will not pick it by default, and the go command reads retract lines and deprecation comments only from the latest version’s go.mod.',
    help: 'Nothing to do for a fix on an older minor line; otherwise release a version above the latest.',
  },
  'retract-unknown': {
    short: 'A retract directive names versions that were never tagged nor published.',
    full: 'A retraction of versions that do not exist retracts nothing; a typo here leaves the version meant in use.',
    help: 'Check the version numbers in the retract directive.',
  },
  'retract-pending': {
    short: 'A retraction takes effect only once a version carrying it is published.',
    full: 'The go command reads retract directives from the go.mod of the module’s latest version only, so a retraction starts to apply when a version whose go.mod carries it becomes the latest.',
    help: 'Publish the release that carries the retraction, above every version already published.',
  },
  'deprecated-unrecognised': {
    short: 'A deprecation comment the go command will not show.',
    full: 'The go command shows a module as deprecated only from a comment paragraph starting with "Deprecated:" directly above the module directive (no blank line between) or at the end of its line, with a message after the colon.',
    help: 'Write "// Deprecated: <what to use instead>" directly above the module line.',
  },
  'incompatible-trap': {
    short:
      'v2+ versions were published as +incompatible, and this go.mod would strand their users.',
    full: 'Once a version with a go.mod whose module path has no major suffix is published, the go command stops listing the +incompatible versions: go get …@latest picks the highest v0/v1 version, their users get no upgrades, and a new tag of their major is refused.',
    help: 'Continue with a /vN module path above the highest +incompatible major, or release v1 versions and retract the +incompatible ones.',
  },
  unreachable: {
    short: 'The mirror or the checksum database could not be asked.',
    full: 'Whether the next version is already published was not decided: the verdict is inconclusive, never a pass.',
    help: 'Re-run the job; if it persists, check the network settings (GOPROXY, GOSUMDB, outbound proxies).',
  },
};

const CODES = Object.keys(RULES) as LintCode[];

const LEVEL = { error: 'error', warning: 'warning', notice: 'note' } as const;

export interface SarifOptions {
  /** modseal's version, for `tool.driver.version`. */
  toolVersion: string;
  /** Where modseal is documented; each rule's help URI is this with `#<code>`. */
  informationUri?: string;
}

// The rule's friendly name: its code in Pascal case, except where that is
// the code itself again (the validator compares them ignoring case).
function friendlyName(code: LintCode): string {
  if (code === 'unreachable') return 'ServiceUnreachable';
  return code.replace(/(^|-)([a-z])/g, (_, _d: string, c: string) => c.toUpperCase());
}

function uriOf(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function sentence(s: string): string {
  const t = s.trimEnd();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** The go.mod a finding without a file of its own belongs to. */
function fallbackFile(f: LintFinding, report: LintReport): string {
  const m =
    report.modules.find((x) => x.path !== '' && x.path === f.module) ??
    report.modules.find((x) => x.dir === '') ??
    report.modules[0];
  return m === undefined || m.dir === '' ? 'go.mod' : `${m.dir}/go.mod`;
}

const VERSION = /v[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?/g;

function fingerprint(f: LintFinding, file: string): string {
  const key = [f.code, f.module ?? '', file, f.message.replace(VERSION, 'vX.Y.Z')].join('\0');
  return createHash('sha256').update(key).digest('hex');
}

function location(f: LintFinding, report: LintReport): Location {
  const file = f.file ?? fallbackFile(f, report);
  return {
    physicalLocation: {
      artifactLocation: { uri: uriOf(file) },
      region: {
        startLine: f.line ?? 1,
        ...(f.column !== undefined ? { startColumn: f.column } : {}),
      },
    },
  };
}

/** The lint report as a SARIF 2.1.0 log (one run), ready for JSON.stringify. */
export function lintSarif(report: LintReport, options: SarifOptions): Log {
  const info = options.informationUri ?? 'https://github.com/modseal/modseal';
  const rules: ReportingDescriptor[] = CODES.map((code) => {
    const r = RULES[code];
    return {
      id: code,
      name: friendlyName(code),
      shortDescription: { text: r.short },
      fullDescription: { text: r.full },
      help: { text: r.help },
      helpUri: `${info}#${code}`,
      defaultConfiguration: { level: LEVEL[LINT_SEVERITY[code]] },
      properties: { tags: ['go-modules', 'release'] },
    };
  });
  const results: Result[] = report.findings.map((f) => {
    const file = f.file ?? fallbackFile(f, report);
    const text = sentence(f.message) + (f.fix !== undefined ? ` Fix: ${sentence(f.fix)}` : '');
    return {
      ruleId: f.code,
      ruleIndex: CODES.indexOf(f.code),
      level: LEVEL[f.severity],
      message: { text },
      locations: [location(f, report)],
      partialFingerprints: { 'modsealFinding/v1': fingerprint(f, file) },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'modseal',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: info,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** The SARIF log as a file's content (pretty-printed, trailing newline). */
export function renderLintSarif(report: LintReport, options: SarifOptions): string {
  return JSON.stringify(lintSarif(report, options), null, 2) + '\n';
}

// All the per-module rules in their order, over facts gathered beforehand,
// so `runLint` is: read the tree, plan each module, ask what is published,
// then this. Tree-wide facts (where the go command looks for each module,
// the tree's zip errors) come from modulePathMismatchFindings and the zip
// builder.

import type { VersionInterval } from '../../modfile/index.js';
import type { GoModView } from './gomod.js';
import {
  deprecatedUnrecognisedFindings,
  incompatibleTrapFinding,
  oldMajorImportFindings,
  retractFindings,
  versionInvalidFinding,
  versionLowerFinding,
  versionPublishedFinding,
  type PublishedFacts,
} from './rules.js';
import { splitPathVersion } from '../../module/index.js';
import type { LineOptions, NextVersion, TreeModule } from './tree.js';
import type { LintFinding, LintVerdict } from './types.js';

/** What the rules of one module need, gathered by the orchestration. */
export interface ModuleFacts {
  /** Repository-relative directory ('' for the root). */
  dir: string;
  view: GoModView;
  /** The versions of its tag prefix (versionsOfPrefix). */
  versions: readonly string[];
  /** Which of those tags are its own (see LineOptions). */
  line?: LineOptions;
  /** The version it releases next (nextVersionFor), when there is one. */
  next?: NextVersion;
  /** What the mirror and the checksum database hold; undefined when not asked. */
  published?: PublishedFacts;
  /** Retractions of the latest published version's go.mod, when read. */
  inEffect?: readonly VersionInterval[];
  /** Its `.go` files with content (moduleSourceFiles), when needsImportScan. */
  goFiles?: readonly { path: string; content: Uint8Array }[];
  /** The other module paths of the tree. */
  otherModules?: readonly string[];
  /** The go command would look for it elsewhere (modulePathMismatchFindings). */
  misplaced?: boolean;
}

/** The findings of one module, in a fixed order (gomod-invalid comes from readGoMod). */
export function moduleFindings(f: ModuleFacts): LintFinding[] {
  const out: LintFinding[] = [];
  const add = (x: LintFinding | undefined): void => {
    if (x !== undefined) out.push(x);
  };
  if (f.next !== undefined) {
    // A module the go command would not find is reported as misplaced, not
    // judged against a version it would never reach.
    const invalid = f.misplaced === true ? undefined : versionInvalidFinding(f.view, f.next);
    add(invalid);
    if (invalid === undefined) {
      add(versionPublishedFinding(f.view, f.next, f.published, f.versions));
      add(versionLowerFinding(f.view, f.next, f.versions, f.published, f.line));
    }
  }
  out.push(...oldMajorImportFindings(f.view, f.goFiles ?? [], f.otherModules ?? []));
  out.push(
    ...retractFindings(f.view, {
      versions: f.versions,
      ...(f.next !== undefined ? { next: f.next } : {}),
      ...(f.published !== undefined ? { published: f.published } : {}),
      ...(f.inEffect !== undefined ? { inEffect: f.inEffect } : {}),
    }),
  );
  out.push(...deprecatedUnrecognisedFindings(f.view));
  add(
    incompatibleTrapFinding(f.view, f.dir, {
      versions: f.versions,
      ...(f.published !== undefined ? { published: f.published } : {}),
      ...(f.line?.pathAtTag !== undefined ? { pathAtTag: f.line.pathAtTag } : {}),
    }),
  );
  return out;
}

/**
 * The version to ask the mirror and the checksum database about for this
 * module, or undefined when none may be sent: no next version, a version the
 * go command refuses for the path, or a module it would not find (the mirror
 * would remember the miss; an invalid version is never sent anywhere).
 */
export function askableVersion(
  f: Pick<ModuleFacts, 'view' | 'next' | 'misplaced'>,
): string | undefined {
  if (f.next === undefined || f.misplaced === true || f.view.modulePath === '') return undefined;
  return versionInvalidFinding(f.view, f.next) === undefined ? f.next.version : undefined;
}

/**
 * The majors claimed by major-subdirectory modules that share `module`'s tag
 * prefix (for LineOptions.otherMajors): `v2` for `v2/` when `module` is the
 * root module.
 */
export function otherMajorsOf(
  module: Pick<TreeModule, 'dir' | 'tagPrefix'>,
  modules: readonly (Pick<TreeModule, 'dir' | 'tagPrefix'> & { modulePath: string })[],
): string[] {
  const out: string[] = [];
  for (const o of modules) {
    if (o.dir === module.dir || o.tagPrefix !== module.tagPrefix) continue;
    const { pathMajor, ok } = splitPathVersion(o.modulePath);
    if (ok && pathMajor.startsWith('/')) out.push(pathMajor.slice(1));
  }
  return out;
}

/** fail on any error-level finding; otherwise inconclusive when something needed could not be asked. */
export function lintVerdict(findings: readonly LintFinding[], unchecked: boolean): LintVerdict {
  if (findings.some((f) => f.severity === 'error')) return 'fail';
  return unchecked ? 'inconclusive' : 'pass';
}

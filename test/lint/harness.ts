// The lint's rules composed over plain data, the way `runLint` composes them
// over the repository's ports: the tree's files, its tags, the --next tags
// and what is published. Tests describe a repository once and use it both
// here and, as a git repository, for the go command.
import {
  assignNextTags,
  latestOfLine,
  lintVerdict,
  modulePathMismatchFindings,
  moduleFindings,
  moduleSourceFiles,
  modulesOfTree,
  needsImportScan,
  nextVersionFor,
  otherMajorsOf,
  parseNextTag,
  readGoMod,
  tagsToInspect,
  versionsOfPrefix,
  type LintFinding,
  type LintModuleSummary,
  type LintVerdict,
  type NextTag,
  type PublishedFacts,
} from '../../src/checks/lint/index.js';
import { modulePath as scanModulePath, type VersionInterval } from '../../src/modfile/index.js';

export interface TreeFacts {
  /** The tree at the revision: path → content. */
  files: Record<string, string | Uint8Array>;
  /** Version tags of the repository, with the tree each points at (for pathAtTag). */
  tags?: Record<string, Record<string, string | Uint8Array>>;
  /** --next values. */
  next?: string[];
  /** Published versions per module path. */
  published?: Record<string, PublishedFacts>;
  repoRoot?: string;
  /** Retractions of the latest published go.mod, per module path. */
  inEffect?: Record<string, VersionInterval[]>;
}

export interface LintOutcome {
  verdict: LintVerdict;
  modules: LintModuleSummary[];
  findings: LintFinding[];
  errors: string[];
}

function bytes(c: string | Uint8Array): Uint8Array {
  return typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
}

/** Runs every rule over `facts`. */
export function lintFacts(facts: TreeFacts): LintOutcome {
  const paths = Object.keys(facts.files);
  const tagNames = Object.keys(facts.tags ?? {});
  const findings: LintFinding[] = [];
  const modules = modulesOfTree(paths).map((m) => {
    const { view, findings: gomod } = readGoMod(m.goModFile, bytes(facts.files[m.goModFile] ?? ''));
    findings.push(...gomod);
    return { ...m, view, modulePath: view.modulePath };
  });
  const parsed = (facts.next ?? []).map(parseNextTag);
  const errors = parsed.flatMap((p) => ('error' in p ? [p.error] : []));
  const nextTags = parsed.filter((p): p is NextTag => !('error' in p));
  const assigned = assignNextTags(modules, nextTags);
  errors.push(...assigned.errors);
  const { findings: placed, misplaced } = modulePathMismatchFindings(modules, facts.repoRoot);
  findings.push(...placed);
  const summaries: LintModuleSummary[] = [];
  for (const m of modules) {
    const versions = versionsOfPrefix(tagNames, m.tagPrefix);
    const inspect = new Set(tagsToInspect(m.modulePath, versions));
    const pathAtTag = (v: string): string | null | undefined => {
      if (!inspect.has(v)) return undefined;
      const tree = facts.tags?.[m.tagPrefix + v] ?? {};
      const mod = tree[m.goModFile];
      return mod === undefined ? null : scanModulePath(bytes(mod));
    };
    const line = { otherMajors: otherMajorsOf(m, modules), pathAtTag };
    const next = nextVersionFor(m, versions, assigned.byDir.get(m.dir), line);
    const published = facts.published?.[m.modulePath];
    const inEffect = facts.inEffect?.[m.modulePath];
    const goFiles = needsImportScan(m.modulePath)
      ? moduleSourceFiles(
          paths,
          m.dir,
          (m.view.parsed?.ignore ?? []).map((i) => i.path),
        ).map((p) => ({ path: p, content: bytes(facts.files[p] ?? '') }))
      : [];
    findings.push(
      ...moduleFindings({
        dir: m.dir,
        view: m.view,
        versions,
        line,
        ...(next !== undefined ? { next } : {}),
        ...(published !== undefined ? { published } : {}),
        ...(inEffect !== undefined ? { inEffect } : {}),
        goFiles,
        otherModules: modules.filter((o) => o !== m).map((o) => o.modulePath),
        misplaced: misplaced.has(m.dir),
      }),
    );
    const latest = latestOfLine(m.modulePath, versions, line);
    summaries.push({
      path: m.modulePath,
      dir: m.dir,
      tagPrefix: m.tagPrefix,
      ...(latest !== undefined ? { latest } : {}),
      ...(next !== undefined ? { next: next.version } : {}),
    });
  }
  return { verdict: lintVerdict(findings, false), modules: summaries, findings, errors };
}

/** A finding reduced to what the fixture tests compare. */
export function brief(f: LintFinding): {
  code: string;
  file?: string;
  line?: number;
  column?: number;
} {
  return {
    code: f.code,
    ...(f.file !== undefined ? { file: f.file } : {}),
    ...(f.line !== undefined ? { line: f.line } : {}),
    ...(f.column !== undefined ? { column: f.column } : {}),
  };
}

// The pull-request lint over the engine's ports: the tree of a revision
// (committed content, as the zip builder reads it), the repository's version
// tags, and per module the mirror and the checksum database. It only gathers
// facts; the decisions are the pure rules of this folder, run in the same
// order as test/lint/harness.ts runs them over plain data.
//
// Nothing is published by a lint: the mirror is asked only through its
// cached-only view and its version list, the checksum database only about a
// version the mirror already holds, and a version Go refuses for the path is
// never sent (askableVersion).
import { InputError } from '../../internal/errors.js';
import {
  modulePath as scanModulePath,
  parseLax,
  type VersionInterval,
} from '../../modfile/index.js';
import { latestIgnoringRetractions } from '../retractions.js';
import type { LocalRepo, Logger, Mirror, RemoteSides, RepoFile } from '../ports.js';
import { readGoMod, type GoModView } from './gomod.js';
import { askableVersion, lintVerdict, moduleFindings, otherMajorsOf } from './module.js';
import {
  modulePathMismatchFindings,
  moduleSourceFiles,
  needsImportScan,
  zipInvalidFinding,
  type PublishedFacts,
} from './rules.js';
import {
  assignNextTags,
  latestOfLine,
  modulesOfTree,
  nextVersionFor,
  parseNextTag,
  tagsToInspect,
  versionsOfPrefix,
  type NextTag,
  type TreeModule,
} from './tree.js';
import {
  LINT_REPORT_SCHEMA,
  LINT_SEVERITY,
  type LintFinding,
  type LintModuleSummary,
  type LintReport,
} from './types.js';

export interface LintInput {
  /** The revision whose tree is linted, as the user named it. */
  ref: string;
  /** The commit it resolved to, for the report. */
  commit?: string;
  /** `--next` tags. */
  next: readonly string[];
  /** Skip the mirror and the checksum database. */
  offline: boolean;
  /** The repository's module path, when the root module cannot say it. */
  repoRoot?: string;
}

export interface LintPorts extends RemoteSides {
  local: Pick<LocalRepo, 'files' | 'goMod' | 'versionTags'>;
  /**
   * Go's text when the module in `dir` at `rev` cannot become a module zip
   * (file names, case collisions, size limits: the release gate's checks),
   * or undefined.
   */
  zipError(rev: string, dir: string): Promise<string | undefined>;
  logger: Logger;
}

type Module = TreeModule & { view: GoModView; modulePath: string };

/** Reads each file once, a few at a time (each read may be a git process). */
function reader(files: ReadonlyMap<string, RepoFile>): (path: string) => Promise<Buffer> {
  const cache = new Map<string, Promise<Buffer>>();
  return (p) => {
    let r = cache.get(p);
    if (r === undefined) {
      const f = files.get(p);
      r = f === undefined ? Promise.resolve(Buffer.alloc(0)) : f.read();
      cache.set(p, r);
    }
    return r;
  };
}

async function readMany(paths: readonly string[], read: (p: string) => Promise<Buffer>) {
  const out: { path: string; content: Buffer }[] = [];
  for (let i = 0; i < paths.length; i += 16) {
    const batch = paths.slice(i, i + 16);
    const contents = await Promise.all(batch.map(read));
    batch.forEach((path, j) => out.push({ path, content: contents[j] ?? Buffer.alloc(0) }));
  }
  return out;
}

/** The `--next` tags, split and assigned to modules; a tag no module takes is an input error. */
function nextTags(values: readonly string[], modules: readonly Module[]): Map<string, NextTag> {
  const parsed = values.map(parseNextTag);
  const errors = parsed.flatMap((p) => ('error' in p ? [p.error] : []));
  const assigned = assignNextTags(
    modules,
    parsed.filter((p): p is NextTag => !('error' in p)),
  );
  errors.push(...assigned.errors);
  if (errors.length > 0) throw new InputError(errors.join('; '));
  return assigned.byDir;
}

function unreachable(modulePath: string, file: string, reason: string): LintFinding {
  return {
    code: 'unreachable',
    severity: LINT_SEVERITY.unreachable,
    message: `Could not ask whether ${modulePath} already has this version: ${reason}. The lint is inconclusive until it can.`,
    module: modulePath,
    file,
    fix: 'Re-run the job; if it persists, check the network settings (GOPROXY, GOSUMDB, outbound proxies), or run with --offline to skip the question.',
  };
}

/**
 * The retractions of the go.mod the go command reads them from (the latest
 * version the mirror lists), to tell a retraction already in effect from a
 * pending one. Only versions the mirror lists are read; any trouble leaves
 * them unknown (the finding then says "pending", a notice).
 */
async function retractionsInEffect(
  mirror: Mirror,
  modulePath: string,
  listed: readonly string[],
  logger: Logger,
): Promise<VersionInterval[] | undefined> {
  try {
    const synthesized = `module ${modulePath}\n`;
    const latest = await latestIgnoringRetractions(listed, async (v) => {
      const m = await mirror.mod(modulePath, v);
      return m.kind === 'ok' && m.data.toString('utf8') !== synthesized;
    });
    if (latest === undefined) return undefined;
    const mod = await mirror.mod(modulePath, latest);
    if (mod.kind !== 'ok') return undefined;
    return parseLax(`${modulePath}@${latest}/go.mod`, mod.data).retract.map((r) => ({
      low: r.low,
      high: r.high,
    }));
  } catch (e) {
    logger.debug(`${modulePath}: retractions in effect unknown: ${String(e)}`);
    return undefined;
  }
}

/**
 * What the mirror and the checksum database hold of `version` (and the
 * mirror's version list), asking only what publishes nothing. Returns the
 * facts, or why they could not be had.
 */
async function publishedFacts(
  ports: LintPorts,
  modulePath: string,
  version: string,
  retracts: boolean,
): Promise<{ facts?: PublishedFacts; inEffect?: VersionInterval[]; unreachable?: string }> {
  const side = await ports.mirrorFor(modulePath);
  if (side.kind === 'off') {
    ports.logger.info(`${modulePath}: mirror skipped by configuration: ${side.reason}`);
    return {};
  }
  const mirror = side.port;
  // The cached-only list where the mirror has one: it never makes the
  // mirror refresh what it knows of the module.
  const held = await mirror.cachedList?.(modulePath);
  const listed =
    held === undefined || held.kind === 'unsupported' ? await mirror.list(modulePath) : held;
  if (listed.kind === 'unreachable') return { unreachable: `${mirror.url}: ${listed.reason}` };
  const versions = listed.kind === 'ok' ? [...listed.versions] : [];
  const cached = await mirror.cached(modulePath, version);
  if (cached.kind === 'unreachable') return { unreachable: `${mirror.url}: ${cached.reason}` };
  if (cached.kind === 'found' && !versions.includes(cached.version)) versions.push(cached.version);
  const facts: PublishedFacts = { mirror: { name: mirror.url, versions } };
  const inEffect =
    retracts && listed.kind === 'ok'
      ? await retractionsInEffect(mirror, modulePath, listed.versions, ports.logger)
      : undefined;
  const more = inEffect !== undefined ? { inEffect } : {};
  // The checksum database fetches through the mirror: asked only about a
  // version the mirror already holds.
  const known = versions.find((v) => v === version || v === `${version}+incompatible`);
  if (known === undefined) return { facts, ...more };
  const db = await ports.sumdbFor(modulePath);
  if (db.kind === 'off') {
    ports.logger.info(`${modulePath}: checksum database skipped by configuration: ${db.reason}`);
    return { facts, ...more };
  }
  const answer = await db.port.lookup(modulePath, known);
  if (answer.kind === 'unreachable' || answer.kind === 'unverifiable') {
    return { facts, ...more, unreachable: `${db.port.name}: ${answer.reason}` };
  }
  facts.sumdb = { name: db.port.name, versions: answer.kind === 'found' ? [version] : [] };
  return { facts, ...more };
}

/** Lints the tree of `input.ref`: every module, its next version, what is published. */
export async function runLint(input: LintInput, ports: LintPorts): Promise<LintReport> {
  const { local, logger } = ports;
  const rev = input.commit ?? input.ref;
  const files = new Map((await local.files(rev, '')).map((f) => [f.path, f]));
  const read = reader(files);
  const findings: LintFinding[] = [];
  const modules: Module[] = [];
  for (const m of modulesOfTree(files.keys())) {
    const { view, findings: gomod } = readGoMod(m.goModFile, await read(m.goModFile));
    findings.push(...gomod);
    modules.push({ ...m, view, modulePath: view.modulePath });
  }
  const next = nextTags(input.next, modules);
  const placed = modulePathMismatchFindings(modules, input.repoRoot);
  findings.push(...placed.findings);
  const tags = await local.versionTags();
  const tagNames = tags.map((t) => t.name);
  const commitOf = new Map(tags.map((t) => [t.name, t.commit]));
  if (input.offline) logger.info('offline: the mirror and the checksum database were not asked');
  let unchecked = false;
  const summaries: LintModuleSummary[] = [];
  for (const m of modules) {
    const versions = versionsOfPrefix(tagNames, m.tagPrefix);
    const atTag = new Map<string, string | null>();
    for (const v of tagsToInspect(m.modulePath, versions)) {
      const commit = commitOf.get(m.tagPrefix + v);
      const mod = commit === undefined ? undefined : await local.goMod(commit, m.dir);
      atTag.set(v, mod === undefined ? null : scanModulePath(mod));
    }
    const line = { otherMajors: otherMajorsOf(m, modules), pathAtTag: (v: string) => atTag.get(v) };
    const nextVersion = nextVersionFor(m, versions, next.get(m.dir), line);
    const misplaced = placed.misplaced.has(m.dir);
    const askable = askableVersion({
      view: m.view,
      misplaced,
      ...(nextVersion !== undefined ? { next: nextVersion } : {}),
    });
    let published: PublishedFacts | undefined;
    let inEffect: VersionInterval[] | undefined;
    const late: LintFinding[] = [];
    if (askable !== undefined && !input.offline) {
      const retracts = (m.view.parsed?.retract.length ?? 0) > 0;
      const asked = await publishedFacts(ports, m.modulePath, askable, retracts);
      published = asked.facts;
      inEffect = asked.inEffect;
      if (asked.unreachable !== undefined) {
        unchecked = true;
        late.push(unreachable(m.modulePath, m.view.file, asked.unreachable));
      }
    }
    const goPaths = needsImportScan(m.modulePath)
      ? moduleSourceFiles(
          files.keys(),
          m.dir,
          (m.view.parsed?.ignore ?? []).map((i) => i.path),
        )
      : [];
    findings.push(
      ...moduleFindings({
        dir: m.dir,
        view: m.view,
        versions,
        line,
        ...(nextVersion !== undefined ? { next: nextVersion } : {}),
        ...(published !== undefined ? { published } : {}),
        ...(inEffect !== undefined ? { inEffect } : {}),
        goFiles: await readMany(goPaths, read),
        otherModules: modules.filter((o) => o !== m).map((o) => o.modulePath),
        misplaced,
      }),
    );
    const zip = await ports.zipError(rev, m.dir);
    if (zip !== undefined) findings.push(zipInvalidFinding(m.view, zip));
    findings.push(...late);
    const latest = latestOfLine(m.modulePath, versions, line);
    summaries.push({
      path: m.modulePath,
      dir: m.dir,
      tagPrefix: m.tagPrefix,
      ...(latest !== undefined ? { latest } : {}),
      ...(nextVersion !== undefined ? { next: nextVersion.version } : {}),
    });
  }
  return {
    schema: LINT_REPORT_SCHEMA,
    verdict: lintVerdict(findings, unchecked),
    ref: input.ref,
    ...(input.commit !== undefined ? { commit: input.commit } : {}),
    modules: summaries,
    findings,
  };
}

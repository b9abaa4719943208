// The three-way comparison of a version: the local rebuild (what the tag
// points at now), the mirror (what users download) and the checksum database
// (the authority on what was published), plus the commit the mirror's Origin
// names. Pure: hashes in, decisions out; the words come from the catalogue.
import { mv, sameHashes } from './context.js';
import { buildMismatch, diffSummary, originMismatch, sumdbMismatch, tagMoved } from './findings.js';
import { atModuleLine } from './local-findings.js';
import type { LocalModule, MirrorOrigin } from './ports.js';
import type { Finding, HashPair, StepName, StepStatus, ZipDiff } from './types.js';

export interface SidesToCompare {
  local: HashPair;
  /** The commit the tag points at now. */
  commit: string;
  /** The mirror's accepted `.info`; undefined when the mirror named no usable version. */
  info?: { origin?: MirrorOrigin | undefined } | undefined;
  /** The mirror's `.mod` and `.zip` hashes, when both were read. */
  mirror?: HashPair | undefined;
  /** The checksum database's verified record, when one was read. */
  sumdb?: HashPair | undefined;
  /** This check made the mirror fetch the version (so it built from the commit we have). */
  fetchedByUs: boolean;
}

export interface StepUpdate {
  name: StepName;
  status: StepStatus;
  detail: string;
}

export interface Comparison {
  /** Step results, to apply in order. */
  steps: StepUpdate[];
  /** The commit the mirror's Origin names, when it names a git commit. */
  mirrorCommit?: string;
  /** Whether the Origin's commit is the tag's; undefined when unknown. */
  originSame?: boolean;
  /** The published bytes (the database's, else the mirror's) differ from the tag's. */
  publishedDiffers: boolean;
  /** …and the mirror built the very commit we have: our rebuild disagrees, not the tag. */
  ourRebuildDiffers: boolean;
  mirrorVsSumdb: boolean;
  /** A file-level diff of the mirror's zip would explain a finding. */
  needDiff: boolean;
  /** The published hashes compared with the tag's (the database's first). */
  published: HashPair;
  /** Who holds the other bytes: the database when it disagrees with the tag, else the mirror. */
  holder: 'sumdb' | 'mirror';
  /** The tag points at other bytes than were published. */
  tagMoved: boolean;
  /** The Origin names another commit and no tag-moved finding covers it; contentAgrees: the bytes are equal. */
  originMismatch?: { contentAgrees: boolean };
  /** A finding is an error that only a new version repairs (the remedy applies). */
  broken: boolean;
}

function readOrigin(
  origin: MirrorOrigin | undefined,
  commit: string,
): Partial<Comparison> & {
  step: StepUpdate;
} {
  if (origin?.Hash === undefined || origin.Hash === '') {
    return {
      step: {
        name: 'origin',
        status: 'skipped',
        detail: 'the mirror recorded no Origin for this version',
      },
    };
  }
  if (origin.VCS !== undefined && origin.VCS !== 'git') {
    return {
      step: {
        name: 'origin',
        status: 'skipped',
        detail: `Origin names a ${origin.VCS} repository`,
      },
    };
  }
  // A different commit is judged with the bytes: alone it is only a warning.
  return {
    mirrorCommit: origin.Hash,
    originSame: origin.Hash.toLowerCase() === commit.toLowerCase(),
    step: {
      name: 'origin',
      status: 'ok',
      detail: `the mirror fetched ${origin.Ref ?? 'the tag'} at ${origin.Hash}`,
    },
  };
}

/** Compares the three sides; decides which findings there are, not their words. */
export function compareSides(s: SidesToCompare): Comparison {
  const steps: StepUpdate[] = [];
  let mirrorCommit: string | undefined;
  let originSame: boolean | undefined;
  if (s.info !== undefined) {
    const o = readOrigin(s.info.origin, s.commit);
    steps.push(o.step);
    mirrorCommit = o.mirrorCommit;
    originSame = o.originSame;
  }
  const L = s.local;
  const M = s.mirror;
  const S = s.sumdb;
  const mirrorVsSumdb = M !== undefined && S !== undefined && !sameHashes(M, S);
  const sumdbDiffers = S !== undefined && !sameHashes(S, L);
  const publishedDiffers =
    sumdbDiffers || (S === undefined && M !== undefined && !sameHashes(M, L));
  // The mirror built from the commit we have (or fetched it just now), yet
  // the bytes differ: our rebuild disagrees with the go command's, and
  // "publish a new version" would be the wrong advice.
  const ourRebuildDiffers =
    publishedDiffers &&
    M !== undefined &&
    !sameHashes(M, L) &&
    (originSame === true || (originSame === undefined && s.fetchedByUs && S === undefined));
  if (ourRebuildDiffers) {
    steps.push({
      name: 'mirror-content',
      status: 'unchecked',
      detail: 'the local rebuild disagrees with the mirror',
    });
  }
  const tagMoved = publishedDiffers && !ourRebuildDiffers;
  const c: Comparison = {
    steps,
    publishedDiffers,
    ourRebuildDiffers,
    mirrorVsSumdb,
    needDiff: publishedDiffers || mirrorVsSumdb,
    published: S ?? M ?? {},
    holder: sumdbDiffers ? 'sumdb' : 'mirror',
    tagMoved,
    broken: tagMoved,
  };
  if (mirrorCommit !== undefined) c.mirrorCommit = mirrorCommit;
  if (originSame !== undefined) c.originSame = originSame;
  if (originSame === false) {
    // One finding per cause: when the bytes moved, the mirror's commit is
    // evidence inside tag-moved (its message names it), not a second error.
    const failed = { name: 'origin' as const, status: 'failed' as const };
    const detail = `the mirror fetched ${mirrorCommit ?? '?'}`;
    if (tagMoved) {
      steps.push({ ...failed, detail });
    } else {
      const contentAgrees =
        M !== undefined && sameHashes(M, L) && (S === undefined || sameHashes(S, L));
      c.originMismatch = { contentAgrees };
      if (!contentAgrees) {
        steps.push({ ...failed, detail });
        c.broken = true;
      }
    }
  }
  return c;
}

/** Which of the two hashes differ, in words. */
function whichDiffer(published: HashPair, local: HashPair): string {
  const parts: string[] = [];
  if (published.zip !== local.zip) {
    parts.push(`zip ${published.zip ?? '?'} (tag now: ${local.zip ?? '?'})`);
  }
  if (published.mod !== local.mod) {
    parts.push(`go.mod ${published.mod ?? '?'} (tag now: ${local.mod ?? '?'})`);
  }
  return parts.join('; ');
}

/** The names and places the comparison's findings are worded with. */
export interface ComparisonWords {
  tag: string;
  local: Pick<LocalModule, 'modulePath' | 'version' | 'commit' | 'goModPath' | 'moduleLine'>;
  hashes: { local: HashPair; mirror?: HashPair | undefined; sumdb?: HashPair | undefined };
  /** The mirror's URL and the database's name, when they were asked. */
  mirrorName?: string | undefined;
  sumdbName?: string | undefined;
  /** The ref the mirror's Origin names. */
  originRef?: string | undefined;
  /** The file-level diff of the mirror's zip, when one was made. */
  diff?: ZipDiff | undefined;
  /** The remedy's fix, when only a new version helps. */
  fix?: string | undefined;
}

/** The findings of a comparison, worded by the catalogue. */
export function comparisonFindings(c: Comparison, w: ComparisonWords): Finding[] {
  const out: Finding[] = [];
  const { local, hashes } = w;
  const at = atModuleLine(local);
  const files = diffSummary(w.diff);
  const differ = whichDiffer(c.published, hashes.local);
  const withFix = w.fix !== undefined ? { fix: w.fix } : {};
  if (c.publishedDiffers && c.ourRebuildDiffers) {
    out.push(buildMismatch({ mv: mv(local), commit: local.commit, differ, files }));
  } else if (c.publishedDiffers) {
    const holder =
      c.holder === 'sumdb'
        ? `${w.sumdbName ?? 'the checksum database'} records`
        : `${w.mirrorName ?? 'the mirror'} serves`;
    out.push(
      tagMoved({
        tag: w.tag,
        commit: local.commit,
        holder,
        mv: mv(local),
        ...(c.mirrorCommit !== undefined ? { mirrorCommit: c.mirrorCommit } : {}),
        differ,
        files,
        at,
        ...withFix,
      }),
    );
  }
  if (c.mirrorVsSumdb && hashes.mirror !== undefined && hashes.sumdb !== undefined) {
    out.push(
      sumdbMismatch({
        mirror: w.mirrorName ?? 'the mirror',
        sumdb: w.sumdbName ?? 'the checksum database',
        mv: mv(local),
        mirrorHashes: hashes.mirror,
        sumdbHashes: hashes.sumdb,
        files,
      }),
    );
  }
  if (c.originMismatch !== undefined) {
    out.push(
      originMismatch({
        ref: w.originRef ?? w.tag,
        mirrorCommit: c.mirrorCommit ?? '?',
        tag: w.tag,
        commit: local.commit,
        contentAgrees: c.originMismatch.contentAgrees,
        at,
        ...withFix,
      }),
    );
  }
  return out;
}

// The pull-request lint's pure core (DESIGN "Pull-request lint"): the
// modules of a tree and their next versions, go.mod as the go command reads
// it, one rule per finding code, and the report's vocabulary.

export * from './types.js';
export { columnAtOffset, columnOfRune, offsetOfLine } from './columns.js';
export {
  assignNextTags,
  isVersionTag,
  latestOfLine,
  lineTags,
  modulesOfTree,
  nextVersionFor,
  parseNextTag,
  tagPrefixOf,
  tagsToInspect,
  versionsOfPrefix,
  type LineOptions,
  type NextCandidate,
  type NextTag,
  type NextVersion,
  type TreeModule,
} from './tree.js';
export { readGoMod, whereIs, type GoModView } from './gomod.js';
export { unrecognisedDeprecations, type UnrecognisedKind } from './deprecation.js';
export {
  deprecatedUnrecognisedFindings,
  incompatibleTrapFinding,
  lookupDirs,
  modulePathMismatchFindings,
  moduleSourceFiles,
  needsImportScan,
  oldMajorImportFindings,
  repositoryPath,
  retractFindings,
  versionInvalidFinding,
  versionLowerFinding,
  versionPublishedFinding,
  zipInvalidFinding,
  type PlacedModule,
  type PublishedFacts,
} from './rules.js';
export {
  askableVersion,
  lintVerdict,
  moduleFindings,
  otherMajorsOf,
  type ModuleFacts,
} from './module.js';
export { zipInvalid } from './findings.js';

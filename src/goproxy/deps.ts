// Everything this folder needs from the module and semver packages, in one
// place, so that a change of their entry points touches one file.
export {
  check,
  canonicalVersion,
  escapePath,
  escapeVersion,
  isPseudoVersion,
  pseudoVersionTime,
  matchPrefixPatterns,
  ModuleError,
  InvalidVersionError,
} from '../module/index.js';
export { isValid as isValidSemver, compare as compareSemver } from '../semver/index.js';

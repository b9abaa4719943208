export {
  InvalidPathError,
  InvalidVersionError,
  ModuleError,
  versionError,
  type PathKind,
} from './errors.js';
export {
  canonicalVersion,
  check,
  checkFileElem,
  checkFilePath,
  checkImportPath,
  checkPath,
  checkPathMajor,
  isGopkgIn,
  matchPathMajor,
  pathMajorPrefix,
  splitGopkgIn,
  splitPathVersion,
  type PathVersionSplit,
} from './path.js';
export { escapePath, escapeVersion, unescapePath, unescapeVersion } from './escape.js';
export { matchPrefixPatterns, pathMatch } from './match.js';
export {
  decDecimal,
  formatPseudoTimestamp,
  incDecimal,
  isPseudoVersion,
  isZeroPseudoVersion,
  pseudoVersion,
  pseudoVersionBase,
  pseudoVersionRev,
  pseudoVersionTime,
  zeroPseudoVersion,
} from './pseudo.js';

export {
  isValid,
  canonical,
  major,
  majorMinor,
  prerelease,
  build,
  compare,
  max,
  compareVersionStrings,
  sortVersions,
} from './semver.js';

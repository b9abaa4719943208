// The composition root: the engine (../checks) over the real git repository,
// GOPROXY and checksum-database clients. Only the front ends (action/, cli/,
// demo/) import this folder; checks/ never does.
export {
  createReleaseCheck,
  effectiveEnv,
  type ReleaseCheck,
  type ReleaseCheckRequest,
  type WireOptions,
} from './release.js';
export {
  FLAG_NAMES,
  INPUT_NAMES,
  parseCheckSettings,
  type CheckSettings,
  type NetworkSettings,
  type RawSettings,
  type TimeSettings,
} from './settings.js';
export { tagAtHead, tagName, versionTag, versionTags, versionTagsAtHead } from './tags.js';
export { gitLocalRepo } from './local-repo.js';
export { remoteSides, type RemoteOptions } from './remote.js';
export { cachingMirror } from './caching-mirror.js';

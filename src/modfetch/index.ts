// Repository + version → what the Go module mirror serves (cmd/go's modfetch).
export { allHex, UnknownRevisionError, type CodeHost, type CodeRevInfo } from './code-host.js';
export {
  CodeRepo,
  hasPathPrefix,
  legacyGoMod,
  type ResolvedRev,
  type ZipListing,
  type ZipListingFile,
} from './code-repo.js';
export {
  buildModule,
  goSumLines,
  infoTime,
  resolveVersion,
  type BuildRequest,
  type BuiltModule,
  type KeptFile,
  type OmittedFile,
} from './build-module.js';
export { gitCodeHost } from './git-code-host.js';
export { deriveCodeRoot, inferModuleFromTag, splitTag, type InferredModule } from './infer.js';
export { writeBuiltModuleZip, writeModuleZip } from './write-zip.js';

// Read-only access to the user's git repository, as the Go module mirror sees it.
export {
  createGitRunner,
  isolatedGitEnv,
  type GitResult,
  type GitRunner,
  type GitRunOptions,
  type GitStream,
} from './git-runner.js';
export {
  GitRepo,
  MAX_ZIP_FILE,
  openRepo,
  type ArchiveFile,
  type ArchiveListing,
  type ArchiveMember,
  type CommitInfo,
} from './git-repo.js';
export { readTar, TarFormatError, type TarEntry } from './tar-reader.js';
export { RepositoryError, watchRepositoryErrors } from './repository-error.js';

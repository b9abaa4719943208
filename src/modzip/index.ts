// Module zip rules (x/mod's zip package): which files a module zip holds,
// which errors kill it, writing one, and reading one with Go's limits.
export {
  MAX_GO_MOD,
  MAX_LICENSE,
  MAX_ZIP_FILE,
  FileErrorList,
  ModZipError,
  checkedFilesError,
  type CheckedFiles,
  type FileError,
  type ModuleVersion,
  type ZipSourceFile,
} from './types.js';
export {
  checkFiles,
  classifyFiles,
  checkModuleVersion,
  isVendoredPackage,
  newVendorRules,
  rootGoModFile,
  CollisionChecker,
  reasons,
  sourceTreeTooLargeText,
  type ClassifiedFiles,
} from './check-files.js';
export { createZip, rootGoModData } from './create.js';
export { createZipFromDir, checkDir, listFilesInDir, type DirListing } from './dir.js';
export {
  checkZip,
  checkZipEntries,
  hashZipContent,
  openModuleZip,
  unzip,
  zipPrefix,
  zipTooLargeError,
  type ZipContentReport,
  type ZipEntryName,
} from './read.js';

// Import declarations of Go source files, read as the go command reads them
// (go/build over go/parser's ImportsOnly mode), the files of a module the
// go command treats as its packages' sources, and the imports of an older
// major of the module: the building blocks of the lint's old-major-import
// finding.

export {
  importPosition,
  isValidImportPath,
  readImports,
  type GoImport,
  type ImportsError,
  type ReadImportsResult,
  type SourcePosition,
} from './read.js';
export { hasBom, readHeader, type Header } from './header.js';
export { isIgnoredDir, isTestFile, moduleGoFiles, type ModuleGoFilesOptions } from './files.js';
export {
  oldMajorImports,
  oldMajorModule,
  type FileImports,
  type OldMajorImport,
  type OldMajorImportOptions,
} from './old-major.js';

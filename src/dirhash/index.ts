// h1: hashes of file lists, zips, directories and go.mod files (x/mod sumdb/dirhash).
export {
  hash1,
  hash1Summary,
  hashBytesFiles,
  hashGoMod,
  sha256,
  newlineErrorText,
  type HashedFile,
  type BytesFile,
} from './hash1.js';
export { hashZipFile, hashOpenedZip, entryDigest } from './hash-zip.js';
export { hashDir, dirFiles, cleanSlashPath, type DirFile } from './hash-dir.js';
export {
  openZip,
  crc32,
  goFsError,
  ZipFormatError,
  ZipEntrySizeError,
  type OpenedZip,
  type ZipEntry,
} from './zip-reader.js';

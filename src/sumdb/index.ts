// The checksum database: signed notes, the transparency log and its tiles,
// and a lookup client that verifies everything it returns.
export * from './errors.js';
export {
  keyHash,
  parseVerifierKey,
  parseSignerKey,
  signerKeyFromSeed,
  generateKey,
  openNote,
  signNote,
  type Verifier,
  type Signer,
  type OpenedNote,
} from './note.js';
export * from './tlog.js';
export * from './tlog-note.js';
export * from './tile.js';
export * from './tree-cache.js';
export * from './gosumdb.js';
export { SumdbClient, type SumdbClientOptions, type SumdbLookup } from './client.js';
export { decodeStdBase64 } from './encoding.js';

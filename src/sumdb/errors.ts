// Typed failures of the checksum-database code. Messages follow Go's texts
// (x/mod sumdb, note, tlog) so reports read like the go command's; `code`
// lets callers tell an attack from a network problem without parsing text.
import { ModsealError } from '../internal/errors.js';

export type SumdbErrorCode =
  | 'invalid-key'
  | 'malformed-note'
  | 'invalid-signature'
  | 'unverified-note'
  | 'wrong-key'
  | 'wrong-name'
  | 'malformed-tree'
  | 'malformed-record'
  | 'malformed-tile-path'
  | 'invalid-proof'
  | 'inconsistent-tile'
  | 'record-mismatch'
  | 'record-out-of-range'
  | 'tree-rollback'
  | 'server-misbehavior'
  | 'sumdb-http'
  | 'sumdb-not-found'
  | 'sumdb-internal';

/** Base class of every checksum-database error. */
export class SumdbError extends ModsealError {
  override name = 'SumdbError';
  readonly code: SumdbErrorCode = 'sumdb-internal';

  /** A copy of this error (same class and fields) whose message starts with `prefix`. */
  withPrefix(prefix: string): this {
    return this.rewrite(prefix + this.message);
  }

  /** A copy of this error (same class and fields) whose message ends with `suffix`. */
  withSuffix(suffix: string): this {
    return this.rewrite(this.message + suffix);
  }

  // Errors cross layers that each add context (Go wraps with %v); copying
  // keeps the class and fields so callers can still branch on them.
  private rewrite(message: string): this {
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this;
    Object.assign(copy, this);
    for (const [k, v] of [
      ['message', message],
      ['stack', `${this.name}: ${message}`],
    ] as const) {
      Object.defineProperty(copy, k, { value: v, writable: true, configurable: true });
    }
    return copy;
  }
}

/** A verifier or signer key that does not parse (Go's `malformed verifier id` and friends). */
export class InvalidKeyError extends SumdbError {
  override name = 'InvalidKeyError';
  override readonly code = 'invalid-key';
}

/** A signed note that does not have the note syntax. */
export class MalformedNoteError extends SumdbError {
  override name = 'MalformedNoteError';
  override readonly code = 'malformed-note';
  constructor(message = 'malformed note') {
    super(message);
  }
}

/** A signature by a known key that does not verify: a forgery or corruption. */
export class InvalidSignatureError extends SumdbError {
  override name = 'InvalidSignatureError';
  override readonly code = 'invalid-signature';
  constructor(
    readonly keyName: string,
    readonly keyHash: number,
  ) {
    super(`invalid signature for key ${keyName}+${hex8(keyHash)}`);
  }
}

/** One signature line of a note. */
export interface NoteSignature {
  name: string;
  hash: number;
  base64: string;
}

/**
 * A well-formed note that no known key signed. The subclasses say why: the
 * server's name with another key ({@link WrongKeyError}) or only other names
 * ({@link WrongNameError}).
 */
export class UnverifiedNoteError extends SumdbError {
  override name = 'UnverifiedNoteError';
  override readonly code: SumdbErrorCode = 'unverified-note';
  constructor(
    readonly text: string,
    readonly unverified: readonly NoteSignature[],
  ) {
    super('note has no verifiable signatures');
  }
}

/** Signed under a known name but by a key we do not hold (key rotation or impostor). */
export class WrongKeyError extends UnverifiedNoteError {
  override name = 'WrongKeyError';
  override readonly code = 'wrong-key';
}

/** Signed only by keys of other names (a different database answered). */
export class WrongNameError extends UnverifiedNoteError {
  override name = 'WrongNameError';
  override readonly code = 'wrong-name';
}

export class MalformedTreeError extends SumdbError {
  override name = 'MalformedTreeError';
  override readonly code = 'malformed-tree';
  constructor(message = 'malformed tree note') {
    super(message);
  }
}

export class MalformedRecordError extends SumdbError {
  override name = 'MalformedRecordError';
  override readonly code = 'malformed-record';
  constructor(message = 'malformed record data') {
    super(message);
  }
}

export class MalformedTilePathError extends SumdbError {
  override name = 'MalformedTilePathError';
  override readonly code = 'malformed-tile-path';
  constructor(readonly path: string) {
    super(`malformed tile path ${JSON.stringify(path)}`);
  }
}

/** An inclusion or consistency proof that does not check. */
export class InvalidProofError extends SumdbError {
  override name = 'InvalidProofError';
  override readonly code = 'invalid-proof';
  constructor(message = 'invalid transparency proof') {
    super(message);
  }
}

/** Tiles that do not hash up to the signed root: corrupt or forged, not yet proof of a fork. */
export class InconsistentTileError extends SumdbError {
  override name = 'InconsistentTileError';
  override readonly code = 'inconsistent-tile';
  constructor(message = 'downloaded inconsistent tile') {
    super(message);
  }
}

/** The record text served with a lookup is not the leaf the signed tree holds. */
export class RecordMismatchError extends SumdbError {
  override name = 'RecordMismatchError';
  override readonly code = 'record-mismatch';
  constructor(message = 'cannot authenticate record data in server response') {
    super(message);
  }
}

export class RecordOutOfRangeError extends SumdbError {
  override name = 'RecordOutOfRangeError';
  override readonly code = 'record-out-of-range';
  constructor(
    readonly id: number,
    readonly treeSize: number,
  ) {
    super(`cannot validate record ${id} in tree of size ${treeSize}`);
  }
}

/**
 * The server presents a smaller tree than the one we remember and cannot
 * show that it is a prefix of it (its log shrank or was rolled back).
 */
export class TreeRollbackError extends SumdbError {
  override name = 'TreeRollbackError';
  override readonly code = 'tree-rollback';
  constructor(
    message: string,
    readonly rememberedSize: number,
    readonly presentedSize: number,
  ) {
    super(message);
  }
}

/** Two signed trees that cannot both be true: proof that the server forked its log. */
export class ServerMisbehaviorError extends SumdbError {
  override name = 'ServerMisbehaviorError';
  override readonly code = 'server-misbehavior';
  constructor(
    message: string,
    readonly olderNote: string,
    readonly newerNote: string,
  ) {
    super(message);
  }
}

/** The server (or a proxy in front of it) answered with something other than 200. */
export class SumdbHttpError extends SumdbError {
  override name = 'SumdbHttpError';
  override readonly code: SumdbErrorCode = 'sumdb-http';
  constructor(
    message: string,
    readonly url: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(message);
  }
}

/** 404 or 410: the database does not have (or cannot fetch) this version, or the tile is gone. */
export class SumdbNotFoundError extends SumdbHttpError {
  override name = 'SumdbNotFoundError';
  override readonly code = 'sumdb-not-found';
}

export function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

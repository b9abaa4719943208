// Signed notes and their Ed25519 keys, as golang.org/x/mod/sumdb/note defines
// them. Verification is byte-exact with Go: same accepted syntax, same errors.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto';
import {
  decodeStdBase64,
  encodeStdBase64,
  isCleanText,
  isGoSpace,
  isValidUtf8,
  toBuffer,
  utf8String,
} from './encoding.js';
import {
  InvalidKeyError,
  InvalidSignatureError,
  MalformedNoteError,
  SumdbError,
  WrongKeyError,
  WrongNameError,
  hex8,
  type NoteSignature,
} from './errors.js';

const ALG_ED25519 = 1;
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SIG_PREFIX = Buffer.from('\u2014 ', 'utf8');
const MAX_SIGNATURES = 100;

/** A parsed verifier key: checks signatures of one named server. */
export interface Verifier {
  readonly name: string;
  /** The 32-bit key hash (first 4 bytes of SHA-256(name "\n" keydata)). */
  readonly hash: number;
  /** The Ed25519 public key (32 bytes). */
  readonly publicKey: Buffer;
  verify(message: Buffer, signature: Buffer): boolean;
}

/** A parsed signer key: signs notes for one named server. */
export interface Signer {
  readonly name: string;
  readonly hash: number;
  sign(message: Buffer): Buffer;
}

/** The key hash of Go's note package: SHA-256(name ‖ "\n" ‖ keydata), first 4 bytes big-endian. */
export function keyHash(name: string, keyData: Uint8Array): number {
  const h = createHash('sha256').update(toBuffer(name)).update('\n').update(keyData).digest();
  return h.readUInt32BE(0);
}

/** Go's isValidName: non-empty valid UTF-8 without Unicode spaces or '+'. */
function isValidKeyName(name: string | Buffer): boolean {
  const b = toBuffer(name);
  if (b.length === 0 || !isValidUtf8(b)) return false;
  for (const ch of utf8String(b)) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x2b || isGoSpace(cp)) return false;
  }
  return true;
}

function chop(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}

// Go's strconv.ParseUint(s, 16, 32) after the caller checked len == 8.
function parseHash8(s: string): number | undefined {
  if (s.length !== 8 || !/^[0-9a-fA-F]{8}$/.test(s)) return undefined;
  return parseInt(s, 16);
}

function ed25519PublicKey(raw: Buffer): KeyObject {
  return createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, raw]),
    format: 'der',
    type: 'spki',
  });
}

function ed25519PrivateKey(seed: Buffer): KeyObject {
  return createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32);
}

/**
 * Parses a verifier key `<name>+<hash8>+<base64(0x01 ‖ pubkey)>`.
 * Throws InvalidKeyError with Go's texts: `malformed verifier id`,
 * `invalid verifier hash`, `unknown verifier algorithm`.
 */
export function parseVerifierKey(vkey: string): Verifier {
  const [name, rest] = chop(vkey, '+');
  const [hash16, key64] = chop(rest, '+');
  const hash = parseHash8(hash16);
  const key = decodeStdBase64(key64);
  if (hash === undefined || key === undefined || !isValidKeyName(name) || key.length === 0) {
    throw new InvalidKeyError('malformed verifier id');
  }
  if (hash !== keyHash(name, key)) throw new InvalidKeyError('invalid verifier hash');
  if (key[0] !== ALG_ED25519) throw new InvalidKeyError('unknown verifier algorithm');
  const pub = Buffer.from(key.subarray(1));
  if (pub.length !== 32) throw new InvalidKeyError('malformed verifier id');
  const keyObject = ed25519PublicKey(pub);
  return {
    name,
    hash,
    publicKey: pub,
    verify(message, signature) {
      // Go's ed25519.Verify answers false for a wrongly sized signature;
      // Node throws, so normalise.
      if (signature.length !== 64) return false;
      try {
        return cryptoVerify(null, message, keyObject, signature);
      } catch {
        return false;
      }
    },
  };
}

/**
 * Parses a signer key `PRIVATE+KEY+<name>+<hash8>+<base64(0x01 ‖ seed)>`; the
 * hash must be the public key's hash. Errors as {@link parseVerifierKey}.
 */
export function parseSignerKey(skey: string): Signer {
  const [priv1, r1] = chop(skey, '+');
  const [priv2, r2] = chop(r1, '+');
  const [name, r3] = chop(r2, '+');
  const [hash16, key64] = chop(r3, '+');
  const hash = parseHash8(hash16);
  const key = decodeStdBase64(key64);
  if (
    priv1 !== 'PRIVATE' ||
    priv2 !== 'KEY' ||
    hash === undefined ||
    key === undefined ||
    !isValidKeyName(name) ||
    key.length === 0
  ) {
    throw new InvalidKeyError('malformed verifier id');
  }
  if (key[0] !== ALG_ED25519) throw new InvalidKeyError('unknown verifier algorithm');
  const seed = Buffer.from(key.subarray(1));
  if (seed.length !== 32) throw new InvalidKeyError('malformed verifier id');
  const privateKey = ed25519PrivateKey(seed);
  const pub = rawPublicKey(createPublicKey(privateKey));
  if (hash !== keyHash(name, Buffer.concat([Buffer.from([ALG_ED25519]), pub]))) {
    throw new InvalidKeyError('invalid verifier hash');
  }
  return { name, hash, sign: (message) => cryptoSign(null, message, privateKey) };
}

/** Encodes a signer key from an Ed25519 seed (deterministic; for tests and demos). */
export function signerKeyFromSeed(name: string, seed: Uint8Array): { skey: string; vkey: string } {
  if (seed.length !== 32) throw new InvalidKeyError('malformed verifier id');
  const pub = rawPublicKey(createPublicKey(ed25519PrivateKey(Buffer.from(seed))));
  const pubData = Buffer.concat([Buffer.from([ALG_ED25519]), pub]);
  const h = hex8(keyHash(name, pubData));
  const privData = Buffer.concat([Buffer.from([ALG_ED25519]), seed]);
  return {
    skey: `PRIVATE+KEY+${name}+${h}+${encodeStdBase64(privData)}`,
    vkey: `${name}+${h}+${encodeStdBase64(pubData)}`,
  };
}

/** Generates a fresh signer/verifier key pair for a named server. */
export function generateKey(name: string): { skey: string; vkey: string } {
  if (!isValidKeyName(name)) throw new InvalidKeyError('malformed verifier id');
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return signerKeyFromSeed(name, der.subarray(der.length - 32));
}

/** A note whose signatures were checked. */
export interface OpenedNote {
  /** The signed text, ending in "\n". */
  text: string;
  /** Signatures that verified with a known key. */
  sigs: NoteSignature[];
  /** Signatures by keys we do not know (ignored). */
  unverified: NoteSignature[];
}

/**
 * Opens a signed note, checking its signatures against `verifiers`, with
 * Go's rules: a known key with a bad signature is an error, unknown keys are
 * listed as unverified, and a note no known key signed is rejected
 * (WrongKeyError when a signature carries a known name, else WrongNameError).
 */
export function openNote(msg: Uint8Array | string, verifiers: readonly Verifier[]): OpenedNote {
  const m = toBuffer(msg);
  if (!isCleanText(m)) throw new MalformedNoteError();
  const split = m.lastIndexOf('\n\n');
  if (split < 0) throw new MalformedNoteError();
  const text = m.subarray(0, split + 1);
  let sigs = m.subarray(split + 2);
  if (sigs.length === 0 || sigs[sigs.length - 1] !== 0x0a) throw new MalformedNoteError();

  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seen = new Set<string>();
  const seenUnverified = new Set<string>();
  let count = 0;
  while (sigs.length > 0) {
    const i = sigs.indexOf(0x0a);
    let line = sigs.subarray(0, i);
    sigs = sigs.subarray(i + 1);
    if (!line.subarray(0, SIG_PREFIX.length).equals(SIG_PREFIX)) throw new MalformedNoteError();
    line = line.subarray(SIG_PREFIX.length);
    const lineText = utf8String(line);
    const [name, b64] = chop(lineText, ' ');
    const sig = decodeStdBase64(b64);
    if (sig === undefined || !isValidKeyName(name) || b64 === '' || sig.length < 5) {
      throw new MalformedNoteError();
    }
    const hash = sig.readUInt32BE(0);
    if (++count > MAX_SIGNATURES) throw new MalformedNoteError();

    const matches = verifiers.filter((v) => v.name === name && v.hash === hash);
    if (matches.length === 0) {
      if (seenUnverified.has(lineText)) continue;
      seenUnverified.add(lineText);
      unverified.push({ name, hash, base64: b64 });
      continue;
    }
    if (matches.length > 1) throw new SumdbError(`ambiguous key ${name}+${hex8(hash)}`);
    const key = `${name}+${hash}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!matches[0]!.verify(text, sig.subarray(4))) throw new InvalidSignatureError(name, hash);
    verified.push({ name, hash, base64: b64 });
  }

  const textString = utf8String(text);
  if (verified.length === 0) {
    const knownName = unverified.some((s) => verifiers.some((v) => v.name === s.name));
    throw knownName
      ? new WrongKeyError(textString, unverified)
      : new WrongNameError(textString, unverified);
  }
  return { text: textString, sigs: verified, unverified };
}

/**
 * Signs `text` (which must end in "\n") with each signer and returns the
 * encoded note. Ed25519 is deterministic, so the result is reproducible.
 */
export function signNote(text: string | Uint8Array, signers: readonly Signer[]): Buffer {
  const t = toBuffer(text);
  if (t.length === 0 || t[t.length - 1] !== 0x0a) throw new MalformedNoteError();
  const lines: Buffer[] = [];
  for (const s of signers) {
    if (!isValidKeyName(s.name)) throw new SumdbError('invalid signer');
    const hb = Buffer.alloc(4);
    hb.writeUInt32BE(s.hash >>> 0);
    const b64 = encodeStdBase64(Buffer.concat([hb, s.sign(t)]));
    lines.push(Buffer.from(`\u2014 ${s.name} ${b64}\n`, 'utf8'));
  }
  return Buffer.concat([t, Buffer.from('\n'), ...lines]);
}

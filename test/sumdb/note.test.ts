import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  InvalidKeyError,
  InvalidSignatureError,
  MalformedNoteError,
  SUM_GOLANG_ORG_KEY,
  UnverifiedNoteError,
  WrongKeyError,
  WrongNameError,
  generateKey,
  keyHash,
  openNote,
  parseSignerKey,
  parseTree,
  parseVerifierKey,
  signNote,
  signerKeyFromSeed,
} from '../../src/sumdb/index.js';
import { vectorsDir } from '../support/vectors.js';

interface KeyVec {
  name: string;
  verifierKey: string;
  keyHashHex: string;
  ed25519PublicKeyHex: string;
}
interface SignerVec {
  name: string;
  signerKey: string;
  ed25519SeedHex: string;
}
interface SignedVec {
  id: string;
  text: string;
  message: string;
  verifiers: string[];
  expect: {
    ok: boolean;
    error?: string;
    verifiedSigs?: { name: string; keyHashHex: string }[];
    unverifiedSigs?: { name: string; keyHashHex: string }[];
  };
}

const v = JSON.parse(readFileSync(path.join(vectorsDir, 'sumdb/vectors.json'), 'utf8')) as {
  note: {
    verifierKeys: KeyVec[];
    signerKeys: SignerVec[];
    signedNotes: SignedVec[];
    malformedMessages: { verifiers: string[]; cases: string[] };
    badVerifierKeys: { cases: { vkey: string }[] };
    realSumGolangOrgCheckpoint: {
      verifier: string;
      message: string;
      expect: { treeSize: number; treeHashB64: string; signatureKeyHashHex: string };
    };
  };
  sumdbTestLog: {
    verifierKey: string;
    signerKey: string;
    trees: Record<string, { noteText: string; signedNote: string }>;
  };
};
const tv = JSON.parse(
  readFileSync(path.join(vectorsDir, 'sumdb/tlog-note-vectors.json'), 'utf8'),
) as {
  note: { keyHash: string; name: string; signed: string; text: string; verifierKey: string };
};

const byName = new Map(v.note.verifierKeys.map((k) => [k.name, k]));
const verifier = (name: string) => parseVerifierKey(byName.get(name)!.verifierKey);
const hex8 = (n: number) => n.toString(16).padStart(8, '0');

describe('verifier keys', () => {
  it.each(v.note.verifierKeys)('parses $name', (k) => {
    const ver = parseVerifierKey(k.verifierKey);
    expect(ver.name).toBe(k.name);
    expect(hex8(ver.hash)).toBe(k.keyHashHex);
    expect(ver.publicKey.toString('hex')).toBe(k.ed25519PublicKeyHex);
    const data = Buffer.concat([Buffer.from([1]), Buffer.from(k.ed25519PublicKeyHex, 'hex')]);
    expect(hex8(keyHash(k.name, data))).toBe(k.keyHashHex);
  });

  it('has the built-in sum.golang.org key', () => {
    expect(SUM_GOLANG_ORG_KEY).toBe(byName.get('sum.golang.org')!.verifierKey);
  });

  it('rejects the corrupted keys with Go texts', () => {
    const [badLen, badAlg] = v.note.badVerifierKeys.cases;
    expect(() => parseVerifierKey(badLen!.vkey)).toThrow(
      new InvalidKeyError('malformed verifier id'),
    );
    expect(() => parseVerifierKey(badAlg!.vkey)).toThrow(
      new InvalidKeyError('unknown verifier algorithm'),
    );
  });

  it('rejects every proper substring and every one-byte increment of a valid key', () => {
    for (const k of v.note.verifierKeys) {
      const s = k.verifierKey;
      for (let i = 0; i <= s.length; i++) {
        for (let j = i; j <= s.length; j++) {
          if (i === 0 && j === s.length) continue;
          expect(() => parseVerifierKey(s.slice(i, j)), s.slice(i, j)).toThrow(InvalidKeyError);
        }
      }
      for (let i = 0; i < s.length; i++) {
        const b = Buffer.from(s);
        b[i]! += 1;
        expect(() => parseVerifierKey(b.toString('latin1')), b.toString('latin1')).toThrow(
          InvalidKeyError,
        );
      }
    }
  });

  it('reports a wrong hash and a bad name', () => {
    const s = byName.get('PeterNeumann')!.verifierKey;
    expect(() => parseVerifierKey(s.replace('c74f20a3', 'c74f20a4'))).toThrow(
      'invalid verifier hash',
    );
    expect(() => parseVerifierKey(`Peter Neumann${s.slice('PeterNeumann'.length)}`)).toThrow(
      'malformed verifier id',
    );
    expect(() => parseVerifierKey(s.replace('ARpc', 'AR!c'))).toThrow('malformed verifier id');
  });
});

describe('signer keys', () => {
  it.each(v.note.signerKeys)('$name: parses and derives the verifier key', (k) => {
    const s = parseSignerKey(k.signerKey);
    expect(s.name).toBe(k.name);
    expect(hex8(s.hash)).toBe(byName.get(k.name)!.keyHashHex);
    const pair = signerKeyFromSeed(k.name, Buffer.from(k.ed25519SeedHex, 'hex'));
    expect(pair.skey).toBe(k.signerKey);
    expect(pair.vkey).toBe(byName.get(k.name)!.verifierKey);
  });

  it('rejects a signer key whose hash is not the public key hash', () => {
    const k = v.note.signerKeys[0]!.signerKey;
    expect(() => parseSignerKey(k.replace('c74f20a3', 'c74f20a4'))).toThrow(
      'invalid verifier hash',
    );
    expect(() => parseSignerKey(k.replace('PRIVATE', 'PUBLIC'))).toThrow('malformed verifier id');
  });

  it('generates working key pairs', () => {
    const { skey, vkey } = generateKey('example.test/db');
    const note = signNote('hello\n', [parseSignerKey(skey)]);
    expect(openNote(note, [parseVerifierKey(vkey)]).text).toBe('hello\n');
  });
});

describe('signed notes', () => {
  const signers = new Map(v.note.signerKeys.map((k) => [k.name, parseSignerKey(k.signerKey)]));

  it.each(v.note.signedNotes)('$id', (n) => {
    const verifiers = n.verifiers.map(verifier);
    if (n.expect.ok) {
      const opened = openNote(n.message, verifiers);
      expect(opened.text).toBe(n.text);
      expect(opened.sigs.map((s) => ({ name: s.name, keyHashHex: hex8(s.hash) }))).toEqual(
        n.expect.verifiedSigs,
      );
      expect(opened.unverified.map((s) => ({ name: s.name, keyHashHex: hex8(s.hash) }))).toEqual(
        n.expect.unverifiedSigs,
      );
      // Deterministic Ed25519: signing the text again reproduces each signature line.
      const names = n.message
        .slice(n.text.length + 1)
        .split('\n')
        .filter(Boolean);
      const resigned = signNote(
        n.text,
        names.map((l) => signers.get(l.split(' ')[1]!)!),
      );
      expect(resigned.toString()).toBe(n.message);
    } else {
      const want = n.expect.error!.split(' (')[0]!;
      let err: unknown;
      try {
        openNote(n.message, verifiers);
      } catch (e) {
        err = e;
      }
      expect((err as Error).message).toBe(want);
      if (n.id === 'no-known-verifier') {
        expect(err).toBeInstanceOf(UnverifiedNoteError);
        expect((err as UnverifiedNoteError).unverified).toHaveLength(2);
      }
      if (n.id === 'corrupted-signature') expect(err).toBeInstanceOf(InvalidSignatureError);
      if (n.id === 'too-many-signatures') expect(err).toBeInstanceOf(MalformedNoteError);
    }
  });

  it('rejects every malformed message', () => {
    const verifiers = v.note.malformedMessages.verifiers.map(verifier);
    const peter = v.note.signedNotes[0]!.message;
    const cases: (string | Buffer)[] = v.note.malformedMessages.cases.map((c, i) =>
      i === 4 ? Buffer.concat([Buffer.from([0xff]), Buffer.from(peter)]) : c,
    );
    expect(v.note.malformedMessages.cases[4]).toContain('xff');
    for (const c of cases) expect(() => openNote(c, verifiers)).toThrow(new MalformedNoteError());
  });

  it('tells a key we do not hold from a database we do not know', () => {
    const peterMsg = v.note.signedNotes[0]!.message;
    const other = generateKey('PeterNeumann');
    const sameName = signNote(v.note.signedNotes[0]!.text, [parseSignerKey(other.skey)]);
    expect(() => openNote(sameName, [verifier('PeterNeumann')])).toThrow(WrongKeyError);
    expect(() => openNote(peterMsg, [verifier('EnochRoot')])).toThrow(WrongNameError);
  });

  it('verifies the real sum.golang.org checkpoint with the built-in key', () => {
    const c = v.note.realSumGolangOrgCheckpoint;
    expect(c.verifier).toBe(SUM_GOLANG_ORG_KEY);
    const opened = openNote(c.message, [parseVerifierKey(SUM_GOLANG_ORG_KEY)]);
    expect(hex8(opened.sigs[0]!.hash)).toBe(c.expect.signatureKeyHashHex);
    const tree = parseTree(opened.text);
    expect(tree.n).toBe(c.expect.treeSize);
    expect(tree.hash.toString('base64')).toBe(c.expect.treeHashB64);
    const flipped = c.message.replace('1514086', '1514087');
    expect(() => openNote(flipped, [parseVerifierKey(SUM_GOLANG_ORG_KEY)])).toThrow(
      InvalidSignatureError,
    );
  });

  it('reproduces every signed tree note of the test log', () => {
    const signer = parseSignerKey(v.sumdbTestLog.signerKey);
    const ver = parseVerifierKey(v.sumdbTestLog.verifierKey);
    for (const t of Object.values(v.sumdbTestLog.trees)) {
      expect(signNote(t.noteText, [signer]).toString()).toBe(t.signedNote);
      expect(openNote(t.signedNote, [ver]).text).toBe(t.noteText);
    }
  });

  it('opens the x/mod-made note of tlog-note-vectors and rejects one-byte changes', () => {
    const ver = parseVerifierKey(tv.note.verifierKey);
    expect(ver.name).toBe(tv.note.name);
    expect(hex8(ver.hash)).toBe(tv.note.keyHash);
    expect(openNote(tv.note.signed, [ver]).text).toBe(tv.note.text);
    const textChanged = tv.note.signed.replace('tree\n5\n', 'tree\n6\n');
    expect(() => openNote(textChanged, [ver])).toThrow(InvalidSignatureError);
    const at = tv.note.signed.lastIndexOf(' ') + 30;
    const sigChanged =
      tv.note.signed.slice(0, at) +
      (tv.note.signed[at] === 'A' ? 'B' : 'A') +
      tv.note.signed.slice(at + 1);
    expect(() => openNote(sigChanged, [ver])).toThrow(InvalidSignatureError);
  });
});

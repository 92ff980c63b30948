// The C2SP formats against third-party data (test/vectors/c2sp/SOURCES.md): the examples of
// the C2SP specifications and the fixed keys, checkpoints and proof of transparency-dev's
// witness tests. Each case would fail on a key-hash type byte, a timestamp's byte order, a
// cosigned message's header, a strict request parser that refuses the spec's own example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519PublicKeyOf, signEd25519 } from '../../../../src/lib/basics/crypto/ed25519.ts';
import { seedSigner } from '../../../../src/lib/basics/crypto/signer.ts';
import { parseCheckpointText } from '../../../../src/lib/checks/log/checkpoint.ts';
import { cosignCheckpoint, splitNote, verifyCosignatures } from '../../../../src/lib/checks/log/cosignature.ts';
import { verifyConsistency } from '../../../../src/lib/checks/log/merkle.ts';
import { noteKeyHash, openNote, parseVerifierKey } from '../../../../src/lib/checks/log/note.ts';
import {
  cosignatureMessage,
  cosignerKeyHash,
  cosignerVerifierKey,
  decodeCosignatureBlob,
  parseCosignerKey,
} from '../../../../src/lib/formats/log/cosignature.ts';
import { parseNoteSignatureLine } from '../../../../src/lib/formats/log/note-format.ts';
import { parseAddCheckpoint } from '../../../../src/witness/request.ts';

const DIR = join(import.meta.dirname, '..', '..', '..', 'vectors', 'c2sp');
const c2sp = JSON.parse(readFileSync(join(DIR, 'c2sp-examples.json'), 'utf8')) as {
  tlogCosignature: { cosignedCheckpoint: string; witnessName: string; timestamp: number; signedMessage: string };
  tlogWitness: { addCheckpointBody: string; oldSize: number; proofLines: number };
  signedNote: { verifierKey: string; note: string };
};
const td = JSON.parse(readFileSync(join(DIR, 'transparency-dev-witness.json'), 'utf8')) as Record<
  'monkeysVerifierKey' | 'monkeysPrivateKey' | 'bananasVerifierKey' | 'witnessVerifierKey' | 'witnessPrivateKey',
  string
> &
  Record<'mInit' | 'bInit' | 'mNext', string> & { consistencyProof5to8: string[] };

/** Go's note private key `PRIVATE+KEY+<name>+<hash>+base64(0x01 || seed)`: the seed. */
function goSeed(skey: string): Uint8Array {
  const raw = Buffer.from(skey.split('+').slice(4).join('+'), 'base64');
  assert.equal(raw[0], 0x01);
  return new Uint8Array(raw.subarray(1));
}

test('C2SP signed-note: the example verifier key verifies the example note', () => {
  const verifier = parseVerifierKey(c2sp.signedNote.verifierKey);
  assert.equal(openNote(c2sp.signedNote.note, verifier), 'This is an example message.\n');
});

test('C2SP tlog-cosignature: the example cosignature line decodes to the documented timestamp and signed message', () => {
  const { text, lines } = splitNote(c2sp.tlogCosignature.cosignedCheckpoint, 'example');
  const line = lines.find((l) => l.startsWith(`— ${c2sp.tlogCosignature.witnessName} `));
  assert.ok(line);
  const parsed = parseNoteSignatureLine(line);
  assert.ok(typeof parsed !== 'string');
  const blob = decodeCosignatureBlob(parsed.blob);
  assert.ok(blob, 'key hash (4) + timestamp (8) + signature (64)');
  assert.equal(blob.timestamp, c2sp.tlogCosignature.timestamp);
  assert.equal(blob.signature.length, 64);
  assert.equal(new TextDecoder().decode(cosignatureMessage(blob.timestamp, text)), c2sp.tlogCosignature.signedMessage);
  // The log's own line (type 0x01, no timestamp) is 68 bytes: not a cosignature.
  const logLine = parseNoteSignatureLine(lines[0] ?? '');
  assert.ok(typeof logLine !== 'string');
  assert.equal(decodeCosignatureBlob(logLine.blob), undefined);
  assert.equal(parseCheckpointText(text).size, 20852163);
});

test('C2SP tlog-witness: the example add-checkpoint body parses (old size, 4 proof hashes, the checkpoint with two signatures)', () => {
  const parsed = parseAddCheckpoint(new TextEncoder().encode(c2sp.tlogWitness.addCheckpointBody));
  assert.ok(!('problem' in parsed), JSON.stringify(parsed));
  assert.equal(parsed.oldSize, c2sp.tlogWitness.oldSize);
  assert.equal(parsed.proof.length, c2sp.tlogWitness.proofLines);
  assert.ok(parsed.proof.every((h) => h.length === 32));
  assert.equal(splitNote(parsed.note, 'note').lines.length, 2);
});

test('transparency-dev witness: the log checkpoints verify under their Go verifier keys, and not under another log key', () => {
  const monkeys = parseVerifierKey(td.monkeysVerifierKey);
  const bananas = parseVerifierKey(td.bananasVerifierKey);
  assert.deepEqual(ed25519PublicKeyOf(goSeed(td.monkeysPrivateKey)), monkeys.rawPublicKey);
  assert.equal(Buffer.from(noteKeyHash(monkeys.name, monkeys.rawPublicKey)).toString('hex'), 'db4d9f7e');
  openNote(td.mInit, monkeys);
  openNote(td.mNext, monkeys);
  openNote(td.bInit, bananas);
  assert.throws(() => openNote(td.bInit, monkeys), { code: 'log-note-signature' });
});

test('transparency-dev witness: the consistency proof from mInit (5) to mNext (8) verifies, and not between other trees', () => {
  // The Go tests' origin, "Log Checkpoint v0", has spaces: not a key name, so not a checkpoint
  // this project's logs write (their origin is their key's name). The root is the third line.
  const root = (note: string) => new Uint8Array(Buffer.from(note.split('\n')[2] ?? '', 'base64'));
  const from = { root: root(openNote(td.mInit, parseVerifierKey(td.monkeysVerifierKey))) };
  const to = { root: root(openNote(td.mNext, parseVerifierKey(td.monkeysVerifierKey))) };
  assert.equal(from.root.length, 32);
  const proof = td.consistencyProof5to8.map((h) => new Uint8Array(Buffer.from(h, 'hex')));
  assert.equal(verifyConsistency(5, 8, from.root, to.root, proof), true);
  assert.equal(verifyConsistency(5, 8, to.root, from.root, proof), false);
  assert.equal(verifyConsistency(4, 8, from.root, to.root, proof), false);
});

test('transparency-dev witness key: its type-0x04 verifier key differs from its type-0x01 one only in type and key hash, and its cosignatures verify', async () => {
  const seed = goSeed(td.witnessPrivateKey);
  const pub = ed25519PublicKeyOf(seed);
  const noteKey = parseVerifierKey(td.witnessVerifierKey);
  assert.deepEqual(pub, noteKey.rawPublicKey);
  const vkey = cosignerVerifierKey('witness', pub);
  const parsed = parseCosignerKey(vkey);
  assert.ok(!('problem' in parsed));
  assert.deepEqual(parsed.rawPublicKey, pub);
  // SHA-256("witness\n" || 0x04 || key)[:4] is not the 0x01 key hash f13a86db.
  assert.notEqual(Buffer.from(cosignerKeyHash('witness', pub)).toString('hex'), 'f13a86db');
  assert.ok(vkey.split('+')[2]?.startsWith('B'), 'base64 of 0x04 || key starts with B');
  // The Go 0x01 key is not a cosigner key.
  assert.ok('problem' in parseCosignerKey(td.witnessVerifierKey));

  const { text } = splitNote(td.mNext, 'mNext');
  const witness = { name: 'witness', rawPublicKey: pub, signer: seedSigner(seed, 'sha256:x') };
  const line = await cosignCheckpoint(text, witness, 1_700_000_000);
  const found = verifyCosignatures(`${td.mNext}${line}\n`, [{ name: 'witness', rawPublicKey: pub }], 'cosigned');
  assert.deepEqual(
    found.map((c) => [c.name, c.timestamp]),
    [['witness', 1_700_000_000]],
  );
  // The signature is Ed25519 over exactly the cosignature/v1 message (deterministic, RFC 8032).
  const blob = Buffer.from(line.split(' ')[2] ?? '', 'base64');
  assert.deepEqual(new Uint8Array(blob.subarray(12)), signEd25519(cosignatureMessage(1_700_000_000, text), seed));
  assert.equal(blob.readBigUInt64BE(4), 1_700_000_000n);
  // The log's verifier ignores the cosignature line: the note still opens under the log key.
  openNote(`${td.mNext}${line}\n`, parseVerifierKey(td.monkeysVerifierKey));
});

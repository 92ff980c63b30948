// C2SP signed notes and checkpoints (src/lib/checks/log/note.ts, checkpoint.ts) and the log proof a
// countersignature carries (proof.ts). The signed-note vector is golang.org/x/mod/sumdb/note's
// (note_test.go / example_test.go: the PeterNeumann key), so the encoding is byte-compatible
// with Go's implementation and with C2SP tlog-checkpoint verifiers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ed25519PublicKeyOf } from '../../../../src/lib/basics/crypto/ed25519.ts';
import { seedSigner } from '../../../../src/lib/basics/crypto/signer.ts';
import { keyIdOf } from '../../../../src/lib/basics/crypto/ed25519-keys.ts';
import {
  formatCheckpointText,
  parseCheckpointText,
  signCheckpoint,
  verifyCheckpoint,
} from '../../../../src/lib/checks/log/checkpoint.ts';
import { leafHash } from '../../../../src/lib/checks/log/merkle.ts';
import {
  type NoteSigner,
  openNote,
  parseVerifierKey,
  signNote,
  verifierKey,
} from '../../../../src/lib/checks/log/note.ts';
import { verifyLogProof } from '../../../../src/lib/checks/log/proof.ts';
import { MerkleTree } from '../../../../src/lib/checks/log/tree.ts';

const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

function signerOf(seed: Uint8Array, name: string): NoteSigner {
  const rawPublicKey = ed25519PublicKeyOf(seed);
  return { name, rawPublicKey, signer: seedSigner(seed, keyIdOf(rawPublicKey)) };
}
// The key's base64 contains a '+' itself: take everything after the fourth separator.
const goSeed = new Uint8Array(Buffer.from(GO_SKEY.split('+').slice(4).join('+'), 'base64').subarray(1));

test('signed note: the Go sumdb/note vector signs and opens byte for byte', async () => {
  const verifier = parseVerifierKey(GO_VKEY);
  assert.equal(verifier.name, 'PeterNeumann');
  const signer = signerOf(goSeed, 'PeterNeumann');
  assert.equal(verifierKey('PeterNeumann', signer.rawPublicKey), GO_VKEY);
  assert.equal(await signNote(GO_TEXT, signer), GO_NOTE);
  assert.equal(openNote(GO_NOTE, verifier), GO_TEXT);
});

test('signed note: tampering, another key, a missing signature are rejected; other signers are ignored', async () => {
  const verifier = parseVerifierKey(GO_VKEY);
  assert.throws(() => openNote(GO_NOTE.replace('cryptography', 'cryptographY'), verifier), {
    code: 'log-note-signature',
  });
  const other = signerOf(new Uint8Array(32).fill(7), 'EnochRoot');
  assert.throws(() => openNote(GO_NOTE, { name: other.name, rawPublicKey: other.rawPublicKey }), {
    code: 'log-note-signature',
  });
  assert.throws(() => openNote(GO_TEXT, verifier), { code: 'log-note-malformed' });
  const cosigned = `${GO_NOTE}${(await signNote(GO_TEXT, other)).slice(GO_TEXT.length + 1)}`;
  assert.equal(openNote(cosigned, verifier), GO_TEXT, 'a witness cosignature by another key does not matter');
  // A line claiming the pinned key with a bad signature fails, even beside a good one.
  const forged = `${GO_NOTE}— PeterNeumann ${Buffer.concat([Buffer.from('c74f20a3', 'hex'), Buffer.alloc(64)]).toString('base64')}\n`;
  assert.throws(() => openNote(forged, verifier), { code: 'log-note-signature' });
  assert.throws(() => parseVerifierKey(GO_VKEY.replace('c74f20a3', 'c74f20a4')), { code: 'log-key-malformed' });
});

test('checkpoint: C2SP tlog-checkpoint text, signature and origin', async () => {
  const log = signerOf(new Uint8Array(32).fill(1), 'example.com/log');
  const root = leafHash(new Uint8Array([1]));
  const note = await signCheckpoint({ size: 5, root }, log);
  assert.ok(note.startsWith(`example.com/log\n5\n${Buffer.from(root).toString('base64')}\n\n— example.com/log `));
  const cp = verifyCheckpoint(note, { name: 'example.com/log', rawPublicKey: log.rawPublicKey });
  assert.equal(cp.size, 5);
  assert.deepEqual(cp.root, root);
  // Same key, other origin: the key name is the origin, so the signature is not even found.
  assert.throws(() => verifyCheckpoint(note, { name: 'example.com/other', rawPublicKey: log.rawPublicKey }), {
    code: 'log-note-signature',
  });
  // A note whose text names another origin, signed under the pinned name, fails on the origin.
  const lying = await signNote(formatCheckpointText({ origin: 'example.com/other', size: 5, root }), log);
  assert.throws(() => verifyCheckpoint(lying, { name: 'example.com/log', rawPublicKey: log.rawPublicKey }), {
    code: 'log-checkpoint-origin',
  });
  for (const bad of [
    'o\n01\nAAAA\n',
    `o\n1\n${Buffer.alloc(31).toString('base64')}\n`,
    'o\n1\n',
    `o\n-1\n${Buffer.alloc(32).toString('base64')}\n`,
  ]) {
    assert.throws(() => parseCheckpointText(bad), { code: 'log-checkpoint-malformed' }, bad);
  }
});

test('log proof: a statement proven under a signed checkpoint, and every way it can be wrong', async () => {
  const log = signerOf(new Uint8Array(32).fill(2), 'countersign.example/b');
  const pinned = { origin: log.name, rawPublicKey: log.rawPublicKey };
  const statements = Array.from({ length: 11 }, (_, i) => new TextEncoder().encode(`{"statement":${i}}`));
  const tree = new MerkleTree();
  for (const s of statements) tree.append(leafHash(s));
  const checkpoint = await signCheckpoint({ size: tree.size, root: tree.root() }, log);
  const proofOf = (i: number) => ({
    logIndex: i,
    treeSize: tree.size,
    hashes: tree.inclusionProof(i).map((h) => Buffer.from(h).toString('base64')),
    checkpoint,
  });
  for (let i = 0; i < statements.length; i += 1)
    assert.equal(verifyLogProof(statements[i]!, proofOf(i), pinned, 'cs').size, 11);
  assert.throws(() => verifyLogProof(statements[3]!, proofOf(4), pinned, 'cs'), {
    code: 'countersignature-log-inclusion',
  });
  assert.throws(() => verifyLogProof(statements[3]!, { ...proofOf(3), treeSize: 10 }, pinned, 'cs'), {
    code: 'countersignature-log-inclusion',
  });
  const rogue = signerOf(new Uint8Array(32).fill(3), log.name);
  assert.throws(
    () => verifyLogProof(statements[3]!, proofOf(3), { origin: log.name, rawPublicKey: rogue.rawPublicKey }, 'cs'),
    { code: 'countersignature-log-checkpoint' },
  );
  const forged = await signCheckpoint({ size: tree.size, root: tree.root() }, rogue);
  assert.throws(() => verifyLogProof(statements[3]!, { ...proofOf(3), checkpoint: forged }, pinned, 'cs'), {
    code: 'countersignature-log-checkpoint',
  });
});

test('policy: the per-countersigner log requirement parses strictly', async () => {
  const { buildPolicy, parsePolicy } = await import('../../../../src/lib/formats/policy/index.ts');
  const { generateCountersignerKey } = await import('../../../../src/lib/basics/crypto/ed25519-keys.ts');
  const [key, logKey] = [generateCountersignerKey(), generateCountersignerKey()];
  const policyWith = (log: unknown) => {
    const json = buildPolicy({
      identity: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
      githubClaims: { repository: 'acme/app', repositoryId: '123', repositoryOwnerId: '456' },
      trustedRoot: { mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1' },
      countersigners: [{ name: 'b', publicKeyPem: key.publicKeyPem }],
      streams: ['acme/app:stable'],
    });
    (json.countersigners as Record<string, unknown>[])[0]!.log = log;
    return JSON.stringify(json, null, 2);
  };
  const policy = parsePolicy(policyWith({ origin: 'countersign.example/b', publicKey: logKey.publicKeyPem }), 'p.json');
  assert.equal(policy.countersigners[0]!.log?.origin, 'countersign.example/b');
  assert.equal(keyIdOf(policy.countersigners[0]!.log.rawPublicKey), logKey.keyId);
  assert.throws(() => parsePolicy(policyWith({ origin: 'has space', publicKey: logKey.publicKeyPem }), 'p.json'), {
    code: 'policy-malformed',
  });
  assert.throws(() => parsePolicy(policyWith({ origin: 'o', publicKey: 'nope' }), 'p.json'), {
    code: 'policy-bad-key',
  });
  assert.throws(() => parsePolicy(policyWith({ origin: 'o', publicKey: logKey.publicKeyPem, url: 'x' }), 'p.json'), {
    code: 'policy-unknown-field',
  });
  assert.throws(() => parsePolicy(policyWith({ publicKey: logKey.publicKeyPem }), 'p.json'), {
    code: 'policy-malformed',
  });
});

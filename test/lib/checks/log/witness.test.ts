// The witness requirement on a checkpoint (src/lib/checks/log/witnesses.ts, FORMAT.md §7 step
// 4h): k of n named witnesses, counted over distinct witnesses (a witness's second line, or
// a line by a key the policy does not name, adds nothing), each cosignature dated within
// maxAgeSeconds and not in the future; a bad cosignature by a pinned witness rejects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateCountersignerKey, parsePrivateKeyPem } from '../../../../src/lib/basics/crypto/ed25519-keys.ts';
import { seedSigner } from '../../../../src/lib/basics/crypto/signer.ts';
import { signCheckpoint } from '../../../../src/lib/checks/log/checkpoint.ts';
import { type CosignatureSigner, cosignCheckpoint, splitNote } from '../../../../src/lib/checks/log/cosignature.ts';
import { checkWitnesses } from '../../../../src/lib/checks/log/witnesses.ts';
import type { WitnessRequirement } from '../../../../src/lib/formats/log/cosignature.ts';

function signer(name: string): CosignatureSigner {
  const pair = generateCountersignerKey();
  const key = parsePrivateKeyPem(pair.privateKeyPem, name);
  return { name, rawPublicKey: key.publicKey, signer: seedSigner(key.seed, key.keyId) };
}

const log = signer('countersign.test/b-release');
const [w1, w2, w3] = [signer('w1.test/w'), signer('w2.test/w'), signer('w3.test/w')];
const NOW = new Date('2026-05-01T12:00:00Z');
const now = Math.floor(NOW.getTime() / 1000);
const clock = { now: NOW, clockSkewSeconds: 60 };

async function checkpoint(): Promise<string> {
  return signCheckpoint({ size: 3, root: new Uint8Array(32).fill(7) }, log);
}

async function cosign(note: string, by: CosignatureSigner, timestamp = now - 10): Promise<string> {
  return `${note}${await cosignCheckpoint(splitNote(note, 'note').text, by, timestamp)}\n`;
}

const requirement = (threshold: number, maxAgeSeconds?: number): WitnessRequirement => ({
  threshold,
  witnesses: [w1, w2, w3].map((w) => ({ name: w.name, rawPublicKey: w.rawPublicKey })),
  ...(maxAgeSeconds !== undefined ? { maxAgeSeconds } : {}),
});

test('2 of 3 witnesses: met by two distinct witnesses, not by one alone nor by none', async () => {
  const note = await checkpoint();
  assert.throws(() => checkWitnesses(note, requirement(2), clock, 'cp'), { code: 'log-witness-threshold' });
  const one = await cosign(note, w1);
  assert.throws(() => checkWitnesses(one, requirement(2), clock, 'cp'), {
    code: 'log-witness-threshold',
    message: /1 valid cosignature\(s\) of the 2 required .*no cosignature: w2\.test\/w, w3\.test\/w/,
  });
  const two = await cosign(one, w3);
  assert.deepEqual(
    checkWitnesses(two, requirement(2), clock, 'cp').map((c) => c.name),
    ['w1.test/w', 'w3.test/w'],
  );
});

test('k of n counts distinct witnesses: one witness twice, or an unnamed key, is not a second', async () => {
  const note = await checkpoint();
  const twice = await cosign(await cosign(note, w1, now - 20), w1, now - 5);
  assert.throws(() => checkWitnesses(twice, requirement(2), clock, 'cp'), { code: 'log-witness-threshold' });
  assert.equal(checkWitnesses(twice, requirement(1), clock, 'cp')[0]?.timestamp, now - 5, 'its latest counts');
  // A stranger's key under a pinned witness's name: another key hash, ignored.
  const impostor = { ...signer(w2.name) };
  const withImpostor = await cosign(await cosign(note, w1), impostor);
  assert.throws(() => checkWitnesses(withImpostor, requirement(2), clock, 'cp'), { code: 'log-witness-threshold' });
});

test('maxAgeSeconds: a cosignature older than the bound, or dated in the future, does not count', async () => {
  const note = await checkpoint();
  const old = await cosign(note, w1, now - 3600);
  assert.equal(checkWitnesses(old, requirement(1), clock, 'cp').length, 1, 'no bound: any age');
  assert.equal(checkWitnesses(old, requirement(1, 3600), clock, 'cp').length, 1, 'within the bound (and skew)');
  assert.throws(() => checkWitnesses(old, requirement(1, 1800), clock, 'cp'), {
    code: 'log-witness-threshold',
    message: /older than 1800 s: w1\.test\/w/,
  });
  const future = await cosign(note, w2, now + 600);
  assert.throws(() => checkWitnesses(future, requirement(1), clock, 'cp'), {
    code: 'log-witness-threshold',
    message: /dated in the future: w2\.test\/w/,
  });
  assert.equal(
    checkWitnesses(await cosign(note, w2, now + 30), requirement(1), clock, 'cp').length,
    1,
    'within the skew',
  );
});

test('a cosignature by a pinned witness that does not verify rejects the checkpoint (log-witness-cosignature)', async () => {
  const note = await checkpoint();
  const good = await cosign(note, w1);
  // The same line on another checkpoint (another root): the signature does not cover it.
  const other = await signCheckpoint({ size: 3, root: new Uint8Array(32).fill(8) }, log);
  const moved = `${other}${good.slice(note.length)}`;
  assert.throws(() => checkWitnesses(moved, requirement(1), clock, 'cp'), { code: 'log-witness-cosignature' });
  // A changed timestamp: the signed message changes.
  const line = good.slice(note.length, -1);
  const blob = Buffer.from(line.split(' ')[2] ?? '', 'base64');
  blob.writeBigUInt64BE(BigInt(now - 11), 4);
  const retimed = `${note}— ${w1.name} ${blob.toString('base64')}\n`;
  assert.throws(() => checkWitnesses(retimed, requirement(1), clock, 'cp'), { code: 'log-witness-cosignature' });
  // A 0x01-style blob (68 bytes) under the witness's cosignature key hash: not a cosignature.
  const short = `${note}— ${w1.name} ${blob.subarray(0, 68).toString('base64')}\n`;
  assert.throws(() => checkWitnesses(short, requirement(1), clock, 'cp'), { code: 'log-witness-cosignature' });
});

// A countersigner whose policy pins a log with witnesses (spec/FORMAT.md §7 steps 4g-4h,
// src/lib/checks/countersignatures/verify.ts): the countersignature's log proof must lead to a
// checkpoint the log key signed, and that checkpoint must carry enough witness cosignatures
// dated by the verification's own clock (its `now` and clock skew, not the machine's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { generateCountersignerKey, parsePrivateKeyPem } from '../../../../src/lib/basics/crypto/ed25519-keys.ts';
import { seedSigner } from '../../../../src/lib/basics/crypto/signer.ts';
import { createCountersignature } from '../../../../src/lib/formats/countersignature/create.ts';
import type { PrimaryBinding } from '../../../../src/lib/formats/countersignature/statement.ts';
import {
  type CountersignatureContext,
  type CountersignatureInput,
  type PinnedKey,
  verifyCountersignatures,
} from '../../../../src/lib/checks/countersignatures/verify.ts';
import { signCheckpoint } from '../../../../src/lib/checks/log/checkpoint.ts';
import { type CosignatureSigner, cosignCheckpoint, splitNote } from '../../../../src/lib/checks/log/cosignature.ts';
import { leafHash } from '../../../../src/lib/checks/log/merkle.ts';
import { VerificationError } from '../../../../src/lib/basics/errors/errors.ts';

function signer(name: string): CosignatureSigner {
  const key = parsePrivateKeyPem(generateCountersignerKey().privateKeyPem, name);
  return { name, rawPublicKey: key.publicKey, signer: seedSigner(key.seed, key.keyId) };
}

const primary: PrimaryBinding = {
  payload: new TextEncoder().encode('{"statement":"bytes"}'),
  payloadType: 'application/vnd.in-toto+json',
  signature: randomBytes(71),
  certificate: randomBytes(700),
  tlogEntries: [{ logId: randomBytes(32).toString('base64'), logIndex: '42' }],
  timestamps: [],
};
// Years ahead of any machine clock that runs these tests: a check that used the machine's
// time instead of the context's would see every cosignature as dated in the future.
const NOW = new Date('2031-06-01T12:00:00Z');
const now = Math.floor(NOW.getTime() / 1000);
const ctx: CountersignatureContext = {
  primary,
  stream: 'acme/app:stable',
  version: 3,
  primaryTime: new Date(NOW.getTime() - 60_000),
  now: NOW,
  clockSkewSeconds: 60,
};

// Made in the tests, not at load time: a broken signer then fails a test, not the whole file.
function fixtures() {
  const log = signer('countersign.test/b-release');
  const witness = signer('w1.test/w');
  const b = parsePrivateKeyPem(generateCountersignerKey().privateKeyPem, 'b');
  const pinned: PinnedKey = {
    name: 'b-release',
    organisation: 'Org B',
    keyId: b.keyId,
    rawPublicKey: b.publicKey,
    log: {
      origin: log.name,
      rawPublicKey: log.rawPublicKey,
      witnesses: {
        threshold: 1,
        witnesses: [{ name: witness.name, rawPublicKey: witness.rawPublicKey }],
        maxAgeSeconds: 3600,
      },
    },
  };
  return { log, witness, b, pinned };
}
type Fixtures = ReturnType<typeof fixtures>;

/** B's countersignature, logged alone (leaf 0 of a tree of 1), its checkpoint cosigned at `cosignedAt`. */
async function logged({ log, witness, b }: Fixtures, cosignedAt: number): Promise<CountersignatureInput> {
  const cs = await createCountersignature({
    signer: seedSigner(b.seed, b.keyId),
    primary,
    stream: 'acme/app:stable',
    version: 3,
    signedAt: new Date(NOW.getTime() - 30_000),
  });
  const statement = new Uint8Array(Buffer.from(cs.statement, 'base64'));
  const note = await signCheckpoint({ size: 1, root: leafHash(statement) }, log);
  const cosigned = `${note}${await cosignCheckpoint(splitNote(note, 'note').text, witness, cosignedAt)}\n`;
  return {
    keyId: cs.keyId,
    statement,
    signature: new Uint8Array(Buffer.from(cs.signature, 'base64')),
    logProof: { logIndex: 0, treeSize: 1, hashes: [], checkpoint: cosigned },
  };
}

test('a logged countersignature cosigned shortly before the context time counts, with its log position', async () => {
  const f = fixtures();
  const { log, pinned } = f;
  const out = verifyCountersignatures([await logged(f, now - 10)], [pinned], 1, ctx);
  assert.deepEqual(out.valid[0]?.log, { origin: log.name, index: 0, treeSize: 1 });
  assert.deepEqual(out.organisations, ['Org B']);
});

test('the witness cosignature is dated by the context clock: its skew, its now and the maximum age', async () => {
  const f = fixtures();
  const { pinned } = f;
  // Within the context's clock skew (60 s) ahead of its now: counted.
  assert.equal(verifyCountersignatures([await logged(f, now + 60)], [pinned], 1, ctx).valid.length, 1);
  const refused = async (cosignedAt: number, context: CountersignatureContext, why: RegExp) => {
    const input = await logged(f, cosignedAt);
    assert.throws(
      () => verifyCountersignatures([input], [pinned], 1, context),
      (err: unknown) =>
        err instanceof VerificationError && err.code === 'log-witness-threshold' && why.test(err.message),
      why.source,
    );
  };
  await refused(now + 61, ctx, /dated in the future: w1\.test\/w/);
  await refused(now + 30, { ...ctx, clockSkewSeconds: 0 }, /dated in the future: w1\.test\/w/);
  await refused(now - 3600 - 61, ctx, /older than 3600 s: w1\.test\/w/);
  // The same cosignature, judged an hour and more later by the context's clock: too old.
  await refused(now - 10, { ...ctx, now: new Date(NOW.getTime() + 3700_000) }, /older than 3600 s: w1\.test\/w/);
});

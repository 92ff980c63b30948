// Unit tests of the countersignature format and its verification (spec/FORMAT.md §5, §7.4),
// on a synthetic primary binding: every binding field, the key rules and the threshold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createCountersignature } from '../../../../src/lib/formats/countersignature/create.ts';
import { seedSigner } from '../../../../src/lib/basics/crypto/signer.ts';
import {
  type PinnedKey,
  verifyCountersignatures,
  type CountersignatureContext,
} from '../../../../src/lib/checks/countersignatures/verify.ts';
import type { PrimaryBinding } from '../../../../src/lib/formats/countersignature/statement.ts';
import { signEd25519 } from '../../../../src/lib/basics/crypto/ed25519.ts';
import { VerificationError } from '../../../../src/lib/basics/errors/errors.ts';
import type { Countersignature } from '../../../../src/lib/formats/core/types.ts';

function newKey(name: string, organisation: string, window: Partial<Pick<PinnedKey, 'validFrom' | 'validUntil'>> = {}) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = new Uint8Array(Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url'));
  const raw = new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url'));
  const keyId = `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  const pinned: PinnedKey = { name, organisation, keyId, rawPublicKey: raw, ...window };
  return { pinned, signer: seedSigner(seed, keyId), seed };
}

const primary: PrimaryBinding = {
  payload: new TextEncoder().encode('{"statement":"bytes"}'),
  payloadType: 'application/vnd.in-toto+json',
  signature: randomBytes(71),
  certificate: randomBytes(700),
  tlogEntries: [{ logId: Buffer.from(randomBytes(32)).toString('base64'), logIndex: '42' }],
  timestamps: [randomBytes(300)],
};
const now = new Date('2026-11-24T12:00:00Z');
const ctx: CountersignatureContext = {
  primary,
  stream: 'acme/app:stable',
  version: 3,
  primaryTime: new Date('2026-11-24T11:59:00Z'),
  now,
  clockSkewSeconds: 60,
};

const toInput = (c: Countersignature) => ({
  keyId: c.keyId,
  statement: new Uint8Array(Buffer.from(c.statement, 'base64')),
  signature: new Uint8Array(Buffer.from(c.signature, 'base64')),
});
const make = (
  signer: ReturnType<typeof newKey>['signer'],
  over: Partial<{ primary: PrimaryBinding; stream: string; version: number; signedAt: Date }> = {},
) =>
  createCountersignature({
    signer,
    primary,
    stream: 'acme/app:stable',
    version: 3,
    signedAt: new Date('2026-11-24T11:59:30Z'),
    ...over,
  });
const rejectsWith = (fn: () => unknown, code: string) =>
  assert.throws(fn, (e: unknown) => e instanceof VerificationError && e.code === code, `expected ${code}`);

const b1 = newKey('b-release', 'Org B');
const b2 = newKey('b-backup', 'Org B');
const c1 = newKey('c-release', 'Org C');
const keys = [b1.pinned, b2.pinned, c1.pinned];

test('a countersignature over this primary verifies and names its organisation', async () => {
  const cs = await make(b1.signer);
  const out = verifyCountersignatures([toInput(cs)], keys, 1, ctx);
  assert.deepEqual(out.organisations, ['Org B']);
  assert.deepEqual(out.missing, ['Org C']);
  assert.equal(out.valid[0]?.name, 'b-release');
});

test('every bound field of the primary is checked (transplanting fails)', async () => {
  const variants: [string, Partial<PrimaryBinding>][] = [
    ['payload', { payload: new TextEncoder().encode('{"statement":"other"}') }],
    ['payloadType', { payloadType: 'text/plain' }],
    ['signature', { signature: randomBytes(71) }],
    ['certificate', { certificate: randomBytes(700) }],
    ['tlog entry', { tlogEntries: [{ logId: primary.tlogEntries[0]!.logId, logIndex: '43' }] }],
    ['no tlog entry', { tlogEntries: [] }],
    ['timestamp', { timestamps: [randomBytes(300)] }],
  ];
  for (const [label, change] of variants) {
    const cs = await make(b1.signer, { primary: { ...primary, ...change } });
    assert.throws(
      () => verifyCountersignatures([toInput(cs)], keys, 1, ctx),
      (e: unknown) => e instanceof VerificationError && e.code === 'countersignature-binding',
      label,
    );
  }
});

test('stream and version are bound', async () => {
  const beta = await make(b1.signer, { stream: 'acme/app:beta' });
  rejectsWith(() => verifyCountersignatures([toInput(beta)], keys, 1, ctx), 'countersignature-binding');
  const other = await make(b1.signer, { version: 2 });
  rejectsWith(() => verifyCountersignatures([toInput(other)], keys, 1, ctx), 'countersignature-binding');
});

test('unpinned key, bad signature, duplicate key are rejected', async () => {
  const rogue = newKey('rogue', 'Org B');
  const r = await make(rogue.signer);
  rejectsWith(() => verifyCountersignatures([toInput(r)], keys, 1, ctx), 'countersignature-unpinned-key');
  // A rogue key that claims a pinned key id: the signature does not verify under the pinned key.
  const claimed = await createCountersignature({
    signer: { keyId: b1.pinned.keyId, sign: (message) => rogue.signer.sign(message) },
    primary,
    stream: 'acme/app:stable',
    version: 3,
    signedAt: new Date('2026-11-24T11:59:30Z'),
  });
  rejectsWith(() => verifyCountersignatures([toInput(claimed)], keys, 1, ctx), 'countersignature-signature');
  const good = await make(b1.signer);
  rejectsWith(
    () => verifyCountersignatures([toInput(good), toInput(good)], keys, 1, ctx),
    'countersignature-duplicate',
  );
});

test('the signature is domain-separated: a signature over the bare statement bytes fails', async () => {
  const cs = toInput(await make(b1.signer));
  const bare = signEd25519(cs.statement, b1.seed);
  rejectsWith(() => verifyCountersignatures([{ ...cs, signature: bare }], keys, 1, ctx), 'countersignature-signature');
});

test('the threshold counts distinct organisations: two keys of one organisation count once', async () => {
  const both = [toInput(await make(b1.signer)), toInput(await make(b2.signer))];
  rejectsWith(() => verifyCountersignatures(both, keys, 2, ctx), 'countersignature-threshold');
  const out = verifyCountersignatures([...both, toInput(await make(c1.signer))], keys, 2, ctx);
  assert.deepEqual(out.organisations, ['Org B', 'Org C']);
  rejectsWith(() => verifyCountersignatures([], keys, 1, ctx), 'countersignature-missing');
});

test('key validity windows and signing times are enforced', async () => {
  const early = newKey('early', 'Org D', { validFrom: new Date('2026-11-25T00:00:00Z') });
  const late = newKey('late', 'Org D', { validUntil: new Date('2026-11-24T11:00:00Z') });
  const ks = [...keys, early.pinned, late.pinned];
  const earlyCs = await make(early.signer);
  rejectsWith(() => verifyCountersignatures([toInput(earlyCs)], ks, 1, ctx), 'countersignature-key-not-yet-valid');
  const lateCs = await make(late.signer, { signedAt: new Date('2026-11-24T10:59:00Z') });
  rejectsWith(
    () => verifyCountersignatures([toInput(lateCs)], ks, 1, { ...ctx, primaryTime: new Date('2026-11-24T10:58:00Z') }),
    'countersignature-key-expired',
  );
  const future = await make(b1.signer, { signedAt: new Date('2026-11-24T12:30:00Z') });
  rejectsWith(() => verifyCountersignatures([toInput(future)], keys, 1, ctx), 'countersignature-time');
  const before = await make(b1.signer, { signedAt: new Date('2026-11-24T11:00:00Z') });
  rejectsWith(() => verifyCountersignatures([toInput(before)], keys, 1, ctx), 'countersignature-time');
});

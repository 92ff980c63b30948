// Authority rotation (spec/ROTATION.md): a client pinned to policy v1 follows rotations to v3
// (a countersigner key rotation, then a primary identity rotation that adds a second
// organisation), and every attack on the chain is refused with its own code: a rotation that
// installs a key nobody proved to hold, a skipped version, a fork, a downgrade, a fallback
// signer outside its one power, a carried policy that is not the signed subject.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { VerificationError } from '../../../../src/lib/basics/errors/errors.ts';
import { type PolicyDocument, followRotations } from '../../../../src/lib/flows/rotation/index.ts';
import {
  type Flow,
  type TestKey,
  forgeCountersigned,
  makeKey,
  readBundle,
  startFlow,
  writeBundle,
} from '../../../../tools/flow.ts';
import {
  MOVED_WORKFLOW,
  policyDoc,
  releaseBundle,
  rotationBundle,
  rotationStatement,
} from '../../../helpers/rotation-flow.ts';

let flow: Flow;
let keys: { b: TestKey; bNew: TestKey; c: TestKey; recovery: TestKey };
/** v1: B's key b, threshold 1, B's offline recovery key as the fallback set. */
let v1: PolicyDocument;
/** v2: B rotated to bNew (same identity, same fallback). */
let v2: PolicyDocument;
/** v3: A's workflow moved (identity rotation), C added, threshold 2. */
let v3: PolicyDocument;
let r12: Uint8Array;
let r23: Uint8Array;

before(async () => {
  flow = await startFlow();
  keys = {
    b: flow.keys.b,
    bNew: makeKey('b-release-2027', 'Org B'),
    c: flow.keys.c,
    recovery: makeKey('b-recovery', 'Org B'),
  };
  const fallback = { keys: [keys.recovery] };
  v1 = policyDoc(flow, { version: 1, countersigners: [keys.b], fallback });
  v2 = policyDoc(flow, { version: 2, countersigners: [keys.bNew], fallback });
  v3 = policyDoc(flow, {
    version: 3,
    countersigners: [keys.bNew, keys.c],
    threshold: 2,
    workflow: MOVED_WORKFLOW,
    fallback,
  });
  // Current countersigner first, then the added key (proof of possession).
  r12 = await rotationBundle(flow, v1, v2, [keys.b, keys.bNew]);
  r23 = await rotationBundle(flow, v2, v3, [keys.bNew, keys.c]);
});

after(async () => {
  await flow?.close();
});

async function refused(promise: Promise<unknown>, code: string): Promise<VerificationError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof VerificationError, String(err));
    assert.equal(err.code, code, err.message);
    return err;
  }
  assert.fail(`expected ${code}, but it was accepted`);
}

test('a client pinned to v1 follows v1 -> v2 -> v3 (key rotation, then identity rotation), then verifies a v3 release', async () => {
  const walk = await followRotations(v1, [
    { bytes: r12, what: 'r12' },
    { bytes: r23, what: 'r23' },
  ]);
  assert.equal(walk.result.digest, v3.digest);
  assert.deepEqual(walk.result.bytes, v3.bytes, 'the installed policy is the exact signed document');
  assert.deepEqual(
    walk.applied.map((a) => [a.fromVersion, a.toVersion]),
    [
      [1, 2],
      [2, 3],
    ],
  );
  assert.deepEqual(walk.applied[0]!.report.rotation, {
    fromVersion: 1,
    toVersion: 2,
    policyDigest: `sha256:${v2.digest}`,
    authorisedBy: 'countersigners',
    addedKeys: ['b-release-2027'],
  });
  assert.deepEqual(walk.applied[1]!.report.rotation?.addedKeys, ['c-release']);

  // A release of the moved workflow, countersigned by B's new key and C: verified under v3 only.
  const release = await releaseBundle(flow, v3, [keys.bNew, keys.c], { workflow: MOVED_WORKFLOW });
  const underV3 = await flow.verify(release, { policy: walk.result.policy });
  assert.equal(underV3.outcome, 'verified', JSON.stringify(underV3.failure));
  assert.deepEqual(underV3.countersigners?.organisations, ['Org B', 'Org C']);
  assert.equal((await flow.verify(release, { policy: v1.policy })).failure?.code, 'primary-identity');
  // B's retired key no longer counts under v3, and the old workflow no longer signs.
  const byOldKey = await forgeCountersigned(
    await forgeCountersigned(await flow.sign(flow.statement(), { jobWorkflowRef: MOVED_WORKFLOW }), keys.b.signer),
    keys.c.signer,
  );
  assert.equal((await flow.verify(byOldKey, { policy: v3.policy })).failure?.code, 'countersignature-unpinned-key');
  assert.equal(
    (await flow.verify(await releaseBundle(flow, v1, [keys.b]), { policy: v3.policy })).failure?.code,
    'primary-identity',
  );
});

test('each link verifies under the current policy as a bundle (verify), reporting the rotation', async () => {
  const report = await flow.verify(r12, { policy: v1.policy });
  assert.equal(report.outcome, 'verified', JSON.stringify(report.failure));
  assert.equal(report.rotation?.toVersion, 2);
  // The rotation does not verify under the policy it installs (b is not in v2), nor two steps ahead.
  assert.equal((await flow.verify(r12, { policy: v2.policy })).failure?.code, 'countersignature-unpinned-key');
  assert.equal((await flow.verify(r23, { policy: v1.policy })).failure?.code, 'countersignature-threshold');
});

test('proof of possession: a rotation installing a key that did not countersign is refused', async () => {
  const onlyCurrent = await rotationBundle(flow, v1, v2, [keys.b]);
  const report = await flow.verify(onlyCurrent, { policy: v1.policy });
  assert.equal(report.failure?.check, 'countersignatures');
  assert.equal(report.failure?.code, 'rotation-proof-of-possession');
  assert.match(report.failure.message, /b-release-2027/);
  await refused(followRotations(v1, [{ bytes: onlyCurrent, what: 'r12' }]), 'rotation-proof-of-possession');
  // The new key alone (current countersigner missing) does not authorise it either.
  const onlyNew = await rotationBundle(flow, v1, v2, [keys.bNew]);
  assert.equal((await flow.verify(onlyNew, { policy: v1.policy })).failure?.code, 'countersignature-threshold');
});

test("the new policy's own threshold must be met by its keys, under its own records", async () => {
  const v3b = policyDoc(flow, { version: 3, countersigners: [keys.bNew, keys.c, keys.b], threshold: 2 });
  // b was retired in v2: re-adding it needs its proof too, and b did not sign.
  const stale = await rotationBundle(flow, v2, v3b, [keys.bNew, keys.c]);
  assert.equal((await flow.verify(stale, { policy: v2.policy })).failure?.code, 'rotation-proof-of-possession');
  // An added key that did not sign: no proof of possession.
  const v3c = policyDoc(flow, {
    version: 3,
    countersigners: [keys.bNew, keys.c, makeKey('d-release', 'Org D')],
    threshold: 2,
  });
  assert.equal(
    (await flow.verify(await forgedRotation(v3c, [keys.bNew, keys.c]), { policy: v2.policy })).failure?.code,
    'rotation-proof-of-possession',
    'd-release is added and did not sign',
  );
  // The fallback authorises (B's usual key is unavailable) and C proves its key, but v3 keeps
  // bNew and needs Org B and Org C: the new policy's threshold is not met, so it would be unusable.
  const report = await flow.verify(await forgedRotation(v3, [keys.recovery, keys.c]), { policy: v2.policy });
  assert.equal(report.failure?.code, 'rotation-new-threshold', JSON.stringify(report.failure));
  // Drop B's countersignature from a good rotation: the current threshold (Org B) fails first.
  const trimmed = readBundle(r23);
  assert.equal(
    (
      await flow.verify(writeBundle({ ...trimmed, countersignatures: trimmed.countersignatures.slice(1) }), {
        policy: v2.policy,
      })
    ).failure?.code,
    'countersignature-threshold',
  );
});

/** A rotation countersigned without B's pre-signing checks (which refuse bad versions): what a verifier must catch alone. */
async function forgedRotation(next: PolicyDocument, signers: TestKey[], version?: number): Promise<Uint8Array> {
  let bundle = await flow.sign(rotationStatement(next, version === undefined ? {} : { version }));
  for (const key of signers) bundle = await forgeCountersigned(bundle, key.signer);
  return bundle;
}

test('versions: a skipped version is a gap, an older or equal one a downgrade, the statement names the new version', async () => {
  const v3direct = policyDoc(flow, { version: 3, countersigners: [keys.b] });
  await assert.rejects(
    rotationBundle(flow, v1, v3direct, [keys.b]),
    { code: 'rotation-gap' },
    "B's countersign step refuses it too",
  );
  const gap = await forgedRotation(v3direct, [keys.b]);
  assert.equal((await flow.verify(gap, { policy: v1.policy })).failure?.code, 'rotation-gap');
  await refused(followRotations(v1, [{ bytes: gap, what: 'gap' }]), 'rotation-gap');
  await refused(followRotations(v1, [{ bytes: r23, what: 'r23' }]), 'rotation-gap');

  const v1again = policyDoc(flow, { version: 1, countersigners: [keys.b, keys.c] });
  const down = await forgedRotation(v1again, [keys.b, keys.c]);
  assert.equal((await flow.verify(down, { policy: v1.policy })).failure?.code, 'rotation-downgrade');
  // A client at v3 handed the old v1 -> v2 rotation: refused, not re-installed.
  await refused(followRotations(v3, [{ bytes: r12, what: 'r12' }]), 'rotation-downgrade');

  const wrongVersion = await forgedRotation(v2, [keys.b, keys.bNew], 7);
  assert.equal((await flow.verify(wrongVersion, { policy: v1.policy })).failure?.code, 'rotation-statement-version');
});

test('a fork (two different rotations to one version, both validly signed) is refused; a repeat is skipped', async () => {
  const v2other = policyDoc(flow, { version: 2, countersigners: [keys.b, keys.c] });
  const fork = await rotationBundle(flow, v1, v2other, [keys.b, keys.c]);
  assert.equal((await flow.verify(fork, { policy: v1.policy })).outcome, 'verified', 'each branch alone is valid');
  const err = await refused(
    followRotations(v1, [
      { bytes: r12, what: 'r12' },
      { bytes: fork, what: 'fork' },
    ]),
    'rotation-fork',
  );
  assert.match(err.message, /^fork: /);
  // A rotation to a version already held, with a different document, from a client already there.
  await refused(followRotations(v2, [{ bytes: fork, what: 'fork' }]), 'rotation-fork');
  // The same rotation again, or the one that made the current policy: skipped.
  const walk = await followRotations(v1, [
    { bytes: r12, what: 'a' },
    { bytes: r12, what: 'b' },
    { bytes: r23, what: 'c' },
  ]);
  assert.deepEqual(walk.alreadyApplied, ['b']);
  assert.equal(walk.result.policy.version, 3);
  assert.equal(
    (
      await followRotations(v2, [
        { bytes: r12, what: 'r12' },
        { bytes: r23, what: 'r23' },
      ])
    ).result.digest,
    v3.digest,
  );
});

test('emergency: the fallback set authorises a rotation when the usual countersigner is unavailable', async () => {
  const byFallback = await rotationBundle(flow, v1, v2, [keys.recovery, keys.bNew]);
  const report = await flow.verify(byFallback, { policy: v1.policy });
  assert.equal(report.outcome, 'verified', JSON.stringify(report.failure));
  assert.equal(report.countersigners?.authorisedBy, 'fallback');
  assert.deepEqual(report.countersigners?.missing, ['Org B'], 'the usual organisation is reported missing');
  assert.equal(report.rotation?.authorisedBy, 'fallback');
  assert.equal((await followRotations(v1, [{ bytes: byFallback, what: 'emergency' }])).result.digest, v2.digest);
});

test('emergency: not allowed without a fallback set, and never for anything but a rotation', async () => {
  const noFallback = policyDoc(flow, { version: 1, countersigners: [keys.b] });
  const byFallback = await rotationBundle(flow, v1, v2, [keys.recovery, keys.bNew]);
  // Under a policy without a fallback set, the recovery key counts for nothing (here it is a
  // key of the new policy, so it proves possession, but does not authorise): threshold.
  const rejected = await flow.verify(byFallback, { policy: noFallback.policy });
  assert.equal(rejected.failure?.code, 'countersignature-threshold');
  assert.deepEqual(rejected.countersigners?.missing, ['Org B']);
  await refused(followRotations(noFallback, [{ bytes: byFallback, what: 'emergency' }]), 'countersignature-threshold');
  const v2bare = policyDoc(flow, { version: 2, countersigners: [keys.bNew] });
  const bare = await forgedRotation(v2bare, [keys.recovery, keys.bNew]);
  // The recovery key is pinned nowhere, but the rotation is short of the current policy's
  // threshold first: refused as such, without reading the new policy (issue 13 F2).
  assert.equal((await flow.verify(bare, { policy: noFallback.policy })).failure?.code, 'countersignature-threshold');
  // A fallback set whose threshold the recovery key alone does not meet.
  const twoOrgs = policyDoc(flow, {
    version: 1,
    countersigners: [keys.b],
    fallback: { keys: [keys.recovery, makeKey('d-recovery', 'Org D')], threshold: 2 },
  });
  const short = await rotationBundle(flow, twoOrgs, v2, [keys.recovery, keys.bNew]);
  assert.equal((await flow.verify(short, { policy: twoOrgs.policy })).failure?.code, 'countersignature-threshold');

  // A release countersigned by the fallback key: B's tool refuses to sign it, the verifier rejects it.
  const release = await flow.sign(flow.statement({ version: 1 }));
  await assert.rejects(flow.countersign(release, keys.recovery, { policy: v1.policy }), {
    code: 'countersignature-fallback-not-rotation',
  });
  const forged = await forgeCountersigned(release, keys.recovery.signer);
  const report = await flow.verify(forged, { policy: v1.policy });
  assert.equal(report.failure?.check, 'countersignatures');
  assert.equal(report.failure?.code, 'countersignature-fallback-not-rotation');
  // Even beside a valid usual countersignature.
  const both = await forgeCountersigned(
    await flow.countersign(release, keys.b, { policy: v1.policy }),
    keys.recovery.signer,
  );
  assert.equal(
    (await flow.verify(both, { policy: v1.policy })).failure?.code,
    'countersignature-fallback-not-rotation',
  );
});

test('the carried policy must be the signed subject and a well-formed policy; a non-rotation is not a rotation', async () => {
  const { buildStatement, serializeStatement } = await import('../../../../src/lib/formats/statement/statement.ts');
  const { rotationStatementParts } = await import('../../../../src/lib/flows/rotation/index.ts');
  // Signed by A with the subject of v2 but the bytes of another document: rejected at parse.
  const parts = rotationStatementParts(v2.bytes, 'policy.json', 'v2');
  const good = serializeStatement(
    buildStatement({
      kind: 'authority-rotation',
      stream: 'acme/app:policy',
      version: 2,
      issuedAt: new Date(),
      expiresIn: 86_400,
      subjects: parts.subjects,
      data: parts.data,
    }),
  );
  const swapped = new TextEncoder().encode(
    new TextDecoder().decode(good).replace(parts.data.policy, Buffer.from(v3.bytes).toString('base64')),
  );
  const mismatch = await flow
    .countersign(await flow.sign(swapped), keys.b, { policy: v1.policy })
    .catch((err: unknown) => {
      if (err instanceof VerificationError) return err;
      throw err;
    });
  assert.equal((mismatch as VerificationError).code, 'rotation-policy-digest');
  // A carried document that is not a policy.
  const junk = new TextEncoder().encode('{"mediaType": "application/vnd.countersign.policy.v1+json"}\n');
  const junkParts = rotationStatementParts.bind(null);
  assert.throws(() => junkParts(junk, 'policy.json', 'junk'), { code: 'policy-malformed' });
  const { createHash } = await import('node:crypto');
  const junkStatement = serializeStatement(
    buildStatement({
      kind: 'authority-rotation',
      stream: 'acme/app:policy',
      version: 2,
      issuedAt: new Date(),
      expiresIn: 86_400,
      subjects: [{ name: 'policy.json', digest: { sha256: createHash('sha256').update(junk).digest('hex') } }],
      data: { policy: Buffer.from(junk).toString('base64') },
    }),
  );
  // Read only once the current policy authorised the rotation, never at parse (issue 13 F2):
  // signed by A alone it is pending (not read); countersigned by B, refused.
  const signedByA = await flow.sign(junkStatement);
  assert.equal((await flow.verify(signedByA, { policy: v1.policy })).outcome, 'pending-countersign');
  const report = await flow.verify(await forgeCountersigned(signedByA, keys.b.signer), { policy: v1.policy });
  assert.equal(report.failure?.check, 'countersignatures');
  assert.equal(report.failure?.code, 'rotation-policy-malformed');
  // A release bundle handed to the walk.
  await refused(
    followRotations(v1, [{ bytes: await releaseBundle(flow, v1, [keys.b]), what: 'release' }]),
    'rotation-not-rotation',
  );
  // A rotation without its countersignatures yet.
  await refused(
    followRotations(v1, [{ bytes: await flow.sign(rotationStatement(v2)), what: 'pending' }]),
    'countersignature-missing',
  );
});

test('the walk is capped, and a state that recorded a newer policy refuses an older starting one', async () => {
  const many = Array.from({ length: 65 }, () => ({ bytes: r12, what: 'r12' }));
  await refused(followRotations(v1, many), 'rotation-chain-too-long');
  await refused(
    followRotations(v1, [{ bytes: r12, what: 'r12' }], { state: { policyVersion: 2, streams: {} } }),
    'policy-rollback',
  );
});

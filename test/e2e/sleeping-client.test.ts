// A client that sleeps for three years (issue 18; spec/ROTATION.md §5.1): pinned to policy v1,
// it is not opened while six authority rotations happen, each at its own (simulated) time:
//   1. day  60: Sigstore's trusted root changes (another stack: new Fulcio, Rekor, TSA keys);
//   2. day 300: B's routine key rotation (b1 -> b2), b1 pinned with a window that closes on day 400;
//   3. day 500: the identity rotation after A's repository moved (acme/app -> acme/app-platform),
//               Org C added, threshold 2;
//   4. day 700: B's key b2 lost: B's offline recovery key (v1's fallback set) authorises the
//               emergency rotation to b3;
//   5. day 850: Org D added, 2 of 3;
//   6. day 1000: Org C leaves.
// Every rotation and every key window but the last has long expired when the client wakes on
// day 1095; it downloads one release bundle that carries the six rotations and catches up in one
// call (the release vouches for the result), then verifies the release. The same client handed a
// forked link, a gap or a downgrade refuses, and has nothing to persist: its policy and state
// stay as they were.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { followPolicyRotations, verifyBundle } from '../../src/client/index.ts';
import { attachRotations } from '../../src/lib/flows/rotation/carry.ts';
import type { PolicyDocument } from '../../src/lib/flows/rotation/index.ts';
import { type Flow, type TestKey, makeKey, startFlow } from '../../tools/flow.ts';
import { MOVED_WORKFLOW } from '../helpers/rotation-flow.ts';
import { DAY, timedPolicy, timedRelease, timedRotation } from '../helpers/timed-rotations.ts';

let oldRoot: Flow;
let newRoot: Flow;
let T0: Date;
const at = (days: number) => new Date(T0.getTime() + days * DAY);
let policies: PolicyDocument[];
let rotations: Uint8Array[];
let keys: Record<'b1' | 'b2' | 'b3' | 'c' | 'd' | 'recovery', TestKey>;
/** The release of day 1090 under v7, carrying the six rotations. */
let release: Uint8Array;
const RELEASES = { stream: 'acme/app:stable' };
const WAKE = 1095;

/** What the sleeping app keeps on disk: replaced only as a whole, from a verified result. */
interface Storage {
  policy: Uint8Array;
  state: string;
}

before(async () => {
  [oldRoot, newRoot] = await Promise.all([startFlow(), startFlow()]);
  T0 = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000);
  keys = {
    b1: makeKey('b-release-2025', 'Org B'),
    b2: makeKey('b-release-2026', 'Org B'),
    b3: makeKey('b-release-2027', 'Org B'),
    c: makeKey('c-release', 'Org C'),
    d: makeKey('d-release', 'Org D'),
    recovery: makeKey('b-recovery', 'Org B'),
  };
  const { b1, b2, b3, c, d, recovery } = keys;
  const fallback = [recovery];
  const moved = { workflow: MOVED_WORKFLOW };
  policies = [
    timedPolicy({ version: 1, root: oldRoot, countersigners: [{ key: b1, validUntil: at(400) }], fallback }),
    timedPolicy({ version: 2, root: newRoot, countersigners: [{ key: b1, validUntil: at(400) }], fallback }),
    timedPolicy({ version: 3, root: newRoot, countersigners: [{ key: b2, validUntil: at(800) }], fallback }),
    timedPolicy({ version: 4, root: newRoot, countersigners: [b2, c], threshold: 2, fallback, ...moved }),
    timedPolicy({ version: 5, root: newRoot, countersigners: [b3, c], threshold: 2, fallback, ...moved }),
    timedPolicy({ version: 6, root: newRoot, countersigners: [b3, c, d], threshold: 2, fallback, ...moved }),
    timedPolicy({ version: 7, root: newRoot, countersigners: [b3, d], threshold: 2, fallback, ...moved }),
  ];
  const [v1, v2, v3, v4, v5, v6, v7] = policies as [
    PolicyDocument,
    PolicyDocument,
    PolicyDocument,
    PolicyDocument,
    PolicyDocument,
    PolicyDocument,
    PolicyDocument,
  ];
  rotations = [
    // v1 pins the old root: A signs this one on the old stack.
    await timedRotation(v1, v2, [b1], { at: at(60), signer: oldRoot }),
    await timedRotation(v2, v3, [b1, b2], { at: at(300), signer: newRoot }),
    // Signed by A's old workflow (v3's identity), countersigned by B and, adding it, by C.
    await timedRotation(v3, v4, [b2, c], { at: at(500), signer: newRoot }),
    // b2 lost: the recovery key authorises; b3 proves possession; C meets v5's threshold with b3.
    await timedRotation(v4, v5, [recovery, b3, c], { at: at(700), signer: newRoot, ...moved }),
    await timedRotation(v5, v6, [b3, c, d], { at: at(850), signer: newRoot, ...moved }),
    await timedRotation(v6, v7, [b3, d], { at: at(1000), lifetimeDays: 90, signer: newRoot, ...moved }),
  ];
  const bare = await timedRelease(v7, [b3, d], 5, { at: at(1090), signer: newRoot, ...moved });
  release = new TextEncoder().encode(attachRotations(bare, rotations));
});

after(async () => {
  await Promise.all([oldRoot?.close(), newRoot?.close()]);
});

function asleep(): Storage {
  return {
    policy: (policies[0] as PolicyDocument).bytes.slice(),
    state:
      '{"mediaType": "application/vnd.countersign.state.v1+json", "policyVersion": 1, "streams": {"acme/app:stable": {"version": 1, "statementDigest": "' +
      'ab'.repeat(32) +
      '"}}}',
  };
}

/** The app's update step: one download, one call; the storage is replaced only by a verified result. */
async function wakeAndUpdate(storage: Storage, bundle: Uint8Array | string, day = WAKE) {
  const result = await verifyBundle({
    bundle,
    policy: storage.policy,
    state: storage.state,
    now: at(day),
    expect: RELEASES,
    followRotations: true,
  });
  if (result.report.outcome === 'verified' && result.newState) {
    if (result.policy) storage.policy = result.policy.bytes; // the policy first, then the state
    storage.state = result.newState;
  }
  return result;
}

test('after three years and six rotations, most of them expired, the client catches up with one call and verifies the new release', async () => {
  const storage = asleep();
  const result = await wakeAndUpdate(storage, release);
  assert.equal(result.report.outcome, 'verified', JSON.stringify(result.report.failure ?? result.error));
  const v7 = policies[6] as PolicyDocument;
  assert.deepEqual(storage.policy, v7.bytes, 'pinned: v7, byte for byte');
  assert.equal((JSON.parse(storage.state) as { policyVersion: number }).policyVersion, 7);
  const applied = result.rotations?.applied ?? [];
  assert.deepEqual(
    applied.map((a) => [a.toVersion, a.expired]),
    [
      [2, true],
      [3, true],
      [4, true],
      [5, true],
      [6, true],
      [7, true],
    ],
    'every rotation had expired by the time the client woke',
  );
  assert.equal(applied[3]?.report.rotation?.authorisedBy, 'fallback', 'the emergency rotation says so');
  assert.equal(result.report.statement?.version, 5);
  assert.deepEqual(result.report.countersigners?.organisations, ['Org B', 'Org D']);

  // The same bundle again the next day: the rotations are history now, nothing new to pin.
  const again = await wakeAndUpdate(storage, release, WAKE + 1);
  assert.equal(again.report.outcome, 'verified', JSON.stringify(again.report.failure));
  assert.equal(again.policy, undefined);
  assert.equal(again.rotations?.alreadyApplied.length, 6);
});

test('the rotations alone: the walk judges each at its signing time, the newest (expired) only vouched for by a release', async () => {
  const v1 = policies[0] as PolicyDocument;
  const alone = await followPolicyRotations({ policy: v1.bytes, rotations, now: at(WAKE) });
  assert.equal(alone.outcome, 'rejected');
  assert.equal(alone.outcome === 'rejected' ? alone.failure.code : '', 'statement-expired');
  // Before the newest expired (day 1080), the walk alone catches up too, in any order.
  const early = await followPolicyRotations({ policy: v1.bytes, rotations: [...rotations].reverse(), now: at(1080) });
  assert.equal(early.outcome, 'updated', JSON.stringify(early));
  assert.equal(early.outcome === 'updated' ? early.version : 0, 7);
});

test('the same client handed a forked link, a gap or a downgrade refuses, and its policy and state stay as they were', async () => {
  const [v1, , v3] = policies as [PolicyDocument, PolicyDocument, PolicyDocument];
  const { b2, c } = keys;
  // A fork: another v4, validly signed under v3 (A's old workflow and B's b2, C added), on day 510.
  const v4other = timedPolicy({ version: 4, root: newRoot, countersigners: [b2, c], threshold: 1 });
  const fork = await timedRotation(v3, v4other, [b2, c], { at: at(510), signer: newRoot });
  const bare = await timedRelease(policies[6] as PolicyDocument, [keys.b3, keys.d], 6, {
    at: at(1090),
    signer: newRoot,
    workflow: MOVED_WORKFLOW,
  });
  const cases: [string, Uint8Array[], string][] = [
    ['fork', [...rotations.slice(0, 3), fork, ...rotations.slice(3)], 'rotation-fork'],
    ['gap', [...rotations.slice(0, 2), ...rotations.slice(3)], 'rotation-gap'],
  ];
  for (const [name, carried, code] of cases) {
    const storage = asleep();
    const before = structuredClone(storage);
    const result = await wakeAndUpdate(storage, attachRotations(bare, carried));
    assert.deepEqual([result.report.failure?.check, result.report.failure?.code], ['rotation', code], name);
    assert.equal(result.newState, undefined, name);
    assert.equal(result.policy, undefined, name);
    assert.deepEqual(storage, before, `${name}: the client's policy and state are unchanged`);
  }
  // A downgrade: the caught-up client handed only an old rotation, as history that leads nowhere.
  const storage = asleep();
  assert.equal((await wakeAndUpdate(storage, release)).report.outcome, 'verified');
  const caughtUp = structuredClone(storage);
  const result = await wakeAndUpdate(storage, attachRotations(bare, [rotations[0] as Uint8Array]), WAKE + 1);
  assert.deepEqual([result.report.failure?.check, result.report.failure?.code], ['rotation', 'rotation-downgrade']);
  assert.deepEqual(storage, caughtUp, 'the caught-up client keeps v7 and its state');
  // And its old pinned policy put back under its state is refused too (policy-rollback).
  const putBack = await verifyBundle({
    bundle: release,
    policy: v1.bytes,
    state: storage.state,
    now: at(WAKE + 1),
    expect: RELEASES,
    followRotations: true,
  });
  assert.equal(putBack.report.failure?.code, 'policy-rollback');
});

// One download for a client (spec/FORMAT.md §6.3, docs/client.md): a release bundle carries the
// rotations published since the client's policy; verifyBundle with followRotations follows them
// and verifies the release under the policy they install, all or nothing: the new policy comes
// back only with a verified release (and the new state), never alone. Carried rotations that
// expired long ago still link the chain, the release vouching for the result; a refused walk,
// a release that does not verify, or a caller that did not ask, leaves the pinned policy.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyBundle } from '../../src/client/index.ts';
import { attachRotations } from '../../src/lib/flows/rotation/carry.ts';
import type { PolicyDocument } from '../../src/lib/flows/rotation/index.ts';
import { parseBundleFile } from '../../src/lib/formats/bundle/bundle.ts';
import { parseState } from '../../src/lib/formats/state/state.ts';
import { type Flow, type TestKey, makeKey, startFlow } from '../../tools/flow.ts';
import { MOVED_WORKFLOW } from '../helpers/rotation-flow.ts';
import { DAY, timedPolicy, timedRelease, timedRotation } from '../helpers/timed-rotations.ts';

let flow: Flow;
let keys: { b: TestKey; bNext: TestKey; c: TestKey };
let v1: PolicyDocument;
let v2: PolicyDocument;
let v3: PolicyDocument;
let r12: Uint8Array;
let r23: Uint8Array;
let release: Uint8Array;
let T0: Date;
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const RELEASES = { stream: 'acme/app:stable' };

before(async () => {
  flow = await startFlow();
  T0 = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000);
  keys = { b: flow.keys.b, bNext: makeKey('b-release-next', 'Org B'), c: flow.keys.c };
  v1 = timedPolicy({ version: 1, root: flow, countersigners: [keys.b] });
  v2 = timedPolicy({ version: 2, root: flow, countersigners: [keys.bNext] });
  v3 = timedPolicy({
    version: 3,
    root: flow,
    countersigners: [keys.bNext, keys.c],
    threshold: 2,
    workflow: MOVED_WORKFLOW,
  });
  // Both rotations are long expired by day 400, when the release is issued.
  r12 = await timedRotation(v1, v2, [keys.b, keys.bNext], { at: at(0), signer: flow });
  r23 = await timedRotation(v2, v3, [keys.bNext, keys.c], { at: at(100), signer: flow });
  const bare = await timedRelease(v3, [keys.bNext, keys.c], 9, { at: at(400), signer: flow, workflow: MOVED_WORKFLOW });
  release = new TextEncoder().encode(attachRotations(bare, [r23, r12]));
});

after(async () => {
  await flow?.close();
});

test('a release carrying the rotations catches a client up in one call: new policy and new state together', async () => {
  const state = '{"mediaType": "application/vnd.countersign.state.v1+json", "policyVersion": 1, "streams": {}}';
  const r = await verifyBundle({
    bundle: release,
    policy: v1.bytes,
    state,
    now: at(401),
    expect: RELEASES,
    followRotations: true,
  });
  assert.equal(r.report.outcome, 'verified', JSON.stringify(r.report.failure ?? r.error));
  assert.deepEqual(r.policy?.bytes, v3.bytes, 'byte for byte the policy the last rotation carries');
  assert.equal(r.policy?.version, 3);
  assert.equal(r.policy?.digest, v3.digest);
  assert.equal(parseState(new TextEncoder().encode(r.newState ?? ''), 'state').policyVersion, 3);
  assert.deepEqual(
    r.rotations?.applied.map((a) => [a.fromVersion, a.toVersion, a.expired]),
    [
      [1, 2, true],
      [2, 3, true],
    ],
  );
  // The next call, from the new policy: the carried rotations are history, skipped; no new policy.
  const again = await verifyBundle({
    bundle: release,
    policy: r.policy?.bytes ?? new Uint8Array(),
    state: r.newState ?? null,
    now: at(402),
    expect: RELEASES,
    followRotations: true,
  });
  assert.equal(again.report.outcome, 'verified', JSON.stringify(again.report.failure ?? again.error));
  assert.equal(again.policy, undefined);
  assert.deepEqual(again.rotations?.alreadyApplied, ['bundle.rotations[1]', 'bundle.rotations[0]']);
});

test('all or nothing: a release that does not verify under the result returns no policy and no state', async () => {
  // The release expired: the walk succeeds, the release does not, so nothing is installed.
  const expired = await verifyBundle({
    bundle: release,
    policy: v1.bytes,
    now: at(500),
    expect: RELEASES,
    followRotations: true,
  });
  assert.equal(expired.report.failure?.code, 'statement-expired');
  assert.equal(expired.policy, undefined);
  assert.equal(expired.newState, undefined);
});

test('a refused walk rejects the release at the rotation step, with the code; nothing to persist', async () => {
  const v2other = timedPolicy({ version: 2, root: flow, countersigners: [keys.b, keys.c] });
  const fork = await timedRotation(v1, v2other, [keys.b, keys.c], { at: at(1), signer: flow });
  const forked = parseBundleFile(release, 'release').bundle;
  const withFork = new TextEncoder().encode(attachRotations(release, [r12, fork, r23]));
  assert.equal(forked.rotations?.length, 2);
  const r = await verifyBundle({
    bundle: withFork,
    policy: v1.bytes,
    now: at(401),
    expect: RELEASES,
    followRotations: true,
  });
  assert.equal(r.report.outcome, 'rejected');
  assert.deepEqual(
    [r.report.failure?.check, r.report.failure?.code],
    ['rotation', 'rotation-fork'],
    JSON.stringify(r.report.failure),
  );
  assert.equal(r.newState, undefined);
  assert.equal(r.policy, undefined);
  // A gap: the rotation to v2 missing.
  const gap = await verifyBundle({
    bundle: attachRotations(release, [r23]),
    policy: v1.bytes,
    now: at(401),
    expect: RELEASES,
    followRotations: true,
  });
  assert.equal(gap.report.failure?.code, 'rotation-gap');
});

test('without followRotations the carried rotations are ignored; with it, the policy must be exact bytes', async () => {
  const ignored = await verifyBundle({ bundle: release, policy: v1.bytes, now: at(401), expect: RELEASES });
  assert.equal(ignored.report.failure?.code, 'primary-identity', 'the moved workflow is not v1 identity');
  assert.equal(ignored.rotations, undefined);
  const parsed = await verifyBundle({
    bundle: release,
    policy: JSON.parse(new TextDecoder().decode(v1.bytes)) as Record<string, unknown>,
    now: at(401),
    expect: RELEASES,
    followRotations: true,
  });
  assert.equal(parsed.report.outcome, 'error');
  assert.equal(parsed.error?.code, 'input-malformed');
  const notBoolean = await verifyBundle({
    bundle: release,
    policy: v1.bytes,
    expect: RELEASES,
    followRotations: 'yes' as unknown as boolean,
  });
  assert.equal(notBoolean.error?.code, 'input-malformed');
});

test('attachRotations: only to a countersigned bundle, only rotations, at most 16; none removes the field', async () => {
  assert.throws(() => attachRotations(release, [release]), { code: 'rotation-not-rotation' });
  assert.throws(
    () =>
      attachRotations(
        release,
        Array.from({ length: 17 }, () => r12),
      ),
    { code: 'too-large' },
  );
  const primaryOnly = await flow.sign(flow.statement());
  assert.throws(() => attachRotations(primaryOnly, [r12]), { code: 'bundle-malformed' });
  const none = attachRotations(release, []);
  assert.equal(parseBundleFile(new TextEncoder().encode(none), 'none').bundle.rotations, undefined);
  assert.ok(!none.includes('"rotations"'));
});

// The rotation walk across time and history (spec/ROTATION.md §5, §5.1): a link is judged at its
// own signing time, so rotations that expired since still link the chain; the newest is judged
// now (or a release verified under the result vouches for it); a countersignature cannot be
// dated before the primary's log time nor after now; the whole published history can be handed
// over, in any order; two documents for one version are a fork wherever they are.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { VerificationError } from '../../../../src/lib/basics/errors/errors.ts';
import { type PolicyDocument, followRotations } from '../../../../src/lib/flows/rotation/index.ts';
import { type Flow, type TestKey, forgeCountersigned, makeKey, startFlow } from '../../../../tools/flow.ts';
import { rotationStatement } from '../../../helpers/rotation-flow.ts';
import { DAY, timedPolicy, timedRotation } from '../../../helpers/timed-rotations.ts';

let flow: Flow;
let b: TestKey;
let bNext: TestKey;
let c: TestKey;
let v1: PolicyDocument;
let v2: PolicyDocument;
let v3: PolicyDocument;
let v4: PolicyDocument;
/** Issued at T0 (30 days), T0 + 100 days (30 days), T0 + 200 days (60 days). */
let r12: Uint8Array;
let r23: Uint8Array;
let r34: Uint8Array;
let T0: Date;
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const link = (bytes: Uint8Array, what: string) => ({ bytes, what });

before(async () => {
  flow = await startFlow();
  T0 = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000);
  b = flow.keys.b;
  c = flow.keys.c;
  bNext = makeKey('b-release-next', 'Org B');
  // b's window ends after it signed r12 and before the client wakes: valid when it signed.
  v1 = timedPolicy({ version: 1, root: flow, countersigners: [{ key: b, validUntil: at(50) }] });
  v2 = timedPolicy({ version: 2, root: flow, countersigners: [{ key: bNext, validUntil: at(150) }] });
  v3 = timedPolicy({ version: 3, root: flow, countersigners: [bNext, c], threshold: 2 });
  v4 = timedPolicy({ version: 4, root: flow, countersigners: [c] });
  r12 = await timedRotation(v1, v2, [b, bNext], { at: at(0), signer: flow });
  r23 = await timedRotation(v2, v3, [bNext, c], { at: at(100), signer: flow });
  r34 = await timedRotation(v3, v4, [bNext, c], { at: at(200), lifetimeDays: 60, signer: flow });
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

test('expired links, and keys whose window closed since they signed, still link the chain; the newest is judged now', async () => {
  // At T0 + 230 days r12 and r23 expired long ago, and b's and bNext's windows closed; r34 is current.
  const now = at(230);
  const walk = await followRotations(v1, [link(r12, 'r12'), link(r23, 'r23'), link(r34, 'r34')], { now });
  assert.equal(walk.result.digest, v4.digest);
  assert.deepEqual(
    walk.applied.map((a) => [a.toVersion, a.expired]),
    [
      [2, true],
      [3, true],
      [4, false],
    ],
  );
  // Each earlier link judged at its latest countersignature (6 minutes after issue), the newest now.
  assert.equal(walk.applied[0]?.judgedAt.getTime(), at(0).getTime() + 360_000);
  assert.equal(walk.applied[1]?.judgedAt.getTime(), at(100).getTime() + 360_000);
  assert.equal(walk.applied[2]?.judgedAt.getTime(), now.getTime());
  // The rule before (every link at now) refused it: r12 alone, as the newest, is judged now
  // (b's window closed, and the statement expired).
  const err = await refused(followRotations(v1, [link(r12, 'r12')], { now }), 'countersignature-key-expired');
  assert.match(err.message, /^r12: /);
});

test('an expired newest link is refused on its own, and accepted when a release verified under the result vouches for it', async () => {
  const now = at(400); // r34 expired too
  await refused(followRotations(v1, [link(r12, 'a'), link(r23, 'b'), link(r34, 'c')], { now }), 'statement-expired');
  const walk = await followRotations(v1, [link(r12, 'a'), link(r23, 'b'), link(r34, 'c')], {
    now,
    freshness: 'release',
  });
  assert.equal(walk.result.digest, v4.digest);
  assert.ok(walk.applied.every((a) => a.expired && a.judgedAt < now));
});

test('a link countersigned after now is judged now and refused (countersignature-time)', async () => {
  // r23 was countersigned at T0 + 100 days; a client whose clock says T0 + 50 days.
  await refused(
    followRotations(v1, [link(r12, 'r12'), link(r23, 'r23')], { now: at(50), freshness: 'release' }),
    'countersignature-time',
  );
});

test('a countersignature backdated before the primary existed is refused: a rotated-out key cannot revive an old link', async () => {
  // An attacker holding b (rotated out) countersigns a statement A signs today (a rotation to a
  // v2 of its choosing), dated inside b's old window and before the statement's log entry.
  const evil = timedPolicy({ version: 2, root: flow, countersigners: [b, c] });
  const primary = await flow.sign(rotationStatement(evil, { issuedAt: new Date(T0.getTime() - 2 * DAY) }));
  let bundle = await forgeCountersigned(primary, b.signer, { signedAt: new Date(T0.getTime() - DAY) });
  bundle = await forgeCountersigned(bundle, c.signer, { signedAt: new Date(T0.getTime() - DAY) });
  const err = await refused(
    followRotations(v1, [link(bundle, 'evil'), link(r23, 'r23')], { now: at(120), freshness: 'release' }),
    'countersignature-time',
  );
  assert.match(err.message, /before the primary signature existed/);
});

test('full histories: links already held are skipped, in any order; the history must lead to the pinned policy', async () => {
  const now = at(210);
  // A client at v3 handed everything, newest first: v1 -> v2 and v2 -> v3 are history, v3 -> v4 new.
  const walk = await followRotations(v3, [link(r34, 'r34'), link(r23, 'r23'), link(r12, 'r12')], { now });
  assert.equal(walk.result.digest, v4.digest);
  assert.deepEqual(walk.alreadyApplied, ['r12', 'r23']);
  assert.deepEqual(
    walk.applied.map((a) => a.what),
    ['r34'],
  );
  // Already current: nothing new, nothing refused.
  const current = await followRotations(v4, [link(r23, 'r23'), link(r12, 'r12'), link(r34, 'r34')], { now });
  assert.equal(current.applied.length, 0);
  assert.deepEqual(current.alreadyApplied, ['r12', 'r23', 'r34']);
  // Out of order from v1, with duplicates: sorted, deduplicated.
  const sorted = await followRotations(v1, [link(r34, 'a'), link(r12, 'b'), link(r23, 'c'), link(r12, 'd')], { now });
  assert.deepEqual(
    sorted.applied.map((a) => a.what),
    ['b', 'c', 'a'],
  );
  assert.deepEqual(sorted.alreadyApplied, ['d']);
  // History that does not reach the pinned policy: a downgrade, as before.
  await refused(followRotations(v3, [link(r12, 'r12')], { now }), 'rotation-downgrade');
  await refused(followRotations(v4, [link(r12, 'r12'), link(r34, 'r34')], { now }), 'rotation-downgrade');
  // A gap stays a gap, whatever the order.
  await refused(followRotations(v1, [link(r34, 'r34'), link(r12, 'r12')], { now }), 'rotation-gap');
});

test('forks: two documents for one version, held or not, ahead or in the history', async () => {
  const now = at(20); // both links to v2 current
  const v2other = timedPolicy({ version: 2, root: flow, countersigners: [b, c] });
  const fork12 = await timedRotation(v1, v2other, [b, c], { at: at(1), signer: flow });
  // Ahead of the client, in either order: each verifies under v1, so the authority signed two successors.
  await refused(followRotations(v1, [link(fork12, 'fork'), link(r12, 'r12')], { now }), 'rotation-fork');
  await refused(followRotations(v1, [link(r12, 'r12'), link(fork12, 'fork')], { now }), 'rotation-fork');
  // At the pinned version, and in the history below it.
  await refused(followRotations(v2, [link(fork12, 'fork')], { now }), 'rotation-fork');
  await refused(
    followRotations(v3, [link(r12, 'r12'), link(fork12, 'fork'), link(r23, 'r23')], { now: at(210) }),
    'rotation-fork',
  );
});

test('issue 13: links are read as the walk reaches them, and the bytes of one walk are capped', async () => {
  const now = at(20);
  // Given in order, the first link decides: an edited r12 is refused with its own code, and the
  // bundle after it, not even JSON, is never read (read first, it would be refused as malformed).
  const bundle = JSON.parse(new TextDecoder().decode(r12)) as {
    primary: { dsseEnvelope: { signatures: { sig: string }[] } };
  };
  const signature = bundle.primary.dsseEnvelope.signatures[0]!;
  const sig = Buffer.from(signature.sig, 'base64');
  sig[sig.length - 1]! ^= 1;
  signature.sig = sig.toString('base64');
  const edited = new TextEncoder().encode(JSON.stringify(bundle));
  const junk = new TextEncoder().encode('not a bundle');
  const first = await refused(
    followRotations(v1, [link(edited, 'edited'), link(junk, 'junk')], { now }),
    'primary-timestamp',
  );
  assert.match(first.message, /^edited: /);
  // Out of order, what comes before the next version is read first: then the junk decides.
  await refused(followRotations(v1, [link(junk, 'junk'), link(edited, 'edited')], { now }), 'malformed-json');
  // The byte cap is checked before anything is read.
  const capped = await refused(
    followRotations(v1, [link(r12, 'r12'), link(r23, 'r23')], { now, maxChainBytes: r12.length + r23.length - 1 }),
    'rotation-chain-too-long',
  );
  assert.match(capped.message, /bytes of rotations given, more than the cap of/);
  const walk = await followRotations(v1, [link(r12, 'r12'), link(r23, 'r23')], {
    now: at(110),
    maxChainBytes: r12.length + r23.length,
  });
  assert.equal(walk.result.digest, v3.digest);
});

// followPolicyRotations, the client library's rotation walk (src/client/rotations.ts,
// docs/client.md): on the spec/vectors rotation story (v1 -> v2 -> v3), it installs what
// `countersign policy update` installs, byte for byte; a release of the moved workflow then
// verifies under the new policy and not under the old one; it is idempotent; every refusal
// is "rejected" with the code and the bundle named, and nothing to persist; unusable
// arguments are "error" with a code, never a throw. (Every vector with rotations/ also runs
// through it in test/client/verify.test.ts, the browser build and Chromium.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  STATE_MEDIA_TYPE,
  followPolicyRotations,
  verifyBundle,
  type FollowPolicyRotationsInput,
  type FollowPolicyRotationsResult,
} from '../../src/client/index.ts';
import { followRotations, policyDocument } from '../../src/lib/flows/rotation/index.ts';
import { parseState } from '../../src/lib/formats/state/state.ts';
import { loadClientVectors } from '../helpers/client-vectors.ts';

const cases = loadClientVectors();
const byName = (name: string) => cases.find((c) => c.name === name)!;
const chain = byName('rotation-chain-v1-to-v3');
const now = new Date(chain.expected.verifyAt);
const [toV2, toV3] = chain.rotations!.map((r) => r.bytes) as [Uint8Array, Uint8Array];
const hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const decode = (b: Uint8Array) => new TextDecoder().decode(b);
/** The policies of the rotation story allow two streams: the app verifies releases (issue 13 F8). */
const RELEASES = { stream: 'acme/app:stable' };

function followed(r: FollowPolicyRotationsResult) {
  assert.ok(
    r.outcome === 'updated' || r.outcome === 'unchanged',
    `expected the chain followed, found ${JSON.stringify(r.outcome === 'rejected' ? r.failure : r.outcome === 'error' ? r.error : r)}`,
  );
  return r;
}

function rejected(r: FollowPolicyRotationsResult) {
  assert.equal(r.outcome, 'rejected', JSON.stringify(r.outcome === 'error' ? r.error : r.outcome));
  assert.ok(r.outcome === 'rejected');
  assert.equal('policy' in r || 'newState' in r, false, 'nothing to persist on a refusal');
  return r.failure;
}

test('v1 -> v2 -> v3: the very policy `policy update` installs; the moved release verifies under it and not under v1', async () => {
  const r = followed(await followPolicyRotations({ policy: chain.policy, rotations: [toV2, toV3], now }));
  assert.equal(r.outcome, 'updated');
  assert.equal(r.version, 3);
  assert.equal(r.digest, hex(r.policy));
  assert.deepEqual(
    r.applied.map((a) => [a.what, a.fromVersion, a.toVersion, a.report.outcome]),
    [
      ['rotations[0]', 1, 2, 'verified'],
      ['rotations[1]', 2, 3, 'verified'],
    ],
  );
  assert.deepEqual(r.alreadyApplied, []);
  // Byte for byte the walk of the CLI (the same function underneath, not a re-implementation).
  const cli = await followRotations(
    policyDocument(chain.policy, 'policy.json'),
    [
      { bytes: toV2, what: 'a' },
      { bytes: toV3, what: 'b' },
    ],
    { now },
  );
  assert.deepEqual(r.policy, cli.result.bytes);
  // A fresh client gets a state that records the policy version, and no stream yet.
  parseState(new TextEncoder().encode(r.newState), 'newState');
  assert.deepEqual(JSON.parse(r.newState), { mediaType: STATE_MEDIA_TYPE, policyVersion: 3, streams: {} });

  const release = await verifyBundle({
    bundle: chain.bundle,
    policy: r.policy,
    state: r.newState,
    now,
    expect: RELEASES,
  });
  assert.equal(release.report.outcome, 'verified');
  assert.equal(parseState(new TextEncoder().encode(release.newState), 'state').policyVersion, 3);
  const underV1 = await verifyBundle({ bundle: chain.bundle, policy: chain.policy, now, expect: RELEASES });
  assert.equal(underV1.report.failure?.code, 'primary-identity', 'the release needs the rotations');
  // The state now refuses the rotated-out v1 policy put back.
  const putBack = await verifyBundle({
    bundle: byName('happy-path').bundle,
    policy: chain.policy,
    state: r.newState,
    now,
    expect: RELEASES,
  });
  assert.equal(putBack.report.failure?.code, 'policy-rollback');
});

test('idempotent: repeats are skipped, a client part-way along follows the rest, the state keeps its streams', async () => {
  const v2 = followed(await followPolicyRotations({ policy: chain.policy, rotations: [toV2], now }));
  assert.equal(v2.version, 2);
  const state =
    '{"mediaType": "application/vnd.countersign.state.v1+json", "policyVersion": 2, "streams": {"acme/app:stable": {"version": 6, "statementDigest": "' +
    'ab'.repeat(32) +
    '"}}}';
  const rest = followed(await followPolicyRotations({ policy: v2.policy, rotations: [toV2, toV3], state, now }));
  assert.equal(rest.outcome, 'updated');
  assert.deepEqual(rest.alreadyApplied, ['rotations[0]']);
  assert.deepEqual(
    rest.applied.map((a) => [a.fromVersion, a.toVersion]),
    [[2, 3]],
  );
  assert.deepEqual(JSON.parse(rest.newState), {
    mediaType: STATE_MEDIA_TYPE,
    policyVersion: 3,
    streams: { 'acme/app:stable': { version: 6, statementDigest: 'ab'.repeat(32) } },
  });

  // The rotation that made the current policy, given again: a repeat, skipped.
  const mine = rest.policy.slice();
  const again = followed(await followPolicyRotations({ policy: mine, rotations: [toV3], now }));
  assert.equal(again.outcome, 'unchanged');
  assert.deepEqual(again.alreadyApplied, ['rotations[0]']);
  assert.deepEqual(again.applied, []);
  // The whole history, newest first: what the client holds is skipped (spec/ROTATION.md §5 step 3).
  const history = followed(await followPolicyRotations({ policy: mine, rotations: [toV3, toV2], now }));
  assert.equal(history.outcome, 'unchanged');
  assert.deepEqual(history.alreadyApplied, ['rotations[1]', 'rotations[0]']);
  // History that does not lead to the pinned policy is a downgrade.
  assert.equal(
    rejected(await followPolicyRotations({ policy: mine, rotations: [toV2], now })).code,
    'rotation-downgrade',
  );
  mine.fill(0);
  assert.deepEqual(again.policy, rest.policy, "the policy returned is a copy, not the app's buffer");
  const none = followed(await followPolicyRotations({ policy: rest.policy, rotations: [], now }));
  assert.equal(none.outcome, 'unchanged');
  assert.deepEqual(none.policy, rest.policy);
});

test('text and named bundles: the same walk, the names in the report', async () => {
  const r = followed(
    await followPolicyRotations({
      policy: decode(chain.policy),
      rotations: [decode(toV2), { name: 'https://acme.example/rot/3.json', bytes: toV3 }],
      now,
    }),
  );
  assert.equal(r.version, 3);
  assert.deepEqual(
    r.applied.map((a) => a.what),
    ['rotations[0]', 'https://acme.example/rot/3.json'],
  );
  const bytes = followed(await followPolicyRotations({ policy: chain.policy, rotations: [toV2, toV3], now }));
  assert.deepEqual(r.policy, bytes.policy);
});

test("refused: each code, the bundle named, the pipeline's report when it ran, nothing to persist", async () => {
  for (const name of ['rotation-chain-fork_fail', 'rotation-chain-gap_fail', 'rotation-chain-downgrade_fail']) {
    const c = byName(name);
    const failure = rejected(
      await followPolicyRotations({
        policy: c.policy,
        rotations: c.rotations!,
        state: c.state ?? null,
        now: new Date(c.expected.verifyAt),
      }),
    );
    assert.equal(failure.code, c.expected.code, name);
    assert.equal(failure.rotation, c.rotations!.at(-1)!.name, name);
    assert.ok(failure.message.startsWith(`${failure.rotation}: `), failure.message);
  }
  // A rotation the pipeline rejects: the added key did not countersign.
  const pop = byName('rotation-missing-new-key-countersignature_fail');
  const f = rejected(await followPolicyRotations({ policy: pop.policy, rotations: [pop.bundle], now }));
  assert.equal(f.code, 'rotation-proof-of-possession');
  assert.equal(f.rotation, 'rotations[0]');
  assert.equal(f.report?.outcome, 'rejected');
  assert.equal(f.report?.failure?.code, 'rotation-proof-of-possession');
  // A release handed over as a rotation, bytes that are no bundle, an expired rotation.
  const happy = byName('happy-path');
  assert.equal(
    rejected(await followPolicyRotations({ policy: happy.policy, rotations: [happy.bundle], now })).code,
    'rotation-not-rotation',
  );
  assert.equal(
    rejected(await followPolicyRotations({ policy: chain.policy, rotations: [toV2, 'not json'], now })).rotation,
    'rotations[1]',
  );
  assert.equal(
    rejected(
      await followPolicyRotations({ policy: chain.policy, rotations: [toV2], now: new Date('2099-01-01T00:00:00Z') }),
    ).code,
    'statement-expired',
  );
  // Refusals of the whole input: no bundle named.
  const rollback = rejected(
    await followPolicyRotations({
      policy: chain.policy,
      rotations: [toV2],
      state: '{"mediaType": "application/vnd.countersign.state.v1+json", "policyVersion": 3, "streams": {}}',
      now,
    }),
  );
  assert.equal(rollback.code, 'policy-rollback');
  assert.equal(rollback.rotation, undefined);
  const long = rejected(
    await followPolicyRotations({ policy: chain.policy, rotations: Array.from({ length: 65 }, () => toV2), now }),
  );
  assert.equal(long.code, 'rotation-chain-too-long');
  assert.equal(long.rotation, undefined);
});

test('F4 followPolicyRotations reports a non-base64 DSSE payload, never throws', async () => {
  // The walk reads each rotation's new policy before verifying it; it decoded the payload with
  // atob, whose InvalidCharacterError (a DOMException) escaped followPolicyRotations (issue 13).
  const bundle = JSON.parse(decode(toV2)) as { primary: { dsseEnvelope: { payload: string } } };
  const { payload } = bundle.primary.dsseEnvelope;
  const withPayload = (edited: string) =>
    new TextEncoder().encode(
      JSON.stringify({
        ...bundle,
        primary: { ...bundle.primary, dsseEnvelope: { ...bundle.primary.dsseEnvelope, payload: edited } },
      }),
    );
  const edits: [string, (payload: string) => string][] = [
    ['a character outside base64', (p) => `${p.slice(0, 8)}!${p.slice(8)}`],
    ['a stray "."', (p) => `${p.slice(0, 8)}.${p.slice(8)}`],
    ['a line break (atob skipped it)', (p) => `${p.slice(0, 8)}\n${p.slice(8)}`],
    ['no padding', (p) => p.replace(/=+$/, '')],
  ];
  for (const [label, edit] of edits) {
    if (edit(payload) === payload) continue; // no padding to strip
    const bytes = withPayload(edit(payload));
    const failure = rejected(await followPolicyRotations({ policy: chain.policy, rotations: [bytes], now }));
    assert.equal(failure.code, 'primary-malformed', label);
    assert.equal(failure.rotation, 'rotations[0]', label);
    assert.equal(
      failure.message,
      'rotations[0]: $.primary.dsseEnvelope.payload: expected canonical base64 (RFC 4648 §4, padded), found other text',
      label,
    );
    // The same bundle through the whole pipeline: refused at the primary check (spec/ATTACKS.md P19), same code.
    const report = (
      await verifyBundle({ bundle: bytes, policy: chain.policy, now, expect: { stream: 'acme/app:policy' } })
    ).report;
    assert.deepEqual([report.failure?.check, report.failure?.code], ['primary', 'primary-malformed'], label);
  }
});

test('unusable arguments are outcome "error" with a code, never a throw', async () => {
  const base: FollowPolicyRotationsInput = { policy: chain.policy, rotations: [toV2], now };
  const bad: [string, unknown, string][] = [
    ['input null', null, 'input-malformed'],
    [
      'policy as parsed JSON (its exact bytes are needed)',
      { ...base, policy: JSON.parse(decode(chain.policy)) as unknown },
      'input-malformed',
    ],
    ['policy missing', { ...base, policy: undefined }, 'input-malformed'],
    ['policy not a policy', { ...base, policy: 'nope' }, 'policy-malformed'],
    ['rotations not an array', { ...base, rotations: toV2 }, 'input-malformed'],
    ['a rotation of another type', { ...base, rotations: [42] }, 'input-malformed'],
    ['a named rotation without bytes', { ...base, rotations: [{ name: 'x' }] }, 'input-malformed'],
    ['a named rotation with an empty name', { ...base, rotations: [{ name: '', bytes: toV2 }] }, 'input-malformed'],
    [
      'state malformed',
      { ...base, state: '{"mediaType": "application/vnd.countersign.state.v1+json"}' },
      'state-malformed',
    ],
    ['now not a date', { ...base, now: new Date('nope') }, 'input-malformed'],
  ];
  for (const [label, input, code] of bad) {
    const r = await followPolicyRotations(input as FollowPolicyRotationsInput);
    assert.equal(r.outcome, 'error', label);
    assert.ok(r.outcome === 'error');
    assert.equal(r.error.code, code, `${label}: ${r.error.message}`);
  }
});

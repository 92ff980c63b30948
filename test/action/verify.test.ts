// verify/action.yml alone, as a required status check, on bundles the gate made and on
// forged ones; and the GitHub release round trip: upload-to-release in the gate, then
// `bundle: release:TAG` in a consumer's verify step, against the local GitHub API.
import assert from 'node:assert/strict';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parsePrivateKeyPem } from '../../src/lib/basics/crypto/ed25519-keys.ts';
import { seedSigner } from '../../src/lib/basics/crypto/signer.ts';
import { type Fixture, REPOSITORY, STREAM, startFixture, transcript } from './harness/fixture.ts';
import type { ActionRun } from './harness/runner.ts';
import { forgeCountersigned, readBundle, writeBundle } from '../../tools/flow.ts';

let f: Fixture;
/** Countersigned by B (verified), v1. */
let goodBundle: string;
/** A primary alone, v2 (another signature over another statement). */
let otherPrimary: string;

const errors = (run: ActionRun) =>
  run.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n');
const gateInputs = (extra: Record<string, string>) => ({
  kind: 'binary-digest',
  'subject-path': 'release/*',
  stream: STREAM,
  policy: 'policy.json',
  sigstore: 'stack.json',
  ...extra,
});

before(async () => {
  f = await startFixture();
  f.api.addRelease(REPOSITORY, 'v1.0.0');
  const [good, pending] = await Promise.all([
    f.run('', gateInputs({ version: '1', 'countersign-key': f.keys.b.privateKeyPem, 'upload-to-release': 'true' }), {
      ref: 'refs/tags/v1.0.0',
    }),
    f.run('', gateInputs({ version: '2', 'bundle-path': 'unused.json' })),
  ]);
  assert.equal(good.success, true, transcript(good));
  assert.equal(pending.outputs.outcome, 'pending-countersign', transcript(pending));
  goodBundle = good.outputs['bundle-path']!;
  otherPrimary = pending.steps.find((s) => s.id === 'sign')!.outputs['bundle-path']!;
});
after(async () => {
  await f?.close();
});

async function verify(bundle: string, extra: Record<string, string> = {}): Promise<ActionRun> {
  return f.run('verify', { bundle, policy: 'policy.json', ...extra }, { idToken: false });
}

test('verify alone passes on the countersigned bundle and its files (a required check that passes)', async () => {
  const run = await verify(goodBundle, { 'subject-path': 'release/*' });
  assert.equal(run.success, true, transcript(run));
  assert.deepEqual(
    { verified: run.outputs.verified, outcome: run.outputs.outcome },
    { verified: 'true', outcome: 'verified' },
  );
  assert.match(run.summary, /verified: both signatures hold/);
  assert.deepEqual(run.leaks, []);
});

test('F6 action state records the policy version: the state input keeps it, so an old policy put back is refused (policy-rollback), as with verify --state', async () => {
  // The same policy at version 2 (a later policy the client moved to), then version 1 put back.
  const policy = JSON.parse(await readFile(join(f.workspace, 'policy.json'), 'utf8')) as { version: number };
  assert.equal(policy.version, 1);
  await writeFile(join(f.workspace, 'policy-v2.json'), JSON.stringify({ ...policy, version: 2 }, null, 2));
  const state = join(f.workspace, 'f6-state.json');
  const first = await verify(goodBundle, { policy: 'policy-v2.json', state: 'f6-state.json' });
  assert.equal(first.outputs.outcome, 'verified', transcript(first));
  const recorded = JSON.parse(await readFile(state, 'utf8')) as {
    policyVersion?: number;
    streams: Record<string, { version: number }>;
  };
  assert.deepEqual([recorded.policyVersion, recorded.streams[STREAM]?.version], [2, 1]);
  const back = await verify(goodBundle, { policy: 'policy.json', state: 'f6-state.json' });
  assert.equal(back.success, false);
  assert.equal(back.outputs.outcome, 'rejected');
  assert.match(errors(back), /rejected by the statement check \[policy-rollback\]/);
  assert.deepEqual(JSON.parse(await readFile(state, 'utf8')), recorded, 'a rejection leaves the state file as it was');
});

test('verify alone fails when a release file changed after signing', async () => {
  await cp(join(f.workspace, 'release'), join(f.workspace, 'tampered'), { recursive: true });
  await writeFile(join(f.workspace, 'tampered', 'app-linux-amd64'), 'a backdoored binary\n');
  const run = await f.run(
    'verify',
    { bundle: goodBundle, policy: 'policy.json', 'subject-path': 'tampered/*' },
    { idToken: false },
  );
  assert.equal(run.success, false);
  assert.equal(run.outputs.outcome, 'rejected');
  assert.match(
    errors(run),
    /rejected by the subjects check \[subject-unexpected-file\]|rejected by the subjects check \[subject-digest\]/,
  );
  assert.match(run.summary, /❌ fail/);
});

test('the gate rejects a countersignature from a key the policy does not pin', async () => {
  const rogue = parsePrivateKeyPem(f.keys.rogue.privateKeyPem, 'rogue');
  const forged = await forgeCountersigned(
    new Uint8Array(await readFile(otherPrimary)),
    seedSigner(rogue.seed, rogue.keyId),
  );
  await writeFile(join(f.workspace, 'rogue.bundle.json'), forged);
  const run = await verify('rogue.bundle.json');
  assert.equal(run.success, false);
  assert.deepEqual(
    { verified: run.outputs.verified, outcome: run.outputs.outcome },
    { verified: 'false', outcome: 'rejected' },
  );
  assert.match(errors(run), /rejected by the countersignatures check \[countersignature-unpinned-key\]/);
  assert.match(run.summary, /What to do next[\s\S]*does not pin/);
  const report = JSON.parse(await readFile(run.outputs.report!, 'utf8')) as { failure: { code: string } };
  assert.equal(report.failure.code, 'countersignature-unpinned-key');
});

test("the gate rejects B's genuine countersignature moved onto a different primary", async () => {
  const genuine = readBundle(new Uint8Array(await readFile(goodBundle)));
  const other = readBundle(new Uint8Array(await readFile(otherPrimary)));
  await writeFile(
    join(f.workspace, 'transplanted.bundle.json'),
    writeBundle({ ...other, countersignatures: genuine.countersignatures }),
  );
  const run = await verify('transplanted.bundle.json');
  assert.equal(run.success, false);
  assert.equal(run.outputs.outcome, 'rejected');
  assert.match(errors(run), /rejected by the countersignatures check \[countersignature-binding\]/);
  assert.match(run.summary, /does not bind this bundle/);
});

test('F8 the stream input: under a policy of stable and beta, a genuine beta bundle is rejected when stable is expected; without the input the step cannot run (outcome error)', async () => {
  const BETA = 'acme/app:beta';
  const policy = JSON.parse(await readFile(join(f.workspace, 'policy.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(
    join(f.workspace, 'policy-both.json'),
    JSON.stringify({ ...policy, streams: [STREAM, BETA] }, null, 2),
  );
  // The gate itself passes its stream to its verify step: a beta release under the two-stream policy.
  const gated = await f.run(
    '',
    gateInputs({
      version: '1',
      stream: BETA,
      policy: 'policy-both.json',
      'countersign-key': f.keys.b.privateKeyPem,
      'bundle-path': 'beta.bundle.json',
    }),
  );
  assert.equal(gated.success, true, transcript(gated));
  const beta = gated.outputs['bundle-path']!;

  const replay = await verify(beta, { policy: 'policy-both.json', stream: STREAM });
  assert.equal(replay.success, false);
  assert.equal(replay.outputs.outcome, 'rejected');
  assert.match(errors(replay), /rejected by the statement check \[statement-stream-unexpected\]/);

  const [unasked, unknown, asked] = await Promise.all([
    verify(beta, { policy: 'policy-both.json' }),
    verify(beta, { policy: 'policy-both.json', stream: 'acme/app:nightly' }),
    verify(beta, { policy: 'policy-both.json', stream: BETA, kind: 'binary-digest' }),
  ]);
  assert.equal(unasked.success, false);
  assert.equal(unasked.outputs.outcome, 'error');
  assert.match(
    errors(unasked),
    /the policy allows 2 streams \(acme\/app:stable, acme\/app:beta\): say which one you expect with the stream input/,
  );
  assert.equal(unknown.outputs.outcome, 'error');
  assert.match(errors(unknown), /the stream input names a stream the policy does not allow: "acme\/app:nightly"/);
  assert.equal(asked.outputs.outcome, 'verified', transcript(asked));
});

test('verify that cannot run (no such policy) fails with outcome error and names the input', async () => {
  const run = await f.run('verify', { bundle: goodBundle, policy: 'missing-policy.json' }, { idToken: false });
  assert.equal(run.success, false);
  assert.equal(run.outputs.outcome, 'error');
  assert.match(errors(run), /missing-policy\.json/);
  assert.match(run.summary, /could not verify/);
});

test("upload-to-release attached the verified bundle to the tag's release, and release:TAG verifies it", async () => {
  const release = f.api.releases.find((r) => r.tag === 'v1.0.0')!;
  assert.deepEqual(
    release.assets.map((a) => a.name),
    ['countersign.bundle.json'],
  );
  assert.deepEqual(release.assets[0]!.data, await readFile(goodBundle));
  const run = await verify('release:v1.0.0', { 'subject-path': 'release/*' });
  assert.equal(run.success, true, transcript(run));
  assert.equal(run.outputs.outcome, 'verified');
  assert.ok(
    f.api.requests.some((r) => r.startsWith('GET /download/')),
    'followed the asset redirect',
  );
  assert.deepEqual(run.leaks, [], 'the GitHub token is never printed');

  const other = await verify(`release:${REPOSITORY}@v1.0.0#countersign.bundle.json`);
  assert.equal(other.outputs.outcome, 'verified', transcript(other));
  const missing = await verify('release:v9.9.9');
  assert.equal(missing.success, false);
  assert.match(errors(missing), /the release of tag v9\.9\.9 in acme\/app: GitHub API answered HTTP 404/);
});

test('upload-to-release outside a tag run fails and says why; the bundle is not published', async () => {
  const run = await f.run(
    '',
    gateInputs({
      version: '5',
      'countersign-key': f.keys.b.privateKeyPem,
      'upload-to-release': 'true',
      'bundle-path': 'v5.bundle.json',
    }),
  );
  assert.equal(run.success, false);
  assert.equal(run.steps.find((s) => s.id === 'verify')?.outcome, 'success');
  assert.match(
    errors(run),
    /expected a run for a tag \(GITHUB_REF refs\/tags\/\.\.\.\), found GITHUB_REF="refs\/heads\/main"/,
  );
});

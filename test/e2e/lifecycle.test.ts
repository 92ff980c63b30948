// The trust lifecycle through the CLI (docs/lifecycle.md): `build --kind authority-rotation`,
// `policy update` over a chain (all or nothing, atomic), `verify --state` against rollback of
// statements and of the policy, expiry (the expiry and the current time in the message, the
// clock-skew allowance, the policy's lifetime cap) and m-of-n reporting (which organisations
// signed, which are missing) in the human report and the JSON.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPipeline } from '../../src/lib/pipeline/run.ts';
import { parseState } from '../../src/lib/formats/state/state.ts';
import { type Flow, type TestKey, forgeCountersigned, makeKey, startFlow } from '../../tools/flow.ts';
import { MOVED_WORKFLOW, policyBytes, policyDoc, releaseBundle, rotationBundle } from '../helpers/rotation-flow.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let flow: Flow;
let bNew: TestKey;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['src/cli/main.ts', ...args], { cwd: ROOT, timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

before(async () => {
  flow = await startFlow();
  bNew = makeKey('b-release-2027', 'Org B');
});

after(async () => {
  await flow?.close();
});

const path = (name: string) => join(flow.dir, name);
/** The rotation story's policies allow two streams (releases and rotations): verify says which it expects (issue 13 F8). */
const RELEASES = ['--stream', 'acme/app:stable'];

test('build --kind authority-rotation, then policy update: v1 -> v2 -> v3 written atomically; refusals write nothing', async () => {
  const fallback = { keys: [makeKey('b-recovery', 'Org B')] };
  await writeFile(path('v1.json'), policyBytes(flow, { version: 1, countersigners: [flow.keys.b], fallback }));
  await writeFile(path('v2.json'), policyBytes(flow, { version: 2, countersigners: [bNew], fallback }));
  await writeFile(
    path('v3.json'),
    policyBytes(flow, { version: 3, countersigners: [bNew, flow.keys.c], threshold: 2, workflow: MOVED_WORKFLOW }),
  );

  const built = await cli([
    'build',
    '--kind',
    'authority-rotation',
    '--policy',
    path('v2.json'),
    '--current',
    path('v1.json'),
    '--stream',
    'acme/app:policy',
    '--out',
    path('r12.statement.json'),
  ]);
  assert.equal(built.code, 0, built.stderr);
  const statement = JSON.parse(await readFile(path('r12.statement.json'), 'utf8')) as {
    subject: { name: string }[];
    predicate: { version: number; kind: string; data: { policy: string } };
  };
  assert.equal(statement.predicate.kind, 'authority-rotation');
  assert.equal(statement.predicate.version, 2, 'the statement version is the new policy version');
  assert.deepEqual(
    statement.subject.map((s) => s.name),
    ['v2.json'],
  );
  assert.deepEqual(Buffer.from(statement.predicate.data.policy, 'base64'), await readFile(path('v2.json')));
  // build checks the version rule early when --current is given.
  const early = await cli([
    'build',
    '--kind',
    'authority-rotation',
    '--policy',
    path('v3.json'),
    '--current',
    path('v1.json'),
    '--stream',
    'acme/app:policy',
    '--out',
    path('never.json'),
  ]);
  assert.equal(early.code, 2);
  assert.match(early.stderr, /rotation-gap|skipping from the current version 1/);

  const v1 = policyDoc(flow, { version: 1, countersigners: [flow.keys.b], fallback });
  const v2 = policyDoc(flow, { version: 2, countersigners: [bNew], fallback });
  const v3 = policyDoc(flow, {
    version: 3,
    countersigners: [bNew, flow.keys.c],
    threshold: 2,
    workflow: MOVED_WORKFLOW,
  });
  let r12 = await flow.sign(new Uint8Array(await readFile(path('r12.statement.json'))));
  for (const key of [flow.keys.b, bNew]) r12 = await flow.countersign(r12, key, { policy: v1.policy });
  await writeFile(path('r12.json'), r12);
  await writeFile(path('r23.json'), await rotationBundle(flow, v2, v3, [bNew, flow.keys.c]));
  await writeFile(path('r12-no-proof.json'), await rotationBundle(flow, v1, v2, [flow.keys.b]));

  // A refused link writes nothing, and says which rotation and why.
  await writeFile(path('pinned.json'), await readFile(path('v1.json')));
  const refused = await cli([
    'policy',
    'update',
    '--current',
    path('pinned.json'),
    '--rotation',
    path('r12-no-proof.json'),
    '--out',
    path('pinned.json'),
  ]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /refused \[rotation-proof-of-possession\]: .*r12-no-proof\.json/);
  assert.deepEqual(await readFile(path('pinned.json')), await readFile(path('v1.json')));
  const gap = await cli([
    'policy',
    'update',
    '--current',
    path('pinned.json'),
    '--rotation',
    path('r23.json'),
    '--out',
    path('pinned.json'),
  ]);
  assert.equal(gap.code, 1);
  assert.match(gap.stderr, /\[rotation-gap\]/);

  // The chain, in place, with state: the policy file becomes v3 byte for byte, the state records it.
  const ok = await cli([
    'policy',
    'update',
    '--current',
    path('pinned.json'),
    '--rotation',
    path('r12.json'),
    '--rotation',
    path('r23.json'),
    '--out',
    path('pinned.json'),
    '--state',
    path('client-state.json'),
  ]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stderr, /policy version 1 -> 2 .*added keys proved: b-release-2027/);
  assert.match(ok.stderr, /updated from version 1 to 3/);
  assert.deepEqual(await readFile(path('pinned.json')), await readFile(path('v3.json')));
  assert.equal(parseState(await readFile(path('client-state.json')), 'state').policyVersion, 3);
  const again = await cli([
    'policy',
    'update',
    '--current',
    path('pinned.json'),
    '--rotation',
    path('r23.json'),
    '--out',
    path('pinned.json'),
  ]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /already at version 3/);
  // The old policy put back: refused by the state (policy rollback) in update and in verify.
  const back = await cli([
    'policy',
    'update',
    '--current',
    path('v1.json'),
    '--rotation',
    path('r12.json'),
    '--out',
    path('x.json'),
    '--state',
    path('client-state.json'),
  ]);
  assert.equal(back.code, 1);
  assert.match(back.stderr, /\[policy-rollback\]/);
  await writeFile(path('release-v1.json'), await releaseBundle(flow, v1, [flow.keys.b]));
  const stale = await cli([
    'verify',
    ...RELEASES,
    path('release-v1.json'),
    '--policy',
    path('v1.json'),
    '--state',
    path('client-state.json'),
  ]);
  assert.equal(stale.code, 1);
  assert.match(stale.stdout, /\[policy-rollback\] the policy is version 1, older than version 3/);
  // Under v3, a release of the moved workflow by B and C verifies; the human report names who signed.
  await writeFile(
    path('release-v3.json'),
    await releaseBundle(flow, v3, [bNew, flow.keys.c], { workflow: MOVED_WORKFLOW }),
  );
  const verified = await cli([
    'verify',
    ...RELEASES,
    path('release-v3.json'),
    '--policy',
    path('pinned.json'),
    '--state',
    path('client-state.json'),
  ]);
  assert.equal(verified.code, 0, verified.stdout + verified.stderr);
  assert.match(verified.stdout, /organisations signed: Org B, Org C \(2 of 2 required\); missing: none/);
});

test('verify --state: a lower version is rollback, the same version only for the same statement; the state records the policy version', async () => {
  const policyFile = path('state-policy.json');
  await writeFile(policyFile, policyBytes(flow, { version: 4, countersigners: [flow.keys.b] }));
  const policy = policyDoc(flow, { version: 4, countersigners: [flow.keys.b] });
  const bundle = async (version: number) => releaseBundle(flow, policy, [flow.keys.b], { version });
  await writeFile(path('v5.json'), await bundle(5));
  await writeFile(path('v5-other.json'), await bundle(5));
  await writeFile(path('v4.json'), await bundle(4));
  const state = path('rollback-state.json');
  const verify = (file: string) => cli(['verify', ...RELEASES, path(file), '--policy', policyFile, '--state', state]);
  assert.equal((await verify('v5.json')).code, 0);
  assert.deepEqual(parseState(await readFile(state), 'state').policyVersion, 4);
  assert.equal((await verify('v5.json')).code, 0, 'the same statement again');
  const reused = await verify('v5-other.json');
  assert.equal(reused.code, 1);
  assert.match(reused.stdout, /\[statement-version-reused\]/);
  const rolled = await verify('v4.json');
  assert.equal(rolled.code, 1);
  assert.match(
    rolled.stdout,
    /\[statement-rollback\] version 4 of acme\/app:stable is older than the last accepted version 5/,
  );
  assert.equal(
    parseState(await readFile(state), 'state').streams['acme/app:stable']?.version,
    5,
    'a rejection leaves the state as it was',
  );
});

test('freeze: expiry names the expiry and the current time, with a bounded skew; the policy caps the lifetime', async () => {
  const policy = policyDoc(flow, { version: 1, countersigners: [flow.keys.b] });
  const issuedAt = new Date(Date.now() - 3_600_000);
  const bytes = await flow
    .countersign(await flow.sign(flow.statement({ issuedAt, expiresIn: 1800 })), flow.keys.b, {
      policy: policy.policy,
      now: new Date(Date.now() + 60_000),
    })
    .catch(() => undefined);
  // B refuses to countersign an expired statement; a bundle made while it was valid:
  assert.equal(bytes, undefined, 'B does not countersign an expired statement');
  const live = await releaseBundle(flow, policy, [flow.keys.b]);
  const { report } = await runPipeline(live, { policy: policy.policy, trust: flow.trust });
  const expiresAt = report.statement!.expiresAt;
  const at = (offsetMs: number) => new Date(Date.parse(expiresAt) + offsetMs);
  // Within the skew (300 s by default): still accepted. Beyond it: statement-expired.
  assert.equal(
    (await runPipeline(live, { policy: policy.policy, trust: flow.trust, now: at(120_000) })).report.outcome,
    'verified',
  );
  const late = (await runPipeline(live, { policy: policy.policy, trust: flow.trust, now: at(301_000) })).report;
  assert.equal(late.failure?.code, 'statement-expired');
  assert.match(
    late.failure.message,
    new RegExp(`expired at ${expiresAt} \\(now ${at(301_000).toISOString().replace('.000Z', 'Z')}\\)`),
  );
  const strict = policyDoc(flow, { version: 1, countersigners: [flow.keys.b], limits: { clockSkewSeconds: 0 } });
  assert.equal(
    (await runPipeline(live, { policy: strict.policy, trust: flow.trust, now: at(1000) })).report.failure?.code,
    'statement-expired',
  );
  // The policy caps how long a statement may live: 30 days is over a 7-day cap.
  const capped = policyDoc(flow, {
    version: 1,
    countersigners: [flow.keys.b],
    limits: { maxStatementLifetimeSeconds: 7 * 86_400 },
  });
  const lifetime = (await runPipeline(live, { policy: capped.policy, trust: flow.trust })).report;
  assert.equal(lifetime.failure?.code, 'statement-lifetime');
});

test('m-of-n: 2 of {B, C, D}; a second key of one organisation or the same key twice counts once; the report names who is missing', async () => {
  const d = makeKey('d-release', 'Org D');
  const keys = [flow.keys.b, flow.keys.b2, flow.keys.c, d];
  const file = path('m-of-n.json');
  await writeFile(file, policyBytes(flow, { version: 1, countersigners: keys, threshold: 2 }));
  const policy = policyDoc(flow, { version: 1, countersigners: keys, threshold: 2 });
  const primary = await flow.sign(flow.statement());
  const byBD = await flow.countersign(await flow.countersign(primary, flow.keys.b, { policy: policy.policy }), d, {
    policy: policy.policy,
  });
  await writeFile(path('bd.json'), byBD);
  const ok = await cli(['verify', ...RELEASES, path('bd.json'), '--policy', file]);
  assert.equal(ok.code, 0, ok.stdout);
  assert.match(ok.stdout, /organisations signed: Org B, Org D \(2 of 2 required\); missing: Org C/);
  const json = JSON.parse((await cli(['verify', ...RELEASES, path('bd.json'), '--policy', file, '--json'])).stdout) as {
    countersigners: { organisations: string[]; missing: string[]; threshold: number };
  };
  assert.deepEqual(
    [json.countersigners.organisations, json.countersigners.missing, json.countersigners.threshold],
    [['Org B', 'Org D'], ['Org C'], 2],
  );

  const byBB = await flow.countersign(
    await flow.countersign(primary, flow.keys.b, { policy: policy.policy }),
    flow.keys.b2,
    { policy: policy.policy },
  );
  await writeFile(path('bb.json'), byBB);
  const one = await cli(['verify', ...RELEASES, path('bb.json'), '--policy', file]);
  assert.equal(one.code, 1);
  assert.match(
    one.stdout,
    /\[countersignature-threshold\] countersigned by 1 distinct organisation\(s\), the policy requires 2/,
  );
  assert.match(one.stdout, /organisations signed: Org B \(1 of 2 required\); missing: Org C, Org D/);
  const twice = await forgeCountersigned(
    await flow.countersign(primary, flow.keys.b, { policy: policy.policy }),
    flow.keys.b.signer,
  );
  const { report } = await runPipeline(twice, { policy: policy.policy, trust: flow.trust });
  assert.equal(report.failure?.code, 'countersignature-duplicate');
});

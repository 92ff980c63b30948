// Issue 13 finding 1 (spec/ROTATION.md §3.1): the action's countersign step never countersigns an
// authority rotation on its own. With countersign-key it prints what the new policy changes and
// needs the input approve-rotation, equal to the digest of the policy the rotation carries;
// approve-rotation never goes with countersign-url (B's service refuses rotations).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, VerificationError } from '../../src/lib/basics/errors/errors.ts';
import { readCountersignInputs, runCountersign, type CountersignInputs } from '../../src/action/countersign.ts';
import { type Flow, type TestKey, makeKey, readBundle, startFlow } from '../../tools/flow.ts';
import { policyBytes, policyDoc, rotationStatement, RELEASE_WORKFLOW } from '../helpers/rotation-flow.ts';

let flow: Flow;
let bNew: TestKey;
const at = (name: string) => join(flow.dir, name);

before(async () => {
  flow = await startFlow();
  bNew = makeKey('b-release-2027', 'Org B');
  await writeFile(at('v1.json'), policyBytes(flow, { version: 1, countersigners: [flow.keys.b] }));
  const v2 = policyDoc(flow, { version: 2, countersigners: [bNew] });
  await writeFile(at('rotation.json'), await flow.sign(rotationStatement(v2), { jobWorkflowRef: RELEASE_WORKFLOW }));
});
after(async () => {
  await flow?.close();
});

const inputs = (o: Partial<CountersignInputs>): CountersignInputs => ({
  bundle: at('rotation.json'),
  policy: at('v1.json'),
  countersignUrl: undefined,
  countersignKey: flow.keys.b.privateKeyPem,
  bundlePath: at('out.json'),
  approveRotation: undefined,
  ...o,
});

test("F1 the action's countersign step refuses a rotation without approve-rotation, and with another digest; the right one countersigns", async () => {
  const v2 = policyDoc(flow, { version: 2, countersigners: [bNew] });
  await assert.rejects(
    runCountersign(inputs({ bundlePath: at('none.json') })),
    (err: unknown) => err instanceof VerificationError && err.code === 'rotation-needs-review',
  );
  await assert.rejects(readFile(at('none.json')), { code: 'ENOENT' });
  await assert.rejects(
    runCountersign(inputs({ approveRotation: `sha256:${'a'.repeat(64)}`, bundlePath: at('wrong.json') })),
    (err: unknown) => err instanceof VerificationError && err.code === 'rotation-approval-mismatch',
  );
  const done = await runCountersign(inputs({ approveRotation: `sha256:${v2.digest}` }));
  assert.equal(done.countersignatures, 1);
  assert.equal(
    readBundle(new Uint8Array(await readFile(at('out.json')))).countersignatures[0]!.keyId,
    flow.keys.b.keyId,
  );
});

test('F1 input approve-rotation: a sha256 digest, with countersign-key only', () => {
  const env = {
    INPUT_BUNDLE: 'rotation.json',
    INPUT_POLICY: 'v1.json',
    'INPUT_COUNTERSIGN-URL': 'https://countersign.example.org',
    'INPUT_APPROVE-ROTATION': `sha256:${'a'.repeat(64)}`,
  };
  const saved = { ...process.env };
  try {
    Object.assign(process.env, env);
    assert.throws(
      () => readCountersignInputs(),
      (err: unknown) =>
        err instanceof InputError && err.code === 'input-invalid' && /countersign-key only/.test(err.message),
    );
    delete process.env['INPUT_COUNTERSIGN-URL'];
    process.env['INPUT_COUNTERSIGN-KEY'] = flow.keys.b.privateKeyPem;
    assert.equal(readCountersignInputs().approveRotation, `sha256:${'a'.repeat(64)}`);
    process.env['INPUT_APPROVE-ROTATION'] = 'true';
    assert.throws(
      () => readCountersignInputs(),
      (err: unknown) => err instanceof InputError && err.code === 'input-invalid',
    );
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) Reflect.deleteProperty(process.env, name);
    Object.assign(process.env, saved);
  }
});

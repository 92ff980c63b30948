// Issue 13 finding 1 (spec/ATTACKS.md, spec/ROTATION.md §3.1): "A alone removes B for good,
// through B's own service". B's countersigning service refuses every authority rotation
// (403 rotation-needs-review, nothing signed or logged), decided from the statement's kind
// before the Sigstore verification; the unsafe opt-in countersigns, after verifying it, only a
// rotation that keeps B's keys, log requirement, threshold and fallback set as they are.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePrivateKeyPem } from '../../src/lib/basics/crypto/ed25519-keys.ts';
import { buildPolicy } from '../../src/lib/formats/policy/index.ts';
import type { PolicyCountersignerInput, PolicyInput } from '../../src/lib/formats/policy/build.ts';
import { policyDocument, type PolicyDocument } from '../../src/lib/formats/policy/document.ts';
import { followRotations } from '../../src/lib/flows/rotation/index.ts';
import { type RunningService, startService } from '../../src/server/service.ts';
import { type Flow, type TestKey, flipBase64, makeKey, readBundle, startFlow, writeBundle } from '../../tools/flow.ts';
import { STREAM } from '../../tools/flow.ts';
import { POLICY_STREAM, RELEASE_WORKFLOW, rotationStatement } from '../helpers/rotation-flow.ts';
import { post, setUpService, startServe, treeSize } from '../helpers/service.ts';

let flow: Flow;
const services: RunningService[] = [];
const dirs: string[] = [];
let aRogue: TestKey;
let d: TestKey;
const B_UNTIL = new Date('2030-01-01T00:00:00Z');

before(async () => {
  flow = await startFlow();
  aRogue = makeKey('b-release', 'Org B'); // organisation A's own key, named and organised as B's
  d = makeKey('d-release', 'Org D');
});
after(async () => {
  for (const s of services) await s.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  await flow?.close();
});

type KeyInput = PolicyCountersignerInput;
const key = (k: TestKey, o: Partial<KeyInput> = {}): KeyInput => ({
  name: k.name,
  organisation: k.organisation,
  publicKeyPem: k.publicKeyPem,
  ...o,
});

function doc(version: number, o: Partial<PolicyInput> = {}): PolicyDocument {
  const input = {
    version,
    issuer: flow.stack.description.issuer,
    identity: `https://github.com/${RELEASE_WORKFLOW}`,
    githubClaims: flow.stack.sourceRepository,
    trustedRoot: flow.trustedRoot,
    countersigners: [key(flow.keys.b)],
    threshold: 1,
    kinds: ['binary-digest', 'authority-rotation'],
    streams: [STREAM, POLICY_STREAM],
    ...o,
  } as PolicyInput;
  return policyDocument(
    new TextEncoder().encode(`${JSON.stringify(buildPolicy(input), null, 2)}\n`),
    `policy v${version}`,
  );
}

async function serve(current: PolicyDocument, unsafe = false): Promise<RunningService> {
  const dataDir = await mkdtemp(join(tmpdir(), 'countersign-f1-'));
  dirs.push(dataDir);
  const b = flow.keys.b;
  const service = await startService({
    policy: current.policy,
    signer: b.signer,
    logSigner: {
      name: 'countersign.test/b-release',
      rawPublicKey: parsePrivateKeyPem(b.privateKeyPem, 'b key').publicKey,
      signer: b.signer,
    },
    logPublicKeyPem: b.publicKeyPem,
    dataDir,
    host: '127.0.0.1',
    port: 0,
    requestLog: () => {},
    ...(unsafe ? { unsafeAutoCountersignRotationsKeepingB: true } : {}),
  });
  services.push(service);
  return service;
}

/** A's rotation to `next`: signed by A's release workflow, and countersigned by `keys` (A's tool; proof of possession). */
async function rotation(current: PolicyDocument, next: PolicyDocument, keys: TestKey[] = []): Promise<Uint8Array> {
  let bundle = await flow.sign(rotationStatement(next), { jobWorkflowRef: RELEASE_WORKFLOW });
  for (const k of keys) bundle = await flow.countersign(bundle, k, { policy: current.policy });
  return bundle;
}

test("F1 B's service refuses an authority rotation (rotation-needs-review): A cannot replace B's key with its own through it", async () => {
  const v1 = doc(1);
  const service = await serve(v1);
  // The attack: a new policy whose "Org B" key is A's, with A's proof of possession.
  const v2 = doc(2, { countersigners: [key(aRogue)] });
  const attack = await rotation(v1, v2, [aRogue]);
  const before = await treeSize(service.url);
  const refused = await post(service.url, attack);
  assert.equal(refused.status, 403);
  assert.equal(refused.json.code, 'rotation-needs-review');
  assert.match(String(refused.json.message), new RegExp(`policy version 2 \\(sha256:${v2.digest}\\)`));
  assert.match(String(refused.json.message), /countersign policy diff CURRENT NEW/);
  assert.equal(await treeSize(service.url), before, 'nothing signed, nothing logged');
  // Without B, the rotation does not verify, so clients never follow it.
  const report = await flow.verify(attack, { policy: v1.policy });
  assert.equal(report.failure?.code, 'countersignature-threshold', JSON.stringify(report.failure));
  await assert.rejects(
    followRotations(v1, [{ bytes: attack, what: 'attack' }]),
    (err: Error & { code?: string }) => err.code === 'countersignature-threshold',
  );

  // A harmless rotation is refused too (nobody reviewed it), and so is one whose signature does
  // not even verify: the refusal is decided from the statement's kind, before the verification.
  const harmless = await rotation(v1, doc(2, { countersigners: [key(flow.keys.b, { validUntil: B_UNTIL })] }));
  assert.equal((await post(service.url, harmless)).json.code, 'rotation-needs-review');
  const broken = readBundle(harmless);
  const env = (broken.primary as { dsseEnvelope: { signatures: { sig: string }[] } }).dsseEnvelope;
  env.signatures[0]!.sig = flipBase64(env.signatures[0]!.sig);
  const brokenAnswer = await post(service.url, writeBundle(broken));
  assert.deepEqual([brokenAnswer.status, brokenAnswer.json.code], [403, 'rotation-needs-review']);
  assert.equal(await treeSize(service.url), before);

  // Releases still go through.
  const release = await flow.sign(flow.statement({ version: 1 }), { jobWorkflowRef: RELEASE_WORKFLOW });
  assert.equal((await post(service.url, release)).status, 200);
});

test("F1 the unsafe opt-in countersigns a rotation that only extends B's key validity, after verifying it", async () => {
  const v1 = doc(1, { countersigners: [key(flow.keys.b, { validUntil: B_UNTIL }), key(flow.keys.c)], threshold: 2 });
  const service = await serve(v1, true);
  const v2 = doc(2, {
    countersigners: [key(flow.keys.b, { validUntil: new Date('2032-01-01T00:00:00Z') }), key(flow.keys.c)],
    threshold: 2,
  });
  const signed = await rotation(v1, v2);

  // Verify before sign: the same rotation with a broken primary signature is refused by the verification.
  const broken = readBundle(signed);
  const env = (broken.primary as { dsseEnvelope: { signatures: { sig: string }[] } }).dsseEnvelope;
  env.signatures[0]!.sig = flipBase64(env.signatures[0]!.sig);
  const brokenAnswer = await post(service.url, writeBundle(broken));
  assert.equal(brokenAnswer.status, 422);
  assert.match(String(brokenAnswer.json.code), /^primary-/);

  const answer = await post(service.url, signed);
  assert.equal(answer.status, 200, JSON.stringify(answer.json));
  const withB = readBundle(signed);
  withB.countersignatures.push((answer.json as { countersignature: never }).countersignature);
  // C countersigns it too (its own reviewer), and the rotation verifies and is followed.
  const full = await flow.countersign(writeBundle(withB), flow.keys.c, { policy: v1.policy });
  const report = await flow.verify(full, { policy: v1.policy });
  assert.equal(report.outcome, 'verified', JSON.stringify(report.failure));
  assert.equal((await followRotations(v1, [{ bytes: full, what: 'rotation' }])).result.digest, v2.digest);
});

test("F1 the opt-in refuses a rotation that replaces B's key / lowers threshold / adds a fallback / adds an org", async () => {
  const bKey = key(flow.keys.b, { validUntil: B_UNTIL });
  const v1 = doc(1, { countersigners: [bKey, key(flow.keys.c)], threshold: 2 });
  const service = await serve(v1, true);
  const cases: [string, PolicyDocument, TestKey[], RegExp][] = [
    [
      "replaces B's key",
      doc(2, { countersigners: [key(aRogue), key(flow.keys.c)], threshold: 2 }),
      [aRogue],
      /removes countersigner key "b-release" .*adds countersigner key "b-release"/,
    ],
    [
      'lowers the threshold',
      doc(2, { countersigners: [bKey, key(flow.keys.c)], threshold: 1 }),
      [],
      /changes the countersignature threshold from 2 to 1/,
    ],
    [
      'adds a fallback',
      doc(2, {
        countersigners: [bKey, key(flow.keys.c)],
        threshold: 2,
        fallback: { countersigners: [key(d)], threshold: 1 },
      }),
      [d],
      /adds an emergency fallback signer set/,
    ],
    [
      'adds an organisation',
      doc(2, { countersigners: [bKey, key(flow.keys.c), key(d)], threshold: 2 }),
      [d],
      /adds countersigner key "d-release" .* of organisation "Org D"/,
    ],
  ];
  const size = await treeSize(service.url);
  for (const [name, next, keys, reason] of cases) {
    const answer = await post(service.url, await rotation(v1, next, keys));
    assert.equal(answer.status, 403, name);
    assert.equal(answer.json.code, 'rotation-needs-review', name);
    assert.match(String(answer.json.message), reason, name);
    // Decided on the verified new policy (issue 13 F2: never read before the verification).
    assert.match(String(answer.json.message), /keep organisation "Org B" in control/, name);
  }
  assert.equal(await treeSize(service.url), size, 'nothing signed, nothing logged');
});

test('F1 countersign serve: rotations refused unless --unsafe-auto-countersign-rotations-keeping-b, which says so on start', async () => {
  const svc = await setUpService(flow, { name: 'serve-f1' });
  const args = ['--key', svc.keyFile, '--policy', svc.policyFile, '--listen', '127.0.0.1:0'];
  const plain = await startServe([...args, '--data', join(svc.dir, 'plain')]);
  try {
    assert.equal((JSON.parse(plain.lines[0]!) as { rotations: string }).rotations, 'refused');
    assert.doesNotMatch(plain.stderr(), /UNSAFE/);
  } finally {
    await plain.stop();
  }
  const unsafe = await startServe([
    ...args,
    '--data',
    join(svc.dir, 'unsafe'),
    '--unsafe-auto-countersign-rotations-keeping-b',
  ]);
  try {
    assert.equal(
      (JSON.parse(unsafe.lines[0]!) as { rotations: string }).rotations,
      'unsafe-auto-countersign-keeping-b',
    );
    // stderr is another pipe than the start line's: wait for it.
    for (let i = 0; i < 100 && !/UNSAFE/.test(unsafe.stderr()); i++) await new Promise((r) => setTimeout(r, 20));
    assert.match(unsafe.stderr(), /UNSAFE: authority rotations that keep/);
  } finally {
    await unsafe.stop();
  }
});

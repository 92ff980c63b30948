// The release gate with countersign-url: organisation B's countersigning service (src/server,
// on loopback) verifies A's primary under B's policy and countersigns; the composite's
// verify step then confirms both signatures. B's key never enters A's job.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parsePrivateKeyPem } from '../../src/lib/basics/crypto/ed25519-keys.ts';
import { seedSigner } from '../../src/lib/basics/crypto/signer.ts';
import { loadPolicyFile } from '../../src/lib/formats/policy/index.ts';
import { type RunningService, startService } from '../../src/server/service.ts';
import { type Fixture, STREAM, startFixture, transcript } from './harness/fixture.ts';

let f: Fixture;
let service: RunningService;
let dataDir: string;

before(async () => {
  f = await startFixture();
  dataDir = await mkdtemp(join(tmpdir(), 'countersign-action-service-'));
  const key = parsePrivateKeyPem(f.keys.b.privateKeyPem, 'b key');
  service = await startService({
    policy: await loadPolicyFile(join(f.workspace, 'policy.json')),
    signer: seedSigner(key.seed, key.keyId),
    logSigner: {
      name: 'countersign.example.org/b-release',
      rawPublicKey: key.publicKey,
      signer: seedSigner(key.seed, key.keyId),
    },
    logPublicKeyPem: f.keys.b.publicKeyPem,
    dataDir,
    host: '127.0.0.1',
    port: 0,
    requestLog: () => {},
  });
});
after(async () => {
  await service?.close();
  await f?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test("the gate passes with countersign-url: B's service countersigns, verify confirms both signatures, no warning", async () => {
  const run = await f.run('', {
    kind: 'binary-digest',
    'subject-path': 'release/*',
    stream: STREAM,
    version: '1',
    policy: 'policy.json',
    sigstore: 'stack.json',
    'countersign-url': service.url,
  });
  assert.equal(run.success, true, transcript(run));
  assert.equal(run.outputs.verified, 'true');
  assert.ok(!run.annotations.some((a) => a.level === 'warning'), 'no single-organisation warning');
  assert.ok(run.summary.includes(f.keys.b.keyId));
  assert.deepEqual(run.leaks, []);
  const bundle = JSON.parse(await readFile(run.outputs['bundle-path']!, 'utf8')) as { countersignatures: unknown[] };
  assert.equal(bundle.countersignatures.length, 1);
});

test("the gate fails when B's service refuses (a version B already countersigned differently), with the service's reason", async () => {
  const run = await f.run('', {
    kind: 'binary-digest',
    'subject-path': 'release/*',
    stream: STREAM,
    version: '1',
    policy: 'policy.json',
    sigstore: 'stack.json',
    'countersign-url': service.url,
    'bundle-path': 'second.json',
  });
  assert.equal(run.success, false, transcript(run));
  assert.equal(run.steps.find((s) => s.id === 'countersign')?.outcome, 'failure');
  assert.equal(run.steps.find((s) => s.id === 'verify')?.outcome, 'skipped');
  assert.ok(
    run.annotations.some((a) => a.level === 'error' && /countersign countersign: /.test(a.message)),
    transcript(run),
  );
});

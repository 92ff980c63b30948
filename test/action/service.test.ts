// The release gate with countersign-url: organisation B's countersigning service (src/server,
// on loopback) verifies A's primary under B's policy and countersigns; the composite's
// verify step then confirms both signatures. B's key never enters A's job.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

const gateInputs = (version: string) => ({
  kind: 'binary-digest',
  'subject-path': 'release/*',
  stream: STREAM,
  version,
  policy: 'policy.json',
  sigstore: 'stack.json',
  'countersign-url': service.url,
});

test("the gate passes with countersign-url: B's service countersigns, verify confirms both signatures, no warning", async () => {
  const run = await f.run('', gateInputs('1'));
  assert.equal(run.success, true, transcript(run));
  assert.equal(run.outputs.verified, 'true');
  assert.ok(!run.annotations.some((a) => a.level === 'warning'), 'no single-organisation warning');
  assert.ok(run.summary.includes(f.keys.b.keyId));
  assert.deepEqual(run.leaks, []);
  const bundle = JSON.parse(await readFile(run.outputs['bundle-path']!, 'utf8')) as { countersignatures: unknown[] };
  assert.equal(bundle.countersignatures.length, 1);
});

test("the gate fails when B's service refuses: another run's statement at a version B already countersigned, with the service's reason", async () => {
  // Another workflow run (its own creation time and run URL): another statement at version 1.
  const run = await f.run('', { ...gateInputs('1'), 'bundle-path': 'second.json' }, { runId: '4300' });
  assert.equal(run.success, false, transcript(run));
  assert.equal(run.steps.find((s) => s.id === 'countersign')?.outcome, 'failure');
  assert.equal(run.steps.find((s) => s.id === 'verify')?.outcome, 'skipped');
  assert.ok(
    run.annotations.some(
      (a) => a.level === 'error' && /countersign countersign: .*statement-version-reused/.test(a.message),
    ),
    transcript(run),
  );
});

test('a re-run passes: attempt 2 of the run, seconds later, builds the same statement bytes and B countersigns its new primary; a changed file at that version is still refused', async () => {
  const first = await f.run('', { ...gateInputs('2'), 'bundle-path': 'rerun-1.json' }, { runId: '4400' });
  assert.equal(first.success, true, transcript(first));
  await new Promise((resolve) => setTimeout(resolve, 1100)); // a clock-stamped statement would differ now
  const second = await f.run(
    '',
    { ...gateInputs('2'), 'bundle-path': 'rerun-2.json' },
    { runId: '4400', runAttempt: 2 },
  );
  assert.equal(second.success, true, transcript(second));
  assert.equal(second.outputs['statement-digest'], first.outputs['statement-digest']);
  const [a, b] = await Promise.all(
    [first, second].map(
      async (r) =>
        JSON.parse(await readFile(r.outputs['bundle-path']!, 'utf8')) as {
          primary: { dsseEnvelope: { signatures: { sig: string }[] } };
          countersignatures: { statement: string }[];
        },
    ),
  );
  assert.notEqual(
    a!.primary.dsseEnvelope.signatures[0]!.sig,
    b!.primary.dsseEnvelope.signatures[0]!.sig,
    'two primaries',
  );
  assert.notEqual(a!.countersignatures[0]!.statement, b!.countersignatures[0]!.statement, 'two countersignatures');

  // Attempt 3 with a file changed since: another statement at version 2, refused.
  await cp(join(f.workspace, 'release'), join(f.workspace, 'release-changed'), { recursive: true });
  await writeFile(join(f.workspace, 'release-changed', 'app-linux-amd64'), 'another build\n');
  const changed = await f.run(
    '',
    { ...gateInputs('2'), 'subject-path': 'release-changed/*', 'bundle-path': 'rerun-3.json' },
    { runId: '4400', runAttempt: 3 },
  );
  assert.equal(changed.success, false);
  assert.ok(
    changed.annotations.some((x) => x.level === 'error' && /statement-version-reused/.test(x.message)),
    transcript(changed),
  );
});

// The release workflow on the stack's github instance (issue 14): no CT log and no SCTs, no
// Rekor, only the TSA's timestamp, and a trusted root that lists only Fulcio and the TSA. The
// composite signs through the instance as data (`sigstore`: the stack's signing config,
// `trusted-root`: its trusted root, the inputs a private repository would give for GitHub's own
// instance), organisation B's countersigning service (src/server, on loopback) countersigns,
// and the gate's verify step passes; a release file changed after signing fails the gate. The
// sign step checks its inputs before any request: a signing config without its root, or a
// bundle path that cannot be written, fails with nothing sent to the token endpoint or Fulcio.
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parsePrivateKeyPem } from '../../src/lib/basics/crypto/ed25519-keys.ts';
import { seedSigner } from '../../src/lib/basics/crypto/signer.ts';
import { loadPolicyFile } from '../../src/lib/formats/policy/index.ts';
import { type RunningService, startService } from '../../src/server/service.ts';
import { type Fixture, STREAM, startFixture, transcript } from './harness/fixture.ts';
import type { ActionRun } from './harness/runner.ts';

let f: Fixture;
let service: RunningService;
let dataDir: string;

before(async () => {
  f = await startFixture({ instance: 'github' });
  // The instance as a private repository would check it in: its signing config and trusted root.
  assert.ok(f.stack.description.signingConfig, 'the github stack writes a signing config');
  await copyFile(f.stack.description.signingConfig, join(f.workspace, 'signing_config.json'));
  await copyFile(f.stack.description.trustedRoot, join(f.workspace, 'trusted_root.json'));
  dataDir = await mkdtemp(join(tmpdir(), 'countersign-action-github-'));
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

const gateInputs = (version: string, extra: Record<string, string> = {}) => ({
  kind: 'binary-digest',
  'subject-path': 'release/*',
  stream: STREAM,
  version,
  policy: 'policy.json',
  sigstore: 'signing_config.json',
  'trusted-root': 'trusted_root.json',
  'countersign-url': service.url,
  ...extra,
});
const errors = (run: ActionRun) =>
  run.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n');

interface Report {
  failure?: { check: string; code: string };
  checks: { check: string; result: string }[];
}
const readReport = async (run: ActionRun): Promise<Report> =>
  JSON.parse(await readFile(run.outputs.report ?? '', 'utf8')) as Report;
const resultOf = (report: Report, check: string) => report.checks.find((c) => c.check === check)?.result;

let countersigned: string;

test('github instance: the gate signs through the signing config and trusted root (TSA only, no tlog, no SCT), B countersigns through its service, verify passes', async () => {
  const before = f.stack.requestCounts();
  const run = await f.run('', gateInputs('1'));
  assert.equal(run.success, true, transcript(run));
  assert.deepEqual(Object.fromEntries(run.steps.map((s) => [s.id, s.outcome])), {
    build: 'success',
    sign: 'success',
    countersign: 'success',
    verify: 'success',
    upload: 'skipped',
  });
  assert.deepEqual(
    { verified: run.outputs.verified, outcome: run.outputs.outcome },
    { verified: 'true', outcome: 'verified' },
  );
  assert.ok(!run.annotations.some((a) => a.level === 'warning'), 'no single-organisation warning');
  assert.deepEqual(run.leaks, []);
  countersigned = run.outputs['bundle-path'] ?? '';

  // The primary is the github instance's: a TSA timestamp, no transparency log entry, and a
  // certificate without the SCT extension (the policy's trusted root lists no CT log).
  const bundle = JSON.parse(await readFile(countersigned, 'utf8')) as {
    primary: {
      verificationMaterial: {
        tlogEntries?: unknown[];
        timestampVerificationData?: { rfc3161Timestamps: unknown[] };
        certificate: { rawBytes: string };
      };
    };
    countersignatures: unknown[];
  };
  const vm = bundle.primary.verificationMaterial;
  assert.equal(vm.tlogEntries?.length ?? 0, 0, 'no transparency log entry');
  assert.equal(vm.timestampVerificationData?.rfc3161Timestamps.length, 1, 'the TSA gives the time');
  const sctOid = Buffer.from([0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x02]);
  assert.equal(Buffer.from(vm.certificate.rawBytes, 'base64').indexOf(sctOid), -1, 'no embedded SCT list');
  assert.equal(bundle.countersignatures.length, 1);
  const policy = JSON.parse(await readFile(join(f.workspace, 'policy.json'), 'utf8')) as {
    trustedRoot: { ctlogs?: unknown[]; tlogs?: unknown[] };
  };
  assert.equal(policy.trustedRoot.ctlogs?.length ?? 0, 0, 'the pinned root lists no CT log');
  assert.equal(policy.trustedRoot.tlogs?.length ?? 0, 0, 'the pinned root lists no Rekor log');

  const after = f.stack.requestCounts();
  assert.deepEqual(
    { oidc: after.oidc - before.oidc, fulcio: after.fulcio - before.fulcio, tsa: after.tsa - before.tsa },
    { oidc: 1, fulcio: 1, tsa: 1 },
  );
  assert.equal(after.rekor, 0, 'github mode has no Rekor');
});

test('github instance: a release file changed after signing fails the gate (verify step rejected, subject digest), with or without the gate around it', async () => {
  assert.ok(countersigned, 'the first test made a countersigned bundle');
  const file = join(f.workspace, 'release', 'app-linux-amd64');
  const original = await readFile(file);
  await writeFile(file, Buffer.concat([original, Buffer.from('one more byte')]));
  try {
    const run = await f.run(
      'verify',
      { bundle: countersigned, policy: 'policy.json', 'subject-path': 'release/*', stream: STREAM },
      { idToken: false },
    );
    assert.equal(run.success, false, transcript(run));
    assert.deepEqual(
      { verified: run.outputs.verified, outcome: run.outputs.outcome },
      { verified: 'false', outcome: 'rejected' },
    );
    const report = await readReport(run);
    assert.equal(report.failure?.check, 'subjects', transcript(run));
    assert.equal(report.failure?.code, 'subject-digest', transcript(run));
    assert.equal(resultOf(report, 'primary'), 'pass', 'the github primary itself still verifies');
    assert.match(errors(run), /app-linux-amd64/, transcript(run));
  } finally {
    await writeFile(file, original);
  }
  // The untampered files still pass with the same bundle: the failure was the file's.
  const again = await f.run(
    'verify',
    { bundle: countersigned, policy: 'policy.json', 'subject-path': 'release/*', stream: STREAM },
    { idToken: false },
  );
  assert.equal(again.outputs.outcome, 'verified', transcript(again));
});

test('github instance: a primary without B fails the gate as pending, though it verifies as a Sigstore signature', async () => {
  const run = await f.run('', gateInputs('2', { 'countersign-url': '', 'bundle-path': 'pending.json' }));
  assert.equal(run.success, false, transcript(run));
  assert.equal(run.steps.find((s) => s.id === 'sign')?.outcome, 'success');
  assert.equal(run.steps.find((s) => s.id === 'countersign')?.outcome, 'skipped');
  assert.equal(run.outputs.outcome, 'pending-countersign', transcript(run));
  const report = await readReport(run);
  assert.deepEqual(
    ['primary', 'primary-identity', 'countersignatures'].map((c) => resultOf(report, c)),
    ['pass', 'pass', 'pending'],
  );
});

test('sign step: a signing config without trusted-root, and an unwritable bundle-path, fail before any request (no token, no certificate, no timestamp)', async () => {
  const statement = join(f.workspace, 'sign-only.statement.json');
  const build = await f.run('build', {
    kind: 'binary-digest',
    'subject-path': 'release/*',
    stream: STREAM,
    version: '3',
    'statement-path': 'sign-only.statement.json',
  });
  assert.equal(build.success, true, transcript(build));
  const before = f.stack.requestCounts();

  const noRoot = await f.run('sign', { statement, sigstore: 'signing_config.json' });
  assert.equal(noRoot.success, false, transcript(noRoot));
  assert.match(errors(noRoot), /signing_config\.json: a signing config .*trusted root/, transcript(noRoot));

  const badPath = await f.run('sign', {
    statement,
    sigstore: 'signing_config.json',
    'trusted-root': 'trusted_root.json',
    'bundle-path': 'no-such-dir/primary.sigstore.json',
  });
  assert.equal(badPath.success, false, transcript(badPath));
  assert.match(errors(badPath), /bundle-path .*no-such-dir.*cannot write the bundle there/, transcript(badPath));

  const badRoot = join(f.workspace, 'not-a-root.json');
  await writeFile(badRoot, '{"mediaType": "nope"}');
  const wrongRoot = await f.run('sign', {
    statement,
    sigstore: 'signing_config.json',
    'trusted-root': 'not-a-root.json',
  });
  assert.equal(wrongRoot.success, false, transcript(wrongRoot));
  assert.match(errors(wrongRoot), /not-a-root\.json/, transcript(wrongRoot));

  assert.deepEqual(f.stack.requestCounts(), before, 'nothing was sent to the stack');

  // The same inputs with a writable path sign (the failures were the inputs').
  const good = await f.run('sign', {
    statement,
    sigstore: 'signing_config.json',
    'trusted-root': 'trusted_root.json',
    'bundle-path': 'sign-only.sigstore.json',
  });
  assert.equal(good.success, true, transcript(good));
  assert.equal(good.outputs['bundle-path'], join(f.workspace, 'sign-only.sigstore.json'));
});

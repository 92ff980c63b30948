// The composite release gate (action.yml) run by the harness as a runner would, against the
// local Sigstore stack: build -> sign -> countersign -> verify.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadPolicyFile } from '../../src/lib/formats/policy/index.ts';
import { runPipeline } from '../../src/lib/pipeline/run.ts';
import { type Fixture, STREAM, startFixture, transcript } from './harness/fixture.ts';
import type { ActionRun } from './harness/runner.ts';

let f: Fixture;
before(async () => {
  f = await startFixture();
});
after(async () => {
  await f?.close();
});

const gateInputs = (extra: Record<string, string> = {}) => ({
  kind: 'binary-digest',
  'subject-path': 'release/*',
  stream: STREAM,
  version: '1',
  policy: 'policy.json',
  sigstore: 'stack.json',
  ...extra,
});

const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;
const stepOutcomes = (run: ActionRun) => Object.fromEntries(run.steps.map((s) => [s.id, s.outcome]));
const errors = (run: ActionRun) =>
  run.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n');

test('the gate passes with countersign-key: verified bundle, outputs, summary table, loud warning, nothing secret in the logs', async () => {
  const run = await f.run('', gateInputs({ 'countersign-key': f.keys.b.privateKeyPem }));
  assert.equal(run.success, true, transcript(run));
  assert.deepEqual(stepOutcomes(run), {
    build: 'success',
    sign: 'success',
    countersign: 'success',
    verify: 'success',
    upload: 'skipped',
  });
  assert.equal(run.outputs.verified, 'true');
  assert.equal(run.outputs.outcome, 'verified');
  assert.match(run.outputs['statement-digest']!, /^sha256:[0-9a-f]{64}$/);
  assert.equal(run.outputs['bundle-path'], join(f.workspace, 'countersign.bundle.json'));

  // The bundle verifies on its own, through the library, with the files.
  const policy = await loadPolicyFile(join(f.workspace, 'policy.json'));
  const result = await runPipeline(new Uint8Array(await readFile(run.outputs['bundle-path'])), { policy });
  assert.equal(result.report.outcome, 'verified');
  assert.equal(result.report.statement?.digest, run.outputs['statement-digest']);
  const report = JSON.parse(await readFile(run.outputs.report!, 'utf8')) as { outcome: string; checks: unknown[] };
  assert.equal(report.outcome, 'verified');
  assert.equal(report.checks.length, 6);

  // The summary: the table of checks, who signed, the subjects.
  assert.match(run.summary, /<tr><th>Check<\/th><th>Result<\/th><th>Expected<\/th><th>Found<\/th><\/tr>/);
  assert.equal((run.summary.match(/✅ pass/g) ?? []).length, 6);
  assert.match(run.summary, /verified: both signatures hold/);
  assert.ok(run.summary.includes(f.stack.description.identity), 'certificate identity in the summary');
  assert.ok(run.summary.includes(f.stack.description.issuer), 'issuer in the summary');
  assert.ok(
    run.summary.includes(f.keys.b.keyId) && run.summary.includes('b-release'),
    'countersigner name and key id in the summary',
  );
  assert.match(run.summary, /release\/app-linux-amd64<\/code><\/td><td><code>sha256:[0-9a-f]{64}/);

  // One organisation holding both keys is said loudly.
  assert.ok(
    run.annotations.some((a) => a.level === 'warning' && /weakens|single-organisation trials only/.test(a.message)),
    transcript(run),
  );

  // Secrets: the key (registered by the step, not pre-masked here) and the OIDC token.
  assert.deepEqual(run.leaks, []);
  const keyBody = f.keys.b.privateKeyPem.split('\n')[1]!;
  assert.ok(
    run.masks.includes(f.keys.b.privateKeyPem.trim()) && run.masks.includes(keyBody),
    'the countersign-key is masked, whole and line by line',
  );
  assert.ok(
    run.masks.some((m) => JWT.test(m)),
    'the OIDC token is masked',
  );
  for (const text of [...run.log, run.summary, ...Object.values(run.outputs)]) {
    assert.ok(!JWT.test(text), `no token in: ${text.slice(0, 120)}`);
    assert.ok(!text.includes(keyBody), 'no key material in the logs');
  }
});

test('the gate fails when the countersignature is missing: pending countersign, with what to do next', async () => {
  const run = await f.run('', gateInputs({ version: '2' }));
  assert.equal(run.success, false);
  assert.deepEqual(stepOutcomes(run), {
    build: 'success',
    sign: 'success',
    countersign: 'skipped',
    verify: 'failure',
    upload: 'skipped',
  });
  assert.equal(run.outputs.verified, 'false');
  assert.equal(run.outputs.outcome, 'pending-countersign');
  assert.match(errors(run), /pending countersignature \[countersignature-missing\].*not verified/);
  assert.match(run.summary, /⏳ pending countersignature/);
  assert.match(run.summary, /What to do next[\s\S]*has not countersigned/);
  assert.deepEqual(run.leaks, []);
});

test('the gate fails when the countersigning key is not pinned: the countersign step refuses and says why', async () => {
  const run = await f.run('', gateInputs({ version: '3', 'countersign-key': f.keys.rogue.privateKeyPem }));
  assert.equal(run.success, false);
  assert.deepEqual(stepOutcomes(run), {
    build: 'success',
    sign: 'success',
    countersign: 'failure',
    verify: 'skipped',
    upload: 'skipped',
  });
  assert.match(
    errors(run),
    new RegExp(
      `countersign countersign: rejected \\[countersigner-not-pinned\\]: the signing key ${f.keys.rogue.keyId} is not a countersigner in the policy`,
    ),
  );
  assert.deepEqual(run.leaks, []);
  assert.ok(run.masks.includes(f.keys.rogue.privateKeyPem.trim()));
});

test('without `permissions: id-token: write` the sign step fails with the fix in the message', async () => {
  const run = await f.run('', gateInputs({ 'countersign-key': f.keys.b.privateKeyPem }), { idToken: false });
  assert.equal(run.success, false);
  assert.deepEqual(stepOutcomes(run), {
    build: 'success',
    sign: 'failure',
    countersign: 'skipped',
    verify: 'skipped',
    upload: 'skipped',
  });
  assert.match(
    errors(run),
    /countersign sign: no OIDC identity token for Sigstore: in GitHub Actions add `permissions: id-token: write`/,
  );
});

test('a malformed countersign-key secret is masked and never echoed, and the error names the input', async () => {
  const secret = 'sk-live-this-is-not-a-pem-key-0123456789';
  const run = await f.run('', gateInputs({ version: '4', 'countersign-key': secret }));
  assert.equal(run.success, false);
  assert.equal(stepOutcomes(run).countersign, 'failure');
  assert.match(errors(run), /input countersign-key: expected a PEM block/);
  assert.ok(run.masks.includes(secret));
  assert.deepEqual(run.leaks, []);
});

test('bad inputs fail the build step with one line naming the input', async () => {
  const run = await f.run('', gateInputs({ version: 'seven', 'countersign-key': f.keys.b.privateKeyPem }));
  assert.equal(run.success, false);
  assert.equal(stepOutcomes(run).build, 'failure');
  assert.match(errors(run), /countersign build: input version: expected a positive whole number/);
  const missing = await f.run('', gateInputs({ 'subject-path': 'release/*.exe' }));
  assert.match(errors(missing), /input subject-path: the pattern "release\/\*\.exe" matched no file/);
});

// What runPipeline returns besides the outcome (src/lib/pipeline/run.ts): the result's fields
// (primary, statement and its bytes, bundle, authorisation) and the report's summaries are
// present exactly once their check passed, whatever check decided the outcome; organisation
// B's pre-signing check of a bundle without countersignatures verifies it as "unsigned"; and
// the stream the verifier expects is checked at the statement check. On the committed vectors
// of spec/vectors/ (real Sigstore bundles, real Ed25519 countersignatures), at their verifyAt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePolicy, type Policy } from '../../../src/lib/formats/policy/index.ts';
import { type VerifyOptions, runPipeline } from '../../../src/lib/pipeline/run.ts';

const VECTORS = fileURLToPath(new URL('../../../spec/vectors/', import.meta.url));

interface Case {
  bytes: Uint8Array;
  policy: Policy;
  now: Date;
}

function vector(name: string): Case {
  const dir = join(VECTORS, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { verifyAt: string };
  return {
    bytes: new Uint8Array(readFileSync(join(dir, 'bundle.json'))),
    policy: parsePolicy(readFileSync(join(dir, 'policy.json')), `${name}/policy.json`),
    now: new Date(expected.verifyAt),
  };
}

function run(c: Case, extra: Partial<VerifyOptions> = {}) {
  return runPipeline(c.bytes, { policy: c.policy, now: c.now, what: 'bundle.json', ...extra });
}

/** The result's own fields (report and verified aside), sorted. */
function fieldNames(result: object): string[] {
  return Object.keys(result)
    .filter((k) => k !== 'report' && k !== 'verified')
    .sort();
}

test('rejected at primary-identity: the result and the report still carry the parsed statement and the verified primary', async () => {
  const result = await run(vector('wrong-identity_fail'));
  assert.equal(result.report.outcome, 'rejected');
  assert.equal(result.report.failure?.check, 'primary-identity');
  assert.deepEqual(Object.keys(result.report), ['outcome', 'checks', 'statement', 'primary', 'failure']);
  assert.deepEqual(fieldNames(result), ['bundle', 'primary', 'statement', 'statementBytes']);
  assert.equal(result.primary?.signer.identity, result.report.primary?.identity);
  assert.equal(result.statement?.predicate.stream, 'acme/app:stable');
  assert.ok(result.statementBytes && result.statementBytes.byteLength > 0);
  assert.equal(result.bundle?.bundle.countersignatures.length, 1);
});

test('rejected at parse: no field and no summary', async () => {
  const result = await run(vector('unknown-field_fail'));
  assert.deepEqual(Object.keys(result.report), ['outcome', 'checks', 'failure']);
  assert.deepEqual(fieldNames(result), []);
});

test('pending: the result carries the primary, the statement and the bundle, and no authorisation', async () => {
  const result = await run(vector('pending-no-countersignature_fail'));
  assert.equal(result.report.outcome, 'pending-countersign');
  assert.deepEqual(Object.keys(result.report), ['outcome', 'checks', 'statement', 'primary']);
  assert.deepEqual(fieldNames(result), ['bundle', 'primary', 'statement', 'statementBytes']);
  assert.equal(result.verified, undefined);
  assert.equal(result.primary?.signer.identity, result.report.primary?.identity);
});

test('too few organisations: rejected, and the result says who signed (its authorisation)', async () => {
  const result = await run(vector('m-of-n-one-of-three_fail'));
  assert.equal(result.report.failure?.code, 'countersignature-threshold');
  assert.deepEqual(fieldNames(result), ['authorisation', 'bundle', 'primary', 'statement', 'statementBytes']);
  assert.deepEqual(result.authorisation?.organisations, ['Org C']);
  assert.deepEqual(result.report.countersigners?.organisations, ['Org C']);
});

test('verified: the result carries the authorisation the countersignatures check established', async () => {
  const result = await run(vector('happy-path'));
  assert.equal(result.report.outcome, 'verified');
  assert.ok(result.verified);
  assert.equal(result.verified.countersigned.kind, 'signed');
  assert.deepEqual(fieldNames(result), ['authorisation', 'bundle', 'primary', 'statement', 'statementBytes']);
  assert.ok(result.authorisation);
  assert.equal(
    result.authorisation,
    result.verified.countersigned.kind === 'signed' ? result.verified.countersigned.authorisation : undefined,
  );
  assert.equal(result.authorisation.authorisedBy, 'countersigners');
});

test("organisation B's pre-signing check of a bundle without countersignatures verifies it as unsigned", async () => {
  const result = await run(vector('pending-no-countersignature_fail'), { forCountersigning: true });
  assert.equal(result.report.outcome, 'verified');
  assert.ok(result.verified);
  assert.deepEqual(result.verified.countersigned, { kind: 'unsigned', rotation: undefined });
  const entry = result.report.checks.find((c) => c.check === 'countersignatures');
  assert.deepEqual(entry, {
    check: 'countersignatures',
    title: 'Countersignatures',
    result: 'pass',
    message: 'no countersignature yet',
  });
  assert.deepEqual(fieldNames(result), ['bundle', 'primary', 'statement', 'statementBytes']);
});

test('a bundle of another stream than the verifier expects is rejected at the statement check, with both streams', async () => {
  const c = vector('happy-path');
  const result = await run(c, { expect: { stream: 'acme/app:beta' } });
  assert.equal(result.report.outcome, 'rejected');
  const entry = result.report.checks.find((e) => e.check === 'statement');
  assert.deepEqual(entry, {
    check: 'statement',
    title: 'Statement (kind, stream, expiry, version)',
    result: 'fail',
    code: 'statement-stream-unexpected',
    message:
      'stream acme/app:stable is allowed by the policy but is not the stream this verification expects (acme/app:beta): a bundle of another stream is never a release of this one',
    expected: 'acme/app:beta',
    found: 'acme/app:stable',
  });
  // The stream and kind expected: verified.
  const ok = await run(c, { expect: { stream: 'acme/app:stable', kind: 'binary-digest' } });
  assert.equal(ok.report.outcome, 'verified');
  const kind = await run(c, { expect: { stream: 'acme/app:stable', kind: 'authority-rotation' } });
  assert.equal(kind.report.failure?.code, 'statement-kind-unexpected');
});

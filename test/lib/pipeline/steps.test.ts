// Two pipeline steps called directly (src/lib/pipeline/steps/): what the subjects step returns
// (the run's report shows only its message), and the countersignatures check's message for
// every value it describes, "short" (too few organisations) included, and the new policy's part
// only when both the keys it adds and the new policy are at hand. Real statements and
// authorisations, from the committed vectors of spec/vectors/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { InputError, VerificationError } from '../../../src/lib/basics/errors/errors.ts';
import { parsePolicy } from '../../../src/lib/formats/policy/index.ts';
import { runPipeline } from '../../../src/lib/pipeline/run.ts';
import { describeCountersigned } from '../../../src/lib/pipeline/steps/countersignatures.ts';
import { parse } from '../../../src/lib/pipeline/steps/parse.ts';
import { describeSubjects, subjects } from '../../../src/lib/pipeline/steps/subjects.ts';

const VECTORS = fileURLToPath(new URL('../../../spec/vectors/', import.meta.url));

async function verifyVector(name: string) {
  const dir = join(VECTORS, name);
  const { verifyAt } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { verifyAt: string };
  const policy = parsePolicy(readFileSync(join(dir, 'policy.json')), `${name}/policy.json`);
  const result = await runPipeline(new Uint8Array(readFileSync(join(dir, 'bundle.json'))), {
    policy,
    now: new Date(verifyAt),
  });
  return { policy, result };
}

test('the subjects step: not checked without files, matched with the count of files given', async () => {
  const { result } = await verifyVector('happy-path');
  assert.ok(result.statement);
  const st = result.statement;
  assert.deepEqual(subjects(st, undefined), { kind: 'not-checked' });
  const files = st.subject.map((s) => ({ name: s.name, digest: { sha256: s.digest.sha256 } }));
  const matched = subjects(st, files);
  assert.deepEqual(matched, { kind: 'matched', files: files.length });
  assert.equal(describeSubjects(matched), `${files.length} file(s) match the statement's subjects`);
  assert.equal(describeSubjects({ kind: 'not-checked' }), 'no files given: not checked');
  assert.throws(() => subjects(st, files.slice(1)), VerificationError);
});

test('the countersignatures message of a shortfall says who signed, as for a signed bundle', async () => {
  const { policy, result } = await verifyVector('m-of-n-one-of-three_fail');
  assert.ok(result.authorisation);
  const shortfall = new VerificationError('countersignature-threshold', 'too few');
  const short = describeCountersigned(
    { kind: 'short', authorisation: result.authorisation, shortfall, rotation: undefined },
    policy,
    undefined,
  );
  assert.equal(short, '1 of 2 required organisation(s): Org C (c-release)');
  assert.equal(
    describeCountersigned(
      { kind: 'signed', authorisation: result.authorisation, rotation: undefined },
      policy,
      undefined,
    ),
    short,
  );
  assert.equal(
    describeCountersigned({ kind: 'pending', rotation: undefined }, policy, undefined),
    'no countersignature yet',
  );
  assert.equal(
    describeCountersigned({ kind: 'unsigned', rotation: undefined }, policy, undefined),
    'no countersignature yet',
  );
});

test('the countersignatures message names the new policy only with both its added keys and the policy itself', async () => {
  const { policy, result } = await verifyVector('happy-path');
  assert.ok(result.authorisation);
  const withKeys = { ...result.authorisation, newKeys: ['b-next'], newOrganisations: ['Org B'] };
  // Added keys but no new policy at hand: nothing about a new policy (and no failure).
  assert.equal(
    describeCountersigned({ kind: 'signed', authorisation: withKeys, rotation: undefined }, policy, undefined),
    '1 of 1 required organisation(s): Org B (b-release)',
  );
});

test('the parse step in one call (the service screens with it before verifying): the same statement, digest and bytes as the pipeline, and the statement refusal', async () => {
  const { policy, result } = await verifyVector('happy-path');
  const bytes = new Uint8Array(readFileSync(join(VECTORS, 'happy-path', 'bundle.json')));
  const parsed = parse(bytes, policy, 'happy-path');
  assert.deepEqual(parsed.statement, result.statement);
  assert.deepEqual(parsed.statementBytes, result.statementBytes);
  assert.equal(parsed.statementDigest, createHash('sha256').update(parsed.statementBytes).digest('hex'));
  assert.equal(parsed.bundle.bundle.countersignatures.length, 1);
  const bundle = JSON.parse(new TextDecoder().decode(bytes)) as { primary: { dsseEnvelope: { payload: string } } };
  bundle.primary.dsseEnvelope.payload = Buffer.from('{"not": "a statement"}').toString('base64');
  assert.throws(
    () => parse(new TextEncoder().encode(JSON.stringify(bundle)), policy, 'edited'),
    (err: unknown) =>
      err instanceof InputError && err.code.startsWith('statement-') && err.message.startsWith('edited statement: '),
  );
});

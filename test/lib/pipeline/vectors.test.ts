// The committed test vectors (spec/vectors/, made by `npm run vectors`): every case folder is
// verified by the library exactly as another implementation would verify it, at the case's
// verifyAt, and must give the outcome, deciding check and code of its expected.json. The
// layout itself is checked too: `_fail` folders never verify, the others always do, each
// trusted_root.json is the policy's embedded root, and the README lists exactly these cases
// (so a folder deleted or added without documenting it fails here, not silently).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateVectorCase, type VectorExpected } from '../../../tools/vector-case.ts';

const VECTORS_DIR = fileURLToPath(new URL('../../../spec/vectors/', import.meta.url));
/** The brief's minimum; the README check below pins the exact list. */
const MIN_CASES = 20;
const OUTCOMES = ['verified', 'rejected', 'pending-countersign'];
const CASE_FILES = new Set([
  'bundle.json',
  'policy.json',
  'trusted_root.json',
  'expected.json',
  'state.json',
  'artifacts',
  'rotations',
]);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

type Expected = VectorExpected;

const cases = readdirSync(VECTORS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

function readExpected(dir: string): Expected {
  const value = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, unknown>;
  assert.deepEqual(
    Object.keys(value).sort(),
    ['check', 'code', 'description', 'outcome', 'verifyAt'],
    'expected.json fields',
  );
  assert.ok(OUTCOMES.includes(value.outcome as string), `expected.json outcome ${String(value.outcome)}`);
  for (const key of ['check', 'code'] as const)
    assert.ok(value[key] === null || typeof value[key] === 'string', `expected.json ${key}`);
  assert.match(value.verifyAt as string, RFC3339, 'expected.json verifyAt');
  assert.equal(typeof value.description, 'string');
  assert.ok((value.description as string).length > 0, 'expected.json description is empty');
  return value as unknown as Expected;
}

test('the vectors folder has enough cases, and the README lists exactly them', () => {
  assert.ok(
    cases.length >= MIN_CASES,
    `expected at least ${MIN_CASES} case folders in spec/vectors, found ${cases.length}`,
  );
  const readme = readFileSync(join(VECTORS_DIR, 'README.md'), 'utf8');
  const listed = [...readme.matchAll(/^\| `([a-z0-9_-]+)` \|/gm)].map((m) => m[1]).sort();
  assert.deepEqual(listed, cases, 'the case table of spec/vectors/README.md and the case folders differ');
});

for (const name of cases) {
  test(`vector ${name}`, async () => {
    const dir = join(VECTORS_DIR, name);
    const files = readdirSync(dir);
    for (const f of files) assert.ok(CASE_FILES.has(f), `unexpected file ${f} in ${name}`);
    const expected = readExpected(dir);

    // The naming convention other implementations rely on.
    if (name.endsWith('_fail')) {
      assert.notEqual(expected.outcome, 'verified', `${name}: a _fail case must not be expected to verify`);
      assert.ok(expected.check && expected.code, `${name}: a _fail case names the check and code that decide it`);
    } else {
      assert.equal(expected.outcome, 'verified', `${name}: a case without _fail must be expected to verify`);
      assert.equal(expected.check, null);
      assert.equal(expected.code, null);
    }

    const policyText = readFileSync(join(dir, 'policy.json'), 'utf8');
    // trusted_root.json is the very root the policy pins, beside it for other implementations.
    const trustedRoot = JSON.parse(readFileSync(join(dir, 'trusted_root.json'), 'utf8')) as unknown;
    assert.deepEqual(
      trustedRoot,
      (JSON.parse(policyText) as { trustedRoot: unknown }).trustedRoot,
      `${name}: trusted_root.json differs from the policy's trustedRoot`,
    );

    const { report, decided } = await evaluateVectorCase(dir, name, expected);
    const detail = report.failure ? ` (${report.failure.message})` : '';
    assert.equal(report.outcome, expected.outcome, `${name}: outcome${detail}`);
    assert.equal(decided.check, expected.check, `${name}: deciding check${detail}`);
    assert.equal(decided.code, expected.code, `${name}: code${detail}`);
    if (expected.outcome === 'verified') {
      // The subjects check compares files only when the case has artifacts/; without, it is not-checked.
      const withFiles = files.includes('artifacts');
      assert.deepEqual(
        report.checks.map((c) => c.result),
        report.checks.map((c) => (c.check === 'subjects' && !withFiles ? 'not-checked' : 'pass')),
        `${name}: every check passes`,
      );
    }
  });
}

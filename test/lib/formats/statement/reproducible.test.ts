// The parts of a release statement that must not change between attempts of one workflow run
// (src/lib/formats/statement/reproducible.ts; docs/action.md "Re-runs").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../../../src/lib/basics/errors/errors.ts';
import { runSourceFromGitHubEnv, sourceDateEpoch } from '../../../../src/lib/formats/statement/reproducible.ts';

test('SOURCE_DATE_EPOCH: whole seconds are the time; unset or empty is no time; anything else is bad-time', () => {
  assert.equal(sourceDateEpoch({}), undefined);
  assert.equal(sourceDateEpoch({ SOURCE_DATE_EPOCH: '' }), undefined);
  assert.equal(sourceDateEpoch({ SOURCE_DATE_EPOCH: '0' })?.toISOString(), '1970-01-01T00:00:00.000Z');
  assert.equal(sourceDateEpoch({ SOURCE_DATE_EPOCH: '1735689600' })?.toISOString(), '2025-01-01T00:00:00.000Z');
  assert.equal(sourceDateEpoch({ SOURCE_DATE_EPOCH: '253402300799' })?.toISOString(), '9999-12-31T23:59:59.000Z');
  for (const bad of ['-1', '1.5', ' 1', '1e9', '0x10', '2025-01-01', '1234567890123', '١٢٣']) {
    assert.throws(
      () => sourceDateEpoch({ SOURCE_DATE_EPOCH: bad }),
      (err: unknown) =>
        err instanceof InputError && err.code === 'bad-time' && /^SOURCE_DATE_EPOCH: /.test(err.message),
      bad,
    );
  }
});

test('the run source names the run, not the attempt: attempts 1 and 2 give the same source', () => {
  const env = {
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: 'c'.repeat(40),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '9',
    GITHUB_RUN_ATTEMPT: '1',
  };
  const expected = {
    repository: 'acme/app',
    commit: 'c'.repeat(40),
    workflowRun: 'https://github.com/acme/app/actions/runs/9',
  };
  assert.deepEqual(runSourceFromGitHubEnv(env), expected);
  assert.deepEqual(runSourceFromGitHubEnv({ ...env, GITHUB_RUN_ATTEMPT: '2' }), expected);
  assert.deepEqual(runSourceFromGitHubEnv({ ...env, GITHUB_RUN_ATTEMPT: undefined }), expected);
  assert.equal(runSourceFromGitHubEnv({ ...env, GITHUB_RUN_ID: undefined }).workflowRun, undefined);
  assert.deepEqual(runSourceFromGitHubEnv({}), {});
});

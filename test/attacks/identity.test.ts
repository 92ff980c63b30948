// Attack catalogue, part 5 (spec/ATTACKS.md §10): a primary signature from a look-alike
// identity, countersigned with B's stolen key (forged), so that only the identity check stands
// between it and "verified": another repository, workflow or ref, a pull-request trigger,
// prefix and suffix tricks, the regular-expression opt-in, another issuer, re-registered
// repositories (ids), runner environment. One local stack.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyError } from '../../src/lib/basics/errors/errors.ts';
import { type Flow, forgeCountersigned, startFlow } from '../../tools/flow.ts';
import { assertRejected, assertVerified, policyWith } from './helpers.ts';

let flow: Flow;
let statement: Uint8Array;
let genuine: Uint8Array;
const PIN = 'acme/app/.github/workflows/release.yml@refs/heads/main';
/** The pinned identity as an anchored pattern over refs (the explicit opt-in). */
const ANY_REF = '^https://github\\.com/acme/app/\\.github/workflows/release\\.yml@refs/.+$';

before(async () => {
  flow = await startFlow({ jobWorkflowRef: PIN });
  statement = flow.statement({ version: 1 });
  genuine = await flow.countersign(await flow.sign(statement), flow.keys.b);
});

after(async () => {
  await flow?.close();
});

/** A's statement signed by `jobWorkflowRef`'s workflow, countersigned with B's stolen key. */
async function signedAs(jobWorkflowRef: string): Promise<Uint8Array> {
  return forgeCountersigned(await flow.sign(statement, { jobWorkflowRef }), flow.keys.b.signer);
}

test('control: the pinned workflow verifies, under the exact identity and under the pattern', async () => {
  assertVerified(await flow.verify(genuine));
  assertVerified(await flow.verify(genuine, { policy: policyWith(flow, { identityPattern: ANY_REF }) }));
});

test('I1 another repository (evil/app): primary-identity', async () => {
  assertRejected(await flow.verify(await signedAs('evil/app/.github/workflows/release.yml@refs/heads/main')), 'primary-identity', 'primary-identity');
});

test('I2 another workflow of the same repository (debug.yml): primary-identity', async () => {
  assertRejected(await flow.verify(await signedAs('acme/app/.github/workflows/debug.yml@refs/heads/main')), 'primary-identity', 'primary-identity');
});

test('I3 another ref (a feature branch, a tag): primary-identity', async () => {
  for (const ref of ['refs/heads/feature', 'refs/tags/v1']) {
    assertRejected(await flow.verify(await signedAs(`acme/app/.github/workflows/release.yml@${ref}`)), 'primary-identity', 'primary-identity');
  }
});

test('I4 a pull-request run (refs/pull/1/merge) under the exact identity: primary-identity', async () => {
  assertRejected(await flow.verify(await signedAs('acme/app/.github/workflows/release.yml@refs/pull/1/merge')), 'primary-identity', 'primary-identity');
});

test('I5 a pull-request run matching a ref pattern, with eventName pinned to push: primary-claim', async () => {
  const policy = policyWith(flow, { identityPattern: ANY_REF, githubClaims: { eventName: 'push' } });
  assertVerified(await flow.verify(genuine, { policy }));
  assertRejected(await flow.verify(await signedAs('acme/app/.github/workflows/release.yml@refs/pull/1/merge'), { policy }), 'primary-identity', 'primary-claim');
});

test('I6 suffix tricks on the pinned identity (main-evil, release.yml.evil.yml, app-fork): primary-identity', async () => {
  for (const ref of [
    'acme/app/.github/workflows/release.yml@refs/heads/main-evil',
    'acme/app/.github/workflows/release.yml.evil.yml@refs/heads/main',
    'acme/app-fork/.github/workflows/release.yml@refs/heads/main',
  ]) {
    assertRejected(await flow.verify(await signedAs(ref)), 'primary-identity', 'primary-identity');
  }
});

test('I7 prefix tricks (evilacme/app, acme/xapp): primary-identity', async () => {
  for (const ref of ['evilacme/app/.github/workflows/release.yml@refs/heads/main', 'acme/xapp/.github/workflows/release.yml@refs/heads/main']) {
    assertRejected(await flow.verify(await signedAs(ref)), 'primary-identity', 'primary-identity');
  }
});

test('I8 a pattern is matched as a whole: a suffix after the pinned ref is rejected: primary-identity', async () => {
  const policy = policyWith(flow, { identityPattern: '^https://github\\.com/acme/app/\\.github/workflows/release\\.yml@refs/heads/main$' });
  assertVerified(await flow.verify(genuine, { policy }));
  assertRejected(await flow.verify(await signedAs('acme/app/.github/workflows/release.yml@refs/heads/main-evil'), { policy }), 'primary-identity', 'primary-identity');
});

test('I9 the regular-expression opt-in unanchored or with a top-level alternation is refused: policy-bad-pattern', () => {
  for (const identityPattern of [
    'https://github\\.com/acme/app/.*', // unanchored: would match inside any identity
    '^https://github\\.com/acme/app/.*', // no $
    '^https://github\\.com/acme/app/x$|evil', // (^...$)|(evil): any identity containing "evil"
    '^https://github\\.com/acme/app/x\\$', // the $ is escaped: not an anchor
  ]) {
    assert.throws(() => policyWith(flow, { identityPattern }), (err: unknown) => err instanceof PolicyError && err.code === 'policy-bad-pattern', identityPattern);
  }
});

test('I10 the pinned issuer differs (a look-alike issuer URL): primary-issuer', async () => {
  const policy = policyWith(flow, { issuer: 'https://token.actions.githubusercontent.com.evil.example' });
  assertRejected(await flow.verify(genuine, { policy }), 'primary-identity', 'primary-issuer');
});

test('I11 a deleted and re-registered repository (same name, another repositoryId): primary-claim', async () => {
  const policy = policyWith(flow, { githubClaims: { repositoryId: '1' } });
  assertRejected(await flow.verify(genuine, { policy }), 'primary-identity', 'primary-claim');
});

test('I12 a self-hosted runner where the policy pins github-hosted (or the reverse): primary-claim', async () => {
  const report = await flow.verify(genuine);
  const actual = report.primary?.claims.runnerEnvironment;
  assert.ok(actual === 'github-hosted' || actual === 'self-hosted', String(actual));
  const policy = policyWith(flow, { githubClaims: { runnerEnvironment: actual === 'github-hosted' ? 'self-hosted' : 'github-hosted' } });
  assertRejected(await flow.verify(genuine, { policy }), 'primary-identity', 'primary-claim');
});

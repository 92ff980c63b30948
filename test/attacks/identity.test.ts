// Attack catalogue, part 5 (spec/ATTACKS.md §10): a primary signature from a look-alike
// identity, countersigned with B's stolen key (forged), so that only the identity check stands
// between it and "verified": another repository, workflow or ref, a pull-request trigger,
// prefix and suffix tricks, the regular-expression opt-in, another issuer, re-registered
// repositories (ids), runner environment; and (issue 13 F9) another repository calling the
// pinned workflow as a reusable workflow: the same SAN, only the source repository differs.
// Every case runs on a public-good-shaped stack and on a github-mode stack (issue 14: GitHub's
// Fulcio without CT log or SCT, the TSA only): the identity check reads the same certificate
// extensions on both, so every verdict is the same.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyError, VerificationError } from '../../src/lib/basics/errors/errors.ts';
import { signerFromCertificate } from '../../src/lib/checks/sigstore/identity.ts';
import { sourceRepositoryOf } from '../../src/stack/index.ts';
import { type Flow, forgeCountersigned, primaryJson, startFlow } from '../../tools/flow.ts';
import { INSTANCES, assertRejected, assertVerified, policyWith } from './helpers.ts';

for (const instance of INSTANCES) {
  describe(instance, () => {
    let flow: Flow;
    let statement: Uint8Array;
    let genuine: Uint8Array;
    const PIN = 'acme/app/.github/workflows/release.yml@refs/heads/main';
    /** The pinned identity as an anchored pattern over refs (the explicit opt-in). */
    const ANY_REF = '^https://github\\.com/acme/app/\\.github/workflows/release\\.yml@refs/.+$';

    before(async () => {
      flow = await startFlow({ jobWorkflowRef: PIN, instance });
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
      assertRejected(
        await flow.verify(await signedAs('evil/app/.github/workflows/release.yml@refs/heads/main')),
        'primary-identity',
        'primary-identity',
      );
    });

    test('I2 another workflow of the same repository (debug.yml): primary-identity', async () => {
      assertRejected(
        await flow.verify(await signedAs('acme/app/.github/workflows/debug.yml@refs/heads/main')),
        'primary-identity',
        'primary-identity',
      );
    });

    test('I3 another ref (a feature branch, a tag): primary-identity', async () => {
      for (const ref of ['refs/heads/feature', 'refs/tags/v1']) {
        assertRejected(
          await flow.verify(await signedAs(`acme/app/.github/workflows/release.yml@${ref}`)),
          'primary-identity',
          'primary-identity',
        );
      }
    });

    test('I4 a pull-request run (refs/pull/1/merge) under the exact identity: primary-identity', async () => {
      assertRejected(
        await flow.verify(await signedAs('acme/app/.github/workflows/release.yml@refs/pull/1/merge')),
        'primary-identity',
        'primary-identity',
      );
    });

    test('I5 a pull-request run matching a ref pattern, with eventName pinned to push: primary-claim', async () => {
      const policy = policyWith(flow, { identityPattern: ANY_REF, githubClaims: { eventName: 'push' } });
      assertVerified(await flow.verify(genuine, { policy }));
      assertRejected(
        await flow.verify(await signedAs('acme/app/.github/workflows/release.yml@refs/pull/1/merge'), { policy }),
        'primary-identity',
        'primary-claim',
      );
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
      for (const ref of [
        'evilacme/app/.github/workflows/release.yml@refs/heads/main',
        'acme/xapp/.github/workflows/release.yml@refs/heads/main',
      ]) {
        assertRejected(await flow.verify(await signedAs(ref)), 'primary-identity', 'primary-identity');
      }
    });

    test('I8 a pattern is matched as a whole: a suffix after the pinned ref is rejected: primary-identity', async () => {
      const policy = policyWith(flow, {
        identityPattern: '^https://github\\.com/acme/app/\\.github/workflows/release\\.yml@refs/heads/main$',
      });
      assertVerified(await flow.verify(genuine, { policy }));
      assertRejected(
        await flow.verify(await signedAs('acme/app/.github/workflows/release.yml@refs/heads/main-evil'), { policy }),
        'primary-identity',
        'primary-identity',
      );
    });

    test('I9 the regular-expression opt-in unanchored or with a top-level alternation is refused: policy-bad-pattern', () => {
      for (const identityPattern of [
        'https://github\\.com/acme/app/.*', // unanchored: would match inside any identity
        '^https://github\\.com/acme/app/.*', // no $
        '^https://github\\.com/acme/app/x$|evil', // (^...$)|(evil): any identity containing "evil"
        '^https://github\\.com/acme/app/x\\$', // the $ is escaped: not an anchor
      ]) {
        assert.throws(
          () => policyWith(flow, { identityPattern }),
          (err: unknown) => err instanceof PolicyError && err.code === 'policy-bad-pattern',
          identityPattern,
        );
      }
    });

    test('I10 the pinned issuer differs (a look-alike issuer URL): primary-issuer', async () => {
      const policy = policyWith(flow, { issuer: 'https://token.actions.githubusercontent.com.evil.example' });
      assertRejected(await flow.verify(genuine, { policy }), 'primary-identity', 'primary-issuer');
    });

    test('I11 a deleted and re-registered repository (same name, another repositoryId): primary-source-repository', async () => {
      const policy = policyWith(flow, { githubClaims: { repositoryId: '1' } });
      assertRejected(await flow.verify(genuine, { policy }), 'primary-identity', 'primary-source-repository');
    });

    test('I12 a self-hosted runner where the policy pins github-hosted (or the reverse): primary-claim', async () => {
      const report = await flow.verify(genuine);
      const actual = report.primary?.claims.runnerEnvironment;
      assert.ok(actual === 'github-hosted' || actual === 'self-hosted', String(actual));
      const policy = policyWith(flow, {
        githubClaims: { runnerEnvironment: actual === 'github-hosted' ? 'self-hosted' : 'github-hosted' },
      });
      assertRejected(await flow.verify(genuine, { policy }), 'primary-identity', 'primary-claim');
    });

    // --- Issue 13 F9: a reusable workflow (on: workflow_call) called from another repository.

    /** A workflow of another organisation's repository that calls A's release workflow (`uses: acme/app/.github/workflows/release.yml@refs/heads/main`). */
    const CALLER = 'evil/fork/.github/workflows/ci.yml@refs/heads/main';

    test("F9 a reusable-workflow call from another repository has A's SAN, the caller's source repository; A's own run verifies", async () => {
      const mine = await flow.sign(statement);
      const theirs = await flow.sign(statement, { callerWorkflowRef: CALLER });
      const signer = (bytes: Uint8Array) =>
        signerFromCertificate(Buffer.from(primaryJson(bytes).verificationMaterial.certificate.rawBytes, 'base64'));
      const [a, caller] = [signer(mine), signer(theirs)];
      // The SAN (and Fulcio's Build Signer URI, .9) is A's workflow in both: the identity alone cannot tell them apart.
      assert.equal(caller.identity, `https://github.com/${PIN}`);
      assert.equal(caller.identity, a.identity);
      assert.equal(caller.extensions.jobWorkflowRef, a.extensions.jobWorkflowRef);
      // The source repository (.12, .15, .17) and the run's own workflow (.18) are the caller's.
      const evil = sourceRepositoryOf('evil/fork');
      assert.deepEqual(
        [caller.extensions.repository, caller.extensions.repositoryId, caller.extensions.repositoryOwnerId],
        [evil.repository, evil.repositoryId, evil.repositoryOwnerId],
      );
      assert.equal(caller.extensions.workflowRef, CALLER);
      assert.deepEqual(
        [a.extensions.repository, a.extensions.repositoryId, a.extensions.repositoryOwnerId],
        Object.values(flow.stack.sourceRepository),
      );
      assert.notEqual(evil.repositoryId, flow.stack.sourceRepository.repositoryId);
      // A's own run passes the pinned policy, as does its countersigned release.
      assertVerified(await flow.verify(await flow.countersign(mine, flow.keys.b)));
    });

    test("F9 the caller's primary, countersigned with B's stolen key, is rejected by verify: primary-source-repository", async () => {
      const forged = await forgeCountersigned(
        await flow.sign(statement, { callerWorkflowRef: CALLER }),
        flow.keys.b.signer,
      );
      const report = await flow.verify(forged);
      assertRejected(report, 'primary-identity', 'primary-source-repository');
      assert.match(report.failure?.message ?? '', /repository expected "acme\/app", found "evil\/fork"/);
      // Each claim of the pin alone stops it: a caller of the same owner (only the repository differs) too.
      const sameOwner = await forgeCountersigned(
        await flow.sign(statement, { callerWorkflowRef: 'acme/other/.github/workflows/ci.yml@refs/heads/main' }),
        flow.keys.b.signer,
      );
      for (const claim of ['repository', 'repositoryId'] as const) {
        const policy = policyWith(flow, {
          unsafeNoSourceRepositoryPin: true,
          githubClaims: { [claim]: flow.stack.sourceRepository[claim] },
        });
        assertRejected(await flow.verify(sameOwner, { policy }), 'primary-identity', 'primary-source-repository');
      }
      // The owner id pins the organisation, not the repository: the explicit opt-out then lets a sibling repository sign.
      const ownerOnly = policyWith(flow, {
        unsafeNoSourceRepositoryPin: true,
        githubClaims: { repositoryOwnerId: flow.stack.sourceRepository.repositoryOwnerId },
      });
      assertVerified(await flow.verify(sameOwner, { policy: ownerOnly }));
      assertRejected(await flow.verify(forged, { policy: ownerOnly }), 'primary-identity', 'primary-source-repository');
      // What the finding was: with no pin at all (now only by the explicit opt-out), the caller's primary verifies.
      assertVerified(await flow.verify(forged, { policy: policyWith(flow, { unsafeNoSourceRepositoryPin: true }) }));
    });

    test("F9 B's countersign flow refuses the caller's primary: B does not countersign it", async () => {
      const theirs = await flow.sign(statement, { callerWorkflowRef: CALLER });
      await assert.rejects(flow.countersign(theirs, flow.keys.b), (err: unknown) => {
        assert.ok(err instanceof VerificationError, String(err));
        assert.equal(err.code, 'primary-source-repository');
        return true;
      });
    });
  });
}

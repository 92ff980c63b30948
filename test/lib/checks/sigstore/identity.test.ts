// The primary identity check (docs/design.md §4 step 3): exact issuer, exact SAN (or an explicitly
// anchored pattern), pinned GitHub claims. Look-alike identities must never pass. The signer
// comes from a real Fulcio certificate of the public sigstore-conformance suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PolicyError, VerificationError } from '../../../../src/lib/basics/errors/errors.ts';
import {
  checkPrimaryIdentity,
  signerFromCertificate,
  type PrimaryIdentityPolicy,
  type PrimarySigner,
} from '../../../../src/lib/checks/sigstore/identity.ts';

const CASES = new URL('../../../vectors/sigstore-conformance/bundle-verify/', import.meta.url);
const bundle = JSON.parse(readFileSync(new URL('happy-path-intoto-in-dsse-v3/bundle.sigstore.json', CASES), 'utf8'));
const CERT = Buffer.from(bundle.verificationMaterial.certificate.rawBytes, 'base64');

const ISSUER = 'https://token.actions.githubusercontent.com';
const REPO = 'sigstore-conformance/extremely-dangerous-public-oidc-beacon';
const WORKFLOW = `https://github.com/${REPO}/.github/workflows/extremely-dangerous-oidc-beacon.yml`;
const IDENTITY = `${WORKFLOW}@refs/heads/main`;

const signer = signerFromCertificate(CERT);
const exact: PrimaryIdentityPolicy = { issuer: ISSUER, identity: IDENTITY };

function rejects(s: PrimarySigner, policy: PrimaryIdentityPolicy, code: string): VerificationError {
  let caught: unknown;
  assert.throws(
    () => checkPrimaryIdentity(s, policy),
    (err: unknown) => {
      caught = err;
      return err instanceof VerificationError && err.code === code;
    },
  );
  return caught as VerificationError;
}

test('the signer is read from the Fulcio certificate: SAN, issuer and GitHub claims', () => {
  assert.equal(signer.identity, IDENTITY);
  assert.equal(signer.issuer, ISSUER);
  assert.equal(signer.extensions.repository, REPO);
  assert.equal(signer.extensions.repositoryId, '632596897');
  assert.equal(signer.extensions.repositoryOwner, 'sigstore-conformance');
  assert.equal(signer.extensions.repositoryOwnerId, '131804563');
  assert.equal(signer.extensions.ref, 'refs/heads/main');
  assert.equal(signer.extensions.sha, '82a3bfe6dd50fe9c71d6315eae66da15307856cf');
  assert.equal(signer.extensions.runnerEnvironment, 'github-hosted');
  assert.equal(signer.extensions.eventName, 'workflow_dispatch');
  assert.equal(
    signer.extensions.workflowRef,
    `${REPO}/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main`,
  );
});

test('the exact identity, issuer and claims pass', () => {
  checkPrimaryIdentity(signer, exact);
  checkPrimaryIdentity(signer, {
    ...exact,
    githubClaims: {
      repository: REPO,
      repositoryId: '632596897',
      repositoryOwner: 'sigstore-conformance',
      repositoryOwnerId: '131804563',
      ref: 'refs/heads/main',
      runnerEnvironment: 'github-hosted',
      eventName: 'workflow_dispatch',
    },
  });
  checkPrimaryIdentity(signer, {
    issuer: ISSUER,
    identityPattern: `^${WORKFLOW.replaceAll('.', '\\.')}@refs/(heads/main|tags/v[0-9]+)$`,
  });
});

test('look-alike identities are rejected with expected and found', () => {
  const lookAlikes = [
    IDENTITY.replace(REPO, 'sigstore-conformance/extremely-dangerous-public-oidc-beacon-evil'), // other repo, same prefix
    IDENTITY.replace('sigstore-conformance/', 'sigstore-conformance-evil/'), // other owner
    IDENTITY.replace('extremely-dangerous-oidc-beacon.yml', 'other.yml'), // other workflow
    IDENTITY.replace('refs/heads/main', 'refs/heads/feature'), // other ref
    `${IDENTITY}.evil`, // suffix
    `${IDENTITY}/`,
    `https://evil.example/${IDENTITY}`, // prefix
    IDENTITY.replace('https://github.com/', 'https://github.com.evil.example/'),
    IDENTITY.toUpperCase(),
    IDENTITY.replace('refs/heads/main', 'refs/heads/main\u0000'),
  ];
  for (const identity of lookAlikes) {
    const err = rejects({ ...signer, identity }, exact, 'primary-identity');
    assert.equal(err.expected, IDENTITY);
    assert.equal(err.found, identity);
  }
  // The policy side too: a policy pinning a look-alike does not accept the real signer.
  rejects(signer, { issuer: ISSUER, identity: `${IDENTITY}.evil` }, 'primary-identity');
  rejects(signer, { issuer: ISSUER, identity: IDENTITY.slice(0, -1) }, 'primary-identity');
});

test('another issuer is rejected, even a look-alike of the pinned one', () => {
  for (const issuer of [
    'https://token.actions.githubusercontent.com.evil.example',
    'https://token.actions.githubusercontent.com/',
    'https://accounts.google.com',
  ]) {
    const err = rejects({ ...signer, issuer }, exact, 'primary-issuer');
    assert.equal(err.expected, ISSUER);
    assert.equal(err.found, issuer);
  }
});

test('a pattern matches the whole SAN only', () => {
  const pattern = `^${WORKFLOW.replaceAll('.', '\\.')}@refs/heads/main$`;
  rejects(
    { ...signer, identity: `${IDENTITY}.evil` },
    { issuer: ISSUER, identityPattern: pattern },
    'primary-identity',
  );
  rejects({ ...signer, identity: `x${IDENTITY}` }, { issuer: ISSUER, identityPattern: pattern }, 'primary-identity');
});

test("one identity-pattern rule, the policy parser's: unanchored patterns and a top-level | are refused here too (policy-bad-pattern)", () => {
  const bad: PrimaryIdentityPolicy[] = [
    { issuer: ISSUER, identityPattern: 'https://github\\.com/sigstore-conformance/.*' },
    { issuer: ISSUER, identityPattern: '^https://github\\.com/sigstore-conformance/.*' },
    { issuer: ISSUER, identityPattern: 'https://github\\.com/sigstore-conformance/.*$' },
    { issuer: ISSUER, identityPattern: '^https://github\\.com/sigstore-conformance/.*\\$' }, // escaped $: no anchor
    { issuer: ISSUER, identityPattern: '^(unclosed$' },
    // `^a|b$` anchors only half of each alternative: the parser refuses it, and so does the check.
    { issuer: ISSUER, identityPattern: `^${WORKFLOW.replaceAll('.', '\\.')}@refs/heads/main|never$` },
    { issuer: ISSUER, identityPattern: `^${WORKFLOW.replaceAll('.', '\\.')}@refs/heads/main$|^never$` },
    { issuer: ISSUER },
  ];
  for (const policy of bad) {
    // A PolicyError (exit 2 in the CLI), never a pass and never a silent fallback.
    assert.throws(
      () => checkPrimaryIdentity(signer, policy),
      (err: unknown) => err instanceof PolicyError && err.code === 'policy-bad-pattern',
      JSON.stringify(policy),
    );
  }
  // With a group, the same alternation is a pattern.
  checkPrimaryIdentity(signer, {
    issuer: ISSUER,
    identityPattern: `^${WORKFLOW.replaceAll('.', '\\.')}@refs/(?:heads/main|tags/v1)$`,
  });
});

test('a policy the parser would refuse never passes the check either: each field still has to match', () => {
  rejects(signer, { issuer: '', identity: IDENTITY }, 'primary-issuer');
  rejects(signer, { issuer: ISSUER, identity: '' }, 'primary-identity');
  rejects(signer, { issuer: ISSUER, identity: IDENTITY, githubClaims: { repo: REPO } as never }, 'primary-claim');
  rejects(
    signer,
    { issuer: ISSUER, identity: IDENTITY, githubClaims: { repository: '' } },
    'primary-source-repository',
  );
  // Both an identity and a pattern (policy-ambiguous to the parser): both must hold.
  rejects(signer, { issuer: ISSUER, identity: IDENTITY, identityPattern: '^never$' }, 'primary-identity');
});

test('claims must match exactly, and a pinned claim missing from the certificate fails', () => {
  // The source repository (Fulcio .12, .15, .17) is primary-source-repository, the other claims primary-claim.
  const cases: [keyof NonNullable<PrimaryIdentityPolicy['githubClaims']>, string, string][] = [
    ['repository', `${REPO}-evil`, 'primary-source-repository'],
    ['repositoryId', '632596898', 'primary-source-repository'],
    ['repositoryOwner', 'sigstore', 'primary-claim'],
    ['repositoryOwnerId', '1', 'primary-source-repository'],
    ['ref', 'refs/heads/main.evil', 'primary-claim'],
    ['runnerEnvironment', 'self-hosted', 'primary-claim'],
    ['eventName', 'push', 'primary-claim'],
  ];
  for (const [claim, value, code] of cases) {
    const err = rejects(signer, { ...exact, githubClaims: { [claim]: value } }, code);
    assert.equal(err.expected, value);
    assert.equal(err.found, signer.extensions[claim]);
  }
  const { repositoryId: _dropped, ...withoutId } = signer.extensions;
  const err = rejects(
    { ...signer, extensions: withoutId },
    { ...exact, githubClaims: { repositoryId: '632596897' } },
    'primary-source-repository',
  );
  assert.match(err.message, /repositoryId expected "632596897", found none$/);
  // The whole pin of this certificate passes; the source repository is checked before the other claims.
  const pin = { repository: REPO, repositoryId: '632596897', repositoryOwnerId: '131804563' };
  checkPrimaryIdentity(signer, { ...exact, githubClaims: pin });
  const both = rejects(
    signer,
    { ...exact, githubClaims: { eventName: 'push', ...pin, repositoryOwnerId: '1' } },
    'primary-source-repository',
  );
  assert.match(
    both.message,
    /^primary signature: certificate source repository is not the pinned one \(.*reusable workflow\): repositoryOwnerId expected "1", found "131804563"$/,
  );
});

test('a certificate whose V1 and V2 claim extensions disagree is refused', () => {
  const der = Buffer.from(CERT);
  // The deprecated 1.3.6.1.4.1.57264.1.5 extension holds the repository as raw bytes.
  const oid = Buffer.from([0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xbf, 0x30, 0x01, 0x05]);
  const v1Repo = der.indexOf(Buffer.from(REPO), der.indexOf(oid));
  assert.ok(der.indexOf(oid) > 0 && v1Repo - der.indexOf(oid) < 20);
  der[v1Repo] = 'S'.charCodeAt(0);
  assert.throws(
    () => signerFromCertificate(der),
    (err: unknown) =>
      err instanceof VerificationError && err.code === 'primary-certificate' && /disagree/.test(err.message),
  );
});

test('a certificate with a repeated extension is refused', () => {
  const der = Buffer.from(CERT);
  // OID 1.3.6.1.4.1.57264.1.4 (workflow name) rewritten to .1.5: two "repository" extensions.
  const oid = Buffer.from([0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xbf, 0x30, 0x01, 0x04]);
  const at = der.indexOf(oid);
  assert.ok(at > 0);
  der[at + oid.length - 1] = 0x05;
  assert.throws(
    () => signerFromCertificate(der),
    (err: unknown) =>
      err instanceof VerificationError && err.code === 'primary-certificate' && /more than once/.test(err.message),
  );
});

test('garbage is not a certificate', () => {
  assert.throws(
    () => signerFromCertificate(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])),
    (err: unknown) => err instanceof VerificationError && err.code === 'primary-certificate',
  );
});

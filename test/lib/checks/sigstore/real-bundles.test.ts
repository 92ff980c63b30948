// Real bundles from the public-good, Rekor v2, staging and GitHub Sigstore instances
// (test/vectors/real-sigstore/, sources in its SOURCES.md): each gets the verdict its source's
// own tests give, verified with @sigstore/verify under the thresholds of its instance. This
// is the ground truth that the project's primary verification (src/lib/checks/sigstore) must
// meet on real instances, GitHub's among them (issue 14).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import { VerificationError } from '../../../../src/lib/basics/errors/errors.ts';
import { loadTrustedRoot } from '../../../../src/lib/checks/sigstore/trusted-root.ts';
import { verifyPrimary } from '../../../../src/lib/checks/sigstore/verify-primary.ts';
import { REAL_CASES, type RealCase, THRESHOLDS, bundlesOf, readReal } from './real-cases.ts';

/** The in-toto subject must name the artifact's digest (@sigstore/verify does not look). */
function checkSubject(json: Record<string, unknown>, c: RealCase): void {
  const envelope = json.dsseEnvelope as { payload: string; payloadType: string } | undefined;
  if (envelope?.payloadType !== 'application/vnd.in-toto+json') return;
  const alg = c.digest?.alg ?? c.digestAlg ?? 'sha256';
  const hex = c.digest?.hex ?? (c.artifact ? createHash(alg).update(readReal(c.artifact)).digest('hex') : undefined);
  if (hex === undefined) return;
  const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as {
    subject?: { digest?: Record<string, string> }[];
  };
  if (!(statement.subject ?? []).some((s) => s.digest?.[alg] === hex))
    throw new Error(`no in-toto subject ${alg}:${hex}`);
}

function verifyCase(c: RealCase): void {
  const trust = toTrustMaterial(TrustedRoot.fromJSON(JSON.parse(readReal(c.trustedRoot).toString('utf8'))));
  const verifier = new Verifier(trust, THRESHOLDS[c.instance]);
  const policy = {
    ...(c.san ? { subjectAlternativeName: c.san } : {}),
    ...(c.issuer ? { extensions: { issuer: c.issuer } } : {}),
  };
  for (const json of bundlesOf(c.bundle)) {
    const artifact = !json.dsseEnvelope && c.artifact ? readReal(c.artifact) : undefined;
    verifier.verify(
      toSignedEntity(bundleFromJSON(json), artifact),
      Object.keys(policy).length > 0 ? policy : undefined,
    );
    checkSubject(json, c);
  }
}

test('real bundles: the cases cover every instance, passes and failures', () => {
  const instances = new Set(REAL_CASES.map((c) => c.instance));
  assert.deepEqual([...instances].sort(), ['github', 'public-good', 'rekor-v2', 'staging']);
  assert.ok(REAL_CASES.some((c) => c.expect === 'fail') && REAL_CASES.some((c) => c.expect === 'pass'));
});

for (const c of REAL_CASES) {
  test(`real bundle ${c.name}: ${c.expect}${c.why ? ` (${c.why})` : ''}`, () => {
    if (c.expect === 'pass') verifyCase(c);
    else
      assert.throws(() => {
        verifyCase(c);
      });
  });
}

// Our own primary check on the real instances (issue 14 #1): an SCT is required exactly when the
// pinned trusted root lists a CT log.
const rootJson = (path: string): Record<string, unknown> =>
  JSON.parse(readReal(path).toString('utf8')) as Record<string, unknown>;

test('issue 14 #1: verifyPrimary accepts GitHub-instance provenance (its trusted root lists no CT log, its certificate has no SCT)', () => {
  const [bundle] = bundlesOf('github/attest-demo-whl.bundle.jsonl');
  const trust = loadTrustedRoot(rootJson('trusted-roots/github-trusted-root.json'), 'GitHub trusted root');
  const primary = verifyPrimary(bundle, trust);
  assert.equal(
    primary.signer.identity,
    'https://github.com/actions/attest-demo/.github/workflows/build-python.yml@refs/heads/main',
  );
  assert.equal(primary.tlogEntries.length, 0);
  assert.equal(primary.timestamps.length, 1);
});

test('issue 14 #1: verifyPrimary still requires an SCT when the trusted root lists a CT log', () => {
  const [bundle] = bundlesOf('github/attest-demo-whl.bundle.jsonl');
  const withCtlog = {
    ...rootJson('trusted-roots/github-trusted-root.json'),
    ctlogs: rootJson('trusted-roots/public-good-trusted-root.json').ctlogs,
  };
  const trust = loadTrustedRoot(withCtlog, 'GitHub trusted root with a CT log');
  assert.throws(
    () => verifyPrimary(bundle, trust),
    (err: unknown) => err instanceof VerificationError && err.code === 'primary-certificate' && /SCT/.test(err.message),
  );
});

test('issue 14 #1: verifyPrimary accepts a public-good v0.3 DSSE bundle (SCT, Rekor v1 inclusion proof)', () => {
  const [bundle] = bundlesOf('public-good/sigstore-js-2.1.0.v03.bundle.json');
  const trust = loadTrustedRoot(rootJson('trusted-roots/public-good-trusted-root.json'), 'public-good trusted root');
  const primary = verifyPrimary(bundle, trust);
  assert.equal(
    primary.signer.identity,
    'https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main',
  );
  assert.equal(primary.tlogEntries.length, 1);
});

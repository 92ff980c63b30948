// The certificates' remembered DER encodings (src/lib/checks/sigstore/certificate-encodings.ts):
// the same bytes as @sigstore/core's own re-encoding, isolated from callers that write into
// them and from the clone the SCT check edits, the same verdict on every real bundle
// (test/vectors/real-sigstore/, sources in its SOURCES.md), and in use by verifyPrimary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleFromJSON } from '@sigstore/bundle';
import { X509Certificate } from '@sigstore/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, toTrustMaterial, type TrustMaterial } from '@sigstore/verify';
import {
  rememberCertificateEncodings,
  rememberLeafEncodings,
  rememberTrustEncodings,
} from '../../../../src/lib/checks/sigstore/certificate-encodings.ts';
import { loadTrustedRoot } from '../../../../src/lib/checks/sigstore/trusted-root.ts';
import { verifyPrimary } from '../../../../src/lib/checks/sigstore/verify-primary.ts';
import { REAL_CASES, type RealCase, THRESHOLDS, bundlesOf, readReal } from './real-cases.ts';

const ROOTS = [
  'trusted-roots/public-good-trusted-root.json',
  'trusted-roots/github-trusted-root.json',
  'trusted-roots/staging-trusted-root.sigstore-python.json',
];
const trustOf = (path: string): TrustMaterial =>
  toTrustMaterial(TrustedRoot.fromJSON(JSON.parse(readReal(path).toString('utf8'))));
const certificatesOf = (trust: TrustMaterial): X509Certificate[] =>
  [...trust.certificateAuthorities, ...trust.timestampAuthorities].flatMap((ca) => ca.certChain);

/** What @sigstore/core computes for a certificate this module has never seen. */
const fresh = (cert: X509Certificate) => {
  const copy = X509Certificate.parse(Buffer.from(cert.root.toDER()));
  return { whole: copy.root.toDER(), tbs: copy.tbsCertificate.toDER() };
};

test('remembered encodings are the bytes @sigstore/core computes, for every certificate of three real trusted roots', () => {
  let seen = 0;
  for (const path of ROOTS) {
    const trust = trustOf(path);
    const expected = certificatesOf(trust).map(fresh);
    rememberTrustEncodings(trust);
    certificatesOf(trust).forEach((cert, i) => {
      assert.ok(Object.hasOwn(cert.root, 'toDER') && Object.hasOwn(cert.tbsCertificate, 'toDER'), `${path} #${i}`);
      assert.deepEqual(cert.root.toDER(), expected[i]?.whole, `${path} #${i}: certificate`);
      assert.deepEqual(cert.tbsCertificate.toDER(), expected[i]?.tbs, `${path} #${i}: TBS part`);
      seen++;
    });
  }
  assert.ok(seen >= 6, `only ${seen} certificates`);
});

test('comparisons keep their answers: a certificate equals its own copy and no other', () => {
  const certs = certificatesOf(trustOf(ROOTS[0] as string));
  const copies = certs.map((c) => X509Certificate.parse(Buffer.from(c.root.toDER())));
  for (const c of certs) rememberCertificateEncodings(c);
  certs.forEach((c, i) =>
    copies.forEach((d, j) => {
      assert.equal(c.equals(d), i === j, `${i} vs ${j}`);
      assert.equal(d.equals(c), i === j, `${j} vs ${i}`);
    }),
  );
});

test('a caller that writes into a returned encoding does not change the next answer', () => {
  const [cert] = certificatesOf(trustOf(ROOTS[0] as string));
  assert.ok(cert);
  const before = fresh(cert);
  rememberCertificateEncodings(cert);
  cert.root.toDER().fill(0);
  cert.tbsCertificate.toDER().fill(0);
  assert.deepEqual(cert.root.toDER(), before.whole);
  assert.deepEqual(cert.tbsCertificate.toDER(), before.tbs);
});

test('remembering twice keeps the first encodings (idempotent, no second walk)', () => {
  const [cert] = certificatesOf(trustOf(ROOTS[1] as string));
  assert.ok(cert);
  rememberCertificateEncodings(cert);
  const first = Object.getOwnPropertyDescriptor(cert.root, 'toDER')?.value as unknown;
  assert.equal(typeof first, 'function');
  rememberCertificateEncodings(cert);
  assert.equal(Object.getOwnPropertyDescriptor(cert.root, 'toDER')?.value, first);
});

test('a clone is a new certificate: editing it (as the SCT check does) leaves the original encoding alone', () => {
  const bundle = JSON.parse(readReal('public-good/sigstore-js-2.1.0.v03.bundle.json').toString('utf8')) as Record<
    string,
    unknown
  >;
  const entity = toSignedEntity(bundleFromJSON(bundle));
  assert.equal(entity.key.$case, 'certificate');
  if (entity.key.$case !== 'certificate') return;
  const leaf = entity.key.certificate;
  const before = fresh(leaf);
  rememberLeafEncodings(entity);
  const clone = leaf.clone();
  assert.ok(!Object.hasOwn(clone.root, 'toDER'));
  const removed = clone.extensions.splice(0, 1);
  assert.equal(removed.length, 1);
  assert.notDeepEqual(clone.tbsCertificate.toDER(), before.tbs);
  assert.deepEqual(leaf.tbsCertificate.toDER(), before.tbs);
  assert.deepEqual(leaf.root.toDER(), before.whole);
});

/** The verdict of @sigstore/verify on every bundle of a case: 'pass', or the error's code. */
function verdict(c: RealCase, trust: TrustMaterial, remember: boolean): string {
  try {
    for (const json of bundlesOf(c.bundle)) {
      const artifact = !json.dsseEnvelope && c.artifact ? readReal(c.artifact) : undefined;
      const entity = toSignedEntity(bundleFromJSON(json), artifact);
      if (remember) {
        rememberTrustEncodings(trust);
        rememberLeafEncodings(entity);
      }
      new Verifier(trust, THRESHOLDS[c.instance]).verify(entity);
    }
    return 'pass';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

test('every real bundle gets the same verdict with remembered encodings, one shared trust material per root', () => {
  const shared = new Map<string, TrustMaterial>();
  let passes = 0;
  // Twice over, so that what one bundle's verification remembered is in place for every other.
  for (const round of [1, 2])
    for (const c of REAL_CASES) {
      const plain = verdict(c, trustOf(c.trustedRoot), false);
      const trust = shared.get(c.trustedRoot) ?? trustOf(c.trustedRoot);
      shared.set(c.trustedRoot, trust);
      assert.equal(verdict(c, trust, true), plain, `${c.name} (round ${round})`);
      if (plain === 'pass') passes++;
    }
  assert.ok(passes > 0 && passes < REAL_CASES.length * 2, 'both verdicts are represented');
});

test('verifyPrimary remembers the encodings of the trust material and of the leaf it verifies', () => {
  const [bundle] = bundlesOf('public-good/sigstore-js-2.1.0.v03.bundle.json');
  const trust = loadTrustedRoot(
    JSON.parse(readReal('trusted-roots/public-good-trusted-root.json').toString('utf8')),
    'public-good trusted root',
  );
  assert.ok(certificatesOf(trust).every((c) => !Object.hasOwn(c.root, 'toDER')));
  verifyPrimary(bundle, trust);
  assert.ok(
    certificatesOf(trust).every((c) => Object.hasOwn(c.root, 'toDER') && Object.hasOwn(c.tbsCertificate, 'toDER')),
  );
});

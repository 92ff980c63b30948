// @sigstore/core re-encodes a parsed certificate to DER every time it compares two certificates
// (X509Certificate.equals: root.toDER() of both) and every time it checks a certificate's
// signature (verify: tbsCertificate.toDER()). Each re-encoding walks every ASN.1 node and grows
// a fresh buffer 1 KiB at a time per node, and one Fulcio chain verification does it a few
// dozen times over the same trusted-root certificates: in the service's profile (issue 15)
// that was 40 % of a verification's time, and most of its garbage collection.
//
// A parsed certificate is never changed (@sigstore/verify edits only a clone, for the SCT
// check, and clone() parses fresh objects), so its two encodings are computed once, by the
// library's own toDER, and kept on that instance: the same bytes, without the work. Nothing
// else of the objects changes; a certificate this module has not seen behaves as before. The
// instances are the caller's: a caller that builds trust material by hand and then edits a
// certificate in place (nothing in @sigstore/* or here does) would have to delete `toDER`.
import type { X509Certificate } from '@sigstore/core';
import type { SignedEntity, TrustMaterial } from '@sigstore/verify';

type Encodable = X509Certificate['root'];

function remember(obj: Encodable | undefined): void {
  if (!obj || Object.hasOwn(obj, 'toDER')) return;
  const der = obj.toDER();
  // A copy for each caller: a caller that writes into its buffer cannot change the next answer.
  Object.defineProperty(obj, 'toDER', { value: () => Buffer.from(der), enumerable: false, configurable: true });
}

/** Keeps the DER encodings of `cert` (the whole certificate and its TBS part) on the instance. */
export function rememberCertificateEncodings(cert: X509Certificate): void {
  remember(cert.root);
  remember(cert.root.subs[0]);
}

/** The same for every certificate of a trust material (Fulcio and timestamp authority chains); idempotent. */
export function rememberTrustEncodings(trust: TrustMaterial): void {
  for (const ca of [...trust.certificateAuthorities, ...trust.timestampAuthorities])
    for (const cert of ca.certChain) rememberCertificateEncodings(cert);
}

/** The same for a signed entity's leaf certificate, if it has one. */
export function rememberLeafEncodings(entity: SignedEntity): void {
  if (entity.key.$case === 'certificate') rememberCertificateEncodings(entity.key.certificate);
}

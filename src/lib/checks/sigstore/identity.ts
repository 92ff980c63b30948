// Who made the primary signature, and is it who the policy pins (docs/design.md §4, step 3)?
// The signer is read from the Fulcio leaf certificate: the SAN (the workflow identity), the
// OIDC issuer and the GitHub claims Fulcio copies into its extensions
// (github.com/sigstore/fulcio docs/oid-info.md, arc 1.3.6.1.4.1.57264.1). Comparisons are
// exact; a regular expression only when the policy opts in, and then it must match the whole
// SAN. Look-alikes (another repository, workflow or ref, a prefix or suffix of the pinned
// value) must never pass, nor another repository that calls the pinned workflow as a reusable
// workflow (same SAN, its own source repository: the pinned source-repository claims).
import { X509Certificate } from '@sigstore/core';
import { VerificationError } from '../../basics/errors/errors.ts';
import { compileIdentityPattern } from '../../formats/policy/identity.ts';
import { SOURCE_REPOSITORY_CLAIMS, type GithubClaims, type PrimaryIdentityPolicy } from '../../formats/policy/types.ts';

export interface PrimarySigner {
  /** The certificate's single SAN: a URI (workflow identity) or an email address. */
  identity: string;
  /** The OIDC issuer that Fulcio verified the token against. */
  issuer: string;
  /** GitHub claims from Fulcio's extensions, by GitHub claim name (see FULCIO_CLAIMS). */
  extensions: Record<string, string>;
}

export type { GithubClaims, PrimaryIdentityPolicy };

const FULCIO = '1.3.6.1.4.1.57264.1';
type Encoding = 'raw' | 'der-utf8';
/** How to derive a claim: Fulcio OID, encoding, and whether the value is `{server URL}/{claim}`. */
interface ClaimSource {
  oid: string;
  encoding: Encoding;
  stripServerUrl?: boolean;
}
// V2 extensions (1.8 and up) are DER UTF8Strings; the deprecated 1.1-1.6 hold raw bytes. When
// a certificate carries both forms of a claim they must agree, or the certificate is refused.
const FULCIO_CLAIMS: Record<string, ClaimSource[]> = {
  issuer: [
    { oid: `${FULCIO}.8`, encoding: 'der-utf8' },
    { oid: `${FULCIO}.1`, encoding: 'raw' },
  ],
  eventName: [
    { oid: `${FULCIO}.20`, encoding: 'der-utf8' },
    { oid: `${FULCIO}.2`, encoding: 'raw' },
  ],
  sha: [
    { oid: `${FULCIO}.13`, encoding: 'der-utf8' },
    { oid: `${FULCIO}.3`, encoding: 'raw' },
  ],
  workflow: [{ oid: `${FULCIO}.4`, encoding: 'raw' }],
  repository: [
    { oid: `${FULCIO}.12`, encoding: 'der-utf8', stripServerUrl: true },
    { oid: `${FULCIO}.5`, encoding: 'raw' },
  ],
  ref: [
    { oid: `${FULCIO}.14`, encoding: 'der-utf8' },
    { oid: `${FULCIO}.6`, encoding: 'raw' },
  ],
  jobWorkflowRef: [{ oid: `${FULCIO}.9`, encoding: 'der-utf8', stripServerUrl: true }],
  jobWorkflowSha: [{ oid: `${FULCIO}.10`, encoding: 'der-utf8' }],
  runnerEnvironment: [{ oid: `${FULCIO}.11`, encoding: 'der-utf8' }],
  repositoryId: [{ oid: `${FULCIO}.15`, encoding: 'der-utf8' }],
  repositoryOwner: [{ oid: `${FULCIO}.16`, encoding: 'der-utf8', stripServerUrl: true }],
  repositoryOwnerId: [{ oid: `${FULCIO}.17`, encoding: 'der-utf8' }],
  workflowRef: [{ oid: `${FULCIO}.18`, encoding: 'der-utf8', stripServerUrl: true }],
  workflowSha: [{ oid: `${FULCIO}.19`, encoding: 'der-utf8' }],
  runInvocationUri: [{ oid: `${FULCIO}.21`, encoding: 'der-utf8' }],
  repositoryVisibility: [{ oid: `${FULCIO}.22`, encoding: 'der-utf8' }],
};

/** Reads the signer from a leaf certificate (DER). Throws VerificationError `primary-certificate`. */
export function signerFromCertificate(der: Uint8Array): PrimarySigner {
  let cert: X509Certificate;
  try {
    cert = X509Certificate.parse(Buffer.from(der));
  } catch (err) {
    throw certError(`not a parseable X.509 certificate (${err instanceof Error ? err.message : String(err)})`);
  }
  const extensionOids = cert.extensions.map((ext) => ext.subs[0]?.toOID());
  if (new Set(extensionOids).size !== extensionOids.length)
    throw certError('an extension appears more than once (RFC 5280 §4.2)');

  const claims: Record<string, string> = {};
  for (const [name, sources] of Object.entries(FULCIO_CLAIMS)) {
    const values = new Set<string>();
    for (const source of sources) {
      const ext = cert.extension(source.oid);
      if (!ext) continue;
      const raw = source.encoding === 'raw' ? strictUtf8(ext.value, source.oid) : derUtf8String(ext.value, source.oid);
      const value = source.stripServerUrl ? stripServerUrl(raw) : raw;
      // A value not of the `{server URL}/{claim}` form yields no claim: pinning it then fails.
      if (value !== undefined) values.add(value);
    }
    if (values.size > 1)
      throw certError(
        `claim ${name}: the V1 and V2 Fulcio extensions disagree (${[...values].map((v) => JSON.stringify(v)).join(' vs ')})`,
      );
    const [value] = values;
    if (value !== undefined) claims[name] = value;
  }
  const { issuer, ...extensions } = claims;
  if (!issuer) throw certError(`expected a Fulcio OIDC issuer extension (${FULCIO}.8 or .1), found none`);
  return { identity: singleSan(cert), issuer, extensions };
}

/**
 * Checks the verified signer against the policy: a parsed policy's (formats/policy/identity.ts
 * has checked its shape) or `verify-bundle`'s exact identity and issuer. Throws
 * VerificationError `primary-issuer` / `primary-identity` / `primary-source-repository` (a
 * pinned source-repository claim, checked before the other claims) / `primary-claim` on a
 * mismatch, and PolicyError `policy-bad-pattern` for a pattern the policy parser would have refused.
 */
export function checkPrimaryIdentity(signer: PrimarySigner, policy: PrimaryIdentityPolicy): void {
  if (signer.issuer !== policy.issuer) {
    throw new VerificationError(
      'primary-issuer',
      `primary signature: OIDC issuer is not the pinned one: expected ${JSON.stringify(policy.issuer)}, found ${JSON.stringify(signer.issuer)}`,
      {
        expected: policy.issuer,
        found: signer.issuer,
      },
    );
  }
  if (policy.identity !== undefined && signer.identity !== policy.identity)
    throw identityError(policy.identity, signer.identity);
  // A pattern, when there is one (both: the parser refuses that, and here both must hold); neither is a bad pattern.
  if (policy.identity === undefined || policy.identityPattern !== undefined) {
    const pattern = compileIdentityPattern(policy.identityPattern, 'identity policy: identityPattern');
    if (!pattern.test(signer.identity)) throw identityError(`a match of ${policy.identityPattern}`, signer.identity);
  }
  const claims = policy.githubClaims ?? {};
  for (const claim of SOURCE_REPOSITORY_CLAIMS) {
    const expected = claims[claim];
    const found = signer.extensions[claim];
    if (expected !== undefined && found !== expected) {
      throw new VerificationError(
        'primary-source-repository',
        `primary signature: certificate source repository is not the pinned one (the workflow run from another repository, e.g. one calling it as a reusable workflow): ${claim} expected ${JSON.stringify(expected)}, found ${found === undefined ? 'none' : JSON.stringify(found)}`,
        { expected, found: found ?? '' },
      );
    }
  }
  for (const [claim, expected] of Object.entries(claims)) {
    const found = signer.extensions[claim];
    if (found !== expected) {
      throw new VerificationError(
        'primary-claim',
        `primary signature: certificate claim ${claim} is not the pinned one: expected ${JSON.stringify(expected)}, found ${found === undefined ? 'none' : JSON.stringify(found)}`,
        { expected, found: found ?? '' },
      );
    }
  }
}

function identityError(expected: string, found: string): VerificationError {
  return new VerificationError(
    'primary-identity',
    `primary signature: certificate identity is not the pinned one: expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`,
    { expected, found },
  );
}

// Fulcio certificates carry exactly one SAN (a URI for workflows, an email for people).
// Several names would make "the identity" ambiguous, so they are refused.
function singleSan(cert: X509Certificate): string {
  // extnValue OCTET STRING -> GeneralNames SEQUENCE -> GeneralName (RFC 5280 §4.2.1.6).
  const names = cert.extension('2.5.29.17')?.valueObj.subs[0]?.subs ?? [];
  const [name] = names;
  if (names.length !== 1 || !name)
    throw certError(`expected exactly one subject alternative name, found ${names.length}`);
  if (!name.tag.isContextSpecific(6) && !name.tag.isContextSpecific(1)) {
    throw certError('expected the subject alternative name to be a URI or an email address, found another kind');
  }
  // IA5String content (RFC 5280 §4.2.1.6): ASCII only, no control characters.
  const text = name.value.toString('latin1');
  if (text === '' || !/^[\x21-\x7e]*$/.test(text))
    throw certError('subject alternative name is empty or not printable ASCII');
  return text;
}

function strictUtf8(bytes: Uint8Array, oid: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw certError(`extension ${oid}: expected UTF-8 text, found invalid bytes`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(text)) throw certError(`extension ${oid}: control character in value`);
  return text;
}

/** Decodes a DER UTF8String (tag 12) that must fill `bytes` exactly (X.690 §8.1, §10.1). */
function derUtf8String(bytes: Uint8Array, oid: string): string {
  let length = bytes[1];
  if (bytes[0] !== 0x0c || length === undefined) throw certError(`extension ${oid}: expected a DER UTF8String`);
  let offset = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count < 1 || count > 2 || bytes.length < 2 + count) throw certError(`extension ${oid}: bad DER length`);
    length = bytes.subarray(2, 2 + count).reduce((n, b) => n * 256 + b, 0);
    offset = 2 + count;
    if (length < 0x80 || (count === 2 && length < 0x100)) throw certError(`extension ${oid}: non-minimal DER length`);
  }
  if (offset + length !== bytes.length) throw certError(`extension ${oid}: DER length does not match the value`);
  return strictUtf8(bytes.subarray(offset), oid);
}

// Fulcio writes these claims as `{server URL}/{claim}`, e.g. https://github.com/acme/app for
// repository `acme/app`; GHES uses its own host. Strip exactly `https://host/`.
function stripServerUrl(value: string): string | undefined {
  return /^https:\/\/[^/?#@]+\/(.+)$/u.exec(value)?.[1];
}

function certError(message: string): VerificationError {
  return new VerificationError('primary-certificate', `primary signature: signing certificate: ${message}`);
}

// Sigstore verification of the primary signature (docs/design.md §4, step 2): the certificate chains
// to a pinned Fulcio CA, the signature is logged in a pinned Rekor (or timestamped by a pinned
// TSA) while the certificate was valid, and the DSSE signature verifies. The checklist itself
// is @sigstore/verify's Verifier (verifyTimestamps -> verifySigningKey -> verifyTLogs ->
// verifySignature); this file narrows what it accepts, maps its errors to our stable codes and
// returns exactly what the countersignature binds and the identity check reads.
import { createHash, type KeyObject } from 'node:crypto';
import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { RFC3161Timestamp } from '@sigstore/core';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, type SignedEntity, type TrustMaterial } from '@sigstore/verify';
import { rememberLeafEncodings, rememberTrustEncodings } from './certificate-encodings.ts';
import { equalBytes } from '../../basics/crypto/bytes.ts';
import { decodeCanonicalBase64 } from '../../basics/encoding/base64.ts';
import { InputError, VerificationError } from '../../basics/errors/errors.ts';
import type { VerificationCode } from '../../basics/errors/codes.ts';
import { parseNoteSignatureLine } from '../../formats/log/note-format.ts';
import { signerFromCertificate, type PrimarySigner } from './identity.ts';

/** Sigstore bundle v0.3, both spellings (sigstore_bundle.proto, Bundle.media_type). */
export const PRIMARY_MEDIA_TYPES: readonly string[] = [
  'application/vnd.dev.sigstore.bundle.v0.3+json',
  'application/vnd.dev.sigstore.bundle+json;version=0.3',
];
/** Older bundles, accepted only by the conformance verb. */
const LEGACY_MEDIA_TYPES: readonly string[] = [
  'application/vnd.dev.sigstore.bundle+json;version=0.1',
  'application/vnd.dev.sigstore.bundle+json;version=0.2',
];

export interface TlogEntryRef {
  /** base64 of the log's id (sha256 of its public key for Rekor v1). */
  logId: string;
  /** Decimal, as in the bundle JSON (int64). */
  logIndex: string;
  /** Seconds since the epoch; 0 for logs that do not give one (Rekor v2). */
  integratedTime: number;
}

/** What a verified primary yields: the exact bytes the countersignature binds, and the signer. */
export interface PrimaryResult {
  /** The exact DSSE payload bytes (the in-toto statement), never re-serialised. */
  payload: Uint8Array;
  payloadType: string;
  /** The raw DSSE signature bytes. */
  signature: Uint8Array;
  /** DER of the Fulcio leaf certificate. */
  certificate: Uint8Array;
  tlogEntries: TlogEntryRef[];
  /** RFC 3161 timestamp tokens, as in the bundle. */
  timestamps: Uint8Array[];
  signer: PrimarySigner;
  /** The earliest verified log or TSA time: when the signature is known to have existed. */
  verifiedTime: Date;
}

export type SignedContent =
  | { kind: 'dsse'; payload: Uint8Array; payloadType: string; signature: Uint8Array }
  | { kind: 'message-signature'; sha256: Uint8Array; signature: Uint8Array };

/** The general result, for any bundle the conformance verb accepts. */
export interface SigstoreBundleResult extends Omit<
  PrimaryResult,
  'payload' | 'payloadType' | 'signature' | 'certificate' | 'signer'
> {
  mediaType: string;
  content: SignedContent;
  /** Leaf certificate DER and signer; absent when a managed key signed the bundle. */
  certificate?: Uint8Array;
  signer?: PrimarySigner;
}

/** Verifies a signature over a precomputed SHA-256 digest (node:crypto always hashes itself). */
export type PrehashedVerifier = (key: KeyObject, sha256: Uint8Array, signature: Uint8Array) => boolean;

export interface VerifySigstoreBundleOptions {
  /** Message-signature bundles only: the artifact bytes, or its SHA-256 and a prehashed verifier. */
  artifact?: Uint8Array | { sha256: Uint8Array; verifyPrehashed: PrehashedVerifier };
  /**
   * Also accept bundles v0.1/v0.2, message signatures and managed keys (the Sigstore
   * conformance verb). Never for a countersign primary, which must be a v0.3 keyless DSSE.
   */
  allowAnyBundleKindUnsafe?: boolean;
  /** Names the input in messages. */
  what?: string;
}

/** Verifies a countersign primary: a Sigstore bundle v0.3, keyless, with one DSSE signature. */
export function verifyPrimary(
  bundleJson: unknown,
  trust: TrustMaterial,
  options: { what?: string } = {},
): PrimaryResult {
  const what = options.what ?? 'primary signature';
  const result = verifySigstoreBundle(bundleJson, trust, { what });
  const { content, certificate, signer } = result;
  // Unreachable unless verifySigstoreBundle's narrowing changed: fail closed regardless.
  if (content.kind !== 'dsse' || !certificate || !signer)
    throw new VerificationError('primary-malformed', `${what}: expected a keyless DSSE bundle`);
  return {
    payload: content.payload,
    payloadType: content.payloadType,
    signature: content.signature,
    certificate,
    tlogEntries: result.tlogEntries,
    timestamps: result.timestamps,
    signer,
    verifiedTime: result.verifiedTime,
  };
}

/** Verifies any supported Sigstore bundle. Throws VerificationError (or InputError for missing inputs). */
export function verifySigstoreBundle(
  bundleJson: unknown,
  trust: TrustMaterial,
  options: VerifySigstoreBundleOptions = {},
): SigstoreBundleResult {
  const what = options.what ?? 'primary signature';
  const anyKind = options.allowAnyBundleKindUnsafe === true;
  const bundle = parseBundle(bundleJson, what, anyKind);
  if (!anyKind) checkCanonicalBase64(bundleJson as Record<string, unknown>, what);
  const vm = bundle.verificationMaterial;
  const leaf =
    vm.content.$case === 'certificate'
      ? vm.content.certificate.rawBytes
      : vm.content.$case === 'x509CertificateChain'
        ? vm.content.x509CertificateChain.certificates[0]?.rawBytes
        : undefined;
  if (!anyKind && bundle.content.$case !== 'dsseEnvelope')
    throw fail('primary-not-dsse', what, 'expected a DSSE envelope, found a message signature');
  if (!anyKind && !leaf)
    throw fail('primary-certificate', what, 'expected a Fulcio certificate, found a public-key hint');

  let content: SignedContent;
  let entity: SignedEntity;
  try {
    if (bundle.content.$case === 'dsseEnvelope') {
      const env = bundle.content.dsseEnvelope;
      const [signature] = env.signatures;
      if (env.signatures.length !== 1 || !signature)
        throw fail('primary-malformed', what, `expected exactly one DSSE signature, found ${env.signatures.length}`);
      content = {
        kind: 'dsse',
        payload: new Uint8Array(env.payload),
        payloadType: env.payloadType,
        signature: new Uint8Array(signature.sig),
      };
      entity = toSignedEntity(bundle);
    } else {
      const { messageSignature } = bundle.content;
      const { sha256, bytes, verifyPrehashed } = artifactDigest(options.artifact, what);
      if (messageSignature.messageDigest.algorithm !== HashAlgorithm.SHA2_256)
        throw fail('primary-malformed', what, 'expected a SHA2_256 message digest');
      if (!equalBytes(sha256, messageSignature.messageDigest.digest)) {
        throw fail(
          'primary-artifact',
          what,
          `the artifact's sha256 ${hex(sha256)} is not the signed message digest ${hex(messageSignature.messageDigest.digest)}`,
        );
      }
      content = { kind: 'message-signature', sha256, signature: new Uint8Array(messageSignature.signature) };
      entity = toSignedEntity(bundle, bytes ? Buffer.from(bytes) : undefined);
      if (verifyPrehashed)
        entity.signature = prehashedContent(entity.signature, messageSignature.signature, sha256, verifyPrehashed);
    }
  } catch (err) {
    if (err instanceof VerificationError || err instanceof InputError) throw err;
    throw fail('primary-malformed', what, `unusable certificate or timestamp: ${describe(err)}`);
  }

  // A bundle is accepted with a Rekor entry or an RFC 3161 timestamp: every tlog entry present
  // is verified (inclusion proof or promise, body matches), and at least one verified time
  // (a Rekor v1 integrated time or a TSA token) must fall inside the certificate's validity.
  // Rekor v2 entries carry no integrated time (and GitHub's instance has no log): their bundles
  // pass only with a TSA timestamp (timestampThreshold 1; test/stack/instances.test.ts).
  // One SCT from a pinned CT log is required for a Fulcio certificate, when the instance has a
  // CT log: the trusted root says so. GitHub's instance lists none and its certificates carry no
  // SCT; requiring one there would refuse every genuine primary (issue 14 #1).
  const verifier = new Verifier(trust, {
    ctlogThreshold: trust.ctlogs.length > 0 ? 1 : 0,
    tlogThreshold: 0,
    timestampThreshold: 1,
  });
  try {
    // The certificates' DER encodings, computed once instead of at every comparison (certificate-encodings.ts).
    rememberTrustEncodings(trust);
    rememberLeafEncodings(entity);
    verifier.verify(entity);
  } catch (err) {
    throw mapVerifyError(err, what);
  }

  const tlogEntries = vm.tlogEntries.map((entry) => {
    if (!/^(0|[1-9][0-9]{0,18})$/.test(entry.logIndex))
      throw fail('primary-tlog', what, `expected a non-negative log index, found ${JSON.stringify(entry.logIndex)}`);
    if (!entry.logId?.keyId.length)
      throw fail('primary-tlog', what, 'expected a log id in every tlog entry, found none');
    return {
      logId: Buffer.from(entry.logId.keyId).toString('base64'),
      logIndex: entry.logIndex,
      integratedTime: Number(entry.integratedTime),
    };
  });
  const timestamps = (vm.timestampVerificationData?.rfc3161Timestamps ?? []).map(
    (t) => new Uint8Array(t.signedTimestamp),
  );
  const times = [
    ...vm.tlogEntries
      .filter((e) => e.inclusionPromise && e.integratedTime !== '0')
      .map((e) => new Date(Number(e.integratedTime) * 1000)),
    ...timestamps.map((t) => RFC3161Timestamp.parse(Buffer.from(t)).signingTime),
  ];
  // The Verifier demanded at least one of these; an empty list here would be a bug: fail closed.
  if (times.length === 0) throw fail('primary-timestamp', what, 'expected a verified log or TSA time, found none');
  const verifiedTime = new Date(Math.min(...times.map((t) => t.getTime())));
  const result: SigstoreBundleResult = { mediaType: bundle.mediaType, content, tlogEntries, timestamps, verifiedTime };
  if (leaf) {
    result.certificate = new Uint8Array(leaf);
    result.signer = signerFromCertificate(result.certificate);
  }
  return result;
}

function parseBundle(json: unknown, what: string, anyKind: boolean): Bundle {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw fail('primary-malformed', what, 'expected a JSON object (a Sigstore bundle)');
  const mediaType = (json as Record<string, unknown>).mediaType;
  const allowed = anyKind ? [...PRIMARY_MEDIA_TYPES, ...LEGACY_MEDIA_TYPES] : PRIMARY_MEDIA_TYPES;
  if (typeof mediaType !== 'string' || !allowed.includes(mediaType)) {
    throw new VerificationError(
      'primary-unsupported-version',
      `${what}: expected bundle mediaType one of ${allowed.join(', ')}, found ${mediaType === undefined ? 'none' : JSON.stringify(mediaType)}`,
      {
        expected: allowed.join(' | '),
        found: String(mediaType),
      },
    );
  }
  checkEntries(json as Record<string, unknown>, what);
  try {
    // bundleFromJSON also runs @sigstore/bundle's per-version validation (required fields,
    // inclusion promise for v0.1, inclusion proof for v0.2+, no chain in v0.3).
    return bundleFromJSON(json);
  } catch (err) {
    throw fail('primary-malformed', what, `not a valid Sigstore bundle: ${describe(err)}`);
  }
}

/** At most this many tlog entries, and as many RFC 3161 timestamps: what a countersignature binds (spec/FORMAT.md §5). */
export const MAX_PRIMARY_ENTRIES = 16;

// @sigstore/verify verifies every tlog entry and timestamp it is given (a timestamp copied 1 500
// times took 7-21 s to reject, issue 13 F3), and a countersignature binds at most 16 of each:
// before any of it runs, more than 16 (`primary-too-many-entries`) or two byte-identical ones
// (`primary-duplicate-entry`) are refused. A list that is not an array is left to bundleFromJSON.
function checkEntries(json: Record<string, unknown>, what: string): void {
  const vm = json.verificationMaterial as
    { tlogEntries?: unknown; timestampVerificationData?: { rfc3161Timestamps?: unknown } } | null | undefined;
  const lists: [string, unknown][] = [
    ['verificationMaterial.tlogEntries', vm?.tlogEntries],
    [
      'verificationMaterial.timestampVerificationData.rfc3161Timestamps',
      vm?.timestampVerificationData?.rfc3161Timestamps,
    ],
  ];
  for (const [field, list] of lists) {
    if (!Array.isArray(list)) continue;
    if (list.length > MAX_PRIMARY_ENTRIES) {
      throw new VerificationError(
        'primary-too-many-entries',
        `${what}: ${field}: expected at most ${MAX_PRIMARY_ENTRIES} items (what a countersignature binds), found ${list.length}`,
        {
          expected: `at most ${MAX_PRIMARY_ENTRIES}`,
          found: String(list.length),
        },
      );
    }
    // The items as read (strict JSON, no duplicate keys): equal serialisations are the same bytes.
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const text = JSON.stringify(item);
      const first = seen.get(text);
      if (first !== undefined) {
        throw new VerificationError(
          'primary-duplicate-entry',
          `${what}: ${field}[${i}] is the same as ${field}[${first}]: each entry or timestamp once`,
          {
            expected: 'distinct entries',
            found: `${field}[${first}] twice`,
          },
        );
      }
      seen.set(text, i);
    });
  }
}

// The protobuf JSON reader decodes base64 leniently (Node's Buffer skips stray characters),
// while other verifiers reject such text: a parser differential (docs/design.md §2). The bytes the
// countersignature binds must have exactly one spelling, so every bytes field of the primary
// (protobuf `bytes`: the payload, signature and certificate, and also the log entries' ids,
// bodies, promises and proof hashes and the RFC 3161 tokens, which a fuzzer found spelled
// with a stray "." and still verifying, spec/ATTACKS.md) must be canonical padded base64
// (RFC 4648 §4), as @sigstore/sign writes.
const BYTES_FIELDS: ReadonlySet<string> = new Set([
  'payload',
  'sig',
  'rawBytes',
  'keyId',
  'canonicalizedBody',
  'signedEntryTimestamp',
  'rootHash',
  'hashes',
  'signedTimestamp',
  'digest',
  'signature',
]);

function checkCanonicalBase64(json: Record<string, unknown>, what: string): void {
  const visit = (value: unknown, field: string, bytes: boolean): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, `${field}[${i}]`, bytes);
      });
      return;
    }
    if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) {
        const path = field ? `${field}.${key}` : key;
        if (key === 'envelope' && field.endsWith('.inclusionProof.checkpoint'))
          checkCheckpointSignatures(v, path, what);
        else visit(v, path, BYTES_FIELDS.has(key));
      }
      return;
    }
    if (!bytes) return;
    if (typeof value !== 'string' || decodeCanonicalBase64(value) === undefined) {
      throw fail(
        'primary-malformed',
        what,
        `${field}: expected canonical base64 (RFC 4648 §4, padded), found other text`,
      );
    }
  };
  visit({ dsseEnvelope: json.dsseEnvelope, verificationMaterial: json.verificationMaterial }, '', false);
}

// A Rekor checkpoint is a signed note, text rather than a bytes field, but @sigstore/verify
// decodes the base64 of its signature lines as leniently (`— <name> <any non-space>`, then
// Buffer): a stray "." left the checkpoint verifying (issue 13, finding F11). After the note's
// first blank line (where @sigstore/verify splits it) every line must be a signature line in
// canonical base64, as openNote reads a countersignature's checkpoint (checks/log/note.ts).
function checkCheckpointSignatures(envelope: unknown, field: string, what: string): void {
  if (typeof envelope !== 'string') return; // not a string: the protobuf reader refuses it
  const split = envelope.indexOf('\n\n');
  if (split < 0) return; // no blank line: @sigstore/verify refuses the checkpoint
  const signatures = envelope.slice(split + 2);
  if (
    !signatures.endsWith('\n') ||
    signatures
      .slice(0, -1)
      .split('\n')
      .some((line) => typeof parseNoteSignatureLine(line) === 'string')
  ) {
    throw fail(
      'primary-malformed',
      what,
      `${field}: expected signature lines "— <name> <canonical base64 signature>", found other text`,
    );
  }
}

function artifactDigest(
  artifact: VerifySigstoreBundleOptions['artifact'],
  what: string,
): { sha256: Uint8Array; bytes?: Uint8Array; verifyPrehashed?: PrehashedVerifier } {
  if (artifact === undefined)
    throw new InputError(
      'artifact-required',
      `${what}: a message-signature bundle needs the artifact (or its sha256) to verify`,
    );
  if (artifact instanceof Uint8Array)
    return { sha256: createHash('sha256').update(artifact).digest(), bytes: artifact };
  if (artifact.sha256.length !== 32)
    throw new InputError(
      'artifact-digest',
      `${what}: expected a 32-byte sha256 digest, found ${artifact.sha256.length} bytes`,
    );
  return { sha256: artifact.sha256, verifyPrehashed: artifact.verifyPrehashed };
}

// The Verifier checks the signature through SignedEntity.signature.verifySignature(key); with
// only the digest at hand, that one check is swapped for the prehashed verifier.
function prehashedContent(
  base: SignedEntity['signature'],
  signature: Buffer,
  sha256: Uint8Array,
  verify: PrehashedVerifier,
): SignedEntity['signature'] {
  return {
    signature,
    compareSignature: (s) => base.compareSignature(s),
    compareDigest: (d) => base.compareDigest(d),
    compareSignedDigest: (d) => base.compareSignedDigest(d),
    verifySignature: (key) => verify(key, sha256, signature),
  };
}

// @sigstore/verify error codes (its error.ts) -> our stable codes.
const CODE_MAP: Readonly<Record<string, VerificationCode>> = {
  SIGNATURE_ERROR: 'primary-signature',
  CERTIFICATE_ERROR: 'primary-certificate',
  PUBLIC_KEY_ERROR: 'primary-key',
  TIMESTAMP_ERROR: 'primary-timestamp',
  TLOG_ERROR: 'primary-tlog',
  TLOG_BODY_ERROR: 'primary-tlog',
  TLOG_INCLUSION_PROOF_ERROR: 'primary-tlog',
  TLOG_INCLUSION_PROMISE_ERROR: 'primary-tlog',
  TLOG_MISSING_INCLUSION_ERROR: 'primary-tlog',
};

function mapVerifyError(err: unknown, what: string): VerificationError {
  const upstream =
    typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  const code = (upstream ? CODE_MAP[upstream] : undefined) ?? 'primary-malformed';
  const found = upstream ? `${upstream}: ${describe(err)}` : describe(err);
  return new VerificationError(code, `${what}: Sigstore verification failed: ${found}`, {
    expected: 'a valid Sigstore signature under the pinned trusted root',
    found,
  });
}

function fail(code: VerificationCode, what: string, message: string): VerificationError {
  return new VerificationError(code, `${what}: ${message}`);
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
  const { fields } = err as { fields?: unknown };
  const list = Array.isArray(fields) ? ` [${fields.join(', ')}]` : '';
  return `${err.message}${list}${cause}`.replace(/\s+/g, ' ');
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

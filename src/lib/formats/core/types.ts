// The project's document types and their identifiers (normative text: spec/FORMAT.md).
// Every identifier carries a version; readers reject versions they do not know.
import type { LogProof } from '../log/proof.ts';

/** in-toto Statement v1 type. */
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** Our predicate: what is being trusted, in which stream, at which version. */
export const PREDICATE_TYPE = 'https://countersign.dev/TrustStatement/v1';
/** DSSE payload type of the primary signature (in-toto). */
export const INTOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** The countersigned bundle file. */
export const BUNDLE_MEDIA_TYPE = 'application/vnd.countersign.bundle.v1+json';
/** DSSE payload type of a countersignature statement: the domain separator of B's signature. */
export const COUNTERSIGNATURE_PAYLOAD_TYPE = 'application/vnd.countersign.countersignature.v1+json';
/** The `_type` inside a countersignature statement. */
export const COUNTERSIGNATURE_TYPE = 'https://countersign.dev/Countersignature/v1';
/** The policy file. */
export const POLICY_MEDIA_TYPE = 'application/vnd.countersign.policy.v1+json';

export const KINDS = ['binary-digest', 'fleet-key', 'authority-rotation', 'config-change'] as const;
export type Kind = (typeof KINDS)[number];

export interface DigestSet {
  sha256: string;
}

export interface Subject {
  name: string;
  digest: DigestSet;
}

export interface StatementSource {
  repository?: string;
  commit?: string;
  workflowRun?: string;
}

export interface TrustPredicate {
  kind: Kind;
  stream: string;
  version: number;
  issuedAt: string;
  expiresAt: string;
  source: StatementSource;
  /** The kind's own data (for fleet-key: the keys' algorithms; otherwise usually empty). */
  data: Record<string, unknown>;
}

export interface Statement {
  _type: typeof STATEMENT_TYPE;
  subject: Subject[];
  predicateType: typeof PREDICATE_TYPE;
  predicate: TrustPredicate;
}

/** What a countersignature binds: organisation B's signed statement (spec/FORMAT.md §4). */
export interface CountersignatureStatement {
  _type: typeof COUNTERSIGNATURE_TYPE;
  keyId: string;
  /** sha256 of the DSSE payload bytes of the primary (the exact statement bytes). */
  payloadDigest: DigestSet;
  payloadType: string;
  /** sha256 of the raw DSSE signature bytes of the primary. */
  primarySignatureDigest: DigestSet;
  /** sha256 of the DER bytes of the primary's signing certificate. */
  certificateDigest: DigestSet;
  /** The primary's transparency-log entries, as (log id, index). */
  tlogEntries: { logId: string; logIndex: string }[];
  /** sha256 of each RFC 3161 timestamp token of the primary. */
  timestampDigests: DigestSet[];
  stream: string;
  version: number;
  signedAt: string;
}

/** One countersignature as stored in the bundle: the exact signed bytes and the signature. */
export interface Countersignature {
  keyId: string;
  /** base64 of the exact countersignature statement bytes. */
  statement: string;
  /** base64 of the 64-byte Ed25519 signature over DSSE PAE(COUNTERSIGNATURE_PAYLOAD_TYPE, statement). */
  signature: string;
  /** Optional: where the countersigner's transparency log holds this statement (spec/FORMAT.md §6.1). */
  logProof?: LogProof;
}

export interface CountersignedBundle {
  mediaType: typeof BUNDLE_MEDIA_TYPE;
  /** The Sigstore bundle v0.3 (DSSE), as JSON. */
  primary: unknown;
  countersignatures: Countersignature[];
  /** Optional: authority-rotation bundles carried for clients to catch up (spec/FORMAT.md §6.3), each its exact bytes in standard padded base64. */
  rotations?: string[];
}

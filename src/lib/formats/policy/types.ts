// The policy file's typed form (normative text: spec/POLICY.md). A policy is pinned trust as
// plain data (docs/design.md §5): who must sign (the primary's Sigstore identity, the countersigners'
// Ed25519 keys and how many organisations), what may be signed (kinds, streams) and the caps.
// It carries no crypto code: the verifier reads it, this module only parses and checks it.
import type { Kind } from '../core/types.ts';

/** The one GitHub Actions OIDC issuer, the default for `policy init`. */
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

/**
 * GitHub claims a policy may pin beside the certificate identity (docs/design.md §4 step 3). Each is
 * compared exactly with the matching Fulcio certificate extension (spec/POLICY.md §3.2).
 */
export const GITHUB_CLAIM_NAMES = [
  'repository',
  'repositoryId',
  'repositoryOwner',
  'repositoryOwnerId',
  'ref',
  'runnerEnvironment',
  'eventName',
] as const;
export type GithubClaimName = (typeof GITHUB_CLAIM_NAMES)[number];
export type GithubClaims = Readonly<Partial<Record<GithubClaimName, string>>>;

/** Who must have made the primary (Sigstore keyless) signature. */
export interface PrimaryIdentityPolicy {
  readonly issuer: string;
  /** Exact certificate identity (SAN). Exactly one of `identity` / `identityPattern` is set. */
  readonly identity?: string;
  /** Anchored regular expression (`^...$`, compiled with the `u` flag) over the identity. */
  readonly identityPattern?: string;
  readonly githubClaims?: GithubClaims;
}

/** One pinned countersigner key of one organisation. */
export interface CountersignerKey {
  readonly name: string;
  readonly organisation: string;
  /** `sha256:` + hex(sha256(raw 32-byte Ed25519 public key)), checked against `publicKey`. */
  readonly keyId: string;
  /** The SPKI PEM as written in the policy. */
  readonly publicKey: string;
  /** The raw 32-byte Ed25519 public key (RFC 8032 §5.1.5 encoding). */
  readonly rawPublicKey: Uint8Array;
  readonly validFrom?: Date;
  readonly validUntil?: Date;
  /**
   * Optional log requirement (spec/POLICY.md §3.5.1): this key's countersignatures count only
   * with a proof of inclusion in the countersigner's transparency log with this origin,
   * under a checkpoint signed by this pinned log key.
   */
  readonly log?: CountersignerLog;
}

export interface CountersignerLog {
  /** The log's origin: the first line of its checkpoints and the checkpoint key's name. */
  readonly origin: string;
  /** The log key's SPKI PEM as written in the policy. */
  readonly publicKey: string;
  /** The raw 32-byte Ed25519 log public key. */
  readonly rawPublicKey: Uint8Array;
}

export interface PolicyLimits {
  /** Largest countersigned bundle file accepted, in bytes. */
  readonly maxBundleBytes: number;
  /** Most subjects one statement may list. */
  readonly maxSubjects: number;
  /** Longest allowed span between a statement's issuedAt and expiresAt, in seconds. */
  readonly maxStatementLifetimeSeconds: number;
  /** Tolerance for clocks when comparing times, in seconds. */
  readonly clockSkewSeconds: number;
}

export const POLICY_DEFAULT_LIMITS: PolicyLimits = Object.freeze({
  maxBundleBytes: 4 * 1024 * 1024,
  maxSubjects: 100_000,
  maxStatementLifetimeSeconds: 90 * 24 * 3600,
  clockSkewSeconds: 300,
});

/** The caps on the caps: a policy cannot raise a limit beyond these (inclusive ranges). */
export const POLICY_LIMIT_RANGES: Readonly<Record<keyof PolicyLimits, readonly [number, number]>> = Object.freeze({
  maxBundleBytes: [1024, 64 * 1024 * 1024],
  maxSubjects: [1, 1_000_000],
  maxStatementLifetimeSeconds: [60, 366 * 24 * 3600],
  clockSkewSeconds: [0, 3600],
});

/**
 * The emergency signer set (spec/ROTATION.md §4): keys that may authorise an
 * authority-rotation bundle, and only that, when the usual countersigners are unavailable.
 * Its threshold counts distinct organisations among its own keys.
 */
export interface FallbackSignerSet {
  readonly countersigners: readonly CountersignerKey[];
  readonly threshold: number;
}

export interface Policy {
  readonly mediaType: string;
  /** The policy's own sequence number: a rotation's new policy has exactly this plus one. */
  readonly version: number;
  readonly primary: PrimaryIdentityPolicy;
  /** The Sigstore trusted_root.json object, verbatim (validated by the Sigstore loader). */
  readonly trustedRoot: Readonly<Record<string, unknown>>;
  readonly countersigners: readonly CountersignerKey[];
  /** How many distinct organisations must countersign. */
  readonly threshold: number;
  readonly kinds: readonly Kind[];
  readonly streams: readonly string[];
  readonly limits: PolicyLimits;
  /** Optional emergency signer set for rotations only (absent in most policies). */
  readonly fallback?: FallbackSignerSet;
}

/** Cap on the policy file itself (a trusted root is a few KiB; keys are small). */
export const MAX_POLICY_BYTES = 1024 * 1024;
/** Cap on list lengths inside a policy. */
export const MAX_COUNTERSIGNERS = 256;
export const MAX_STREAMS = 1000;

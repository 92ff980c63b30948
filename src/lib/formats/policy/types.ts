// The policy file's typed form (normative text: spec/POLICY.md). A policy is pinned trust as
// plain data (docs/design.md §5): who must sign (the primary's Sigstore identity, the countersigners'
// Ed25519 keys and how many organisations), what may be signed (kinds, streams) and the caps.
// It carries no crypto code: the verifier reads it, this module only parses and checks it.
import type { Kind } from '../core/types.ts';
import type { WitnessRequirement } from '../log/cosignature.ts';

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

/**
 * The source-repository pin (spec/POLICY.md §3.3.3): the claims that say which repository ran
 * the workflow, Fulcio's Source Repository URI (.12), Identifier (.15) and Owner Identifier
 * (.17). The SAN alone names the workflow file, and a reusable workflow (`on: workflow_call`)
 * has the same SAN in every repository that calls it; these claims are the caller's.
 */
export const SOURCE_REPOSITORY_CLAIMS = [
  'repository',
  'repositoryId',
  'repositoryOwnerId',
] as const satisfies readonly GithubClaimName[];

/** Who must have made the primary (Sigstore keyless) signature. */
export interface PrimaryIdentityPolicy {
  readonly issuer: string;
  /** Exact certificate identity (SAN). Exactly one of `identity` / `identityPattern` is set. */
  readonly identity?: string;
  /** Anchored regular expression (`^...$`, compiled with the `u` flag) over the identity. */
  readonly identityPattern?: string;
  readonly githubClaims?: GithubClaims;
  /**
   * The explicit opt-out of the source-repository pin: `githubClaims` may then lack some of
   * SOURCE_REPOSITORY_CLAIMS, and any repository that calls the pinned workflow can sign.
   */
  readonly unsafeNoSourceRepositoryPin?: true;
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
  /** Optional (spec/POLICY.md §3.5.3): k of n named witnesses must have cosigned the checkpoint. */
  readonly witnesses?: WitnessRequirement;
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
  /**
   * How far above the last accepted version of a stream the next may be (issue 13 F10): no
   * single release can take a stream to 2^53-1, after which nothing newer exists.
   */
  readonly maxVersionStep: number;
}

export const POLICY_DEFAULT_LIMITS: PolicyLimits = Object.freeze({
  maxBundleBytes: 4 * 1024 * 1024,
  maxSubjects: 100_000,
  maxStatementLifetimeSeconds: 90 * 24 * 3600,
  clockSkewSeconds: 300,
  maxVersionStep: 1000,
});

/** The caps on the caps: a policy cannot raise a limit beyond these (inclusive ranges). */
export const POLICY_LIMIT_RANGES: Readonly<Record<keyof PolicyLimits, readonly [number, number]>> = Object.freeze({
  maxBundleBytes: [1024, 64 * 1024 * 1024],
  maxSubjects: [1, 1_000_000],
  maxStatementLifetimeSeconds: [60, 366 * 24 * 3600],
  clockSkewSeconds: [0, 3600],
  // At most a million: from the highest first version (2^45) a stream still has about 9·10^9
  // versions at the largest step, 9·10^12 at the default (spec/POLICY.md §3.9).
  maxVersionStep: [1, 1_000_000],
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
/** Cap on each string of a policy, decoded (the longest in real trusted roots, a base64 certificate, is under 2 KiB). */
export const MAX_POLICY_STRING_BYTES = 64 * 1024;
/** Cap on list lengths inside a policy. */
export const MAX_COUNTERSIGNERS = 256;
export const MAX_STREAMS = 1000;

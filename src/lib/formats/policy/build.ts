// Builds a policy document (for `countersign policy init`) in the canonical field order of
// spec/POLICY.md. It computes each key id from its key, so a generated policy never has a
// mismatch; callers still run the output through parsePolicy, which is the one authority.
import { POLICY_MEDIA_TYPE } from '../core/types.ts';
import { keyIdOf, parsePublicKeyPem } from '../../basics/crypto/ed25519-keys.ts';
import { GITHUB_ACTIONS_ISSUER, type GithubClaims, type PolicyLimits } from './types.ts';
import { rfc3339 } from '../../basics/json/shape.ts';

export interface PolicyCountersignerInput {
  name: string;
  /** Defaults to `name`. */
  organisation?: string;
  publicKeyPem: string;
  /** Where the key came from (a file name), for error messages. */
  source?: string;
  validFrom?: Date;
  validUntil?: Date;
  /** Optional log requirement: the countersigner's log origin and log public key (SPKI PEM). */
  log?: {
    origin: string;
    publicKeyPem: string;
    /** Optional witness requirement (POLICY.md §3.5.3): witness verifier keys (type 0x04). */
    witnesses?: { threshold: number; keys: string[]; maxAgeSeconds?: number };
  };
}

/** A field left out or undefined takes its default, or is not written (callers forward optional flags as they are). */
export interface PolicyInput {
  /** Defaults to 1. */
  version?: number | undefined;
  /** Defaults to GitHub Actions' OIDC issuer. */
  issuer?: string | undefined;
  identity?: string | undefined;
  identityPattern?: string | undefined;
  /** Pinned claims; the source repository (repository, repositoryId, repositoryOwnerId) is required unless `unsafeNoSourceRepositoryPin`. */
  githubClaims?: GithubClaims;
  /** Writes `"unsafeNoSourceRepositoryPin": true`: any repository calling the workflow may sign. */
  unsafeNoSourceRepositoryPin?: boolean;
  /** The parsed Sigstore trusted_root.json object, embedded verbatim. */
  trustedRoot: Record<string, unknown>;
  countersigners: PolicyCountersignerInput[];
  /** Defaults to 1. */
  threshold?: number | undefined;
  /** Defaults to ['binary-digest']. */
  kinds?: string[] | undefined;
  streams: string[];
  /** Only the limits given are written; the rest take the documented defaults. */
  limits?: Partial<PolicyLimits>;
  /** Optional emergency signer set that may authorise rotations only (threshold defaults to 1). */
  fallback?: { countersigners: PolicyCountersignerInput[]; threshold?: number };
}

/** The policy as a plain JSON object. Throws Error if a public key is not an Ed25519 SPKI PEM. */
export function buildPolicy(input: PolicyInput): Record<string, unknown> {
  const primary: Record<string, unknown> = { issuer: input.issuer ?? GITHUB_ACTIONS_ISSUER };
  if (input.identity !== undefined) primary.identity = input.identity;
  if (input.identityPattern !== undefined) primary.identityPattern = input.identityPattern;
  if (input.githubClaims !== undefined && Object.keys(input.githubClaims).length > 0)
    primary.githubClaims = { ...input.githubClaims };
  if (input.unsafeNoSourceRepositoryPin === true) primary.unsafeNoSourceRepositoryPin = true;

  const countersigners = input.countersigners.map(countersignerEntry);

  const policy: Record<string, unknown> = {
    mediaType: POLICY_MEDIA_TYPE,
    version: input.version ?? 1,
    primary,
    trustedRoot: input.trustedRoot,
    countersigners,
    threshold: input.threshold ?? 1,
    kinds: input.kinds ?? ['binary-digest'],
    streams: input.streams,
  };
  if (input.limits && Object.keys(input.limits).length > 0) policy.limits = { ...input.limits };
  if (input.fallback)
    policy.fallback = {
      countersigners: input.fallback.countersigners.map(countersignerEntry),
      threshold: input.fallback.threshold ?? 1,
    };
  return policy;
}

function countersignerEntry(c: PolicyCountersignerInput): Record<string, unknown> {
  const raw = parsePublicKeyPem(c.publicKeyPem, `countersigner ${c.name}${c.source ? ` (${c.source})` : ''}`);
  const entry: Record<string, unknown> = {
    name: c.name,
    organisation: c.organisation ?? c.name,
    keyId: keyIdOf(raw),
    publicKey: c.publicKeyPem,
  };
  if (c.validFrom) entry.validFrom = rfc3339(c.validFrom);
  if (c.validUntil) entry.validUntil = rfc3339(c.validUntil);
  if (c.log)
    entry.log = {
      origin: c.log.origin,
      publicKey: c.log.publicKeyPem,
      ...(c.log.witnesses ? { witnesses: c.log.witnesses } : {}),
    };
  return entry;
}

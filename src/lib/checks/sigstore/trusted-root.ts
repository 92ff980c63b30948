// The Sigstore trusted root: which Fulcio CAs, Rekor logs, CT logs and timestamp authorities
// we trust, and when (sigstore protobuf-specs, sigstore_trustroot.proto). It is pinned data:
// parsed strictly, with unknown media-type versions rejected, then turned into the
// @sigstore/verify TrustMaterial. Nothing is cached here; callers keep the TrustMaterial and
// reuse it across bundles.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial, type KeyFinderFunc, type TrustMaterial } from '@sigstore/verify';
import { parseStrictJson } from '../../basics/json/strict-json.ts';
import { describe } from '../../basics/json/shape.ts';
import { InputError } from '../../basics/errors/errors.ts';
import type { Policy } from '../../formats/policy/index.ts';

/** Trusted roots are a few kB (the public-good one is ~7 kB); 1 MiB is ample and bounded. */
export const TRUSTED_ROOT_MAX_BYTES = 1024 * 1024;

/**
 * Media types we understand (sigstore_trustroot.proto, TrustedRoot.media_type). v0.2 adds
 * fields (checkpointKeyId, operator) that @sigstore/verify already reads; anything newer may
 * change meaning, so it is refused rather than half-understood.
 */
export const TRUSTED_ROOT_MEDIA_TYPES: readonly string[] = [
  'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  'application/vnd.dev.sigstore.trustedroot.v0.1+json',
  'application/vnd.dev.sigstore.trustedroot.v0.2+json',
];

export interface TrustedRootOptions {
  /**
   * A managed (non-Fulcio) signing key to trust for bundles whose verification material is a
   * public key. The bundle's key hint is not authenticated, so this key is used whatever the
   * hint says: the signature check with this exact key is what carries the trust.
   */
  managedKey?: KeyObject;
}

/** Reads a trusted root from bytes (strict JSON, size-capped). `what` names the input in errors. */
export function loadTrustedRootBytes(bytes: Uint8Array, what: string, options: TrustedRootOptions = {}): TrustMaterial {
  const json = parseStrictJson(bytes, what, { maxBytes: TRUSTED_ROOT_MAX_BYTES, maxDepth: 32 });
  return loadTrustedRoot(json, what, options);
}

/** Builds TrustMaterial from an already parsed trusted-root JSON value. Throws InputError. */
export function loadTrustedRoot(json: unknown, what: string, options: TrustedRootOptions = {}): TrustMaterial {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InputError(
      'trusted-root-malformed',
      `${what}: expected a JSON object (a Sigstore trusted root), found ${describe(json)}`,
    );
  }
  const mediaType = (json as Record<string, unknown>).mediaType;
  if (typeof mediaType !== 'string' || !TRUSTED_ROOT_MEDIA_TYPES.includes(mediaType)) {
    throw new InputError(
      'trusted-root-unsupported-version',
      `${what}: expected mediaType one of ${TRUSTED_ROOT_MEDIA_TYPES.join(', ')}, found ${mediaType === undefined ? 'none' : JSON.stringify(mediaType)}`,
    );
  }
  let root: TrustedRoot;
  try {
    root = TrustedRoot.fromJSON(json);
  } catch (err) {
    throw new InputError('trusted-root-malformed', `${what}: not a valid trusted root: ${message(err)}`);
  }
  checkValidityWindows(root, what);
  const keyFinder = options.managedKey ? managedKeyFinder(options.managedKey) : undefined;
  try {
    return toTrustMaterial(root, keyFinder);
  } catch (err) {
    throw new InputError(
      'trusted-root-malformed',
      `${what}: unusable key or certificate in the trusted root: ${message(err)}`,
    );
  }
}

/** Parses a PEM (SPKI) public key for `managedKey`. Throws InputError. */
export function parseManagedKey(pem: string, what: string): KeyObject {
  if (pem.length > 64 * 1024)
    throw new InputError('key-malformed', `${what}: over the limit of 65536 characters for a public key`);
  try {
    return createPublicKey({ key: pem, format: 'pem' });
  } catch (err) {
    throw new InputError(
      'key-malformed',
      `${what}: expected a PEM public key, found unparseable data (${message(err)})`,
    );
  }
}

// Every authority must say from when it is trusted. @sigstore/verify silently treats a missing
// start as "since the beginning of time", which would let a log or CA key vouch for
// signatures made before it existed (sigstore-conformance trust-root-tlog-missing-validity-start).
function checkValidityWindows(root: TrustedRoot, what: string): void {
  const logs = [...root.tlogs.map((l) => ['tlogs', l] as const), ...root.ctlogs.map((l) => ['ctlogs', l] as const)];
  for (const [kind, log] of logs) {
    if (!log.publicKey?.rawBytes?.length) {
      throw new InputError(
        'trusted-root-malformed',
        `${what}: ${kind} entry ${JSON.stringify(log.baseUrl)}: expected a publicKey with rawBytes, found none`,
      );
    }
    requireStart(
      log.publicKey.validFor?.start,
      `${what}: ${kind} entry ${JSON.stringify(log.baseUrl)}: publicKey.validFor.start`,
    );
  }
  const cas = [
    ...root.certificateAuthorities.map((c) => ['certificateAuthorities', c] as const),
    ...root.timestampAuthorities.map((c) => ['timestampAuthorities', c] as const),
  ];
  for (const [kind, ca] of cas) {
    if (!ca.certChain?.certificates.length) {
      throw new InputError(
        'trusted-root-malformed',
        `${what}: ${kind} entry ${JSON.stringify(ca.uri)}: expected a certChain, found none`,
      );
    }
    requireStart(ca.validFor?.start, `${what}: ${kind} entry ${JSON.stringify(ca.uri)}: validFor.start`);
  }
}

function requireStart(start: Date | undefined, where: string): void {
  if (!(start instanceof Date) || Number.isNaN(start.getTime())) {
    throw new InputError(
      'trusted-root-malformed',
      `${where}: expected an RFC 3339 time, found ${start === undefined ? 'none' : 'an invalid time'}`,
    );
  }
}

function managedKeyFinder(key: KeyObject): KeyFinderFunc {
  return () => ({ publicKey: key, validFor: () => true });
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function trustMaterialOf(policy: Policy): TrustMaterial {
  return loadTrustedRoot(policy.trustedRoot, 'policy trustedRoot');
}

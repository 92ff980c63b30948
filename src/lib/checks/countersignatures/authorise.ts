// Who authorised a bundle (spec/FORMAT.md §7 step 4, spec/ROTATION.md §3-4). Every
// countersignature present must verify under the key that pins it; then:
// - the current policy's threshold of distinct organisations must be met by its usual
//   countersigners, or, for an authority rotation only, by its fallback signer set;
// - a fallback key on anything but a rotation is refused with its own code;
// - for a rotation, every key the new policy adds must have countersigned (proof of
//   possession), and the new policy's own threshold must be met under the new policy.
// Keys of the new policy are consulted only for rotations, and count only towards the new
// policy: they never help meet the current policy's threshold. The new policy is read (parsed)
// only once the current policy authorised the rotation (its countersignatures verified and met
// its threshold, or its fallback set's), or for organisation B's pre-signing check: until then
// it is bytes whose digest the statement parser checked, and one organisation alone cannot make
// a verifier read it (issue 13 F2).
import {
  type CountersignatureCheck,
  type CountersignatureContext,
  type CountersignatureInput,
  type PinnedKey,
  verifyCountersignatures,
} from './verify.ts';
import { VerificationError } from '../../basics/errors/errors.ts';
import type { CountersignerKey, Policy } from '../../formats/policy/types.ts';

export interface Authorisation {
  /** Every countersignature, verified, in bundle order. */
  valid: CountersignatureCheck[];
  /** The current policy's organisations that countersigned, sorted. */
  organisations: string[];
  /** The current policy's organisations that did not, sorted. */
  missing: string[];
  /** Which signer set of the current policy met its threshold ('none' when not required). */
  authorisedBy: 'countersigners' | 'fallback' | 'none';
  /** For a fallback authorisation: the fallback organisations that countersigned. */
  fallbackOrganisations?: string[];
  /** For a rotation: the keys the new policy adds, each of which countersigned. */
  newKeys?: string[];
  /** For a rotation: the new policy's organisations that countersigned. */
  newOrganisations?: string[];
  /** Set when the threshold was required and not met: the caller reports who signed, then throws it. */
  shortfall?: VerificationError;
}

export interface AuthoriseOptions {
  /**
   * When the bundle is an authority rotation: reads the new policy (throws when it is not a
   * valid one). Called at most once: after every countersignature by a key of the current
   * policy verified and, when the threshold is required, met the current policy's threshold
   * (or its fallback set's); never for a rotation short of it.
   */
  next?: () => Policy;
  /** False for organisation B's pre-signing check: every countersignature present must verify, no threshold. */
  requireThreshold: boolean;
}

/**
 * Throws VerificationError with the code of the first rule broken, except for a threshold not
 * met, which is returned as `shortfall` so that the report can still say who signed.
 */
export function authorise(
  items: CountersignatureInput[],
  policy: Policy,
  ctx: CountersignatureContext,
  options: AuthoriseOptions,
): Authorisation {
  const rotation = options.next !== undefined;
  const fallback = policy.fallback?.countersigners ?? [];
  const current = governing([...policy.countersigners, ...fallback]);
  const currentIds = new Set(current.map((k) => k.keyId));
  // First the countersignatures by the current policy's keys (all of them, when not a rotation:
  // a key it does not pin is then countersignature-unpinned-key).
  const first = verifyCountersignatures(
    items,
    current,
    0,
    ctx,
    rotation ? (keyId) => currentIds.has(keyId) : () => true,
  ).valid;

  const fallbackIds = new Set(fallback.map((k) => k.keyId));
  const byFallback = first.filter((v) => fallbackIds.has(v.keyId));
  if (!rotation && byFallback.length > 0) {
    throw new VerificationError(
      'countersignature-fallback-not-rotation',
      `countersigned by the fallback key ${byFallback.map((v) => v.name).join(', ')}, which may authorise only an authority rotation`,
      {
        expected: `countersignatures by ${describeSet(policy.countersigners)}`,
        found: `fallback key(s) ${byFallback.map((v) => `${v.name} (${v.organisation})`).join(', ')}`,
      },
    );
  }

  const organisations = organisationsAmong(first, policy.countersigners);
  const missing = distinct(policy.countersigners.map((k) => k.organisation)).filter((o) => !organisations.includes(o));
  const result: Authorisation = { valid: first, organisations, missing, authorisedBy: 'none' };
  if (options.requireThreshold) {
    if (organisations.length >= policy.threshold) {
      result.authorisedBy = 'countersigners';
    } else if (rotation && policy.fallback && organisationsAmong(first, fallback).length >= policy.fallback.threshold) {
      result.authorisedBy = 'fallback';
      result.fallbackOrganisations = organisationsAmong(first, fallback);
    } else {
      // Keys of the new policy never count here: a rotation short of the current policy's
      // threshold is refused without reading the new policy or its keys' countersignatures.
      const alternative =
        rotation && policy.fallback
          ? `, or ${policy.fallback.threshold} of the fallback set (${describeSet(fallback)})`
          : '';
      result.shortfall = new VerificationError(
        'countersignature-threshold',
        `countersigned by ${organisations.length} distinct organisation(s), the policy requires ${policy.threshold}${alternative}`,
        {
          expected: `${policy.threshold} of: ${distinct(policy.countersigners.map((k) => k.organisation)).join(', ')}${alternative}`,
          found: organisations.join(', ') || 'none',
        },
      );
      return result;
    }
  }
  // A rotation the current policy authorised (or that organisation B is about to countersign):
  // only now the new policy, and the other countersignatures under the record that governs
  // each key, the current policy's first.
  const next = options.next?.();
  if (!next) return result;
  const rest = verifyCountersignatures(
    items,
    governing([...current, ...next.countersigners, ...(next.fallback?.countersigners ?? [])]),
    0,
    ctx,
    (keyId) => !currentIds.has(keyId),
  ).valid;
  // In bundle order (each key once: a key's countersignatures were all in one of the two).
  const byKey = new Map([...first, ...rest].map((v) => [v.keyId, v]));
  result.valid = items.map((item) => byKey.get(item.keyId)).filter((v) => v !== undefined);
  if (options.requireThreshold) checkNewKeys(items, policy, next, result.valid, ctx, result);
  return result;
}

/** Proof of possession of every added key, and the new policy's threshold under its own records. */
function checkNewKeys(
  items: CountersignatureInput[],
  policy: Policy,
  next: Policy,
  valid: CountersignatureCheck[],
  ctx: CountersignatureContext,
  result: Authorisation,
): void {
  const known = new Set([...policy.countersigners, ...(policy.fallback?.countersigners ?? [])].map((k) => k.keyId));
  const signed = new Set(valid.map((v) => v.keyId));
  const added = [...next.countersigners, ...(next.fallback?.countersigners ?? [])].filter((k) => !known.has(k.keyId));
  const unproven = added.filter((k) => !signed.has(k.keyId));
  if (unproven.length > 0) {
    throw new VerificationError(
      'rotation-proof-of-possession',
      `the new policy adds key(s) that did not countersign the rotation: ${unproven.map((k) => `${k.name} (${k.keyId})`).join(', ')}; a rotation may install only keys whose holders prove they hold them`,
      {
        expected: `countersignatures by every added key: ${added.map((k) => k.name).join(', ')}`,
        found: `countersignatures by ${valid.map((v) => v.name).join(', ') || 'none'}`,
      },
    );
  }
  result.newKeys = added.map((k) => k.name);
  // The new policy must be usable from its first day: its own threshold, under its own
  // records of the keys (organisation, validity window, log requirement), is met here.
  const ids = new Set(next.countersigners.map((k) => k.keyId));
  try {
    const outcome = verifyCountersignatures(
      items.filter((i) => ids.has(i.keyId)),
      next.countersigners,
      next.threshold,
      ctx,
    );
    result.newOrganisations = outcome.organisations;
  } catch (err) {
    if (
      !(err instanceof VerificationError) ||
      (err.code !== 'countersignature-threshold' && err.code !== 'countersignature-missing')
    )
      throw err;
    throw new VerificationError(
      'rotation-new-threshold',
      `the rotation is not countersigned by ${next.threshold} organisation(s) of the new policy: ${err.message}`,
      {
        expected: `${next.threshold} of: ${distinct(next.countersigners.map((k) => k.organisation)).join(', ')}`,
        found: err.found ?? 'none',
      },
    );
  }
}

/** The record that governs each key id: the first that pins it. */
function governing(keys: readonly PinnedKey[]): PinnedKey[] {
  const byId = new Map<string, PinnedKey>();
  for (const key of keys) if (!byId.has(key.keyId)) byId.set(key.keyId, key);
  return [...byId.values()];
}

function organisationsAmong(valid: CountersignatureCheck[], keys: readonly CountersignerKey[]): string[] {
  const ids = new Map(keys.map((k) => [k.keyId, k.organisation]));
  return distinct(valid.map((v) => ids.get(v.keyId)).filter((organisation) => organisation !== undefined));
}

function distinct(items: string[]): string[] {
  return [...new Set(items)].sort();
}

function describeSet(keys: readonly CountersignerKey[]): string {
  return keys.map((k) => `${k.name} (${k.organisation})`).join(', ');
}

// Who authorised a bundle (spec/FORMAT.md §7 step 4, spec/ROTATION.md §3-4). Every
// countersignature present must verify under the key that pins it; then:
// - the current policy's threshold of distinct organisations must be met by its usual
//   countersigners, or, for an authority rotation only, by its fallback signer set;
// - a fallback key on anything but a rotation is refused with its own code;
// - for a rotation, every key the new policy adds must have countersigned (proof of
//   possession), and the new policy's own threshold must be met under the new policy.
// Keys of the new policy are consulted only for rotations, and count only towards the new
// policy: they never help meet the current policy's threshold.
import { type CountersignatureCheck, type CountersignatureContext, type CountersignatureInput, type PinnedKey, verifyCountersignatures } from './verify.ts';
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
  /** The new policy, when the bundle is an authority rotation. */
  next?: Policy;
  /** False for organisation B's pre-signing check: every countersignature present must verify, no threshold. */
  requireThreshold: boolean;
}

/**
 * Throws VerificationError with the code of the first rule broken, except for a threshold not
 * met, which is returned as `shortfall` so that the report can still say who signed.
 */
export function authorise(items: CountersignatureInput[], policy: Policy, ctx: CountersignatureContext, options: AuthoriseOptions): Authorisation {
  const { next } = options;
  const fallback = policy.fallback?.countersigners ?? [];
  // The record that governs each key: the current policy's first, then the new policy's.
  const governing = new Map<string, PinnedKey>();
  for (const key of [...policy.countersigners, ...fallback, ...(next ? [...next.countersigners, ...(next.fallback?.countersigners ?? [])] : [])]) {
    if (!governing.has(key.keyId)) governing.set(key.keyId, key);
  }
  const { valid } = verifyCountersignatures(items, [...governing.values()], 0, ctx);

  const fallbackIds = new Set(fallback.map((k) => k.keyId));
  const byFallback = valid.filter((v) => fallbackIds.has(v.keyId));
  if (!next && byFallback.length > 0) {
    throw new VerificationError('countersignature-fallback-not-rotation', `countersigned by the fallback key ${byFallback.map((v) => v.name).join(', ')}, which may authorise only an authority rotation`, {
      expected: `countersignatures by ${describeSet(policy.countersigners)}`,
      found: `fallback key(s) ${byFallback.map((v) => `${v.name} (${v.organisation})`).join(', ')}`,
    });
  }

  const organisations = organisationsAmong(valid, policy.countersigners);
  const missing = distinct(policy.countersigners.map((k) => k.organisation)).filter((o) => !organisations.includes(o));
  const result: Authorisation = { valid, organisations, missing, authorisedBy: 'none' };
  if (!options.requireThreshold) return result;

  if (organisations.length >= policy.threshold) {
    result.authorisedBy = 'countersigners';
  } else if (next && policy.fallback && organisationsAmong(valid, fallback).length >= policy.fallback.threshold) {
    result.authorisedBy = 'fallback';
    result.fallbackOrganisations = organisationsAmong(valid, fallback);
  } else {
    const alternative = next && policy.fallback ? `, or ${policy.fallback.threshold} of the fallback set (${describeSet(fallback)})` : '';
    result.shortfall = new VerificationError('countersignature-threshold', `countersigned by ${organisations.length} distinct organisation(s), the policy requires ${policy.threshold}${alternative}`, {
      expected: `${policy.threshold} of: ${distinct(policy.countersigners.map((k) => k.organisation)).join(', ')}${alternative}`,
      found: organisations.join(', ') || 'none',
    });
    return result;
  }
  if (next) checkNewKeys(items, policy, next, valid, ctx, result);
  return result;
}

/** Proof of possession of every added key, and the new policy's threshold under its own records. */
function checkNewKeys(items: CountersignatureInput[], policy: Policy, next: Policy, valid: CountersignatureCheck[], ctx: CountersignatureContext, result: Authorisation): void {
  const known = new Set([...policy.countersigners, ...(policy.fallback?.countersigners ?? [])].map((k) => k.keyId));
  const signed = new Set(valid.map((v) => v.keyId));
  const added = [...next.countersigners, ...(next.fallback?.countersigners ?? [])].filter((k) => !known.has(k.keyId));
  const unproven = added.filter((k) => !signed.has(k.keyId));
  if (unproven.length > 0) {
    throw new VerificationError('rotation-proof-of-possession', `the new policy adds key(s) that did not countersign the rotation: ${unproven.map((k) => `${k.name} (${k.keyId})`).join(', ')}; a rotation may install only keys whose holders prove they hold them`, {
      expected: `countersignatures by every added key: ${added.map((k) => k.name).join(', ')}`,
      found: `countersignatures by ${valid.map((v) => v.name).join(', ') || 'none'}`,
    });
  }
  result.newKeys = added.map((k) => k.name);
  // The new policy must be usable from its first day: its own threshold, under its own
  // records of the keys (organisation, validity window, log requirement), is met here.
  const ids = new Set(next.countersigners.map((k) => k.keyId));
  try {
    const outcome = verifyCountersignatures(items.filter((i) => ids.has(i.keyId)), next.countersigners, next.threshold, ctx);
    result.newOrganisations = outcome.organisations;
  } catch (err) {
    if (!(err instanceof VerificationError) || (err.code !== 'countersignature-threshold' && err.code !== 'countersignature-missing')) throw err;
    throw new VerificationError('rotation-new-threshold', `the rotation is not countersigned by ${next.threshold} organisation(s) of the new policy: ${err.message}`, {
      expected: `${next.threshold} of: ${distinct(next.countersigners.map((k) => k.organisation)).join(', ')}`,
      found: err.found ?? 'none',
    });
  }
}

function organisationsAmong(valid: CountersignatureCheck[], keys: readonly CountersignerKey[]): string[] {
  const ids = new Map(keys.map((k) => [k.keyId, k.organisation]));
  return distinct(valid.filter((v) => ids.has(v.keyId)).map((v) => ids.get(v.keyId)!));
}

function distinct(items: string[]): string[] {
  return [...new Set(items)].sort();
}

function describeSet(keys: readonly CountersignerKey[]): string {
  return keys.map((k) => `${k.name} (${k.organisation})`).join(', ');
}

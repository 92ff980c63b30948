// Does an authority rotation leave an organisation exactly as much in control as before
// (spec/ROTATION.md §3.1)? The one condition under which organisation B may let a machine
// countersign a rotation for it (`countersign serve --unsafe-auto-countersign-rotations-keeping-b`).
// Conservative on purpose: the next policy must keep the organisation's keys (same key ids,
// names and organisation), their log requirements and the whole rest of the signer sets
// unchanged: every other organisation's keys, the threshold, and the fallback set. It must
// also keep the other organisation's half as it is (the primary identity, the Sigstore trusted
// root) and the kinds, streams and limits: a rotation that widens who may sign as A (an
// identity pattern, a dropped source-repository pin, another certificate authority) would let
// whoever holds B's key alone produce releases that verify. The only change it lets through is
// a wider validity window of the organisation's own keys. Anything else is for a person to
// read and decide.
import { isDeepStrictEqual } from 'node:util';
import { equalBytes } from '../../basics/crypto/bytes.ts';
import { rfc3339 } from '../../basics/json/shape.ts';
import type { CountersignerKey, FallbackSignerSet, Policy } from './types.ts';
import { quote } from './diff-text.ts';
import { sameWitnesses } from './witnesses.ts';

/** True only if `next` keeps `organisation`'s keys, log requirement and share of the threshold (see controlChanges). */
export function keepsOrganisationControl(current: Policy, next: Policy, organisation: string): boolean {
  return controlChanges(current, next, organisation).length === 0;
}

/**
 * Why `next` does not keep `organisation` in control as `current` does, one reason per line in
 * words (values quoted and escaped); empty when it does.
 */
export function controlChanges(current: Policy, next: Policy, organisation: string): string[] {
  const reasons: string[] = [];
  const org = quote(organisation);
  const own = current.countersigners.filter((k) => k.organisation === organisation);
  if (own.length === 0) reasons.push(`the current policy has no countersigner key of organisation ${org}`);
  const after = new Map(next.countersigners.map((k) => [k.keyId, k]));
  for (const key of current.countersigners) {
    const other = after.get(key.keyId);
    const who = `countersigner key ${quote(key.name)} ${key.keyId} of organisation ${quote(key.organisation)}`;
    if (!other) {
      reasons.push(`removes ${who}`);
      continue;
    }
    if (other.name !== key.name) reasons.push(`renames ${who} to ${quote(other.name)}`);
    if (other.organisation !== key.organisation)
      reasons.push(`moves ${who} to organisation ${quote(other.organisation)}`);
    if (!sameLog(key, other)) reasons.push(`changes the log requirement of ${who}`);
    if (key.organisation === organisation) {
      if (!widens(key.validFrom, other.validFrom, 'from'))
        reasons.push(`narrows the validity of ${who} (valid from ${time(key.validFrom)} -> ${time(other.validFrom)})`);
      if (!widens(key.validUntil, other.validUntil, 'until'))
        reasons.push(
          `narrows the validity of ${who} (valid until ${time(key.validUntil)} -> ${time(other.validUntil)})`,
        );
    } else if (!sameTime(key.validFrom, other.validFrom) || !sameTime(key.validUntil, other.validUntil)) {
      reasons.push(`changes the validity of ${who}, another organisation's key`);
    }
  }
  const before = new Set(current.countersigners.map((k) => k.keyId));
  for (const key of next.countersigners) {
    if (!before.has(key.keyId))
      reasons.push(`adds countersigner key ${quote(key.name)} ${key.keyId} of organisation ${quote(key.organisation)}`);
  }
  if (next.threshold !== current.threshold)
    reasons.push(`changes the countersignature threshold from ${current.threshold} to ${next.threshold} organisations`);
  reasons.push(...fallbackChanges(current.fallback, next.fallback));
  for (const [field, words] of UNTOUCHABLE) if (!isDeepStrictEqual(current[field], next[field])) reasons.push(words);
  return reasons;
}

/** The rest of the policy, which an automatic countersignature must leave exactly as it is. */
const UNTOUCHABLE: readonly (readonly [keyof Policy, string])[] = [
  ['primary', 'changes the primary identity (who may sign as organisation A)'],
  ['trustedRoot', "changes the Sigstore trusted root (who may issue organisation A's certificates)"],
  ['kinds', 'changes the allowed kinds'],
  ['streams', 'changes the allowed streams'],
  ['limits', 'changes the limits'],
];

function fallbackChanges(before: FallbackSignerSet | undefined, after: FallbackSignerSet | undefined): string[] {
  if (!before)
    return after
      ? [
          `adds an emergency fallback signer set (threshold ${after.threshold}, ${after.countersigners.length} key(s)) that could authorise rotations`,
        ]
      : [];
  if (!after) return ['removes the emergency fallback signer set'];
  const reasons: string[] = [];
  if (before.threshold !== after.threshold)
    reasons.push(`changes the emergency fallback threshold from ${before.threshold} to ${after.threshold}`);
  const next = new Map(after.countersigners.map((k) => [k.keyId, k]));
  for (const key of before.countersigners) {
    const other = next.get(key.keyId);
    if (!other || !sameKey(key, other))
      reasons.push(`${other ? 'changes' : 'removes'} emergency fallback key ${quote(key.name)} ${key.keyId}`);
  }
  const old = new Set(before.countersigners.map((k) => k.keyId));
  for (const key of after.countersigners)
    if (!old.has(key.keyId))
      reasons.push(
        `adds emergency fallback key ${quote(key.name)} ${key.keyId} of organisation ${quote(key.organisation)}`,
      );
  return reasons;
}

function sameKey(a: CountersignerKey, b: CountersignerKey): boolean {
  return (
    a.name === b.name &&
    a.organisation === b.organisation &&
    sameLog(a, b) &&
    sameTime(a.validFrom, b.validFrom) &&
    sameTime(a.validUntil, b.validUntil)
  );
}

function sameLog(a: CountersignerKey, b: CountersignerKey): boolean {
  if (!a.log || !b.log) return !a.log && !b.log;
  return (
    a.log.origin === b.log.origin &&
    equalBytes(a.log.rawPublicKey, b.log.rawPublicKey) &&
    sameWitnesses(a.log.witnesses, b.log.witnesses)
  );
}

function sameTime(a: Date | undefined, b: Date | undefined): boolean {
  return a?.getTime() === b?.getTime();
}

/** The window's edge is the same or further out: no bound where there was none, an earlier start, a later end. */
function widens(before: Date | undefined, after: Date | undefined, edge: 'from' | 'until'): boolean {
  if (after === undefined) return true;
  if (before === undefined) return false;
  return edge === 'from' ? after.getTime() <= before.getTime() : after.getTime() >= before.getTime();
}

function time(date: Date | undefined): string {
  return date ? rfc3339(date) : 'unbounded';
}

// The witness requirement of a countersigner's log (spec/POLICY.md §3.5.3):
//
//   "witnesses": { "threshold": 2, "keys": ["<name>+<hex>+<base64(0x04 || key)>", …], "maxAgeSeconds": 86400 }
//
// Each key is a C2SP verifier key of type 0x04 (tlog-cosignature v1, Ed25519). Names and public
// keys are each unique: the cosigned message does not commit to the witness's name, so one key
// under two names would let one witness count twice toward the threshold.
import { childPath } from '../../basics/json/lines.ts';
import { describe, isSafeInteger, type Shape } from '../../basics/json/shape.ts';
import type { PolicyCode } from '../../basics/errors/codes.ts';
import { equalBytes } from '../../basics/crypto/bytes.ts';
import { type Cosigner, type WitnessRequirement, cosignerVerifierKey, parseCosignerKey } from '../log/cosignature.ts';

/** At most this many witnesses per log. */
export const MAX_WITNESSES = 32;
/** `maxAgeSeconds` from a minute to a year (inclusive). */
export const WITNESS_MAX_AGE_RANGE: readonly [number, number] = [60, 366 * 24 * 3600];

export function readWitnesses(r: Shape<PolicyCode>, value: unknown, path: string): WitnessRequirement {
  const obj = r.object(value, path, ['threshold', 'keys'], ['maxAgeSeconds']);
  const keysPath = childPath(path, 'keys');
  const items = r.nonEmptyArray(obj.keys, keysPath, MAX_WITNESSES);
  const witnesses: Cosigner[] = [];
  items.forEach((item, i) => {
    const at = childPath(keysPath, i);
    const vkey = r.text(item, at, 512);
    const parsed = parseCosignerKey(vkey);
    if ('problem' in parsed)
      r.failWith(
        'policy-bad-key',
        at,
        `expected a witness verifier key <name>+<8 hex>+<base64 of 0x04 and a 32-byte Ed25519 key>: ${parsed.problem}`,
      );
    const sameName = witnesses.findIndex((w) => w.name === parsed.name);
    if (sameName >= 0)
      r.failWith(
        'policy-duplicate-entry',
        at,
        `expected each witness name once, found ${JSON.stringify(parsed.name)} again (first at ${childPath(keysPath, sameName)})`,
      );
    const sameKey = witnesses.findIndex((w) => equalBytes(w.rawPublicKey, parsed.rawPublicKey));
    if (sameKey >= 0)
      r.failWith(
        'policy-duplicate-entry',
        at,
        `expected each witness public key once (a cosignature does not name its witness), found the key of ${childPath(keysPath, sameKey)} again`,
      );
    witnesses.push(parsed);
  });
  const thresholdPath = childPath(path, 'threshold');
  if (!isSafeInteger(obj.threshold) || obj.threshold < 1 || obj.threshold > witnesses.length)
    r.failWith(
      'policy-threshold',
      thresholdPath,
      `expected an integer from 1 to ${witnesses.length} (the number of witness keys), found ${describe(obj.threshold)}`,
    );
  const requirement: { -readonly [K in keyof WitnessRequirement]: WitnessRequirement[K] } = {
    threshold: obj.threshold,
    witnesses,
  };
  if (Object.hasOwn(obj, 'maxAgeSeconds')) {
    const [min, max] = WITNESS_MAX_AGE_RANGE;
    const agePath = childPath(path, 'maxAgeSeconds');
    if (!isSafeInteger(obj.maxAgeSeconds) || obj.maxAgeSeconds < min || obj.maxAgeSeconds > max)
      r.failWith(
        'policy-limit-out-of-range',
        agePath,
        `expected an integer from ${min} to ${max} seconds, found ${describe(obj.maxAgeSeconds)}`,
      );
    requirement.maxAgeSeconds = obj.maxAgeSeconds;
  }
  return requirement;
}

/** The same requirement (for a rotation's "what changes" and its control check). */
export function sameWitnesses(a: WitnessRequirement | undefined, b: WitnessRequirement | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.threshold === b.threshold &&
    a.maxAgeSeconds === b.maxAgeSeconds &&
    a.witnesses.length === b.witnesses.length &&
    a.witnesses.every((w) => b.witnesses.some((v) => v.name === w.name && equalBytes(v.rawPublicKey, w.rawPublicKey)))
  );
}

/** In words, with every witness's verifier key (a reviewer compares keys, not names). */
export function describeWitnesses(requirement: WitnessRequirement): string {
  const keys = requirement.witnesses.map((w) => cosignerVerifierKey(w.name, w.rawPublicKey)).join(', ');
  const age = requirement.maxAgeSeconds === undefined ? '' : `, each at most ${requirement.maxAgeSeconds} s old`;
  return `cosigned by ${requirement.threshold} of ${requirement.witnesses.length} witness(es) ${keys}${age}`;
}

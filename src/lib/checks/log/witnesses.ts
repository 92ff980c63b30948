// The policy's witness requirement on a log proof's checkpoint (spec/POLICY.md §3.5.3,
// spec/FORMAT.md §7 step 4h): at least `threshold` of the named witnesses cosigned exactly
// this checkpoint, each cosignature dated no later than now (with the clock skew) and, when
// `maxAgeSeconds` is set, no earlier than now minus that age. Each witness counts once,
// however many lines it has; the policy parser refuses one key under two names, so distinct
// names are distinct keys. A witness cosigns only a checkpoint consistent with every one it
// cosigned before, so k honest witnesses make a split view (one history for clients, another
// for auditors) impossible without k of them colluding with the log.
import { VerificationError } from '../../basics/errors/errors.ts';
import type { WitnessRequirement } from '../../formats/log/cosignature.ts';
import { type ValidCosignature, verifyCosignatures } from './cosignature.ts';

export interface WitnessClock {
  readonly now: Date;
  readonly clockSkewSeconds: number;
}

/** Returns the cosignatures that count; throws `log-witness-threshold` when fewer than the threshold do. */
export function checkWitnesses(
  note: string,
  requirement: WitnessRequirement,
  clock: WitnessClock,
  what: string,
): ValidCosignature[] {
  const valid = verifyCosignatures(note, requirement.witnesses, what);
  const now = Math.floor(clock.now.getTime() / 1000);
  const future = valid.filter((c) => c.timestamp > now + clock.clockSkewSeconds);
  const maxAge = requirement.maxAgeSeconds;
  const stale = maxAge === undefined ? [] : valid.filter((c) => c.timestamp < now - maxAge - clock.clockSkewSeconds);
  const counted = valid.filter((c) => !future.includes(c) && !stale.includes(c));
  if (counted.length >= requirement.threshold) return counted;
  const names = (list: readonly ValidCosignature[]) => list.map((c) => c.name).join(', ') || 'none';
  const absent = requirement.witnesses.filter((w) => !valid.some((c) => c.name === w.name)).map((w) => w.name);
  const notes = [
    stale.length > 0 ? `older than ${maxAge ?? 0} s: ${names(stale)}` : '',
    future.length > 0 ? `dated in the future: ${names(future)}` : '',
    absent.length > 0 ? `no cosignature: ${absent.join(', ')}` : '',
  ].filter((s) => s !== '');
  throw new VerificationError(
    'log-witness-threshold',
    `${what}: the checkpoint has ${counted.length} valid cosignature(s) of the ${requirement.threshold} required from its witnesses (${notes.join('; ')})`,
    {
      expected: `${requirement.threshold} of: ${requirement.witnesses.map((w) => w.name).join(', ')}`,
      found: names(counted),
    },
  );
}

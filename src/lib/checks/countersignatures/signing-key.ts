// Which key records may countersign a bundle (spec/ROTATION.md §3-4), for organisation B's
// check-then-sign step: a usual countersigner of the policy always; for an authority rotation
// only, also a fallback signer (emergency) or a key of the new policy (proof of possession).
import { VerificationError } from '../../basics/errors/errors.ts';
import type { CountersignerKey, Policy } from '../../formats/policy/types.ts';
import type { PolicyDocument } from '../../formats/policy/document.ts';

/**
 * The record of `keyId` that makes its countersignature count here, or undefined when none
 * does. Throws `countersignature-fallback-not-rotation` for a fallback key on anything but a
 * rotation (a countersignature that could only ever be refused).
 */
export function countersigningKeyFor(
  policy: Policy,
  keyId: string,
  rotation: PolicyDocument | undefined,
): CountersignerKey | undefined {
  const find = (keys: readonly CountersignerKey[] | undefined) => keys?.find((k) => k.keyId === keyId);
  const usual = find(policy.countersigners);
  if (usual) return usual;
  const fallback = find(policy.fallback?.countersigners);
  if (fallback && !rotation) {
    throw new VerificationError(
      'countersignature-fallback-not-rotation',
      `the signing key ${fallback.name} (${keyId}) is a fallback signer: it may countersign only an authority rotation`,
      {
        expected: 'an authority-rotation bundle',
        found: 'another kind of statement',
      },
    );
  }
  return (
    fallback ??
    (rotation ? (find(rotation.policy.countersigners) ?? find(rotation.policy.fallback?.countersigners)) : undefined)
  );
}

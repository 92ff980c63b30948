// The version rule of a rotation (spec/ROTATION.md §3): the new policy's `version` is exactly
// the current one plus one, and the statement's own version is that new policy version (so
// every countersignature, which binds the statement's version, names the policy it installs).
// A lower or equal version is a downgrade, a higher one skips a rotation (a gap); each has
// its own code so that a client can say which attack it refused.
import { VerificationError } from '../../basics/errors/errors.ts';
import type { Policy } from '../../formats/policy/types.ts';

export function checkRotationVersions(
  current: Pick<Policy, 'version'>,
  next: Pick<Policy, 'version'>,
  statementVersion: number,
): void {
  const expected = current.version + 1;
  if (next.version <= current.version) {
    throw new VerificationError(
      'rotation-downgrade',
      `the rotation installs policy version ${next.version}, not newer than the current version ${current.version}`,
      {
        expected: `new policy version ${expected}`,
        found: String(next.version),
      },
    );
  }
  if (next.version > expected) {
    throw new VerificationError(
      'rotation-gap',
      `the rotation installs policy version ${next.version}, skipping from the current version ${current.version}: rotations go one version at a time`,
      {
        expected: `new policy version ${expected}`,
        found: String(next.version),
      },
    );
  }
  if (statementVersion !== next.version) {
    throw new VerificationError(
      'rotation-statement-version',
      `the rotation statement has version ${statementVersion}, but the policy it installs has version ${next.version}`,
      {
        expected: `statement version ${next.version}`,
        found: String(statementVersion),
      },
    );
  }
}

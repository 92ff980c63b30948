// The parts of an authority-rotation statement (spec/ROTATION.md §2), for `countersign build
// --kind authority-rotation --policy NEW_POLICY`: the one subject is the new policy document by
// digest, the data carries its exact bytes, and the statement's version is the new policy's.
import type { Subject } from '../../formats/core/types.ts';
import { subjectNameProblem } from '../../formats/subjects/name.ts';
import { InputError, VerificationError } from '../../basics/errors/errors.ts';
import { type PolicyDocument, policyDocument } from '../../formats/policy/document.ts';
import { checkRotationVersions } from '../../checks/statement/rotation-versions.ts';

export interface RotationStatementParts {
  subjects: Subject[];
  data: { policy: string };
  /** The new policy version: the statement's version. */
  version: number;
  next: PolicyDocument;
}

/**
 * `name` is the subject name (usually the new policy's file name). With `current`, checks
 * early what every verifier will check: the new version is exactly the current one plus one.
 * Throws PolicyError for a new policy that would not load, InputError for a bad name or version.
 */
export function rotationStatementParts(
  newPolicyBytes: Uint8Array,
  name: string,
  what: string,
  current?: PolicyDocument,
): RotationStatementParts {
  const next = policyDocument(newPolicyBytes, what);
  const problem = subjectNameProblem(name);
  if (problem)
    throw new InputError('subject-path-invalid', `${what}: the subject name ${JSON.stringify(name)} ${problem}`);
  if (current) {
    try {
      checkRotationVersions(current.policy, next.policy, next.policy.version);
    } catch (err) {
      // A downgrade or a gap (the statement takes the new policy's version): an input of `build`.
      if (err instanceof VerificationError && (err.code === 'rotation-downgrade' || err.code === 'rotation-gap'))
        throw new InputError(err.code, `${what}: ${err.message}`);
      throw err;
    }
  }
  return {
    subjects: [{ name, digest: { sha256: next.digest } }],
    data: { policy: Buffer.from(newPolicyBytes).toString('base64') },
    version: next.policy.version,
    next,
  };
}

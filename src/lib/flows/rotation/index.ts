// Authority rotation (spec/ROTATION.md): the new policy a rotation carries, who may authorise
// it, and following a chain of rotations from a pinned policy.
export { type PolicyDocument, policyDocument, newPolicyOf, isRotation } from '../../formats/policy/document.ts';
export { checkRotationVersions } from '../../checks/statement/rotation-versions.ts';
export { type Authorisation, type AuthoriseOptions, authorise } from '../../checks/countersignatures/authorise.ts';
export {
  MAX_ROTATIONS,
  RotationError,
  followRotations,
  type AppliedRotation,
  type Freshness,
  type RotationInput,
  type RotationWalk,
  type WalkOptions,
} from './chain.ts';
export { countersigningKeyFor } from '../../checks/countersignatures/signing-key.ts';
export { type RotationStatementParts, rotationStatementParts } from './statement-parts.ts';

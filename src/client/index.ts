// `@countersign/verify`: the client verifier library (issue #5; docs/client.md). It only
// verifies: no signing code, no @actions/*, no network, no file system. The same pipeline and
// report as `countersign verify`, and the rotation walk of `countersign policy update`; in a
// browser, the build of scripts/build.ts (packages/verify/dist/verify.browser.mjs).
export { verifyBundle, pinPolicy, type VerifyBundleInput, type VerifyBundleResult } from './verify.ts';
export { isVerifiedSubject } from './subject.ts';
export {
  followPolicyRotations,
  type FollowPolicyRotationsInput,
  type FollowPolicyRotationsResult,
  type FollowedRotations,
  type RejectedRotations,
  type RotationBundleInput,
  type RotationInputError,
} from './rotations.ts';
export { MAX_ROTATIONS, type AppliedRotation } from '../lib/flows/rotation/chain.ts';
export type { ArtifactInput, JsonInput, PinnedPolicy } from './inputs.ts';
export {
  CHECKS,
  type CheckName,
  type CheckReport,
  type CheckResult,
  type Outcome,
  type VerificationReport,
} from '../lib/pipeline/report.ts';
export { STATE_MEDIA_TYPE, type ClientState, type StreamState } from '../lib/formats/state/state.ts';
export type { Policy } from '../lib/formats/policy/types.ts';
export { InputError, PolicyError, VerificationError } from '../lib/basics/errors/errors.ts';

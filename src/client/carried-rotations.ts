// The rotations a release bundle carries (its optional `rotations`, spec/FORMAT.md §6.3),
// followed from the pinned policy before the release is verified: one download catches a
// client up. The walk is `followRotations` (spec/ROTATION.md §5) with freshness 'release':
// every link is judged at its own signing time, and the release, verified next under the
// policy the walk reached, at the client's time, is what says that policy is current. The
// caller keeps the new policy only if the release verifies (verifyBundle).
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';
import { describe } from '../lib/basics/json/shape.ts';
import { parseBundleFile } from '../lib/formats/bundle/bundle.ts';
import { type PolicyDocument, policyDocument } from '../lib/formats/policy/document.ts';
import type { ClientState } from '../lib/formats/state/state.ts';
import { type RotationWalk, followRotations } from '../lib/flows/rotation/chain.ts';
import { trustMaterialOf } from '../lib/checks/sigstore/trusted-root.ts';
import type { CheckName, VerificationReport } from '../lib/pipeline/report.ts';
import type { JsonInput, PinnedPolicy } from './inputs.ts';

export interface CarriedRotations {
  /** The walk, when the bundle carries rotations and every one was accepted. */
  readonly walk?: RotationWalk;
  /** The policy to verify the release under, when the walk installed a newer one. */
  readonly pinned?: PinnedPolicy;
  /** The walk was refused: the report to return (check `rotation`, as spec/vectors/README.md reports a refused chain). */
  readonly rejected?: VerificationReport;
}

/**
 * Follows the rotations `bundle` carries from `policy` (exact bytes or text). A bundle that
 * does not parse, or carries none, has nothing to follow: the release verification reports it.
 */
export async function followCarriedRotations(
  policy: PinnedPolicy | JsonInput,
  bundle: Uint8Array,
  pinned: PinnedPolicy,
  options: { state: ClientState | undefined; now: Date },
): Promise<CarriedRotations> {
  if (!(policy instanceof Uint8Array) && typeof policy !== 'string')
    throw new InputError(
      'input-malformed',
      `policy: following the rotations a bundle carries needs the pinned policy's exact bytes or text (its digest is compared with the documents the rotations carry), found ${describe(policy)}`,
    );
  let carried: Uint8Array[];
  try {
    carried = parseBundleFile(bundle, 'bundle', pinned.policy.limits.maxBundleBytes).rotations;
  } catch (err) {
    if (err instanceof InputError) return {}; // the release's own parse check refuses it, with this code
    throw err;
  }
  if (carried.length === 0) return {};
  // A copy: the bytes returned as the new policy are the app's to keep.
  const start: PolicyDocument = policyDocument(
    (policy instanceof Uint8Array ? policy : new TextEncoder().encode(policy)).slice(),
    'pinned policy',
  );
  let walk: RotationWalk;
  try {
    walk = await followRotations(
      start,
      carried.map((bytes, i) => ({ bytes, what: `bundle.rotations[${i}]` })),
      {
        now: options.now,
        freshness: 'release',
        trust: pinned.trust,
        ...(options.state ? { state: options.state } : {}),
      },
    );
  } catch (err) {
    if (!(err instanceof VerificationError)) throw err;
    // Reported as a refused chain is in spec/vectors: the step `rotation`, the refusal's code.
    return {
      rejected: {
        outcome: 'rejected',
        checks: [],
        failure: { check: ROTATION_CHECK, code: err.code, message: err.message },
      },
    };
  }
  if (walk.applied.length === 0) return { walk };
  return { walk, pinned: { policy: walk.result.policy, trust: trustMaterialOf(walk.result.policy) } };
}

/**
 * The step a refused rotation walk is reported at: not one of the pipeline's checks (which
 * run on one bundle) but the walk before them, named `rotation` as in spec/vectors/README.md
 * and spec/ROTATION.md §7.
 */
const ROTATION_CHECK = 'rotation' as CheckName;

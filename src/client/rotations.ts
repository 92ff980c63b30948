// Following authority rotations from the client library (spec/ROTATION.md §5): an app pinned
// to an old policy hands over the rotation bundles it fetched and gets the policy to pin from
// now on. The walk itself is `followRotations` (src/lib/flows/rotation/chain.ts), the one that
// `countersign policy update` runs; this file only turns in-memory inputs into its arguments
// and its verdict (or exception) into a result that never throws for bad input, in the
// style of verifyBundle. No file, network or clock access beyond `new Date()`.
import { describe } from '../lib/basics/json/shape.ts';
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';
import {
  type AppliedRotation,
  MAX_ROTATIONS,
  RotationError,
  type RotationInput,
  followRotations,
} from '../lib/flows/rotation/chain.ts';
import { policyDocument } from '../lib/formats/policy/document.ts';
import type { VerificationReport } from '../lib/pipeline/report.ts';
import { emptyState, recordPolicyVersion, serializeState } from '../lib/formats/state/state.ts';
import { type JsonInput, readState } from './inputs.ts';

/** One rotation bundle as downloaded: bytes, text, or either with a name for messages. */
export type RotationBundleInput = Uint8Array | string | { readonly bytes: Uint8Array | string; readonly name: string };

export interface FollowPolicyRotationsInput {
  /** The pinned policy document, exact bytes as stored (or its text): not a parsed object, its digest matters. */
  readonly policy: Uint8Array | string;
  /** The authority-rotation bundles, oldest first, at most 64 (MAX_ROTATIONS). */
  readonly rotations: readonly RotationBundleInput[];
  /** The client's state document; a pinned policy older than its `policyVersion` is refused (`policy-rollback`). */
  readonly state?: JsonInput | null;
  /** Verification time of every link; defaults to the clock. */
  readonly now?: Date;
}

/** The chain was followed: persist `policy` (then `newState`) when `outcome` is "updated". */
export interface FollowedRotations {
  /** "updated": at least one rotation installed a newer policy; "unchanged": none was new. */
  readonly outcome: 'updated' | 'unchanged';
  /** The policy document to pin from now on, byte for byte the one the last rotation carries (the input's bytes when unchanged). */
  readonly policy: Uint8Array;
  /** Its `version`. */
  readonly version: number;
  /** Lowercase hex SHA-256 of `policy`. */
  readonly digest: string;
  /** The state to persist after the policy: the old one (or a fresh one) with `policyVersion` raised to `version`. */
  readonly newState: string;
  /** Every rotation installed, in order: its name, versions, the digest it installed and its verification report. */
  readonly applied: readonly AppliedRotation[];
  /** Names of rotations given that install a policy already held (a repeat): skipped. */
  readonly alreadyApplied: readonly string[];
}

/** The chain was refused: nothing to persist; keep the pinned policy. */
export interface RejectedRotations {
  readonly outcome: 'rejected';
  readonly failure: {
    /** Stable code (spec/ROTATION.md §7): rotation-gap, rotation-fork, rotation-downgrade, rotation-chain-too-long, policy-rollback, or the code that rejected a rotation bundle. */
    readonly code: string;
    readonly message: string;
    /** The name of the refused rotation bundle; absent when the whole input was refused (chain too long, policy rollback). */
    readonly rotation?: string;
    readonly expected?: string;
    readonly found?: string;
    /** The refused bundle's verification report, when the pipeline ran on it. */
    readonly report?: VerificationReport;
  };
}

/** The app's own data is unusable (pinned policy, state, arguments): nothing was verified. */
export interface RotationInputError {
  readonly outcome: 'error';
  readonly error: { readonly code: string; readonly message: string };
}

export type FollowPolicyRotationsResult = FollowedRotations | RejectedRotations | RotationInputError;

/**
 * Follows a chain of authority-rotation bundles from the pinned policy, all or nothing: each
 * rotation must verify under the policy before it and install exactly the next version.
 * Never throws for bad input: a refused rotation is "rejected" (`failure` says which and why),
 * an unusable pinned policy, state or argument is "error". Only a bug would throw.
 */
export async function followPolicyRotations(input: FollowPolicyRotationsInput): Promise<FollowPolicyRotationsResult> {
  try {
    const raw: unknown = input; // typed for the app, not trusted: JavaScript callers pass anything
    if (typeof raw !== 'object' || raw === null)
      throw new InputError('input-malformed', `input: expected { policy, rotations }, found ${describe(raw)}`);
    // A copy: the bytes returned as `policy` are then the app's to keep, whatever it does to its own.
    const start = policyDocument(exactBytes(input.policy, 'policy').slice(), 'pinned policy');
    const rotations = rotationInputs(input.rotations);
    const state = readState(input.state);
    const now = input.now ?? new Date();
    if (!(now instanceof Date) || Number.isNaN(now.getTime()))
      throw new InputError('input-malformed', 'now: expected a valid Date');
    const walk = await followRotations(start, rotations, { now, ...(state ? { state } : {}) });
    const { result } = walk;
    return {
      outcome: walk.applied.length > 0 ? 'updated' : 'unchanged',
      policy: result.bytes,
      version: result.policy.version,
      digest: result.digest,
      // The CLI's order (spec/ROTATION.md §5): the policy is written first, then this.
      newState: serializeState(recordPolicyVersion(state ?? emptyState(), result.policy.version)),
      applied: walk.applied,
      alreadyApplied: walk.alreadyApplied,
    };
  } catch (err) {
    if (err instanceof VerificationError) return { outcome: 'rejected', failure: failureOf(err) };
    if (err instanceof InputError) return { outcome: 'error', error: { code: err.code, message: err.message } };
    throw err;
  }
}

function failureOf(err: VerificationError): RejectedRotations['failure'] {
  const rotation = err instanceof RotationError && err.what !== 'rotations' ? err.what : undefined;
  const report = err instanceof RotationError ? err.report : undefined;
  return {
    code: err.code,
    message: err.message,
    ...(rotation !== undefined ? { rotation } : {}),
    ...(err.expected !== undefined ? { expected: err.expected } : {}),
    ...(err.found !== undefined ? { found: err.found } : {}),
    ...(report ? { report } : {}),
  };
}

/** The rotation list as followRotations takes it, named `rotations[i]` unless the app named them. */
function rotationInputs(rotations: unknown): RotationInput[] {
  if (!Array.isArray(rotations))
    throw new InputError('input-malformed', `rotations: expected an array of bundles, found ${describe(rotations)}`);
  // The cap is followRotations' own (it refuses a longer list before verifying anything);
  // this only avoids converting a huge list first. Same code, same message.
  if (rotations.length > MAX_ROTATIONS)
    return rotations.map((_, i) => ({ bytes: new Uint8Array(), what: `rotations[${i}]` }));
  return rotations.map((r: unknown, i) => {
    const at = `rotations[${i}]`;
    if (r instanceof Uint8Array || typeof r === 'string') return { bytes: exactBytes(r, at), what: at };
    if (typeof r === 'object' && r !== null && typeof (r as { name?: unknown }).name === 'string') {
      const { bytes, name } = r as { bytes?: unknown; name: string };
      if (name.length === 0 || name.length > 200)
        throw new InputError('input-malformed', `${at}.name: expected 1 to 200 characters, found ${name.length}`);
      return { bytes: exactBytes(bytes, `${at}.bytes`), what: name };
    }
    throw new InputError('input-malformed', `${at}: expected bytes, text or { bytes, name }, found ${describe(r)}`);
  });
}

/** The document's exact bytes: a Uint8Array as given, text as UTF-8. */
function exactBytes(value: unknown, what: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return new TextEncoder().encode(value);
  throw new InputError('input-malformed', `${what}: expected bytes (Uint8Array) or text, found ${describe(value)}`);
}

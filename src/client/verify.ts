// The client verifier (issue #5, "The client verifier library"): one call that runs the very
// gate of `countersign verify` (src/lib/flows/gate/gate.ts, docs/design.md §4) on data the app
// holds in memory, and returns the same report plus the state to persist. No file, network,
// signing or @actions/* code is reached from here; the browser build swaps node:crypto and
// Buffer for @noble/* shims at build time (src/lib/platform/).
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';
import { describe } from '../lib/basics/json/shape.ts';
import { type GateExpectation, gate } from '../lib/flows/gate/gate.ts';
import type { Kind } from '../lib/formats/core/types.ts';
import type { VerificationReport } from '../lib/pipeline/report.ts';
import { serializeState } from '../lib/formats/state/state.ts';
import type { AppliedRotation } from '../lib/flows/rotation/chain.ts';
import { type CarriedRotations, followCarriedRotations } from './carried-rotations.ts';
import {
  type ArtifactInput,
  type JsonInput,
  type PinnedPolicy,
  artifactSubjects,
  checkTrustedRootMatches,
  loadPinnedPolicy,
  readState,
} from './inputs.ts';

export interface VerifyBundleInput {
  /** The countersigned bundle exactly as downloaded (bytes, or its text). */
  readonly bundle: Uint8Array | string;
  /** The pinned policy: a `pinPolicy` result (reuse it across bundles), or the policy document. */
  readonly policy: PinnedPolicy | JsonInput;
  /** Optional: the trusted root shipped beside the policy; it must equal `policy.trustedRoot`. */
  readonly trustedRoot?: JsonInput;
  /** The client's state document (spec/FORMAT.md §8) from its storage; absent or null for a fresh client. */
  readonly state?: JsonInput | null;
  /** Optional: the files at hand; each must be a subject with the same digest, and every subject present. */
  readonly artifacts?: readonly ArtifactInput[];
  /** Verification time; defaults to the clock. */
  readonly now?: Date;
  /** Names the bundle in messages (default "bundle"). */
  readonly what?: string;
  /**
   * The stream (and optionally the kind) this app expects the bundle to be of. Required when
   * the policy allows more than one stream (otherwise outcome "error", `expected-stream-missing`):
   * an old genuine release of another stream must not pass for one of this stream.
   */
  readonly expect?: { readonly stream?: string; readonly kind?: Kind } | null;
  /**
   * Follow the authority rotations the bundle carries (its optional `rotations`, spec/FORMAT.md
   * §6.3) from the pinned policy before verifying it, all or nothing: the new policy is returned
   * (`policy`) only when the bundle then verifies under it. Needs `policy` as the pinned
   * document's exact bytes or text (its digest matters), not a parsed object or `pinPolicy`
   * result. Without it, carried rotations are ignored.
   */
  readonly followRotations?: boolean;
}

export interface VerifyBundleResult {
  /** The same report as `countersign verify --json` (src/lib/pipeline/report.ts). */
  readonly report: VerificationReport;
  /**
   * Only when the outcome is "verified": the new state document to persist, replacing the old
   * one (the bundle's stream recorded at its version), byte for byte what `verify --state` writes.
   */
  readonly newState?: string;
  /** Only when the outcome is "error": why verification could not run (bad policy, state or input). */
  readonly error?: { readonly code: string; readonly message: string };
  /**
   * Unless the outcome is "error": the stream (and kind) the bundle was checked against, `expect`
   * or the policy's only stream. `isVerifiedSubject` takes the whole result and checks it again.
   */
  readonly expected?: { readonly stream: string; readonly kind?: Kind };
  /**
   * With `followRotations`, only when the outcome is "verified" and the carried rotations
   * installed a newer policy: the policy document to pin from now on (byte for byte the one
   * the last rotation carries), its version and SHA-256 hex. Persist it first, then `newState`
   * (whose `policyVersion` is its version), each atomically.
   */
  readonly policy?: { readonly bytes: Uint8Array; readonly version: number; readonly digest: string };
  /** With `followRotations` and a bundle that carries rotations: the rotations installed and those skipped (already held). */
  readonly rotations?: { readonly applied: readonly AppliedRotation[]; readonly alreadyApplied: readonly string[] };
}

const pinned = new WeakSet<PinnedPolicy>();

/**
 * Parses the pinned policy once (and checks `trustedRoot` against it when given), for reuse
 * across `verifyBundle` calls. Throws PolicyError / InputError (codes in spec/FORMAT.md §9).
 */
export function pinPolicy(policy: JsonInput, trustedRoot?: JsonInput): PinnedPolicy {
  const result = Object.freeze(loadPinnedPolicy(policy, trustedRoot));
  pinned.add(result);
  return result;
}

/**
 * Verifies a countersigned bundle. Never throws for bad input: a bundle that fails a check is
 * "rejected" (report.failure says which check and code), a valid primary without any
 * countersignature is "pending-countersign", and unusable pinned data (policy, trusted root,
 * state, artifacts) or arguments (no expected stream under a policy of several) is "error"
 * with `error` set. Only a bug would throw.
 */
export async function verifyBundle(input: VerifyBundleInput): Promise<VerifyBundleResult> {
  try {
    const raw: unknown = input; // typed for the app, not trusted: JavaScript callers pass anything
    if (typeof raw !== 'object' || raw === null)
      throw new InputError('input-malformed', `input: expected { bundle, policy, ... }, found ${describe(raw)}`);
    const pinnedPolicy = isPinned(input.policy) ? input.policy : pinPolicy(input.policy, input.trustedRoot);
    if (isPinned(input.policy) && input.trustedRoot !== undefined)
      checkTrustedRootMatches(pinnedPolicy.policy, input.trustedRoot);
    const state = readState(input.state);
    const artifacts =
      input.artifacts === undefined
        ? undefined
        : artifactSubjects(input.artifacts, pinnedPolicy.policy.limits.maxSubjects);
    const bytes = typeof input.bundle === 'string' ? new TextEncoder().encode(input.bundle) : input.bundle;
    if (!(bytes instanceof Uint8Array))
      throw new InputError('input-malformed', `bundle: expected bytes or text, found ${describe(bytes)}`);
    const expect = expectation(input.expect);
    const now: unknown = input.now;
    if (now !== undefined && (!(now instanceof Date) || Number.isNaN(now.getTime())))
      throw new InputError('input-malformed', 'now: expected a valid Date');
    const what: unknown = input.what ?? 'bundle';
    if (typeof what !== 'string')
      throw new InputError('input-malformed', `what: expected a string, found ${describe(what)}`);
    // The rotations the bundle carries, followed first (all or nothing): the release is then
    // verified under the policy they install, and that policy is returned only if it verifies.
    let carried: CarriedRotations | undefined;
    const follow: unknown = input.followRotations;
    if (follow !== undefined && typeof follow !== 'boolean')
      throw new InputError('input-malformed', `followRotations: expected a boolean, found ${describe(follow)}`);
    if (follow === true) {
      carried = await followCarriedRotations(input.policy, bytes, pinnedPolicy, { state, now: now ?? new Date() });
      if (carried.rejected) return { report: carried.rejected };
    }
    const { policy, trust } = carried?.pinned ?? pinnedPolicy;
    // The gate of `countersign verify` and the action: the expected stream resolved against the
    // policy (expected-stream-missing, expected-not-allowed), the new state with the policy version.
    const { report, newState, expected } = await gate(bytes, {
      policy,
      trust,
      state,
      artifacts,
      what,
      expect,
      ...(now ? { now } : {}),
    });
    const followed = carried?.walk
      ? { rotations: { applied: carried.walk.applied, alreadyApplied: carried.walk.alreadyApplied } }
      : {};
    if (!newState) return { report, expected, ...followed };
    // Verified: the new policy (if any) goes with the new state, never without it.
    const installed = carried?.walk?.applied.length ? carried.walk.result : undefined;
    return {
      report,
      newState: serializeState(newState),
      expected,
      ...(installed
        ? { policy: { bytes: installed.bytes, version: installed.policy.version, digest: installed.digest } }
        : {}),
      ...followed,
    };
  } catch (err) {
    if (!(err instanceof InputError) && !(err instanceof VerificationError)) throw err;
    return { report: { outcome: 'error', checks: [] }, error: { code: err.code, message: err.message } };
  }
}

/** `expect` as the gate takes it: absent, or an object of an optional stream and kind (their values are the gate's to judge). */
function expectation(value: unknown): GateExpectation | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new InputError('input-malformed', `expect: expected { stream, kind }, found ${describe(value)}`);
  const { stream, kind } = value as { stream?: unknown; kind?: unknown };
  if (stream !== undefined && typeof stream !== 'string')
    throw new InputError('input-malformed', `expect.stream: expected a string, found ${describe(stream)}`);
  if (kind !== undefined && typeof kind !== 'string')
    throw new InputError('input-malformed', `expect.kind: expected a string, found ${describe(kind)}`);
  // A kind that is no kind at all is one the policy does not allow (expected-not-allowed).
  return { stream, kind: kind as Kind | undefined };
}

function isPinned(value: unknown): value is PinnedPolicy {
  return typeof value === 'object' && value !== null && pinned.has(value as PinnedPolicy);
}

// The client verifier (issue #5, "The client verifier library"): one call that runs the very
// gate of `countersign verify` (src/lib/flows/gate/gate.ts, docs/design.md §4) on data the app
// holds in memory, and returns the same report plus the state to persist. No file, network,
// signing or @actions/* code is reached from here; the browser build swaps node:crypto and
// Buffer for @noble/* shims at build time (src/lib/platform/).
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';
import { describe } from '../lib/basics/json/shape.ts';
import { gate } from '../lib/flows/gate/gate.ts';
import type { VerificationReport } from '../lib/pipeline/report.ts';
import { serializeState } from '../lib/formats/state/state.ts';
import { type ArtifactInput, type JsonInput, type PinnedPolicy, artifactSubjects, checkTrustedRootMatches, loadPinnedPolicy, readState } from './inputs.ts';

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
 * state, artifacts) is "error" with `error` set. Only a bug would throw.
 */
export async function verifyBundle(input: VerifyBundleInput): Promise<VerifyBundleResult> {
  try {
    const { policy, trust } = isPinned(input.policy) ? input.policy : pinPolicy(input.policy, input.trustedRoot);
    if (isPinned(input.policy) && input.trustedRoot !== undefined) checkTrustedRootMatches(policy, input.trustedRoot);
    const state = readState(input.state);
    const artifacts = input.artifacts === undefined ? undefined : artifactSubjects(input.artifacts, policy.limits.maxSubjects);
    const bytes = typeof input.bundle === 'string' ? new TextEncoder().encode(input.bundle) : input.bundle;
    if (!(bytes instanceof Uint8Array)) throw new InputError('input-malformed', `bundle: expected bytes or text, found ${describe(bytes)}`);
    // The gate of `countersign verify` and the action: the new state records the policy version too (policy rollback).
    const { report, newState } = await gate(bytes, { policy, trust, state, artifacts, what: input.what ?? 'bundle', ...(input.now ? { now: input.now } : {}) });
    return newState ? { report, newState: serializeState(newState) } : { report };
  } catch (err) {
    if (!(err instanceof InputError) && !(err instanceof VerificationError)) throw err;
    return { report: { outcome: 'error', checks: [] }, error: { code: err.code, message: err.message } };
  }
}

function isPinned(value: unknown): value is PinnedPolicy {
  return typeof value === 'object' && value !== null && pinned.has(value as PinnedPolicy);
}

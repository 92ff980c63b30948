// Rollback checks against the client state (docs/design.md §5, spec/ROTATION.md §5; the
// state itself is formats/state/state.ts): a lower version of a stream, the same version
// for a different statement, a version too far above the last one (a stream run to its end),
// or a policy older than the one last verified under.
import { VerificationError } from '../../basics/errors/errors.ts';
import type { ClientState } from '../../formats/state/state.ts';

/** Throws `statement-rollback` or `statement-version-reused` if the version may not be accepted. */
export function checkNotRolledBack(state: ClientState, stream: string, version: number, statementDigest: string): void {
  const last = Object.hasOwn(state.streams, stream) ? state.streams[stream] : undefined;
  if (!last) return;
  if (version < last.version) {
    throw new VerificationError(
      'statement-rollback',
      `version ${version} of ${stream} is older than the last accepted version ${last.version}`,
      {
        expected: `version >= ${last.version}`,
        found: String(version),
      },
    );
  }
  if (version === last.version && statementDigest !== last.statementDigest) {
    throw new VerificationError(
      'statement-version-reused',
      `version ${version} of ${stream} was already accepted for a different statement`,
      {
        expected: `statement sha256:${last.statementDigest}`,
        found: `statement sha256:${statementDigest}`,
      },
    );
  }
}

/**
 * The highest version organisation B countersigns in a stream it has no record of (spec/FORMAT.md
 * §7 step 5; issue 13 F10): far above any run number, date or time in seconds or milliseconds,
 * and far enough below 2^53-1 that, a step of at most maxVersionStep at a time, the stream
 * cannot be run to its end.
 */
export const MAX_FIRST_VERSION = 2 ** 45;

/**
 * Throws `statement-version-step` if `version` is more than `maxStep` above the last accepted
 * version of the stream (issue 13 F10: otherwise one release could take a stream to 2^53-1, and
 * nothing newer would ever verify). Without a last version there is nothing to measure from.
 */
export function checkVersionStep(state: ClientState, stream: string, version: number, maxStep: number): void {
  const last = Object.hasOwn(state.streams, stream) ? state.streams[stream] : undefined;
  if (!last || version - last.version <= maxStep) return;
  throw new VerificationError(
    'statement-version-step',
    `version ${version} of ${stream} is ${version - last.version} above the last accepted version ${last.version}, more than the policy's maxVersionStep of ${maxStep}`,
    {
      expected: `version <= ${last.version + maxStep}`,
      found: String(version),
    },
  );
}

/**
 * Organisation B's rule for a stream it has no record of (no state, or none for the stream):
 * throws `statement-version-step` above MAX_FIRST_VERSION. With a record, checkVersionStep applies.
 */
export function checkFirstVersion(state: ClientState | undefined, stream: string, version: number): void {
  if ((state && Object.hasOwn(state.streams, stream)) || version <= MAX_FIRST_VERSION) return;
  throw new VerificationError(
    'statement-version-step',
    `refusing to countersign: version ${version} of ${stream} is above ${MAX_FIRST_VERSION}, the highest first version countersigned in a stream with no record of its last version (spec/POLICY.md §3.9)`,
    {
      expected: `version <= ${MAX_FIRST_VERSION}`,
      found: String(version),
    },
  );
}

/** Throws `policy-rollback` if the client already verified under a newer policy than `policyVersion`. */
export function checkPolicyNotRolledBack(state: ClientState, policyVersion: number): void {
  if (policyVersion < (state.policyVersion ?? 0)) {
    throw new VerificationError(
      'policy-rollback',
      `the policy is version ${policyVersion}, older than version ${state.policyVersion} this client already verified under (a rotated-out policy put back?)`,
      {
        expected: `policy version >= ${state.policyVersion}`,
        found: String(policyVersion),
      },
    );
  }
}

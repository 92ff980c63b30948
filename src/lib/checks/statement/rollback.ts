// Rollback checks against the client state (docs/design.md §5, spec/ROTATION.md §5; the
// state itself is formats/state/state.ts): a lower version of a stream, the same version
// for a different statement, or a policy older than the one last verified under.
import { VerificationError } from '../../basics/errors/errors.ts';
import type { ClientState } from '../../formats/state/state.ts';

/** Throws `statement-rollback` or `statement-version-reused` if the version may not be accepted. */
export function checkNotRolledBack(state: ClientState, stream: string, version: number, statementDigest: string): void {
  const last = Object.hasOwn(state.streams, stream) ? state.streams[stream] : undefined;
  if (!last) return;
  if (version < last.version) {
    throw new VerificationError('statement-rollback', `version ${version} of ${stream} is older than the last accepted version ${last.version}`, {
      expected: `version >= ${last.version}`,
      found: String(version),
    });
  }
  if (version === last.version && statementDigest !== last.statementDigest) {
    throw new VerificationError('statement-version-reused', `version ${version} of ${stream} was already accepted for a different statement`, {
      expected: `statement sha256:${last.statementDigest}`,
      found: `statement sha256:${statementDigest}`,
    });
  }
}

/** Throws `policy-rollback` if the client already verified under a newer policy than `policyVersion`. */
export function checkPolicyNotRolledBack(state: ClientState, policyVersion: number): void {
  if (policyVersion < (state.policyVersion ?? 0)) {
    throw new VerificationError('policy-rollback', `the policy is version ${policyVersion}, older than version ${state.policyVersion} this client already verified under (a rotated-out policy put back?)`, {
      expected: `policy version >= ${state.policyVersion}`,
      found: String(policyVersion),
    });
  }
}

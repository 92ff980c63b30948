// Check 5, statement (spec/FORMAT.md §7 step 5): the statement's kind, stream and expiry under
// the policy, the stream (and kind) the verifier expects, a rotation's versions, and, with the
// client's state, no rollback of the policy or of the stream.
import type { Statement } from '../../formats/core/types.ts';
import type { Policy } from '../../formats/policy/index.ts';
import type { ClientState } from '../../formats/state/state.ts';
import { checkNotRolledBack, checkPolicyNotRolledBack, checkVersionStep } from '../../checks/statement/rollback.ts';
import { checkStatement } from '../../checks/statement/statement.ts';
import { type Expectation, checkExpected } from '../../checks/statement/expectation.ts';
import { checkRotationVersions } from '../../checks/statement/rotation-versions.ts';
import { type PolicyDocument, isRotation } from '../../formats/policy/document.ts';
import type { Parsed } from './parse.ts';

export interface StatementCheckOptions {
  readonly now: Date;
  /** The client's state (last accepted version per stream), for rollback protection. */
  readonly state: ClientState | undefined;
  /** The stream (and kind) the verifier asks about (the gate's; absent for organisation B's pre-signing check and rotation walks). */
  readonly expect?: Expectation | undefined;
}

/** The statement, checked; throws VerificationError (statement-*, statement-*-unexpected, statement-version-step, policy-rollback, rotation-gap, rotation-downgrade, rotation-statement-version). */
export function statement(
  parsed: Parsed,
  rotation: PolicyDocument | undefined,
  policy: Policy,
  options: StatementCheckOptions,
): Statement {
  const st = parsed.statement;
  if (options.state) checkPolicyNotRolledBack(options.state, policy.version);
  checkStatement(st, policy, options.now);
  if (options.expect) checkExpected(st, options.expect);
  // A pending rotation's new policy is not read (FORMAT.md §7 step 4): its versions by the statement's.
  if (isRotation(st))
    checkRotationVersions(policy, rotation?.policy ?? { version: st.predicate.version }, st.predicate.version);
  if (options.state)
    checkNotRolledBack(options.state, st.predicate.stream, st.predicate.version, parsed.statementDigest);
  // A rotation's version is the policy's plus one (checked above): it cannot jump.
  if (options.state && !isRotation(st))
    checkVersionStep(options.state, st.predicate.stream, st.predicate.version, policy.limits.maxVersionStep);
  return st;
}

export function describeStatement(st: Statement): string {
  return `${st.predicate.kind} ${st.predicate.stream} v${st.predicate.version}, expires ${st.predicate.expiresAt}`;
}

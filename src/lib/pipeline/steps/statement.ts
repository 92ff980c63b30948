// Check 5, statement (spec/FORMAT.md §7 step 5): the statement's kind, stream and expiry under
// the policy, a rotation's versions, and, with the client's state, no rollback of the policy
// or of the stream.
import type { Statement } from '../../formats/core/types.ts';
import type { Policy } from '../../formats/policy/index.ts';
import type { ClientState } from '../../formats/state/state.ts';
import { checkNotRolledBack, checkPolicyNotRolledBack } from '../../checks/statement/rollback.ts';
import { checkStatement } from '../../checks/statement/statement.ts';
import { checkRotationVersions } from '../../checks/statement/rotation-versions.ts';
import type { Parsed } from './parse.ts';

export interface StatementCheckOptions {
  readonly now: Date;
  /** The client's state (last accepted version per stream), for rollback protection. */
  readonly state: ClientState | undefined;
}

/** The statement, checked; throws VerificationError (statement-*, policy-rollback, rotation-gap, rotation-downgrade, rotation-statement-version). */
export function statement(parsed: Parsed, policy: Policy, options: StatementCheckOptions): Statement {
  const st = parsed.statement;
  if (options.state) checkPolicyNotRolledBack(options.state, policy.version);
  checkStatement(st, policy, options.now);
  if (parsed.rotation) checkRotationVersions(policy, parsed.rotation.policy, st.predicate.version);
  if (options.state) checkNotRolledBack(options.state, st.predicate.stream, st.predicate.version, parsed.statementDigest);
  return st;
}

export function describeStatement(st: Statement): string {
  return `${st.predicate.kind} ${st.predicate.stream} v${st.predicate.version}, expires ${st.predicate.expiresAt}`;
}

// Check 5 of the pipeline (docs/design.md §4): the statement is of an allowed kind and stream, is
// within its validity period (with the policy's clock-skew allowance), and does not live
// longer than the policy allows. Rollback against client state is checked beside it.
import type { Statement } from '../../formats/core/types.ts';
import { VerificationError } from '../../basics/errors/errors.ts';
import { rfc3339 } from '../../basics/json/shape.ts';
import type { Policy } from '../../formats/policy/index.ts';

export function checkStatement(statement: Statement, policy: Policy, now: Date): void {
  const p = statement.predicate;
  const skewMs = policy.limits.clockSkewSeconds * 1000;
  if (!policy.kinds.includes(p.kind)) {
    throw new VerificationError('statement-kind', `kind ${p.kind} is not allowed by the policy`, {
      expected: policy.kinds.join(', '),
      found: p.kind,
    });
  }
  if (!policy.streams.includes(p.stream)) {
    throw new VerificationError('statement-stream', `stream ${p.stream} is not allowed by the policy`, {
      expected: policy.streams.join(', '),
      found: p.stream,
    });
  }
  const issued = Date.parse(p.issuedAt);
  const expires = Date.parse(p.expiresAt);
  if (issued > now.getTime() + skewMs) {
    throw new VerificationError(
      'statement-not-yet-valid',
      `the statement was issued at ${p.issuedAt}, in the future (now ${rfc3339(now)})`,
      {
        expected: `issuedAt <= ${rfc3339(now)} (+${policy.limits.clockSkewSeconds}s skew)`,
        found: p.issuedAt,
      },
    );
  }
  if (expires + skewMs <= now.getTime()) {
    throw new VerificationError('statement-expired', `the statement expired at ${p.expiresAt} (now ${rfc3339(now)})`, {
      expected: `expiresAt > ${rfc3339(now)} (-${policy.limits.clockSkewSeconds}s skew)`,
      found: p.expiresAt,
    });
  }
  const lifetime = (expires - issued) / 1000;
  if (lifetime > policy.limits.maxStatementLifetimeSeconds) {
    throw new VerificationError(
      'statement-lifetime',
      `the statement lives ${lifetime}s, longer than the policy's maximum of ${policy.limits.maxStatementLifetimeSeconds}s`,
      {
        expected: `expiresAt - issuedAt <= ${policy.limits.maxStatementLifetimeSeconds}s`,
        found: `${lifetime}s`,
      },
    );
  }
}

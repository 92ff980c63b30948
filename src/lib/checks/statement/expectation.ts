// The verifier's own question (issue 13 finding 8, spec/FORMAT.md §7 step 5): the policy says
// which streams and kinds may be trusted at all, the verifier says which one it is asking
// about. Without it, a client at acme/app:stable v6 under a policy that also allows
// acme/app:beta would accept an old, genuine beta v1: the state only orders versions within
// one stream. The gate (flows/gate/gate.ts) resolves the expectation against the policy
// before verifying; this is the check of the statement against it.
import type { Kind, Statement } from '../../formats/core/types.ts';
import { VerificationError } from '../../basics/errors/errors.ts';

/** The stream (and, optionally, the kind) the verifier expects the statement to be of. */
export interface Expectation {
  readonly stream: string;
  readonly kind?: Kind;
}

/** Throws `statement-stream-unexpected` or `statement-kind-unexpected` unless the statement is what was expected. */
export function checkExpected(statement: Statement, expect: Expectation): void {
  const p = statement.predicate;
  if (p.stream !== expect.stream) {
    throw new VerificationError(
      'statement-stream-unexpected',
      `stream ${p.stream} is allowed by the policy but is not the stream this verification expects (${expect.stream}): a bundle of another stream is never a release of this one`,
      {
        expected: expect.stream,
        found: p.stream,
      },
    );
  }
  if (expect.kind !== undefined && p.kind !== expect.kind) {
    throw new VerificationError(
      'statement-kind-unexpected',
      `kind ${p.kind} is allowed by the policy but is not the kind this verification expects (${expect.kind})`,
      {
        expected: expect.kind,
        found: p.kind,
      },
    );
  }
}

// Check 1, parse (spec/FORMAT.md §7 step 1): the bundle file within the policy's limits, and the
// statement its primary's DSSE envelope carries; for an authority rotation, the statement
// parser checks the carried policy's bytes against the subject's digest (spec/ROTATION.md §2),
// and nothing more: the policy is parsed by the countersignatures check, once signatures
// verified (issue 13 F2). No signature is checked here, and all of it is linear in the input.
import { type ParsedBundle, parseBundleFile } from '../../formats/bundle/bundle.ts';
import { envelopeStatementBytes } from '../../formats/bundle/envelope.ts';
import { parseStatement } from '../../formats/statement/statement.ts';
import type { Statement } from '../../formats/core/types.ts';
import type { Policy } from '../../formats/policy/index.ts';
import { sha256Hex } from '../../basics/crypto/sha256.ts';

export interface Parsed {
  readonly bundle: ParsedBundle;
  /** The DSSE payload's bytes: the statement, exactly as signed. */
  readonly statementBytes: Uint8Array;
  /** Lowercase hex SHA-256 of statementBytes. */
  readonly statementDigest: string;
  readonly statement: Statement;
}

/** Throws InputError (bundle-*, primary-malformed, statement-*, rotation-policy-digest). */
export function parse(bytes: Uint8Array, policy: Policy, what: string): Parsed {
  const bundle = parseBundleFile(bytes, what, policy.limits.maxBundleBytes);
  // A payload that is not canonical base64 is refused at the primary check (spec/ATTACKS.md P19).
  // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, envelopeStatementBytes refuses only on 'refuse': an emptied option defers as 'defer' does
  const statementBytes = envelopeStatementBytes(bundle.bundle.primary, what, { nonCanonical: 'defer' });
  const statement = parseStatement(statementBytes, `${what} statement`, {
    maxBytes: policy.limits.maxBundleBytes,
    maxSubjects: policy.limits.maxSubjects,
  });
  return { bundle, statementBytes, statementDigest: sha256Hex(statementBytes), statement };
}

export function describeParsed(parsed: Parsed, byteLength: number): string {
  return `${parsed.bundle.bundle.countersignatures.length} countersignature(s), ${parsed.statement.subject.length} subject(s), ${byteLength} bytes`;
}

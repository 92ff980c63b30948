// Check 1, parse (spec/FORMAT.md §7 step 1): the bundle file within the policy's limits, the
// statement its primary's DSSE envelope carries, and for an authority rotation the new policy
// the statement installs (spec/ROTATION.md §2), which must parse. No signature is checked here.
import { type ParsedBundle, parseBundleFile } from '../../formats/bundle/bundle.ts';
import { envelopeStatementBytes } from '../../formats/bundle/envelope.ts';
import { parseStatement } from '../../formats/statement/statement.ts';
import type { Statement } from '../../formats/core/types.ts';
import type { Policy } from '../../formats/policy/index.ts';
import { type PolicyDocument, isRotation, newPolicyOf } from '../../formats/policy/document.ts';
import { sha256Hex } from '../../basics/crypto/sha256.ts';

export interface Parsed {
  readonly bundle: ParsedBundle;
  /** The DSSE payload's bytes: the statement, exactly as signed. */
  readonly statementBytes: Uint8Array;
  /** Lowercase hex SHA-256 of statementBytes. */
  readonly statementDigest: string;
  readonly statement: Statement;
  /** For an authority rotation: the new policy it installs (verified only if the outcome is). */
  readonly rotation: PolicyDocument | undefined;
}

/** Throws InputError (bundle-*, primary-malformed, statement-*, rotation-policy-malformed). */
export function parse(bytes: Uint8Array, policy: Policy, what: string): Parsed {
  const bundle = parseBundleFile(bytes, what, policy.limits.maxBundleBytes);
  // A payload that is not canonical base64 is refused at the primary check (spec/ATTACKS.md P19).
  const statementBytes = envelopeStatementBytes(bundle.bundle.primary, what, { nonCanonical: 'defer' });
  const statement = parseStatement(statementBytes, `${what} statement`, { maxBytes: policy.limits.maxBundleBytes, maxSubjects: policy.limits.maxSubjects });
  const rotation = isRotation(statement) ? newPolicyOf(statement, `${what} statement`) : undefined;
  return { bundle, statementBytes, statementDigest: sha256Hex(statementBytes), statement, rotation };
}

export function describeParsed(parsed: Parsed, byteLength: number): string {
  return `${parsed.bundle.bundle.countersignatures.length} countersignature(s), ${parsed.statement.subject.length} subject(s), ${byteLength} bytes`;
}

// Check 1, parse (spec/FORMAT.md §7 step 1): the bundle file within the policy's limits, and the
// statement its primary's DSSE envelope carries; for an authority rotation, the statement
// parser checks the carried policy's bytes against the subject's digest (spec/ROTATION.md §2),
// and nothing more: the policy is parsed by the countersignatures check, once signatures
// verified (issue 13 F2). No signature is checked here, and all of it is linear in the input.
//
// In two parts (issue 13: authenticate before expensive parsing): `parseEnvelope` reads the
// bundle and the payload's bytes, which the primary check verifies; `readStatement` parses
// the statement, which may be megabytes of subjects, and the pipeline runs it only once the
// primary's signature over those bytes verified. A statement that does not parse is still
// this check's failure (the same code, the same check); a bundle whose primary fails is
// rejected there, whatever its statement holds.
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

/** The bundle and the statement's bytes, not yet parsed as a statement (what the primary check verifies). */
export type ParsedEnvelope = Omit<Parsed, 'statement' | 'statementDigest'>;

/** Both parts at once, for callers that screen before any verification (the service, under its request cap). Throws as both do. */
export function parse(bytes: Uint8Array, policy: Policy, what: string): Parsed {
  return readStatement(parseEnvelope(bytes, policy, what), policy, what);
}

/** The bundle file and its primary's payload bytes. Throws InputError (bundle-*, primary-malformed, statement-unsupported-type). */
export function parseEnvelope(bytes: Uint8Array, policy: Policy, what: string): ParsedEnvelope {
  const bundle = parseBundleFile(bytes, what, policy.limits.maxBundleBytes);
  // A payload that is not canonical base64 is refused at the primary check (spec/ATTACKS.md P19).
  // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, envelopeStatementBytes refuses only on 'refuse': an emptied option defers as 'defer' does
  const statementBytes = envelopeStatementBytes(bundle.bundle.primary, what, { nonCanonical: 'defer' });
  return { bundle, statementBytes };
}

/** The statement the envelope carries. Throws InputError (statement-*, rotation-policy-digest). */
export function readStatement(envelope: ParsedEnvelope, policy: Policy, what: string): Parsed {
  const { statementBytes } = envelope;
  const statement = parseStatement(statementBytes, `${what} statement`, {
    maxBytes: policy.limits.maxBundleBytes,
    maxSubjects: policy.limits.maxSubjects,
  });
  return { ...envelope, statementDigest: sha256Hex(statementBytes), statement };
}

export function describeParsed(parsed: Parsed, byteLength: number): string {
  return `${parsed.bundle.bundle.countersignatures.length} countersignature(s), ${parsed.statement.subject.length} subject(s), ${byteLength} bytes`;
}

/** The parse check's message when the primary failed before the statement was read. */
export function describeEnvelope(envelope: ParsedEnvelope, byteLength: number): string {
  return `${envelope.bundle.bundle.countersignatures.length} countersignature(s), ${byteLength} bytes (the statement is read once the primary signature verifies)`;
}

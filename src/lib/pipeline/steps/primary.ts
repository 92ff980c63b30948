// Check 2, primary (spec/FORMAT.md §7 step 2): the primary Sigstore signature, certificate chain
// and transparency-log entry or timestamp verify against the pinned trusted root. Synchronous.
import type { TrustMaterial } from '@sigstore/verify';
import { type PrimaryResult, verifyPrimary } from '../../checks/sigstore/verify-primary.ts';
import { equalBytes } from '../../basics/crypto/bytes.ts';
import { VerificationError } from '../../basics/errors/errors.ts';
import type { ParsedEnvelope } from './parse.ts';

/** What the verified primary yields; throws VerificationError (primary-*) or InputError. */
export function primary(parsed: ParsedEnvelope, trust: TrustMaterial): PrimaryResult {
  const result = verifyPrimary(parsed.bundle.bundle.primary, trust);
  // An assertion that cannot fail today: both are the decoding of the same payload string,
  // which verifyPrimary requires to be canonical base64. Compared byte for byte, not by digest:
  // a second SHA-256 of a 4 MiB payload is a third of the browser build's time to reject it.
  // Stryker disable next-line ConditionalExpression,BooleanLiteral,CallExpression,StringLiteral: equivalent, unreachable (see above)
  if (!equalBytes(result.payload, parsed.statementBytes))
    // Stryker disable next-line CallExpression,StringLiteral: equivalent, unreachable (see above)
    throw new VerificationError('primary-malformed', 'the verified DSSE payload differs from the parsed statement');
  return result;
}

export function describePrimary(result: PrimaryResult): string {
  return `signature, certificate chain and ${result.tlogEntries.length ? 'transparency-log entry' : 'timestamp'} verify against the pinned trusted root`;
}

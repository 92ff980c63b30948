// Check 3, primary-identity (spec/FORMAT.md §7 step 3): the primary's signer, read from its
// verified certificate, is the identity the policy pins.
import { type PrimarySigner, checkPrimaryIdentity } from '../../checks/sigstore/identity.ts';
import type { PrimaryResult } from '../../checks/sigstore/verify-primary.ts';
import type { Policy } from '../../formats/policy/index.ts';

/** The pinned signer; throws VerificationError (primary-issuer, primary-identity, primary-claim). */
export function primaryIdentity(primary: PrimaryResult, policy: Policy): PrimarySigner {
  checkPrimaryIdentity(primary.signer, policy.primary);
  return primary.signer;
}

export function describeSigner(signer: PrimarySigner): string {
  return `${signer.identity} (issuer ${signer.issuer})`;
}

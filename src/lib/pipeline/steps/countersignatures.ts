// Check 4, countersignatures (spec/FORMAT.md §7 step 4, spec/ROTATION.md §3-4): every
// countersignature present verifies under the key that pins it, and the policy's threshold of
// distinct organisations is met (or, for a rotation, its fallback set's, and every key the new
// policy adds proved). No countersignature yet is not a failure but its own result: pending,
// unless the check runs for organisation B's pre-signing check, which needs none.
// A rotation's new policy is parsed here, not at the parse check: only after the primary
// verified and the current policy's countersigners (or its fallback set) authorised the
// rotation, or for organisation B's pre-signing check (spec/ROTATION.md §3); it is part of what
// this check returns (the statement check reads it). One organisation alone cannot make a
// verifier read it (issue 13 F2).
import { type Authorisation, authorise } from '../../checks/countersignatures/authorise.ts';
import type { CountersignatureInput } from '../../checks/countersignatures/verify.ts';
import type { PrimaryResult } from '../../checks/sigstore/verify-primary.ts';
import type { VerificationError } from '../../basics/errors/errors.ts';
import type { ParsedBundle } from '../../formats/bundle/bundle.ts';
import type { Policy } from '../../formats/policy/index.ts';
import { type PolicyDocument, isRotation, newPolicyOf } from '../../formats/policy/document.ts';
import type { Parsed } from './parse.ts';

export type Countersigned =
  /** None yet, and the threshold is required: the outcome is pending-countersign. */
  (
    | { readonly kind: 'pending' }
    /** None yet, and none is required (organisation B's pre-signing check). */
    | { readonly kind: 'unsigned' }
    /** Every countersignature verified, and the threshold met when required: who signed, which set authorised. */
    | { readonly kind: 'signed'; readonly authorisation: Authorisation }
    /** Every countersignature verified, too few organisations: who signed (for the report), and the failure. */
    | { readonly kind: 'short'; readonly authorisation: Authorisation; readonly shortfall: VerificationError }
  ) & {
    /** For an authority rotation: the new policy it installs (verified only if the outcome is). */
    readonly rotation: PolicyDocument | undefined;
  };

export interface CountersignaturesCheckOptions {
  readonly now: Date;
  /** False for organisation B's pre-signing check: no threshold, and none present is not pending. */
  readonly requireThreshold: boolean;
  /** Names the bundle in messages (a rotation's new policy is `<what> statement new policy`). */
  readonly what: string;
}

/** Throws VerificationError (countersignature-*, rotation-proof-of-possession, rotation-new-threshold), or InputError rotation-policy-malformed. */
export function countersignatures(
  parsed: Parsed,
  primary: PrimaryResult,
  policy: Policy,
  options: CountersignaturesCheckOptions,
): Countersigned {
  const items = countersignatureInputs(parsed.bundle);
  const rotating = isRotation(parsed.statement);
  const carried = (): PolicyDocument => newPolicyOf(parsed.statement, `${options.what} statement`);
  // None yet: a verifier's answer is pending whatever the new policy says (not read); organisation
  // B, about to countersign it, reads it (its review, and its own key may be one the policy adds).
  if (items.length === 0)
    return options.requireThreshold
      ? { kind: 'pending', rotation: undefined }
      : { kind: 'unsigned', rotation: rotating ? carried() : undefined };
  const { stream, version } = parsed.statement.predicate;
  // authorise() reads the new policy at most once, after the current policy authorised the rotation.
  const read: { rotation?: PolicyDocument } = {};
  const next = (): Policy => (read.rotation = carried()).policy;
  const authorisation = authorise(
    items,
    policy,
    {
      primary,
      stream,
      version,
      primaryTime: primary.verifiedTime,
      now: options.now,
      clockSkewSeconds: policy.limits.clockSkewSeconds,
    },
    { requireThreshold: options.requireThreshold, ...(rotating ? { next } : {}) },
  );
  const { rotation } = read;
  return authorisation.shortfall
    ? { kind: 'short', authorisation, shortfall: authorisation.shortfall, rotation }
    : { kind: 'signed', authorisation, rotation };
}

/** The message of a passing check: no countersignature yet, or who signed and which set authorised. */
export function describeCountersigned(
  countersigned: Countersigned,
  policy: Policy,
  rotation: PolicyDocument | undefined,
): string {
  if (countersigned.kind !== 'signed' && countersigned.kind !== 'short') return 'no countersignature yet';
  const a = countersigned.authorisation;
  const logged = (v: Authorisation['valid'][number]) => (v.log ? `, logged at ${v.log.origin} #${v.log.index}` : '');
  const usual = `${a.organisations.length} of ${policy.threshold} required organisation(s)`;
  // authorise() sets fallbackOrganisations with authorisedBy 'fallback', and newKeys and newOrganisations together, for a rotation only.
  const head =
    a.authorisedBy === 'fallback'
      ? // Stryker disable next-line ArrayDeclaration: equivalent, never undefined here (see above)
        `authorised by the fallback signer set (${(a.fallbackOrganisations ?? []).join(', ')}); usual countersigners: ${usual}`
      : usual;
  const pop =
    a.newKeys && rotation
      ? // Stryker disable next-line ArrayDeclaration: equivalent, newOrganisations is set with newKeys (see above)
        `; new policy: ${(a.newOrganisations ?? []).length} of ${rotation.policy.threshold} organisation(s), added key(s) proved: ${a.newKeys.join(', ') || 'none'}`
      : '';
  return `${head}: ${a.valid.map((v) => `${v.organisation} (${v.name}${logged(v)})`).join(', ')}${pop}`;
}

/** The countersignatures with their decoded statements and signatures (parseBundleFile's parallel lists), in bundle order. */
function countersignatureInputs(parsed: ParsedBundle): CountersignatureInput[] {
  return parsed.bundle.countersignatures.map((c, i) => {
    const statement = parsed.statements[i];
    const signature = parsed.signatures[i];
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: unreachable, parseBundleFile fills the three lists together
    if (!statement || !signature)
      // Stryker disable next-line CallExpression,StringLiteral: equivalent, unreachable (see above)
      throw new Error(`parseBundleFile: countersignature ${i} has no decoded statement or signature`);
    return { keyId: c.keyId, statement, signature, ...(c.logProof ? { logProof: c.logProof } : {}) };
  });
}

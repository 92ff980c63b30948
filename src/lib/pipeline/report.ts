// The verification report: one entry per named check (docs/design.md §4), in pipeline order, and the
// outcome. This is what `verify --json` prints and what the action's job summary renders.

export const CHECKS = [
  { name: 'parse', title: 'Parse and limits' },
  { name: 'primary', title: 'Primary Sigstore signature' },
  { name: 'primary-identity', title: 'Primary signer identity' },
  { name: 'countersignatures', title: 'Countersignatures' },
  { name: 'statement', title: 'Statement (kind, stream, expiry, version)' },
  { name: 'subjects', title: 'Subjects match the files' },
] as const;

export type CheckName = (typeof CHECKS)[number]['name'];
/**
 * pass, fail, pending (countersignatures only: none yet), skipped (not run: an earlier check
 * failed), not-checked (ran with nothing to check: subjects without files; spec/FORMAT.md §7).
 */
export type CheckResult = 'pass' | 'fail' | 'pending' | 'skipped' | 'not-checked';
export type Outcome = 'verified' | 'rejected' | 'pending-countersign' | 'error';

export interface CheckReport {
  check: CheckName;
  title: string;
  result: CheckResult;
  /** Stable error code when the check failed or is pending (spec/FORMAT.md §7). */
  code?: string;
  message: string;
  expected?: string;
  found?: string;
}

export interface VerificationReport {
  outcome: Outcome;
  checks: CheckReport[];
  /** The first failing check, when the outcome is rejected or error. */
  failure?: { check: CheckName; code: string; message: string };
  statement?: {
    digest: string;
    kind: string;
    stream: string;
    version: number;
    issuedAt: string;
    expiresAt: string;
    subjects: { name: string; digest: string }[];
  };
  primary?: { identity: string; issuer: string; claims: Record<string, string>; time: string };
  /**
   * Who countersigned (m-of-n): every verified countersignature, the policy's organisations
   * that signed and those missing, and the threshold. Set once the countersignatures have been
   * checked, also when too few organisations signed. `authorisedBy: 'fallback'` when the
   * policy's emergency signer set authorised a rotation (spec/ROTATION.md §4).
   */
  countersigners?: {
    signed: { name: string; organisation: string; keyId: string; signedAt: string }[];
    organisations: string[];
    missing: string[];
    threshold?: number;
    authorisedBy?: 'fallback';
    fallbackOrganisations?: string[];
  };
  /** For a verified authority rotation: the policy versions, the new policy's digest, who authorised it, the keys it adds. */
  rotation?: {
    fromVersion: number;
    toVersion: number;
    policyDigest: string;
    authorisedBy: 'countersigners' | 'fallback' | 'none';
    addedKeys: string[];
  };
}

export function exitCodeOf(outcome: Outcome): number {
  return outcome === 'verified' ? 0 : outcome === 'error' ? 2 : 1;
}

// The verification report: one entry per named check (DESIGN §3), in pipeline order, and the
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
export type CheckResult = 'pass' | 'fail' | 'pending' | 'skipped';
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
  countersigners?: { signed: { name: string; organisation: string; keyId: string; signedAt: string }[]; organisations: string[]; missing: string[] };
}

export function exitCodeOf(outcome: Outcome): number {
  return outcome === 'verified' ? 0 : outcome === 'error' ? 2 : 1;
}

// Organisation B's step (docs/design.md §1, item 2): verify the primary under B's own policy first, and only
// then countersign. B can reject or bless; it cannot co-author: the statement and the primary
// signature are carried over byte for byte, and B's signature binds both.
//
// Two halves, one implementation each: `verifyForCountersigning` (every check, no key needed:
// only the key's id) and `signVerified` (the countersignature over what was verified). The CLI
// runs both in turn (`countersignBundle`); the service verifies in worker threads and signs on
// its main thread (src/server/workers/), with the same two functions.
import type { CountersignedBundle, Countersignature } from '../../formats/core/types.ts';
import { VerificationError } from '../../basics/errors/errors.ts';
import { carried } from '../../basics/errors/codes.ts';
import type { Policy } from '../../formats/policy/index.ts';
import { runPipeline } from '../../pipeline/run.ts';
import type { VerificationReport } from '../../pipeline/report.ts';
import type { ParsedBundle } from '../../formats/bundle/bundle.ts';
import type { ClientState } from '../../formats/state/state.ts';
import type { PrimaryResult } from '../../checks/sigstore/verify-primary.ts';
import { acceptedState } from '../gate/gate.ts';
import type { TrustMaterial } from '@sigstore/verify';
import { createCountersignature } from '../../formats/countersignature/create.ts';
import type { CountersignSigner } from '../../basics/crypto/signer.ts';
import { countersigningKeyFor } from '../../checks/countersignatures/signing-key.ts';
import { checkRotationApproval, type RotationApproval } from './rotation-review.ts';
import { checkFirstVersion } from '../../checks/statement/rollback.ts';

export interface CountersignResult {
  bundle: CountersignedBundle;
  /** The pre-signing verification report (every check but the threshold). */
  report: VerificationReport;
  stream: string;
  version: number;
  /** sha256 hex of the statement bytes (what client state records). */
  statementDigest: string;
  /** B's state after signing: the stream at this version, and the policy version it verified under. */
  newState: ClientState;
}

export interface VerifyForCountersigningOptions {
  policy: Policy;
  /** The id of the key that will sign (`sha256:<hex>`): it must be one the policy lets sign this bundle. */
  keyId: string;
  trust?: TrustMaterial;
  /** undefined: no state kept yet. */
  state?: ClientState | undefined;
  /** Verification time; the countersignature's signedAt must be the same instant. */
  now: Date;
  what?: string;
  /** Required to countersign an authority rotation (rotation-review.ts); without it one is refused. */
  approveRotation?: RotationApproval;
}

/** A primary that passed every check B makes before signing: what signVerified needs, and what callers report. */
export interface VerifiedForCountersigning {
  /** The bytes the countersignature binds (payload, signature, certificate, log entries, timestamps) and the signer. */
  primary: PrimaryResult;
  bundle: ParsedBundle;
  report: VerificationReport & { statement: NonNullable<VerificationReport['statement']> };
  stream: string;
  version: number;
  /** sha256 hex of the statement bytes. */
  statementDigest: string;
  now: Date;
}

/**
 * Every check B makes before it signs: the pipeline (the primary under B's policy, identity,
 * kind, stream, expiry, and rollback against `state`), the first version of a stream B has no
 * record of, a rotation's approval, and that the key may sign and has not signed this bundle
 * yet. Throws VerificationError (or InputError) with the deciding check's code.
 */
export async function verifyForCountersigning(
  bytes: Uint8Array,
  options: VerifyForCountersigningOptions,
): Promise<VerifiedForCountersigning> {
  const { policy, keyId, now } = options;
  const notPinned = () =>
    new VerificationError(
      'countersigner-not-pinned',
      `the signing key ${keyId} is not a countersigner in the policy: its countersignature would not count`,
      {
        expected: policy.countersigners.map((k) => `${k.name} (${k.keyId})`).join(', '),
        found: keyId,
      },
    );
  const usual = policy.countersigners.find((k) => k.keyId === keyId);
  // Other keys (fallback signers, a rotation's new keys) may sign rotations only: decided once the bundle is read.
  if (!usual && !policy.kinds.includes('authority-rotation')) throw notPinned();
  const result = await runPipeline(bytes, {
    policy,
    now,
    forCountersigning: true,
    ...(options.trust ? { trust: options.trust } : {}),
    ...(options.state ? { state: options.state } : {}),
    ...(options.what !== undefined ? { what: options.what } : {}),
  });
  const { report } = result;
  if (report.outcome !== 'verified' || !result.primary || !result.statement || !result.bundle || !report.statement) {
    const f = report.failure;
    const failed = report.checks.find((c) => c.result === 'fail');
    // The deciding failure's code, whatever class raised it (a parse failure's is an InputError's).
    throw new VerificationError(
      f ? carried(f.code) : 'countersign-refused',
      `refusing to countersign: ${f?.check ?? 'verification'} check failed: ${f?.message ?? report.outcome}`,
      {
        ...(failed?.expected !== undefined ? { expected: failed.expected } : {}),
        ...(failed?.found !== undefined ? { found: failed.found } : {}),
      },
    );
  }
  // A stream B has no record of starts low enough that no run of steps can end it (with a
  // record, the statement check measured the step); a rotation's version is the policy's plus one.
  if (!result.rotation)
    checkFirstVersion(options.state, result.statement.predicate.stream, result.statement.predicate.version);
  // A rotation changes who must sign from then on: never countersigned without an explicit approval.
  if (result.rotation)
    checkRotationApproval(policy, result.rotation, options.approveRotation, options.what ?? 'bundle');
  const key = usual ?? countersigningKeyFor(policy, keyId, result.rotation);
  if (!key) throw notPinned();
  if (result.bundle.bundle.countersignatures.some((c) => c.keyId === keyId)) {
    throw new VerificationError(
      'countersignature-duplicate',
      `the bundle is already countersigned by ${key.name} (${keyId})`,
    );
  }
  const { stream, version } = result.statement.predicate;
  return {
    primary: result.primary,
    bundle: result.bundle,
    report: { ...report, statement: report.statement },
    stream,
    version,
    statementDigest: report.statement.digest.replace(/^sha256:/, ''),
    now,
  };
}

/**
 * B's countersignature over a primary that verifyForCountersigning passed (or its parts sent
 * back from a worker thread): the statement binding the primary's exact bytes, signed at the
 * verification time. No check of its own: callers must have verified first.
 */
export function signVerified(
  verified: {
    primary: Parameters<typeof createCountersignature>[0]['primary'];
    stream: string;
    version: number;
    now: Date;
  },
  signer: CountersignSigner,
): Promise<Countersignature> {
  return createCountersignature({
    signer,
    primary: verified.primary,
    stream: verified.stream,
    version: verified.version,
    signedAt: verified.now,
  });
}

/** Both halves in turn: what the CLI's `countersign` runs. */
export async function countersignBundle(
  bytes: Uint8Array,
  options: Omit<VerifyForCountersigningOptions, 'keyId' | 'now'> & { signer: CountersignSigner; now?: Date },
): Promise<CountersignResult> {
  const { signer, ...rest } = options;
  const verified = await verifyForCountersigning(bytes, {
    ...rest,
    keyId: signer.keyId,
    now: options.now ?? new Date(),
  });
  const countersignature = await signVerified(verified, signer);
  const existing = verified.bundle.bundle.countersignatures;
  return {
    bundle: { ...verified.bundle.bundle, countersignatures: [...existing, countersignature] },
    report: verified.report,
    stream: verified.stream,
    version: verified.version,
    statementDigest: verified.statementDigest,
    newState: acceptedState(options.state, verified.report.statement, options.policy),
  };
}

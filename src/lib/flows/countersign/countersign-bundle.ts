// Organisation B's step (docs/design.md §1, item 2): verify the primary under B's own policy first, and only
// then countersign. B can reject or bless; it cannot co-author: the statement and the primary
// signature are carried over byte for byte, and B's signature binds both.
import type { CountersignedBundle } from '../../formats/core/types.ts';
import { VerificationError } from '../../basics/errors/errors.ts';
import { carried } from '../../basics/errors/codes.ts';
import type { Policy } from '../../formats/policy/index.ts';
import { runPipeline } from '../../pipeline/run.ts';
import type { VerificationReport } from '../../pipeline/report.ts';
import type { ClientState } from '../../formats/state/state.ts';
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

export async function countersignBundle(
  bytes: Uint8Array,
  options: {
    policy: Policy;
    signer: CountersignSigner;
    trust?: TrustMaterial;
    /** undefined: no state kept yet. */
    state?: ClientState | undefined;
    now?: Date;
    what?: string;
    /** Required to countersign an authority rotation (rotation-review.ts); without it one is refused. */
    approveRotation?: RotationApproval;
  },
): Promise<CountersignResult> {
  const { policy, signer } = options;
  const now = options.now ?? new Date();
  const notPinned = () =>
    new VerificationError(
      'countersigner-not-pinned',
      `the signing key ${signer.keyId} is not a countersigner in the policy: its countersignature would not count`,
      {
        expected: policy.countersigners.map((k) => `${k.name} (${k.keyId})`).join(', '),
        found: signer.keyId,
      },
    );
  const usual = policy.countersigners.find((k) => k.keyId === signer.keyId);
  // Other keys (fallback signers, a rotation's new keys) may sign rotations only: decided once the bundle is read.
  if (!usual && !policy.kinds.includes('authority-rotation')) throw notPinned();
  const result = await runPipeline(bytes, { ...options, now, forCountersigning: true });
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
  const key = usual ?? countersigningKeyFor(policy, signer.keyId, result.rotation);
  if (!key) throw notPinned();
  const existing = result.bundle.bundle.countersignatures;
  if (existing.some((c) => c.keyId === signer.keyId)) {
    throw new VerificationError(
      'countersignature-duplicate',
      `the bundle is already countersigned by ${key.name} (${signer.keyId})`,
    );
  }
  const { stream, version } = result.statement.predicate;
  const countersignature = await createCountersignature({
    signer,
    primary: result.primary,
    stream,
    version,
    signedAt: now,
  });
  return {
    bundle: { ...result.bundle.bundle, countersignatures: [...existing, countersignature] },
    report,
    stream,
    version,
    statementDigest: report.statement.digest.replace(/^sha256:/, ''),
    newState: acceptedState(options.state, report.statement, policy),
  };
}

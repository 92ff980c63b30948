// One verification job of the service (issue 15 F2): everything B checks before it signs,
// with the library's one implementation (verifyForCountersigning), and an answer small enough
// to post between threads: the verified pieces the countersignature statement binds, or the
// refusal. It runs in a worker thread (verify-worker.ts), or inline with `workers: 0`.
import type { TrustMaterial } from '@sigstore/verify';
import { verifyForCountersigning } from '../../lib/flows/countersign/countersign-bundle.ts';
import type { RotationApproval } from '../../lib/flows/countersign/rotation-review.ts';
import type { PrimaryBinding } from '../../lib/formats/countersignature/statement.ts';
import type { Policy } from '../../lib/formats/policy/index.ts';
import type { ClientState } from '../../lib/formats/state/state.ts';
import type { ErrorCode } from '../../lib/basics/errors/codes.ts';
import { InputError, VerificationError } from '../../lib/basics/errors/errors.ts';

/** What the main thread sends: the request body, the instant it is verified (and signed) at, and B's record of its stream. */
export interface VerifyJob {
  body: Uint8Array;
  /** Milliseconds since the epoch. */
  now: number;
  /** The last version B countersigned in the request's stream (from its log), if any. */
  last?: { stream: string; version: number; payloadDigest: string } | undefined;
}

export type VerifyAnswer =
  | {
      ok: true;
      stream: string;
      version: number;
      primary: PrimaryBinding;
      /** The primary's certificate identity (SAN), for the log. */
      identity: string;
    }
  /** A refusal: the library error's class, code and message (the main thread maps it to an HTTP status, refusal.ts). */
  | { ok: false; error: 'VerificationError' | 'InputError'; code: ErrorCode; message: string };

/** What every job of one service shares (sent to each worker once, at its start). */
export interface VerifyContext {
  policy: Policy;
  keyId: string;
  trust?: TrustMaterial;
  approveRotation?: RotationApproval;
}

export async function verifyJob(job: VerifyJob, ctx: VerifyContext): Promise<VerifyAnswer> {
  const state: ClientState | undefined = job.last
    ? {
        streams: Object.assign(Object.create(null) as ClientState['streams'], {
          [job.last.stream]: { version: job.last.version, statementDigest: job.last.payloadDigest },
        }),
      }
    : undefined;
  try {
    const v = await verifyForCountersigning(job.body, {
      policy: ctx.policy,
      keyId: ctx.keyId,
      now: new Date(job.now),
      what: 'request body',
      ...(state ? { state } : {}),
      ...(ctx.trust ? { trust: ctx.trust } : {}),
      ...(ctx.approveRotation ? { approveRotation: ctx.approveRotation } : {}),
    });
    const p = v.primary;
    return {
      ok: true,
      stream: v.stream,
      version: v.version,
      primary: {
        payload: p.payload,
        payloadType: p.payloadType,
        signature: p.signature,
        certificate: p.certificate,
        tlogEntries: p.tlogEntries.map((e) => ({ logId: e.logId, logIndex: e.logIndex })),
        timestamps: p.timestamps,
      },
      identity: p.signer.identity,
    };
  } catch (err) {
    // Anything else is a fault: the worker reports it, the request gets a 500.
    if (err instanceof VerificationError)
      return { ok: false, error: 'VerificationError', code: err.code, message: err.message };
    if (err instanceof InputError) return { ok: false, error: 'InputError', code: err.code, message: err.message };
    throw err;
  }
}

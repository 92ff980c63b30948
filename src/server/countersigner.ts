// POST /v1/countersign: organisation B's step as a service. The checks are the library's
// (verifyForCountersigning: the primary under B's policy, identity, kind, stream, expiry, and
// the rollback check against what this service already signed); this file adds only what a
// service needs around them:
//   - cheap refusals first, on the main thread and in microseconds (issue 15 F6): the bundle's
//     shape (the pipeline's own parse step), an authority rotation (403 rotation-needs-review,
//     unless the unsafe opt-in), a replay (answered from the log), a version this service
//     already passed, and the certificate's identity (SAN, issuer and claims, read from the
//     leaf without any signature checked) against the policy: a foreign workflow's valid
//     primary never costs a Sigstore verification. Whatever passes is verified in full;
//   - the full verification in a worker thread (workers/), behind a bounded queue (503);
//   - one statement per stream version: a version is countersigned only if it is newer than
//     the stream's last one, or the same version for the same statement (a re-run of A's
//     workflow signs the same statement bytes again: a new primary, countersigned again);
//     after the verification, the version is checked again (synchronously, against the log,
//     its appends in flight and the versions being signed) and reserved before anything is
//     awaited; the log's append checks it once more and the storage's schema backs it;
//   - idempotency: the same primary asked for again gets the same countersignature back, also
//     while its first append is still in flight;
//   - the countersignature is appended to the log and committed BEFORE it is returned, with
//     its inclusion proof and the signed checkpoint.
import { signVerified } from '../lib/flows/countersign/countersign-bundle.ts';
import { REVIEW_HINT, type RotationTarget, rotationTargetOf } from '../lib/flows/countersign/rotation-review.ts';
import { parseCountersignatureStatement } from '../lib/formats/countersignature/statement.ts';
import type { CountersignSigner } from '../lib/basics/crypto/signer.ts';
import { sha256Hex } from '../lib/basics/crypto/sha256.ts';
import { type InputCode, carried } from '../lib/basics/errors/codes.ts';
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';
import { decodeCanonicalBase64 } from '../lib/basics/encoding/base64.ts';
import { checkPrimaryIdentity, signerFromCertificate } from '../lib/checks/sigstore/identity.ts';
import type { Countersignature } from '../lib/formats/core/types.ts';
import type { LogProof } from '../lib/formats/log/proof.ts';
import type { Policy } from '../lib/formats/policy/index.ts';
import { type CountersignResponse } from '../lib/formats/service/api.ts';
import { parse } from '../lib/pipeline/steps/parse.ts';
import { Refusal } from './refusal.ts';
import type { StoredEntry } from './store.ts';
import { AlreadyInLog, type TransparencyLog } from './transparency-log.ts';
import type { Verifiers } from './workers/verifiers.ts';

export interface CountersignOutcome {
  response: CountersignResponse;
  stream: string;
  version: number;
  logIndex: number;
  /** Milliseconds spent verifying, signing and committing (the metrics' signing latency). */
  signingMs: number;
  /** Where the request was decided: a cheap check on the main thread, or the full verification. */
  stage: 'screened' | 'verified';
}

/** A version being signed and appended: later requests check against it, and a replay of it waits for it. */
interface Reservation {
  version: number;
  payloadDigest: string;
  primarySignatureDigest: string;
  done: Promise<unknown>;
}

const overloaded = (): Refusal =>
  new Refusal(503, 'overloaded', 'too many requests are waiting to be verified; retry later');

export class Countersigner {
  private readonly policy: Policy;
  private readonly signer: CountersignSigner;
  private readonly log: TransparencyLog;
  private readonly verifiers: Verifiers;
  private readonly now: () => Date;
  /** Versions being signed (not yet handed to the log's append), per stream. */
  private readonly reserved = new Map<string, Reservation[]>();
  private readonly autoRotations: boolean;

  constructor(options: {
    policy: Policy;
    signer: CountersignSigner;
    log: TransparencyLog;
    verifiers: Verifiers;
    now?: () => Date;
    unsafeAutoCountersignRotationsKeepingB?: boolean;
  }) {
    this.policy = options.policy;
    this.signer = options.signer;
    this.log = options.log;
    this.verifiers = options.verifiers;
    this.autoRotations = options.unsafeAutoCountersignRotationsKeepingB === true;
    this.now = options.now ?? (() => new Date());
  }

  /** Requests being signed and appended. */
  get signing(): number {
    let n = 0;
    for (const list of this.reserved.values()) n += list.length;
    return n;
  }

  async countersign(body: Uint8Array): Promise<CountersignOutcome> {
    const started = performance.now();
    // 1. Cheap checks, on this thread (linear in the body, no signature verified).
    const parsed = this.screen(body);
    // A log shared by several instances: what the others appended counts (replays, versions).
    await this.log.catchUp();
    const replay = this.findReplay(parsed.payloadDigest, parsed.primarySignatureDigest);
    if (replay) return this.replayed(replay, started, 'screened');
    const pending = this.pendingSame(parsed.stream, parsed.payloadDigest, parsed.primarySignatureDigest);
    if (pending) return this.afterPending(pending, parsed, started);
    const early = this.versionConflict(parsed.stream, parsed.version, parsed.payloadDigest);
    if (early) throw early;
    // Load shedding before the costliest check on this thread (reading the certificate): with
    // the verification queue full, a request that needs a worker is refused now, while replays
    // and the cheap refusals above are still answered (a client's retry stays safe under load).
    if (this.verifiers.full) throw overloaded();
    this.screenIdentity(parsed.leaf);

    // 2. The full verification, off this thread; a full queue is 503.
    const now = this.now();
    const last = this.log.pendingOrStoredVersion(parsed.stream);
    const answer = this.verifiers.verify({
      body,
      now: now.getTime(),
      ...(last ? { last: { stream: parsed.stream, version: last.version, payloadDigest: last.payloadDigest } } : {}),
    });
    if (!answer) throw overloaded();
    const verified = await answer;
    if (!verified.ok) {
      // Rebuilt as the library error it was in the worker, so that refusal.ts maps it to its status.
      if (verified.error === 'VerificationError') throw new VerificationError(carried(verified.code), verified.message);
      throw new InputError(verified.code as InputCode, verified.message); // an InputError's own code
    }

    // 3. Checked again and reserved without a pause (the log may have grown meanwhile), then signed and committed.
    const payloadDigest = sha256Hex(verified.primary.payload);
    const primarySignatureDigest = sha256Hex(verified.primary.signature);
    const again = this.findReplay(payloadDigest, primarySignatureDigest);
    if (again) return this.replayed(again, started, 'verified');
    const inFlight = this.pendingSame(verified.stream, payloadDigest, primarySignatureDigest);
    if (inFlight) return this.afterPending(inFlight, parsed, started);
    const conflict = this.versionConflict(verified.stream, verified.version, payloadDigest);
    if (conflict) throw conflict;
    let release!: (value: unknown) => void;
    const reservation: Reservation = {
      version: verified.version,
      payloadDigest,
      primarySignatureDigest,
      done: new Promise((resolve) => (release = resolve)),
    };
    const list = this.reserved.get(verified.stream) ?? [];
    list.push(reservation);
    this.reserved.set(verified.stream, list);
    try {
      const countersignature = await signVerified({ ...verified, now }, this.signer);
      const statementBytes = new Uint8Array(Buffer.from(countersignature.statement, 'base64'));
      const statement = parseCountersignatureStatement(statementBytes, 'new countersignature');
      const signature = new Uint8Array(Buffer.from(countersignature.signature, 'base64'));
      // Concurrent appends are committed together (the log's group commit); each resolves after its commit.
      const appended = await this.appendOrFind({
        statement: statementBytes,
        signature,
        keyId: countersignature.keyId,
        stream: verified.stream,
        version: verified.version,
        payloadDigest: statement.payloadDigest.sha256,
        primarySignatureDigest: statement.primarySignatureDigest.sha256,
        certificate: verified.primary.certificate,
        identity: verified.identity,
        signedAt: statement.signedAt,
      });
      if (typeof appended !== 'number') return this.replayed(appended, started, 'verified');
      const index = appended;
      return {
        response: {
          countersignature: this.withProof({
            index,
            keyId: countersignature.keyId,
            statement: statementBytes,
            signature,
          }),
          replayed: false,
        },
        stream: verified.stream,
        version: verified.version,
        logIndex: index,
        signingMs: performance.now() - started,
        stage: 'verified',
      };
    } finally {
      const remaining = (this.reserved.get(verified.stream) ?? []).filter((r) => r !== reservation);
      if (remaining.length) this.reserved.set(verified.stream, remaining);
      else this.reserved.delete(verified.stream);
      release(undefined);
    }
  }

  /**
   * The pipeline's parse step (the same code and codes), the rotation screen, and the digests
   * and leaf certificate the next cheap checks read. Throws a refusal.
   */
  private screen(body: Uint8Array): {
    stream: string;
    version: number;
    payloadDigest: string;
    primarySignatureDigest: string;
    leaf: Uint8Array | undefined;
  } {
    const parsed = parse(body, this.policy, 'request body');
    const primary = parsed.bundle.bundle.primary as PrimaryJson;
    // Before anything else: B is never an automatic oracle for trust changes (decided from the
    // statement alone; under the opt-in, the verified document decides, in the worker).
    const rotation = rotationTargetOfSafe(primary, this.policy);
    if (rotation) this.screenRotation(rotation);
    const sig = primary.dsseEnvelope?.signatures?.[0]?.sig;
    const sigBytes = typeof sig === 'string' ? Buffer.from(sig, 'base64') : new Uint8Array();
    const vm = primary.verificationMaterial;
    const leafText = vm?.certificate?.rawBytes ?? vm?.x509CertificateChain?.certificates?.[0]?.rawBytes;
    return {
      stream: parsed.statement.predicate.stream,
      version: parsed.statement.predicate.version,
      payloadDigest: parsed.statementDigest,
      primarySignatureDigest: sha256Hex(sigBytes),
      leaf: typeof leafText === 'string' ? decodeCanonicalBase64(leafText) : undefined,
    };
  }

  /**
   * The signer read from the leaf certificate (nothing verified yet) compared with the policy:
   * a certificate for another identity is refused here with the code the full verification
   * would give (primary-identity, primary-issuer, ...). A leaf that cannot be read is left to
   * the full verification, which refuses it with its proper code. What passes is verified in full.
   */
  private screenIdentity(leaf: Uint8Array | undefined): void {
    if (!leaf) return;
    let signer;
    try {
      signer = signerFromCertificate(leaf);
    } catch {
      return;
    }
    checkPrimaryIdentity(signer, this.policy.primary);
  }

  /**
   * Refuses an authority rotation unless the unsafe opt-in is on, from the statement alone (its
   * version and the carried document's digest; the new policy is not parsed). Under the opt-in,
   * whether the rotation keeps B in control is decided on the verified document only
   * (verifyForCountersigning's approval, after the Sigstore verification): reading the new
   * policy is work an unsigned request must not cause (issue 13 F2).
   */
  private screenRotation(rotation: RotationTarget): void {
    const target = `an authority rotation to policy version ${rotation.version} (sha256:${rotation.digest})`;
    if (!this.autoRotations)
      throw new Refusal(403, 'rotation-needs-review', `this service does not countersign ${target}: ${REVIEW_HINT}`);
  }

  /**
   * A version this service will not countersign for the stream: older than the last one it
   * countersigned, is committing or is signing (statement-rollback), or the same version for
   * another statement (statement-version-reused). The same version for the same statement is
   * a re-run (a new primary over the same statement bytes) and is countersigned again.
   */
  private versionConflict(stream: string, version: number, payloadDigest: string): Refusal | undefined {
    let last: { version: number; payloadDigest: string; index?: number } | undefined =
      this.log.pendingOrStoredVersion(stream);
    for (const r of this.reserved.get(stream) ?? []) if (!last || r.version > last.version) last = r;
    if (!last || version > last.version) return undefined;
    const where = last.index === undefined ? 'being committed' : `log index ${last.index}`;
    if (version < last.version)
      return new Refusal(
        409,
        'statement-rollback',
        `version ${version} of ${stream} is older than version ${last.version}, which this service already countersigned (${where})`,
      );
    if (payloadDigest !== last.payloadDigest)
      return new Refusal(
        409,
        carried('statement-version-reused'),
        `version ${version} of ${stream} was already countersigned (${where}) for another statement`,
      );
    return undefined; // a re-run: the same statement under a new primary signature
  }

  /**
   * Appends; when another instance appended the same primary meanwhile (a client retrying on
   * another instance), this countersignature is dropped unanswered and the logged one is the answer.
   */
  private async appendOrFind(entry: Parameters<TransparencyLog['append']>[0]): Promise<number | StoredEntry> {
    try {
      return await this.log.append(entry);
    } catch (err) {
      if (!(err instanceof AlreadyInLog)) throw err;
      const logged = this.findReplay(entry.payloadDigest, entry.primarySignatureDigest);
      if (!logged) throw err;
      return logged;
    }
  }

  /** The entry already logged for this exact primary (payload and signature), if any. */
  private findReplay(payloadDigest: string, primarySignatureDigest: string): StoredEntry | undefined {
    const entry = this.log.store.findByPrimary(payloadDigest, primarySignatureDigest);
    return entry && entry.keyId === this.signer.keyId ? entry : undefined;
  }

  private pendingSame(stream: string, payloadDigest: string, primarySignatureDigest: string): Reservation | undefined {
    return (this.reserved.get(stream) ?? []).find(
      (r) => r.payloadDigest === payloadDigest && r.primarySignatureDigest === primarySignatureDigest,
    );
  }

  /** The same primary is being committed by another request: its answer, once committed (or this request's own verification if it failed). */
  private async afterPending(
    pending: Reservation,
    parsed: { payloadDigest: string; primarySignatureDigest: string },
    started: number,
  ): Promise<CountersignOutcome> {
    await pending.done;
    const entry = this.findReplay(parsed.payloadDigest, parsed.primarySignatureDigest);
    if (!entry) throw new Refusal(503, 'overloaded', 'the same request is being countersigned and failed; retry later');
    return this.replayed(entry, started, 'screened');
  }

  private replayed(entry: StoredEntry, started: number, stage: CountersignOutcome['stage']): CountersignOutcome {
    return {
      response: { countersignature: this.withProof(entry), replayed: true },
      stream: entry.stream,
      version: entry.version,
      logIndex: entry.index,
      signingMs: performance.now() - started,
      stage,
    };
  }

  private withProof(entry: {
    index: number;
    keyId: string;
    statement: Uint8Array;
    signature: Uint8Array;
  }): Countersignature {
    const treeSize = this.log.size;
    const logProof: LogProof = {
      logIndex: entry.index,
      treeSize,
      hashes: this.log.inclusionProof(entry.index, treeSize).map((h) => Buffer.from(h).toString('base64')),
      checkpoint: this.log.checkpoint,
    };
    return {
      keyId: entry.keyId,
      statement: Buffer.from(entry.statement).toString('base64'),
      signature: Buffer.from(entry.signature).toString('base64'),
      logProof,
    };
  }
}

interface PrimaryJson {
  dsseEnvelope?: { payload?: unknown; signatures?: { sig?: unknown }[] };
  verificationMaterial?: {
    certificate?: { rawBytes?: unknown };
    x509CertificateChain?: { certificates?: { rawBytes?: unknown }[] };
  };
}

/** What the request installs if it is an authority rotation; undefined otherwise (or when unreadable: the verification refuses it). */
function rotationTargetOfSafe(primary: PrimaryJson, policy: Policy): RotationTarget | undefined {
  try {
    return rotationTargetOf(primary, policy, 'request body');
  } catch {
    return undefined;
  }
}

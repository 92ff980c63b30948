// POST /v1/countersign: organisation B's step as a service. The checks are the library's
// (countersignBundle: the primary under B's policy, identity, kind, stream, expiry, and the
// rollback check against what this service already signed, given as client state); this
// file adds only what a service needs around them:
//   - idempotency: the same primary asked for again gets the same countersignature back;
//   - one stream version is countersigned at most once (checked under the append lock, and
//     by the storage's UNIQUE constraint);
//   - the countersignature is appended to the log and committed BEFORE it is returned, with
//     its inclusion proof and the signed checkpoint.
//   - an authority rotation is refused (403 rotation-needs-review) before anything else, unless
//     the operator opted in to the unsafe mode that countersigns rotations keeping B's keys,
//     log requirement and share of the threshold as they are, decided on the verified new
//     policy (spec/ROTATION.md §3.1).
import type { TrustMaterial } from '@sigstore/verify';
import { parseBundleFile } from '../lib/formats/bundle/bundle.ts';
import type { Countersignature } from '../lib/formats/core/types.ts';
import { countersignBundle } from '../lib/flows/countersign/countersign-bundle.ts';
import { REVIEW_HINT, type RotationTarget, rotationTargetOf } from '../lib/flows/countersign/rotation-review.ts';
import { parseCountersignatureStatement } from '../lib/formats/countersignature/statement.ts';
import type { CountersignSigner } from '../lib/basics/crypto/signer.ts';
import { sha256Hex } from '../lib/basics/crypto/sha256.ts';
import type { LogProof } from '../lib/formats/log/proof.ts';
import type { Policy } from '../lib/formats/policy/index.ts';
import { MAX_REQUEST_BYTES, type CountersignResponse } from '../lib/formats/service/api.ts';
import type { ClientState } from '../lib/formats/state/state.ts';
import { Mutex } from './mutex.ts';
import { Refusal } from './refusal.ts';
import type { StoredEntry } from './store.ts';
import type { TransparencyLog } from './transparency-log.ts';

export interface CountersignOutcome {
  response: CountersignResponse;
  stream: string;
  version: number;
  logIndex: number;
  /** Milliseconds spent verifying, signing and committing (the metrics' signing latency). */
  signingMs: number;
}

export class Countersigner {
  private readonly policy: Policy;
  private readonly signer: CountersignSigner;
  private readonly trust: TrustMaterial;
  private readonly log: TransparencyLog;
  private readonly now: () => Date;
  private readonly lock: Mutex;
  /** The last version countersigned per stream (mirrors the store; updated after each commit). */
  private readonly latest: Map<string, { version: number; payloadDigest: string; index: number }>;

  /** The organisation of the service's key, when rotations that keep it in control are countersigned (unsafe opt-in); else undefined. */
  private readonly autoRotationsKeeping: string | undefined;

  constructor(options: {
    policy: Policy;
    signer: CountersignSigner;
    trust: TrustMaterial;
    log: TransparencyLog;
    now?: () => Date;
    maxQueued?: number;
    unsafeAutoCountersignRotationsKeepingB?: boolean;
  }) {
    this.policy = options.policy;
    const own = options.policy.countersigners.find((k) => k.keyId === options.signer.keyId);
    this.autoRotationsKeeping = options.unsafeAutoCountersignRotationsKeepingB && own ? own.organisation : undefined;
    this.signer = options.signer;
    this.trust = options.trust;
    this.log = options.log;
    this.now = options.now ?? (() => new Date());
    this.lock = new Mutex(options.maxQueued ?? 256);
    this.latest = this.log.store.latestPerStream();
  }

  get queued(): number {
    return this.lock.queued;
  }

  async countersign(body: Uint8Array): Promise<CountersignOutcome> {
    const result = await this.lock.run(() => this.countersignAlone(body));
    if (!result) throw new Refusal(503, 'overloaded', 'too many requests are waiting; retry later');
    return result.value;
  }

  private async countersignAlone(body: Uint8Array): Promise<CountersignOutcome> {
    // The checks below run without a break, and the next queued request would start in the same
    // turn of the event loop: let waiting I/O (/healthz, other connections) run first.
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    // Before anything else (cheap: the statement's kind, no signature checked): B is never an
    // automatic oracle for trust changes. What passes here is still verified in full below.
    // The bundle read once here (strict JSON, linear), for both; countersignBundle reads it again, fully.
    const primary = this.primaryOf(body);
    const rotation = primary && this.rotationTarget(primary);
    if (rotation) this.screenRotation(rotation);
    const replay = primary && this.findReplay(primary);
    if (replay) {
      const response = { countersignature: this.withProof(replay), replayed: true };
      return {
        response,
        stream: replay.stream,
        version: replay.version,
        logIndex: replay.index,
        signingMs: performance.now() - started,
      };
    }
    const now = this.now();
    const result = await countersignBundle(body, {
      policy: this.policy,
      signer: this.signer,
      trust: this.trust,
      state: this.state(),
      now,
      what: 'request body',
      // The opt-in's condition, checked again on the verified document; without it a rotation is refused.
      ...(this.autoRotationsKeeping !== undefined
        ? { approveRotation: { keepingOrganisation: this.autoRotationsKeeping } }
        : {}),
    });
    const { stream, version } = result;
    // countersignBundle's state check lets the same statement through again (a client state
    // accepts the same bytes twice); a service signs each stream version once.
    const last = this.latest.get(stream);
    if (last && version <= last.version) {
      throw new Refusal(
        409,
        version < last.version ? 'statement-rollback' : 'stream-version-signed',
        `version ${version} of ${stream} is not newer than version ${last.version}, which this service already countersigned (log index ${last.index}) for another primary signature`,
      );
    }
    const countersignature = result.bundle.countersignatures.at(-1);
    if (!countersignature) throw new Error('countersignBundle returned a bundle without the new countersignature');
    const statementBytes = new Uint8Array(Buffer.from(countersignature.statement, 'base64'));
    const statement = parseCountersignatureStatement(statementBytes, 'new countersignature');
    const index = await this.log.append({
      statement: statementBytes,
      signature: new Uint8Array(Buffer.from(countersignature.signature, 'base64')),
      keyId: countersignature.keyId,
      stream,
      version,
      payloadDigest: statement.payloadDigest.sha256,
      primarySignatureDigest: statement.primarySignatureDigest.sha256,
      certificate: certificateOf(result.bundle.primary, statement.certificateDigest.sha256),
      identity: result.report.primary?.identity ?? '',
      signedAt: statement.signedAt,
    });
    this.latest.set(stream, { version, payloadDigest: statement.payloadDigest.sha256, index });
    const entry = {
      index,
      keyId: countersignature.keyId,
      statement: statementBytes,
      signature: Buffer.from(countersignature.signature, 'base64'),
    };
    return {
      response: { countersignature: this.withProof(entry), replayed: false },
      stream,
      version,
      logIndex: index,
      signingMs: performance.now() - started,
    };
  }

  /**
   * Refuses an authority rotation unless the unsafe opt-in is on, from the statement alone (its
   * version and the carried document's digest; the new policy is not parsed). Under the opt-in,
   * whether the rotation keeps B in control is decided on the verified document only
   * (countersignBundle's approval, after the Sigstore verification): reading the new policy is
   * work an unsigned request must not cause (issue 13 F2).
   */
  private screenRotation(rotation: RotationTarget): void {
    // The statement's version: the verification requires it to be the new policy's.
    const target = `an authority rotation to policy version ${rotation.version} (sha256:${rotation.digest})`;
    if (this.autoRotationsKeeping === undefined) {
      throw new Refusal(403, 'rotation-needs-review', `this service does not countersign ${target}: ${REVIEW_HINT}`);
    }
  }

  /** The request's primary, or undefined when the body is not a bundle (countersignBundle then reports it with its proper code). */
  private primaryOf(body: Uint8Array): PrimaryJson | undefined {
    try {
      return parseBundleFile(body, 'request body', MAX_REQUEST_BYTES).bundle.primary as PrimaryJson;
    } catch {
      return undefined;
    }
  }

  /** What the request installs if it is an authority rotation (its statement's kind, version and subject digest; nothing verified, the new policy not parsed). */
  private rotationTarget(primary: PrimaryJson): RotationTarget | undefined {
    try {
      return rotationTargetOf(primary, this.policy, 'request body');
    } catch {
      return undefined; // not strict JSON: countersignBundle refuses it with its proper code
    }
  }

  /** The entry already logged for this exact primary (payload and signature), if any. */
  private findReplay(primary: PrimaryJson): StoredEntry | undefined {
    const envelope = primary.dsseEnvelope; // an object: parseBundleFile checked it
    const sig = envelope?.signatures?.[0]?.sig;
    if (typeof envelope?.payload !== 'string' || typeof sig !== 'string') return undefined;
    const payloadDigest = sha256Hex(Buffer.from(envelope.payload, 'base64'));
    const entry = this.log.store.findByPrimary(payloadDigest, sha256Hex(Buffer.from(sig, 'base64')));
    return entry && entry.keyId === this.signer.keyId ? entry : undefined;
  }

  /** Client state that makes the pipeline refuse an older version than the last one signed. */
  private state(): ClientState {
    const streams = Object.create(null) as ClientState['streams'];
    for (const [stream, last] of this.latest)
      streams[stream] = { version: last.version, statementDigest: last.payloadDigest };
    return { streams };
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

/** The signing certificate's DER, found by the digest the countersignature statement binds. */
function certificateOf(primary: unknown, digest: string): Uint8Array {
  const vm = (primary as PrimaryJson).verificationMaterial;
  const candidates = [
    vm?.certificate?.rawBytes,
    ...(vm?.x509CertificateChain?.certificates ?? []).map((c) => c.rawBytes),
  ];
  for (const c of candidates) {
    if (typeof c !== 'string') continue;
    const der = new Uint8Array(Buffer.from(c, 'base64'));
    if (sha256Hex(der) === digest) return der;
  }
  return new Uint8Array();
}

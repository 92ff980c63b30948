// Verifying countersignatures (docs/design.md §4 check 4, spec/FORMAT.md §7 step 4). Each one must
// name a pinned key, carry a strict Ed25519 signature over the domain-separated statement
// bytes, bind exactly this bundle's primary (payload, signature, certificate, log entries,
// timestamps) and this statement's stream and version, and fall inside its key's validity
// window. Every countersignature present must pass: a bundle that carries an invalid one is
// rejected rather than silently trimmed (fail closed). The threshold counts distinct
// organisations: the same key twice is malformed, and two keys of one organisation count once.
import { COUNTERSIGNATURE_PAYLOAD_TYPE, type CountersignatureStatement } from '../../formats/core/types.ts';
import { VerificationError } from '../../basics/errors/errors.ts';
import { verifyEd25519Strict } from '../../basics/crypto/ed25519.ts';
import { preAuthEncoding } from '../../basics/crypto/pae.ts';
import {
  type PrimaryBinding,
  bindingOf,
  parseCountersignatureStatement,
} from '../../formats/countersignature/statement.ts';
import { InputError } from '../../basics/errors/errors.ts';
import type { LogProof, PinnedLog } from '../../formats/log/proof.ts';
import { verifyLogProof } from '../log/proof.ts';

export interface PinnedKey {
  name: string;
  organisation: string;
  keyId: string;
  rawPublicKey: Uint8Array;
  validFrom?: Date;
  validUntil?: Date;
  /** When set, the key's countersignatures count only with a valid proof of inclusion in this log. */
  log?: PinnedLog;
}

export interface CountersignatureInput {
  keyId: string;
  statement: Uint8Array;
  signature: Uint8Array;
  /** The countersignature's log proof, when the bundle carries one. */
  logProof?: LogProof;
}

export interface CountersignatureCheck {
  keyId: string;
  name: string;
  organisation: string;
  signedAt: string;
  /** Set when the policy requires the key's log and the inclusion proof verified. */
  log?: { origin: string; index: number; treeSize: number };
}

export interface CountersignatureOutcome {
  /** The countersignatures that verified, in bundle order. */
  valid: CountersignatureCheck[];
  /** Distinct organisations that countersigned, sorted. */
  organisations: string[];
  /** Pinned organisations that did not countersign, sorted. */
  missing: string[];
}

export interface CountersignatureContext {
  primary: PrimaryBinding;
  stream: string;
  version: number;
  /** The earliest time the primary can have existed (its log or timestamp time). */
  primaryTime: Date;
  now: Date;
  clockSkewSeconds: number;
}

/**
 * Verifies every countersignature; throws VerificationError on the first bad one. With
 * `select`, only the countersignatures it selects (by key id, so that a key's two are both in
 * or both out), still named by their place in the bundle.
 */
export function verifyCountersignatures(
  items: CountersignatureInput[],
  keys: readonly PinnedKey[],
  threshold: number,
  ctx: CountersignatureContext,
  select: (keyId: string) => boolean = () => true,
): CountersignatureOutcome {
  const byId = new Map(keys.map((k) => [k.keyId, k]));
  const seen = new Set<string>();
  const valid: CountersignatureCheck[] = [];
  items.forEach((item, i) => {
    if (!select(item.keyId)) return;
    const label = `countersignature #${i + 1} (${item.keyId})`;
    if (seen.has(item.keyId)) {
      throw new VerificationError(
        'countersignature-duplicate',
        `${label}: this key already countersigned this bundle`,
        {
          expected: 'at most one countersignature per key',
          found: `a second countersignature from ${item.keyId}`,
        },
      );
    }
    seen.add(item.keyId);
    const key = byId.get(item.keyId);
    if (!key) {
      throw new VerificationError('countersignature-unpinned-key', `${label}: the key is not pinned in the policy`, {
        expected: `one of ${keys.map((k) => `${k.name} (${k.keyId})`).join(', ')}`,
        found: item.keyId,
      });
    }
    if (
      !verifyEd25519Strict(
        item.signature,
        preAuthEncoding(COUNTERSIGNATURE_PAYLOAD_TYPE, item.statement),
        key.rawPublicKey,
      )
    ) {
      throw new VerificationError(
        'countersignature-signature',
        `${label}: the Ed25519 signature does not verify under ${key.name}'s pinned key`,
        {
          expected: `a valid Ed25519 signature by ${key.name}`,
          found: 'an invalid signature',
        },
      );
    }
    let statement: CountersignatureStatement;
    try {
      statement = parseCountersignatureStatement(item.statement, label);
    } catch (err) {
      // The key signed bytes that are not a valid statement: never accept, but say so.
      // Stryker disable next-line ConditionalExpression: equivalent, the statement parser throws only InputError (anything else is a bug, rethrown as is)
      if (err instanceof InputError) throw new VerificationError('countersignature-malformed', err.message);
      throw err;
    }
    checkBinding(statement, item.keyId, label, ctx);
    checkWindow(statement, key, label, ctx);
    const check: CountersignatureCheck = {
      keyId: key.keyId,
      name: key.name,
      organisation: key.organisation,
      signedAt: statement.signedAt,
    };
    if (key.log) check.log = checkLogged(item, key.log, label, ctx);
    valid.push(check);
  });
  const organisations = [...new Set(valid.map((v) => v.organisation))].sort();
  const missing = [...new Set(keys.map((k) => k.organisation))].filter((o) => !organisations.includes(o)).sort();
  if (organisations.length < threshold) {
    throw new VerificationError(
      valid.length === 0 ? 'countersignature-missing' : 'countersignature-threshold',
      valid.length === 0
        ? 'no countersignature: the bundle carries only the primary signature'
        : `countersigned by ${organisations.length} distinct organisation(s), the policy requires ${threshold}`,
      {
        expected: `${threshold} of: ${[...new Set(keys.map((k) => k.organisation))].sort().join(', ')}`,
        found: organisations.join(', ') || 'none',
      },
    );
  }
  return { valid, organisations, missing };
}

/**
 * The policy's log requirement (spec/FORMAT.md §7 step 4g): the exact statement bytes are a
 * leaf of the countersigner's log, under a checkpoint signed by the pinned log key. A proof
 * the policy does not ask for is not checked (it cannot be: there is no pinned log key).
 */
function checkLogged(
  item: CountersignatureInput,
  log: PinnedLog,
  label: string,
  ctx: CountersignatureContext,
): { origin: string; index: number; treeSize: number } {
  if (!item.logProof) {
    throw new VerificationError(
      'countersignature-log-missing',
      `${label}: the policy requires this key's countersignatures to be in the log ${log.origin}, and this one carries no log proof`,
      {
        expected: `a log proof from ${log.origin}`,
        found: 'none',
      },
    );
  }
  // With the policy's witness requirement (step 4h), cosignatures dated by the same clock.
  verifyLogProof(item.statement, item.logProof, log, label, { now: ctx.now, clockSkewSeconds: ctx.clockSkewSeconds });
  return { origin: log.origin, index: item.logProof.logIndex, treeSize: item.logProof.treeSize };
}

function checkBinding(s: CountersignatureStatement, keyId: string, label: string, ctx: CountersignatureContext): void {
  const mismatch = (field: string, expected: string, found: string): never => {
    throw new VerificationError(
      'countersignature-binding',
      `${label}: ${field} does not match this bundle (the countersignature was made for another primary or statement)`,
      { expected, found },
    );
  };
  if (s.keyId !== keyId) mismatch('keyId', keyId, s.keyId);
  const b = bindingOf(ctx.primary);
  if (s.payloadType !== b.payloadType) mismatch('payloadType', b.payloadType, s.payloadType);
  if (s.payloadDigest.sha256 !== b.payloadDigest.sha256)
    mismatch('payloadDigest', b.payloadDigest.sha256, s.payloadDigest.sha256);
  if (s.primarySignatureDigest.sha256 !== b.primarySignatureDigest.sha256) {
    mismatch('primarySignatureDigest', b.primarySignatureDigest.sha256, s.primarySignatureDigest.sha256);
  }
  if (s.certificateDigest.sha256 !== b.certificateDigest.sha256)
    mismatch('certificateDigest', b.certificateDigest.sha256, s.certificateDigest.sha256);
  const tlog = (list: { logId: string; logIndex: string }[]) =>
    list
      .map((e) => `${e.logId}/${e.logIndex}`)
      .sort()
      .join(',');
  if (tlog(s.tlogEntries) !== tlog(b.tlogEntries))
    mismatch('tlogEntries', tlog(b.tlogEntries) || 'none', tlog(s.tlogEntries) || 'none');
  const ts = (list: { sha256: string }[]) =>
    list
      .map((d) => d.sha256)
      .sort()
      .join(',');
  if (ts(s.timestampDigests) !== ts(b.timestampDigests))
    mismatch('timestampDigests', ts(b.timestampDigests) || 'none', ts(s.timestampDigests) || 'none');
  if (s.stream !== ctx.stream) mismatch('stream', ctx.stream, s.stream);
  if (s.version !== ctx.version) mismatch('version', String(ctx.version), String(s.version));
}

function checkWindow(s: CountersignatureStatement, key: PinnedKey, label: string, ctx: CountersignatureContext): void {
  const signedAt = new Date(s.signedAt);
  const skew = ctx.clockSkewSeconds * 1000;
  if (key.validFrom && signedAt < key.validFrom) {
    throw new VerificationError(
      'countersignature-key-not-yet-valid',
      `${label}: signed at ${s.signedAt}, before the key ${key.name} became valid`,
      {
        expected: `signedAt >= ${key.validFrom.toISOString()}`,
        found: s.signedAt,
      },
    );
  }
  if (key.validUntil && signedAt > key.validUntil) {
    throw new VerificationError(
      'countersignature-key-expired',
      `${label}: signed at ${s.signedAt}, after the key ${key.name} expired`,
      {
        expected: `signedAt <= ${key.validUntil.toISOString()}`,
        found: s.signedAt,
      },
    );
  }
  if (key.validUntil && ctx.now.getTime() > key.validUntil.getTime() + skew) {
    throw new VerificationError(
      'countersignature-key-expired',
      `${label}: the key ${key.name} expired at ${key.validUntil.toISOString()}`,
      {
        expected: `now <= ${key.validUntil.toISOString()}`,
        found: ctx.now.toISOString(),
      },
    );
  }
  if (signedAt.getTime() > ctx.now.getTime() + skew) {
    throw new VerificationError('countersignature-time', `${label}: signedAt ${s.signedAt} is in the future`, {
      expected: `signedAt <= ${ctx.now.toISOString()} (+${ctx.clockSkewSeconds}s skew)`,
      found: s.signedAt,
    });
  }
  if (signedAt.getTime() < ctx.primaryTime.getTime() - skew) {
    throw new VerificationError(
      'countersignature-time',
      `${label}: signedAt ${s.signedAt} is before the primary signature existed`,
      {
        expected: `signedAt >= ${ctx.primaryTime.toISOString()}`,
        found: s.signedAt,
      },
    );
  }
}

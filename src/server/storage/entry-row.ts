// One database row of the `entries` table as a StoredEntry: the same columns in SQLite
// (node:sqlite gives Uint8Array) and PostgreSQL (pg gives Buffer, a Uint8Array too).
import type { StoredEntry } from '../store.ts';

export function entryFromRow(r: Record<string, unknown>): StoredEntry {
  const bytes = (v: unknown) => new Uint8Array(v as Uint8Array);
  return {
    index: Number(r.idx),
    leafHash: bytes(r.leaf_hash),
    statement: bytes(r.statement),
    signature: bytes(r.signature),
    keyId: String(r.key_id),
    stream: String(r.stream),
    version: Number(r.version),
    payloadDigest: String(r.payload_digest),
    primarySignatureDigest: String(r.primary_signature_digest),
    certificate: bytes(r.certificate),
    identity: String(r.identity),
    signedAt: String(r.signed_at),
  };
}

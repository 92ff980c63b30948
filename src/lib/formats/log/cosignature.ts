// C2SP tlog-cosignature v1, Ed25519 (https://c2sp.org/tlog-cosignature): a witness's
// timestamped signature over a checkpoint, carried as one more signature line of the
// checkpoint's signed note (./note-format.ts):
//
//   — <witness name> base64(key hash (4) || timestamp (8, big-endian) || Ed25519 signature (64))
//
//   key hash = SHA-256(<name> || "\n" || 0x04 || 32-byte public key)[0:4]
//   signed   = "cosignature/v1\n" || "time " <decimal timestamp> "\n" || <checkpoint text>
//
// Witness keys are written as C2SP signed-note verifier keys with signature type 0x04:
// `<name>+<hex key hash>+<base64(0x04 || public key)>`. The signed message does not commit to
// the name, so one public key under two names is one witness (POLICY.md §3.5.3 refuses it).
// Producing and checking cosignatures is checks/log/cosignature.ts; this is the encoding only.
import { createHash } from 'node:crypto';
import { decodeCanonicalBase64 } from '../../basics/encoding/base64.ts';
import { isValidKeyName } from './note-format.ts';

/** The note signature type of an Ed25519 cosignature/v1. */
export const COSIGNATURE_V1_TYPE = 0x04;
/** key hash (4) || timestamp (8) || signature (64). */
export const COSIGNATURE_V1_BYTES = 4 + 8 + 64;
/** tlog-witness: a client sends at most 63 consistency proof lines. */
export const MAX_WITNESS_PROOF_LINES = 63;

/** A witness (cosigner): its name and raw 32-byte Ed25519 public key. */
export interface Cosigner {
  readonly name: string;
  readonly rawPublicKey: Uint8Array;
}

/**
 * A policy's witness requirement on a log's checkpoints (POLICY.md §3.5.3): at least
 * `threshold` of `witnesses` cosigned the checkpoint, each cosignature no older than
 * `maxAgeSeconds` when set.
 */
export interface WitnessRequirement {
  readonly threshold: number;
  readonly witnesses: readonly Cosigner[];
  readonly maxAgeSeconds?: number;
}

export function cosignerKeyHash(name: string, rawPublicKey: Uint8Array): Uint8Array {
  const digest = createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, COSIGNATURE_V1_TYPE]))
    .update(rawPublicKey)
    .digest();
  return new Uint8Array(digest.subarray(0, 4));
}

/** The verifier key `<name>+<hex key hash>+<base64(0x04 || key)>` of a witness. */
export function cosignerVerifierKey(name: string, rawPublicKey: Uint8Array): string {
  const hash = Buffer.from(cosignerKeyHash(name, rawPublicKey)).toString('hex');
  const key = Buffer.concat([Buffer.from([COSIGNATURE_V1_TYPE]), rawPublicKey]).toString('base64');
  return `${name}+${hash}+${key}`;
}

/** A witness verifier key, or what is wrong with it (one phrase). */
export function parseCosignerKey(vkey: string): Cosigner | { problem: string } {
  if (vkey.length > 512) return { problem: 'longer than 512 characters' };
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(vkey);
  if (!m) return { problem: 'not of the form <name>+<8 lowercase hex>+<base64 key>' };
  const [, name = '', hash = '', key = ''] = m;
  if (!isValidKeyName(name)) return { problem: `invalid key name ${JSON.stringify(name)}` };
  const raw = decodeCanonicalBase64(key);
  if (raw?.length !== 33 || raw[0] !== COSIGNATURE_V1_TYPE)
    return { problem: 'not an Ed25519 cosignature/v1 key (type 0x04 and 32 bytes)' };
  const rawPublicKey = new Uint8Array(raw.subarray(1));
  if (Buffer.from(cosignerKeyHash(name, rawPublicKey)).toString('hex') !== hash)
    return { problem: 'the key hash does not match the name and key' };
  return { name, rawPublicKey };
}

/** The bytes a witness signs for a checkpoint text (which ends in a newline) at `timestamp`. */
export function cosignatureMessage(timestamp: number, checkpointText: string): Uint8Array {
  return new TextEncoder().encode(`cosignature/v1\ntime ${timestamp}\n${checkpointText}`);
}

/** The signature line (without its newline) of a cosignature. */
export function formatCosignatureLine(cosigner: Cosigner, timestamp: number, signature: Uint8Array): string {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0)
    throw new RangeError(`cosignature: bad timestamp ${timestamp}`);
  if (signature.length !== 64) throw new RangeError('cosignature: an Ed25519 signature is 64 bytes');
  // DataView, not Buffer's BigInt methods: the browser build's Buffer (src/lib/platform) has none.
  const time = new Uint8Array(8);
  new DataView(time.buffer).setBigUint64(0, BigInt(timestamp));
  const blob = Buffer.concat([cosignerKeyHash(cosigner.name, cosigner.rawPublicKey), time, signature]);
  return `— ${cosigner.name} ${blob.toString('base64')}`;
}

/**
 * The parts of a cosignature's signature blob (after base64), or undefined when it is not 76
 * bytes or its timestamp is beyond 2^53 - 1 (the spec's bound is 2^63 - 1; no honest witness
 * writes a time 285 million years ahead, and such a cosignature never counts).
 */
export function decodeCosignatureBlob(
  blob: Uint8Array,
): { keyHash: Uint8Array; timestamp: number; signature: Uint8Array } | undefined {
  if (blob.length !== COSIGNATURE_V1_BYTES) return undefined;
  const time = new DataView(blob.buffer, blob.byteOffset, blob.byteLength).getBigUint64(4);
  if (time > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return { keyHash: blob.subarray(0, 4), timestamp: Number(time), signature: blob.subarray(12) };
}

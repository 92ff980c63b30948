// The countersigning service's HTTP API (docs/service.md): paths, caps and the JSON shapes
// shared by the server (src/server) and its clients (requestCountersignature, audit).
import type { Countersignature } from '../core/types.ts';

export const API = {
  countersign: '/v1/countersign',
  checkpoint: '/v1/log/checkpoint',
  entries: '/v1/log/entries',
  inclusion: '/v1/log/proof/inclusion',
  consistency: '/v1/log/proof/consistency',
  key: '/v1/log/key',
  health: '/healthz',
  metrics: '/metrics',
} as const;

/** Largest request body the service reads (a primary bundle is a few KiB). */
export const MAX_REQUEST_BYTES = 1024 * 1024;
/** Most entries one GET /v1/log/entries returns. */
export const MAX_ENTRIES_PER_PAGE = 100;

/** 200 answer to POST /v1/countersign. */
export interface CountersignResponse {
  /** The service's countersignature, with its log proof, ready to append to the bundle. */
  countersignature: Countersignature;
  /** True when this primary had been countersigned before and the same countersignature is returned. */
  replayed: boolean;
}

/** One log entry as served: the leaf data (the statement) and what an auditor needs beside it. */
export interface WireEntry {
  index: number;
  /** base64 of the exact countersignature statement bytes (the Merkle leaf data). */
  statement: string;
  /** base64 of the 64-byte Ed25519 countersignature over the statement. */
  signature: string;
  /** base64 DER of the primary's signing certificate (its SHA-256 is the statement's certificateDigest). */
  certificate: string;
}

export interface EntriesResponse {
  entries: WireEntry[];
}

export interface InclusionResponse {
  index: number;
  treeSize: number;
  hashes: string[];
}

export interface ConsistencyResponse {
  from: number;
  to: number;
  hashes: string[];
}

export interface KeyResponse {
  /** The log's origin: checkpoint first line and note key name. */
  origin: string;
  /** C2SP/Go note verifier key of the log: `origin+hash+base64`. */
  verifierKey: string;
  /** The log key as SPKI PEM (what a policy's `log.publicKey` pins). */
  logPublicKey: string;
  /** The countersigning key's id and SPKI PEM. */
  countersignerKeyId: string;
  countersignerPublicKey: string;
}

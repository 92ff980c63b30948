// The log proof a countersignature may carry (spec/FORMAT.md §6.1): the position of its
// statement in the countersigner's transparency log, the RFC 6962 audit path, and the signed
// checkpoint the path leads to. Verifying it shows that the exact countersignature statement
// was appended to the log that the pinned log key signs, where the countersigner's auditors
// (organisation A, anyone) can see it.
import type { Shape } from '../../basics/json/shape.ts';
import { MAX_NOTE_BYTES } from './note-format.ts';
import type { WitnessRequirement } from './cosignature.ts';

export const HASH_SIZE = 32;
/** A proof for a tree of at most 2^53 leaves never has more than this many hashes. */
export const MAX_PROOF_HASHES = 64;

export interface LogProof {
  /** Index of the countersignature statement's leaf (0-based). */
  logIndex: number;
  /** Size of the tree the proof is for; equals the checkpoint's size. */
  treeSize: number;
  /** The RFC 6962 audit path, leaf to root, base64 of 32-byte hashes. */
  hashes: string[];
  /** The C2SP signed checkpoint (a signed note) for treeSize. */
  checkpoint: string;
}

/** The log a policy pins for one countersigner: its origin (the checkpoint key name) and key. */
export interface PinnedLog {
  origin: string;
  rawPublicKey: Uint8Array;
  /** When set, the checkpoint must carry this many witnesses' cosignatures (POLICY.md §3.5.3). */
  witnesses?: WitnessRequirement;
}

/** Strict shape check of a `logProof` object inside a bundle (unknown fields rejected). */
export function parseLogProof(s: Shape, value: unknown, path: string): LogProof {
  const o = s.object(value, path, ['logIndex', 'treeSize', 'hashes', 'checkpoint']);
  const integer = (v: unknown, at: string): number => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
      s.fail(at, `expected a non-negative integer, found ${JSON.stringify(v)}`);
    return v;
  };
  const logIndex = integer(o.logIndex, `${path}.logIndex`);
  const treeSize = integer(o.treeSize, `${path}.treeSize`);
  if (logIndex >= treeSize)
    s.fail(`${path}.logIndex`, `expected an index below treeSize ${treeSize}, found ${logIndex}`);
  const hashes = s.array(o.hashes, `${path}.hashes`, MAX_PROOF_HASHES).map((h, i) => {
    const at = `${path}.hashes[${i}]`;
    const bytes = s.base64(h, at, 64);
    if (bytes.length !== HASH_SIZE) s.fail(at, `expected a ${HASH_SIZE}-byte hash, found ${bytes.length} bytes`);
    return h as string;
  });
  const checkpoint = s.string(o.checkpoint, `${path}.checkpoint`, undefined, MAX_NOTE_BYTES);
  return { logIndex, treeSize, hashes, checkpoint };
}

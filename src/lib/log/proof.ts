// The log proof a countersignature may carry (spec/FORMAT.md §6.1): the position of its
// statement in the countersigner's transparency log, the RFC 6962 audit path, and the signed
// checkpoint the path leads to. Verifying it shows that the exact countersignature statement
// was appended to the log that the pinned log key signs, where the countersigner's auditors
// (organisation A, anyone) can see it.
import type { Shape } from '../bundle/shape.ts';
import { VerificationError } from '../errors.ts';
import { verifyCheckpoint, type Checkpoint } from './checkpoint.ts';
import { HASH_SIZE, MAX_PROOF_HASHES, leafHash, verifyInclusion } from './merkle.ts';
import { MAX_NOTE_BYTES, type NoteVerifier } from './note.ts';

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
}

/** Strict shape check of a `logProof` object inside a bundle (unknown fields rejected). */
export function parseLogProof(s: Shape, value: unknown, path: string): LogProof {
  const o = s.object(value, path, ['logIndex', 'treeSize', 'hashes', 'checkpoint']);
  const integer = (v: unknown, at: string): number => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) s.fail(at, `expected a non-negative integer, found ${JSON.stringify(v)}`);
    return v as number;
  };
  const logIndex = integer(o.logIndex, `${path}.logIndex`);
  const treeSize = integer(o.treeSize, `${path}.treeSize`);
  if (logIndex >= treeSize) s.fail(`${path}.logIndex`, `expected an index below treeSize ${treeSize}, found ${logIndex}`);
  const hashes = s.array(o.hashes, `${path}.hashes`, MAX_PROOF_HASHES).map((h, i) => {
    const at = `${path}.hashes[${i}]`;
    const bytes = s.base64(h, at, 64);
    if (bytes.length !== HASH_SIZE) s.fail(at, `expected a ${HASH_SIZE}-byte hash, found ${bytes.length} bytes`);
    return h as string;
  });
  const checkpoint = s.string(o.checkpoint, `${path}.checkpoint`, undefined, MAX_NOTE_BYTES);
  return { logIndex, treeSize, hashes, checkpoint };
}

/**
 * Checks that `statement` (the exact countersignature statement bytes) is leaf `logIndex` of
 * the tree whose checkpoint the pinned log key signed. Throws VerificationError with
 * `countersignature-log-checkpoint` or `countersignature-log-inclusion`.
 */
export function verifyLogProof(statement: Uint8Array, proof: LogProof, log: PinnedLog, what: string): Checkpoint {
  let checkpoint: Checkpoint;
  try {
    const verifier: NoteVerifier = { name: log.origin, rawPublicKey: log.rawPublicKey };
    checkpoint = verifyCheckpoint(proof.checkpoint, verifier, `${what}: log checkpoint`);
  } catch (err) {
    if (!(err instanceof VerificationError)) throw err;
    throw new VerificationError('countersignature-log-checkpoint', err.message, { expected: `a checkpoint of ${log.origin} signed by its pinned log key`, found: err.found ?? err.code });
  }
  if (checkpoint.size !== proof.treeSize) {
    throw new VerificationError('countersignature-log-inclusion', `${what}: the proof is for tree size ${proof.treeSize} but the checkpoint is for ${checkpoint.size}`, {
      expected: String(checkpoint.size),
      found: String(proof.treeSize),
    });
  }
  const path = proof.hashes.map((h) => new Uint8Array(Buffer.from(h, 'base64')));
  if (!verifyInclusion(leafHash(statement), proof.logIndex, proof.treeSize, path, checkpoint.root)) {
    throw new VerificationError('countersignature-log-inclusion', `${what}: the inclusion proof does not lead from this countersignature statement (leaf ${proof.logIndex}) to the checkpoint's root of ${log.origin}`, {
      expected: `root ${Buffer.from(checkpoint.root).toString('base64')}`,
      found: 'a proof that does not verify',
    });
  }
  return checkpoint;
}

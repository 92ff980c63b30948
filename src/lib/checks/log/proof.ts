// Verifies the log proof a countersignature may carry (spec/FORMAT.md §6.1; parsed by
// formats/log/proof.ts): the countersignature statement is a leaf of the tree whose
// checkpoint the pinned log key signed.
import { VerificationError } from '../../basics/errors/errors.ts';
import { verifyCheckpoint, type Checkpoint } from './checkpoint.ts';
import { leafHash, verifyInclusion } from './merkle.ts';
import type { NoteVerifier } from './note.ts';
import type { LogProof, PinnedLog } from '../../formats/log/proof.ts';
import { type WitnessClock, checkWitnesses } from './witnesses.ts';

/**
 * Checks that `statement` (the exact countersignature statement bytes) is leaf `logIndex` of
 * the tree whose checkpoint the pinned log key signed, and, when the log pins witnesses, that
 * enough of them cosigned that checkpoint recently enough (by `clock`). Throws
 * VerificationError with `countersignature-log-checkpoint`, `countersignature-log-inclusion`,
 * `log-witness-cosignature` or `log-witness-threshold`.
 */
export function verifyLogProof(
  statement: Uint8Array,
  proof: LogProof,
  log: PinnedLog,
  what: string,
  clock: WitnessClock = { now: new Date(), clockSkewSeconds: 0 },
): Checkpoint {
  let checkpoint: Checkpoint;
  try {
    const verifier: NoteVerifier = { name: log.origin, rawPublicKey: log.rawPublicKey };
    checkpoint = verifyCheckpoint(proof.checkpoint, verifier, `${what}: log checkpoint`);
  } catch (err) {
    if (!(err instanceof VerificationError)) throw err;
    throw new VerificationError('countersignature-log-checkpoint', err.message, {
      expected: `a checkpoint of ${log.origin} signed by its pinned log key`,
      found: err.found ?? err.code,
    });
  }
  if (checkpoint.size !== proof.treeSize) {
    throw new VerificationError(
      'countersignature-log-inclusion',
      `${what}: the proof is for tree size ${proof.treeSize} but the checkpoint is for ${checkpoint.size}`,
      {
        expected: String(checkpoint.size),
        found: String(proof.treeSize),
      },
    );
  }
  const path = proof.hashes.map((h) => new Uint8Array(Buffer.from(h, 'base64')));
  if (!verifyInclusion(leafHash(statement), proof.logIndex, proof.treeSize, path, checkpoint.root)) {
    throw new VerificationError(
      'countersignature-log-inclusion',
      `${what}: the inclusion proof does not lead from this countersignature statement (leaf ${proof.logIndex}) to the checkpoint's root of ${log.origin}`,
      {
        expected: `root ${Buffer.from(checkpoint.root).toString('base64')}`,
        found: 'a proof that does not verify',
      },
    );
  }
  // Only after the log's own signature and the inclusion proof: cosignatures cost one
  // signature check each, and count only on a checkpoint the pinned log key signed.
  if (log.witnesses) checkWitnesses(proof.checkpoint, log.witnesses, clock, `${what}: log checkpoint`);
  return checkpoint;
}

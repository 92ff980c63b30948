// The transparency log's pure functions (RFC 6962 trees and proofs, C2SP checkpoints and
// signed notes), shared by the verifier, the countersigning service and the audit client.
export { HASH_SIZE } from '../../formats/log/proof.ts';
export {
  leafHash,
  nodeHash,
  emptyRoot,
  rootOfLeafHashes,
  inclusionPath,
  consistencyProof,
  verifyInclusion,
  verifyConsistency,
  rootFromInclusionProof,
} from './merkle.ts';
export { MerkleTree } from './tree.ts';
export {
  type NoteSigner,
  type NoteVerifier,
  signNote,
  openNote,
  verifierKey,
  parseVerifierKey,
  noteKeyHash,
} from './note.ts';
export { isValidKeyName } from '../../formats/log/note-format.ts';
export {
  type Checkpoint,
  formatCheckpointText,
  parseCheckpointText,
  signCheckpoint,
  verifyCheckpoint,
} from './checkpoint.ts';
export { type LogProof, type PinnedLog, parseLogProof } from '../../formats/log/proof.ts';
export { verifyLogProof } from './proof.ts';

// Witness cosignatures on a checkpoint (C2SP tlog-cosignature v1, Ed25519; the encoding is
// formats/log/cosignature.ts): making one (the witness) and finding the valid ones among a
// note's signature lines (the verifier, the witness client). A line that names a pinned
// witness and carries its key hash but does not verify is an error, never skipped: a note
// with a bad signature by a key we trust is malformed (C2SP signed-note). Lines of other keys
// (the log's own, unknown witnesses) are ignored.
import { verifyEd25519Strict } from '../../basics/crypto/ed25519.ts';
import type { CountersignSigner } from '../../basics/crypto/signer.ts';
import { equalBytes } from '../../basics/crypto/bytes.ts';
import { VerificationError } from '../../basics/errors/errors.ts';
import {
  type Cosigner,
  cosignatureMessage,
  cosignerKeyHash,
  decodeCosignatureBlob,
  formatCosignatureLine,
} from '../../formats/log/cosignature.ts';
import { MAX_NOTE_BYTES, parseNoteSignatureLine } from '../../formats/log/note-format.ts';

/** A witness that signs: its name, public key and signer (a key in memory, an HSM). */
export interface CosignatureSigner extends Cosigner {
  readonly signer: CountersignSigner;
}

export interface ValidCosignature {
  readonly name: string;
  /** POSIX seconds, as the witness wrote it. */
  readonly timestamp: number;
  /** The signature line, without its newline. */
  readonly line: string;
}

/** The cosignature line (without its newline) of `checkpointText` (the note's text, ending in a newline). */
export async function cosignCheckpoint(
  checkpointText: string,
  witness: CosignatureSigner,
  timestamp: number,
): Promise<string> {
  const signature = await witness.signer.sign(cosignatureMessage(timestamp, checkpointText));
  return formatCosignatureLine(witness, timestamp, signature);
}

/** A signed note's text and signature lines; throws `log-note-malformed` when it is not one. */
export function splitNote(note: string, what: string): { text: string; lines: string[] } {
  const fail = (why: string): never => {
    throw new VerificationError('log-note-malformed', `${what}: ${why}`);
  };
  if (Buffer.byteLength(note) > MAX_NOTE_BYTES) fail(`larger than ${MAX_NOTE_BYTES} bytes`);
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n') || split + 2 >= note.length)
    fail('expected text, a blank line and signature lines, each ending in a newline');
  return { text: note.slice(0, split + 1), lines: note.slice(split + 2, -1).split('\n') };
}

/**
 * The valid cosignatures of `note` by `witnesses`, one per witness (its latest, if it signed
 * more than once). Throws `log-witness-cosignature` for a line of a pinned witness (its name
 * and key hash) that does not verify, `log-note-malformed` for a note that is not one.
 */
export function verifyCosignatures(note: string, witnesses: readonly Cosigner[], what: string): ValidCosignature[] {
  const { text, lines } = splitNote(note, what);
  const hashes = witnesses.map((w) => ({ witness: w, hash: cosignerKeyHash(w.name, w.rawPublicKey) }));
  const found = new Map<string, ValidCosignature>();
  for (const line of lines) {
    const parsed = parseNoteSignatureLine(line);
    if (typeof parsed === 'string')
      throw new VerificationError(
        'log-note-malformed',
        `${what}: malformed signature line ${JSON.stringify(line.slice(0, 80))}`,
      );
    const match = hashes.find((h) => h.witness.name === parsed.name && equalBytes(parsed.blob.subarray(0, 4), h.hash));
    if (!match) continue; // the log's own signature, or a witness this policy does not name
    const blob = decodeCosignatureBlob(parsed.blob);
    if (
      !blob ||
      !verifyEd25519Strict(blob.signature, cosignatureMessage(blob.timestamp, text), match.witness.rawPublicKey)
    ) {
      throw new VerificationError(
        'log-witness-cosignature',
        `${what}: the cosignature by witness ${match.witness.name} does not verify`,
        { expected: `a valid cosignature/v1 by ${match.witness.name}`, found: 'an invalid one' },
      );
    }
    const before = found.get(match.witness.name);
    if (!before || before.timestamp < blob.timestamp)
      found.set(match.witness.name, { name: match.witness.name, timestamp: blob.timestamp, line });
  }
  return [...found.values()];
}

// C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the signed statement of a log's
// size and root hash, as the text of a signed note (./note.ts):
//
//   <origin>\n
//   <tree size, decimal>\n
//   <base64 root hash>\n
//   [extension lines]\n
//
// The origin names the log and is the checkpoint key's name; verifiers MUST check it equals
// the origin they expect, or a checkpoint of another log with the same key would pass.
import { decodeCanonicalBase64 } from '../../basics/encoding/base64.ts';
import { VerificationError } from '../../basics/errors/errors.ts';
import { HASH_SIZE } from '../../formats/log/proof.ts';
import { type NoteSigner, type NoteVerifier, openNote, signNote } from './note.ts';
import { isValidKeyName } from '../../formats/log/note-format.ts';

export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
  /** Extension lines, as given (none from this project's logs). */
  extensions: string[];
}

const MAX_EXTENSIONS = 16;

export function formatCheckpointText(checkpoint: { origin: string; size: number; root: Uint8Array }): string {
  return `${checkpoint.origin}\n${checkpoint.size}\n${Buffer.from(checkpoint.root).toString('base64')}\n`;
}

export function parseCheckpointText(text: string, what = 'checkpoint'): Checkpoint {
  // Annotated, so that a `fail(...)` statement narrows like a throw.
  const fail: (why: string) => never = (why) => {
    throw new VerificationError('log-checkpoint-malformed', `${what}: ${why}`);
  };
  const lines = text.split('\n');
  if (lines.pop() !== '' || lines.length < 3)
    fail('expected origin, size and root hash lines, each ending in a newline');
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (!isValidKeyName(origin)) fail(`invalid origin line ${JSON.stringify(origin.slice(0, 80))}`);
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText)))
    fail(`expected a decimal tree size, found ${JSON.stringify(sizeText.slice(0, 40))}`);
  const root = decodeCanonicalBase64(rootText);
  if (root?.length !== HASH_SIZE)
    fail(`expected the base64 of a ${HASH_SIZE}-byte root hash, found ${JSON.stringify(rootText.slice(0, 60))}`);
  if (extensions.length > MAX_EXTENSIONS || extensions.some((e) => e.length === 0)) fail('malformed extension lines');
  return { origin, size: Number(sizeText), root: new Uint8Array(root), extensions };
}

/** A signed checkpoint note; the signer's key name is the origin. */
export async function signCheckpoint(
  checkpoint: { size: number; root: Uint8Array },
  signer: NoteSigner,
): Promise<string> {
  return signNote(formatCheckpointText({ origin: signer.name, ...checkpoint }), signer);
}

/** Verifies the note's signature by the pinned log key and the origin; returns the checkpoint. */
export function verifyCheckpoint(note: string, log: NoteVerifier, what = 'checkpoint'): Checkpoint {
  const text = openNote(note, log, what);
  const checkpoint = parseCheckpointText(text, what);
  if (checkpoint.origin !== log.name) {
    throw new VerificationError(
      'log-checkpoint-origin',
      `${what}: origin ${JSON.stringify(checkpoint.origin)} is not the pinned log's ${JSON.stringify(log.name)}`,
      {
        expected: log.name,
        found: checkpoint.origin,
      },
    );
  }
  return checkpoint;
}

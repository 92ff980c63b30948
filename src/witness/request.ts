// The body of a C2SP tlog-witness add-checkpoint request (https://c2sp.org/tlog-witness):
//
//   old <size>\n
//   <base64 consistency proof hash>\n   (0 to 63 lines)
//   \n
//   <checkpoint: a signed note>
//
// Parsed strictly (decimal without leading zeros, canonical base64 of exactly 32 bytes, every
// line ending in a newline) and within caps, before anything is verified: the request is
// unauthenticated, so nothing here costs more than reading the bytes.
import { decodeCanonicalBase64 } from '../lib/basics/encoding/base64.ts';
import { MAX_WITNESS_PROOF_LINES } from '../lib/formats/log/cosignature.ts';
import { HASH_SIZE } from '../lib/formats/log/proof.ts';
import { MAX_NOTE_BYTES } from '../lib/formats/log/note-format.ts';

/** The old size line, 63 proof lines of 45 bytes, the blank line and a checkpoint note. */
export const MAX_ADD_CHECKPOINT_BYTES = 32 + MAX_WITNESS_PROOF_LINES * 45 + 1 + MAX_NOTE_BYTES;

export interface AddCheckpointRequest {
  oldSize: number;
  proof: Uint8Array[];
  /** The checkpoint note, as sent (with every signature line). */
  note: string;
}

/** The request, or why it is malformed (one phrase, for the 400 answer). */
export function parseAddCheckpoint(body: Uint8Array): AddCheckpointRequest | { problem: string } {
  if (body.byteLength > MAX_ADD_CHECKPOINT_BYTES) return { problem: 'body too large' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return { problem: 'body is not UTF-8' };
  }
  const oldLine = /^old (0|[1-9][0-9]{0,15})\n/.exec(text);
  if (!oldLine?.[1]) return { problem: 'expected "old <size>" as the first line' };
  const oldSize = Number(oldLine[1]);
  if (!Number.isSafeInteger(oldSize)) return { problem: 'old size out of range' };
  let at = oldLine[0].length;
  const proof: Uint8Array[] = [];
  for (;;) {
    const end = text.indexOf('\n', at);
    if (end < 0) return { problem: 'expected a blank line before the checkpoint' };
    const line = text.slice(at, end);
    at = end + 1;
    if (line === '') break;
    if (proof.length === MAX_WITNESS_PROOF_LINES)
      return { problem: `more than ${MAX_WITNESS_PROOF_LINES} consistency proof lines` };
    const hash = line.length <= 44 ? decodeCanonicalBase64(line) : undefined;
    if (hash?.length !== HASH_SIZE) return { problem: `proof line ${proof.length + 1} is not a base64 32-byte hash` };
    proof.push(new Uint8Array(hash));
  }
  const note = text.slice(at);
  if (note.length === 0) return { problem: 'no checkpoint' };
  return { oldSize, proof, note };
}

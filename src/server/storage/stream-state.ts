// The last version countersigned per stream, protected by the log key (issue 15 F5). The
// rollback check ("is this stream version newer than what was signed?") reads this state;
// were it read from the entries' derived columns, lowering one stored version column would
// let a second, different statement for a signed version through. Checking every column
// against every statement at start costs a pass over the whole log (about 12 s of CPU for
// 1 000 000 entries), so instead each commit stores the state in its own table and signs a
// note over its digest with the log key (a note whose first line is not an origin, so it can
// never pass as a checkpoint). Start recomputes the digest from the table and checks the
// signature: O(streams), and an edited, lowered or deleted row is refused.
import { createHash } from 'node:crypto';
import { type NoteSigner, type NoteVerifier, openNote, signNote } from '../../lib/checks/log/note.ts';

export interface StreamHead {
  version: number;
  index: number;
  payloadDigest: string;
}

const HEADER = 'countersign stream state v1';

/** sha256 hex over the state, streams sorted (code units), one line each. */
export function stateDigest(state: ReadonlyMap<string, StreamHead>): string {
  const hash = createHash('sha256');
  for (const stream of [...state.keys()].sort()) {
    const head = state.get(stream);
    if (head) hash.update(`${stream} ${head.version} ${head.index} ${head.payloadDigest}\n`);
  }
  return hash.digest('hex');
}

function stateText(origin: string, size: number, digest: string): string {
  return `${HEADER}\n${origin}\n${size}\n${digest}\n`;
}

export function signStreamState(
  state: ReadonlyMap<string, StreamHead>,
  size: number,
  signer: NoteSigner,
): Promise<string> {
  return signNote(stateText(signer.name, size, stateDigest(state)), signer);
}

/** Why the state does not match its signed note at `size`, or undefined if it does. */
export function streamStateProblem(
  state: ReadonlyMap<string, StreamHead>,
  size: number,
  note: string,
  verifier: NoteVerifier,
): string | undefined {
  let text: string;
  try {
    text = openNote(note, verifier, 'stream state note');
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  const want = stateText(verifier.name, size, stateDigest(state));
  return text === want ? undefined : 'the stored stream versions do not match their signed digest';
}

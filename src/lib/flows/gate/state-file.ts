// The client state file (`--state`, the action's `state` input): read with the one capped
// reader, a missing file being a fresh client (no stat before the read: no race), and
// replaced atomically after a verified bundle or a countersignature.
import { writeFileAtomic } from '../../basics/io/atomic-write.ts';
import { readCappedFile } from '../../basics/io/read-capped.ts';
import { type ClientState, emptyState, parseState, serializeState } from '../../formats/state/state.ts';

const MAX_STATE_BYTES = 1024 * 1024;

/** Reads and parses a state file; a file that does not exist is the empty state. `what` names it in messages. */
export async function loadStateFile(path: string, what = `state file ${path}`): Promise<ClientState> {
  const bytes = await readCappedFile(path, { what, maxBytes: MAX_STATE_BYTES, optional: true });
  return bytes === undefined ? emptyState() : parseState(bytes, what);
}

export async function saveStateFile(path: string, state: ClientState): Promise<void> {
  await writeFileAtomic(path, serializeState(state));
}

// The client state file (`--state`): read it if present (a missing file is a fresh client),
// and replace it atomically after a successful verification or countersignature.
import { stat } from 'node:fs/promises';
import { type ClientState, emptyState, parseState, serializeState } from '../lib/formats/state/state.ts';
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { readInputFile } from './io.ts';

export async function loadStateFile(path: string): Promise<ClientState> {
  const exists = await stat(path).then(() => true, (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? false : Promise.reject(err)));
  if (!exists) return emptyState();
  return parseState(await readInputFile(path, 'state file', 1024 * 1024), path);
}

export async function saveStateFile(path: string, state: ClientState): Promise<void> {
  await writeFileAtomic(path, serializeState(state));
}

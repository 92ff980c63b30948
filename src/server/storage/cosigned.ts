// The latest witness-cosigned checkpoint, kept in a file next to the log (`checkpoint.cosigned`)
// so that after a restart the service serves it (GET /checkpoint, answers' logProof) at once,
// before the witnesses answer again. One note, replaced atomically (temporary file, fsync,
// rename): a crash leaves the old note or the new one.
//
// Nothing here is trusted: on load the note must verify under the log key, be a checkpoint of
// this log's tree (consistent with the current one), and carry at least one valid cosignature
// by a configured witness; otherwise it is ignored (the next witness round replaces it). A
// cosigned note is only an accelerator, never a source of truth: losing it costs one round.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../lib/basics/io/atomic-write.ts';

export const COSIGNED_FILE = 'checkpoint.cosigned';
/** A checkpoint with a few dozen cosignatures is a few KiB; a larger file is not ours. */
const MAX_COSIGNED_BYTES = 64 * 1024;

export interface CosignedStore {
  /** The stored note, or undefined (none, unreadable or too large: all mean "start without"). */
  load(): Promise<string | undefined>;
  save(note: string): Promise<void>;
}

/** The file store in the log's data directory. */
export function fileCosignedStore(dataDir: string): CosignedStore {
  const path = join(dataDir, COSIGNED_FILE);
  return {
    async load() {
      try {
        const bytes = await readFile(path);
        return bytes.length > MAX_COSIGNED_BYTES ? undefined : bytes.toString('utf8');
      } catch {
        return undefined;
      }
    },
    async save(note) {
      await writeFileAtomic(path, note, { mode: 0o600 });
    },
  };
}

// The durable high-water mark (issue 15 F3): the last signed checkpoint this service made,
// kept in a file of its own next to the database, so that a database that was wiped, deleted,
// truncated or rolled back (a lost WAL, an old backup) is noticed at start instead of becoming
// a silent fork: the service refuses to start when the database is shorter than the mark or
// does not extend it.
//
// Written atomically after each commit: temporary file, fsync, rename over the old one, fsync
// of the directory. A crash leaves either the old mark or the new one, never a torn file.
// Order: database COMMIT first, then the mark, then the answer. A crash between the two leaves
// a mark older than the database, which start accepts (the database extends it) and brings
// up to date; the opposite (a mark the database does not reach) only happens when the
// database lost committed data, which is exactly what must stop the service. No answer (and
// so no checkpoint) is handed out before the mark covers it, so whatever a client holds is
// at or below the mark.
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../lib/basics/errors/errors.ts';
import { storageError } from './errors.ts';

export const HIGH_WATER_FILE = 'checkpoint.high-water';
/** A signed checkpoint note is a few hundred bytes; a larger file is not ours. */
const MAX_HIGH_WATER_BYTES = 64 * 1024;

/** The mark's note, or undefined when there is no mark file. */
export async function readHighWater(dataDir: string): Promise<string | undefined> {
  const path = join(dataDir, HIGH_WATER_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return undefined;
    throw storageError(err, path);
  }
  if (bytes.length > MAX_HIGH_WATER_BYTES)
    throw new InputError('log-storage-inconsistent', `${path}: ${bytes.length} bytes, over ${MAX_HIGH_WATER_BYTES}`);
  return bytes.toString('utf8');
}

/** Replaces the mark with `note`, durably (see above). Throws the storage error as it is. */
export async function writeHighWater(dataDir: string, note: string): Promise<void> {
  const path = join(dataDir, HIGH_WATER_FILE);
  const temp = `${path}.tmp`;
  try {
    const file = await open(temp, 'w', 0o600);
    try {
      await file.writeFile(note);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  const dir = await open(dataDir, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

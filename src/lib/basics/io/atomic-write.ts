// Outputs are written atomically: to a temporary file in the same directory, flushed, then
// renamed over the target. A crash or an error never leaves a half-written file behind.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** File mode of the new file (default 0o644; private keys use 0o600). */
  mode?: number;
  /** Refuse to replace an existing file (`wx` semantics at the final rename step). */
  exclusive?: boolean;
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', options.mode ?? 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    if (options.exclusive) {
      // link() fails if the target exists, unlike rename(): no check-then-act race.
      const { link } = await import('node:fs/promises');
      await link(tmp, path);
      await rm(tmp);
    } else {
      await rename(tmp, path);
    }
  } catch (err) {
    await handle.close().catch(() => {});
    await rm(tmp, { force: true });
    throw err;
  }
}

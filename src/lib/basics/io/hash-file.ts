// Streaming SHA-256 (FIPS 180-4) of a file in constant memory: one reused buffer, read in a
// loop, so that a multi-gigabyte release artifact costs 64 KiB of memory.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { InputError } from '../errors/errors.ts';

/** Size of the read buffer. */
export const HASH_BUFFER_BYTES = 64 * 1024;

/** The file the walker saw; the opened file must still be that one (no swap in between). */
export interface ExpectedFile {
  dev: number;
  ino: number;
}

/**
 * Returns the SHA-256 of the file at `path` as lowercase hex. Refuses anything but a regular
 * file. Opens with O_NONBLOCK (so that a FIFO put in place of the file cannot block us) and
 * O_NOFOLLOW (the caller passes a resolved path); when `expected` is given, the opened file
 * must have that device and inode.
 */
export async function sha256File(path: string, expected?: ExpectedFile): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  try {
    const st = await handle.stat();
    if (!st.isFile())
      throw new InputError('subject-not-regular', `${path}: expected a regular file, found a special file`);
    if (expected && (st.dev !== expected.dev || st.ino !== expected.ino)) {
      throw new InputError('subject-changed', `${path}: the file was replaced while the inputs were being read`);
    }
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(HASH_BUFFER_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      // update() consumes the bytes synchronously, so the buffer can be reused at once.
      hash.update(buffer.subarray(0, bytesRead));
    }
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}

// Reading the CLI's input files: one clear line when a file is missing, unreadable or over
// its cap. The cap is checked on the open file (fstat) and the read itself is bounded, so a
// huge file, or one that grows between the check and the read, is never loaded in full.
import { open } from 'node:fs/promises';
import { InputError } from '../lib/basics/errors/errors.ts';
import { POLICY_LIMIT_RANGES } from '../lib/formats/policy/types.ts';

export async function readInputFile(path: string, what: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError('input-unreadable', `${what} ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'not a regular file' : String((err as Error).message)}`);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new InputError('input-unreadable', `${what} ${path}: not a regular file`);
    if (st.size > maxBytes) throw new InputError('too-large', `${what} ${path}: ${st.size} bytes is over the limit of ${maxBytes} bytes`);
    // Read at most one byte more than fstat said: that byte proves the file is growing.
    const buffer = new Uint8Array(st.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) throw new InputError('input-changed', `${what} ${path}: the file grew while being read`);
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/**
 * Reads a bundle up to the largest size any policy may allow. A bundle over the policy's own
 * cap but under this one is read, and the verifier's parse check rejects it (exit 1: a bad
 * bundle is a rejection); only a file over every possible cap is refused unread (exit 2).
 */
export async function readBundleFile(path: string): Promise<Uint8Array> {
  return readInputFile(path, 'bundle', POLICY_LIMIT_RANGES.maxBundleBytes[1]);
}

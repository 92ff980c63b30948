// Reading the CLI's input files: one clear line when a file is missing, unreadable or over
// its cap (checked with stat before reading, so a huge file is never loaded).
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../lib/errors.ts';
import { POLICY_LIMIT_RANGES } from '../lib/policy/types.ts';

export async function readInputFile(path: string, what: string, maxBytes: number): Promise<Uint8Array> {
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new InputError('input-unreadable', `${what} ${path}: not a regular file`);
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError('input-unreadable', `${what} ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String((err as Error).message)}`);
  }
  if (size > maxBytes) throw new InputError('too-large', `${what} ${path}: ${size} bytes is over the limit of ${maxBytes} bytes`);
  return new Uint8Array(await readFile(path));
}

/**
 * Reads a bundle up to the largest size any policy may allow. A bundle over the policy's own
 * cap but under this one is read, and the verifier's parse check rejects it (exit 1: a bad
 * bundle is a rejection); only a file over every possible cap is refused unread (exit 2).
 */
export async function readBundleFile(path: string): Promise<Uint8Array> {
  return readInputFile(path, 'bundle', POLICY_LIMIT_RANGES.maxBundleBytes[1]);
}

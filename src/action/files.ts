// Reading input files with a size cap checked before reading (every untrusted input has a cap).
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../lib/basics/errors/errors.ts';

export async function readCappedFile(path: string, what: string, maxBytes: number): Promise<Uint8Array> {
  const st = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new InputError('input-unreadable', `${what}: ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EACCES' ? 'permission denied' : err.message}`);
  });
  if (!st.isFile()) throw new InputError('input-unreadable', `${what}: ${path}: not a regular file`);
  if (st.size > maxBytes) throw new InputError('too-large', `${what}: ${path}: ${st.size} bytes is over the limit of ${maxBytes} bytes`);
  return new Uint8Array(await readFile(path));
}

// Reading the CLI's input files: one clear line when a file is missing, unreadable or over
// its cap (checked with stat before reading, so a huge file is never loaded).
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../lib/errors.ts';

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

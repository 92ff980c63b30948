// Reading the action's input files with the library's one capped reader
// (src/lib/basics/io/read-capped.ts: fstat on the open file, a bounded read): `<what> <path>: <problem>`.
import { readCappedFile as readCapped } from '../lib/basics/io/read-capped.ts';

export async function readCappedFile(path: string, what: string, maxBytes: number): Promise<Uint8Array> {
  return readCapped(path, { what: `${what} ${path}`, maxBytes });
}

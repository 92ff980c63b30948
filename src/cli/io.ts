// Reading the CLI's input files: one clear line when a file is missing, unreadable or over
// its cap (`<what> <path>: <problem>`), with the library's one capped reader
// (src/lib/basics/io/read-capped.ts: fstat on the open file, a bounded read).
import { readCappedFile } from '../lib/basics/io/read-capped.ts';
import { POLICY_LIMIT_RANGES } from '../lib/formats/policy/types.ts';

export async function readInputFile(path: string, what: string, maxBytes: number): Promise<Uint8Array> {
  return readCappedFile(path, { what: `${what} ${path}`, maxBytes });
}

/**
 * Reads a bundle up to the largest size any policy may allow. A bundle over the policy's own
 * cap but under this one is read, and the verifier's parse check rejects it (exit 1: a bad
 * bundle is a rejection); only a file over every possible cap is refused unread (exit 2).
 */
export async function readBundleFile(path: string): Promise<Uint8Array> {
  return readInputFile(path, 'bundle', POLICY_LIMIT_RANGES.maxBundleBytes[1]);
}

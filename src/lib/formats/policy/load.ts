// Reads a policy file from disk, with the size cap applied while reading, and parses it
// (formats/policy/parse.ts). Kept apart from the parser, which the client library uses
// without a file system.
import { open } from 'node:fs/promises';
import { PolicyError } from '../../basics/errors/errors.ts';
import { MAX_POLICY_BYTES, type Policy } from './types.ts';
import { parsePolicy } from './parse.ts';

/** Reads and parses a policy file, with the size cap applied while reading. */
export async function loadPolicyFile(path: string): Promise<Policy> {
  const buffer = Buffer.alloc(MAX_POLICY_BYTES + 1);
  let size = 0;
  try {
    const handle = await open(path, 'r');
    try {
      for (;;) {
        const { bytesRead } = await handle.read(buffer, size, buffer.length - size, null);
        if (bytesRead === 0) break;
        size += bytesRead;
        // Stryker disable next-line ConditionalExpression: equivalent when false, the buffer is then full and the next read asks for 0 bytes, which returns 0 (true is killed by a pipe)
        if (size > MAX_POLICY_BYTES) break;
      }
    } finally {
      await handle.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new PolicyError('policy-unreadable', `${path}: cannot read the policy: ${reason}`);
  }
  if (size > MAX_POLICY_BYTES) throw new PolicyError('policy-too-large', `${path}: over the limit of ${MAX_POLICY_BYTES} bytes`);
  return parsePolicy(buffer.subarray(0, size), path);
}

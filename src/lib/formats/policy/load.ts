// Reads a policy file from disk, with the size cap applied while reading, and parses it
// (formats/policy/parse.ts). Kept apart from the parser, which the client library uses
// without a file system.
import type { PolicyCode } from '../../basics/errors/codes.ts';
import { PolicyError } from '../../basics/errors/errors.ts';
import { readCappedFile } from '../../basics/io/read-capped.ts';
import { MAX_POLICY_BYTES, type Policy } from './types.ts';
import { parsePolicy } from './parse.ts';

/**
 * Reads and parses a policy file, with the size cap applied while reading. A pipe is read too
 * (`--policy <(...)`), to its end or one byte over the cap.
 */
export async function loadPolicyFile(path: string): Promise<Policy> {
  const bytes = await readCappedFile(path, {
    maxBytes: MAX_POLICY_BYTES,
    streams: true,
    codes: { unreadable: 'policy-unreadable', tooLarge: 'policy-too-large', changed: 'policy-unreadable' },
    // Only the policy codes above reach it.
    error: (code, message) => new PolicyError(code as PolicyCode, message),
    message: (f) =>
      f.kind === 'too-large'
        ? `${path}: over the limit of ${MAX_POLICY_BYTES} bytes`
        : f.kind === 'not-a-file'
          ? `${path}: cannot read the policy: ${f.directory ? 'a directory, not a file' : 'not a regular file'}`
          : f.kind === 'unreadable'
            ? `${path}: cannot read the policy: ${f.reason}`
            : undefined,
  });
  return parsePolicy(bytes, path);
}

// SHA-256 of in-memory bytes, as lowercase hex. node:crypto here; the browser build of the
// verifier (issue #5) swaps in @noble/hashes behind the same function.
import { createHash } from 'node:crypto';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

// The one mapping from a thrown error to what a surface says about it (docs/design.md §8): a
// failed check is a rejection (its code in brackets), unusable input is its one-line message,
// a system error that names a file is that file and the system's message, and anything else
// is a bug ("internal error", with its stack for the surface to show or log). The CLI
// (src/cli/errors.ts) and the action (src/action/entry.ts) add their prefix and their exit
// code or annotation; the service maps the same classes to HTTP statuses (server/refusal.ts).
import type { ErrorCode } from './codes.ts';
import { InputError, VerificationError } from './errors.ts';

export interface Failure {
  /** rejected: a check failed (CLI exit 1); input: could not run (exit 2); internal: a bug (exit 2). */
  kind: 'rejected' | 'input' | 'internal';
  /** The library's code, for a rejection or an input error. */
  code?: ErrorCode;
  /** One line, without a prefix: `rejected [code]: …`, the input error's message, `path: …`, `internal error: …`. */
  line: string;
  /** For an internal error: its stack, when it has one. */
  stack?: string;
}

export function describeFailure(err: unknown): Failure {
  if (err instanceof VerificationError)
    return { kind: 'rejected', code: err.code, line: `rejected [${err.code}]: ${err.message}` };
  if (err instanceof InputError) return { kind: 'input', code: err.code, line: err.message };
  const e = err as NodeJS.ErrnoException | null | undefined;
  if (e && typeof e === 'object' && typeof e.code === 'string' && typeof e.path === 'string')
    return { kind: 'input', line: `${e.path}: ${e.message}` };
  const message = err instanceof Error ? err.message : String(err);
  return {
    kind: 'internal',
    line: `internal error: ${message}`,
    ...(err instanceof Error && err.stack ? { stack: err.stack } : {}),
  };
}

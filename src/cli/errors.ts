// One place that turns any error into a one-line message and an exit code for the CLI.
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';

/** Prints `countersign: <message>` on stderr and returns the exit code (1 rejected, 2 could not run). */
export function reportFatal(err: unknown): number {
  if (err instanceof VerificationError) {
    console.error(`countersign: rejected [${err.code}]: ${err.message}`);
    return 1;
  }
  if (err instanceof InputError) {
    console.error(`countersign: ${err.message}`);
    return 2;
  }
  const e = err as NodeJS.ErrnoException;
  // node:util parseArgs: an unknown option, a missing value, a stray positional.
  if (e && typeof e === 'object' && typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS')) {
    console.error(`countersign: ${e.message} (see 'countersign <verb> --help')`);
    return 2;
  }
  if (e && typeof e === 'object' && typeof e.code === 'string' && typeof e.path === 'string') {
    console.error(`countersign: ${e.path}: ${e.message}`);
    return 2;
  }
  console.error(`countersign: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return 2;
}

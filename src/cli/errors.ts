// The CLI's end of the one error-to-line mapping (src/lib/basics/errors/failure.ts): the
// line on stderr after `countersign: `, and the exit code (1 rejected, 2 could not run).
import { describeFailure } from '../lib/basics/errors/failure.ts';

/** Prints `countersign: <message>` on stderr and returns the exit code (1 rejected, 2 could not run). */
export function reportFatal(err: unknown): number {
  // node:util parseArgs: an unknown option, a missing value, a stray positional.
  if (err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS')) {
    console.error(`countersign: ${err.message} (see 'countersign <verb> --help')`);
    return 2;
  }
  const f = describeFailure(err);
  // A bug: the whole stack, for the report.
  console.error(`countersign: ${f.kind === 'internal' && f.stack ? `internal error: ${f.stack}` : f.line}`);
  return f.kind === 'rejected' ? 1 : 2;
}

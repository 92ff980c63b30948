// The one top-level catch of every entry point (docs/design.md §8, like actions/attest src/index.ts):
// read the inputs, run, and turn any error into an error annotation and a failed step.
// Library errors are one line that names the input; anything else is a bug, so its stack goes
// to the debug log.
import * as core from '@actions/core';
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';

export async function runEntry(step: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    core.setFailed(failureMessage(step, err));
    if (!(err instanceof InputError) && !(err instanceof VerificationError) && err instanceof Error && err.stack) core.debug(err.stack);
  }
}

export function failureMessage(step: string, err: unknown): string {
  if (err instanceof VerificationError) return `countersign ${step}: rejected [${err.code}]: ${err.message}`;
  if (err instanceof InputError) return `countersign ${step}: ${err.message}`;
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e === 'object' && typeof e.code === 'string' && typeof e.path === 'string') return `countersign ${step}: ${e.path}: ${e.message}`;
  return `countersign ${step}: internal error: ${err instanceof Error ? err.message : String(err)}`;
}

// The one top-level catch of every entry point (docs/design.md §8, like actions/attest src/index.ts):
// read the inputs, run, and turn any error into an error annotation and a failed step.
// Library errors are one line that names the input; anything else is a bug, so its stack goes
// to the debug log.
import * as core from '@actions/core';
import { describeFailure } from '../lib/basics/errors/failure.ts';

export async function runEntry(step: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    const f = describeFailure(err);
    core.setFailed(`countersign ${step}: ${f.line}`);
    if (f.stack) core.debug(f.stack);
  }
}

/** The annotation's line for an error (the one mapping, src/lib/basics/errors/failure.ts), after `countersign <step>: `. */
export function failureMessage(step: string, err: unknown): string {
  return `countersign ${step}: ${describeFailure(err).line}`;
}

// Where the steps read and write: the workspace (GITHUB_WORKSPACE, the runner's working
// directory for steps) and a private scratch directory under RUNNER_TEMP, which the runner
// empties after every job.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export function workspace(): string {
  return process.env.GITHUB_WORKSPACE || process.cwd();
}

/** A path input, relative to the workspace. */
export function inWorkspace(path: string): string {
  return isAbsolute(path) ? path : resolve(workspace(), path);
}

/** A fresh directory under RUNNER_TEMP (the OS temporary directory outside Actions). */
export async function scratchDir(prefix: string): Promise<string> {
  const base = process.env.RUNNER_TEMP || tmpdir();
  await mkdir(base, { recursive: true });
  return mkdtemp(join(base, `countersign-${prefix}-`));
}

// dist/action-sign.mjs: sign/action.yml and the composite's sign step.
// Exports run(), what dist/action.mjs (scripts/build.ts) and @github/local-action call; loading it runs nothing.
import { runEntry } from './entry.ts';
import { signStep } from './sign.ts';

export async function run(): Promise<void> {
  await runEntry('sign', signStep);
}

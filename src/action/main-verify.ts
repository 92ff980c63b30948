// dist/action-verify.mjs: verify/action.yml and the composite's gate.
// Exports run(), what dist/action.mjs (scripts/build.ts) and @github/local-action call; loading it runs nothing.
import { runEntry } from './entry.ts';
import { verifyStep } from './verify.ts';

export async function run(): Promise<void> {
  await runEntry('verify', verifyStep);
}

// dist/action-build.mjs: build/action.yml and the composite's build step.
// Exports run(), what dist/action.mjs (scripts/build.ts) and @github/local-action call; loading it runs nothing.
import { runEntry } from './entry.ts';
import { buildStep } from './build.ts';

export async function run(): Promise<void> {
  await runEntry('build', buildStep);
}

// dist/action-countersign.mjs: countersign/action.yml and the composite's countersign step.
// Exports run(), what dist/action.mjs (scripts/build.ts) and @github/local-action call; loading it runs nothing.
import { runEntry } from './entry.ts';
import { countersignStep } from './countersign.ts';

export async function run(): Promise<void> {
  await runEntry('countersign', countersignStep);
}

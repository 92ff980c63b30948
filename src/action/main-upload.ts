// dist/action-upload.mjs: the composite's last step with upload-to-release: true.
// Exports run(), what dist/action.mjs (scripts/build.ts) and @github/local-action call; loading it runs nothing.
import { runEntry } from './entry.ts';
import { uploadStep } from './upload.ts';

export async function run(): Promise<void> {
  await runEntry('upload', uploadStep);
}

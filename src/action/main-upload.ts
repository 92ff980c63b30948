// dist/action-upload.mjs: the composite's last step with upload-to-release: true.
import { runEntry } from './entry.ts';
import { uploadStep } from './upload.ts';

await runEntry('upload', uploadStep);

// dist/action-sign.mjs: sign/action.yml and the composite's sign step.
import { runEntry } from './entry.ts';
import { signStep } from './sign.ts';

await runEntry('sign', signStep);

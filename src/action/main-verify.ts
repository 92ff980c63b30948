// dist/action-verify.mjs: verify/action.yml and the composite's gate.
import { runEntry } from './entry.ts';
import { verifyStep } from './verify.ts';

await runEntry('verify', verifyStep);

// dist/action-build.mjs: build/action.yml and the composite's build step.
import { buildStep } from './build.ts';
import { runEntry } from './entry.ts';

await runEntry('build', buildStep);

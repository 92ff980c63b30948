// dist/action-countersign.mjs: countersign/action.yml and the composite's countersign step.
import { countersignStep } from './countersign.ts';
import { runEntry } from './entry.ts';

await runEntry('countersign', countersignStep);

// Shared by: cli-countersign, cli-policy-update, cli-verify (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  emptyState,
  parseState,
  serializeState
} from "./shared-58d15130.mjs";
import {
  writeFileAtomic
} from "./shared-2abda158.mjs";
import {
  readCappedFile
} from "./shared-e09a80f9.mjs";

// src/lib/flows/gate/state-file.ts
var MAX_STATE_BYTES = 1024 * 1024;
async function loadStateFile(path, what = `state file ${path}`) {
  const bytes = await readCappedFile(path, { what, maxBytes: MAX_STATE_BYTES, optional: true });
  return bytes === void 0 ? emptyState() : parseState(bytes, what);
}
async function saveStateFile(path, state) {
  await writeFileAtomic(path, serializeState(state));
}

export {
  loadStateFile,
  saveStateFile
};

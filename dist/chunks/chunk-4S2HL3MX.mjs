import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  emptyState,
  parseState,
  serializeState
} from "./chunk-234HILXT.mjs";
import {
  readInputFile
} from "./chunk-MFF4S6R2.mjs";
import {
  writeFileAtomic
} from "./chunk-5ZB7DBEX.mjs";

// src/cli/state-file.ts
import { stat } from "node:fs/promises";
async function loadStateFile(path) {
  const exists = await stat(path).then(() => true, (err) => err.code === "ENOENT" ? false : Promise.reject(err));
  if (!exists) return emptyState();
  return parseState(await readInputFile(path, "state file", 1024 * 1024), path);
}
async function saveStateFile(path, state) {
  await writeFileAtomic(path, serializeState(state));
}

export {
  loadStateFile,
  saveStateFile
};

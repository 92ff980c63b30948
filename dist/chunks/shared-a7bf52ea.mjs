// Shared by: cli-audit, cli-build, cli-countersign, cli-demo, cli-policy, cli-policy-update, cli-serve, cli-verify (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);

// src/lib/formats/log/note-format.ts
var MAX_NOTE_BYTES = 16 * 1024;
function isValidKeyName(name) {
  return name.length > 0 && name.length <= 256 && !/[\s+]/u.test(name) && !new RegExp("\\p{Cc}", "u").test(name);
}

export {
  MAX_NOTE_BYTES,
  isValidKeyName
};

// Shared by: cli-audit, cli-build, cli-countersign, cli-demo, cli-policy, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-sign, cli-trusted-root, cli-verify, cli-verify-bundle, cli-witness, stack (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  decodeCanonicalBase64
} from "./shared-84c2b3d1.mjs";

// src/lib/formats/log/note-format.ts
var MAX_NOTE_BYTES = 16 * 1024;
function isValidKeyName(name) {
  return name.length > 0 && name.length <= 256 && !/[\s+]/u.test(name) && !new RegExp("\\p{Cc}", "u").test(name);
}
function parseNoteSignatureLine(line) {
  const m = /^— (\S+) ([A-Za-z0-9+/]+=*)$/u.exec(line);
  if (!m) return "line";
  const [, name = "", encoded = ""] = m;
  const blob = decodeCanonicalBase64(encoded);
  return blob && blob.length >= 5 ? { name, blob } : "encoding";
}

export {
  MAX_NOTE_BYTES,
  isValidKeyName,
  parseNoteSignatureLine
};

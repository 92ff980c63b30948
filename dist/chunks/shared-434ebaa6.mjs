// Shared by: cli-audit, cli-build, cli-countersign, cli-policy, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-sign, cli-trusted-root, cli-verify, cli-verify-bundle (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  POLICY_LIMIT_RANGES
} from "./shared-31413875.mjs";
import {
  readCappedFile
} from "./shared-e09a80f9.mjs";

// src/cli/io.ts
async function readInputFile(path, what, maxBytes) {
  return readCappedFile(path, { what: `${what} ${path}`, maxBytes });
}
async function readBundleFile(path) {
  return readInputFile(path, "bundle", POLICY_LIMIT_RANGES.maxBundleBytes[1]);
}

export {
  readInputFile,
  readBundleFile
};

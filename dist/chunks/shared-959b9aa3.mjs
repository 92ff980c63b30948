// Shared by: cli-audit, cli-build, cli-countersign, cli-policy, cli-policy-diff, cli-policy-update, cli-sign, cli-verify, cli-verify-bundle (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  POLICY_LIMIT_RANGES
} from "./shared-ef15c4ee.mjs";
import {
  readCappedFile
} from "./shared-1abd220a.mjs";

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

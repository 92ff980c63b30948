// Shared by: cli-build, cli-dispatch, cli-policy, cli-verify-bundle (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  InputError,
  VerificationError
} from "./shared-f525ae91.mjs";

// src/cli/errors.ts
function reportFatal(err) {
  if (err instanceof VerificationError) {
    console.error(`countersign: rejected [${err.code}]: ${err.message}`);
    return 1;
  }
  if (err instanceof InputError) {
    console.error(`countersign: ${err.message}`);
    return 2;
  }
  const e = err;
  if (e && typeof e === "object" && typeof e.code === "string" && e.code.startsWith("ERR_PARSE_ARGS")) {
    console.error(`countersign: ${e.message} (see 'countersign <verb> --help')`);
    return 2;
  }
  if (e && typeof e === "object" && typeof e.code === "string" && typeof e.path === "string") {
    console.error(`countersign: ${e.path}: ${e.message}`);
    return 2;
  }
  console.error(`countersign: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  return 2;
}

export {
  reportFatal
};

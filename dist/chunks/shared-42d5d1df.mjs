// Shared by: cli-build, cli-dispatch, cli-keygen, cli-policy, cli-trusted-root, cli-verify-bundle (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  InputError,
  VerificationError
} from "./shared-c0077619.mjs";

// src/lib/basics/errors/failure.ts
function describeFailure(err) {
  if (err instanceof VerificationError)
    return { kind: "rejected", code: err.code, line: `rejected [${err.code}]: ${err.message}` };
  if (err instanceof InputError) return { kind: "input", code: err.code, line: err.message };
  const e = err;
  if (e && typeof e === "object" && typeof e.code === "string" && typeof e.path === "string")
    return { kind: "input", line: `${e.path}: ${e.message}` };
  const message = err instanceof Error ? err.message : String(err);
  return {
    kind: "internal",
    line: `internal error: ${message}`,
    ...err instanceof Error && err.stack ? { stack: err.stack } : {}
  };
}

// src/cli/errors.ts
function reportFatal(err) {
  if (err instanceof Error && "code" in err && typeof err.code === "string" && err.code.startsWith("ERR_PARSE_ARGS")) {
    console.error(`countersign: ${err.message} (see 'countersign <verb> --help')`);
    return 2;
  }
  const f = describeFailure(err);
  console.error(`countersign: ${f.kind === "internal" && f.stack ? `internal error: ${f.stack}` : f.line}`);
  return f.kind === "rejected" ? 1 : 2;
}

export {
  reportFatal
};

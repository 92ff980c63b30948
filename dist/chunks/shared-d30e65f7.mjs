// Shared by: cli-audit, cli-countersign, cli-keygen, cli-policy, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-sign, cli-stack, cli-trusted-root, cli-verify, cli-witness (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);

// src/cli/usage.ts
function usageError(verb, message) {
  console.error(`countersign ${verb}: ${message} (see 'countersign ${verb} --help')`);
  return 2;
}

export {
  usageError
};

// Shared by: cli-countersign, cli-serve, cli-verify (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  emptyState,
  recordAccepted
} from "./shared-58d15130.mjs";
import {
  runPipeline
} from "./shared-20c62e75.mjs";

// src/lib/flows/gate/gate.ts
async function gate(bundle, input) {
  const { report } = await runPipeline(bundle, input);
  if (report.outcome !== "verified" || !report.statement) return { report };
  return { report, newState: acceptedState(input.state, report.statement, input.policy) };
}
function acceptedState(state, statement, policy) {
  return recordAccepted(state ?? emptyState(), statement.stream, statement.version, statement.digest.replace(/^sha256:/, ""), policy.version);
}

export {
  gate,
  acceptedState
};

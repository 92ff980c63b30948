// Shared by: cli-countersign, cli-serve, cli-verify (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  emptyState,
  recordAccepted
} from "./shared-58d15130.mjs";
import {
  runPipeline
} from "./shared-20c62e75.mjs";
import {
  InputError
} from "./shared-c0077619.mjs";

// src/lib/flows/gate/gate.ts
async function gate(bundle, input) {
  const expected = expectationFor(
    input.policy,
    input.expect,
    input.expectNames ?? { stream: "expect.stream", kind: "expect.kind" }
  );
  const { report } = await runPipeline(bundle, { ...input, expect: expected });
  if (report.outcome !== "verified" || !report.statement) return { report, expected };
  return { report, newState: acceptedState(input.state, report.statement, input.policy), expected };
}
function expectationFor(policy, expect, names) {
  const list = (items) => items.slice(0, 8).join(", ") + (items.length > 8 ? ", \u2026" : "");
  const kind = expect?.kind;
  const stream = expect?.stream ?? (policy.streams.length === 1 ? policy.streams[0] : void 0);
  if (stream === void 0) {
    throw new InputError(
      "expected-stream-missing",
      `the policy allows ${policy.streams.length} streams (${list(policy.streams)}): say which one you expect with ${names.stream}`
    );
  }
  if (!policy.streams.includes(stream)) {
    throw new InputError(
      "expected-not-allowed",
      `${names.stream} names a stream the policy does not allow: ${JSON.stringify(stream.slice(0, 200))} (it allows ${list(policy.streams)})`
    );
  }
  if (kind !== void 0 && !policy.kinds.includes(kind)) {
    throw new InputError(
      "expected-not-allowed",
      `${names.kind} names a kind the policy does not allow: ${JSON.stringify(kind.slice(0, 200))} (it allows ${list(policy.kinds)})`
    );
  }
  return { stream, ...kind !== void 0 ? { kind } : {} };
}
function acceptedState(state, statement, policy) {
  return recordAccepted(
    state ?? emptyState(),
    statement.stream,
    statement.version,
    statement.digest.replace(/^sha256:/, ""),
    policy.version
  );
}

export {
  gate,
  acceptedState
};

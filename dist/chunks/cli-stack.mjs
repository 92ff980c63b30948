import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  usageError
} from "./shared-ed14cf75.mjs";
import {
  writeFileAtomic
} from "./shared-c2330f2a.mjs";
import {
  parseVerbArgs
} from "./shared-0776c14a.mjs";
import "./shared-92dc4500.mjs";
import "./shared-18cfce56.mjs";

// src/cli/stack.ts
import { dirname, resolve } from "node:path";
var USAGE = `usage: countersign stack [--out FILE] [--job-workflow-ref REF] [--caller-workflow-ref REF] [--issuer URL]

Runs a local Sigstore stack on 127.0.0.1 (an OIDC issuer shaped like GitHub Actions' token
endpoint, Fulcio, Rekor and an RFC 3161 timestamp authority) until interrupted, and writes
its description (URLs, trusted root path, token endpoint) as JSON for --sigstore FILE.
The trusted root is written beside FILE as trusted_root.json and kept after exit.

  --out FILE               where to write the description (default: stack.json)
  --job-workflow-ref REF   identity of the tokens (default:
                           acme/app/.github/workflows/release.yml@refs/heads/main)
  --caller-workflow-ref REF  make every token a reusable-workflow call of that workflow
                           by this one of another repository (OWNER/REPO/.github/workflows/
                           FILE@REF): the same identity, the caller's repository claims
  --issuer URL             the tokens' iss (default: https://token.actions.githubusercontent.com)

For tests and demos only: keys are made at start and discarded at exit.`;
async function run(argv) {
  const { values } = parseVerbArgs(
    "stack",
    argv,
    {
      out: { type: "string", default: "stack.json" },
      "job-workflow-ref": { type: "string" },
      "caller-workflow-ref": { type: "string" },
      issuer: { type: "string" },
      help: { type: "boolean", short: "h" }
    },
    { positionals: false }
  );
  if (values.help) return console.log(USAGE), 0;
  const { startStack } = await import("./stack.mjs");
  const out = resolve(values.out);
  let stack;
  try {
    stack = await startStack({
      ...values["job-workflow-ref"] !== void 0 ? { jobWorkflowRef: values["job-workflow-ref"] } : {},
      ...values["caller-workflow-ref"] !== void 0 ? { callerWorkflowRef: values["caller-workflow-ref"] } : {},
      ...values.issuer !== void 0 ? { issuer: values.issuer } : {},
      dir: dirname(out)
    });
  } catch (err) {
    return usageError("stack", err.message);
  }
  const stopped = waitForSignal();
  try {
    await writeFileAtomic(out, `${JSON.stringify(stack.description, null, 2)}
`, { mode: 384 });
    const d = stack.description;
    console.log(`countersign stack: listening on 127.0.0.1
  fulcio   ${d.fulcioUrl}
  rekor    ${d.rekorUrl}
  tsa      ${d.tsaUrl}
  tokens   ${d.tokenUrl}
  identity ${d.identity}
  source   ${stack.sourceRepository.repository} (policy init --source-repository-id ${stack.sourceRepository.repositoryId} --source-repository-owner-id ${stack.sourceRepository.repositoryOwnerId})
  issuer   ${d.issuer}
description: ${out}
trusted root: ${d.trustedRoot}
Press Ctrl-C to stop.`);
    const signal = await stopped;
    console.log(`countersign stack: ${signal}, shutting down`);
  } finally {
    await stack.close();
  }
  return 0;
}
function waitForSignal() {
  return new Promise((resolveSignal) => {
    const onSignal = (signal) => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      resolveSignal(signal);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}
export {
  USAGE,
  run
};

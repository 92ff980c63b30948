import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  loadStateFile,
  recordAccepted,
  saveStateFile
} from "./shared-11f82d0e.mjs";
import {
  loadPolicyFile
} from "./shared-f61c8803.mjs";
import {
  exitCodeOf,
  runPipeline
} from "./shared-20c62e75.mjs";
import "./shared-868235cf.mjs";
import "./shared-98eab3f9.mjs";
import "./shared-ee69d299.mjs";
import "./shared-a7bf52ea.mjs";
import "./shared-aee9c4ce.mjs";
import {
  readBundleFile
} from "./shared-e9f0868a.mjs";
import {
  usageError
} from "./shared-7cbc52b0.mjs";
import "./shared-08d889f0.mjs";
import "./shared-d54b2595.mjs";
import "./shared-98309fbc.mjs";
import "./shared-36064810.mjs";
import "./shared-f585a028.mjs";
import {
  sha256Hex
} from "./shared-2868a1ae.mjs";
import "./shared-c2330f2a.mjs";
import "./shared-32ea4c3b.mjs";
import "./shared-f525ae91.mjs";
import "./shared-dcbfea3f.mjs";

// src/cli/verify.ts
import { parseArgs } from "node:util";

// src/cli/report-text.ts
var MARK = { pass: "ok  ", fail: "FAIL", pending: "WAIT", skipped: "skip" };
var HEADLINE = { verified: "VERIFIED", rejected: "REJECTED", "pending-countersign": "PENDING COUNTERSIGNATURE", error: "ERROR" };
function formatReport(report, what) {
  const lines = [`${HEADLINE[report.outcome]}: ${what}`];
  const width = Math.max(...report.checks.map((c) => c.check.length));
  for (const c of report.checks) {
    lines.push(`  ${MARK[c.result]} ${c.check.padEnd(width)}  ${c.code && c.result !== "pass" ? `[${c.code}] ` : ""}${c.message}`);
    if (c.result === "fail" || c.result === "pending") {
      if (c.expected !== void 0) lines.push(`       ${"".padEnd(width)}  expected: ${c.expected}`);
      if (c.found !== void 0) lines.push(`       ${"".padEnd(width)}  found:    ${c.found}`);
    }
  }
  if (report.statement) {
    const s = report.statement;
    lines.push(`  statement ${s.digest}: ${s.kind} ${s.stream} v${s.version}, ${s.subjects.length} subject(s), expires ${s.expiresAt}`);
  }
  if (report.primary) lines.push(`  signed by ${report.primary.identity} (issuer ${report.primary.issuer})`);
  for (const c of report.countersigners?.signed ?? []) lines.push(`  countersigned by ${c.organisation}: ${c.name} ${c.keyId} at ${c.signedAt}`);
  const cs = report.countersigners;
  if (cs) {
    const needed = cs.threshold === void 0 ? "" : ` (${cs.organisations.length} of ${cs.threshold} required)`;
    lines.push(`  organisations signed: ${cs.organisations.join(", ") || "none"}${needed}; missing: ${cs.missing.join(", ") || "none"}`);
    if (cs.authorisedBy === "fallback") lines.push(`  authorised by the emergency fallback signer set: ${(cs.fallbackOrganisations ?? []).join(", ")}`);
  }
  if (report.rotation) {
    const r = report.rotation;
    lines.push(`  rotation: policy version ${r.fromVersion} -> ${r.toVersion} (${r.policyDigest})${r.addedKeys.length ? `, added keys proved: ${r.addedKeys.join(", ")}` : ""}; apply it with 'countersign policy update'`);
  }
  if (report.outcome === "pending-countersign") lines.push("  next: have a pinned countersigner run `countersign countersign` on this bundle");
  return lines.join("\n");
}

// src/cli/verify.ts
var USAGE = `usage: countersign verify BUNDLE --policy FILE [--state FILE] [--json] [--base DIR] [PATH...]

Verifies a countersigned bundle: the primary Sigstore signature and identity, the
countersignatures (threshold of distinct organisations), the statement (kind, stream,
expiry, version) and, when PATHs are given, that every file is a subject and every
subject is present.

  --policy FILE   the pinned policy (required)
  --state FILE    client state: reject a version older than the last accepted one for the
                  stream (and a policy older than the last one verified under), and record
                  this version and the policy version after success (created if missing)
  --json          print the whole report as JSON on stdout
  --base DIR      directory that subject names are relative to (default: current directory)

Exit codes: 0 verified, 1 rejected or pending countersignature, 2 could not run.`;
async function run(argv) {
  return (await verifyCommand(argv)).exitCode;
}
async function verifyCommand(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      policy: { type: "string" },
      state: { type: "string" },
      json: { type: "boolean", default: false },
      base: { type: "string" },
      help: { type: "boolean", short: "h" }
    }
  });
  if (values.help) return console.log(USAGE), { exitCode: 0 };
  const [bundlePath, ...paths] = positionals;
  if (!bundlePath) return { exitCode: usageError("verify", "missing BUNDLE") };
  if (!values.policy) return { exitCode: usageError("verify", "missing --policy FILE") };
  const policy = await loadPolicyFile(values.policy);
  const state = values.state ? await loadStateFile(values.state) : void 0;
  const bytes = await readBundleFile(bundlePath);
  const artifacts = paths.length > 0 ? await (await import("./lib-formats-subjects.mjs")).collectSubjects(paths, { base: values.base ?? process.cwd(), maxFiles: policy.limits.maxSubjects }) : void 0;
  const result = await runPipeline(bytes, { policy, state, artifacts, what: bundlePath });
  const { report } = result;
  if (report.outcome === "verified" && values.state && state && result.statement && result.statementBytes) {
    const p = result.statement.predicate;
    await saveStateFile(values.state, recordAccepted(state, p.stream, p.version, sha256Hex(result.statementBytes), policy.version));
  }
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else console.log(formatReport(report, bundlePath));
  return { exitCode: exitCodeOf(report.outcome), report };
}
export {
  USAGE,
  run,
  verifyCommand
};

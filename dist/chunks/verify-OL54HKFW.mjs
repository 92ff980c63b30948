import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  loadStateFile,
  saveStateFile
} from "./chunk-4S2HL3MX.mjs";
import "./chunk-5XPWTY7E.mjs";
import {
  exitCodeOf,
  recordAccepted,
  runPipeline
} from "./chunk-234HILXT.mjs";
import "./chunk-K6434TDR.mjs";
import "./chunk-K5ORN4NG.mjs";
import {
  loadPolicyFile
} from "./chunk-ZVOXDYN3.mjs";
import "./chunk-PPZ7WV4W.mjs";
import "./chunk-NTP22G6I.mjs";
import {
  readBundleFile
} from "./chunk-MFF4S6R2.mjs";
import {
  usageError
} from "./chunk-KNWMKP63.mjs";
import "./chunk-U4TYAZ75.mjs";
import "./chunk-RPVR76TW.mjs";
import "./chunk-JETMUDQJ.mjs";
import "./chunk-BFEGAZ5M.mjs";
import "./chunk-FQFFDUTU.mjs";
import "./chunk-I7YNERAT.mjs";
import {
  sha256Hex
} from "./chunk-ROP22AZE.mjs";
import "./chunk-5ZB7DBEX.mjs";
import "./chunk-TJDL75NB.mjs";
import "./chunk-AKRWTDNC.mjs";
import "./chunk-6PP3T4LB.mjs";

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
  const artifacts = paths.length > 0 ? await (await import("./digest-AKBV5W6S.mjs")).collectSubjects(paths, { base: values.base ?? process.cwd(), maxFiles: policy.limits.maxSubjects }) : void 0;
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

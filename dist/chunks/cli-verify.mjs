import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  gate
} from "./shared-d0d2b81b.mjs";
import {
  loadStateFile,
  saveStateFile
} from "./shared-11f82d0e.mjs";
import "./shared-58d15130.mjs";
import {
  exitCodeOf
} from "./shared-20c62e75.mjs";
import "./shared-98eab3f9.mjs";
import "./shared-c9b31025.mjs";
import "./shared-c6dbb844.mjs";
import "./shared-d54b2595.mjs";
import {
  loadPolicyFile
} from "./shared-79af2afc.mjs";
import "./shared-4746e858.mjs";
import "./shared-5bacc2e4.mjs";
import "./shared-e181c389.mjs";
import "./shared-39a15262.mjs";
import "./shared-f06d4d30.mjs";
import "./shared-8e434138.mjs";
import "./shared-2abda158.mjs";
import "./shared-96f97add.mjs";
import "./shared-4bd08542.mjs";
import "./shared-d5665511.mjs";
import {
  readBundleFile
} from "./shared-434ebaa6.mjs";
import "./shared-2f63fab4.mjs";
import "./shared-31413875.mjs";
import "./shared-a58ce1e9.mjs";
import {
  usageError
} from "./shared-d30e65f7.mjs";
import {
  parseVerbArgs
} from "./shared-25dfcc74.mjs";
import "./shared-e09a80f9.mjs";
import "./shared-5310986a.mjs";
import "./shared-2b0dfa9f.mjs";
import "./shared-f3698323.mjs";
import "./shared-84c2b3d1.mjs";
import "./shared-c0077619.mjs";
import "./shared-2bfe6f66.mjs";

// src/cli/report-text.ts
var MARK = { pass: "ok  ", fail: "FAIL", pending: "WAIT", skipped: "skip", "not-checked": "--  " };
var HEADLINE = {
  verified: "VERIFIED",
  rejected: "REJECTED",
  "pending-countersign": "PENDING COUNTERSIGNATURE",
  error: "ERROR"
};
function formatReport(report, what) {
  const lines = [`${HEADLINE[report.outcome]}: ${what}`];
  const width = Math.max(...report.checks.map((c) => c.check.length));
  for (const c of report.checks) {
    lines.push(
      `  ${MARK[c.result]} ${c.check.padEnd(width)}  ${c.code && c.result !== "pass" ? `[${c.code}] ` : ""}${c.message}`
    );
    if (c.result === "fail" || c.result === "pending") {
      if (c.expected !== void 0) lines.push(`       ${"".padEnd(width)}  expected: ${c.expected}`);
      if (c.found !== void 0) lines.push(`       ${"".padEnd(width)}  found:    ${c.found}`);
    }
  }
  if (report.statement) {
    const s = report.statement;
    lines.push(
      `  statement ${s.digest}: ${s.kind} ${s.stream} v${s.version}, ${s.subjects.length} subject(s), expires ${s.expiresAt}`
    );
  }
  if (report.primary) lines.push(`  signed by ${report.primary.identity} (issuer ${report.primary.issuer})`);
  for (const c of report.countersigners?.signed ?? [])
    lines.push(`  countersigned by ${c.organisation}: ${c.name} ${c.keyId} at ${c.signedAt}`);
  const cs = report.countersigners;
  if (cs) {
    const needed = cs.threshold === void 0 ? "" : ` (${cs.organisations.length} of ${cs.threshold} required)`;
    lines.push(
      `  organisations signed: ${cs.organisations.join(", ") || "none"}${needed}; missing: ${cs.missing.join(", ") || "none"}`
    );
    if (cs.authorisedBy === "fallback")
      lines.push(`  authorised by the emergency fallback signer set: ${(cs.fallbackOrganisations ?? []).join(", ")}`);
  }
  if (report.rotation) {
    const r = report.rotation;
    lines.push(
      `  rotation: policy version ${r.fromVersion} -> ${r.toVersion} (${r.policyDigest})${r.addedKeys.length ? `, added keys proved: ${r.addedKeys.join(", ")}` : ""}; apply it with 'countersign policy update'`
    );
  }
  if (report.outcome === "pending-countersign")
    lines.push("  next: have a pinned countersigner run `countersign countersign` on this bundle");
  return lines.join("\n");
}

// src/cli/verify.ts
var USAGE = `usage: countersign verify --policy FILE [--stream S] [--kind K] [--state FILE] [--json] [--base DIR] BUNDLE [-- PATH...]

Verifies a countersigned bundle: the primary Sigstore signature and identity, the
countersignatures (threshold of distinct organisations), the statement (kind, stream,
expiry, version) and, when PATHs are given, that every file is a subject and every
subject is present.

  --policy FILE   the pinned policy (required)
  --stream S      the stream you expect the bundle to be of (owner/name:channel); required
                  when the policy allows more than one stream: a bundle of another stream
                  the policy allows is rejected (statement-stream-unexpected)
  --kind K        the kind you expect (binary-digest, fleet-key, config-change,
                  authority-rotation); optional
  --state FILE    client state: reject a version older than the last accepted one for the
                  stream (and a policy older than the last one verified under), and record
                  this version and the policy version after success (created if missing)
  --json          print the whole report as JSON on stdout
  --base DIR      directory that subject names are relative to (default: current directory);
                  a PATH may be relative to DIR or absolute inside it

Checking a release directory: every file under the PATHs must be a subject and every subject
must be there. Give the directory as A's build named it, from the same place. A statement
made by 'countersign build ... -- dist/' names dist/app.tar.gz, so:
  countersign verify --policy policy.json --stream acme/app:stable release.countersigned.json -- dist/
made by 'countersign build --base dist ... -- .' (names without dist/), so:
  countersign verify --policy policy.json --stream acme/app:stable --base dist release.countersigned.json -- .
Keep the bundle out of the directory (a file that is not a subject is rejected:
subject-unexpected-file). Without PATHs no file is checked (subjects: not-checked).

In scripts and CI gates, give the options first and '--' before the files, above all a glob:
  countersign verify --policy P --state S BUNDLE -- *
After '--' every argument is a PATH, even one named --help or --policy=x. Before it, a file
named like an option is taken as one: an option given twice, or --help with anything else,
is refused (exit 2), but one the script did not give (--base=x) would be used.

Exit codes: 0 verified, 1 rejected or pending countersignature, 2 could not run.`;
async function run(argv) {
  return (await verifyCommand(argv)).exitCode;
}
async function verifyCommand(argv) {
  const { values, positionals } = parseVerbArgs("verify", argv, {
    policy: { type: "string" },
    stream: { type: "string" },
    kind: { type: "string" },
    state: { type: "string" },
    json: { type: "boolean", default: false },
    base: { type: "string" },
    help: { type: "boolean", short: "h" }
  });
  if (values.help) return console.log(USAGE), { exitCode: 0 };
  const [bundlePath, ...paths] = positionals;
  if (!bundlePath) return { exitCode: usageError("verify", "missing BUNDLE") };
  if (!values.policy) return { exitCode: usageError("verify", "missing --policy FILE") };
  const policy = await loadPolicyFile(values.policy);
  const state = values.state ? await loadStateFile(values.state) : void 0;
  const bytes = await readBundleFile(bundlePath);
  const artifacts = paths.length > 0 ? await (await import("./lib-formats-subjects.mjs")).collectSubjects(paths, {
    base: values.base ?? process.cwd(),
    baseLabel: "--base",
    maxFiles: policy.limits.maxSubjects
  }) : void 0;
  const expect = { stream: values.stream, kind: values.kind };
  const { report, newState } = await gate(bytes, {
    policy,
    state,
    artifacts,
    what: bundlePath,
    expect,
    expectNames: { stream: "--stream", kind: "--kind" }
  });
  if (values.state && newState) await saveStateFile(values.state, newState);
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else console.log(formatReport(report, bundlePath));
  return { exitCode: exitCodeOf(report.outcome), report };
}
export {
  USAGE,
  run,
  verifyCommand
};

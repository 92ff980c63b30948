import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  controlChanges,
  diffPolicies,
  peekRotation,
  reviewLines
} from "./shared-14079368.mjs";
import {
  policyDocument
} from "./shared-4746e858.mjs";
import "./shared-5bacc2e4.mjs";
import "./shared-e181c389.mjs";
import "./shared-39a15262.mjs";
import "./shared-2a468d80.mjs";
import {
  escapeUnusual
} from "./shared-96f97add.mjs";
import "./shared-4bd08542.mjs";
import {
  POLICY_MEDIA_TYPE
} from "./shared-d5665511.mjs";
import {
  readBundleFile,
  readInputFile
} from "./shared-434ebaa6.mjs";
import "./shared-2f63fab4.mjs";
import {
  MAX_POLICY_BYTES
} from "./shared-31413875.mjs";
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

// src/cli/policy-diff.ts
var DIFF_USAGE = `usage: countersign policy diff CURRENT NEW [--organisation ORG] [--json]

diff: prints what NEW changes against CURRENT, one line per change, in words: the policy
version, the primary signer (issuer, identity or pattern, GitHub claims), the Sigstore trusted
root (certificate and timestamp authorities, transparency logs: added, removed, URL, key or
validity changed), the countersigner keys (by key id: organisation, name, validity, log
requirement), the organisations that count, the threshold, the emergency fallback set, the
allowed kinds and streams, and the limits. Values from the files are quoted, and every
character outside printable ASCII is escaped (\\u{...}).
  CURRENT                the policy pinned now
  NEW                    the new policy, or an authority-rotation bundle (its carried policy)
  --organisation ORG     also say whether NEW keeps ORG in control as CURRENT does (its keys,
                         log requirement, the threshold, the other keys, the fallback set)
  --json                 the structured diff as JSON

Organisation B reads this before it countersigns a rotation, offline, with
'countersign countersign ROTATION --key FILE --policy CURRENT --approve-rotation sha256:<NEW's digest>'.

Exit codes: 0 printed, 2 bad input.`;
async function diff(argv) {
  const { values, positionals } = parseVerbArgs("policy diff", argv, {
    organisation: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" }
  });
  if (values.help) return console.log(DIFF_USAGE), 0;
  const fail = (message) => usageError("policy diff", message);
  if (positionals.length < 2) return fail(positionals.length === 0 ? "missing CURRENT and NEW" : "missing NEW");
  if (positionals.length > 2) return fail(`unexpected argument ${JSON.stringify(positionals[2])}`);
  const [currentPath, nextPath] = positionals;
  const current = policyDocument(await readInputFile(currentPath, "policy", MAX_POLICY_BYTES), currentPath);
  const { document: next, fromRotation } = await readNewPolicy(nextPath, current.policy);
  const structured = diffPolicies(current.policy, next.policy);
  const { organisation } = values;
  const control = organisation === void 0 ? void 0 : { organisation, reasons: controlChanges(current.policy, next.policy, organisation) };
  if (values.json) {
    console.log(
      JSON.stringify(
        {
          current: { path: currentPath, digest: `sha256:${current.digest}`, version: current.policy.version },
          new: { path: nextPath, digest: `sha256:${next.digest}`, version: next.policy.version, fromRotation },
          trustedRoot: { from: structured.from.trustedRootDigest, to: structured.to.trustedRootDigest },
          changes: structured.changes,
          ...control ? {
            organisation: {
              name: control.organisation,
              keepsControl: control.reasons.length === 0,
              changes: control.reasons
            }
          } : {}
        },
        null,
        2
      )
    );
    return 0;
  }
  console.log(
    [
      escapeUnusual(`current: ${currentPath} (policy version ${current.policy.version}, sha256:${current.digest})`),
      escapeUnusual(
        `new:     ${nextPath}${fromRotation ? " (the policy its authority rotation carries)" : ""} (policy version ${next.policy.version}, sha256:${next.digest})`
      ),
      ...reviewLines(current.policy, next, control)
    ].join("\n")
  );
  return 0;
}
async function readNewPolicy(path, current) {
  const bytes = await readBundleFile(path);
  if (bytes.byteLength <= MAX_POLICY_BYTES && mediaTypeOf(bytes) === POLICY_MEDIA_TYPE)
    return { document: policyDocument(bytes, path), fromRotation: false };
  const rotation = peekRotation(bytes, current, path);
  if (rotation) return { document: rotation, fromRotation: true };
  return { document: policyDocument(bytes, path), fromRotation: false };
}
function mediaTypeOf(bytes) {
  try {
    const json = JSON.parse(new TextDecoder().decode(bytes));
    return typeof json === "object" && json !== null ? json.mediaType : void 0;
  } catch {
    return void 0;
  }
}
export {
  DIFF_USAGE,
  diff
};

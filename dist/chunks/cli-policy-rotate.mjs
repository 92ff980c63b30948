import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  diffPolicies,
  reviewLines
} from "./shared-14079368.mjs";
import {
  policyDocument
} from "./shared-4746e858.mjs";
import "./shared-5bacc2e4.mjs";
import "./shared-e181c389.mjs";
import "./shared-39a15262.mjs";
import {
  TRUSTED_ROOT_MAX_BYTES,
  loadTrustedRoot
} from "./shared-f06d4d30.mjs";
import "./shared-8e434138.mjs";
import {
  writeFileAtomic
} from "./shared-2abda158.mjs";
import "./shared-2a468d80.mjs";
import {
  escapeUnusual
} from "./shared-96f97add.mjs";
import "./shared-4bd08542.mjs";
import "./shared-d5665511.mjs";
import {
  readInputFile
} from "./shared-434ebaa6.mjs";
import "./shared-2f63fab4.mjs";
import {
  MAX_POLICY_BYTES,
  parseStrictJson
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
import {
  InputError
} from "./shared-c0077619.mjs";
import "./shared-2bfe6f66.mjs";

// src/cli/policy-rotate.ts
var ROTATE_USAGE = `usage: countersign policy rotate --trusted-root NEW_ROOT --current POLICY --out NEW_POLICY [--force]

rotate: writes the next policy for a change of the Sigstore trusted root: POLICY with its
version one higher and NEW_ROOT as its trusted root, nothing else changed, and prints what
changes (as 'countersign policy diff' does). NEW_ROOT must be a valid Sigstore trusted root
(a trusted_root.json; 'countersign policy check-trusted-root POLICY' says when the pinned one
is no longer current). Then publish it as any rotation:
'countersign build --kind authority-rotation --policy NEW_POLICY --current POLICY', sign,
countersign (B reviews the same diff), and hand the rotation to clients.
  --trusted-root NEW_ROOT  the new Sigstore trusted_root.json
  --current POLICY         the policy pinned now
  --out NEW_POLICY         where to write the next policy (atomically)
  --force                  replace NEW_POLICY if it exists

Exit codes: 0 written, 2 bad input (NEW_ROOT not a trusted root, the same root as POLICY's,
NEW_POLICY exists).`;
async function rotate(argv) {
  const { values, positionals } = parseVerbArgs("policy rotate", argv, {
    "trusted-root": { type: "string" },
    current: { type: "string" },
    out: { type: "string" },
    force: { type: "boolean" },
    help: { type: "boolean", short: "h" }
  });
  if (values.help) return console.log(ROTATE_USAGE), 0;
  const fail = (message) => usageError("policy rotate", message);
  if (positionals.length > 0) return fail(`unexpected argument ${JSON.stringify(positionals[0])}`);
  const rootPath = values["trusted-root"];
  if (!rootPath) return fail("missing --trusted-root NEW_ROOT");
  if (!values.current) return fail("missing --current POLICY");
  if (!values.out) return fail("missing --out NEW_POLICY");
  const current = policyDocument(await readInputFile(values.current, "policy", MAX_POLICY_BYTES), values.current);
  const root = parseStrictJson(await readInputFile(rootPath, "trusted root", TRUSTED_ROOT_MAX_BYTES), rootPath, {
    maxBytes: TRUSTED_ROOT_MAX_BYTES,
    maxDepth: 32
  });
  loadTrustedRoot(root, rootPath);
  const document = parseStrictJson(current.bytes, values.current, {
    maxBytes: MAX_POLICY_BYTES,
    maxDepth: 64
  });
  const text = `${JSON.stringify({ ...document, version: current.policy.version + 1, trustedRoot: root }, null, 2)}
`;
  const next = policyDocument(new TextEncoder().encode(text), values.out);
  const { from, to } = diffPolicies(current.policy, next.policy);
  if (from.trustedRootDigest === to.trustedRootDigest)
    throw new InputError(
      "input-malformed",
      `${rootPath}: the trusted root ${values.current} pins already: nothing to rotate`
    );
  try {
    await writeFileAtomic(values.out, text, { exclusive: !values.force });
  } catch (err) {
    if (err.code === "EEXIST")
      throw new InputError("output-exists", `${values.out}: already exists (use --force to replace it)`);
    throw err;
  }
  console.log(
    [
      escapeUnusual(`current: ${values.current} (policy version ${current.policy.version}, sha256:${current.digest})`),
      escapeUnusual(`new:     ${values.out} (policy version ${next.policy.version}, sha256:${next.digest})`),
      ...reviewLines(current.policy, next)
    ].join("\n")
  );
  console.error(
    `wrote ${values.out}; next: countersign build --kind authority-rotation --policy ${values.out} --current ${values.current} --stream STREAM --out rotation.json`
  );
  return 0;
}
export {
  ROTATE_USAGE,
  rotate
};

import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  loadStateFile,
  saveStateFile
} from "./shared-11f82d0e.mjs";
import {
  recordPolicyVersion
} from "./shared-58d15130.mjs";
import {
  usageError
} from "./shared-ed14cf75.mjs";
import {
  MAX_ROTATIONS,
  followRotations
} from "./shared-f7ebb2b6.mjs";
import "./shared-4188714e.mjs";
import "./shared-20c62e75.mjs";
import "./shared-868235cf.mjs";
import "./shared-d54b2595.mjs";
import "./shared-309f26f9.mjs";
import "./shared-98eab3f9.mjs";
import "./shared-98309fbc.mjs";
import {
  policyDocument
} from "./shared-8747b24f.mjs";
import "./shared-b361fd30.mjs";
import "./shared-7eda6b41.mjs";
import "./shared-a274f2b0.mjs";
import {
  writeFileAtomic
} from "./shared-c2330f2a.mjs";
import "./shared-80ab9d1c.mjs";
import "./shared-6bbc863f.mjs";
import {
  readBundleFile,
  readInputFile
} from "./shared-959b9aa3.mjs";
import "./shared-7a359f32.mjs";
import "./shared-a1ee2870.mjs";
import {
  MAX_POLICY_BYTES
} from "./shared-ef15c4ee.mjs";
import "./shared-d96130d7.mjs";
import "./shared-197306b2.mjs";
import "./shared-ceef7eae.mjs";
import {
  parseVerbArgs
} from "./shared-0776c14a.mjs";
import "./shared-013b5e69.mjs";
import "./shared-1abd220a.mjs";
import {
  VerificationError
} from "./shared-92dc4500.mjs";
import "./shared-18cfce56.mjs";

// src/cli/policy-update.ts
var UPDATE_USAGE = `usage: countersign policy update --current FILE --rotation BUNDLE [--rotation BUNDLE ...] --out FILE [--state FILE]

update: follows authority rotations, in the order given, from the current policy and writes
the resulting policy. Each rotation must verify under the policy before it (primary identity,
its countersignature threshold or, in an emergency, its fallback signer set) and be
countersigned by every key the new policy adds, and must install exactly the next version.
  --current FILE     the policy pinned now
  --rotation BUNDLE  an authority-rotation bundle (repeatable, at most ${MAX_ROTATIONS}), oldest first;
                     one that installs the policy already held is skipped
  --out FILE         where to write the resulting policy (may be --current itself)
  --state FILE       client state: refuse a current policy older than the one recorded,
                     and record the new policy version after writing

Exit codes: 0 updated (or already current), 1 a rotation refused (nothing written), 2 bad input.`;
async function update(argv) {
  const { values, positionals } = parseVerbArgs("policy update", argv, {
    current: { type: "string" },
    rotation: { type: "string", multiple: true },
    out: { type: "string" },
    state: { type: "string" },
    help: { type: "boolean", short: "h" }
  });
  if (values.help) return console.log(UPDATE_USAGE), 0;
  const fail = (message) => usageError("policy update", message);
  if (positionals.length > 0) return fail(`unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.current) return fail("missing --current FILE");
  if (!values.rotation?.length) return fail("missing --rotation BUNDLE");
  if (!values.out) return fail("missing --out FILE");
  if (values.rotation.length > MAX_ROTATIONS) {
    console.error(
      `countersign policy update: refused [rotation-chain-too-long]: ${values.rotation.length} rotations given, more than the cap of ${MAX_ROTATIONS}; nothing written`
    );
    return 1;
  }
  const current = policyDocument(await readInputFile(values.current, "policy", MAX_POLICY_BYTES), values.current);
  const state = values.state ? await loadStateFile(values.state) : void 0;
  const rotations = [];
  for (const file of values.rotation) rotations.push({ bytes: await readBundleFile(file), what: file });
  let walk;
  try {
    walk = await followRotations(current, rotations, state ? { state } : {});
  } catch (err) {
    if (!(err instanceof VerificationError)) throw err;
    const e = err;
    console.error(`countersign policy update: refused [${e.code}]: ${e.message}`);
    if (e.expected !== void 0) console.error(`  expected: ${e.expected}`);
    if (e.found !== void 0) console.error(`  found:    ${e.found}`);
    console.error(`  nothing written; ${values.out} is unchanged`);
    return 1;
  }
  for (const what of walk.alreadyApplied) console.error(`${what}: installs the policy already held, skipped`);
  for (const a of walk.applied) {
    const r = a.report.rotation;
    const who = r?.authorisedBy === "fallback" ? "the fallback signer set (emergency)" : "the countersigners";
    console.error(
      `${a.what}: policy version ${a.fromVersion} -> ${a.toVersion} (sha256:${a.digest}), authorised by ${who}${r?.addedKeys.length ? `; added keys proved: ${r.addedKeys.join(", ")}` : ""}`
    );
  }
  await writeFileAtomic(values.out, walk.result.bytes);
  if (values.state && state) await saveStateFile(values.state, recordPolicyVersion(state, walk.result.policy.version));
  const changed = walk.applied.length > 0 ? `updated from version ${current.policy.version} to ${walk.result.policy.version}` : `already at version ${current.policy.version}`;
  console.error(`policy ${changed}; wrote ${values.out}`);
  console.log(values.out);
  return 0;
}
export {
  UPDATE_USAGE,
  update
};

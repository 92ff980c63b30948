import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  MAX_ROTATIONS,
  followRotations
} from "./shared-f7ebb2b6.mjs";
import "./shared-4188714e.mjs";
import "./shared-309f26f9.mjs";
import {
  loadStateFile,
  saveStateFile
} from "./shared-11f82d0e.mjs";
import {
  recordPolicyVersion
} from "./shared-58d15130.mjs";
import "./shared-20c62e75.mjs";
import "./shared-98eab3f9.mjs";
import "./shared-c9b31025.mjs";
import "./shared-c6dbb844.mjs";
import "./shared-d54b2595.mjs";
import {
  parseBundleFile,
  policyDocument
} from "./shared-4746e858.mjs";
import "./shared-5bacc2e4.mjs";
import "./shared-e181c389.mjs";
import "./shared-39a15262.mjs";
import "./shared-f06d4d30.mjs";
import "./shared-8e434138.mjs";
import {
  writeFileAtomic
} from "./shared-2abda158.mjs";
import "./shared-96f97add.mjs";
import "./shared-4bd08542.mjs";
import "./shared-d5665511.mjs";
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
import {
  InputError,
  VerificationError
} from "./shared-c0077619.mjs";
import "./shared-2bfe6f66.mjs";

// src/cli/policy-update.ts
var MAX_BUNDLE_FILE_BYTES = 64 * 1024 * 1024;
var UPDATE_USAGE = `usage: countersign policy update --current FILE (--rotation BUNDLE [--rotation BUNDLE ...] | --rotations-from BUNDLE) --out FILE [--state FILE]

update: follows authority rotations from the current policy, in version order, and writes
the resulting policy. Each rotation must verify under the policy before it (primary identity,
its countersignature threshold or, in an emergency, its fallback signer set) and be
countersigned by every key the new policy adds, and must install exactly the next version.
A rotation is judged at its own signing time, so one that has expired since still links the
chain; the newest is judged now (spec/ROTATION.md \xA75.1).
  --current FILE     the policy pinned now
  --rotation BUNDLE  an authority-rotation bundle (repeatable, at most ${MAX_ROTATIONS}), in any order;
                     the history up to the current policy, and repeats, are skipped
  --rotations-from BUNDLE
                     the rotations a release bundle carries (its "rotations" field)
  --out FILE         where to write the resulting policy (may be --current itself)
  --state FILE       client state: refuse a current policy older than the one recorded,
                     and record the new policy version after writing

Exit codes: 0 updated (or already current), 1 a rotation refused (nothing written), 2 bad input.`;
async function update(argv) {
  const { values, positionals } = parseVerbArgs("policy update", argv, {
    current: { type: "string" },
    rotation: { type: "string", multiple: true },
    "rotations-from": { type: "string" },
    out: { type: "string" },
    state: { type: "string" },
    help: { type: "boolean", short: "h" }
  });
  if (values.help) return console.log(UPDATE_USAGE), 0;
  const fail = (message) => usageError("policy update", message);
  if (positionals.length > 0) return fail(`unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.current) return fail("missing --current FILE");
  const files = values.rotation ?? [];
  const carrier = values["rotations-from"];
  if (files.length === 0 && carrier === void 0) return fail("missing --rotation BUNDLE or --rotations-from BUNDLE");
  if (files.length > 0 && carrier !== void 0) return fail("--rotation and --rotations-from: give one or the other");
  if (!values.out) return fail("missing --out FILE");
  if (files.length > MAX_ROTATIONS) {
    console.error(
      `countersign policy update: refused [rotation-chain-too-long]: ${files.length} rotations given, more than the cap of ${MAX_ROTATIONS}; nothing written`
    );
    return 1;
  }
  const current = policyDocument(await readInputFile(values.current, "policy", MAX_POLICY_BYTES), values.current);
  const state = values.state ? await loadStateFile(values.state) : void 0;
  const rotations = [];
  for (const file of files) rotations.push({ bytes: await readBundleFile(file), what: file });
  if (carrier !== void 0) {
    const carried = parseBundleFile(await readBundleFile(carrier), carrier, MAX_BUNDLE_FILE_BYTES).rotations;
    if (carried.length === 0)
      throw new InputError("input-malformed", `${carrier}: carries no rotations (no "rotations" field)`);
    carried.forEach((bytes, i) => rotations.push({ bytes, what: `${carrier} rotations[${i}]` }));
  }
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
    const when = a.expired ? `; expired since, judged at its signing time ${a.judgedAt.toISOString()}` : "";
    console.error(
      `${a.what}: policy version ${a.fromVersion} -> ${a.toVersion} (sha256:${a.digest}), authorised by ${who}${r?.addedKeys.length ? `; added keys proved: ${r.addedKeys.join(", ")}` : ""}${when}`
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

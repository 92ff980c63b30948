import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  createCountersignature
} from "./shared-1654736b.mjs";
import {
  loadPrivateKeyFile,
  seedSigner
} from "./shared-85e931d3.mjs";
import {
  runPipeline
} from "./shared-20c62e75.mjs";
import "./shared-98eab3f9.mjs";
import "./shared-c9b31025.mjs";
import "./shared-c6dbb844.mjs";
import "./shared-d54b2595.mjs";
import {
  loadPolicyFile
} from "./shared-79af2afc.mjs";
import {
  parseBundleFile,
  serializeBundle
} from "./shared-4746e858.mjs";
import "./shared-5bacc2e4.mjs";
import "./shared-e181c389.mjs";
import "./shared-39a15262.mjs";
import "./shared-f06d4d30.mjs";
import "./shared-8e434138.mjs";
import "./shared-2abda158.mjs";
import "./shared-96f97add.mjs";
import "./shared-4bd08542.mjs";
import "./shared-d5665511.mjs";
import "./shared-2f63fab4.mjs";
import "./shared-31413875.mjs";
import "./shared-a58ce1e9.mjs";
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

// src/cli/demo.ts
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var STREAM = "acme/app:stable";
var WORKFLOW = "acme/app/.github/workflows/release.yml@refs/heads/main";
var verbs = {
  keygen: () => import("./cli-keygen.mjs"),
  policy: () => import("./cli-policy.mjs"),
  build: () => import("./cli-build.mjs"),
  sign: () => import("./cli-sign.mjs"),
  countersign: () => import("./cli-countersign.mjs")
};
async function run(argv) {
  const { values: options } = parseVerbArgs(
    "demo",
    argv,
    {
      keep: { type: "boolean" },
      instance: { type: "string", default: "public-good" },
      help: { type: "boolean", short: "h" }
    },
    { positionals: false }
  );
  if (options.help) {
    console.log(
      "usage: countersign demo [--keep] [--instance public-good|github|rekor-v2]\n\nRuns the whole flow on a local Sigstore stack in a temporary directory (--keep leaves it).\n--instance picks the Sigstore instance the stack imitates (countersign stack --help)."
    );
    return 0;
  }
  const instance = options.instance;
  if (instance !== "public-good" && instance !== "github" && instance !== "rekor-v2") {
    console.error(
      `countersign demo: --instance: expected public-good, github or rekor-v2, found ${JSON.stringify(instance)}`
    );
    return 2;
  }
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), "countersign-demo-"));
  const { startStack } = await import("./stack.mjs");
  const stack = await startStack({ instance, jobWorkflowRef: WORKFLOW, dir: join(dir, "stack") });
  const previousCwd = process.cwd();
  process.chdir(dir);
  const at = (...p) => join(...p);
  const results = [];
  const cli = async (verb, ...args) => {
    console.log(`
$ countersign ${verb} ${args.map((a) => /[\s"']/.test(a) ? JSON.stringify(a) : a).join(" ")}`);
    const load = verbs[verb];
    if (!load) throw new Error(`demo: no verb ${verb}`);
    return (await load()).run(args);
  };
  const must = async (verb, ...args) => {
    const code = await cli(verb, ...args);
    if (code !== 0) throw new DemoStepFailed(`countersign ${verb} exited ${code}`);
  };
  const gate = async (name, want, ...args) => {
    console.log(`
$ countersign verify ${args.join(" ")}`);
    const { exitCode, report } = await (await import("./cli-verify.mjs")).verifyCommand(args);
    const code = report?.failure?.code ?? report?.checks.find((c) => c.result === "pending")?.code;
    const ok2 = report?.outcome === want.outcome && code === want.code;
    results.push({
      name,
      ok: ok2,
      detail: `${report?.outcome ?? "no report"}${code ? ` [${code}]` : ""}, exit ${exitCode}; expected ${want.outcome}${want.code ? ` [${want.code}]` : ""}`
    });
  };
  try {
    await writeFile(at("stack.json"), JSON.stringify(stack.description, null, 2), { mode: 384 });
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = stack.description.tokenUrl;
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = stack.description.requestToken;
    console.log(
      `local Sigstore stack (${instance}) on loopback: Fulcio ${stack.description.fulcioUrl}, Rekor ${stack.description.rekorUrl ?? "none"}, TSA ${stack.description.tsaUrl}`
    );
    console.log(`working directory: ${dir}`);
    console.log("\n== Organisation B makes its countersigning key; an attacker makes one too");
    await must("keygen", "--out", at("b.key"));
    await must("keygen", "--out", at("rogue.key"));
    console.log(
      "\n== Both organisations pin the policy: A's release workflow run from A's repository (its ids), AND B's key"
    );
    await must(
      "policy",
      "init",
      "--identity",
      `https://github.com/${WORKFLOW}`,
      "--issuer",
      stack.description.issuer,
      "--source-repository-id",
      stack.sourceRepository.repositoryId,
      "--source-repository-owner-id",
      stack.sourceRepository.repositoryOwnerId,
      "--trusted-root",
      stack.description.trustedRoot,
      "--countersigner",
      `b-release=${at("b.key.pub")}`,
      "--organisation",
      "b-release=Org B",
      "--stream",
      STREAM,
      "--out",
      at("policy.json")
    );
    console.log("\n== Organisation A builds the release and its statement");
    await mkdir(at("release"));
    await writeFile(at("release", "app-linux-amd64"), "ELF... pretend this is a binary\n".repeat(1e3));
    await writeFile(at("release", "app-darwin-arm64"), "Mach-O... pretend this is a binary\n".repeat(1e3));
    await writeFile(at("release", "SHA256SUMS"), "see the statement\n");
    await must(
      "build",
      "--kind",
      "binary-digest",
      "--stream",
      STREAM,
      "--version",
      "1",
      "--expires-in",
      "30d",
      "--out",
      at("statement.json"),
      at("release")
    );
    console.log("\n== A signs it in CI (Sigstore keyless: OIDC token -> Fulcio certificate -> Rekor)");
    await must(
      "sign",
      at("statement.json"),
      "--sigstore",
      at("stack", "signing_config.json"),
      "--trusted-root",
      at("stack", "trusted_root.json"),
      "--out",
      at("primary.sigstore.json")
    );
    console.log("\n== B verifies A's signature under its policy, then countersigns");
    await must(
      "countersign",
      at("primary.sigstore.json"),
      "--key",
      at("b.key"),
      "--policy",
      at("policy.json"),
      "--out",
      at("release.countersigned.json")
    );
    console.log("\n== The gate: both signatures, the statement, and every release file");
    await gate(
      "verified",
      { outcome: "verified" },
      "--policy",
      at("policy.json"),
      at("release.countersigned.json"),
      "--",
      at("release")
    );
    console.log("\n== Rejection 1: the primary alone (A signed, B has not countersigned)");
    await gate(
      "pending countersign",
      { outcome: "pending-countersign", code: "countersignature-missing" },
      "--policy",
      at("policy.json"),
      at("primary.sigstore.json")
    );
    console.log("\n== Rejection 2: a countersignature from a key the policy does not pin");
    await forgeUnpinned(
      at("primary.sigstore.json"),
      at("rogue.key"),
      at("policy.json"),
      at("rogue.countersigned.json")
    );
    console.log("(the attacker countersigned with rogue.key, which no policy pins)");
    await gate(
      "unpinned key",
      { outcome: "rejected", code: "countersignature-unpinned-key" },
      "--policy",
      at("policy.json"),
      at("rogue.countersigned.json")
    );
    console.log("\n== Rejection 3: a release file changed after signing");
    await writeFile(at("release", "app-linux-amd64"), "ELF... a backdoored binary\n");
    await gate(
      "tampered file",
      { outcome: "rejected", code: "subject-digest" },
      "--policy",
      at("policy.json"),
      at("release.countersigned.json"),
      "--",
      at("release")
    );
  } catch (err) {
    if (!(err instanceof DemoStepFailed)) throw err;
    results.push({ name: "set-up", ok: false, detail: err.message });
  } finally {
    process.chdir(previousCwd);
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    await stack.close();
    if (!options.keep) await rm(dir, { recursive: true, force: true });
  }
  console.log("\n== Demo outcomes");
  for (const r of results) console.log(`  ${r.ok ? "as expected" : "UNEXPECTED "}  ${r.name.padEnd(20)} ${r.detail}`);
  const ok = results.length === 4 && results.every((r) => r.ok);
  if (options.keep) console.log(`kept ${dir}`);
  console.log(`
${ok ? "demo passed" : "demo FAILED"} in ${((Date.now() - started) / 1e3).toFixed(1)} s`);
  return ok ? 0 : 1;
}
var DemoStepFailed = class extends Error {
};
async function forgeUnpinned(primaryPath, keyPath, policyPath, outPath) {
  const bytes = new Uint8Array(await readFile(primaryPath));
  const policy = await loadPolicyFile(policyPath);
  const key = await loadPrivateKeyFile(keyPath);
  const checked = await runPipeline(bytes, { policy, forCountersigning: true });
  if (!checked.primary || !checked.statement || !checked.bundle) throw new Error("demo: the primary did not verify");
  const forged = await createCountersignature({
    signer: seedSigner(key.seed, key.keyId),
    primary: checked.primary,
    stream: checked.statement.predicate.stream,
    version: checked.statement.predicate.version,
    signedAt: /* @__PURE__ */ new Date()
  });
  const parsed = parseBundleFile(bytes, primaryPath);
  await writeFile(outPath, serializeBundle({ ...parsed.bundle, countersignatures: [forged] }));
}
export {
  run
};

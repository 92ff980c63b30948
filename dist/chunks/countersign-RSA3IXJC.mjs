import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  createCountersignature,
  seedSigner
} from "./chunk-UFX6V37Z.mjs";
import {
  loadStateFile,
  saveStateFile
} from "./chunk-WUZ77XXY.mjs";
import {
  recordAccepted,
  runPipeline,
  serializeBundle
} from "./chunk-6BUFCZ2T.mjs";
import "./chunk-WNJJGT3W.mjs";
import {
  loadPolicyFile
} from "./chunk-V552LWHC.mjs";
import {
  loadPrivateKeyFile
} from "./chunk-LKDC74CQ.mjs";
import "./chunk-O2RHDPKN.mjs";
import "./chunk-R62YULH2.mjs";
import "./chunk-JETMUDQJ.mjs";
import {
  readBundleFile
} from "./chunk-XHIXIBTI.mjs";
import "./chunk-FQFFDUTU.mjs";
import {
  usageError
} from "./chunk-KNWMKP63.mjs";
import {
  sha256Hex
} from "./chunk-VEEHAY7O.mjs";
import "./chunk-3PD3J2TA.mjs";
import "./chunk-7AEG5EKO.mjs";
import {
  writeFileAtomic
} from "./chunk-5ZB7DBEX.mjs";
import {
  VerificationError
} from "./chunk-AKRWTDNC.mjs";
import "./chunk-6PP3T4LB.mjs";

// src/cli/countersign.ts
import { parseArgs } from "node:util";

// src/lib/countersign/countersign-bundle.ts
async function countersignBundle(bytes, options) {
  const { policy, signer } = options;
  const now = options.now ?? /* @__PURE__ */ new Date();
  const key = policy.countersigners.find((k) => k.keyId === signer.keyId);
  if (!key) {
    throw new VerificationError("countersigner-not-pinned", `the signing key ${signer.keyId} is not a countersigner in the policy: its countersignature would not count`, {
      expected: policy.countersigners.map((k) => `${k.name} (${k.keyId})`).join(", "),
      found: signer.keyId
    });
  }
  const result = await runPipeline(bytes, { ...options, now, forCountersigning: true });
  const { report } = result;
  if (report.outcome !== "verified" || !result.primary || !result.statement || !result.bundle || !report.statement) {
    const f = report.failure;
    const failed = report.checks.find((c) => c.result === "fail");
    throw new VerificationError(f?.code ?? "countersign-refused", `refusing to countersign: ${f?.check ?? "verification"} check failed: ${f?.message ?? report.outcome}`, {
      ...failed?.expected !== void 0 ? { expected: failed.expected } : {},
      ...failed?.found !== void 0 ? { found: failed.found } : {}
    });
  }
  const existing = result.bundle.bundle.countersignatures;
  if (existing.some((c) => c.keyId === signer.keyId)) {
    throw new VerificationError("countersignature-duplicate", `the bundle is already countersigned by ${key.name} (${signer.keyId})`);
  }
  const { stream, version } = result.statement.predicate;
  const countersignature = await createCountersignature({ signer, primary: result.primary, stream, version, signedAt: now });
  return {
    bundle: { ...result.bundle.bundle, countersignatures: [...existing, countersignature] },
    report,
    stream,
    version,
    statementDigest: sha256Hex(result.statementBytes)
  };
}

// src/cli/countersign.ts
var USAGE = `usage: countersign countersign BUNDLE --key FILE --policy FILE --out FILE [--state FILE]

Organisation B's step: verifies the primary Sigstore signature of BUNDLE under the policy
(identity, trusted root, kind, stream, expiry, version) and, only if all of it holds, adds
an Ed25519 countersignature that binds the statement and the primary signature.

  --key FILE      B's Ed25519 private key (PKCS#8 PEM, mode 0600), from 'countersign keygen'
  --policy FILE   the policy B countersigns under; B's key must be one of its countersigners
  --out FILE      where to write the countersigned bundle
  --state FILE    B's record of the last version it signed per stream: refuses to sign an
                  older version (created if missing)

Exit codes: 0 countersigned, 1 refused (the reason is printed), 2 could not run.`;
async function run(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      key: { type: "string" },
      policy: { type: "string" },
      out: { type: "string" },
      state: { type: "string" },
      help: { type: "boolean", short: "h" }
    }
  });
  if (values.help) return console.log(USAGE), 0;
  const [bundlePath, ...extra] = positionals;
  if (!bundlePath) return usageError("countersign", "missing BUNDLE");
  if (extra.length > 0) return usageError("countersign", `unexpected argument ${JSON.stringify(extra[0])}`);
  if (!values.key) return usageError("countersign", "missing --key FILE");
  if (!values.policy) return usageError("countersign", "missing --policy FILE");
  if (!values.out) return usageError("countersign", "missing --out FILE");
  const policy = await loadPolicyFile(values.policy);
  const key = await loadPrivateKeyFile(values.key);
  const state = values.state ? await loadStateFile(values.state) : void 0;
  const bytes = await readBundleFile(bundlePath);
  const result = await countersignBundle(bytes, { policy, signer: seedSigner(key.seed, key.keyId), state, what: bundlePath });
  await writeFileAtomic(values.out, serializeBundle(result.bundle));
  if (values.state && state) await saveStateFile(values.state, recordAccepted(state, result.stream, result.version, result.statementDigest));
  console.error(`countersigned ${result.stream} v${result.version} (statement sha256:${result.statementDigest}) with ${key.keyId}; wrote ${values.out}`);
  console.log(values.out);
  return 0;
}
export {
  USAGE,
  run
};

// Shared by: cli-countersign, cli-serve (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  createCountersignature
} from "./shared-1654736b.mjs";
import {
  acceptedState
} from "./shared-d0d2b81b.mjs";
import {
  checkRotationApproval
} from "./shared-66df4790.mjs";
import {
  countersigningKeyFor
} from "./shared-4188714e.mjs";
import {
  checkFirstVersion,
  runPipeline
} from "./shared-20c62e75.mjs";
import {
  carried
} from "./shared-309f26f9.mjs";
import {
  VerificationError
} from "./shared-92dc4500.mjs";

// src/lib/flows/countersign/countersign-bundle.ts
async function countersignBundle(bytes, options) {
  const { policy, signer } = options;
  const now = options.now ?? /* @__PURE__ */ new Date();
  const notPinned = () => new VerificationError(
    "countersigner-not-pinned",
    `the signing key ${signer.keyId} is not a countersigner in the policy: its countersignature would not count`,
    {
      expected: policy.countersigners.map((k) => `${k.name} (${k.keyId})`).join(", "),
      found: signer.keyId
    }
  );
  const usual = policy.countersigners.find((k) => k.keyId === signer.keyId);
  if (!usual && !policy.kinds.includes("authority-rotation")) throw notPinned();
  const result = await runPipeline(bytes, { ...options, now, forCountersigning: true });
  const { report } = result;
  if (report.outcome !== "verified" || !result.primary || !result.statement || !result.bundle || !report.statement) {
    const f = report.failure;
    const failed = report.checks.find((c) => c.result === "fail");
    throw new VerificationError(
      f ? carried(f.code) : "countersign-refused",
      `refusing to countersign: ${f?.check ?? "verification"} check failed: ${f?.message ?? report.outcome}`,
      {
        ...failed?.expected !== void 0 ? { expected: failed.expected } : {},
        ...failed?.found !== void 0 ? { found: failed.found } : {}
      }
    );
  }
  if (!result.rotation)
    checkFirstVersion(options.state, result.statement.predicate.stream, result.statement.predicate.version);
  if (result.rotation)
    checkRotationApproval(policy, result.rotation, options.approveRotation, options.what ?? "bundle");
  const key = usual ?? countersigningKeyFor(policy, signer.keyId, result.rotation);
  if (!key) throw notPinned();
  const existing = result.bundle.bundle.countersignatures;
  if (existing.some((c) => c.keyId === signer.keyId)) {
    throw new VerificationError(
      "countersignature-duplicate",
      `the bundle is already countersigned by ${key.name} (${signer.keyId})`
    );
  }
  const { stream, version } = result.statement.predicate;
  const countersignature = await createCountersignature({
    signer,
    primary: result.primary,
    stream,
    version,
    signedAt: now
  });
  return {
    bundle: { ...result.bundle.bundle, countersignatures: [...existing, countersignature] },
    report,
    stream,
    version,
    statementDigest: report.statement.digest.replace(/^sha256:/, ""),
    newState: acceptedState(options.state, report.statement, policy)
  };
}

export {
  countersignBundle
};

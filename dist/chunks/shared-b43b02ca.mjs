// Shared by: cli-countersign, cli-serve (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  createCountersignature
} from "./shared-1654736b.mjs";
import {
  acceptedState
} from "./shared-d0d2b81b.mjs";
import {
  countersigningKeyFor
} from "./shared-4188714e.mjs";
import {
  carried
} from "./shared-309f26f9.mjs";
import {
  checkFirstVersion,
  runPipeline
} from "./shared-20c62e75.mjs";
import {
  checkRotationApproval
} from "./shared-14079368.mjs";
import {
  VerificationError
} from "./shared-c0077619.mjs";

// src/lib/flows/countersign/countersign-bundle.ts
async function verifyForCountersigning(bytes, options) {
  const { policy, keyId, now } = options;
  const notPinned = () => new VerificationError(
    "countersigner-not-pinned",
    `the signing key ${keyId} is not a countersigner in the policy: its countersignature would not count`,
    {
      expected: policy.countersigners.map((k) => `${k.name} (${k.keyId})`).join(", "),
      found: keyId
    }
  );
  const usual = policy.countersigners.find((k) => k.keyId === keyId);
  if (!usual && !policy.kinds.includes("authority-rotation")) throw notPinned();
  const result = await runPipeline(bytes, {
    policy,
    now,
    forCountersigning: true,
    ...options.trust ? { trust: options.trust } : {},
    ...options.state ? { state: options.state } : {},
    ...options.what !== void 0 ? { what: options.what } : {}
  });
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
  const key = usual ?? countersigningKeyFor(policy, keyId, result.rotation);
  if (!key) throw notPinned();
  if (result.bundle.bundle.countersignatures.some((c) => c.keyId === keyId)) {
    throw new VerificationError(
      "countersignature-duplicate",
      `the bundle is already countersigned by ${key.name} (${keyId})`
    );
  }
  const { stream, version } = result.statement.predicate;
  return {
    primary: result.primary,
    bundle: result.bundle,
    report: { ...report, statement: report.statement },
    stream,
    version,
    statementDigest: report.statement.digest.replace(/^sha256:/, ""),
    now
  };
}
function signVerified(verified, signer) {
  return createCountersignature({
    signer,
    primary: verified.primary,
    stream: verified.stream,
    version: verified.version,
    signedAt: verified.now
  });
}
async function countersignBundle(bytes, options) {
  const { signer, ...rest } = options;
  const verified = await verifyForCountersigning(bytes, {
    ...rest,
    keyId: signer.keyId,
    now: options.now ?? /* @__PURE__ */ new Date()
  });
  const countersignature = await signVerified(verified, signer);
  const existing = verified.bundle.bundle.countersignatures;
  return {
    bundle: { ...verified.bundle.bundle, countersignatures: [...existing, countersignature] },
    report: verified.report,
    stream: verified.stream,
    version: verified.version,
    statementDigest: verified.statementDigest,
    newState: acceptedState(options.state, verified.report.statement, options.policy)
  };
}

export {
  verifyForCountersigning,
  signVerified,
  countersignBundle
};

// Shared by: cli-build, cli-policy-update (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  checkPolicyNotRolledBack,
  checkRotationVersions,
  envelopeStatementBytes,
  runPipeline
} from "./shared-20c62e75.mjs";
import {
  carried
} from "./shared-309f26f9.mjs";
import {
  isRotation,
  parseBundleFile,
  policyDocument
} from "./shared-8747b24f.mjs";
import {
  parseStatement
} from "./shared-b361fd30.mjs";
import {
  subjectNameProblem
} from "./shared-013b5e69.mjs";
import {
  InputError,
  VerificationError
} from "./shared-92dc4500.mjs";

// src/lib/flows/rotation/chain.ts
var MAX_ROTATIONS = 64;
var RotationError = class extends VerificationError {
  what;
  report;
  constructor(code, what, message, details = {}) {
    super(code, `${what}: ${message}`, details);
    this.name = "RotationError";
    this.what = what;
    this.report = details.report;
  }
};
async function followRotations(start, rotations, options = {}) {
  const max = options.maxRotations ?? MAX_ROTATIONS;
  if (rotations.length > max) {
    throw new RotationError(
      "rotation-chain-too-long",
      "rotations",
      `${rotations.length} rotations given, more than the cap of ${max}`,
      { expected: `at most ${max}`, found: String(rotations.length) }
    );
  }
  if (options.state) checkPolicyNotRolledBack(options.state, start.policy.version);
  const now = options.now ?? /* @__PURE__ */ new Date();
  const held = /* @__PURE__ */ new Map([[start.policy.version, start]]);
  let head = start;
  const applied = [];
  const alreadyApplied = [];
  for (const rotation of rotations) {
    const next = peekTarget(rotation, head);
    const target = next.version;
    if (target > head.policy.version + 1) {
      throw new RotationError(
        "rotation-gap",
        rotation.what,
        `installs policy version ${target}, but the current policy is version ${head.policy.version}: the rotation to version ${head.policy.version + 1} is missing`,
        {
          expected: `a rotation to version ${head.policy.version + 1}`,
          found: `version ${target}`
        }
      );
    }
    if (target <= head.policy.version) {
      const have = held.get(target);
      if (have?.digest === next.digest) {
        alreadyApplied.push(rotation.what);
        continue;
      }
      if (!have) {
        throw new RotationError(
          "rotation-downgrade",
          rotation.what,
          `installs policy version ${target}, older than the current version ${start.policy.version}`,
          {
            expected: `a rotation to version ${head.policy.version + 1}`,
            found: `version ${target}`
          }
        );
      }
      const before = held.get(target - 1);
      if (before) await verifyLink(rotation, before, now);
      throw new RotationError(
        "rotation-fork",
        rotation.what,
        `installs a policy version ${target} (sha256:${next.digest}) that differs from the version ${target} already held (sha256:${have.digest})`,
        {
          expected: `sha256:${have.digest}`,
          found: `sha256:${next.digest}`
        }
      );
    }
    const { report, installed } = await verifyLink(rotation, head, now, head === start ? options.trust : void 0);
    applied.push({
      what: rotation.what,
      fromVersion: head.policy.version,
      toVersion: target,
      digest: installed.digest,
      report
    });
    held.set(target, installed);
    head = installed;
  }
  return { result: head, applied, alreadyApplied };
}
function peekTarget(rotation, head) {
  try {
    const parsed = parseBundleFile(rotation.bytes, rotation.what, head.policy.limits.maxBundleBytes);
    const bytes = envelopeStatementBytes(parsed.bundle.primary, rotation.what, { nonCanonical: "refuse" });
    const statement = parseStatement(bytes, `${rotation.what} statement`, {
      maxBytes: head.policy.limits.maxBundleBytes,
      maxSubjects: head.policy.limits.maxSubjects
    });
    const subject = statement.subject[0];
    if (!isRotation(statement) || !subject)
      throw new InputError(
        "rotation-not-rotation",
        `${rotation.what} statement: expected an authority-rotation statement carrying the new policy, found kind ${statement.predicate.kind}`
      );
    return { version: statement.predicate.version, digest: subject.digest.sha256 };
  } catch (err) {
    if (err instanceof InputError)
      throw new RotationError(
        carried(err.code),
        rotation.what,
        err.message.startsWith(rotation.what) ? err.message.slice(rotation.what.length + 2) : err.message
      );
    throw err;
  }
}
async function verifyLink(rotation, under, now, trust) {
  const { report, rotation: installed } = await runPipeline(rotation.bytes, {
    policy: under.policy,
    now,
    what: rotation.what,
    ...trust ? { trust } : {}
  });
  if (report.outcome === "verified" && installed) return { report, installed };
  const failure = report.failure ?? {
    check: "countersignatures",
    code: "countersignature-missing",
    message: "no countersignature yet: a rotation must be countersigned"
  };
  const failed = report.checks.find((c) => c.check === failure.check);
  throw new RotationError(
    carried(failure.code),
    rotation.what,
    `rejected under policy version ${under.policy.version} at the ${failure.check} check: ${failure.message}`,
    {
      ...failed?.expected !== void 0 ? { expected: failed.expected } : {},
      ...failed?.found !== void 0 ? { found: failed.found } : {},
      report
    }
  );
}

// src/lib/flows/rotation/statement-parts.ts
function rotationStatementParts(newPolicyBytes, name, what, current) {
  const next = policyDocument(newPolicyBytes, what);
  const problem = subjectNameProblem(name);
  if (problem)
    throw new InputError("subject-path-invalid", `${what}: the subject name ${JSON.stringify(name)} ${problem}`);
  if (current) {
    try {
      checkRotationVersions(current.policy, next.policy, next.policy.version);
    } catch (err) {
      if (err instanceof VerificationError && (err.code === "rotation-downgrade" || err.code === "rotation-gap"))
        throw new InputError(err.code, `${what}: ${err.message}`);
      throw err;
    }
  }
  return {
    subjects: [{ name, digest: { sha256: next.digest } }],
    data: { policy: Buffer.from(newPolicyBytes).toString("base64") },
    version: next.policy.version,
    next
  };
}

export {
  MAX_ROTATIONS,
  followRotations,
  rotationStatementParts
};

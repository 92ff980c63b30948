// Shared by: cli-build, cli-policy-update (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  carried
} from "./shared-309f26f9.mjs";
import {
  checkPolicyNotRolledBack,
  checkRotationVersions,
  envelopeStatementBytes,
  runPipeline
} from "./shared-20c62e75.mjs";
import {
  parseCountersignatureStatement
} from "./shared-98eab3f9.mjs";
import {
  isRotation,
  parseBundleFile,
  policyDocument
} from "./shared-4746e858.mjs";
import {
  parseStatement
} from "./shared-e181c389.mjs";
import {
  subjectNameProblem
} from "./shared-39a15262.mjs";
import {
  InputError,
  VerificationError
} from "./shared-c0077619.mjs";

// src/lib/flows/rotation/chain.ts
var MAX_ROTATIONS = 64;
var MAX_ROTATION_CHAIN_BYTES = 16 * 1024 * 1024;
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
  const maxBytes = options.maxChainBytes ?? MAX_ROTATION_CHAIN_BYTES;
  const total = rotations.reduce((n, r) => n + r.bytes.byteLength, 0);
  if (total > maxBytes) {
    throw new RotationError(
      "rotation-chain-too-long",
      "rotations",
      `${total} bytes of rotations given, more than the cap of ${maxBytes} bytes`,
      { expected: `at most ${maxBytes} bytes`, found: `${total} bytes` }
    );
  }
  if (options.state) checkPolicyNotRolledBack(options.state, start.policy.version);
  const now = options.now ?? /* @__PURE__ */ new Date();
  const freshness = options.freshness ?? "newest-link";
  const links = [];
  const peek = (i) => links[i] ??= peekLink(rotations[i], start);
  const unused = new Set(rotations.keys());
  const current = start.policy.version;
  let head = start;
  let before = start;
  let newestLink;
  const held = /* @__PURE__ */ new Map([[current, start]]);
  const applied = [];
  for (; ; ) {
    const wanted = head.policy.version + 1;
    const next = [...unused].find((i) => peek(i).version === wanted);
    if (next === void 0) break;
    unused.delete(next);
    const link = peek(next);
    const newest = [...unused].every((i) => links[i] !== void 0 && peek(i).version <= wanted);
    const at = newest && freshness === "newest-link" ? now : timeOf(link, now);
    const { report, installed } = await verifyLink(link, head, at, head === start ? options.trust : void 0);
    applied.push({
      what: link.rotation.what,
      fromVersion: head.policy.version,
      toVersion: wanted,
      digest: installed.digest,
      judgedAt: at,
      expired: link.expiresAt.getTime() <= now.getTime(),
      report
    });
    held.set(wanted, installed);
    before = head;
    head = installed;
    newestLink = link;
  }
  const rest = [...unused].map((i) => peek(i)).sort((a, b) => a.version - b.version);
  const alreadyApplied = [];
  checkHistory(
    rest.filter((l) => l.version <= current),
    start,
    alreadyApplied
  );
  for (const link of rest.filter((l) => l.version > current)) {
    const { rotation, version } = link;
    if (version > head.policy.version) {
      throw new RotationError(
        "rotation-gap",
        rotation.what,
        `installs policy version ${version}, but the current policy is version ${head.policy.version}: the rotation to version ${head.policy.version + 1} is missing`,
        { expected: `a rotation to version ${head.policy.version + 1}`, found: `version ${version}` }
      );
    }
    const have = held.get(version);
    if (have?.digest === link.digest) {
      alreadyApplied.push(rotation.what);
      continue;
    }
    const under = held.get(version - 1);
    if (under) await verifyLink(link, under, timeOf(link, now));
    throw forkError(link, have);
  }
  const last = applied.at(-1);
  if (newestLink && last && freshness === "newest-link" && last.judgedAt !== now) {
    const { report } = await verifyLink(newestLink, before, now, before === start ? options.trust : void 0);
    applied[applied.length - 1] = { ...last, judgedAt: now, report };
  }
  return { result: head, applied, alreadyApplied };
}
function checkHistory(history, start, skipped) {
  const current = start.policy.version;
  const byVersion = /* @__PURE__ */ new Map();
  for (const link of history) {
    const first = byVersion.get(link.version);
    if (link.version === current && link.digest !== start.digest) throw forkError(link, start);
    if (first && first.digest !== link.digest) throw forkError(link, first);
    if (!first) byVersion.set(link.version, link);
  }
  for (const link of history) {
    if (link.version < current) {
      if (!byVersion.has(current))
        throw downgradeError(link, current, `no rotation given installs the pinned policy version ${current}`);
      for (let v = link.version + 1; v < current; v++)
        if (!byVersion.has(v)) throw downgradeError(link, current, `the rotation to version ${v} is missing`);
    }
    skipped.push(link.rotation.what);
  }
}
function downgradeError(link, current, why) {
  return new RotationError(
    "rotation-downgrade",
    link.rotation.what,
    `installs policy version ${link.version}, older than the current version ${current}, and is not part of a history that leads to it (${why})`,
    { expected: `a rotation to version ${current + 1}`, found: `version ${link.version}` }
  );
}
function forkError(link, have) {
  const held = have ? ` (sha256:${have.digest})` : "";
  return new RotationError(
    "rotation-fork",
    link.rotation.what,
    `installs a policy version ${link.version} (sha256:${link.digest}) that differs from the version ${link.version} already held${held}`,
    { ...have ? { expected: `sha256:${have.digest}` } : {}, found: `sha256:${link.digest}` }
  );
}
function timeOf(link, now) {
  return link.signedAt && link.signedAt.getTime() < now.getTime() ? link.signedAt : now;
}
function peekLink(rotation, start) {
  try {
    const parsed = parseBundleFile(rotation.bytes, rotation.what, start.policy.limits.maxBundleBytes);
    const bytes = envelopeStatementBytes(parsed.bundle.primary, rotation.what, { nonCanonical: "refuse" });
    const statement = parseStatement(bytes, `${rotation.what} statement`, {
      maxBytes: start.policy.limits.maxBundleBytes,
      maxSubjects: start.policy.limits.maxSubjects
    });
    const subject = statement.subject[0];
    if (!isRotation(statement) || !subject)
      throw new InputError(
        "rotation-not-rotation",
        `${rotation.what} statement: expected an authority-rotation statement carrying the new policy, found kind ${statement.predicate.kind}`
      );
    return {
      rotation,
      version: statement.predicate.version,
      digest: subject.digest.sha256,
      signedAt: latestSignedAt(parsed.statements, rotation.what),
      expiresAt: new Date(statement.predicate.expiresAt)
    };
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
function latestSignedAt(statements, what) {
  let latest;
  for (const bytes of statements) {
    let signedAt;
    try {
      signedAt = new Date(parseCountersignatureStatement(bytes, what).signedAt);
    } catch (err) {
      if (err instanceof InputError) continue;
      throw err;
    }
    if (!latest || signedAt > latest) latest = signedAt;
  }
  return latest;
}
async function verifyLink(link, under, at, trust) {
  const { rotation } = link;
  const { report, rotation: installed } = await runPipeline(rotation.bytes, {
    policy: under.policy,
    now: at,
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

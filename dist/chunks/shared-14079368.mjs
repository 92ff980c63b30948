// Shared by: cli-countersign, cli-policy-diff, cli-policy-rotate, cli-serve (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  isRotation,
  newPolicyOf,
  parseBundleFile
} from "./shared-4746e858.mjs";
import {
  parseStatement
} from "./shared-e181c389.mjs";
import {
  diffTrustedRoots,
  trustedRootDigest
} from "./shared-2a468d80.mjs";
import {
  describeWitnesses,
  escapeUnusual,
  quote,
  renderPolicyDiff,
  sameWitnesses
} from "./shared-96f97add.mjs";
import {
  INTOTO_PAYLOAD_TYPE
} from "./shared-d5665511.mjs";
import {
  GITHUB_CLAIM_NAMES,
  parseStrictJson
} from "./shared-31413875.mjs";
import {
  keyIdOf
} from "./shared-5310986a.mjs";
import {
  equalBytes,
  rfc3339
} from "./shared-84c2b3d1.mjs";
import {
  VerificationError
} from "./shared-c0077619.mjs";

// src/lib/formats/policy/control.ts
import { isDeepStrictEqual } from "node:util";
function controlChanges(current, next, organisation) {
  const reasons = [];
  const org = quote(organisation);
  const own = current.countersigners.filter((k) => k.organisation === organisation);
  if (own.length === 0) reasons.push(`the current policy has no countersigner key of organisation ${org}`);
  const after = new Map(next.countersigners.map((k) => [k.keyId, k]));
  for (const key of current.countersigners) {
    const other = after.get(key.keyId);
    const who = `countersigner key ${quote(key.name)} ${key.keyId} of organisation ${quote(key.organisation)}`;
    if (!other) {
      reasons.push(`removes ${who}`);
      continue;
    }
    if (other.name !== key.name) reasons.push(`renames ${who} to ${quote(other.name)}`);
    if (other.organisation !== key.organisation)
      reasons.push(`moves ${who} to organisation ${quote(other.organisation)}`);
    if (!sameLog(key, other)) reasons.push(`changes the log requirement of ${who}`);
    if (key.organisation === organisation) {
      if (!widens(key.validFrom, other.validFrom, "from"))
        reasons.push(`narrows the validity of ${who} (valid from ${time(key.validFrom)} -> ${time(other.validFrom)})`);
      if (!widens(key.validUntil, other.validUntil, "until"))
        reasons.push(
          `narrows the validity of ${who} (valid until ${time(key.validUntil)} -> ${time(other.validUntil)})`
        );
    } else if (!sameTime(key.validFrom, other.validFrom) || !sameTime(key.validUntil, other.validUntil)) {
      reasons.push(`changes the validity of ${who}, another organisation's key`);
    }
  }
  const before = new Set(current.countersigners.map((k) => k.keyId));
  for (const key of next.countersigners) {
    if (!before.has(key.keyId))
      reasons.push(`adds countersigner key ${quote(key.name)} ${key.keyId} of organisation ${quote(key.organisation)}`);
  }
  if (next.threshold !== current.threshold)
    reasons.push(`changes the countersignature threshold from ${current.threshold} to ${next.threshold} organisations`);
  reasons.push(...fallbackChanges(current.fallback, next.fallback));
  for (const [field, words] of UNTOUCHABLE) if (!isDeepStrictEqual(current[field], next[field])) reasons.push(words);
  return reasons;
}
var UNTOUCHABLE = [
  ["primary", "changes the primary identity (who may sign as organisation A)"],
  ["trustedRoot", "changes the Sigstore trusted root (who may issue organisation A's certificates)"],
  ["kinds", "changes the allowed kinds"],
  ["streams", "changes the allowed streams"],
  ["limits", "changes the limits"]
];
function fallbackChanges(before, after) {
  if (!before)
    return after ? [
      `adds an emergency fallback signer set (threshold ${after.threshold}, ${after.countersigners.length} key(s)) that could authorise rotations`
    ] : [];
  if (!after) return ["removes the emergency fallback signer set"];
  const reasons = [];
  if (before.threshold !== after.threshold)
    reasons.push(`changes the emergency fallback threshold from ${before.threshold} to ${after.threshold}`);
  const next = new Map(after.countersigners.map((k) => [k.keyId, k]));
  for (const key of before.countersigners) {
    const other = next.get(key.keyId);
    if (!other || !sameKey(key, other))
      reasons.push(`${other ? "changes" : "removes"} emergency fallback key ${quote(key.name)} ${key.keyId}`);
  }
  const old = new Set(before.countersigners.map((k) => k.keyId));
  for (const key of after.countersigners)
    if (!old.has(key.keyId))
      reasons.push(
        `adds emergency fallback key ${quote(key.name)} ${key.keyId} of organisation ${quote(key.organisation)}`
      );
  return reasons;
}
function sameKey(a, b) {
  return a.name === b.name && a.organisation === b.organisation && sameLog(a, b) && sameTime(a.validFrom, b.validFrom) && sameTime(a.validUntil, b.validUntil);
}
function sameLog(a, b) {
  if (!a.log || !b.log) return !a.log && !b.log;
  return a.log.origin === b.log.origin && equalBytes(a.log.rawPublicKey, b.log.rawPublicKey) && sameWitnesses(a.log.witnesses, b.log.witnesses);
}
function sameTime(a, b) {
  return a?.getTime() === b?.getTime();
}
function widens(before, after, edge) {
  if (after === void 0) return true;
  if (before === void 0) return false;
  return edge === "from" ? after.getTime() <= before.getTime() : after.getTime() >= before.getTime();
}
function time(date) {
  return date ? rfc3339(date) : "unbounded";
}

// src/lib/formats/policy/diff.ts
function diffPolicies(current, next) {
  const changes = [];
  const scalar = (area, path, before, after) => {
    if (before === after) return;
    if (before !== void 0 && after !== void 0) changes.push({ area, path, action: "changed", before, after });
    else if (before !== void 0) changes.push({ area, path, action: "removed", before });
    else if (after !== void 0) changes.push({ area, path, action: "added", after });
  };
  scalar("version", "version", current.version, next.version);
  const p = current.primary;
  const q = next.primary;
  scalar("primary", "primary.issuer", p.issuer, q.issuer);
  scalar("primary", "primary.identity", p.identity, q.identity);
  scalar("primary", "primary.identityPattern", p.identityPattern, q.identityPattern);
  for (const claim of GITHUB_CLAIM_NAMES)
    scalar("primary", `primary.githubClaims.${claim}`, p.githubClaims?.[claim], q.githubClaims?.[claim]);
  scalar(
    "primary",
    "primary.unsafeNoSourceRepositoryPin",
    p.unsafeNoSourceRepositoryPin ? "true" : void 0,
    q.unsafeNoSourceRepositoryPin ? "true" : void 0
  );
  changes.push(...diffTrustedRoots(current.trustedRoot, next.trustedRoot));
  changes.push(...diffKeys("countersigners", "countersigners", current.countersigners, next.countersigners));
  changes.push(
    ...diffOrganisations("countersigners", "countersigners.organisations", current.countersigners, next.countersigners)
  );
  scalar("threshold", "threshold", current.threshold, next.threshold);
  const f = current.fallback;
  const g = next.fallback;
  if (f && !g)
    changes.push({
      area: "fallback",
      path: "fallback",
      action: "removed",
      before: { threshold: f.threshold, keys: f.countersigners.length }
    });
  if (!f && g)
    changes.push({
      area: "fallback",
      path: "fallback",
      action: "added",
      after: { threshold: g.threshold, keys: g.countersigners.length }
    });
  changes.push(...diffKeys("fallback", "fallback.countersigners", f?.countersigners ?? [], g?.countersigners ?? []));
  if (f || g)
    changes.push(
      ...diffOrganisations("fallback", "fallback.organisations", f?.countersigners ?? [], g?.countersigners ?? [])
    );
  scalar("fallback", "fallback.threshold", f?.threshold, g?.threshold);
  changes.push(...diffList("kinds", current.kinds, next.kinds));
  changes.push(...diffList("streams", current.streams, next.streams));
  for (const name of Object.keys(current.limits))
    scalar("limits", `limits.${name}`, current.limits[name], next.limits[name]);
  return {
    from: { version: current.version, trustedRootDigest: trustedRootDigest(current.trustedRoot) },
    to: { version: next.version, trustedRootDigest: trustedRootDigest(next.trustedRoot) },
    changes
  };
}
function summariseKey(key) {
  return {
    name: key.name,
    organisation: key.organisation,
    keyId: key.keyId,
    ...key.validFrom ? { validFrom: rfc3339(key.validFrom) } : {},
    ...key.validUntil ? { validUntil: rfc3339(key.validUntil) } : {},
    ...key.log ? {
      log: {
        origin: key.log.origin,
        keyId: keyIdOf(key.log.rawPublicKey),
        ...key.log.witnesses ? { witnesses: describeWitnesses(key.log.witnesses) } : {}
      }
    } : {}
  };
}
function diffKeys(area, path, before, after) {
  const changes = [];
  const next = new Map(after.map((k) => [k.keyId, k]));
  const old = new Set(before.map((k) => k.keyId));
  for (const key of before) {
    const other = next.get(key.keyId);
    const at = `${path}[${key.keyId}]`;
    if (!other) {
      changes.push({ area, path: at, action: "removed", before: summariseKey(key) });
      continue;
    }
    const a = summariseKey(key);
    const b = summariseKey(other);
    for (const field of ["name", "organisation", "validFrom", "validUntil"]) {
      if (a[field] === b[field]) continue;
      const change = { area, path: `${at}.${field}` };
      const [was, is] = [a[field], b[field]];
      if (was !== void 0 && is !== void 0) changes.push({ ...change, action: "changed", before: was, after: is });
      else if (was !== void 0) changes.push({ ...change, action: "removed", before: was });
      else if (is !== void 0) changes.push({ ...change, action: "added", after: is });
    }
    const [la, lb] = [a.log, b.log];
    if (la?.origin !== lb?.origin || la?.keyId !== lb?.keyId || la?.witnesses !== lb?.witnesses) {
      const change = { area, path: `${at}.log` };
      if (la && lb) changes.push({ ...change, action: "changed", before: la, after: lb });
      else if (la) changes.push({ ...change, action: "removed", before: la });
      else if (lb) changes.push({ ...change, action: "added", after: lb });
    }
  }
  for (const key of after)
    if (!old.has(key.keyId))
      changes.push({ area, path: `${path}[${key.keyId}]`, action: "added", after: summariseKey(key) });
  return changes;
}
function diffOrganisations(area, path, before, after) {
  const a = new Set(before.map((k) => k.organisation));
  const b = new Set(after.map((k) => k.organisation));
  return [
    ...[...a].filter((o) => !b.has(o)).map((o) => ({ area, path, action: "removed", before: o })),
    ...[...b].filter((o) => !a.has(o)).map((o) => ({ area, path, action: "added", after: o }))
  ];
}
function diffList(area, before, after) {
  return [
    ...before.filter((s) => !after.includes(s)).map((s) => ({ area, path: area, action: "removed", before: s })),
    ...after.filter((s) => !before.includes(s)).map((s) => ({ area, path: area, action: "added", after: s }))
  ];
}

// src/lib/flows/countersign/rotation-review.ts
var REVIEW_HINT = "organisation B reviews it with 'countersign policy diff CURRENT NEW' and countersigns it offline with its key ('countersign countersign BUNDLE --key FILE --policy CURRENT --approve-rotation sha256:<digest of the new policy>')";
function peekRotation(bytes, policy, what) {
  try {
    const primary = parseBundleFile(bytes, what, policy.limits.maxBundleBytes).bundle.primary;
    const envelope = primary.dsseEnvelope;
    if (typeof envelope?.payload !== "string" || envelope.payloadType !== INTOTO_PAYLOAD_TYPE) return void 0;
    const statement = parseStatement(new Uint8Array(Buffer.from(envelope.payload, "base64")), `${what} statement`, {
      maxBytes: policy.limits.maxBundleBytes,
      maxSubjects: policy.limits.maxSubjects
    });
    return isRotation(statement) ? newPolicyOf(statement, `${what} statement`) : void 0;
  } catch {
    return void 0;
  }
}
function rotationTargetOf(primary, policy, what) {
  const envelope = primary?.dsseEnvelope;
  if (typeof envelope?.payload !== "string" || envelope.payloadType !== INTOTO_PAYLOAD_TYPE) return void 0;
  const statement = parseStrictJson(new Uint8Array(Buffer.from(envelope.payload, "base64")), `${what} statement`, {
    maxBytes: policy.limits.maxBundleBytes,
    maxDepth: 8
  });
  const digest = statement?.subject?.[0]?.digest?.sha256;
  const version = statement?.predicate?.version;
  if (statement?.predicate?.kind !== "authority-rotation") return void 0;
  return {
    version: typeof version === "number" ? version : NaN,
    digest: typeof digest === "string" ? digest.slice(0, 64) : "unknown"
  };
}
function checkRotationApproval(current, next, approval, what) {
  const target = `policy version ${next.policy.version} (sha256:${next.digest})`;
  if (approval === void 0) {
    throw new VerificationError(
      "rotation-needs-review",
      `${what}: an authority rotation to ${target} is never countersigned without an explicit approval: ${REVIEW_HINT}`,
      {
        expected: "an approval of this new policy",
        found: "none"
      }
    );
  }
  if ("policyDigest" in approval) {
    if (approval.policyDigest !== `sha256:${next.digest}`) {
      throw new VerificationError(
        "rotation-approval-mismatch",
        `${what}: the approval names another document: the rotation installs ${target}`,
        {
          expected: `sha256:${next.digest}`,
          found: approval.policyDigest
        }
      );
    }
    return;
  }
  const reasons = controlChanges(current, next.policy, approval.keepingOrganisation);
  if (reasons.length > 0) {
    throw new VerificationError(
      "rotation-needs-review",
      `${what}: the rotation to ${target} does not keep organisation ${JSON.stringify(approval.keepingOrganisation)} in control (${reasons.join("; ")}): ${REVIEW_HINT}`,
      {
        expected: `a new policy that keeps ${JSON.stringify(approval.keepingOrganisation)}'s keys, log requirement, threshold and fallback set`,
        found: reasons.join("; ")
      }
    );
  }
}
function reviewLines(current, next, control) {
  const structured = diffPolicies(current, next.policy);
  const lines = [`${structured.changes.length} change(s):`, ...renderPolicyDiff(structured).map((l) => `  ${l}`)];
  if (control) {
    const org = quote(control.organisation);
    lines.push(
      control.reasons.length === 0 ? `organisation ${org} keeps its keys, log requirement, share of the threshold and the fallback set as they are` : `organisation ${org} does NOT keep control as it is: ${control.reasons.join("; ")}`
    );
  }
  return lines;
}
function rotationReview(what, current, next, signerKeyId) {
  const own = [...current.countersigners, ...current.fallback?.countersigners ?? []].find(
    (k) => k.keyId === signerKeyId
  );
  return [
    escapeUnusual(`${what} is an AUTHORITY ROTATION: it replaces the policy (who must sign from then on).`),
    `current policy: version ${current.version}`,
    `new policy:     version ${next.policy.version}, sha256:${next.digest}`,
    ...reviewLines(
      current,
      next,
      own ? { organisation: own.organisation, reasons: controlChanges(current, next.policy, own.organisation) } : void 0
    )
  ];
}

export {
  controlChanges,
  diffPolicies,
  REVIEW_HINT,
  peekRotation,
  rotationTargetOf,
  checkRotationApproval,
  reviewLines,
  rotationReview
};

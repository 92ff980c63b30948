// Shared by: cli-build, cli-countersign, cli-demo, cli-policy-update, cli-serve, cli-verify (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  checkPrimaryIdentity,
  trustMaterialOf,
  verifyPrimary
} from "./shared-868235cf.mjs";
import {
  bindingOf,
  leafHash,
  parseCountersignatureStatement,
  parseLogProof,
  preAuthEncoding,
  verifyCheckpoint,
  verifyInclusion
} from "./shared-98eab3f9.mjs";
import {
  parsePolicy
} from "./shared-ee69d299.mjs";
import {
  verifyEd25519Strict
} from "./shared-aee9c4ce.mjs";
import {
  parseStatement
} from "./shared-08d889f0.mjs";
import {
  BUNDLE_MEDIA_TYPE,
  COUNTERSIGNATURE_PAYLOAD_TYPE,
  INTOTO_PAYLOAD_TYPE,
  KEY_ID,
  Shape,
  rfc3339
} from "./shared-36064810.mjs";
import {
  parseStrictJson
} from "./shared-f585a028.mjs";
import {
  sha256Hex
} from "./shared-2868a1ae.mjs";
import {
  InputError,
  PolicyError,
  VerificationError
} from "./shared-f525ae91.mjs";

// src/lib/formats/policy/document.ts
function policyDocument(bytes, what) {
  return { bytes, digest: sha256Hex(bytes), policy: parsePolicy(bytes, what) };
}
function isRotation(statement) {
  return statement.predicate.kind === "authority-rotation";
}
function newPolicyOf(statement, what) {
  const encoded = statement.predicate.data.policy;
  if (!isRotation(statement) || typeof encoded !== "string") {
    throw new InputError("rotation-not-rotation", `${what}: expected an authority-rotation statement carrying the new policy, found kind ${statement.predicate.kind}`);
  }
  const bytes = base64Bytes(encoded);
  try {
    return policyDocument(bytes, `${what} new policy`);
  } catch (err) {
    if (err instanceof PolicyError) throw new InputError("rotation-policy-malformed", `${err.message} [${err.code}]`);
    throw err;
  }
}
function base64Bytes(text) {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

// src/lib/formats/bundle/bundle.ts
var DEFAULT_MAX_BUNDLE_BYTES = 4 * 1024 * 1024;
var MAX_COUNTERSIGNATURES = 32;
var SIGSTORE_BUNDLE_PREFIX = "application/vnd.dev.sigstore.bundle";
function parseBundleFile(bytes, what, maxBytes = DEFAULT_MAX_BUNDLE_BYTES) {
  const json = parseStrictJson(bytes, what, { maxBytes, maxDepth: 32 });
  const s = new Shape(what, "bundle-malformed");
  const mediaType = json?.mediaType;
  if (typeof mediaType === "string" && mediaType.startsWith(SIGSTORE_BUNDLE_PREFIX)) {
    return { bundle: { mediaType: BUNDLE_MEDIA_TYPE, primary: json, countersignatures: [] }, statements: [], signatures: [] };
  }
  const o = s.object(json, "$", ["mediaType", "primary", "countersignatures"]);
  if (o.mediaType !== BUNDLE_MEDIA_TYPE) {
    throw new InputError("bundle-unsupported-version", `${what}: $.mediaType: expected ${BUNDLE_MEDIA_TYPE}, found ${JSON.stringify(o.mediaType)}`);
  }
  s.object(o.primary, "$.primary", ["mediaType", "verificationMaterial"], ["dsseEnvelope", "messageSignature"]);
  const list = s.array(o.countersignatures, "$.countersignatures", MAX_COUNTERSIGNATURES);
  const countersignatures = [];
  const statements = [];
  const signatures = [];
  list.forEach((item, i) => {
    const path = `$.countersignatures[${i}]`;
    const c = s.object(item, path, ["keyId", "statement", "signature"], ["logProof"]);
    const keyId = s.string(c.keyId, `${path}.keyId`, KEY_ID);
    statements.push(s.base64(c.statement, `${path}.statement`, 32 * 1024));
    const sig = s.base64(c.signature, `${path}.signature`, 128);
    if (sig.length !== 64) s.fail(`${path}.signature`, `expected a 64-byte Ed25519 signature, found ${sig.length} bytes`);
    signatures.push(sig);
    const entry = { keyId, statement: c.statement, signature: c.signature };
    if (Object.hasOwn(c, "logProof")) entry.logProof = parseLogProof(s, c.logProof, `${path}.logProof`);
    countersignatures.push(entry);
  });
  return { bundle: { mediaType: BUNDLE_MEDIA_TYPE, primary: o.primary, countersignatures }, statements, signatures };
}
function serializeBundle(bundle) {
  return JSON.stringify({ mediaType: bundle.mediaType, primary: bundle.primary, countersignatures: bundle.countersignatures }, null, 2) + "\n";
}

// src/lib/pipeline/report.ts
var CHECKS = [
  { name: "parse", title: "Parse and limits" },
  { name: "primary", title: "Primary Sigstore signature" },
  { name: "primary-identity", title: "Primary signer identity" },
  { name: "countersignatures", title: "Countersignatures" },
  { name: "statement", title: "Statement (kind, stream, expiry, version)" },
  { name: "subjects", title: "Subjects match the files" }
];
function exitCodeOf(outcome) {
  return outcome === "verified" ? 0 : outcome === "error" ? 2 : 1;
}

// src/lib/checks/statement/rollback.ts
function checkNotRolledBack(state, stream, version, statementDigest) {
  const last = Object.hasOwn(state.streams, stream) ? state.streams[stream] : void 0;
  if (!last) return;
  if (version < last.version) {
    throw new VerificationError("statement-rollback", `version ${version} of ${stream} is older than the last accepted version ${last.version}`, {
      expected: `version >= ${last.version}`,
      found: String(version)
    });
  }
  if (version === last.version && statementDigest !== last.statementDigest) {
    throw new VerificationError("statement-version-reused", `version ${version} of ${stream} was already accepted for a different statement`, {
      expected: `statement sha256:${last.statementDigest}`,
      found: `statement sha256:${statementDigest}`
    });
  }
}
function checkPolicyNotRolledBack(state, policyVersion) {
  if (policyVersion < (state.policyVersion ?? 0)) {
    throw new VerificationError("policy-rollback", `the policy is version ${policyVersion}, older than version ${state.policyVersion} this client already verified under (a rotated-out policy put back?)`, {
      expected: `policy version >= ${state.policyVersion}`,
      found: String(policyVersion)
    });
  }
}

// src/lib/checks/statement/statement.ts
function checkStatement(statement, policy, now) {
  const p = statement.predicate;
  const skewMs = policy.limits.clockSkewSeconds * 1e3;
  if (!policy.kinds.includes(p.kind)) {
    throw new VerificationError("statement-kind", `kind ${p.kind} is not allowed by the policy`, { expected: policy.kinds.join(", "), found: p.kind });
  }
  if (!policy.streams.includes(p.stream)) {
    throw new VerificationError("statement-stream", `stream ${p.stream} is not allowed by the policy`, { expected: policy.streams.join(", "), found: p.stream });
  }
  const issued = Date.parse(p.issuedAt);
  const expires = Date.parse(p.expiresAt);
  if (issued > now.getTime() + skewMs) {
    throw new VerificationError("statement-not-yet-valid", `the statement was issued at ${p.issuedAt}, in the future (now ${rfc3339(now)})`, {
      expected: `issuedAt <= ${rfc3339(now)} (+${policy.limits.clockSkewSeconds}s skew)`,
      found: p.issuedAt
    });
  }
  if (expires + skewMs <= now.getTime()) {
    throw new VerificationError("statement-expired", `the statement expired at ${p.expiresAt} (now ${rfc3339(now)})`, {
      expected: `expiresAt > ${rfc3339(now)} (-${policy.limits.clockSkewSeconds}s skew)`,
      found: p.expiresAt
    });
  }
  const lifetime = (expires - issued) / 1e3;
  if (lifetime > policy.limits.maxStatementLifetimeSeconds) {
    throw new VerificationError("statement-lifetime", `the statement lives ${lifetime}s, longer than the policy's maximum of ${policy.limits.maxStatementLifetimeSeconds}s`, {
      expected: `expiresAt - issuedAt <= ${policy.limits.maxStatementLifetimeSeconds}s`,
      found: `${lifetime}s`
    });
  }
}

// src/lib/checks/log/proof.ts
function verifyLogProof(statement, proof, log, what) {
  let checkpoint;
  try {
    const verifier = { name: log.origin, rawPublicKey: log.rawPublicKey };
    checkpoint = verifyCheckpoint(proof.checkpoint, verifier, `${what}: log checkpoint`);
  } catch (err) {
    if (!(err instanceof VerificationError)) throw err;
    throw new VerificationError("countersignature-log-checkpoint", err.message, { expected: `a checkpoint of ${log.origin} signed by its pinned log key`, found: err.found ?? err.code });
  }
  if (checkpoint.size !== proof.treeSize) {
    throw new VerificationError("countersignature-log-inclusion", `${what}: the proof is for tree size ${proof.treeSize} but the checkpoint is for ${checkpoint.size}`, {
      expected: String(checkpoint.size),
      found: String(proof.treeSize)
    });
  }
  const path = proof.hashes.map((h) => new Uint8Array(Buffer.from(h, "base64")));
  if (!verifyInclusion(leafHash(statement), proof.logIndex, proof.treeSize, path, checkpoint.root)) {
    throw new VerificationError("countersignature-log-inclusion", `${what}: the inclusion proof does not lead from this countersignature statement (leaf ${proof.logIndex}) to the checkpoint's root of ${log.origin}`, {
      expected: `root ${Buffer.from(checkpoint.root).toString("base64")}`,
      found: "a proof that does not verify"
    });
  }
  return checkpoint;
}

// src/lib/checks/countersignatures/verify.ts
function verifyCountersignatures(items, keys, threshold, ctx) {
  const byId = new Map(keys.map((k) => [k.keyId, k]));
  const seen = /* @__PURE__ */ new Set();
  const valid = [];
  items.forEach((item, i) => {
    const label = `countersignature #${i + 1} (${item.keyId})`;
    if (seen.has(item.keyId)) {
      throw new VerificationError("countersignature-duplicate", `${label}: this key already countersigned this bundle`, {
        expected: "at most one countersignature per key",
        found: `a second countersignature from ${item.keyId}`
      });
    }
    seen.add(item.keyId);
    const key = byId.get(item.keyId);
    if (!key) {
      throw new VerificationError("countersignature-unpinned-key", `${label}: the key is not pinned in the policy`, {
        expected: `one of ${keys.map((k) => `${k.name} (${k.keyId})`).join(", ")}`,
        found: item.keyId
      });
    }
    if (!verifyEd25519Strict(item.signature, preAuthEncoding(COUNTERSIGNATURE_PAYLOAD_TYPE, item.statement), key.rawPublicKey)) {
      throw new VerificationError("countersignature-signature", `${label}: the Ed25519 signature does not verify under ${key.name}'s pinned key`, {
        expected: `a valid Ed25519 signature by ${key.name}`,
        found: "an invalid signature"
      });
    }
    let statement;
    try {
      statement = parseCountersignatureStatement(item.statement, label);
    } catch (err) {
      if (err instanceof InputError) throw new VerificationError("countersignature-malformed", err.message);
      throw err;
    }
    checkBinding(statement, item.keyId, label, ctx);
    checkWindow(statement, key, label, ctx);
    const check = { keyId: key.keyId, name: key.name, organisation: key.organisation, signedAt: statement.signedAt };
    if (key.log) check.log = checkLogged(item, key.log, label);
    valid.push(check);
  });
  const organisations = [...new Set(valid.map((v) => v.organisation))].sort();
  const missing = [...new Set(keys.map((k) => k.organisation))].filter((o) => !organisations.includes(o)).sort();
  if (organisations.length < threshold) {
    throw new VerificationError(
      valid.length === 0 ? "countersignature-missing" : "countersignature-threshold",
      valid.length === 0 ? "no countersignature: the bundle carries only the primary signature" : `countersigned by ${organisations.length} distinct organisation(s), the policy requires ${threshold}`,
      { expected: `${threshold} of: ${[...new Set(keys.map((k) => k.organisation))].sort().join(", ")}`, found: organisations.join(", ") || "none" }
    );
  }
  return { valid, organisations, missing };
}
function checkLogged(item, log, label) {
  if (!item.logProof) {
    throw new VerificationError("countersignature-log-missing", `${label}: the policy requires this key's countersignatures to be in the log ${log.origin}, and this one carries no log proof`, {
      expected: `a log proof from ${log.origin}`,
      found: "none"
    });
  }
  verifyLogProof(item.statement, item.logProof, log, label);
  return { origin: log.origin, index: item.logProof.logIndex, treeSize: item.logProof.treeSize };
}
function checkBinding(s, keyId, label, ctx) {
  const mismatch = (field, expected, found) => {
    throw new VerificationError("countersignature-binding", `${label}: ${field} does not match this bundle (the countersignature was made for another primary or statement)`, { expected, found });
  };
  if (s.keyId !== keyId) mismatch("keyId", keyId, s.keyId);
  const b = bindingOf(ctx.primary);
  if (s.payloadType !== b.payloadType) mismatch("payloadType", b.payloadType, s.payloadType);
  if (s.payloadDigest.sha256 !== b.payloadDigest.sha256) mismatch("payloadDigest", b.payloadDigest.sha256, s.payloadDigest.sha256);
  if (s.primarySignatureDigest.sha256 !== b.primarySignatureDigest.sha256) {
    mismatch("primarySignatureDigest", b.primarySignatureDigest.sha256, s.primarySignatureDigest.sha256);
  }
  if (s.certificateDigest.sha256 !== b.certificateDigest.sha256) mismatch("certificateDigest", b.certificateDigest.sha256, s.certificateDigest.sha256);
  const tlog = (list) => list.map((e) => `${e.logId}/${e.logIndex}`).sort().join(",");
  if (tlog(s.tlogEntries) !== tlog(b.tlogEntries)) mismatch("tlogEntries", tlog(b.tlogEntries) || "none", tlog(s.tlogEntries) || "none");
  const ts = (list) => list.map((d) => d.sha256).sort().join(",");
  if (ts(s.timestampDigests) !== ts(b.timestampDigests)) mismatch("timestampDigests", ts(b.timestampDigests) || "none", ts(s.timestampDigests) || "none");
  if (s.stream !== ctx.stream) mismatch("stream", ctx.stream, s.stream);
  if (s.version !== ctx.version) mismatch("version", String(ctx.version), String(s.version));
}
function checkWindow(s, key, label, ctx) {
  const signedAt = new Date(s.signedAt);
  const skew = ctx.clockSkewSeconds * 1e3;
  if (key.validFrom && signedAt < key.validFrom) {
    throw new VerificationError("countersignature-key-not-yet-valid", `${label}: signed at ${s.signedAt}, before the key ${key.name} became valid`, {
      expected: `signedAt >= ${key.validFrom.toISOString()}`,
      found: s.signedAt
    });
  }
  if (key.validUntil && signedAt > key.validUntil) {
    throw new VerificationError("countersignature-key-expired", `${label}: signed at ${s.signedAt}, after the key ${key.name} expired`, {
      expected: `signedAt <= ${key.validUntil.toISOString()}`,
      found: s.signedAt
    });
  }
  if (key.validUntil && ctx.now.getTime() > key.validUntil.getTime() + skew) {
    throw new VerificationError("countersignature-key-expired", `${label}: the key ${key.name} expired at ${key.validUntil.toISOString()}`, {
      expected: `now <= ${key.validUntil.toISOString()}`,
      found: ctx.now.toISOString()
    });
  }
  if (signedAt.getTime() > ctx.now.getTime() + skew) {
    throw new VerificationError("countersignature-time", `${label}: signedAt ${s.signedAt} is in the future`, {
      expected: `signedAt <= ${ctx.now.toISOString()} (+${ctx.clockSkewSeconds}s skew)`,
      found: s.signedAt
    });
  }
  if (signedAt.getTime() < ctx.primaryTime.getTime() - skew) {
    throw new VerificationError("countersignature-time", `${label}: signedAt ${s.signedAt} is before the primary signature existed`, {
      expected: `signedAt >= ${ctx.primaryTime.toISOString()}`,
      found: s.signedAt
    });
  }
}

// src/lib/checks/countersignatures/authorise.ts
function authorise(items, policy, ctx, options) {
  const { next } = options;
  const fallback = policy.fallback?.countersigners ?? [];
  const governing = /* @__PURE__ */ new Map();
  for (const key of [...policy.countersigners, ...fallback, ...next ? [...next.countersigners, ...next.fallback?.countersigners ?? []] : []]) {
    if (!governing.has(key.keyId)) governing.set(key.keyId, key);
  }
  const { valid } = verifyCountersignatures(items, [...governing.values()], 0, ctx);
  const fallbackIds = new Set(fallback.map((k) => k.keyId));
  const byFallback = valid.filter((v) => fallbackIds.has(v.keyId));
  if (!next && byFallback.length > 0) {
    throw new VerificationError("countersignature-fallback-not-rotation", `countersigned by the fallback key ${byFallback.map((v) => v.name).join(", ")}, which may authorise only an authority rotation`, {
      expected: `countersignatures by ${describeSet(policy.countersigners)}`,
      found: `fallback key(s) ${byFallback.map((v) => `${v.name} (${v.organisation})`).join(", ")}`
    });
  }
  const organisations = organisationsAmong(valid, policy.countersigners);
  const missing = distinct(policy.countersigners.map((k) => k.organisation)).filter((o) => !organisations.includes(o));
  const result = { valid, organisations, missing, authorisedBy: "none" };
  if (!options.requireThreshold) return result;
  if (organisations.length >= policy.threshold) {
    result.authorisedBy = "countersigners";
  } else if (next && policy.fallback && organisationsAmong(valid, fallback).length >= policy.fallback.threshold) {
    result.authorisedBy = "fallback";
    result.fallbackOrganisations = organisationsAmong(valid, fallback);
  } else {
    const alternative = next && policy.fallback ? `, or ${policy.fallback.threshold} of the fallback set (${describeSet(fallback)})` : "";
    result.shortfall = new VerificationError("countersignature-threshold", `countersigned by ${organisations.length} distinct organisation(s), the policy requires ${policy.threshold}${alternative}`, {
      expected: `${policy.threshold} of: ${distinct(policy.countersigners.map((k) => k.organisation)).join(", ")}${alternative}`,
      found: organisations.join(", ") || "none"
    });
    return result;
  }
  if (next) checkNewKeys(items, policy, next, valid, ctx, result);
  return result;
}
function checkNewKeys(items, policy, next, valid, ctx, result) {
  const known = new Set([...policy.countersigners, ...policy.fallback?.countersigners ?? []].map((k) => k.keyId));
  const signed = new Set(valid.map((v) => v.keyId));
  const added = [...next.countersigners, ...next.fallback?.countersigners ?? []].filter((k) => !known.has(k.keyId));
  const unproven = added.filter((k) => !signed.has(k.keyId));
  if (unproven.length > 0) {
    throw new VerificationError("rotation-proof-of-possession", `the new policy adds key(s) that did not countersign the rotation: ${unproven.map((k) => `${k.name} (${k.keyId})`).join(", ")}; a rotation may install only keys whose holders prove they hold them`, {
      expected: `countersignatures by every added key: ${added.map((k) => k.name).join(", ")}`,
      found: `countersignatures by ${valid.map((v) => v.name).join(", ") || "none"}`
    });
  }
  result.newKeys = added.map((k) => k.name);
  const ids = new Set(next.countersigners.map((k) => k.keyId));
  try {
    const outcome = verifyCountersignatures(items.filter((i) => ids.has(i.keyId)), next.countersigners, next.threshold, ctx);
    result.newOrganisations = outcome.organisations;
  } catch (err) {
    if (!(err instanceof VerificationError) || err.code !== "countersignature-threshold" && err.code !== "countersignature-missing") throw err;
    throw new VerificationError("rotation-new-threshold", `the rotation is not countersigned by ${next.threshold} organisation(s) of the new policy: ${err.message}`, {
      expected: `${next.threshold} of: ${distinct(next.countersigners.map((k) => k.organisation)).join(", ")}`,
      found: err.found ?? "none"
    });
  }
}
function organisationsAmong(valid, keys) {
  const ids = new Map(keys.map((k) => [k.keyId, k.organisation]));
  return distinct(valid.filter((v) => ids.has(v.keyId)).map((v) => ids.get(v.keyId)));
}
function distinct(items) {
  return [...new Set(items)].sort();
}
function describeSet(keys) {
  return keys.map((k) => `${k.name} (${k.organisation})`).join(", ");
}

// src/lib/checks/statement/rotation-versions.ts
function checkRotationVersions(current, next, statementVersion) {
  const expected = current.version + 1;
  if (next.version <= current.version) {
    throw new VerificationError("rotation-downgrade", `the rotation installs policy version ${next.version}, not newer than the current version ${current.version}`, {
      expected: `new policy version ${expected}`,
      found: String(next.version)
    });
  }
  if (next.version > expected) {
    throw new VerificationError("rotation-gap", `the rotation installs policy version ${next.version}, skipping from the current version ${current.version}: rotations go one version at a time`, {
      expected: `new policy version ${expected}`,
      found: String(next.version)
    });
  }
  if (statementVersion !== next.version) {
    throw new VerificationError("rotation-statement-version", `the rotation statement has version ${statementVersion}, but the policy it installs has version ${next.version}`, {
      expected: `statement version ${next.version}`,
      found: String(statementVersion)
    });
  }
}

// src/lib/checks/statement/subjects.ts
function compareSubjects(subjects, artifacts) {
  const expected = new Map(subjects.map((s) => [s.name, s.digest.sha256]));
  const seen = /* @__PURE__ */ new Set();
  for (const a of artifacts) {
    const digest = expected.get(a.name);
    if (digest === void 0) {
      throw new VerificationError("subject-unexpected-file", `${a.name} is not a subject of the statement`, { expected: "one of the statement's subjects", found: a.name });
    }
    if (digest !== a.digest.sha256) {
      throw new VerificationError("subject-digest", `${a.name}: the file's digest differs from the signed one`, { expected: `sha256:${digest}`, found: `sha256:${a.digest.sha256}` });
    }
    seen.add(a.name);
  }
  const missing = subjects.filter((s) => !seen.has(s.name)).map((s) => s.name);
  if (missing.length > 0) {
    throw new VerificationError("subject-missing", `${missing.length} subject(s) of the statement are not among the files: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", \u2026" : ""}`, {
      expected: `${subjects.length} file(s)`,
      found: `${artifacts.length} file(s)`
    });
  }
}

// src/lib/pipeline/run.ts
async function runPipeline(bytes, options) {
  const { policy } = options;
  const now = options.now ?? /* @__PURE__ */ new Date();
  const what = options.what ?? "bundle";
  const report = { outcome: "verified", checks: [] };
  const ctx = {};
  let pending = false;
  const steps = {
    parse: () => {
      const parsed = parseBundleFile(bytes, what, policy.limits.maxBundleBytes);
      const envelope = parsed.bundle.primary.dsseEnvelope;
      if (!envelope || typeof envelope.payload !== "string") {
        throw new InputError("primary-malformed", `${what}: $.primary: expected a DSSE envelope carrying the statement`);
      }
      if (envelope.payloadType !== INTOTO_PAYLOAD_TYPE) {
        throw new InputError("statement-unsupported-type", `${what}: DSSE payloadType: expected ${INTOTO_PAYLOAD_TYPE}, found ${JSON.stringify(envelope.payloadType)}`);
      }
      ctx.statementBytes = new Uint8Array(Buffer.from(envelope.payload, "base64"));
      ctx.statement = parseStatement(ctx.statementBytes, `${what} statement`, { maxBytes: policy.limits.maxBundleBytes, maxSubjects: policy.limits.maxSubjects });
      ctx.bundle = parsed;
      if (isRotation(ctx.statement)) ctx.rotation = newPolicyOf(ctx.statement, `${what} statement`);
      fillStatement(report, ctx);
      return `${parsed.bundle.countersignatures.length} countersignature(s), ${ctx.statement.subject.length} subject(s), ${bytes.byteLength} bytes`;
    },
    primary: async () => {
      const trust = options.trust ?? trustMaterialOf(policy);
      ctx.primary = await verifyPrimary(ctx.bundle.bundle.primary, trust);
      if (sha256Hex(ctx.primary.payload) !== sha256Hex(ctx.statementBytes)) throw new VerificationError("primary-malformed", "the verified DSSE payload differs from the parsed statement");
      const p = ctx.primary;
      report.primary = { identity: p.signer.identity, issuer: p.signer.issuer, claims: { ...p.signer.extensions }, time: p.verifiedTime.toISOString() };
      return `signature, certificate chain and ${p.tlogEntries.length ? "transparency-log entry" : "timestamp"} verify against the pinned trusted root`;
    },
    "primary-identity": () => {
      checkPrimaryIdentity(ctx.primary.signer, policy.primary);
      return `${ctx.primary.signer.identity} (issuer ${ctx.primary.signer.issuer})`;
    },
    countersignatures: () => {
      const parsed = ctx.bundle;
      if (parsed.bundle.countersignatures.length === 0) {
        pending = !options.forCountersigning;
        return "no countersignature yet";
      }
      const st = ctx.statement.predicate;
      const outcome = authorise(
        parsed.bundle.countersignatures.map((c, i) => ({ keyId: c.keyId, statement: parsed.statements[i], signature: parsed.signatures[i], ...c.logProof ? { logProof: c.logProof } : {} })),
        policy,
        { primary: ctx.primary, stream: st.stream, version: st.version, primaryTime: ctx.primary.verifiedTime, now, clockSkewSeconds: policy.limits.clockSkewSeconds },
        { requireThreshold: !options.forCountersigning, ...ctx.rotation ? { next: ctx.rotation.policy } : {} }
      );
      ctx.authorisation = outcome;
      report.countersigners = countersignersReport(outcome, policy.threshold);
      if (outcome.shortfall) throw outcome.shortfall;
      const logged = (v) => v.log ? `, logged at ${v.log.origin} #${v.log.index}` : "";
      const usual = `${outcome.organisations.length} of ${policy.threshold} required organisation(s)`;
      const head = outcome.authorisedBy === "fallback" ? `authorised by the fallback signer set (${outcome.fallbackOrganisations.join(", ")}); usual countersigners: ${usual}` : usual;
      const pop = outcome.newKeys ? `; new policy: ${outcome.newOrganisations.length} of ${ctx.rotation.policy.threshold} organisation(s), added key(s) proved: ${outcome.newKeys.join(", ") || "none"}` : "";
      return `${head}: ${outcome.valid.map((v) => `${v.organisation} (${v.name}${logged(v)})`).join(", ")}${pop}`;
    },
    statement: () => {
      const st = ctx.statement;
      if (options.state) checkPolicyNotRolledBack(options.state, policy.version);
      checkStatement(st, policy, now);
      if (ctx.rotation) checkRotationVersions(policy, ctx.rotation.policy, st.predicate.version);
      if (options.state) checkNotRolledBack(options.state, st.predicate.stream, st.predicate.version, sha256Hex(ctx.statementBytes));
      return `${st.predicate.kind} ${st.predicate.stream} v${st.predicate.version}, expires ${st.predicate.expiresAt}`;
    },
    subjects: () => {
      if (!options.artifacts) return "no files given: not checked";
      compareSubjects(ctx.statement.subject, options.artifacts);
      return `${options.artifacts.length} file(s) match the statement's subjects`;
    }
  };
  let failed = false;
  for (const { name, title } of CHECKS) {
    if (failed) {
      report.checks.push({ check: name, title, result: "skipped", message: "not run: an earlier check failed" });
      continue;
    }
    try {
      const message = await steps[name]();
      const entry = { check: name, title, result: "pass", message };
      if (name === "countersignatures" && pending) {
        Object.assign(entry, { result: "pending", code: "countersignature-missing", expected: `${policy.threshold} organisation(s)`, found: "none" });
      }
      report.checks.push(entry);
    } catch (err) {
      if (!(err instanceof VerificationError) && !(err instanceof InputError)) throw err;
      failed = true;
      const entry = { check: name, title, result: "fail", code: err.code, message: err.message };
      const details = err;
      if (details.expected !== void 0) entry.expected = details.expected;
      if (details.found !== void 0) entry.found = details.found;
      report.checks.push(entry);
      report.failure = { check: name, code: err.code, message: err.message };
    }
  }
  report.outcome = failed ? "rejected" : pending ? "pending-countersign" : "verified";
  if (ctx.rotation && !failed) {
    report.rotation = { fromVersion: policy.version, toVersion: ctx.rotation.policy.version, policyDigest: `sha256:${ctx.rotation.digest}`, authorisedBy: ctx.authorisation?.authorisedBy ?? "none", addedKeys: ctx.authorisation?.newKeys ?? [] };
  }
  return { report, primary: ctx.primary, statement: ctx.statement, statementBytes: ctx.statementBytes, bundle: ctx.bundle, rotation: ctx.rotation, authorisation: ctx.authorisation };
}
function countersignersReport(a, threshold) {
  return {
    signed: a.valid,
    organisations: a.organisations,
    missing: a.missing,
    threshold,
    ...a.authorisedBy === "fallback" ? { authorisedBy: "fallback", fallbackOrganisations: a.fallbackOrganisations } : {}
  };
}
function fillStatement(report, ctx) {
  const st = ctx.statement;
  report.statement = {
    digest: `sha256:${sha256Hex(ctx.statementBytes)}`,
    kind: st.predicate.kind,
    stream: st.predicate.stream,
    version: st.predicate.version,
    issuedAt: st.predicate.issuedAt,
    expiresAt: st.predicate.expiresAt,
    subjects: st.subject.map((s) => ({ name: s.name, digest: `sha256:${s.digest.sha256}` }))
  };
}

export {
  policyDocument,
  newPolicyOf,
  checkRotationVersions,
  parseBundleFile,
  serializeBundle,
  exitCodeOf,
  checkPolicyNotRolledBack,
  runPipeline
};

// Shared by: cli-build, cli-countersign, cli-demo, cli-policy-update, cli-serve, cli-verify (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  bindingOf,
  parseCountersignatureStatement,
  preAuthEncoding
} from "./shared-98eab3f9.mjs";
import {
  verifyCosignatures
} from "./shared-c9b31025.mjs";
import {
  leafHash,
  verifyCheckpoint,
  verifyInclusion
} from "./shared-c6dbb844.mjs";
import {
  checkPrimaryIdentity,
  verifyPrimary
} from "./shared-d54b2595.mjs";
import {
  isRotation,
  newPolicyOf,
  parseBundleFile
} from "./shared-4746e858.mjs";
import {
  parseStatement
} from "./shared-e181c389.mjs";
import {
  trustMaterialOf
} from "./shared-f06d4d30.mjs";
import {
  COUNTERSIGNATURE_PAYLOAD_TYPE,
  INTOTO_PAYLOAD_TYPE
} from "./shared-d5665511.mjs";
import {
  verifyEd25519Strict
} from "./shared-2b0dfa9f.mjs";
import {
  sha256Hex
} from "./shared-f3698323.mjs";
import {
  equalBytes,
  rfc3339
} from "./shared-84c2b3d1.mjs";
import {
  InputError,
  VerificationError
} from "./shared-c0077619.mjs";

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

// src/lib/formats/bundle/envelope.ts
function envelopeStatementBytes(primary2, what, options) {
  const envelope = primary2?.dsseEnvelope;
  if (!envelope || typeof envelope.payload !== "string") {
    throw new InputError("primary-malformed", `${what}: $.primary: expected a DSSE envelope carrying the statement`);
  }
  if (envelope.payloadType !== INTOTO_PAYLOAD_TYPE) {
    throw new InputError(
      "statement-unsupported-type",
      `${what}: DSSE payloadType: expected ${INTOTO_PAYLOAD_TYPE}, found ${JSON.stringify(envelope.payloadType)}`
    );
  }
  const { payload } = envelope;
  const bytes = Buffer.from(payload, "base64");
  if (options.nonCanonical === "refuse" && bytes.toString("base64") !== payload) {
    throw new InputError(
      "primary-malformed",
      `${what}: $.primary.dsseEnvelope.payload: expected canonical base64 (RFC 4648 \xA74, padded), found other text`
    );
  }
  return new Uint8Array(bytes);
}

// src/lib/pipeline/steps/parse.ts
function parse(bytes, policy, what) {
  return readStatement(parseEnvelope(bytes, policy, what), policy, what);
}
function parseEnvelope(bytes, policy, what) {
  const bundle = parseBundleFile(bytes, what, policy.limits.maxBundleBytes);
  const statementBytes = envelopeStatementBytes(bundle.bundle.primary, what, { nonCanonical: "defer" });
  return { bundle, statementBytes };
}
function readStatement(envelope, policy, what) {
  const { statementBytes } = envelope;
  const statement2 = parseStatement(statementBytes, `${what} statement`, {
    maxBytes: policy.limits.maxBundleBytes,
    maxSubjects: policy.limits.maxSubjects
  });
  return { ...envelope, statementDigest: sha256Hex(statementBytes), statement: statement2 };
}
function describeParsed(parsed, byteLength) {
  return `${parsed.bundle.bundle.countersignatures.length} countersignature(s), ${parsed.statement.subject.length} subject(s), ${byteLength} bytes`;
}
function describeEnvelope(envelope, byteLength) {
  return `${envelope.bundle.bundle.countersignatures.length} countersignature(s), ${byteLength} bytes (the statement is read once the primary signature verifies)`;
}

// src/lib/pipeline/steps/primary.ts
function primary(parsed, trust) {
  const result = verifyPrimary(parsed.bundle.bundle.primary, trust);
  if (!equalBytes(result.payload, parsed.statementBytes))
    throw new VerificationError("primary-malformed", "the verified DSSE payload differs from the parsed statement");
  return result;
}
function describePrimary(result) {
  return `signature, certificate chain and ${result.tlogEntries.length ? "transparency-log entry" : "timestamp"} verify against the pinned trusted root`;
}

// src/lib/pipeline/steps/primary-identity.ts
function primaryIdentity(primary2, policy) {
  checkPrimaryIdentity(primary2.signer, policy.primary);
  return primary2.signer;
}
function describeSigner(signer) {
  return `${signer.identity} (issuer ${signer.issuer})`;
}

// src/lib/checks/log/witnesses.ts
function checkWitnesses(note, requirement, clock, what) {
  const valid = verifyCosignatures(note, requirement.witnesses, what);
  const now = Math.floor(clock.now.getTime() / 1e3);
  const future = valid.filter((c) => c.timestamp > now + clock.clockSkewSeconds);
  const maxAge = requirement.maxAgeSeconds;
  const stale = maxAge === void 0 ? [] : valid.filter((c) => c.timestamp < now - maxAge - clock.clockSkewSeconds);
  const counted = valid.filter((c) => !future.includes(c) && !stale.includes(c));
  if (counted.length >= requirement.threshold) return counted;
  const names = (list) => list.map((c) => c.name).join(", ") || "none";
  const absent = requirement.witnesses.filter((w) => !valid.some((c) => c.name === w.name)).map((w) => w.name);
  const notes = [
    stale.length > 0 ? `older than ${maxAge ?? 0} s: ${names(stale)}` : "",
    future.length > 0 ? `dated in the future: ${names(future)}` : "",
    absent.length > 0 ? `no cosignature: ${absent.join(", ")}` : ""
  ].filter((s) => s !== "");
  throw new VerificationError(
    "log-witness-threshold",
    `${what}: the checkpoint has ${counted.length} valid cosignature(s) of the ${requirement.threshold} required from its witnesses (${notes.join("; ")})`,
    {
      expected: `${requirement.threshold} of: ${requirement.witnesses.map((w) => w.name).join(", ")}`,
      found: names(counted)
    }
  );
}

// src/lib/checks/log/proof.ts
function verifyLogProof(statement2, proof, log, what, clock = { now: /* @__PURE__ */ new Date(), clockSkewSeconds: 0 }) {
  let checkpoint;
  try {
    const verifier = { name: log.origin, rawPublicKey: log.rawPublicKey };
    checkpoint = verifyCheckpoint(proof.checkpoint, verifier, `${what}: log checkpoint`);
  } catch (err) {
    if (!(err instanceof VerificationError)) throw err;
    throw new VerificationError("countersignature-log-checkpoint", err.message, {
      expected: `a checkpoint of ${log.origin} signed by its pinned log key`,
      found: err.found ?? err.code
    });
  }
  if (checkpoint.size !== proof.treeSize) {
    throw new VerificationError(
      "countersignature-log-inclusion",
      `${what}: the proof is for tree size ${proof.treeSize} but the checkpoint is for ${checkpoint.size}`,
      {
        expected: String(checkpoint.size),
        found: String(proof.treeSize)
      }
    );
  }
  const path = proof.hashes.map((h) => new Uint8Array(Buffer.from(h, "base64")));
  if (!verifyInclusion(leafHash(statement2), proof.logIndex, proof.treeSize, path, checkpoint.root)) {
    throw new VerificationError(
      "countersignature-log-inclusion",
      `${what}: the inclusion proof does not lead from this countersignature statement (leaf ${proof.logIndex}) to the checkpoint's root of ${log.origin}`,
      {
        expected: `root ${Buffer.from(checkpoint.root).toString("base64")}`,
        found: "a proof that does not verify"
      }
    );
  }
  if (log.witnesses) checkWitnesses(proof.checkpoint, log.witnesses, clock, `${what}: log checkpoint`);
  return checkpoint;
}

// src/lib/checks/countersignatures/verify.ts
function verifyCountersignatures(items, keys, threshold, ctx, select = () => true) {
  const byId = new Map(keys.map((k) => [k.keyId, k]));
  const seen = /* @__PURE__ */ new Set();
  const valid = [];
  items.forEach((item, i) => {
    if (!select(item.keyId)) return;
    const label = `countersignature #${i + 1} (${item.keyId})`;
    if (seen.has(item.keyId)) {
      throw new VerificationError(
        "countersignature-duplicate",
        `${label}: this key already countersigned this bundle`,
        {
          expected: "at most one countersignature per key",
          found: `a second countersignature from ${item.keyId}`
        }
      );
    }
    seen.add(item.keyId);
    const key = byId.get(item.keyId);
    if (!key) {
      throw new VerificationError("countersignature-unpinned-key", `${label}: the key is not pinned in the policy`, {
        expected: `one of ${keys.map((k) => `${k.name} (${k.keyId})`).join(", ")}`,
        found: item.keyId
      });
    }
    if (!verifyEd25519Strict(
      item.signature,
      preAuthEncoding(COUNTERSIGNATURE_PAYLOAD_TYPE, item.statement),
      key.rawPublicKey
    )) {
      throw new VerificationError(
        "countersignature-signature",
        `${label}: the Ed25519 signature does not verify under ${key.name}'s pinned key`,
        {
          expected: `a valid Ed25519 signature by ${key.name}`,
          found: "an invalid signature"
        }
      );
    }
    let statement2;
    try {
      statement2 = parseCountersignatureStatement(item.statement, label);
    } catch (err) {
      if (err instanceof InputError) throw new VerificationError("countersignature-malformed", err.message);
      throw err;
    }
    checkBinding(statement2, item.keyId, label, ctx);
    checkWindow(statement2, key, label, ctx);
    const check = {
      keyId: key.keyId,
      name: key.name,
      organisation: key.organisation,
      signedAt: statement2.signedAt
    };
    if (key.log) check.log = checkLogged(item, key.log, label, ctx);
    valid.push(check);
  });
  const organisations = [...new Set(valid.map((v) => v.organisation))].sort();
  const missing = [...new Set(keys.map((k) => k.organisation))].filter((o) => !organisations.includes(o)).sort();
  if (organisations.length < threshold) {
    throw new VerificationError(
      valid.length === 0 ? "countersignature-missing" : "countersignature-threshold",
      valid.length === 0 ? "no countersignature: the bundle carries only the primary signature" : `countersigned by ${organisations.length} distinct organisation(s), the policy requires ${threshold}`,
      {
        expected: `${threshold} of: ${[...new Set(keys.map((k) => k.organisation))].sort().join(", ")}`,
        found: organisations.join(", ") || "none"
      }
    );
  }
  return { valid, organisations, missing };
}
function checkLogged(item, log, label, ctx) {
  if (!item.logProof) {
    throw new VerificationError(
      "countersignature-log-missing",
      `${label}: the policy requires this key's countersignatures to be in the log ${log.origin}, and this one carries no log proof`,
      {
        expected: `a log proof from ${log.origin}`,
        found: "none"
      }
    );
  }
  verifyLogProof(item.statement, item.logProof, log, label, { now: ctx.now, clockSkewSeconds: ctx.clockSkewSeconds });
  return { origin: log.origin, index: item.logProof.logIndex, treeSize: item.logProof.treeSize };
}
function checkBinding(s, keyId, label, ctx) {
  const mismatch = (field, expected, found) => {
    throw new VerificationError(
      "countersignature-binding",
      `${label}: ${field} does not match this bundle (the countersignature was made for another primary or statement)`,
      { expected, found }
    );
  };
  if (s.keyId !== keyId) mismatch("keyId", keyId, s.keyId);
  const b = bindingOf(ctx.primary);
  if (s.payloadType !== b.payloadType) mismatch("payloadType", b.payloadType, s.payloadType);
  if (s.payloadDigest.sha256 !== b.payloadDigest.sha256)
    mismatch("payloadDigest", b.payloadDigest.sha256, s.payloadDigest.sha256);
  if (s.primarySignatureDigest.sha256 !== b.primarySignatureDigest.sha256) {
    mismatch("primarySignatureDigest", b.primarySignatureDigest.sha256, s.primarySignatureDigest.sha256);
  }
  if (s.certificateDigest.sha256 !== b.certificateDigest.sha256)
    mismatch("certificateDigest", b.certificateDigest.sha256, s.certificateDigest.sha256);
  const tlog = (list) => list.map((e) => `${e.logId}/${e.logIndex}`).sort().join(",");
  if (tlog(s.tlogEntries) !== tlog(b.tlogEntries))
    mismatch("tlogEntries", tlog(b.tlogEntries) || "none", tlog(s.tlogEntries) || "none");
  const ts = (list) => list.map((d) => d.sha256).sort().join(",");
  if (ts(s.timestampDigests) !== ts(b.timestampDigests))
    mismatch("timestampDigests", ts(b.timestampDigests) || "none", ts(s.timestampDigests) || "none");
  if (s.stream !== ctx.stream) mismatch("stream", ctx.stream, s.stream);
  if (s.version !== ctx.version) mismatch("version", String(ctx.version), String(s.version));
}
function checkWindow(s, key, label, ctx) {
  const signedAt = new Date(s.signedAt);
  const skew = ctx.clockSkewSeconds * 1e3;
  if (key.validFrom && signedAt < key.validFrom) {
    throw new VerificationError(
      "countersignature-key-not-yet-valid",
      `${label}: signed at ${s.signedAt}, before the key ${key.name} became valid`,
      {
        expected: `signedAt >= ${key.validFrom.toISOString()}`,
        found: s.signedAt
      }
    );
  }
  if (key.validUntil && signedAt > key.validUntil) {
    throw new VerificationError(
      "countersignature-key-expired",
      `${label}: signed at ${s.signedAt}, after the key ${key.name} expired`,
      {
        expected: `signedAt <= ${key.validUntil.toISOString()}`,
        found: s.signedAt
      }
    );
  }
  if (key.validUntil && ctx.now.getTime() > key.validUntil.getTime() + skew) {
    throw new VerificationError(
      "countersignature-key-expired",
      `${label}: the key ${key.name} expired at ${key.validUntil.toISOString()}`,
      {
        expected: `now <= ${key.validUntil.toISOString()}`,
        found: ctx.now.toISOString()
      }
    );
  }
  if (signedAt.getTime() > ctx.now.getTime() + skew) {
    throw new VerificationError("countersignature-time", `${label}: signedAt ${s.signedAt} is in the future`, {
      expected: `signedAt <= ${ctx.now.toISOString()} (+${ctx.clockSkewSeconds}s skew)`,
      found: s.signedAt
    });
  }
  if (signedAt.getTime() < ctx.primaryTime.getTime() - skew) {
    throw new VerificationError(
      "countersignature-time",
      `${label}: signedAt ${s.signedAt} is before the primary signature existed`,
      {
        expected: `signedAt >= ${ctx.primaryTime.toISOString()}`,
        found: s.signedAt
      }
    );
  }
}

// src/lib/checks/countersignatures/authorise.ts
function authorise(items, policy, ctx, options) {
  const rotation = options.next !== void 0;
  const fallback = policy.fallback?.countersigners ?? [];
  const current = governing([...policy.countersigners, ...fallback]);
  const currentIds = new Set(current.map((k) => k.keyId));
  const first = verifyCountersignatures(
    items,
    current,
    0,
    ctx,
    rotation ? (keyId) => currentIds.has(keyId) : () => true
  ).valid;
  const fallbackIds = new Set(fallback.map((k) => k.keyId));
  const byFallback = first.filter((v) => fallbackIds.has(v.keyId));
  if (!rotation && byFallback.length > 0) {
    throw new VerificationError(
      "countersignature-fallback-not-rotation",
      `countersigned by the fallback key ${byFallback.map((v) => v.name).join(", ")}, which may authorise only an authority rotation`,
      {
        expected: `countersignatures by ${describeSet(policy.countersigners)}`,
        found: `fallback key(s) ${byFallback.map((v) => `${v.name} (${v.organisation})`).join(", ")}`
      }
    );
  }
  const organisations = organisationsAmong(first, policy.countersigners);
  const missing = distinct(policy.countersigners.map((k) => k.organisation)).filter((o) => !organisations.includes(o));
  const result = { valid: first, organisations, missing, authorisedBy: "none" };
  if (options.requireThreshold) {
    if (organisations.length >= policy.threshold) {
      result.authorisedBy = "countersigners";
    } else if (rotation && policy.fallback && organisationsAmong(first, fallback).length >= policy.fallback.threshold) {
      result.authorisedBy = "fallback";
      result.fallbackOrganisations = organisationsAmong(first, fallback);
    } else {
      const alternative = rotation && policy.fallback ? `, or ${policy.fallback.threshold} of the fallback set (${describeSet(fallback)})` : "";
      result.shortfall = new VerificationError(
        "countersignature-threshold",
        `countersigned by ${organisations.length} distinct organisation(s), the policy requires ${policy.threshold}${alternative}`,
        {
          expected: `${policy.threshold} of: ${distinct(policy.countersigners.map((k) => k.organisation)).join(", ")}${alternative}`,
          found: organisations.join(", ") || "none"
        }
      );
      return result;
    }
  }
  const next = options.next?.();
  if (!next) return result;
  const rest = verifyCountersignatures(
    items,
    governing([...current, ...next.countersigners, ...next.fallback?.countersigners ?? []]),
    0,
    ctx,
    (keyId) => !currentIds.has(keyId)
  ).valid;
  const byKey = new Map([...first, ...rest].map((v) => [v.keyId, v]));
  result.valid = items.map((item) => byKey.get(item.keyId)).filter((v) => v !== void 0);
  if (options.requireThreshold) checkNewKeys(items, policy, next, result.valid, ctx, result);
  return result;
}
function checkNewKeys(items, policy, next, valid, ctx, result) {
  const known = new Set([...policy.countersigners, ...policy.fallback?.countersigners ?? []].map((k) => k.keyId));
  const signed = new Set(valid.map((v) => v.keyId));
  const added = [...next.countersigners, ...next.fallback?.countersigners ?? []].filter((k) => !known.has(k.keyId));
  const unproven = added.filter((k) => !signed.has(k.keyId));
  if (unproven.length > 0) {
    throw new VerificationError(
      "rotation-proof-of-possession",
      `the new policy adds key(s) that did not countersign the rotation: ${unproven.map((k) => `${k.name} (${k.keyId})`).join(", ")}; a rotation may install only keys whose holders prove they hold them`,
      {
        expected: `countersignatures by every added key: ${added.map((k) => k.name).join(", ")}`,
        found: `countersignatures by ${valid.map((v) => v.name).join(", ") || "none"}`
      }
    );
  }
  result.newKeys = added.map((k) => k.name);
  const ids = new Set(next.countersigners.map((k) => k.keyId));
  try {
    const outcome = verifyCountersignatures(
      items.filter((i) => ids.has(i.keyId)),
      next.countersigners,
      next.threshold,
      ctx
    );
    result.newOrganisations = outcome.organisations;
  } catch (err) {
    if (!(err instanceof VerificationError) || err.code !== "countersignature-threshold" && err.code !== "countersignature-missing")
      throw err;
    throw new VerificationError(
      "rotation-new-threshold",
      `the rotation is not countersigned by ${next.threshold} organisation(s) of the new policy: ${err.message}`,
      {
        expected: `${next.threshold} of: ${distinct(next.countersigners.map((k) => k.organisation)).join(", ")}`,
        found: err.found ?? "none"
      }
    );
  }
}
function governing(keys) {
  const byId = /* @__PURE__ */ new Map();
  for (const key of keys) if (!byId.has(key.keyId)) byId.set(key.keyId, key);
  return [...byId.values()];
}
function organisationsAmong(valid, keys) {
  const ids = new Map(keys.map((k) => [k.keyId, k.organisation]));
  return distinct(valid.map((v) => ids.get(v.keyId)).filter((organisation) => organisation !== void 0));
}
function distinct(items) {
  return [...new Set(items)].sort();
}
function describeSet(keys) {
  return keys.map((k) => `${k.name} (${k.organisation})`).join(", ");
}

// src/lib/pipeline/steps/countersignatures.ts
function countersignatures(parsed, primary2, policy, options) {
  const items = countersignatureInputs(parsed.bundle);
  const rotating = isRotation(parsed.statement);
  const carried = () => newPolicyOf(parsed.statement, `${options.what} statement`);
  if (items.length === 0)
    return options.requireThreshold ? { kind: "pending", rotation: void 0 } : { kind: "unsigned", rotation: rotating ? carried() : void 0 };
  const { stream, version } = parsed.statement.predicate;
  const read = {};
  const next = () => (read.rotation = carried()).policy;
  const authorisation = authorise(
    items,
    policy,
    {
      primary: primary2,
      stream,
      version,
      primaryTime: primary2.verifiedTime,
      now: options.now,
      clockSkewSeconds: policy.limits.clockSkewSeconds
    },
    { requireThreshold: options.requireThreshold, ...rotating ? { next } : {} }
  );
  const { rotation } = read;
  return authorisation.shortfall ? { kind: "short", authorisation, shortfall: authorisation.shortfall, rotation } : { kind: "signed", authorisation, rotation };
}
function describeCountersigned(countersigned, policy, rotation) {
  if (countersigned.kind !== "signed" && countersigned.kind !== "short") return "no countersignature yet";
  const a = countersigned.authorisation;
  const logged = (v) => v.log ? `, logged at ${v.log.origin} #${v.log.index}` : "";
  const usual = `${a.organisations.length} of ${policy.threshold} required organisation(s)`;
  const head = a.authorisedBy === "fallback" ? (
    // Stryker disable next-line ArrayDeclaration: equivalent, never undefined here (see above)
    `authorised by the fallback signer set (${(a.fallbackOrganisations ?? []).join(", ")}); usual countersigners: ${usual}`
  ) : usual;
  const pop = a.newKeys && rotation ? (
    // Stryker disable next-line ArrayDeclaration: equivalent, newOrganisations is set with newKeys (see above)
    `; new policy: ${(a.newOrganisations ?? []).length} of ${rotation.policy.threshold} organisation(s), added key(s) proved: ${a.newKeys.join(", ") || "none"}`
  ) : "";
  return `${head}: ${a.valid.map((v) => `${v.organisation} (${v.name}${logged(v)})`).join(", ")}${pop}`;
}
function countersignatureInputs(parsed) {
  return parsed.bundle.countersignatures.map((c, i) => {
    const statement2 = parsed.statements[i];
    const signature = parsed.signatures[i];
    if (!statement2 || !signature)
      throw new Error(`parseBundleFile: countersignature ${i} has no decoded statement or signature`);
    return { keyId: c.keyId, statement: statement2, signature, ...c.logProof ? { logProof: c.logProof } : {} };
  });
}

// src/lib/checks/statement/rollback.ts
function checkNotRolledBack(state, stream, version, statementDigest) {
  const last = Object.hasOwn(state.streams, stream) ? state.streams[stream] : void 0;
  if (!last) return;
  if (version < last.version) {
    throw new VerificationError(
      "statement-rollback",
      `version ${version} of ${stream} is older than the last accepted version ${last.version}`,
      {
        expected: `version >= ${last.version}`,
        found: String(version)
      }
    );
  }
  if (version === last.version && statementDigest !== last.statementDigest) {
    throw new VerificationError(
      "statement-version-reused",
      `version ${version} of ${stream} was already accepted for a different statement`,
      {
        expected: `statement sha256:${last.statementDigest}`,
        found: `statement sha256:${statementDigest}`
      }
    );
  }
}
var MAX_FIRST_VERSION = 2 ** 45;
function checkVersionStep(state, stream, version, maxStep) {
  const last = Object.hasOwn(state.streams, stream) ? state.streams[stream] : void 0;
  if (!last || version - last.version <= maxStep) return;
  throw new VerificationError(
    "statement-version-step",
    `version ${version} of ${stream} is ${version - last.version} above the last accepted version ${last.version}, more than the policy's maxVersionStep of ${maxStep}`,
    {
      expected: `version <= ${last.version + maxStep}`,
      found: String(version)
    }
  );
}
function checkFirstVersion(state, stream, version) {
  if (state && Object.hasOwn(state.streams, stream) || version <= MAX_FIRST_VERSION) return;
  throw new VerificationError(
    "statement-version-step",
    `refusing to countersign: version ${version} of ${stream} is above ${MAX_FIRST_VERSION}, the highest first version countersigned in a stream with no record of its last version (spec/POLICY.md \xA73.9)`,
    {
      expected: `version <= ${MAX_FIRST_VERSION}`,
      found: String(version)
    }
  );
}
function checkPolicyNotRolledBack(state, policyVersion) {
  if (policyVersion < (state.policyVersion ?? 0)) {
    throw new VerificationError(
      "policy-rollback",
      `the policy is version ${policyVersion}, older than version ${state.policyVersion} this client already verified under (a rotated-out policy put back?)`,
      {
        expected: `policy version >= ${state.policyVersion}`,
        found: String(policyVersion)
      }
    );
  }
}

// src/lib/checks/statement/statement.ts
function checkStatement(statement2, policy, now) {
  const p = statement2.predicate;
  const skewMs = policy.limits.clockSkewSeconds * 1e3;
  if (!policy.kinds.includes(p.kind)) {
    throw new VerificationError("statement-kind", `kind ${p.kind} is not allowed by the policy`, {
      expected: policy.kinds.join(", "),
      found: p.kind
    });
  }
  if (!policy.streams.includes(p.stream)) {
    throw new VerificationError("statement-stream", `stream ${p.stream} is not allowed by the policy`, {
      expected: policy.streams.join(", "),
      found: p.stream
    });
  }
  const issued = Date.parse(p.issuedAt);
  const expires = Date.parse(p.expiresAt);
  if (issued > now.getTime() + skewMs) {
    throw new VerificationError(
      "statement-not-yet-valid",
      `the statement was issued at ${p.issuedAt}, in the future (now ${rfc3339(now)})`,
      {
        expected: `issuedAt <= ${rfc3339(now)} (+${policy.limits.clockSkewSeconds}s skew)`,
        found: p.issuedAt
      }
    );
  }
  if (expires + skewMs <= now.getTime()) {
    throw new VerificationError("statement-expired", `the statement expired at ${p.expiresAt} (now ${rfc3339(now)})`, {
      expected: `expiresAt > ${rfc3339(now)} (-${policy.limits.clockSkewSeconds}s skew)`,
      found: p.expiresAt
    });
  }
  const lifetime = (expires - issued) / 1e3;
  if (lifetime > policy.limits.maxStatementLifetimeSeconds) {
    throw new VerificationError(
      "statement-lifetime",
      `the statement lives ${lifetime}s, longer than the policy's maximum of ${policy.limits.maxStatementLifetimeSeconds}s`,
      {
        expected: `expiresAt - issuedAt <= ${policy.limits.maxStatementLifetimeSeconds}s`,
        found: `${lifetime}s`
      }
    );
  }
}

// src/lib/checks/statement/expectation.ts
function checkExpected(statement2, expect) {
  const p = statement2.predicate;
  if (p.stream !== expect.stream) {
    throw new VerificationError(
      "statement-stream-unexpected",
      `stream ${p.stream} is allowed by the policy but is not the stream this verification expects (${expect.stream}): a bundle of another stream is never a release of this one`,
      {
        expected: expect.stream,
        found: p.stream
      }
    );
  }
  if (expect.kind !== void 0 && p.kind !== expect.kind) {
    throw new VerificationError(
      "statement-kind-unexpected",
      `kind ${p.kind} is allowed by the policy but is not the kind this verification expects (${expect.kind})`,
      {
        expected: expect.kind,
        found: p.kind
      }
    );
  }
}

// src/lib/checks/statement/rotation-versions.ts
function checkRotationVersions(current, next, statementVersion) {
  const expected = current.version + 1;
  if (next.version <= current.version) {
    throw new VerificationError(
      "rotation-downgrade",
      `the rotation installs policy version ${next.version}, not newer than the current version ${current.version}`,
      {
        expected: `new policy version ${expected}`,
        found: String(next.version)
      }
    );
  }
  if (next.version > expected) {
    throw new VerificationError(
      "rotation-gap",
      `the rotation installs policy version ${next.version}, skipping from the current version ${current.version}: rotations go one version at a time`,
      {
        expected: `new policy version ${expected}`,
        found: String(next.version)
      }
    );
  }
  if (statementVersion !== next.version) {
    throw new VerificationError(
      "rotation-statement-version",
      `the rotation statement has version ${statementVersion}, but the policy it installs has version ${next.version}`,
      {
        expected: `statement version ${next.version}`,
        found: String(statementVersion)
      }
    );
  }
}

// src/lib/pipeline/steps/statement.ts
function statement(parsed, rotation, policy, options) {
  const st = parsed.statement;
  if (options.state) checkPolicyNotRolledBack(options.state, policy.version);
  checkStatement(st, policy, options.now);
  if (options.expect) checkExpected(st, options.expect);
  if (isRotation(st))
    checkRotationVersions(policy, rotation?.policy ?? { version: st.predicate.version }, st.predicate.version);
  if (options.state)
    checkNotRolledBack(options.state, st.predicate.stream, st.predicate.version, parsed.statementDigest);
  if (options.state && !isRotation(st))
    checkVersionStep(options.state, st.predicate.stream, st.predicate.version, policy.limits.maxVersionStep);
  return st;
}
function describeStatement(st) {
  return `${st.predicate.kind} ${st.predicate.stream} v${st.predicate.version}, expires ${st.predicate.expiresAt}`;
}

// src/lib/checks/statement/subjects.ts
function compareSubjects(subjects2, artifacts) {
  const expected = new Map(subjects2.map((s) => [s.name, s.digest.sha256]));
  const seen = /* @__PURE__ */ new Set();
  for (const a of artifacts) {
    const digest = expected.get(a.name);
    if (digest === void 0) {
      throw new VerificationError("subject-unexpected-file", `${a.name} is not a subject of the statement`, {
        expected: "one of the statement's subjects",
        found: a.name
      });
    }
    if (digest !== a.digest.sha256) {
      throw new VerificationError("subject-digest", `${a.name}: the file's digest differs from the signed one`, {
        expected: `sha256:${digest}`,
        found: `sha256:${a.digest.sha256}`
      });
    }
    seen.add(a.name);
  }
  const missing = subjects2.filter((s) => !seen.has(s.name)).map((s) => s.name);
  if (missing.length > 0) {
    throw new VerificationError(
      "subject-missing",
      `${missing.length} subject(s) of the statement are not among the files: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", \u2026" : ""}`,
      {
        expected: `${subjects2.length} file(s)`,
        found: `${artifacts.length} file(s)`
      }
    );
  }
}

// src/lib/pipeline/steps/subjects.ts
function subjects(statement2, artifacts) {
  if (!artifacts) return { kind: "not-checked" };
  compareSubjects(statement2.subject, artifacts);
  return { kind: "matched", files: artifacts.length };
}
function describeSubjects(checked) {
  return checked.kind === "not-checked" ? "no files given: not checked" : `${checked.files} file(s) match the statement's subjects`;
}

// src/lib/pipeline/run.ts
function runPipeline(bytes, options) {
  return Promise.resolve().then(() => runChecks(bytes, options));
}
function runChecks(bytes, options) {
  const { policy } = options;
  const now = options.now ?? /* @__PURE__ */ new Date();
  const what = options.what ?? "bundle";
  const requireThreshold = !options.forCountersigning;
  const r = new ReportBuilder(policy);
  const envelope = attempt(() => parseEnvelope(bytes, policy, what));
  if (!envelope.ok) {
    r.failed("parse", envelope.error);
    return r.rejected({});
  }
  const verifiedPrimary = attempt(() => primary(envelope.value, options.trust ?? trustMaterialOf(policy)));
  if (!verifiedPrimary.ok) {
    r.record("parse", pass(describeEnvelope(envelope.value, bytes.byteLength)));
    r.failed("primary", verifiedPrimary.error);
    return r.rejected({});
  }
  const parsed = r.check(
    "parse",
    () => readStatement(envelope.value, policy, what),
    (p) => pass(describeParsed(p, bytes.byteLength))
  );
  if (!parsed) return r.rejected({});
  const primaryResult = verifiedPrimary.value;
  r.record("primary", pass(describePrimary(primaryResult)));
  const signer = r.check(
    "primary-identity",
    () => primaryIdentity(primaryResult, policy),
    (s) => pass(describeSigner(s))
  );
  if (!signer) return r.rejected({ parsed, primary: primaryResult });
  const countersigned = r.check(
    "countersignatures",
    () => countersignatures(parsed, primaryResult, policy, { now, requireThreshold, what }),
    (c) => c.kind === "pending" ? {
      result: "pending",
      message: describeCountersigned(c, policy, c.rotation),
      code: "countersignature-missing",
      expected: `${policy.threshold} organisation(s)`,
      found: "none"
    } : c.kind === "short" ? { result: "fail", error: c.shortfall } : pass(describeCountersigned(c, policy, c.rotation))
  );
  if (!countersigned || countersigned.kind === "short")
    return r.rejected({ parsed, primary: primaryResult, ...countersigned ? { countersigned } : {} });
  const established = { parsed, primary: primaryResult, countersigned };
  if (!r.check(
    "statement",
    () => statement(parsed, countersigned.rotation, policy, { now, state: options.state, expect: options.expect }),
    (st) => pass(describeStatement(st))
  ))
    return r.rejected(established);
  if (!r.check(
    "subjects",
    () => subjects(parsed.statement, options.artifacts),
    // No files given: nothing was compared, and the report says so rather than "pass" (issue 14 #10).
    (s) => s.kind === "not-checked" ? { result: "not-checked", message: describeSubjects(s) } : pass(describeSubjects(s))
  ))
    return r.rejected(established);
  if (countersigned.kind === "pending") return r.pending(established);
  return r.verified({ parsed, primary: primaryResult, signer, countersigned });
}
function attempt(run) {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof VerificationError || error instanceof InputError) return { ok: false, error };
    throw error;
  }
}
function pass(message) {
  return { result: "pass", message };
}
var TITLES = Object.fromEntries(CHECKS.map((c) => [c.name, c.title]));
var ReportBuilder = class {
  policy;
  entries = [];
  failure;
  constructor(policy) {
    this.policy = policy;
  }
  /**
   * Runs one check: its value, or undefined when it threw a typed error (InputError or
   * VerificationError; anything else is a bug and propagates). A value whose verdict is a failure
   * is returned too: the countersignatures check's shortfall still says who signed.
   */
  check(check, run, verdict) {
    const a = attempt(run);
    if (!a.ok) {
      this.failed(check, a.error);
      return void 0;
    }
    this.record(check, verdict(a.value));
    return a.value;
  }
  /** The entry of a check that ran outside `check` (parse and primary run in the order of authentication, above). */
  record(check, v) {
    const title = TITLES[check];
    if (v.result === "fail") this.fail(check, title, v.error);
    else if (v.result === "pending")
      this.entries.push({
        check,
        title,
        result: "pending",
        message: v.message,
        code: v.code,
        expected: v.expected,
        found: v.found
      });
    else this.entries.push({ check, title, result: v.result, message: v.message });
  }
  /** The failed entry of a check that ran outside `check`. */
  failed(check, err) {
    this.fail(check, TITLES[check], err);
  }
  fail(check, title, err) {
    const entry = { check, title, result: "fail", code: err.code, message: err.message };
    const details = err;
    if (details.expected !== void 0) entry.expected = details.expected;
    if (details.found !== void 0) entry.found = details.found;
    this.entries.push(entry);
    this.failure = { check, code: err.code, message: err.message };
  }
  rejected(established) {
    const ran = new Set(this.entries.map((e) => e.check));
    const skipped = CHECKS.filter((c) => !ran.has(c.name)).map((c) => ({
      check: c.name,
      title: c.title,
      result: "skipped",
      message: "not run: an earlier check failed"
    }));
    const report = {
      ...this.report("rejected", [...this.entries, ...skipped], established),
      ...this.failure ? { failure: this.failure } : {}
    };
    return { report, ...fields(established) };
  }
  pending(established) {
    return {
      report: { ...this.report("pending-countersign", this.entries, established), ...this.rotation(established) },
      ...fields(established)
    };
  }
  verified(verified) {
    const { parsed } = verified;
    const established = { parsed, primary: verified.primary, countersigned: verified.countersigned };
    return {
      report: { ...this.report("verified", this.entries, established), ...this.rotation(established) },
      ...fields(established),
      primary: verified.primary,
      statement: parsed.statement,
      statementBytes: parsed.statementBytes,
      bundle: parsed.bundle,
      verified
    };
  }
  /** The report's keys in the order `verify --json` has always printed them: outcome, checks, statement, primary, countersigners (then failure or rotation). */
  report(outcome, checks, { parsed, primary: primary2, countersigned }) {
    const authorisation = authorisationOf(countersigned);
    return {
      outcome,
      checks,
      ...parsed ? { statement: statementSummary(parsed) } : {},
      ...primary2 ? { primary: primarySummary(primary2) } : {},
      // Also when too few organisations signed: the report says who did.
      ...authorisation ? { countersigners: countersignersSummary(authorisation, this.policy.threshold) } : {}
    };
  }
  /** For an authority rotation that was not rejected: the versions, the new policy's digest, who authorised it, the keys it adds. */
  rotation({ parsed, countersigned }) {
    const subject = parsed.statement.subject[0];
    if (!isRotation(parsed.statement) || !subject) return {};
    const authorisation = authorisationOf(countersigned);
    const { policy } = this;
    return {
      rotation: {
        fromVersion: policy.version,
        toVersion: parsed.statement.predicate.version,
        policyDigest: `sha256:${subject.digest.sha256}`,
        authorisedBy: authorisation?.authorisedBy ?? "none",
        addedKeys: authorisation?.newKeys ?? []
      }
    };
  }
};
function authorisationOf(countersigned) {
  return countersigned?.kind === "signed" || countersigned?.kind === "short" ? countersigned.authorisation : void 0;
}
function fields({ parsed, primary: primary2, countersigned }) {
  const authorisation = authorisationOf(countersigned);
  return {
    ...primary2 ? { primary: primary2 } : {},
    ...parsed ? { statement: parsed.statement, statementBytes: parsed.statementBytes, bundle: parsed.bundle } : {},
    ...countersigned?.rotation ? { rotation: countersigned.rotation } : {},
    ...authorisation ? { authorisation } : {}
  };
}
function statementSummary(parsed) {
  const st = parsed.statement;
  return {
    digest: `sha256:${parsed.statementDigest}`,
    kind: st.predicate.kind,
    stream: st.predicate.stream,
    version: st.predicate.version,
    issuedAt: st.predicate.issuedAt,
    expiresAt: st.predicate.expiresAt,
    subjects: st.subject.map((s) => ({ name: s.name, digest: `sha256:${s.digest.sha256}` }))
  };
}
function primarySummary(p) {
  return {
    identity: p.signer.identity,
    issuer: p.signer.issuer,
    claims: { ...p.signer.extensions },
    time: p.verifiedTime.toISOString()
  };
}
function countersignersSummary(a, threshold) {
  return {
    signed: a.valid,
    organisations: a.organisations,
    missing: a.missing,
    threshold,
    // authorise() sets fallbackOrganisations whenever authorisedBy is 'fallback'.
    ...a.authorisedBy === "fallback" ? (
      // Stryker disable next-line ArrayDeclaration: equivalent, never undefined here (see above)
      { authorisedBy: "fallback", fallbackOrganisations: a.fallbackOrganisations ?? [] }
    ) : {}
  };
}

export {
  checkRotationVersions,
  envelopeStatementBytes,
  exitCodeOf,
  parse,
  checkFirstVersion,
  checkPolicyNotRolledBack,
  runPipeline
};

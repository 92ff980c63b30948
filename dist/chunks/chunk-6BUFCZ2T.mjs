import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  checkPrimaryIdentity,
  loadTrustedRoot,
  verifyPrimary
} from "./chunk-WNJJGT3W.mjs";
import {
  verifyEd25519Strict
} from "./chunk-LKDC74CQ.mjs";
import {
  KEY_ID,
  SHA256_HEX,
  Shape,
  parseStatement,
  rfc3339,
  sha256Hex
} from "./chunk-VEEHAY7O.mjs";
import {
  BUNDLE_MEDIA_TYPE,
  COUNTERSIGNATURE_PAYLOAD_TYPE,
  COUNTERSIGNATURE_TYPE,
  INTOTO_PAYLOAD_TYPE,
  STREAM_PATTERN,
  isValidStream
} from "./chunk-3PD3J2TA.mjs";
import {
  parseStrictJson
} from "./chunk-7AEG5EKO.mjs";
import {
  InputError,
  VerificationError
} from "./chunk-AKRWTDNC.mjs";

// src/lib/bundle/countersigned-bundle.ts
var DEFAULT_MAX_BUNDLE_BYTES = 4 * 1024 * 1024;
var MAX_COUNTERSIGNATURES = 32;
var SIGSTORE_BUNDLE_PREFIX = "application/vnd.dev.sigstore.bundle";
function parseBundleFile(bytes, what, maxBytes = DEFAULT_MAX_BUNDLE_BYTES) {
  const json = parseStrictJson(bytes, what, { maxBytes, maxDepth: 32 });
  const s = new Shape(what, "bundle-malformed");
  const top = json;
  const mediaType = typeof top === "object" && top !== null && !Array.isArray(top) ? top.mediaType : void 0;
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
    const c = s.object(item, path, ["keyId", "statement", "signature"]);
    const keyId = s.string(c.keyId, `${path}.keyId`, KEY_ID);
    statements.push(s.base64(c.statement, `${path}.statement`, 32 * 1024));
    const sig = s.base64(c.signature, `${path}.signature`, 128);
    if (sig.length !== 64) s.fail(`${path}.signature`, `expected a 64-byte Ed25519 signature, found ${sig.length} bytes`);
    signatures.push(sig);
    countersignatures.push({ keyId, statement: c.statement, signature: c.signature });
  });
  return { bundle: { mediaType: BUNDLE_MEDIA_TYPE, primary: o.primary, countersignatures }, statements, signatures };
}
function serializeBundle(bundle) {
  return JSON.stringify({ mediaType: bundle.mediaType, primary: bundle.primary, countersignatures: bundle.countersignatures }, null, 2) + "\n";
}

// src/lib/verify/report.ts
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

// src/lib/verify/state.ts
var STATE_MEDIA_TYPE = "application/vnd.countersign.state.v1+json";
var MAX_STATE_BYTES = 1024 * 1024;
var MAX_STREAMS = 1e4;
function emptyState() {
  return { streams: {} };
}
function parseState(bytes, what) {
  const s = new Shape(what, "state-malformed");
  const o = s.object(parseStrictJson(bytes, what, { maxBytes: MAX_STATE_BYTES, maxDepth: 8 }), "$", ["mediaType", "streams"]);
  if (o.mediaType !== STATE_MEDIA_TYPE) s.fail("$.mediaType", `expected ${STATE_MEDIA_TYPE}, found ${JSON.stringify(o.mediaType)}`);
  const streams = s.object(o.streams, "$.streams", [], Object.keys(o.streams ?? {}));
  if (Object.keys(streams).length > MAX_STREAMS) s.fail("$.streams", `more than ${MAX_STREAMS} streams`);
  const out = /* @__PURE__ */ Object.create(null);
  for (const [name, value] of Object.entries(streams)) {
    if (!isValidStream(name)) s.fail(`$.streams`, `invalid stream name ${JSON.stringify(name)}`);
    const e = s.object(value, `$.streams[${JSON.stringify(name)}]`, ["version", "statementDigest"]);
    out[name] = {
      version: s.positiveInteger(e.version, `$.streams[${JSON.stringify(name)}].version`),
      statementDigest: s.string(e.statementDigest, `$.streams[${JSON.stringify(name)}].statementDigest`, SHA256_HEX)
    };
  }
  return { streams: out };
}
function serializeState(state) {
  const streams = Object.fromEntries(Object.entries(state.streams).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({ mediaType: STATE_MEDIA_TYPE, streams }, null, 2) + "\n";
}
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
function recordAccepted(state, stream, version, statementDigest) {
  return { streams: { ...state.streams, [stream]: { version, statementDigest } } };
}

// src/lib/countersign/pae.ts
var encoder = new TextEncoder();
function preAuthEncoding(payloadType, payload) {
  const typeBytes = encoder.encode(payloadType);
  const head = encoder.encode(`DSSEv1 ${typeBytes.length} ${payloadType} ${payload.length} `);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head, 0);
  out.set(payload, head.length);
  return out;
}

// src/lib/countersign/statement.ts
var MAX_COUNTERSIGNATURE_STATEMENT_BYTES = 16 * 1024;
var MAX_BINDING_ITEMS = 16;
function bindingOf(primary) {
  return {
    payloadType: primary.payloadType,
    payloadDigest: { sha256: sha256Hex(primary.payload) },
    primarySignatureDigest: { sha256: sha256Hex(primary.signature) },
    certificateDigest: { sha256: sha256Hex(primary.certificate) },
    tlogEntries: primary.tlogEntries.map((e) => ({ logId: e.logId, logIndex: e.logIndex })),
    timestampDigests: primary.timestamps.map((t) => ({ sha256: sha256Hex(t) }))
  };
}
function buildCountersignatureStatement(input) {
  const b = bindingOf(input.primary);
  return {
    _type: COUNTERSIGNATURE_TYPE,
    keyId: input.keyId,
    payloadType: b.payloadType,
    payloadDigest: b.payloadDigest,
    primarySignatureDigest: b.primarySignatureDigest,
    certificateDigest: b.certificateDigest,
    tlogEntries: b.tlogEntries,
    timestampDigests: b.timestampDigests,
    stream: input.stream,
    version: input.version,
    signedAt: rfc3339(input.signedAt)
  };
}
function serializeCountersignatureStatement(statement) {
  return new TextEncoder().encode(JSON.stringify(statement));
}
function parseCountersignatureStatement(bytes, what) {
  const json = parseStrictJson(bytes, what, { maxBytes: MAX_COUNTERSIGNATURE_STATEMENT_BYTES, maxDepth: 8 });
  const s = new Shape(what, "countersignature-malformed");
  const o = s.object(json, "$", [
    "_type",
    "keyId",
    "payloadType",
    "payloadDigest",
    "primarySignatureDigest",
    "certificateDigest",
    "tlogEntries",
    "timestampDigests",
    "stream",
    "version",
    "signedAt"
  ]);
  if (o._type !== COUNTERSIGNATURE_TYPE) {
    s.fail("$._type", `expected ${COUNTERSIGNATURE_TYPE}, found ${JSON.stringify(o._type)} (unknown countersignature version)`);
  }
  const digest = (v, path) => ({ sha256: s.string(s.object(v, path, ["sha256"]).sha256, `${path}.sha256`, SHA256_HEX) });
  const tlog = s.array(o.tlogEntries, "$.tlogEntries", MAX_BINDING_ITEMS).map((e, i) => {
    const entry = s.object(e, `$.tlogEntries[${i}]`, ["logId", "logIndex"]);
    return {
      logId: s.string(entry.logId, `$.tlogEntries[${i}].logId`, /^[A-Za-z0-9+/]+={0,2}$/, 128),
      logIndex: s.string(entry.logIndex, `$.tlogEntries[${i}].logIndex`, /^(0|[1-9][0-9]{0,18})$/)
    };
  });
  return {
    _type: COUNTERSIGNATURE_TYPE,
    keyId: s.string(o.keyId, "$.keyId", KEY_ID),
    payloadType: s.string(o.payloadType, "$.payloadType", void 0, 256),
    payloadDigest: digest(o.payloadDigest, "$.payloadDigest"),
    primarySignatureDigest: digest(o.primarySignatureDigest, "$.primarySignatureDigest"),
    certificateDigest: digest(o.certificateDigest, "$.certificateDigest"),
    tlogEntries: tlog,
    timestampDigests: s.array(o.timestampDigests, "$.timestampDigests", MAX_BINDING_ITEMS).map((d, i) => digest(d, `$.timestampDigests[${i}]`)),
    stream: s.string(o.stream, "$.stream", STREAM_PATTERN, 200),
    version: s.positiveInteger(o.version, "$.version"),
    signedAt: rfc3339(s.timestamp(o.signedAt, "$.signedAt"))
  };
}

// src/lib/countersign/verify.ts
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
    valid.push({ keyId: key.keyId, name: key.name, organisation: key.organisation, signedAt: statement.signedAt });
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

// src/lib/verify/statement-checks.ts
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
    throw new VerificationError("statement-not-yet-valid", `the statement was issued at ${p.issuedAt}, in the future (now ${iso(now)})`, {
      expected: `issuedAt <= ${iso(now)} (+${policy.limits.clockSkewSeconds}s skew)`,
      found: p.issuedAt
    });
  }
  if (expires + skewMs <= now.getTime()) {
    throw new VerificationError("statement-expired", `the statement expired at ${p.expiresAt} (now ${iso(now)})`, {
      expected: `expiresAt > ${iso(now)} (-${policy.limits.clockSkewSeconds}s skew)`,
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
function iso(d) {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

// src/lib/verify/subjects.ts
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

// src/lib/verify/pipeline.ts
function trustMaterialOf(policy) {
  return loadTrustedRoot(policy.trustedRoot, "policy trustedRoot");
}
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
      return `${parsed.bundle.countersignatures.length} countersignature(s), ${ctx.statement.subject.length} subject(s), ${bytes.byteLength} bytes`;
    },
    primary: async () => {
      const trust = options.trust ?? trustMaterialOf(policy);
      ctx.primary = await verifyPrimary(ctx.bundle.bundle.primary, trust);
      if (sha256Hex(ctx.primary.payload) !== sha256Hex(ctx.statementBytes)) {
        throw new VerificationError("primary-malformed", "the verified DSSE payload differs from the parsed statement");
      }
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
      const outcome = verifyCountersignatures(
        parsed.bundle.countersignatures.map((c, i) => ({ keyId: c.keyId, statement: parsed.statements[i], signature: parsed.signatures[i] })),
        policy.countersigners,
        options.forCountersigning ? 0 : policy.threshold,
        { primary: ctx.primary, stream: st.stream, version: st.version, primaryTime: ctx.primary.verifiedTime, now, clockSkewSeconds: policy.limits.clockSkewSeconds }
      );
      report.countersigners = { signed: outcome.valid, organisations: outcome.organisations, missing: outcome.missing };
      return `${outcome.organisations.length} of ${policy.threshold} required organisation(s): ${outcome.valid.map((v) => `${v.organisation} (${v.name})`).join(", ")}`;
    },
    statement: () => {
      const st = ctx.statement;
      checkStatement(st, policy, now);
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
      if (name === "parse") fillStatement(report, ctx);
    } catch (err) {
      if (!(err instanceof VerificationError) && !(err instanceof InputError)) throw err;
      failed = true;
      const entry = { check: name, title, result: "fail", code: err.code, message: err.message };
      if (err instanceof VerificationError) {
        if (err.expected !== void 0) entry.expected = err.expected;
        if (err.found !== void 0) entry.found = err.found;
      }
      report.checks.push(entry);
      report.failure = { check: name, code: err.code, message: err.message };
    }
  }
  report.outcome = failed ? "rejected" : pending ? "pending-countersign" : "verified";
  return { report, primary: ctx.primary, statement: ctx.statement, statementBytes: ctx.statementBytes, bundle: ctx.bundle };
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
  parseBundleFile,
  serializeBundle,
  preAuthEncoding,
  buildCountersignatureStatement,
  serializeCountersignatureStatement,
  exitCodeOf,
  emptyState,
  parseState,
  serializeState,
  recordAccepted,
  runPipeline
};

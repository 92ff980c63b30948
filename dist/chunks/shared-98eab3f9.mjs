// Shared by: cli-audit, cli-build, cli-countersign, cli-demo, cli-policy-update, cli-serve, cli-verify (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  COUNTERSIGNATURE_TYPE,
  STREAM_PATTERN
} from "./shared-d5665511.mjs";
import {
  parseStrictJson
} from "./shared-31413875.mjs";
import {
  sha256Hex
} from "./shared-f3698323.mjs";
import {
  KEY_ID,
  SHA256_HEX,
  Shape,
  rfc3339
} from "./shared-84c2b3d1.mjs";

// src/lib/basics/crypto/pae.ts
var encoder = new TextEncoder();
function preAuthEncoding(payloadType, payload) {
  const typeBytes = encoder.encode(payloadType);
  const head = encoder.encode(`DSSEv1 ${typeBytes.length} ${payloadType} ${payload.length} `);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head, 0);
  out.set(payload, head.length);
  return out;
}

// src/lib/formats/countersignature/statement.ts
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
  const json = parseStrictJson(bytes, what, {
    maxBytes: MAX_COUNTERSIGNATURE_STATEMENT_BYTES,
    maxDepth: 8,
    integersOnly: true
  });
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
    s.fail(
      "$._type",
      `expected ${COUNTERSIGNATURE_TYPE}, found ${JSON.stringify(o._type)} (unknown countersignature version)`
    );
  }
  const digest = (v, path) => ({
    sha256: s.string(s.object(v, path, ["sha256"]).sha256, `${path}.sha256`, SHA256_HEX)
  });
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

export {
  preAuthEncoding,
  bindingOf,
  buildCountersignatureStatement,
  serializeCountersignatureStatement,
  parseCountersignatureStatement
};

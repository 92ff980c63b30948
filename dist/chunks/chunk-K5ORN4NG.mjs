import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  isValidKeyName,
  openNote,
  signNote
} from "./chunk-PPZ7WV4W.mjs";
import {
  COUNTERSIGNATURE_TYPE,
  KEY_ID,
  SHA256_HEX,
  STREAM_PATTERN,
  Shape,
  rfc3339
} from "./chunk-BFEGAZ5M.mjs";
import {
  parseStrictJson
} from "./chunk-I7YNERAT.mjs";
import {
  sha256Hex
} from "./chunk-ROP22AZE.mjs";
import {
  VerificationError
} from "./chunk-AKRWTDNC.mjs";

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
  const json = parseStrictJson(bytes, what, { maxBytes: MAX_COUNTERSIGNATURE_STATEMENT_BYTES, maxDepth: 8, integersOnly: true });
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

// src/lib/log/merkle.ts
import { createHash } from "node:crypto";
var HASH_SIZE = 32;
var MAX_PROOF_HASHES = 64;
var LEAF_PREFIX = Buffer.from([0]);
var NODE_PREFIX = Buffer.from([1]);
function leafHash(data) {
  return new Uint8Array(createHash("sha256").update(LEAF_PREFIX).update(data).digest());
}
function nodeHash(left, right) {
  return new Uint8Array(createHash("sha256").update(NODE_PREFIX).update(left).update(right).digest());
}
function emptyRoot() {
  return new Uint8Array(createHash("sha256").digest());
}
function splitPoint(n) {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
function inclusionPath(index, size, mth) {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new RangeError(`inclusion proof: expected 0 <= index < size, found index ${index}, size ${size}`);
  }
  const path = [];
  const walk = (m, lo, hi) => {
    if (hi - lo <= 1) return;
    const k = splitPoint(hi - lo);
    if (m < k) {
      walk(m, lo, lo + k);
      path.push(mth(lo + k, hi));
    } else {
      walk(m - k, lo + k, hi);
      path.push(mth(lo, lo + k));
    }
  };
  walk(index, 0, size);
  return path;
}
function consistencyProof(from, to, mth) {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to) {
    throw new RangeError(`consistency proof: expected 0 <= from <= to, found from ${from}, to ${to}`);
  }
  if (from === 0 || from === to) return [];
  const proof = [];
  const sub = (m, lo, hi, complete) => {
    const n = hi - lo;
    if (m === n) {
      if (!complete) proof.push(mth(lo, hi));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, lo, lo + k, complete);
      proof.push(mth(lo + k, hi));
    } else {
      sub(m - k, lo + k, hi, false);
      proof.push(mth(lo, lo + k));
    }
  };
  sub(from, 0, to, true);
  return proof;
}
function rootFromInclusionProof(leaf, index, size, path) {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return void 0;
  if (path.length > MAX_PROOF_HASHES || path.some((p) => p.length !== HASH_SIZE)) return void 0;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return void 0;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : void 0;
}
function verifyInclusion(leaf, index, size, path, root) {
  const computed = rootFromInclusionProof(leaf, index, size, path);
  return computed !== void 0 && equalBytes(computed, root);
}
function verifyConsistency(from, to, fromRoot, toRoot, proof) {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to) return false;
  if (proof.length > MAX_PROOF_HASHES || proof.some((p) => p.length !== HASH_SIZE)) return false;
  if (from === to) return proof.length === 0 && equalBytes(fromRoot, toRoot);
  if (from === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(from) ? [fromRoot, ...proof] : [...proof];
  let fn = from - 1;
  let sn = to - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(fr, fromRoot) && equalBytes(sr, toRoot);
}
function equalBytes(a, b) {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
function isPowerOfTwo(n) {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

// src/lib/log/checkpoint.ts
var MAX_EXTENSIONS = 16;
function formatCheckpointText(checkpoint) {
  return `${checkpoint.origin}
${checkpoint.size}
${Buffer.from(checkpoint.root).toString("base64")}
`;
}
function parseCheckpointText(text, what = "checkpoint") {
  const fail = (why) => {
    throw new VerificationError("log-checkpoint-malformed", `${what}: ${why}`);
  };
  const lines = text.split("\n");
  if (lines.pop() !== "" || lines.length < 3) fail("expected origin, size and root hash lines, each ending in a newline");
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (!isValidKeyName(origin)) fail(`invalid origin line ${JSON.stringify(origin.slice(0, 80))}`);
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) fail(`expected a decimal tree size, found ${JSON.stringify(sizeText.slice(0, 40))}`);
  const root = Buffer.from(rootText, "base64");
  if (root.length !== HASH_SIZE || root.toString("base64") !== rootText) fail(`expected the base64 of a ${HASH_SIZE}-byte root hash, found ${JSON.stringify(rootText.slice(0, 60))}`);
  if (extensions.length > MAX_EXTENSIONS || extensions.some((e) => e.length === 0)) fail("malformed extension lines");
  return { origin, size: Number(sizeText), root: new Uint8Array(root), extensions };
}
async function signCheckpoint(checkpoint, signer) {
  return signNote(formatCheckpointText({ origin: signer.name, ...checkpoint }), signer);
}
function verifyCheckpoint(note, log, what = "checkpoint") {
  const text = openNote(note, log, what);
  const checkpoint = parseCheckpointText(text, what);
  if (checkpoint.origin !== log.name) {
    throw new VerificationError("log-checkpoint-origin", `${what}: origin ${JSON.stringify(checkpoint.origin)} is not the pinned log's ${JSON.stringify(log.name)}`, {
      expected: log.name,
      found: checkpoint.origin
    });
  }
  return checkpoint;
}

export {
  preAuthEncoding,
  bindingOf,
  buildCountersignatureStatement,
  serializeCountersignatureStatement,
  parseCountersignatureStatement,
  HASH_SIZE,
  MAX_PROOF_HASHES,
  leafHash,
  nodeHash,
  emptyRoot,
  splitPoint,
  inclusionPath,
  consistencyProof,
  verifyInclusion,
  verifyConsistency,
  equalBytes,
  signCheckpoint,
  verifyCheckpoint
};

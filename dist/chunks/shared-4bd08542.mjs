// Shared by: cli-build, cli-countersign, cli-demo, cli-policy, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-trusted-root, cli-verify, cli-witness (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  isValidKeyName
} from "./shared-a58ce1e9.mjs";
import {
  decodeCanonicalBase64
} from "./shared-84c2b3d1.mjs";

// src/lib/formats/log/cosignature.ts
import { createHash } from "node:crypto";
var COSIGNATURE_V1_TYPE = 4;
var COSIGNATURE_V1_BYTES = 4 + 8 + 64;
var MAX_WITNESS_PROOF_LINES = 63;
function cosignerKeyHash(name, rawPublicKey) {
  const digest = createHash("sha256").update(name, "utf8").update(Buffer.from([10, COSIGNATURE_V1_TYPE])).update(rawPublicKey).digest();
  return new Uint8Array(digest.subarray(0, 4));
}
function cosignerVerifierKey(name, rawPublicKey) {
  const hash = Buffer.from(cosignerKeyHash(name, rawPublicKey)).toString("hex");
  const key = Buffer.concat([Buffer.from([COSIGNATURE_V1_TYPE]), rawPublicKey]).toString("base64");
  return `${name}+${hash}+${key}`;
}
function parseCosignerKey(vkey) {
  if (vkey.length > 512) return { problem: "longer than 512 characters" };
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(vkey);
  if (!m) return { problem: "not of the form <name>+<8 lowercase hex>+<base64 key>" };
  const [, name = "", hash = "", key = ""] = m;
  if (!isValidKeyName(name)) return { problem: `invalid key name ${JSON.stringify(name)}` };
  const raw = decodeCanonicalBase64(key);
  if (raw?.length !== 33 || raw[0] !== COSIGNATURE_V1_TYPE)
    return { problem: "not an Ed25519 cosignature/v1 key (type 0x04 and 32 bytes)" };
  const rawPublicKey = new Uint8Array(raw.subarray(1));
  if (Buffer.from(cosignerKeyHash(name, rawPublicKey)).toString("hex") !== hash)
    return { problem: "the key hash does not match the name and key" };
  return { name, rawPublicKey };
}
function cosignatureMessage(timestamp, checkpointText) {
  return new TextEncoder().encode(`cosignature/v1
time ${timestamp}
${checkpointText}`);
}
function formatCosignatureLine(cosigner, timestamp, signature) {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0)
    throw new RangeError(`cosignature: bad timestamp ${timestamp}`);
  if (signature.length !== 64) throw new RangeError("cosignature: an Ed25519 signature is 64 bytes");
  const time = new Uint8Array(8);
  new DataView(time.buffer).setBigUint64(0, BigInt(timestamp));
  const blob = Buffer.concat([cosignerKeyHash(cosigner.name, cosigner.rawPublicKey), time, signature]);
  return `\u2014 ${cosigner.name} ${blob.toString("base64")}`;
}
function decodeCosignatureBlob(blob) {
  if (blob.length !== COSIGNATURE_V1_BYTES) return void 0;
  const time = new DataView(blob.buffer, blob.byteOffset, blob.byteLength).getBigUint64(4);
  if (time > BigInt(Number.MAX_SAFE_INTEGER)) return void 0;
  return { keyHash: blob.subarray(0, 4), timestamp: Number(time), signature: blob.subarray(12) };
}

export {
  MAX_WITNESS_PROOF_LINES,
  cosignerKeyHash,
  cosignerVerifierKey,
  parseCosignerKey,
  cosignatureMessage,
  formatCosignatureLine,
  decodeCosignatureBlob
};

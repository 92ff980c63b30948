// Shared by: cli-build, cli-countersign, cli-demo, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-verify (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  parseLogProof
} from "./shared-5bacc2e4.mjs";
import {
  parsePolicy
} from "./shared-96f97add.mjs";
import {
  BUNDLE_MEDIA_TYPE
} from "./shared-d5665511.mjs";
import {
  parseStrictJson
} from "./shared-31413875.mjs";
import {
  sha256Hex
} from "./shared-f3698323.mjs";
import {
  KEY_ID,
  Shape,
  decodeCanonicalBase64
} from "./shared-84c2b3d1.mjs";
import {
  InputError,
  PolicyError
} from "./shared-c0077619.mjs";

// src/lib/formats/bundle/bundle.ts
var DEFAULT_MAX_BUNDLE_BYTES = 4 * 1024 * 1024;
var MAX_COUNTERSIGNATURES = 32;
var MAX_BUNDLE_ARRAY_ITEMS = 1024;
var MAX_CARRIED_ROTATIONS = 16;
var MAX_CARRIED_ROTATION_BYTES = 4 * 1024 * 1024;
var MAX_CARRIED_ROTATION_BASE64 = 4 * Math.ceil(MAX_CARRIED_ROTATION_BYTES / 3);
var SIGSTORE_BUNDLE_PREFIX = "application/vnd.dev.sigstore.bundle";
function parseBundleFile(bytes, what, maxBytes = DEFAULT_MAX_BUNDLE_BYTES) {
  const json = parseStrictJson(bytes, what, { maxBytes, maxDepth: 32, maxArrayItems: MAX_BUNDLE_ARRAY_ITEMS });
  const s = new Shape(what, "bundle-malformed");
  const mediaType = json?.mediaType;
  if (typeof mediaType === "string" && mediaType.startsWith(SIGSTORE_BUNDLE_PREFIX)) {
    return {
      bundle: { mediaType: BUNDLE_MEDIA_TYPE, primary: json, countersignatures: [] },
      statements: [],
      signatures: [],
      rotations: []
    };
  }
  const o = s.object(json, "$", ["mediaType", "primary", "countersignatures"], ["rotations"]);
  if (o.mediaType !== BUNDLE_MEDIA_TYPE) {
    throw new InputError(
      "bundle-unsupported-version",
      `${what}: $.mediaType: expected ${BUNDLE_MEDIA_TYPE}, found ${JSON.stringify(o.mediaType)}`
    );
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
    if (sig.length !== 64)
      s.fail(`${path}.signature`, `expected a 64-byte Ed25519 signature, found ${sig.length} bytes`);
    signatures.push(sig);
    const entry = { keyId, statement: c.statement, signature: c.signature };
    if (Object.hasOwn(c, "logProof")) entry.logProof = parseLogProof(s, c.logProof, `${path}.logProof`);
    countersignatures.push(entry);
  });
  const bundle = { mediaType: BUNDLE_MEDIA_TYPE, primary: o.primary, countersignatures };
  const rotations = [];
  if (Object.hasOwn(o, "rotations")) {
    const carried = s.nonEmptyArray(o.rotations, "$.rotations", MAX_CARRIED_ROTATIONS);
    carried.forEach((item, i) => rotations.push(s.base64(item, `$.rotations[${i}]`, MAX_CARRIED_ROTATION_BASE64)));
    bundle.rotations = carried;
  }
  return { bundle, statements, signatures, rotations };
}
function serializeBundle(bundle) {
  return JSON.stringify(
    {
      mediaType: bundle.mediaType,
      primary: bundle.primary,
      countersignatures: bundle.countersignatures,
      ...bundle.rotations ? { rotations: bundle.rotations } : {}
    },
    null,
    2
  ) + "\n";
}

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
    throw new InputError(
      "rotation-not-rotation",
      `${what}: expected an authority-rotation statement carrying the new policy, found kind ${statement.predicate.kind}`
    );
  }
  const bytes = decodeCanonicalBase64(encoded);
  if (!bytes)
    throw new InputError(
      "rotation-policy-malformed",
      `${what}: predicate.data.policy: expected canonical padded base64`
    );
  try {
    return policyDocument(bytes, `${what} new policy`);
  } catch (err) {
    if (err instanceof PolicyError) throw new InputError("rotation-policy-malformed", `${err.message} [${err.code}]`);
    throw err;
  }
}

export {
  parseBundleFile,
  serializeBundle,
  policyDocument,
  isRotation,
  newPolicyOf
};

// Shared by: cli-countersign, cli-policy-update, cli-serve, cli-verify (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  isValidStream
} from "./shared-d5665511.mjs";
import {
  parseStrictJson
} from "./shared-31413875.mjs";
import {
  SHA256_HEX,
  Shape
} from "./shared-84c2b3d1.mjs";

// src/lib/formats/state/state.ts
var STATE_MEDIA_TYPE = "application/vnd.countersign.state.v1+json";
var MAX_STATE_BYTES = 1024 * 1024;
var MAX_STREAMS = 1e4;
function emptyState() {
  return { streams: {} };
}
function parseState(bytes, what) {
  const s = new Shape(what, "state-malformed");
  const o = s.object(
    parseStrictJson(bytes, what, { maxBytes: MAX_STATE_BYTES, maxDepth: 8, integersOnly: true }),
    "$",
    ["mediaType", "streams"],
    ["policyVersion"]
  );
  if (o.mediaType !== STATE_MEDIA_TYPE)
    s.fail("$.mediaType", `expected ${STATE_MEDIA_TYPE}, found ${JSON.stringify(o.mediaType)}`);
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
  return Object.hasOwn(o, "policyVersion") ? { policyVersion: s.positiveInteger(o.policyVersion, "$.policyVersion"), streams: out } : { streams: out };
}
function serializeState(state) {
  const streams = Object.fromEntries(
    Object.keys(state.streams).sort().map((name) => [name, state.streams[name]])
  );
  return JSON.stringify({ mediaType: STATE_MEDIA_TYPE, policyVersion: state.policyVersion, streams }, null, 2) + "\n";
}
function recordAccepted(state, stream, version, statementDigest, policyVersion) {
  const recorded = recordPolicyVersion(state, policyVersion);
  return { ...recorded, streams: { ...state.streams, [stream]: { version, statementDigest } } };
}
function recordPolicyVersion(state, policyVersion) {
  const highest = Math.max(state.policyVersion ?? 0, policyVersion ?? 0);
  return highest > 0 ? { policyVersion: highest, streams: state.streams } : { streams: state.streams };
}

export {
  emptyState,
  parseState,
  serializeState,
  recordAccepted,
  recordPolicyVersion
};

// Shared by: cli-audit, cli-build, cli-countersign, cli-demo, cli-policy, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-sign, cli-trusted-root, cli-verify (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);

// src/lib/formats/core/types.ts
var STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var PREDICATE_TYPE = "https://countersign.dev/TrustStatement/v1";
var INTOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
var BUNDLE_MEDIA_TYPE = "application/vnd.countersign.bundle.v1+json";
var COUNTERSIGNATURE_PAYLOAD_TYPE = "application/vnd.countersign.countersignature.v1+json";
var COUNTERSIGNATURE_TYPE = "https://countersign.dev/Countersignature/v1";
var POLICY_MEDIA_TYPE = "application/vnd.countersign.policy.v1+json";
var KINDS = ["binary-digest", "fleet-key", "authority-rotation", "config-change"];

// src/lib/formats/core/stream.ts
var STREAM_PATTERN = /^[A-Za-z0-9._/-]+:[A-Za-z0-9._-]+$/;
var MAX_STREAM_LENGTH = 200;
function isValidStream(stream) {
  return stream.length <= MAX_STREAM_LENGTH && STREAM_PATTERN.test(stream);
}

export {
  STATEMENT_TYPE,
  PREDICATE_TYPE,
  INTOTO_PAYLOAD_TYPE,
  BUNDLE_MEDIA_TYPE,
  COUNTERSIGNATURE_PAYLOAD_TYPE,
  COUNTERSIGNATURE_TYPE,
  POLICY_MEDIA_TYPE,
  KINDS,
  STREAM_PATTERN,
  MAX_STREAM_LENGTH,
  isValidStream
};

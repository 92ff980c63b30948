// Shared by: cli-audit, cli-build, cli-countersign, cli-demo, cli-policy, cli-policy-update, cli-serve, cli-sign, cli-verify (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  InputError
} from "./shared-f525ae91.mjs";

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

// src/lib/basics/json/shape.ts
var Shape = class {
  what;
  code;
  unknownFieldCode;
  /**
   * `what` names the document (a file name); `code` is the error code for every failure,
   * `unknownFieldCode` the one for an unknown field when that has its own (the statement's).
   */
  constructor(what, code, unknownFieldCode = code) {
    this.what = what;
    this.code = code;
    this.unknownFieldCode = unknownFieldCode;
  }
  fail(path, message) {
    this.failWith(this.code, path, message);
  }
  /** Fails with a code of its own (the document's semantic checks). */
  failWith(code, path, message) {
    throw new InputError(code, `${this.what}: ${path}: ${message}`);
  }
  /** An object with exactly the `required` keys plus any of the `optional` ones. */
  object(value, path, required, optional = []) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.fail(path, `expected an object, found ${describe(value)}`);
    }
    const obj = value;
    for (const key of Object.keys(obj)) {
      if (!required.includes(key) && !optional.includes(key)) this.failWith(this.unknownFieldCode, path, `unknown field ${JSON.stringify(key)}`);
    }
    for (const key of required) {
      if (!(key in obj)) this.fail(path, `missing field ${JSON.stringify(key)}`);
    }
    return obj;
  }
  string(value, path, pattern, maxLength = 4096) {
    if (typeof value !== "string") this.fail(path, `expected a string, found ${describe(value)}`);
    if (value.length > maxLength) this.fail(path, `longer than ${maxLength} characters`);
    if (pattern && !pattern.test(value)) this.fail(path, `expected to match ${pattern.source}, found ${JSON.stringify(value.slice(0, 100))}`);
    return value;
  }
  /** A positive safe integer. */
  positiveInteger(value, path) {
    if (!Number.isSafeInteger(value) || value < 1) {
      this.fail(path, `expected a positive integer, found ${describe(value)}`);
    }
    return value;
  }
  array(value, path, maxItems) {
    if (!Array.isArray(value)) this.fail(path, `expected an array, found ${describe(value)}`);
    if (value.length > maxItems) this.fail(path, `more than ${maxItems} items (${value.length})`);
    return value;
  }
  /** An RFC 3339 UTC timestamp with second precision, `YYYY-MM-DDTHH:MM:SSZ`. */
  timestamp(value, path) {
    const s = this.string(value, path, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const d = new Date(s);
    if (Number.isNaN(d.getTime()) || d.toISOString().replace(".000Z", "Z") !== s) this.fail(path, `not a valid time: ${s}`);
    return d;
  }
  /** Standard base64 (RFC 4648 §4, padded), decoded. */
  base64(value, path, maxLength = 1 << 20) {
    const s = this.string(value, path, void 0, maxLength);
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) this.fail(path, "expected standard padded base64");
    const bytes = Buffer.from(s, "base64");
    if (bytes.toString("base64") !== s) this.fail(path, "non-canonical base64 (non-zero padding bits)");
    return new Uint8Array(bytes);
  }
};
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 60 ? value.slice(0, 60) + "\u2026" : value)}`;
  if (typeof value === "number") return `the number ${value}`;
  return typeof value === "object" ? "an object" : String(typeof value);
}
function rfc3339(date) {
  return date.toISOString().replace(/\.\d{3}Z/, "Z");
}
var SHA256_HEX = /^[0-9a-f]{64}$/;
var KEY_ID = /^sha256:[0-9a-f]{64}$/;

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
  isValidStream,
  Shape,
  rfc3339,
  SHA256_HEX,
  KEY_ID
};

// Shared by: cli-audit, cli-build, cli-countersign, cli-demo, cli-policy, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-sign, cli-trusted-root, cli-verify, cli-verify-bundle (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  StrictJsonError
} from "./shared-c0077619.mjs";

// src/lib/basics/json/strict-json.ts
var MAX_KEY_BYTES = 256;
var DEFAULT_JSON_LIMITS = { maxBytes: 16 * 1024 * 1024, maxDepth: 64 };
var WS = /* @__PURE__ */ new Set([32, 9, 10, 13]);
var SPECIAL_IN_STRING = /[\\\u0000-\u001f\ud800-\udfff]/;
function parseStrictJson(input, what, limits = DEFAULT_JSON_LIMITS) {
  const size = Buffer.byteLength(input);
  if (size > limits.maxBytes) {
    throw new StrictJsonError("too-large", `${what}: ${size} bytes is over the limit of ${limits.maxBytes} bytes`);
  }
  let text;
  if (typeof input === "string") {
    text = input;
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input);
    } catch {
      throw new StrictJsonError("malformed-json", `${what}: not valid UTF-8`);
    }
  }
  new Scanner(text, what, limits).document();
  return JSON.parse(text);
}
var Scanner = class {
  pos = 0;
  text;
  what;
  maxDepth;
  integersOnly;
  maxKeyBytes;
  maxStringBytes;
  maxArrayItems;
  constructor(text, what, limits) {
    this.text = text;
    this.what = what;
    this.maxDepth = limits.maxDepth;
    this.integersOnly = limits.integersOnly === true;
    this.maxKeyBytes = limits.maxKeyBytes ?? MAX_KEY_BYTES;
    this.maxStringBytes = limits.maxStringBytes ?? Infinity;
    this.maxArrayItems = limits.maxArrayItems ?? Infinity;
  }
  document() {
    this.ws();
    this.value(0);
    this.ws();
    if (this.pos !== this.text.length) this.fail("malformed-json", "unexpected data after the JSON value");
  }
  fail(code, message) {
    throw new StrictJsonError(code, `${this.what}: ${message} at offset ${this.pos}`);
  }
  ws() {
    while (WS.has(this.text.charCodeAt(this.pos))) this.pos++;
  }
  value(depth) {
    const c = this.text[this.pos];
    if (c === "{") {
      this.object(depth + 1);
      return;
    }
    if (c === "[") {
      this.array(depth + 1);
      return;
    }
    if (c === '"') {
      this.string(this.maxStringBytes, "string-too-long", "string");
      return;
    }
    const code = this.text.charCodeAt(this.pos);
    if (code === 45 || code >= 48 && code <= 57) {
      this.number();
      return;
    }
    for (const lit of ["true", "false", "null"]) {
      if (this.text.startsWith(lit, this.pos)) {
        this.pos += lit.length;
        return;
      }
    }
    this.fail(
      "malformed-json",
      c === void 0 ? "unexpected end of input" : `unexpected character ${JSON.stringify(c)}`
    );
  }
  /** Past the opening bracket; true (and past `close` too) when the object or array is empty. */
  enter(depth, close) {
    if (depth > this.maxDepth) this.fail("too-deep", `nesting deeper than ${this.maxDepth} levels`);
    this.pos++;
    this.ws();
    if (this.text[this.pos] !== close) return false;
    this.pos++;
    return true;
  }
  /** After a member or an element: true past `close`, false past the ',' before the next one. */
  closes(close) {
    this.ws();
    const c = this.text[this.pos++];
    if (c === close) return true;
    if (c !== ",") this.fail("malformed-json", `expected ',' or '${close}'`);
    this.ws();
    return false;
  }
  object(depth) {
    const keys = /* @__PURE__ */ new Set();
    if (this.enter(depth, "}")) return;
    for (; ; ) {
      if (this.text[this.pos] !== '"') this.fail("malformed-json", "expected a string key");
      const keyStart = this.pos;
      const key = this.string(this.maxKeyBytes, "key-too-long", "key");
      if (keys.has(key)) {
        this.pos = keyStart;
        this.fail("duplicate-key", `duplicate key ${JSON.stringify(key)}`);
      }
      keys.add(key);
      this.ws();
      if (this.text[this.pos] !== ":") this.fail("malformed-json", "expected ':'");
      this.pos++;
      this.ws();
      this.value(depth);
      if (this.closes("}")) return;
    }
  }
  array(depth) {
    if (this.enter(depth, "]")) return;
    for (let items = 1; ; items++) {
      if (items > this.maxArrayItems) this.fail("too-many-items", `an array of more than ${this.maxArrayItems} items`);
      this.value(depth);
      if (this.closes("]")) return;
    }
  }
  /** Scans a string token and returns its decoded value, at most `maxBytes` UTF-8 bytes (else `tooLongCode`). */
  string(maxBytes, tooLongCode, noun) {
    const start = this.pos;
    this.pos++;
    const close = this.text.indexOf('"', this.pos);
    if (close >= 0 && !SPECIAL_IN_STRING.test(this.text.slice(this.pos, close))) {
      this.pos = close + 1;
      return this.checkedLength(this.text.slice(start + 1, close), start, maxBytes, tooLongCode, noun);
    }
    for (; ; ) {
      const code = this.text.charCodeAt(this.pos);
      if (Number.isNaN(code)) this.fail("malformed-json", "unterminated string");
      if (code === 34) break;
      if (code < 32) this.fail("malformed-json", "control character in string");
      if (code === 92) {
        const e = this.text[this.pos + 1];
        const oneCharacterEscape = e !== void 0 && '"\\/bfnrt'.includes(e);
        if (e === "u") {
          if (!/[0-9a-fA-F]{4}/.test(this.text.slice(this.pos + 2, this.pos + 6)))
            this.fail("malformed-json", "bad \\u escape");
          this.pos += 6;
        } else if (oneCharacterEscape) {
          this.pos += 2;
        } else {
          this.fail("malformed-json", "bad escape in string");
        }
        continue;
      }
      this.pos++;
    }
    this.pos++;
    const decoded = JSON.parse(this.text.slice(start, this.pos));
    if (!decoded.isWellFormed()) {
      this.pos = start;
      this.fail("malformed-json", "lone UTF-16 surrogate in string");
    }
    return this.checkedLength(decoded, start, maxBytes, tooLongCode, noun);
  }
  /** `decoded` (the string token at `start`) if at most `maxBytes` UTF-8 bytes; else fails with `tooLongCode`. */
  checkedLength(decoded, start, maxBytes, tooLongCode, noun) {
    if (decoded.length * 3 > maxBytes) {
      const bytes = Buffer.byteLength(decoded);
      if (bytes > maxBytes) {
        this.pos = start;
        this.fail(
          tooLongCode,
          `${noun} of ${bytes} bytes is over the limit of ${maxBytes} bytes (it starts ${JSON.stringify(decoded.slice(0, 20))})`
        );
      }
    }
    return decoded;
  }
  number() {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!m) this.fail("malformed-json", "bad number");
    const n = Number(m[0]);
    if (!Number.isFinite(n)) this.fail("number-out-of-range", `number ${m[0].slice(0, 40)} is not finite`);
    if (this.integersOnly && (m[2] || m[3]) && Number.isInteger(n)) {
      this.fail(
        "number-out-of-range",
        `number ${m[0].slice(0, 40)} is an integer spelled with a fraction or exponent (integers only here)`
      );
    }
    if (!m[2] && !m[3] && !Number.isSafeInteger(n)) {
      this.fail("number-out-of-range", `integer ${m[0].slice(0, 40)} is outside \xB1(2^53-1)`);
    }
    this.pos += m[0].length;
  }
};

// src/lib/formats/policy/types.ts
var GITHUB_ACTIONS_ISSUER = "https://token.actions.githubusercontent.com";
var GITHUB_CLAIM_NAMES = [
  "repository",
  "repositoryId",
  "repositoryOwner",
  "repositoryOwnerId",
  "ref",
  "runnerEnvironment",
  "eventName"
];
var SOURCE_REPOSITORY_CLAIMS = [
  "repository",
  "repositoryId",
  "repositoryOwnerId"
];
var POLICY_DEFAULT_LIMITS = Object.freeze({
  maxBundleBytes: 4 * 1024 * 1024,
  maxSubjects: 1e5,
  maxStatementLifetimeSeconds: 90 * 24 * 3600,
  clockSkewSeconds: 300,
  maxVersionStep: 1e3
});
var POLICY_LIMIT_RANGES = Object.freeze({
  maxBundleBytes: [1024, 64 * 1024 * 1024],
  maxSubjects: [1, 1e6],
  maxStatementLifetimeSeconds: [60, 366 * 24 * 3600],
  clockSkewSeconds: [0, 3600],
  // At most a million: from the highest first version (2^45) a stream still has about 9·10^9
  // versions at the largest step, 9·10^12 at the default (spec/POLICY.md §3.9).
  maxVersionStep: [1, 1e6]
});
var MAX_POLICY_BYTES = 1024 * 1024;
var MAX_POLICY_STRING_BYTES = 64 * 1024;
var MAX_COUNTERSIGNERS = 256;
var MAX_STREAMS = 1e3;

export {
  parseStrictJson,
  GITHUB_ACTIONS_ISSUER,
  GITHUB_CLAIM_NAMES,
  SOURCE_REPOSITORY_CLAIMS,
  POLICY_DEFAULT_LIMITS,
  POLICY_LIMIT_RANGES,
  MAX_POLICY_BYTES,
  MAX_POLICY_STRING_BYTES,
  MAX_COUNTERSIGNERS,
  MAX_STREAMS
};

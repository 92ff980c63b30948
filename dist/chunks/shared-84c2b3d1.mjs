// Shared by: cli-audit, cli-build, cli-countersign, cli-demo, cli-keygen, cli-policy, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-sign, cli-trusted-root, cli-verify, cli-verify-bundle, cli-witness, lib-basics-pkcs11-keygen, lib-basics-pkcs11-signer, stack (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  InputError
} from "./shared-c0077619.mjs";

// src/lib/basics/crypto/bytes.ts
function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 256);
  return difference === 0;
}

// src/lib/basics/encoding/base64.ts
var PADDED = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function isPaddedBase64(text) {
  return PADDED.test(text);
}
function decodeCanonicalBase64(text) {
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : void 0;
}

// src/lib/basics/json/lines.ts
function childPath(parent, key) {
  if (typeof key === "number") return `${parent}[${key}]`;
  const name = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  return parent === "" || name.startsWith("[") ? `${parent}${name}` : `${parent}.${name}`;
}
function lineAt(text, offset) {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 && text.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}
function jsonLines(text, maxDepth = 3) {
  const locate = (path) => {
    const segments = pathSegments(path);
    let pos = skipWs(text, 0);
    let key;
    let depth = 0;
    for (const segment of segments.slice(0, maxDepth)) {
      const found = typeof segment === "number" ? element(text, pos, segment) : member(text, pos, segment);
      if (!found) break;
      pos = found.value;
      key = found.key;
      depth++;
    }
    return { value: pos, key: depth === segments.length ? key : void 0 };
  };
  return {
    valueLine: (path) => lineAt(text, locate(path).value),
    keyLine: (path) => {
      const at = locate(path);
      return lineAt(text, at.key ?? at.value);
    }
  };
}
function pathSegments(path) {
  const segments = [];
  const token = /\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  for (let m = token.exec(path); m; m = token.exec(path)) {
    segments.push(m[1] ?? (m[2] !== void 0 ? Number(m[2]) : JSON.parse(m[3])));
    if (token.lastIndex === path.length) break;
  }
  return segments;
}
function member(text, pos, name) {
  if (text[pos] !== "{") return void 0;
  let p = skipWs(text, pos + 1);
  while (text[p] === '"') {
    const key = p;
    const end = skipString(text, p);
    const raw = text.slice(key, end);
    p = skipWs(text, skipWs(text, end) + 1);
    if ((raw.includes("\\") ? JSON.parse(raw) : raw.slice(1, -1)) === name) return { value: p, key };
    p = next(text, p);
  }
  return void 0;
}
function element(text, pos, index) {
  if (text[pos] !== "[") return void 0;
  let p = skipWs(text, pos + 1);
  for (let i = 0; p < text.length && text[p] !== "]"; i++) {
    if (i === index) return { value: p, key: void 0 };
    p = next(text, p);
  }
  return void 0;
}
function next(text, p) {
  const after = skipWs(text, skipValue(text, p));
  return text[after] === "," ? skipWs(text, after + 1) : after;
}
function skipWs(text, p) {
  let i = p;
  while (i < text.length && " 	\r\n".includes(text[i])) i++;
  return i;
}
function skipString(text, p) {
  let i = p + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  return i + 1;
}
function skipValue(text, p) {
  const c = text[p];
  if (c === '"') return skipString(text, p);
  if (c === "{" || c === "[") {
    let depth = 0;
    let i2 = p;
    while (i2 < text.length) {
      const d = text[i2];
      if (d === '"') {
        i2 = skipString(text, i2);
        continue;
      }
      if (d === "{" || d === "[") depth++;
      else if (d === "}" || d === "]") depth--;
      i2++;
      if (depth === 0) return i2;
    }
    return i2;
  }
  let i = p;
  while (i < text.length && !",]} 	\r\n".includes(text[i])) i++;
  return i;
}

// src/lib/basics/json/shape.ts
var Shape = class {
  what;
  code;
  unknownFieldCode;
  lines;
  error;
  /**
   * `what` names the document (a file name); `code` is the error code for every failure,
   * `unknownFieldCode` the one for an unknown field when that has its own (the statement's,
   * the policy's).
   */
  constructor(what, code, unknownFieldCode = code, options = {}) {
    this.what = what;
    this.code = code;
    this.unknownFieldCode = unknownFieldCode;
    this.lines = options.lines;
    this.error = options.error ?? ((c, message) => new InputError(c, message));
  }
  fail(path, message) {
    this.failWith(this.code, path, message);
  }
  /**
   * Fails with a code of its own (the document's semantic checks). With a line locator, the
   * line is the value's at `path`, or with `atKey` the line of the key that names it.
   */
  failWith(code, path, message, atKey = false) {
    const where = this.lines ? `${this.what}:${atKey ? this.lines.keyLine(path) : this.lines.valueLine(path)}` : this.what;
    throw this.error(code, `${where}: ${path === "" ? "" : `${path}: `}${message}`);
  }
  /**
   * An object with exactly the `required` keys plus any of the `optional` ones. An unknown
   * field is named in the object (`unknown field "x"`), or, with a line locator, at its own
   * key's line with the fields expected.
   */
  object(value, path, required, optional = []) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.fail(path, `expected an object, found ${describe(value)}`);
    }
    const obj = value;
    for (const key of Object.keys(obj)) {
      if (required.includes(key) || optional.includes(key)) continue;
      if (this.lines)
        this.failWith(
          this.unknownFieldCode,
          childPath(path, key),
          `unknown field (expected only: ${[...required, ...optional].join(", ")})`,
          true
        );
      this.failWith(this.unknownFieldCode, path, `unknown field ${JSON.stringify(key)}`);
    }
    for (const key of required) {
      if (!Object.hasOwn(obj, key)) this.fail(path, `missing field ${JSON.stringify(key)}`);
    }
    return obj;
  }
  /** A string of at most `maxLength` characters matching `pattern` (a format of the document). */
  string(value, path, pattern, maxLength = 4096) {
    if (typeof value !== "string") this.fail(path, `expected a string, found ${describe(value)}`);
    if (value.length > maxLength) this.fail(path, `longer than ${maxLength} characters`);
    if (pattern && !pattern.test(value))
      this.fail(path, `expected to match ${pattern.source}, found ${JSON.stringify(value.slice(0, 100))}`);
    return value;
  }
  /** Free text (a name, an identity): a non-empty string of printable characters, at most `maxLength`. */
  text(value, path, maxLength = 4096) {
    if (typeof value !== "string") this.fail(path, `expected a string, found ${describe(value)}`);
    if (value.length === 0) this.fail(path, 'expected a non-empty string, found ""');
    if (value.length > maxLength) this.fail(path, `expected at most ${maxLength} characters, found ${value.length}`);
    if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) this.fail(path, "expected no control characters");
    return value;
  }
  /** A positive safe integer. */
  positiveInteger(value, path) {
    if (!Number.isSafeInteger(value) || value < 1) {
      this.fail(path, `expected a positive integer, found ${describe(value)}`);
    }
    return value;
  }
  /** An integer from `min` to 2^53-1 (the largest the strict JSON parser reads). */
  integer(value, path, min) {
    if (!isSafeInteger(value)) this.fail(path, `expected an integer, found ${describe(value)}`);
    if (value < min) this.fail(path, `expected an integer from ${min} to ${Number.MAX_SAFE_INTEGER}, found ${value}`);
    return value;
  }
  array(value, path, maxItems) {
    if (!Array.isArray(value)) this.fail(path, `expected an array, found ${describe(value)}`);
    if (value.length > maxItems) this.fail(path, `more than ${maxItems} items (${value.length})`);
    return value;
  }
  /** An array of 1 to `maxItems` items. */
  nonEmptyArray(value, path, maxItems) {
    if (!Array.isArray(value)) this.fail(path, `expected an array, found ${describe(value)}`);
    if (value.length === 0) this.fail(path, "expected at least one item, found an empty array");
    if (value.length > maxItems) this.fail(path, `expected at most ${maxItems} items, found ${value.length}`);
    return value;
  }
  /** RFC 3339 UTC with second precision, `YYYY-MM-DDTHH:MM:SSZ` (one spelling per instant). */
  timestamp(value, path) {
    const s = this.text(value, path, 64);
    const date = new Date(s);
    if (Number.isNaN(date.getTime()) || rfc3339(date) !== s || !/^\d{4}-/.test(s)) {
      this.fail(path, `expected an RFC 3339 UTC time like 2026-01-01T00:00:00Z, found ${JSON.stringify(s)}`);
    }
    return date;
  }
  /** Standard base64 (RFC 4648 §4, padded) in its canonical spelling, decoded (basics/encoding/base64.ts). */
  base64(value, path, maxLength = 1 << 20) {
    const s = this.string(value, path, void 0, maxLength);
    const bytes = decodeCanonicalBase64(s);
    if (!bytes)
      this.fail(
        path,
        isPaddedBase64(s) ? "non-canonical base64 (non-zero padding bits)" : "expected standard padded base64"
      );
    return bytes;
  }
};
function isSafeInteger(value) {
  return Number.isSafeInteger(value);
}
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 60 ? value.slice(0, 60) + "\u2026" : value)}`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return `${value}`;
  return typeof value === "object" ? "an object" : typeof value;
}
function rfc3339(date) {
  return date.toISOString().replace(/\.\d{3}Z/, "Z");
}
var SHA256_HEX = /^[0-9a-f]{64}$/;
var KEY_ID = /^sha256:[0-9a-f]{64}$/;

export {
  decodeCanonicalBase64,
  childPath,
  lineAt,
  jsonLines,
  Shape,
  isSafeInteger,
  describe,
  rfc3339,
  SHA256_HEX,
  KEY_ID,
  equalBytes
};

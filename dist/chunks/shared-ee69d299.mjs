// Shared by: cli-build, cli-countersign, cli-demo, cli-policy, cli-policy-update, cli-serve, cli-verify (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  isValidKeyName
} from "./shared-a7bf52ea.mjs";
import {
  keyIdOf,
  parsePublicKeyPem
} from "./shared-aee9c4ce.mjs";
import {
  KINDS,
  POLICY_MEDIA_TYPE,
  isValidStream,
  rfc3339
} from "./shared-36064810.mjs";
import {
  GITHUB_CLAIM_NAMES,
  MAX_COUNTERSIGNERS,
  MAX_POLICY_BYTES,
  MAX_STREAMS,
  POLICY_DEFAULT_LIMITS,
  POLICY_LIMIT_RANGES,
  parseStrictJson
} from "./shared-f585a028.mjs";
import {
  PolicyError,
  StrictJsonError
} from "./shared-f525ae91.mjs";

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
function indexJsonLines(text, maxDepth = 3) {
  const values = /* @__PURE__ */ new Map();
  const keys = /* @__PURE__ */ new Map();
  let pos = 0;
  let line = 1;
  const advance = (to) => {
    for (; pos < to; pos++) {
      const c = text.charCodeAt(pos);
      if (c === 10 || c === 13 && text.charCodeAt(pos + 1) !== 10) line++;
    }
  };
  const ws = () => {
    let end = pos;
    while (end < text.length && " 	\r\n".includes(text[end])) end++;
    advance(end);
  };
  const string = () => {
    let end = pos + 1;
    while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
    const raw = text.slice(pos, end + 1);
    pos = end + 1;
    return JSON.parse(raw);
  };
  const scalar = () => {
    let end = pos;
    while (end < text.length && !",]}".includes(text[end]) && !" 	\r\n".includes(text[end])) end++;
    pos = end;
  };
  const value = (path, depth) => {
    if (depth <= maxDepth) values.set(path, line);
    const c = text[pos];
    if (c === "{") {
      pos++;
      ws();
      while (text[pos] !== "}") {
        const key = string();
        const child = childPath(path, key);
        if (depth + 1 <= maxDepth) keys.set(child, line);
        ws();
        pos++;
        ws();
        value(child, depth + 1);
        ws();
        if (text[pos] === ",") pos++;
        ws();
      }
      pos++;
    } else if (c === "[") {
      pos++;
      ws();
      for (let i = 0; text[pos] !== "]"; i++) {
        value(childPath(path, i), depth + 1);
        ws();
        if (text[pos] === ",") pos++;
        ws();
      }
      pos++;
    } else if (c === '"') {
      string();
    } else {
      scalar();
    }
  };
  ws();
  if (pos < text.length) value("", 0);
  const nearest = (path) => {
    for (let p = path; ; p = parentOf(p)) {
      const found = values.get(p);
      if (found !== void 0) return found;
      if (p === "") return 1;
    }
  };
  return {
    valueLine: nearest,
    keyLine: (path) => keys.get(path) ?? nearest(path)
  };
}
function parentOf(path) {
  const m = /(?:\.[A-Za-z_$][A-Za-z0-9_$]*|\[(?:\d+|"(?:[^"\\]|\\.)*")\])$/.exec(path);
  if (m) return path.slice(0, m.index);
  return "";
}

// src/lib/basics/json/reader.ts
var PolicyReader = class {
  what;
  lines;
  constructor(what, lines) {
    this.what = what;
    this.lines = lines;
  }
  /** Throws a PolicyError about the value at `path` (use keyLine for a field's name). */
  fail(code, path, message, atKey = false) {
    const line = atKey ? this.lines.keyLine(path) : this.lines.valueLine(path);
    throw new PolicyError(code, `${this.what}:${line}: ${path === "" ? "" : `${path}: `}${message}`);
  }
  /** An object with all of `required` and any of `optional`; unknown fields are rejected. */
  object(value, path, required, optional = []) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.fail("policy-malformed", path, `expected an object, found ${describeValue(value)}`);
    }
    const obj = value;
    for (const key of Object.keys(obj)) {
      if (!required.includes(key) && !optional.includes(key)) {
        const known = [...required, ...optional].join(", ");
        this.fail("policy-unknown-field", childPath(path, key), `unknown field (expected only: ${known})`, true);
      }
    }
    for (const key of required) {
      if (!Object.hasOwn(obj, key)) this.fail("policy-malformed", path, `missing field ${JSON.stringify(key)}`);
    }
    return obj;
  }
  /** A non-empty string of printable characters (no control characters), at most `maxLength`. */
  string(value, path, maxLength = 4096) {
    if (typeof value !== "string") this.fail("policy-malformed", path, `expected a string, found ${describeValue(value)}`);
    if (value.length === 0) this.fail("policy-malformed", path, 'expected a non-empty string, found ""');
    if (value.length > maxLength) this.fail("policy-malformed", path, `expected at most ${maxLength} characters, found ${value.length}`);
    if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) this.fail("policy-malformed", path, "expected no control characters");
    return value;
  }
  /** An integer from `min` to 2^53-1 (the largest the strict JSON parser reads). */
  integer(value, path, min) {
    if (!isSafeInteger(value)) this.fail("policy-malformed", path, `expected an integer, found ${describeValue(value)}`);
    if (value < min) this.fail("policy-malformed", path, `expected an integer from ${min} to ${Number.MAX_SAFE_INTEGER}, found ${value}`);
    return value;
  }
  /** An array of 1 to `maxItems` items. */
  nonEmptyArray(value, path, maxItems) {
    if (!Array.isArray(value)) this.fail("policy-malformed", path, `expected an array, found ${describeValue(value)}`);
    if (value.length === 0) this.fail("policy-malformed", path, "expected at least one item, found an empty array");
    if (value.length > maxItems) this.fail("policy-malformed", path, `expected at most ${maxItems} items, found ${value.length}`);
    return value;
  }
  /** RFC 3339 UTC with second precision, `YYYY-MM-DDTHH:MM:SSZ` (one spelling per instant). */
  timestamp(value, path) {
    const s = this.string(value, path, 64);
    const date = new Date(s);
    if (Number.isNaN(date.getTime()) || rfc3339(date) !== s || !/^\d{4}-/.test(s)) {
      this.fail("policy-malformed", path, `expected an RFC 3339 UTC time like 2026-01-01T00:00:00Z, found ${JSON.stringify(s)}`);
    }
    return date;
  }
};
function isSafeInteger(value) {
  return Number.isSafeInteger(value);
}
function describeValue(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 60 ? value.slice(0, 60) + "\u2026" : value)}`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return `${value}`;
  return typeof value === "object" ? "an object" : typeof value;
}

// src/lib/formats/policy/identity.ts
var MAX_PATTERN_LENGTH = 1024;
var CLAIM_FORMATS = {
  repository: { pattern: /^[^/\s]+\/[^/\s]+$/, expected: "owner/name" },
  repositoryId: { pattern: /^[0-9]+$/, expected: "a numeric id" },
  repositoryOwner: { pattern: /^[^/\s]+$/, expected: 'an owner name without "/"' },
  repositoryOwnerId: { pattern: /^[0-9]+$/, expected: "a numeric id" },
  ref: { pattern: /^refs\/\S+$/, expected: "a full ref like refs/heads/main or refs/tags/v1" },
  runnerEnvironment: { pattern: /^(?:github-hosted|self-hosted)$/, expected: "github-hosted or self-hosted" },
  eventName: { pattern: /^[a-z_]+$/, expected: "a GitHub event name like push or workflow_dispatch" }
};
function readPrimary(r, value, path) {
  const obj = r.object(value, path, ["issuer"], ["identity", "identityPattern", "githubClaims"]);
  const issuer = readIssuer(r, obj.issuer, childPath(path, "issuer"));
  const hasIdentity = Object.hasOwn(obj, "identity");
  const hasPattern = Object.hasOwn(obj, "identityPattern");
  if (hasIdentity && hasPattern) {
    r.fail("policy-ambiguous", childPath(path, "identityPattern"), 'expected exactly one of "identity" (exact) or "identityPattern" (regular expression), found both', true);
  }
  if (!hasIdentity && !hasPattern) {
    r.fail("policy-malformed", path, 'missing field "identity" (or, to match a regular expression, "identityPattern")');
  }
  const result = { issuer };
  if (hasIdentity) result.identity = r.string(obj.identity, childPath(path, "identity"));
  if (hasPattern) {
    const p = childPath(path, "identityPattern");
    const pattern = r.string(obj.identityPattern, p, MAX_PATTERN_LENGTH);
    const problem = anchoredPatternProblem(pattern);
    if (problem) r.fail("policy-bad-pattern", p, problem);
    result.identityPattern = pattern;
  }
  if (Object.hasOwn(obj, "githubClaims")) result.githubClaims = readGithubClaims(r, obj.githubClaims, childPath(path, "githubClaims"));
  return result;
}
function readIssuer(r, value, path) {
  const issuer = r.string(value, path, 1024);
  let url;
  try {
    url = new URL(issuer);
  } catch {
  }
  if (!url || url.protocol !== "https:" || /[\s?#@]/.test(issuer)) {
    r.fail("policy-malformed", path, `expected an https URL like https://token.actions.githubusercontent.com, found ${JSON.stringify(issuer)}`);
  }
  return issuer;
}
function readGithubClaims(r, value, path) {
  const obj = r.object(value, path, [], GITHUB_CLAIM_NAMES);
  const claims = {};
  for (const name of GITHUB_CLAIM_NAMES) {
    if (!Object.hasOwn(obj, name)) continue;
    const p = childPath(path, name);
    const claim = r.string(obj[name], p, 256);
    const format = CLAIM_FORMATS[name];
    if (!format.pattern.test(claim)) r.fail("policy-malformed", p, `expected ${format.expected}, found ${JSON.stringify(claim)}`);
    claims[name] = claim;
  }
  return claims;
}
function anchoredPatternProblem(pattern) {
  try {
    new RegExp(pattern, "u");
  } catch (err) {
    return `expected a regular expression that compiles with the u flag, found ${JSON.stringify(pattern)} (${err instanceof Error ? err.message : String(err)})`;
  }
  if (!pattern.startsWith("^")) return `expected an anchored pattern starting with ^, found ${JSON.stringify(pattern)}`;
  let depth = 0;
  let inClass = false;
  let endsWithAnchor = false;
  let topLevelAlternation = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    endsWithAnchor = false;
    if (c === "\\") {
      i++;
    } else if (inClass) {
      if (c === "]") inClass = false;
    } else if (c === "[") {
      inClass = true;
    } else if (c === "(") {
      depth++;
    } else if (c === ")") {
      depth--;
    } else if (c === "|" && depth === 0) {
      topLevelAlternation = true;
    } else if (c === "$") {
      endsWithAnchor = true;
    }
  }
  if (!endsWithAnchor) return `expected an anchored pattern ending with an unescaped $, found ${JSON.stringify(pattern)}`;
  if (topLevelAlternation) return `expected no top-level | (it escapes the anchors; write ^(?:a|b)$), found ${JSON.stringify(pattern)}`;
  return void 0;
}

// src/lib/formats/policy/countersigners.ts
var COUNTERSIGNER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
var KEY_ID = /^sha256:[0-9a-f]{64}$/;
function organisationFold(organisation) {
  return organisation.normalize("NFKC").toLowerCase().toUpperCase();
}
function readCountersigners(r, value, path) {
  const items = r.nonEmptyArray(value, path, MAX_COUNTERSIGNERS);
  const keys = [];
  const names = /* @__PURE__ */ new Map();
  const keyIds = /* @__PURE__ */ new Map();
  const organisations = /* @__PURE__ */ new Map();
  items.forEach((item, i) => {
    const at = childPath(path, i);
    const key = readCountersigner(r, item, at);
    const sameName = names.get(key.name);
    if (sameName !== void 0) r.fail("policy-duplicate-entry", childPath(at, "name"), `expected a unique name, found ${JSON.stringify(key.name)} again (first at ${childPath(path, sameName)})`);
    names.set(key.name, i);
    const sameKey = keyIds.get(key.keyId);
    if (sameKey !== void 0) r.fail("policy-duplicate-entry", childPath(at, "publicKey"), `expected each key once, found the key ${key.keyId} again (first at ${childPath(path, sameKey)})`);
    keyIds.set(key.keyId, i);
    const folded = organisationFold(key.organisation);
    const spelled = organisations.get(folded);
    if (spelled !== void 0 && spelled !== key.organisation) {
      r.fail("policy-ambiguous", childPath(at, "organisation"), `expected one spelling per organisation, found ${JSON.stringify(key.organisation)} and ${JSON.stringify(spelled)}`);
    }
    organisations.set(folded, key.organisation);
    keys.push(key);
  });
  return keys;
}
function readCountersigner(r, value, path) {
  const obj = r.object(value, path, ["name", "organisation", "keyId", "publicKey"], ["validFrom", "validUntil", "log"]);
  const namePath = childPath(path, "name");
  const name = r.string(obj.name, namePath, 64);
  if (!COUNTERSIGNER_NAME.test(name)) r.fail("policy-malformed", namePath, `expected letters, digits, '.', '_' or '-' (at most 64), found ${JSON.stringify(name)}`);
  const orgPath = childPath(path, "organisation");
  const organisation = r.string(obj.organisation, orgPath, 200);
  if (organisation.trim() !== organisation) r.fail("policy-malformed", orgPath, `expected no leading or trailing spaces, found ${JSON.stringify(organisation)}`);
  const rawPublicKey = readPublicKey(r, obj.publicKey, childPath(path, "publicKey"));
  const expectedKeyId = keyIdOf(rawPublicKey);
  const idPath = childPath(path, "keyId");
  const keyId = r.string(obj.keyId, idPath, 71);
  if (!KEY_ID.test(keyId)) r.fail("policy-malformed", idPath, `expected sha256: and 64 lowercase hex digits, found ${JSON.stringify(keyId)}`);
  if (keyId !== expectedKeyId) r.fail("policy-key-mismatch", idPath, `expected sha256 of the public key (${expectedKeyId}), found ${keyId}`);
  const key = {
    name,
    organisation,
    keyId,
    publicKey: obj.publicKey,
    rawPublicKey
  };
  if (Object.hasOwn(obj, "validFrom")) key.validFrom = r.timestamp(obj.validFrom, childPath(path, "validFrom"));
  if (Object.hasOwn(obj, "validUntil")) key.validUntil = r.timestamp(obj.validUntil, childPath(path, "validUntil"));
  if (key.validFrom && key.validUntil && key.validFrom.getTime() >= key.validUntil.getTime()) {
    r.fail("policy-validity-window", childPath(path, "validUntil"), `expected a time after validFrom (${obj.validFrom}), found ${obj.validUntil}`);
  }
  if (Object.hasOwn(obj, "log")) key.log = readLog(r, obj.log, childPath(path, "log"));
  return key;
}
function readLog(r, value, path) {
  const obj = r.object(value, path, ["origin", "publicKey"]);
  const originPath = childPath(path, "origin");
  const origin = r.string(obj.origin, originPath, 256);
  if (!isValidKeyName(origin)) r.fail("policy-malformed", originPath, `expected a log origin without spaces or '+' (e.g. countersign.example.org/b-release), found ${JSON.stringify(origin)}`);
  const rawPublicKey = readPublicKey(r, obj.publicKey, childPath(path, "publicKey"));
  return { origin, publicKey: obj.publicKey, rawPublicKey };
}
function readPublicKey(r, value, path) {
  const pem = typeof value === "string" ? value : r.string(value, path);
  try {
    return parsePublicKeyPem(pem, path);
  } catch (err) {
    r.fail("policy-bad-key", path, err instanceof Error ? err.message.slice(path.length + 2) : String(err));
  }
}
function readThreshold(r, value, path, keys) {
  if (!isSafeInteger(value) || value < 1) {
    r.fail("policy-threshold", path, `expected an integer of at least 1, found ${typeof value === "number" ? value : typeof value}`);
  }
  const organisations = new Set(keys.map((k) => k.organisation));
  if (value > organisations.size) {
    r.fail("policy-threshold", path, `expected at most ${organisations.size} (the threshold counts distinct organisations: ${[...organisations].join(", ")}), found ${value}`);
  }
  return value;
}

// src/lib/formats/policy/fallback.ts
function readFallback(r, value, path, countersigners, kinds) {
  const obj = r.object(value, path, ["countersigners", "threshold"]);
  const keysPath = childPath(path, "countersigners");
  const keys = readCountersigners(r, obj.countersigners, keysPath);
  const threshold = readThreshold(r, obj.threshold, childPath(path, "threshold"), keys);
  const names = new Map(countersigners.map((k, i) => [k.name, i]));
  const ids = new Map(countersigners.map((k, i) => [k.keyId, i]));
  const spellings = new Map(countersigners.map((k) => [organisationFold(k.organisation), k.organisation]));
  keys.forEach((key, i) => {
    const at = childPath(keysPath, i);
    const sameName = names.get(key.name);
    if (sameName !== void 0) r.fail("policy-duplicate-entry", childPath(at, "name"), `expected a name not used by countersigners, found ${JSON.stringify(key.name)} (also countersigners[${sameName}])`);
    const sameKey = ids.get(key.keyId);
    if (sameKey !== void 0) r.fail("policy-duplicate-entry", childPath(at, "publicKey"), `expected a key that is not also a usual countersigner, found ${key.keyId} (also countersigners[${sameKey}])`);
    const spelled = spellings.get(organisationFold(key.organisation));
    if (spelled !== void 0 && spelled !== key.organisation) {
      r.fail("policy-ambiguous", childPath(at, "organisation"), `expected one spelling per organisation, found ${JSON.stringify(key.organisation)} and ${JSON.stringify(spelled)}`);
    }
  });
  if (!kinds.includes("authority-rotation")) {
    r.fail("policy-malformed", path, "expected kinds to include authority-rotation (a fallback signer set only authorises rotations), found a policy that accepts none", true);
  }
  return { countersigners: keys, threshold };
}

// src/lib/formats/policy/parse.ts
var FIELDS = ["mediaType", "version", "primary", "trustedRoot", "countersigners", "threshold", "kinds", "streams"];
var STRICT_JSON_CODES = { "too-large": "policy-too-large", "duplicate-key": "policy-duplicate-json-key" };
function parsePolicy(input, what) {
  const text = decode(input, what);
  let json;
  try {
    json = parseStrictJson(text, what, { maxBytes: MAX_POLICY_BYTES, maxDepth: 32, integersOnly: true });
  } catch (err) {
    if (!(err instanceof StrictJsonError)) throw err;
    const m = / at offset (\d+)$/.exec(err.message);
    const line = m ? `:${lineAt(text, Number(m[1]))}` : "";
    const message = err.message.slice(what.length + 2).replace(/ at offset (\d+)$/, " (offset $1)");
    throw new PolicyError(STRICT_JSON_CODES[err.code] ?? "policy-malformed", `${what}${line}: ${message}`);
  }
  const r = new PolicyReader(what, indexJsonLines(text, 5));
  const mediaType = isObject(json) ? json.mediaType : void 0;
  if (mediaType !== void 0 && mediaType !== POLICY_MEDIA_TYPE) {
    r.fail("policy-unsupported-version", "mediaType", `expected ${POLICY_MEDIA_TYPE}, found ${describeValue(mediaType)}`);
  }
  const obj = r.object(json, "", FIELDS, ["limits", "fallback"]);
  const version = r.integer(obj.version, "version", 1);
  const primary = readPrimary(r, obj.primary, "primary");
  const trustedRoot = readTrustedRoot(r, obj.trustedRoot, "trustedRoot");
  const countersigners = readCountersigners(r, obj.countersigners, "countersigners");
  const threshold = readThreshold(r, obj.threshold, "threshold", countersigners);
  const kinds = readUniqueStrings(r, obj.kinds, "kinds", KINDS.length, (k) => KINDS.includes(k), `one of ${KINDS.join(", ")}`);
  const streams = readUniqueStrings(r, obj.streams, "streams", MAX_STREAMS, isValidStream, "a stream name like acme/app:stable ([A-Za-z0-9._/-]+:[A-Za-z0-9._-]+, at most 200 characters)");
  const limits = readLimits(r, obj.limits, "limits");
  const fallback = Object.hasOwn(obj, "fallback") ? readFallback(r, obj.fallback, "fallback", countersigners, kinds) : void 0;
  return deepFreeze({ mediaType: POLICY_MEDIA_TYPE, version, primary, trustedRoot, countersigners, threshold, kinds, streams, limits, ...fallback ? { fallback } : {} });
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function decode(input, what) {
  if (typeof input === "string") return input;
  if (input.byteLength > MAX_POLICY_BYTES) throw new PolicyError("policy-too-large", `${what}: ${input.byteLength} bytes is over the limit of ${MAX_POLICY_BYTES} bytes`);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input);
  } catch {
    throw new PolicyError("policy-malformed", `${what}: not valid UTF-8`);
  }
}
function readTrustedRoot(r, value, path) {
  if (!isObject(value)) r.fail("policy-malformed", path, `expected a Sigstore trusted root object, found ${describeValue(value)}`);
  const root = value;
  const mediaType = root.mediaType;
  if (typeof mediaType !== "string" || !mediaType.startsWith("application/vnd.dev.sigstore.trustedroot")) {
    r.fail("policy-malformed", childPath(path, "mediaType"), `expected a Sigstore trusted root media type (application/vnd.dev.sigstore.trustedroot...), found ${describeValue(mediaType)}`);
  }
  return root;
}
function readUniqueStrings(r, value, path, maxItems, valid, expected) {
  const items = r.nonEmptyArray(value, path, maxItems);
  const seen = /* @__PURE__ */ new Set();
  return items.map((item, i) => {
    const at = childPath(path, i);
    const s = r.string(item, at, 200);
    if (!valid(s)) r.fail(path === "kinds" ? "policy-unknown-kind" : "policy-malformed", at, `expected ${expected}, found ${JSON.stringify(s)}`);
    if (seen.has(s)) r.fail("policy-duplicate-entry", at, `expected each entry once, found ${JSON.stringify(s)} again`);
    seen.add(s);
    return s;
  });
}
function readLimits(r, value, path) {
  if (value === void 0) return { ...POLICY_DEFAULT_LIMITS };
  const names = Object.keys(POLICY_DEFAULT_LIMITS);
  const obj = r.object(value, path, [], names);
  const limits = { ...POLICY_DEFAULT_LIMITS };
  for (const name of names) {
    if (!Object.hasOwn(obj, name)) continue;
    const [min, max] = POLICY_LIMIT_RANGES[name];
    const at = childPath(path, name);
    const n = obj[name];
    if (!isSafeInteger(n)) r.fail("policy-malformed", at, `expected an integer, found ${describeValue(n)}`);
    if (n < min || n > max) r.fail("policy-limit-out-of-range", at, `expected an integer from ${min} to ${max}, found ${n}`);
    limits[name] = n;
  }
  return limits;
}
function deepFreeze(value) {
  if (typeof value === "object" && value !== null && !ArrayBuffer.isView(value) && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export {
  parsePolicy
};

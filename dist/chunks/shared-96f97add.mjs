// Shared by: cli-build, cli-countersign, cli-demo, cli-policy, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-trusted-root, cli-verify (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  cosignerVerifierKey,
  parseCosignerKey
} from "./shared-4bd08542.mjs";
import {
  KINDS,
  POLICY_MEDIA_TYPE,
  isValidStream
} from "./shared-d5665511.mjs";
import {
  readPrimary
} from "./shared-2f63fab4.mjs";
import {
  MAX_COUNTERSIGNERS,
  MAX_POLICY_BYTES,
  MAX_POLICY_STRING_BYTES,
  MAX_STREAMS,
  POLICY_DEFAULT_LIMITS,
  POLICY_LIMIT_RANGES,
  parseStrictJson
} from "./shared-31413875.mjs";
import {
  isValidKeyName
} from "./shared-a58ce1e9.mjs";
import {
  keyIdOf,
  parsePublicKeyPem
} from "./shared-5310986a.mjs";
import {
  KEY_ID,
  Shape,
  childPath,
  describe,
  equalBytes,
  isSafeInteger,
  jsonLines,
  lineAt
} from "./shared-84c2b3d1.mjs";
import {
  PolicyError,
  StrictJsonError
} from "./shared-c0077619.mjs";

// src/lib/formats/policy/diff-text.ts
function renderPolicyDiff(diff) {
  if (diff.changes.length === 0) return ["no changes: the two policies say the same thing"];
  return diff.changes.map(renderChange);
}
function renderChange(change) {
  const what = change.action === "added" ? `added ${format(change.after)}` : change.action === "removed" ? `removed ${format(change.before)}` : `changed from ${format(change.before)} to ${format(change.after)}`;
  return escapeUnusual(`${label(change.path)}: ${what}`);
}
var LABELS = [
  [/^version$/, () => "policy version"],
  [/^primary\.issuer$/, () => "primary signer's OIDC issuer"],
  [/^primary\.identity$/, () => "primary signer's exact identity"],
  [/^primary\.identityPattern$/, () => "primary signer's identity pattern (a regular expression)"],
  [/^primary\.githubClaims\.(\w+)$/, (m) => `primary signer's pinned GitHub claim ${m[1]}`],
  [
    /^primary\.unsafeNoSourceRepositoryPin$/,
    () => "primary signer's opt-out of the source-repository pin (any repository calling the workflow may sign)"
  ],
  [/^trustedRoot$/, () => "Sigstore trusted root (digest of its content)"],
  [
    /^trustedRoot\.(certificateAuthorities|timestampAuthorities|tlogs|ctlogs)\[(".*")\](?:\.(\w+))?$/,
    (m) => `${m[3] ? `${m[3]} of ` : ""}Sigstore trusted root ${ROOT_LISTS[m[1] ?? ""] ?? m[1]} ${m[2]}`
  ],
  [/^trustedRoot\.(".*")$/, (m) => `Sigstore trusted root field ${m[1]}`],
  [/^countersigners\[(sha256:[0-9a-f]{64})\]$/, () => "countersigner keys"],
  [/^countersigners\[(sha256:[0-9a-f]{64})\]\.log$/, (m) => `log requirement of countersigner key ${m[1]}`],
  [/^countersigners\[(sha256:[0-9a-f]{64})\]\.(\w+)$/, (m) => `${m[2]} of countersigner key ${m[1]}`],
  [/^countersigners\.organisations$/, () => "organisations that count towards the countersignature threshold"],
  [/^threshold$/, () => "countersignature threshold (distinct organisations required)"],
  [/^fallback$/, () => "emergency fallback signer set (may authorise authority rotations)"],
  [/^fallback\.countersigners\[(sha256:[0-9a-f]{64})\]$/, () => "emergency fallback keys"],
  [
    /^fallback\.countersigners\[(sha256:[0-9a-f]{64})\]\.log$/,
    (m) => `log requirement of emergency fallback key ${m[1]}`
  ],
  [/^fallback\.countersigners\[(sha256:[0-9a-f]{64})\]\.(\w+)$/, (m) => `${m[2]} of emergency fallback key ${m[1]}`],
  [/^fallback\.organisations$/, () => "organisations in the emergency fallback set"],
  [/^fallback\.threshold$/, () => "emergency fallback threshold (distinct organisations required)"],
  [/^kinds$/, () => "allowed statement kinds"],
  [/^streams$/, () => "allowed streams"],
  [/^limits\.(\w+)$/, (m) => `limit ${m[1]}`]
];
var ROOT_LISTS = {
  certificateAuthorities: "certificate authority",
  timestampAuthorities: "timestamp authority",
  tlogs: "transparency log",
  ctlogs: "certificate transparency log"
};
function label(path) {
  for (const [pattern, say] of LABELS) {
    const m = pattern.exec(path);
    if (m) return say(m);
  }
  return path;
}
function format(value) {
  if (typeof value === "number") return String(value);
  if (typeof value === "string")
    return /^sha256:[0-9a-f]{64}$|^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(value) ? value : quote(value);
  if (isKey(value)) return formatKey(value);
  return `(${Object.entries(value).map(([k, v]) => `${k} ${format(v)}`).join(", ")})`;
}
function isKey(value) {
  return "keyId" in value && "organisation" in value && "name" in value;
}
function describeValidity(from, until) {
  if (from && until) return `valid ${from} to ${until}`;
  if (from) return `valid from ${from}`;
  if (until) return `valid until ${until}`;
  return "valid at any time";
}
function formatKey(key) {
  const validity = describeValidity(key.validFrom, key.validUntil);
  const log = key.log ? `, counts only when logged in ${quote(key.log.origin)} (log key ${key.log.keyId})${key.log.witnesses ? ` and ${key.log.witnesses}` : ""}` : ", no log requirement";
  return `key ${quote(key.name)} ${key.keyId} of organisation ${quote(key.organisation)}, ${validity}${log}`;
}
function quote(text) {
  return `"${escapeUnusual(text.replace(/[\\"]/g, (c) => `\\${c}`))}"`;
}
function escapeUnusual(text) {
  return text.replace(/[^\x20-\x7e]/gu, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}

// src/lib/formats/policy/witnesses.ts
var MAX_WITNESSES = 32;
var WITNESS_MAX_AGE_RANGE = [60, 366 * 24 * 3600];
function readWitnesses(r, value, path) {
  const obj = r.object(value, path, ["threshold", "keys"], ["maxAgeSeconds"]);
  const keysPath = childPath(path, "keys");
  const items = r.nonEmptyArray(obj.keys, keysPath, MAX_WITNESSES);
  const witnesses = [];
  items.forEach((item, i) => {
    const at = childPath(keysPath, i);
    const vkey = r.text(item, at, 512);
    const parsed = parseCosignerKey(vkey);
    if ("problem" in parsed)
      r.failWith(
        "policy-bad-key",
        at,
        `expected a witness verifier key <name>+<8 hex>+<base64 of 0x04 and a 32-byte Ed25519 key>: ${parsed.problem}`
      );
    const sameName = witnesses.findIndex((w) => w.name === parsed.name);
    if (sameName >= 0)
      r.failWith(
        "policy-duplicate-entry",
        at,
        `expected each witness name once, found ${JSON.stringify(parsed.name)} again (first at ${childPath(keysPath, sameName)})`
      );
    const sameKey = witnesses.findIndex((w) => equalBytes(w.rawPublicKey, parsed.rawPublicKey));
    if (sameKey >= 0)
      r.failWith(
        "policy-duplicate-entry",
        at,
        `expected each witness public key once (a cosignature does not name its witness), found the key of ${childPath(keysPath, sameKey)} again`
      );
    witnesses.push(parsed);
  });
  const thresholdPath = childPath(path, "threshold");
  if (!isSafeInteger(obj.threshold) || obj.threshold < 1 || obj.threshold > witnesses.length)
    r.failWith(
      "policy-threshold",
      thresholdPath,
      `expected an integer from 1 to ${witnesses.length} (the number of witness keys), found ${describe(obj.threshold)}`
    );
  const requirement = {
    threshold: obj.threshold,
    witnesses
  };
  if (Object.hasOwn(obj, "maxAgeSeconds")) {
    const [min, max] = WITNESS_MAX_AGE_RANGE;
    const agePath = childPath(path, "maxAgeSeconds");
    if (!isSafeInteger(obj.maxAgeSeconds) || obj.maxAgeSeconds < min || obj.maxAgeSeconds > max)
      r.failWith(
        "policy-limit-out-of-range",
        agePath,
        `expected an integer from ${min} to ${max} seconds, found ${describe(obj.maxAgeSeconds)}`
      );
    requirement.maxAgeSeconds = obj.maxAgeSeconds;
  }
  return requirement;
}
function sameWitnesses(a, b) {
  if (!a || !b) return a === b;
  return a.threshold === b.threshold && a.maxAgeSeconds === b.maxAgeSeconds && a.witnesses.length === b.witnesses.length && a.witnesses.every((w) => b.witnesses.some((v) => v.name === w.name && equalBytes(v.rawPublicKey, w.rawPublicKey)));
}
function describeWitnesses(requirement) {
  const keys = requirement.witnesses.map((w) => cosignerVerifierKey(w.name, w.rawPublicKey)).join(", ");
  const age = requirement.maxAgeSeconds === void 0 ? "" : `, each at most ${requirement.maxAgeSeconds} s old`;
  return `cosigned by ${requirement.threshold} of ${requirement.witnesses.length} witness(es) ${keys}${age}`;
}

// src/lib/formats/policy/countersigners.ts
var AMBIGUOUS = (found, first) => `${quote(found)} and ${quote(first)} (names that differ only in letter case, spaces, punctuation or the look-alikes 0/O, 1/I/l, rn/m, vv/w, cl/d are one organisation)`;
var COUNTERSIGNER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
var ORGANISATION_NAME = /^[A-Za-z0-9.,&'()_-]+(?: [A-Za-z0-9.,&'()_-]+)*$/;
function organisationProblem(organisation) {
  if (ORGANISATION_NAME.test(organisation) && /[A-Za-z0-9]/.test(organisation)) return void 0;
  return `expected an organisation name of ASCII letters and digits, with single spaces between words and no other characters than . , - _ & ' ( ), found ${quote(organisation)}`;
}
function organisationFold(organisation) {
  return organisation.toLowerCase().replace(/[^a-z0-9]/g, "").replace(/[1i]/g, "l").replace(/0/g, "o").replace(/rn/g, "m").replace(/vv/g, "w").replace(/cl/g, "d");
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
    if (sameName !== void 0)
      r.failWith(
        "policy-duplicate-entry",
        childPath(at, "name"),
        `expected a unique name, found ${JSON.stringify(key.name)} again (first at ${childPath(path, sameName)})`
      );
    names.set(key.name, i);
    const sameKey = keyIds.get(key.keyId);
    if (sameKey !== void 0)
      r.failWith(
        "policy-duplicate-entry",
        childPath(at, "publicKey"),
        `expected each key once, found the key ${key.keyId} again (first at ${childPath(path, sameKey)})`
      );
    keyIds.set(key.keyId, i);
    const folded = organisationFold(key.organisation);
    const spelled = organisations.get(folded);
    if (spelled !== void 0 && spelled !== key.organisation) {
      r.failWith(
        "policy-ambiguous",
        childPath(at, "organisation"),
        `expected one spelling per organisation, found ${AMBIGUOUS(key.organisation, spelled)}`
      );
    }
    organisations.set(folded, key.organisation);
    keys.push(key);
  });
  checkWitnessKeysApart(r, keys, path);
  return keys;
}
function checkWitnessKeysApart(r, keys, path) {
  checkWitnessKeysApartAcross(r, [{ keys, path }]);
}
function checkWitnessKeysApartAcross(r, lists) {
  const pinned = [];
  for (const { keys, path } of lists)
    keys.forEach((k, i) => {
      pinned.push({ raw: k.rawPublicKey, at: childPath(childPath(path, i), "publicKey") });
      if (k.log)
        pinned.push({ raw: k.log.rawPublicKey, at: childPath(childPath(childPath(path, i), "log"), "publicKey") });
    });
  for (const { keys, path } of lists)
    keys.forEach((k, i) => {
      k.log?.witnesses?.witnesses.forEach((w, j) => {
        const same = pinned.find((p) => equalBytes(p.raw, w.rawPublicKey));
        if (same)
          r.failWith(
            "policy-bad-key",
            childPath(childPath(childPath(childPath(childPath(path, i), "log"), "witnesses"), "keys"), j),
            `expected a witness key that is not a countersigner or log key of this policy (the log's operator would witness itself), found the key of ${same.at}`
          );
      });
    });
}
function readCountersigner(r, value, path) {
  const obj = r.object(value, path, ["name", "organisation", "keyId", "publicKey"], ["validFrom", "validUntil", "log"]);
  const namePath = childPath(path, "name");
  const name = r.text(obj.name, namePath, 64);
  if (!COUNTERSIGNER_NAME.test(name))
    r.failWith(
      "policy-malformed",
      namePath,
      `expected letters, digits, '.', '_' or '-' (at most 64), found ${JSON.stringify(name)}`
    );
  const orgPath = childPath(path, "organisation");
  const organisation = r.text(obj.organisation, orgPath, 200);
  const problem = organisationProblem(organisation);
  if (problem !== void 0) r.failWith("policy-bad-organisation", orgPath, problem);
  const rawPublicKey = readPublicKey(r, obj.publicKey, childPath(path, "publicKey"));
  const expectedKeyId = keyIdOf(rawPublicKey);
  const idPath = childPath(path, "keyId");
  const keyId = r.text(obj.keyId, idPath, 71);
  if (!KEY_ID.test(keyId))
    r.failWith(
      "policy-malformed",
      idPath,
      `expected sha256: and 64 lowercase hex digits, found ${JSON.stringify(keyId)}`
    );
  if (keyId !== expectedKeyId)
    r.failWith("policy-key-mismatch", idPath, `expected sha256 of the public key (${expectedKeyId}), found ${keyId}`);
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
    r.failWith(
      "policy-validity-window",
      childPath(path, "validUntil"),
      `expected a time after validFrom (${obj.validFrom}), found ${obj.validUntil}`
    );
  }
  if (Object.hasOwn(obj, "log")) key.log = readLog(r, obj.log, childPath(path, "log"));
  return key;
}
function readLog(r, value, path) {
  const obj = r.object(value, path, ["origin", "publicKey"], ["witnesses"]);
  const originPath = childPath(path, "origin");
  const origin = r.text(obj.origin, originPath, 256);
  if (!isValidKeyName(origin))
    r.failWith(
      "policy-malformed",
      originPath,
      `expected a log origin without spaces or '+' (e.g. countersign.example.org/b-release), found ${JSON.stringify(origin)}`
    );
  const rawPublicKey = readPublicKey(r, obj.publicKey, childPath(path, "publicKey"));
  const log = { origin, publicKey: obj.publicKey, rawPublicKey };
  return Object.hasOwn(obj, "witnesses") ? { ...log, witnesses: readWitnesses(r, obj.witnesses, childPath(path, "witnesses")) } : log;
}
function readPublicKey(r, value, path) {
  const pem = typeof value === "string" ? value : r.text(value, path);
  try {
    return parsePublicKeyPem(pem, path);
  } catch (err) {
    r.failWith("policy-bad-key", path, err instanceof Error ? err.message.slice(path.length + 2) : String(err));
  }
}
function readThreshold(r, value, path, keys) {
  if (!isSafeInteger(value) || value < 1) {
    r.failWith("policy-threshold", path, `expected an integer of at least 1, found ${describe(value)}`);
  }
  const organisations = new Set(keys.map((k) => k.organisation));
  if (value > organisations.size) {
    r.failWith(
      "policy-threshold",
      path,
      `expected at most ${organisations.size} (the threshold counts distinct organisations: ${[...organisations].join(", ")}), found ${value}`
    );
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
    if (sameName !== void 0)
      r.failWith(
        "policy-duplicate-entry",
        childPath(at, "name"),
        `expected a name not used by countersigners, found ${JSON.stringify(key.name)} (also countersigners[${sameName}])`
      );
    const sameKey = ids.get(key.keyId);
    if (sameKey !== void 0)
      r.failWith(
        "policy-duplicate-entry",
        childPath(at, "publicKey"),
        `expected a key that is not also a usual countersigner, found ${key.keyId} (also countersigners[${sameKey}])`
      );
    const spelled = spellings.get(organisationFold(key.organisation));
    if (spelled !== void 0 && spelled !== key.organisation) {
      r.failWith(
        "policy-ambiguous",
        childPath(at, "organisation"),
        `expected one spelling per organisation, found ${AMBIGUOUS(key.organisation, spelled)}`
      );
    }
  });
  if (!kinds.includes("authority-rotation")) {
    r.failWith(
      "policy-malformed",
      path,
      "expected kinds to include authority-rotation (a fallback signer set only authorises rotations), found a policy that accepts none",
      true
    );
  }
  return { countersigners: keys, threshold };
}

// src/lib/formats/policy/parse.ts
var FIELDS = [
  "mediaType",
  "version",
  "primary",
  "trustedRoot",
  "countersigners",
  "threshold",
  "kinds",
  "streams"
];
var STRICT_JSON_CODES = {
  "too-large": "policy-too-large",
  "duplicate-key": "policy-duplicate-json-key"
};
function parsePolicy(input, what) {
  const text = decode(input, what);
  let json;
  try {
    json = parseStrictJson(text, what, {
      maxBytes: MAX_POLICY_BYTES,
      maxDepth: 32,
      integersOnly: true,
      maxStringBytes: MAX_POLICY_STRING_BYTES
    });
  } catch (err) {
    if (!(err instanceof StrictJsonError)) throw err;
    const m = / at offset (\d+)$/.exec(err.message);
    const line = m ? `:${lineAt(text, Number(m[1]))}` : "";
    const message = err.message.slice(what.length + 2).replace(/ at offset (\d+)$/, " (offset $1)");
    throw new PolicyError(STRICT_JSON_CODES[err.code] ?? "policy-malformed", `${what}${line}: ${message}`);
  }
  const r = new Shape(what, "policy-malformed", "policy-unknown-field", {
    lines: jsonLines(text, 7),
    error: (code, message) => new PolicyError(code, message)
  });
  const mediaType = isObject(json) ? json.mediaType : void 0;
  if (mediaType !== void 0 && mediaType !== POLICY_MEDIA_TYPE) {
    r.failWith(
      "policy-unsupported-version",
      "mediaType",
      `expected ${POLICY_MEDIA_TYPE}, found ${describe(mediaType)}`
    );
  }
  const obj = r.object(json, "", FIELDS, ["limits", "fallback"]);
  const version = r.integer(obj.version, "version", 1);
  const primary = readPrimary(r, obj.primary, "primary");
  const trustedRoot = readTrustedRoot(r, obj.trustedRoot, "trustedRoot");
  const countersigners = readCountersigners(r, obj.countersigners, "countersigners");
  const threshold = readThreshold(r, obj.threshold, "threshold", countersigners);
  const kinds = readUniqueStrings(
    r,
    obj.kinds,
    "kinds",
    KINDS.length,
    (k) => KINDS.includes(k),
    `one of ${KINDS.join(", ")}`
  );
  const streams = readUniqueStrings(
    r,
    obj.streams,
    "streams",
    MAX_STREAMS,
    isValidStream,
    "a stream name like acme/app:stable ([A-Za-z0-9._/-]+:[A-Za-z0-9._-]+, at most 200 characters)"
  );
  const limits = readLimits(r, obj.limits, "limits");
  const fallback = Object.hasOwn(obj, "fallback") ? readFallback(r, obj.fallback, "fallback", countersigners, kinds) : void 0;
  if (fallback)
    checkWitnessKeysApartAcross(r, [
      { keys: countersigners, path: "countersigners" },
      { keys: fallback.countersigners, path: "fallback.countersigners" }
    ]);
  return deepFreeze({
    mediaType: POLICY_MEDIA_TYPE,
    version,
    primary,
    trustedRoot,
    countersigners,
    threshold,
    kinds,
    streams,
    limits,
    ...fallback ? { fallback } : {}
  });
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function decode(input, what) {
  if (typeof input === "string") return input;
  if (input.byteLength > MAX_POLICY_BYTES)
    throw new PolicyError(
      "policy-too-large",
      `${what}: ${input.byteLength} bytes is over the limit of ${MAX_POLICY_BYTES} bytes`
    );
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input);
  } catch {
    throw new PolicyError("policy-malformed", `${what}: not valid UTF-8`);
  }
}
function readTrustedRoot(r, value, path) {
  if (!isObject(value))
    r.failWith("policy-malformed", path, `expected a Sigstore trusted root object, found ${describe(value)}`);
  const root = value;
  const mediaType = root.mediaType;
  if (typeof mediaType !== "string" || !mediaType.startsWith("application/vnd.dev.sigstore.trustedroot")) {
    r.failWith(
      "policy-malformed",
      childPath(path, "mediaType"),
      `expected a Sigstore trusted root media type (application/vnd.dev.sigstore.trustedroot...), found ${describe(mediaType)}`
    );
  }
  return root;
}
function readUniqueStrings(r, value, path, maxItems, valid, expected) {
  const items = r.nonEmptyArray(value, path, maxItems);
  const seen = /* @__PURE__ */ new Set();
  return items.map((item, i) => {
    const at = childPath(path, i);
    const s = r.text(item, at, 200);
    if (!valid(s))
      r.failWith(
        path === "kinds" ? "policy-unknown-kind" : "policy-malformed",
        at,
        `expected ${expected}, found ${JSON.stringify(s)}`
      );
    if (seen.has(s))
      r.failWith("policy-duplicate-entry", at, `expected each entry once, found ${JSON.stringify(s)} again`);
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
    if (!isSafeInteger(n)) r.failWith("policy-malformed", at, `expected an integer, found ${describe(n)}`);
    if (n < min || n > max)
      r.failWith("policy-limit-out-of-range", at, `expected an integer from ${min} to ${max}, found ${n}`);
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
  renderPolicyDiff,
  renderChange,
  describeValidity,
  quote,
  escapeUnusual,
  sameWitnesses,
  describeWitnesses,
  organisationProblem,
  parsePolicy
};

// Shared by: cli-countersign, cli-policy-diff, cli-policy-rotate, cli-serve, cli-trusted-root (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  sha256Hex
} from "./shared-f3698323.mjs";

// src/lib/formats/policy/diff-trusted-root.ts
var CERTIFICATE_LISTS = ["certificateAuthorities", "timestampAuthorities"];
var KEY_LISTS = ["tlogs", "ctlogs"];
var LONGEST_VALUE = 200;
function trustedRootDigest(root) {
  return `sha256:${sha256Hex(canonicalJson(root))}`;
}
function diffTrustedRoots(before, after) {
  if (canonicalJson(before) === canonicalJson(after)) return [];
  const changes = [
    {
      area: "trustedRoot",
      path: "trustedRoot",
      action: "changed",
      before: trustedRootDigest(before),
      after: trustedRootDigest(after)
    }
  ];
  for (const list of CERTIFICATE_LISTS)
    changes.push(...diffEntries(list, entries(before[list], certificateEntry), entries(after[list], certificateEntry)));
  for (const list of KEY_LISTS)
    changes.push(...diffEntries(list, entries(before[list], logEntry), entries(after[list], logEntry)));
  const known = /* @__PURE__ */ new Set([...CERTIFICATE_LISTS, ...KEY_LISTS]);
  for (const field of [.../* @__PURE__ */ new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    if (known.has(field)) continue;
    const [a, b] = [text(before[field]), text(after[field])];
    if (a === b) continue;
    const path = `trustedRoot.${JSON.stringify(field)}`;
    if (a !== void 0 && b !== void 0)
      changes.push({ area: "trustedRoot", path, action: "changed", before: a, after: b });
    else if (a !== void 0) changes.push({ area: "trustedRoot", path, action: "removed", before: a });
    else if (b !== void 0) changes.push({ area: "trustedRoot", path, action: "added", after: b });
  }
  return changes;
}
function diffEntries(list, before, after) {
  const changes = [];
  const next = new Map(after.map((e) => [e.id, e]));
  const path = (id) => `trustedRoot.${list}[${JSON.stringify(id)}]`;
  for (const entry of before) {
    const other = next.get(entry.id);
    if (!other) {
      changes.push({ area: "trustedRoot", path: path(entry.id), action: "removed", before: entry.fields });
      continue;
    }
    let named = false;
    for (const field of [.../* @__PURE__ */ new Set([...Object.keys(entry.fields), ...Object.keys(other.fields)])]) {
      const [a, b] = [entry.fields[field], other.fields[field]];
      if (a === b) continue;
      named = true;
      const at = `${path(entry.id)}.${field}`;
      if (a !== void 0 && b !== void 0)
        changes.push({ area: "trustedRoot", path: at, action: "changed", before: a, after: b });
      else if (a !== void 0) changes.push({ area: "trustedRoot", path: at, action: "removed", before: a });
      else if (b !== void 0) changes.push({ area: "trustedRoot", path: at, action: "added", after: b });
    }
    if (!named && entry.whole !== other.whole) {
      changes.push({
        area: "trustedRoot",
        path: `${path(entry.id)}.otherFields`,
        action: "changed",
        before: `sha256:${sha256Hex(entry.whole)}`,
        after: `sha256:${sha256Hex(other.whole)}`
      });
    }
  }
  const old = new Set(before.map((e) => e.id));
  for (const entry of after)
    if (!old.has(entry.id))
      changes.push({ area: "trustedRoot", path: path(entry.id), action: "added", after: entry.fields });
  return changes;
}
function entries(value, read) {
  if (!Array.isArray(value))
    return value === void 0 ? [] : [{ id: "(not a list)", fields: { value: text(value) ?? "" }, whole: canonicalJson(value) }];
  const seen = /* @__PURE__ */ new Map();
  return value.map((item, i) => {
    const { id, fields } = isObject(item) ? read(item, i) : { id: `#${i}`, fields: { value: text(item) ?? "" } };
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return { id: n === 1 ? id : `${id}#${n}`, fields, whole: canonicalJson(item) };
  });
}
function certificateEntry(entry, index) {
  const certificates = get(entry, "certChain", "certificates");
  const first = Array.isArray(certificates) && isObject(certificates[0]) ? certificates[0].rawBytes : void 0;
  const subject = get(entry, "subject");
  const fields = compact({
    uri: text(entry.uri),
    subject: isObject(subject) ? [text(subject.organization), text(subject.commonName)].filter((s) => s !== void 0).join(", ") : text(subject),
    certificates: Array.isArray(certificates) ? String(certificates.length) : text(certificates),
    chain: entry.certChain === void 0 ? void 0 : `sha256:${sha256Hex(canonicalJson(entry.certChain))}`,
    validFrom: text(get(entry, "validFor", "start")),
    validUntil: text(get(entry, "validFor", "end"))
  });
  return {
    id: typeof first === "string" ? `certificate sha256:${sha256Hex(base64OrText(first))}` : `#${index}`,
    fields
  };
}
function logEntry(entry, index) {
  const id = get(entry, "logId", "keyId");
  const raw = get(entry, "publicKey", "rawBytes");
  const fields = compact({
    baseUrl: text(entry.baseUrl),
    hashAlgorithm: text(entry.hashAlgorithm),
    publicKey: typeof raw === "string" ? `sha256:${sha256Hex(base64OrText(raw))}` : text(raw),
    keyDetails: text(get(entry, "publicKey", "keyDetails")),
    validFrom: text(get(entry, "publicKey", "validFor", "start")),
    validUntil: text(get(entry, "publicKey", "validFor", "end"))
  });
  return { id: typeof id === "string" ? `log ${id}` : `#${index}`, fields };
}
function get(value, ...path) {
  let at = value;
  for (const key of path) at = isObject(at) && Object.hasOwn(at, key) ? at[key] : void 0;
  return at;
}
function compact(fields) {
  return Object.fromEntries(Object.entries(fields).filter((e) => e[1] !== void 0));
}
function text(value) {
  if (value === void 0) return void 0;
  const s = typeof value === "string" ? value : canonicalJson(value);
  return s.length > LONGEST_VALUE ? `${s.slice(0, LONGEST_VALUE)}\u2026 (sha256:${sha256Hex(s)})` : s;
}
function base64OrText(value) {
  try {
    const binary = atob(value);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return value;
  }
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isObject(value))
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  return value === void 0 ? "null" : JSON.stringify(value);
}

export {
  trustedRootDigest,
  diffTrustedRoots
};

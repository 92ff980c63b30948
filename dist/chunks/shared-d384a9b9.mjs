// Shared by: cli-sign, stack (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  checkServiceUrl
} from "./shared-500f2f67.mjs";
import {
  Shape,
  describe
} from "./shared-84c2b3d1.mjs";
import {
  InputError
} from "./shared-c0077619.mjs";

// src/lib/formats/stack/description.ts
import { isAbsolute } from "node:path";
var STACK_DESCRIPTION_MEDIA_TYPE = "application/vnd.countersign.stack.v1+json";
var MAX_STACK_FILE_BYTES = 64 * 1024;
var STRING_FIELDS = [
  "mediaType",
  "fulcioUrl",
  "tsaUrl",
  "trustedRoot",
  "tokenUrl",
  "requestToken",
  "issuer",
  "jobWorkflowRef",
  "identity"
];
var BOOLEAN_FIELDS = ["useRekor", "useTsa"];
var OPTIONAL_STRING_FIELDS = ["rekorUrl", "instance", "signingConfig"];
function instanceFromStackDescription(value, what) {
  const s = new Shape(what, "sigstore-instance-invalid");
  const doc = s.object(value, "$", STRING_FIELDS, [...BOOLEAN_FIELDS, ...OPTIONAL_STRING_FIELDS, "rekorApiVersion"]);
  for (const key of STRING_FIELDS) s.text(doc[key], `$.${key}`);
  for (const key of OPTIONAL_STRING_FIELDS) if (Object.hasOwn(doc, key)) s.text(doc[key], `$.${key}`);
  const rekorApiVersion = Object.hasOwn(doc, "rekorApiVersion") ? doc.rekorApiVersion : 1;
  if (rekorApiVersion !== 1 && rekorApiVersion !== 2)
    s.fail("$.rekorApiVersion", `expected 1 or 2, found ${describe(rekorApiVersion)}`);
  for (const key of BOOLEAN_FIELDS) {
    if (Object.hasOwn(doc, key) && typeof doc[key] !== "boolean")
      s.fail(`$.${key}`, `expected true or false, found ${describe(doc[key])}`);
  }
  if (doc.mediaType !== STACK_DESCRIPTION_MEDIA_TYPE) {
    throw new InputError(
      "sigstore-instance-invalid",
      `${what}: expected mediaType ${STACK_DESCRIPTION_MEDIA_TYPE}, found ${JSON.stringify(doc.mediaType)}`
    );
  }
  const trustedRoot = doc.trustedRoot;
  if (!isAbsolute(trustedRoot))
    throw new InputError(
      "sigstore-instance-invalid",
      `${what}: expected "trustedRoot" to be an absolute path, found ${JSON.stringify(trustedRoot)}`
    );
  checkServiceUrl(doc.tokenUrl, `${what}: tokenUrl`, { allowQuery: true });
  const useRekor = doc.useRekor !== false && typeof doc.rekorUrl === "string";
  const useTsa = doc.useTsa !== false;
  if (!useRekor && !useTsa)
    throw new InputError(
      "sigstore-instance-invalid",
      `${what}: "useRekor" and "useTsa" are both false: a signature needs a transparency log entry or a timestamp`
    );
  return {
    kind: "stack",
    name: `stack ${what.replace(/^stack description /, "")}`,
    fulcioUrl: checkServiceUrl(doc.fulcioUrl, `${what}: fulcioUrl`),
    rekorUrl: useRekor ? checkServiceUrl(doc.rekorUrl, `${what}: rekorUrl`) : void 0,
    tsaUrl: useTsa ? checkServiceUrl(doc.tsaUrl, `${what}: tsaUrl`) : void 0,
    trustedRootPath: trustedRoot,
    ...useRekor && rekorApiVersion === 2 ? { rekorApiVersion } : {}
  };
}

// src/lib/formats/signing-config/signing-config.ts
var SIGNING_CONFIG_MEDIA_TYPE = "application/vnd.dev.sigstore.signingconfig.v0.2+json";
var MAX_SIGNING_CONFIG_BYTES = 64 * 1024;
var MAX_SERVICES = 32;
var SUPPORTED_VERSIONS = { ca: [1], rekor: [1, 2], tsa: [1] };
var TOP_FIELDS = ["mediaType"];
var OPTIONAL_TOP = ["caUrls", "oidcUrls", "rekorTlogUrls", "tsaUrls", "rekorTlogConfig", "tsaConfig"];
var PROTO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
function parseSigningConfig(value, what) {
  const s = new Shape(what, "signing-config-invalid");
  const doc = s.object(value, "$", TOP_FIELDS, OPTIONAL_TOP);
  if (doc.mediaType !== SIGNING_CONFIG_MEDIA_TYPE)
    s.fail("$.mediaType", `expected ${SIGNING_CONFIG_MEDIA_TYPE}, found ${describe(doc.mediaType)}`);
  const services = (key) => doc[key] === void 0 ? [] : s.array(doc[key], `$.${key}`, MAX_SERVICES).map((item, i) => parseService(s, item, `$.${key}[${i}]`));
  const config = (key) => doc[key] === void 0 ? void 0 : parseConfiguration(s, doc[key], `$.${key}`);
  return {
    caUrls: services("caUrls"),
    oidcUrls: services("oidcUrls"),
    rekorTlogUrls: services("rekorTlogUrls"),
    tsaUrls: services("tsaUrls"),
    rekorTlogConfig: config("rekorTlogConfig"),
    tsaConfig: config("tsaConfig")
  };
}
function parseService(s, value, path) {
  const obj = s.object(value, path, ["url", "majorApiVersion", "validFor"], ["operator"]);
  const url = s.text(obj.url, `${path}.url`, 2048);
  const majorApiVersion = s.positiveInteger(obj.majorApiVersion, `${path}.majorApiVersion`);
  if (majorApiVersion > 4294967295) s.fail(`${path}.majorApiVersion`, `expected a uint32, found ${majorApiVersion}`);
  const range = s.object(obj.validFor, `${path}.validFor`, ["start"], ["end"]);
  const start = time(s, range.start, `${path}.validFor.start`);
  const end = range.end === void 0 ? void 0 : time(s, range.end, `${path}.validFor.end`);
  if (end && end.getTime() < start.getTime()) s.fail(`${path}.validFor`, "end is before start");
  const operator = obj.operator === void 0 ? "" : s.string(obj.operator, `${path}.operator`, void 0, 256);
  return { url, majorApiVersion, start, end, operator };
}
function parseConfiguration(s, value, path) {
  const obj = s.object(value, path, ["selector"], ["count"]);
  const selector = obj.selector;
  if (selector !== "ALL" && selector !== "ANY" && selector !== "EXACT")
    s.fail(`${path}.selector`, `expected ALL, ANY or EXACT, found ${describe(selector)}`);
  const count = obj.count === void 0 ? 0 : s.integer(obj.count, `${path}.count`, 0);
  if (selector === "EXACT" && count < 1) s.fail(`${path}.count`, "EXACT needs a count of at least 1");
  return { selector, count };
}
function time(s, value, path) {
  const text = s.string(value, path, PROTO_TIME, 64);
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) s.fail(path, `not a valid time: ${JSON.stringify(text)}`);
  return date;
}
function validAt(service, now) {
  const t = now.getTime();
  return service.start.getTime() <= t && (service.end === void 0 || t <= service.end.getTime());
}
function candidates(services, versions, now) {
  const newestFirst = services.filter((x) => validAt(x, now)).sort((a, b) => b.start.getTime() - a.start.getTime());
  for (const version of [...versions].sort((a, b) => b - a)) {
    const operators = /* @__PURE__ */ new Set();
    const chosen = newestFirst.filter((x) => {
      if (x.majorApiVersion !== version || operators.has(x.operator)) return false;
      operators.add(x.operator);
      return true;
    });
    if (chosen.length > 0) return chosen;
  }
  return [];
}
function applySelector(list, config, what) {
  if (list.length === 0) return [];
  const selector = config?.selector ?? "ANY";
  if (selector === "ALL") return list;
  const count = selector === "EXACT" ? config?.count ?? 1 : 1;
  if (list.length < count)
    throw new InputError(
      "signing-config-invalid",
      `${what}: EXACT selector asks for ${count} services, found ${list.length} valid now`
    );
  return list.slice(0, count);
}
function selectServices(config, what, now = /* @__PURE__ */ new Date()) {
  const stamp = now.toISOString();
  const [ca] = candidates(config.caUrls, SUPPORTED_VERSIONS.ca, now);
  if (!ca)
    throw new InputError(
      "signing-config-invalid",
      `${what}: expected a Fulcio (caUrls) with majorApiVersion 1 valid at ${stamp}, found none`
    );
  const rekor = applySelector(
    candidates(config.rekorTlogUrls, SUPPORTED_VERSIONS.rekor, now),
    config.rekorTlogConfig,
    `${what}: rekorTlogConfig`
  );
  const tsa = applySelector(
    candidates(config.tsaUrls, SUPPORTED_VERSIONS.tsa, now),
    config.tsaConfig,
    `${what}: tsaConfig`
  );
  const rekorMajorApiVersion = rekor[0]?.majorApiVersion === 2 ? 2 : 1;
  if (rekor.length === 0 && tsa.length === 0)
    throw new InputError(
      "signing-config-invalid",
      `${what}: expected a Rekor log or a timestamp authority valid at ${stamp}, found neither: a signature needs a log entry or a timestamp`
    );
  if (rekorMajorApiVersion === 2 && tsa.length === 0)
    throw new InputError(
      "signing-config-invalid",
      `${what}: Rekor v2 (${rekor[0]?.url ?? ""}) gives no signing time and no timestamp authority is valid at ${stamp}`
    );
  return {
    fulcioUrl: checkServiceUrl(ca.url, `${what}: caUrls ${ca.url}`),
    rekorUrls: rekor.map((x) => checkServiceUrl(x.url, `${what}: rekorTlogUrls ${x.url}`)),
    rekorMajorApiVersion,
    tsaUrls: tsa.map((x) => checkServiceUrl(x.url, `${what}: tsaUrls ${x.url}`))
  };
}

export {
  SIGNING_CONFIG_MEDIA_TYPE,
  MAX_SIGNING_CONFIG_BYTES,
  parseSigningConfig,
  selectServices,
  STACK_DESCRIPTION_MEDIA_TYPE,
  MAX_STACK_FILE_BYTES,
  instanceFromStackDescription
};

// Shared by: cli-sign, stack (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  InputError
} from "./shared-f525ae91.mjs";

// src/lib/formats/stack/description.ts
import { isAbsolute } from "node:path";

// src/lib/basics/net/url.ts
var LOOPBACK_HOSTS = /* @__PURE__ */ new Set(["localhost", "[::1]"]);
function checkServiceUrl(value, what, options = {}) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new InputError("bad-service-url", `${what}: expected an absolute URL, found ${JSON.stringify(value.slice(0, 200))}`);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new InputError("bad-service-url", `${what}: expected an https URL (plain http only to a loopback address), found ${url.protocol}//${url.host}`);
  }
  if (url.username || url.password || url.hash || url.search && !options.allowQuery) {
    throw new InputError("bad-service-url", `${what}: expected a URL without credentials${options.allowQuery ? "" : ", query"} or fragment, found ${JSON.stringify(value.slice(0, 200))}`);
  }
  return value.replace(/\/+$/, "");
}

// src/lib/formats/stack/description.ts
var STACK_DESCRIPTION_MEDIA_TYPE = "application/vnd.countersign.stack.v1+json";
var MAX_STACK_FILE_BYTES = 64 * 1024;
var STRING_FIELDS = ["mediaType", "fulcioUrl", "rekorUrl", "tsaUrl", "trustedRoot", "tokenUrl", "requestToken", "issuer", "jobWorkflowRef", "identity"];
var BOOLEAN_FIELDS = ["useRekor", "useTsa"];
var KNOWN_FIELDS = /* @__PURE__ */ new Set([...STRING_FIELDS, ...BOOLEAN_FIELDS]);
function instanceFromStackDescription(value, what) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputError("sigstore-instance-invalid", `${what}: expected a JSON object, found ${Array.isArray(value) ? "an array" : typeof value}`);
  }
  const doc = value;
  for (const key of Object.keys(doc)) {
    if (!KNOWN_FIELDS.has(key)) throw new InputError("sigstore-instance-invalid", `${what}: unknown field ${JSON.stringify(key)}`);
  }
  for (const key of STRING_FIELDS) {
    if (typeof doc[key] !== "string" || doc[key] === "") throw new InputError("sigstore-instance-invalid", `${what}: expected a non-empty string "${key}", found ${JSON.stringify(doc[key] ?? null)}`);
  }
  for (const key of BOOLEAN_FIELDS) {
    if (doc[key] !== void 0 && typeof doc[key] !== "boolean") throw new InputError("sigstore-instance-invalid", `${what}: expected "${key}" to be true or false, found ${JSON.stringify(doc[key])}`);
  }
  if (doc.mediaType !== STACK_DESCRIPTION_MEDIA_TYPE) {
    throw new InputError("sigstore-instance-invalid", `${what}: expected mediaType ${STACK_DESCRIPTION_MEDIA_TYPE}, found ${JSON.stringify(doc.mediaType)}`);
  }
  const trustedRoot = doc.trustedRoot;
  if (!isAbsolute(trustedRoot)) throw new InputError("sigstore-instance-invalid", `${what}: expected "trustedRoot" to be an absolute path, found ${JSON.stringify(trustedRoot)}`);
  checkServiceUrl(doc.tokenUrl, `${what}: tokenUrl`, { allowQuery: true });
  const useRekor = doc.useRekor !== false;
  const useTsa = doc.useTsa !== false;
  if (!useRekor && !useTsa) throw new InputError("sigstore-instance-invalid", `${what}: "useRekor" and "useTsa" are both false: a signature needs a transparency log entry or a timestamp`);
  return {
    kind: "stack",
    name: `stack ${what.replace(/^stack description /, "")}`,
    fulcioUrl: checkServiceUrl(doc.fulcioUrl, `${what}: fulcioUrl`),
    rekorUrl: useRekor ? checkServiceUrl(doc.rekorUrl, `${what}: rekorUrl`) : void 0,
    tsaUrl: useTsa ? checkServiceUrl(doc.tsaUrl, `${what}: tsaUrl`) : void 0,
    trustedRootPath: trustedRoot
  };
}

export {
  checkServiceUrl,
  STACK_DESCRIPTION_MEDIA_TYPE,
  MAX_STACK_FILE_BYTES,
  instanceFromStackDescription
};

// Shared by: cli-audit, cli-countersign, cli-serve, cli-sign, cli-trusted-root, stack (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  InputError
} from "./shared-c0077619.mjs";

// src/lib/basics/net/url.ts
var LOOPBACK_HOSTS = /* @__PURE__ */ new Set(["localhost", "[::1]"]);
function checkServiceUrl(value, what, options = {}) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(
      "bad-service-url",
      `${what}: expected an absolute URL, found ${JSON.stringify(value.slice(0, 200))}`
    );
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new InputError(
      "bad-service-url",
      `${what}: expected an https URL (plain http only to a loopback address), found ${url.protocol}//${url.host}`
    );
  }
  if (url.username || url.password || url.hash || url.search && !options.allowQuery) {
    throw new InputError(
      "bad-service-url",
      `${what}: expected a URL without credentials${options.allowQuery ? "" : ", query"} or fragment, found ${JSON.stringify(value.slice(0, 200))}`
    );
  }
  return value.replace(/\/+$/, "");
}

export {
  checkServiceUrl
};

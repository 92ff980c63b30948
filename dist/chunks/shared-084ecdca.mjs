// Shared by: cli-audit, cli-countersign, cli-serve, cli-sign (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  carried,
  isErrorCode
} from "./shared-309f26f9.mjs";
import {
  checkServiceUrl
} from "./shared-500f2f67.mjs";
import {
  InputError,
  VerificationError
} from "./shared-c0077619.mjs";

// src/lib/basics/net/http.ts
var ServiceRefusedError = class extends VerificationError {
  status;
  constructor(status, code, message) {
    super(carried(code), message);
    this.name = "ServiceRefusedError";
    this.status = status;
  }
};
var ServiceUnavailableError = class extends InputError {
  constructor(message) {
    super("service-unavailable", message);
    this.name = "ServiceUnavailableError";
  }
};
var DEFAULTS = { timeoutMs: 3e4, retries: 3, backoffMs: 500, maxResponseBytes: 1024 * 1024 };
var MAX_BACKOFF_MS = 3e4;
function serviceBaseUrl(url) {
  const u = new URL(checkServiceUrl(url, "service URL"));
  u.pathname = u.pathname.replace(/\/+$/, "");
  return u;
}
function endpoint(base, path, query) {
  const u = new URL(base.href);
  u.pathname = `${base.pathname.replace(/\/+$/, "")}${path}`;
  for (const [k, v] of Object.entries(query ?? {})) u.searchParams.set(k, String(v));
  return u;
}
async function serviceRequest(url, init, options = {}) {
  const o = { ...DEFAULTS, ...definedOnly(options) };
  const where = `${url.origin}${url.pathname}`;
  let lastProblem = "no attempt made";
  for (let attempt = 0; attempt <= o.retries; attempt += 1) {
    let retryAfterMs;
    try {
      const headers = { accept: "application/json, text/plain" };
      if (init.contentType) headers["content-type"] = init.contentType;
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const res = await fetch(url, {
        method: init.method,
        headers,
        ...init.body ? { body: new Uint8Array(init.body) } : {},
        redirect: "error",
        signal: AbortSignal.timeout(o.timeoutMs)
      });
      const body = await readCappedBody(
        res,
        o.maxResponseBytes,
        (declared) => new InputError(
          "service-response-too-large",
          `${where}: response ${declared === void 0 ? "is" : `of ${declared} bytes is`} over the limit of ${o.maxResponseBytes} bytes`
        )
      );
      const contentType = res.headers.get("content-type") ?? "";
      if (res.status >= 200 && res.status < 300) return { status: res.status, contentType, body };
      const reason = errorBody(body);
      if (res.status >= 400 && res.status < 500 && res.status !== 429) {
        const remote = reason?.code;
        throw new ServiceRefusedError(
          res.status,
          isErrorCode(remote) ? remote : "service-refused",
          `${where}: the service refused (HTTP ${res.status}${reason ? ` ${reason.code}` : ""}): ${reason?.message ?? "no reason given"}`
        );
      }
      lastProblem = `HTTP ${res.status}${reason ? ` ${reason.code}: ${reason.message}` : ""}`;
      const retryAfter = Number(res.headers.get("retry-after"));
      if (Number.isFinite(retryAfter) && retryAfter >= 0) retryAfterMs = Math.min(retryAfter * 1e3, MAX_BACKOFF_MS);
    } catch (err) {
      if (err instanceof ServiceRefusedError || err instanceof InputError) throw err;
      lastProblem = describeFetchError(err, o.timeoutMs);
    }
    if (attempt < o.retries) {
      const backoff = Math.min(o.backoffMs * 2 ** attempt, MAX_BACKOFF_MS);
      await sleep(retryAfterMs ?? backoff / 2 + Math.random() * (backoff / 2));
    }
  }
  throw new ServiceUnavailableError(
    `${where}: the countersigning service did not answer after ${o.retries + 1} attempt(s): ${lastProblem}`
  );
}
async function readCappedBody(res, max, tooLarge) {
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => {
    });
    throw tooLarge(declared);
  }
  const chunks = [];
  let size = 0;
  const reader = res.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {
      });
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
function errorBody(body) {
  try {
    const v = JSON.parse(new TextDecoder().decode(body.subarray(0, 16 * 1024)));
    if (typeof v.code !== "string" || typeof v.message !== "string") return void 0;
    const clean = (s, max) => s.replace(new RegExp("\\p{Cc}+", "gu"), " ").slice(0, max);
    return { code: clean(v.code, 100), message: clean(v.message, 1e3) };
  } catch {
    return void 0;
  }
}
function describeFetchError(err, timeoutMs) {
  const e = err;
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `no answer within ${timeoutMs} ms`;
  const cause = e?.cause?.code ?? e?.cause?.message;
  return `connection failed (${cause ?? e?.message ?? String(err)})`;
}
function definedOnly(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0));
}
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export {
  ServiceRefusedError,
  serviceBaseUrl,
  endpoint,
  serviceRequest,
  readCappedBody
};

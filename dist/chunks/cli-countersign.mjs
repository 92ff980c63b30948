import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  countersignBundle
} from "./shared-b43b02ca.mjs";
import {
  endpoint,
  serviceBaseUrl,
  serviceRequest
} from "./shared-cbb053b7.mjs";
import {
  API,
  MAX_REQUEST_BYTES
} from "./shared-3d83ab60.mjs";
import {
  seedSigner
} from "./shared-1654736b.mjs";
import {
  loadPrivateKeyFile
} from "./shared-e0d916f7.mjs";
import {
  loadStateFile,
  recordAccepted,
  saveStateFile
} from "./shared-11f82d0e.mjs";
import {
  loadPolicyFile
} from "./shared-f61c8803.mjs";
import "./shared-4188714e.mjs";
import {
  parseBundleFile,
  serializeBundle
} from "./shared-20c62e75.mjs";
import "./shared-868235cf.mjs";
import {
  parseCountersignatureStatement
} from "./shared-98eab3f9.mjs";
import "./shared-ee69d299.mjs";
import "./shared-a7bf52ea.mjs";
import "./shared-aee9c4ce.mjs";
import {
  readBundleFile
} from "./shared-e9f0868a.mjs";
import {
  usageError
} from "./shared-7cbc52b0.mjs";
import "./shared-08d889f0.mjs";
import "./shared-d54b2595.mjs";
import "./shared-98309fbc.mjs";
import "./shared-36064810.mjs";
import {
  parseStrictJson
} from "./shared-f585a028.mjs";
import {
  sha256Hex
} from "./shared-2868a1ae.mjs";
import {
  writeFileAtomic
} from "./shared-c2330f2a.mjs";
import "./shared-32ea4c3b.mjs";
import {
  InputError
} from "./shared-f525ae91.mjs";
import "./shared-dcbfea3f.mjs";

// src/cli/countersign.ts
import { parseArgs } from "node:util";

// src/lib/flows/countersign/service-client.ts
var MAX_RESPONSE_BYTES = 256 * 1024;
async function requestCountersignature(url, primaryBundle, options = {}) {
  const base = serviceBaseUrl(url);
  if (primaryBundle.byteLength > MAX_REQUEST_BYTES) {
    throw new InputError("too-large", `bundle: ${primaryBundle.byteLength} bytes is over the service's limit of ${MAX_REQUEST_BYTES} bytes`);
  }
  const parsed = parseBundleFile(primaryBundle, "bundle", MAX_REQUEST_BYTES);
  const target = base.pathname.endsWith(API.countersign) ? base : endpoint(base, API.countersign);
  const res = await serviceRequest(target, { method: "POST", body: primaryBundle, contentType: "application/json" }, { maxResponseBytes: MAX_RESPONSE_BYTES, ...options });
  const what = `answer of ${target.origin}${target.pathname}`;
  const countersignature = readAnswer(res.body, what);
  checkBindsThisPrimary(countersignature, parsed.bundle.primary, what);
  const existing = parsed.bundle.countersignatures;
  const same = existing.findIndex((c) => c.keyId === countersignature.keyId);
  let countersignatures;
  if (same < 0) {
    countersignatures = [...existing, countersignature];
  } else if (existing[same].statement === countersignature.statement && existing[same].signature === countersignature.signature) {
    countersignatures = existing.map((c, i) => i === same ? countersignature : c);
  } else {
    throw new InputError("countersignature-duplicate", `bundle: already carries a different countersignature by ${countersignature.keyId}; the service's would be a second one by the same key`);
  }
  const out = new TextEncoder().encode(serializeBundle({ ...parsed.bundle, countersignatures }));
  parseBundleFile(out, "countersigned bundle", 64 * 1024 * 1024);
  return out;
}
function readAnswer(body, what) {
  let countersignature;
  try {
    const json = parseStrictJson(body, what, { maxBytes: MAX_RESPONSE_BYTES, maxDepth: 8 });
    const probe = new TextEncoder().encode(JSON.stringify({ mediaType: "application/vnd.countersign.bundle.v1+json", primary: { mediaType: "x", verificationMaterial: {} }, countersignatures: [json?.countersignature] }));
    countersignature = parseBundleFile(probe, what, MAX_RESPONSE_BYTES * 2).bundle.countersignatures[0];
  } catch (err) {
    throw new InputError("service-bad-response", `${what}: expected {"countersignature": {...}}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!countersignature.logProof) throw new InputError("service-bad-response", `${what}: the countersignature carries no log proof`);
  return countersignature;
}
function checkBindsThisPrimary(c, primary, what) {
  const envelope = primary.dsseEnvelope;
  const sig = envelope?.signatures?.[0]?.sig;
  if (typeof envelope?.payload !== "string" || typeof sig !== "string") return;
  let statement;
  try {
    statement = parseCountersignatureStatement(new Uint8Array(Buffer.from(c.statement, "base64")), `${what}: countersignature statement`);
  } catch (err) {
    throw new InputError("service-bad-response", err instanceof Error ? err.message : String(err));
  }
  if (statement.payloadDigest.sha256 !== sha256Hex(Buffer.from(envelope.payload, "base64")) || statement.primarySignatureDigest.sha256 !== sha256Hex(Buffer.from(sig, "base64"))) {
    throw new InputError("service-bad-response", `${what}: the countersignature is for another primary (payload or signature digest differs)`);
  }
}

// src/cli/countersign.ts
var USAGE = `usage: countersign countersign BUNDLE --key FILE --policy FILE --out FILE [--state FILE]
       countersign countersign BUNDLE --url URL --out FILE [--timeout SECONDS] [--retries N]

Organisation B's step: verifies the primary Sigstore signature of BUNDLE under the policy
(identity, trusted root, kind, stream, expiry, version) and, only if all of it holds, adds
an Ed25519 countersignature that binds the statement and the primary signature.

  --key FILE      B's Ed25519 private key (PKCS#8 PEM, mode 0600), from 'countersign keygen'
  --policy FILE   the policy B countersigns under; B's key must be one of its countersigners
  --out FILE      where to write the countersigned bundle
  --state FILE    B's record of the last version it signed per stream: refuses to sign an
                  older version (created if missing)
  --url URL       instead of --key and --policy: ask organisation B's countersigning service
                  (docs/service.md); the result carries its log inclusion proof and checkpoint.
                  COUNTERSIGN_SERVICE_TOKEN, if set, is sent as a bearer token (never printed)
  --timeout S     with --url: seconds per attempt (default 30)
  --retries N     with --url: retries on connection errors and 5xx (default 3)

Exit codes: 0 countersigned, 1 refused (the reason is printed), 2 could not run.`;
async function run(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      key: { type: "string" },
      policy: { type: "string" },
      out: { type: "string" },
      state: { type: "string" },
      url: { type: "string" },
      timeout: { type: "string" },
      retries: { type: "string" },
      help: { type: "boolean", short: "h" }
    }
  });
  if (values.help) return console.log(USAGE), 0;
  const [bundlePath, ...extra] = positionals;
  if (!bundlePath) return usageError("countersign", "missing BUNDLE");
  if (extra.length > 0) return usageError("countersign", `unexpected argument ${JSON.stringify(extra[0])}`);
  if (values.url !== void 0) return viaService(bundlePath, values);
  if (!values.key) return usageError("countersign", "missing --key FILE (or --url URL)");
  if (!values.policy) return usageError("countersign", "missing --policy FILE");
  if (!values.out) return usageError("countersign", "missing --out FILE");
  const policy = await loadPolicyFile(values.policy);
  const key = await loadPrivateKeyFile(values.key);
  const state = values.state ? await loadStateFile(values.state) : void 0;
  const bytes = await readBundleFile(bundlePath);
  const result = await countersignBundle(bytes, { policy, signer: seedSigner(key.seed, key.keyId), state, what: bundlePath });
  await writeFileAtomic(values.out, serializeBundle(result.bundle));
  if (values.state && state) await saveStateFile(values.state, recordAccepted(state, result.stream, result.version, result.statementDigest));
  console.error(`countersigned ${result.stream} v${result.version} (statement sha256:${result.statementDigest}) with ${key.keyId}; wrote ${values.out}`);
  console.log(values.out);
  return 0;
}
async function viaService(bundlePath, values) {
  for (const flag of ["key", "policy", "state"]) {
    if (values[flag] !== void 0) return usageError("countersign", `--${flag} does not go with --url (the service uses its own key, policy and records)`);
  }
  if (!values.out) return usageError("countersign", "missing --out FILE");
  const number = (v, flag, min, max) => {
    if (v === void 0) return void 0;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max) throw new InputError("bad-option", `--${flag}: expected an integer from ${min} to ${max}, found ${JSON.stringify(v)}`);
    return n;
  };
  const timeout = number(values.timeout, "timeout", 1, 600);
  const retries = number(values.retries, "retries", 0, 10);
  const token = process.env.COUNTERSIGN_SERVICE_TOKEN;
  const bytes = await readBundleFile(bundlePath);
  const out = await requestCountersignature(values.url, bytes, {
    ...timeout !== void 0 ? { timeoutMs: timeout * 1e3 } : {},
    ...retries !== void 0 ? { retries } : {},
    ...token ? { token } : {}
  });
  await writeFileAtomic(values.out, out);
  console.error(`countersigned by the service at ${values.url}; wrote ${values.out}`);
  console.log(values.out);
  return 0;
}
export {
  USAGE,
  run
};

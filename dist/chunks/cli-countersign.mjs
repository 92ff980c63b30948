import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  countersignBundle
} from "./shared-b43b02ca.mjs";
import {
  API,
  MAX_REQUEST_BYTES
} from "./shared-3d83ab60.mjs";
import "./shared-1654736b.mjs";
import {
  endpoint,
  serviceBaseUrl,
  serviceRequest
} from "./shared-084ecdca.mjs";
import "./shared-d0d2b81b.mjs";
import {
  openSigningKey
} from "./shared-9896c63c.mjs";
import "./shared-85e931d3.mjs";
import "./shared-e7549aa0.mjs";
import "./shared-4188714e.mjs";
import "./shared-309f26f9.mjs";
import {
  loadStateFile,
  saveStateFile
} from "./shared-11f82d0e.mjs";
import "./shared-58d15130.mjs";
import "./shared-20c62e75.mjs";
import {
  parseCountersignatureStatement
} from "./shared-98eab3f9.mjs";
import "./shared-c9b31025.mjs";
import "./shared-c6dbb844.mjs";
import "./shared-d54b2595.mjs";
import "./shared-500f2f67.mjs";
import {
  loadPolicyFile
} from "./shared-79af2afc.mjs";
import {
  REVIEW_HINT,
  checkRotationApproval,
  peekRotation,
  rotationReview
} from "./shared-14079368.mjs";
import {
  parseBundleFile,
  serializeBundle
} from "./shared-4746e858.mjs";
import "./shared-5bacc2e4.mjs";
import "./shared-e181c389.mjs";
import "./shared-39a15262.mjs";
import "./shared-f06d4d30.mjs";
import "./shared-8e434138.mjs";
import {
  writeFileAtomic
} from "./shared-2abda158.mjs";
import "./shared-2a468d80.mjs";
import "./shared-96f97add.mjs";
import "./shared-4bd08542.mjs";
import "./shared-d5665511.mjs";
import {
  readBundleFile
} from "./shared-434ebaa6.mjs";
import "./shared-2f63fab4.mjs";
import {
  parseStrictJson
} from "./shared-31413875.mjs";
import "./shared-a58ce1e9.mjs";
import {
  usageError
} from "./shared-d30e65f7.mjs";
import {
  parseVerbArgs
} from "./shared-25dfcc74.mjs";
import "./shared-e09a80f9.mjs";
import "./shared-5310986a.mjs";
import "./shared-2b0dfa9f.mjs";
import {
  sha256Hex
} from "./shared-f3698323.mjs";
import "./shared-84c2b3d1.mjs";
import {
  InputError,
  VerificationError
} from "./shared-c0077619.mjs";
import "./shared-2bfe6f66.mjs";

// src/lib/flows/countersign/service-client.ts
var MAX_RESPONSE_BYTES = 256 * 1024;
async function requestCountersignature(url, primaryBundle, options = {}) {
  const base = serviceBaseUrl(url);
  if (primaryBundle.byteLength > MAX_REQUEST_BYTES) {
    throw new InputError(
      "too-large",
      `bundle: ${primaryBundle.byteLength} bytes is over the service's limit of ${MAX_REQUEST_BYTES} bytes`
    );
  }
  const parsed = parseBundleFile(primaryBundle, "bundle", MAX_REQUEST_BYTES);
  const target = base.pathname.endsWith(API.countersign) ? base : endpoint(base, API.countersign);
  const res = await serviceRequest(
    target,
    { method: "POST", body: primaryBundle, contentType: "application/json" },
    { maxResponseBytes: MAX_RESPONSE_BYTES, ...options }
  );
  const what = `answer of ${target.origin}${target.pathname}`;
  const countersignature = readAnswer(res.body, what);
  checkBindsThisPrimary(countersignature, parsed.bundle.primary, what);
  const existing = parsed.bundle.countersignatures;
  const same = existing.find((c) => c.keyId === countersignature.keyId);
  let countersignatures;
  if (!same) {
    countersignatures = [...existing, countersignature];
  } else if (same.statement === countersignature.statement && same.signature === countersignature.signature) {
    countersignatures = existing.map((c) => c === same ? countersignature : c);
  } else {
    throw new VerificationError(
      "countersignature-duplicate",
      `bundle: already carries a different countersignature by ${countersignature.keyId}; the service's would be a second one by the same key`
    );
  }
  const out = new TextEncoder().encode(serializeBundle({ ...parsed.bundle, countersignatures }));
  parseBundleFile(out, "countersigned bundle", 64 * 1024 * 1024);
  return out;
}
function readAnswer(body, what) {
  let countersignature;
  try {
    const json = parseStrictJson(body, what, { maxBytes: MAX_RESPONSE_BYTES, maxDepth: 8 });
    const probe = new TextEncoder().encode(
      JSON.stringify({
        mediaType: "application/vnd.countersign.bundle.v1+json",
        primary: { mediaType: "x", verificationMaterial: {} },
        countersignatures: [json?.countersignature]
      })
    );
    const [parsed] = parseBundleFile(probe, what, MAX_RESPONSE_BYTES * 2).bundle.countersignatures;
    if (!parsed) throw new Error("no countersignature");
    countersignature = parsed;
  } catch (err) {
    throw new InputError(
      "service-bad-response",
      `${what}: expected {"countersignature": {...}}: ${err instanceof Error ? err.message : String(err)}`
    );
  }
  if (!countersignature.logProof)
    throw new InputError("service-bad-response", `${what}: the countersignature carries no log proof`);
  return countersignature;
}
function checkBindsThisPrimary(c, primary, what) {
  const envelope = primary.dsseEnvelope;
  const sig = envelope?.signatures?.[0]?.sig;
  if (typeof envelope?.payload !== "string" || typeof sig !== "string") return;
  let statement;
  try {
    statement = parseCountersignatureStatement(
      new Uint8Array(Buffer.from(c.statement, "base64")),
      `${what}: countersignature statement`
    );
  } catch (err) {
    throw new InputError("service-bad-response", err instanceof Error ? err.message : String(err));
  }
  if (statement.payloadDigest.sha256 !== sha256Hex(Buffer.from(envelope.payload, "base64")) || statement.primarySignatureDigest.sha256 !== sha256Hex(Buffer.from(sig, "base64"))) {
    throw new InputError(
      "service-bad-response",
      `${what}: the countersignature is for another primary (payload or signature digest differs)`
    );
  }
}

// src/cli/rotation-approval.ts
import { createInterface } from "node:readline/promises";
import { isatty } from "node:tty";
var PROMPT_DIGITS = 12;
var terminalIo = {
  interactive: isatty(0) && isatty(2),
  print: (text) => {
    console.error(text);
  },
  ask: async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  }
};
async function rotationApproval(bundlePath, bytes, policy, signerKeyId, flag, io = terminalIo) {
  if (flag !== void 0 && !/^sha256:[0-9a-f]{64}$/.test(flag)) {
    throw new InputError(
      "usage",
      `countersign: --approve-rotation: expected sha256: and the 64 lowercase hex digits of the new policy's digest, found ${JSON.stringify(flag.slice(0, 80))}`
    );
  }
  const rotation = peekRotation(bytes, policy, bundlePath);
  if (!rotation) {
    if (flag !== void 0)
      throw new InputError(
        "usage",
        `countersign: --approve-rotation: ${bundlePath} is not an authority rotation (or does not parse as one)`
      );
    return void 0;
  }
  const digest = `sha256:${rotation.digest}`;
  io.print(rotationReview(`countersign: ${bundlePath}`, policy, rotation, signerKeyId).join("\n"));
  if (flag !== void 0) {
    const approval = { policyDigest: flag };
    checkRotationApproval(policy, rotation, approval, bundlePath);
    return approval;
  }
  if (!io.interactive) {
    throw new VerificationError(
      "rotation-needs-review",
      `${bundlePath}: an authority rotation is countersigned only with an approval of the exact new policy: read the changes above, then re-run with --approve-rotation sha256:<the new policy's digest, above> (${REVIEW_HINT})`,
      {
        expected: `--approve-rotation ${digest}`,
        found: "no approval (no terminal to ask on)"
      }
    );
  }
  const answer = (await io.ask(
    `To countersign this rotation, type the first ${PROMPT_DIGITS} hex digits of the new policy's digest (anything else refuses): `
  )).trim().toLowerCase().replace(/^sha256:/, "");
  if (answer.length < PROMPT_DIGITS || !/^[0-9a-f]+$/.test(answer) || !rotation.digest.startsWith(answer)) {
    throw new VerificationError(
      "rotation-needs-review",
      `${bundlePath}: the rotation was not approved (the answer was not the start of ${digest})`,
      { expected: `the first ${PROMPT_DIGITS} hex digits of ${digest}`, found: "another answer" }
    );
  }
  return { policyDigest: digest };
}

// src/cli/countersign.ts
var USAGE = `usage: countersign countersign BUNDLE --key FILE --policy FILE --out FILE [--state FILE]
                                [--approve-rotation sha256:DIGEST]
       countersign countersign BUNDLE --url URL --out FILE [--timeout SECONDS] [--retries N]

Organisation B's step: verifies the primary Sigstore signature of BUNDLE under the policy
(identity, trusted root, kind, stream, expiry, version) and, only if all of it holds, adds
an Ed25519 countersignature that binds the statement and the primary signature.

  --key FILE      B's Ed25519 private key (PKCS#8 PEM, mode 0600), from 'countersign keygen';
                  or a PKCS#11 URI (pkcs11:token=...;object=...?module-path=...&pin-source=file:...)
                  naming the key in a token (docs/keys.md). A fallback signer or a rotation's
                  new key countersigns a rotation the same way
  --policy FILE   the policy B countersigns under; B's key must be one of its countersigners
  --out FILE      where to write the countersigned bundle
  --state FILE    B's record of the last version it signed per stream: refuses to sign an
                  older version, or one more than the policy's maxVersionStep above it
                  (created if missing; without a record, no version above 2^45)
  --url URL       instead of --key and --policy: ask organisation B's countersigning service
                  (docs/service.md); the result carries its log inclusion proof and checkpoint.
                  COUNTERSIGN_SERVICE_TOKEN, if set, is sent as a bearer token (never printed)
  --timeout S     with --url: seconds per attempt (default 30)
  --retries N     with --url: retries on connection errors and 5xx (default 3)
  --approve-rotation sha256:DIGEST
                  for an authority rotation: the digest of the new policy it installs, which
                  you reviewed; must match the rotation exactly (for scripts: on a terminal,
                  the command asks instead)

An authority rotation changes who must sign from then on. For one, the command first prints
what the new policy changes (as 'countersign policy diff' does) and countersigns only with an
approval of that exact document: on a terminal, type the start of its digest when asked;
otherwise give --approve-rotation. Without one it refuses [rotation-needs-review]; a digest
of another document is [rotation-approval-mismatch]. B's service never countersigns rotations.

Exit codes: 0 countersigned, 1 refused (the reason is printed), 2 could not run.`;
async function run(argv) {
  const { values, positionals } = parseVerbArgs("countersign", argv, {
    key: { type: "string" },
    policy: { type: "string" },
    out: { type: "string" },
    state: { type: "string" },
    url: { type: "string" },
    timeout: { type: "string" },
    retries: { type: "string" },
    "approve-rotation": { type: "string" },
    help: { type: "boolean", short: "h" }
  });
  if (values.help) return console.log(USAGE), 0;
  const [bundlePath, ...extra] = positionals;
  if (!bundlePath) return usageError("countersign", "missing BUNDLE");
  if (extra.length > 0) return usageError("countersign", `unexpected argument ${JSON.stringify(extra[0])}`);
  if (values.url !== void 0) {
    if (values["approve-rotation"] !== void 0)
      return usageError(
        "countersign",
        "--approve-rotation does not go with --url (B's service never countersigns a rotation: B countersigns it with its key)"
      );
    return viaService(bundlePath, values.url, values);
  }
  if (!values.key) return usageError("countersign", "missing --key FILE (or --url URL)");
  if (!values.policy) return usageError("countersign", "missing --policy FILE");
  if (!values.out) return usageError("countersign", "missing --out FILE");
  const policy = await loadPolicyFile(values.policy);
  const state = values.state ? await loadStateFile(values.state) : void 0;
  const bytes = await readBundleFile(bundlePath);
  const key = await openSigningKey(values.key, "--key");
  let result;
  try {
    const approval = await rotationApproval(bundlePath, bytes, policy, key.keyId, values["approve-rotation"]);
    result = await countersignBundle(bytes, {
      policy,
      signer: key.signer,
      state,
      what: bundlePath,
      ...approval ? { approveRotation: approval } : {}
    });
  } finally {
    key.close();
  }
  await writeFileAtomic(values.out, serializeBundle(result.bundle));
  if (values.state) await saveStateFile(values.state, result.newState);
  console.error(
    `countersigned ${result.stream} v${result.version} (statement sha256:${result.statementDigest}) with ${key.keyId}; wrote ${values.out}`
  );
  console.log(values.out);
  return 0;
}
async function viaService(bundlePath, url, values) {
  for (const flag of ["key", "policy", "state"]) {
    if (values[flag] !== void 0)
      return usageError(
        "countersign",
        `--${flag} does not go with --url (the service uses its own key, policy and records)`
      );
  }
  if (!values.out) return usageError("countersign", "missing --out FILE");
  const number = (v, flag, min, max) => {
    if (v === void 0) return void 0;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max)
      throw new InputError(
        "bad-option",
        `--${flag}: expected an integer from ${min} to ${max}, found ${JSON.stringify(v)}`
      );
    return n;
  };
  const timeout = number(values.timeout, "timeout", 1, 600);
  const retries = number(values.retries, "retries", 0, 10);
  const token = process.env.COUNTERSIGN_SERVICE_TOKEN;
  const bytes = await readBundleFile(bundlePath);
  const out = await requestCountersignature(url, bytes, {
    ...timeout !== void 0 ? { timeoutMs: timeout * 1e3 } : {},
    ...retries !== void 0 ? { retries } : {},
    ...token ? { token } : {}
  });
  await writeFileAtomic(values.out, out);
  console.error(`countersigned by the service at ${url}; wrote ${values.out}`);
  console.log(values.out);
  return 0;
}
export {
  USAGE,
  run
};

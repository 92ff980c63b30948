#!/usr/bin/env node
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  reportFatal
} from "./chunks/chunk-NRN3OH45.mjs";
import "./chunks/chunk-AKRWTDNC.mjs";
import "./chunks/chunk-6PP3T4LB.mjs";

// src/cli/main.ts
var VERBS = {
  keygen: { summary: "make organisation B's Ed25519 countersigning key", load: () => import("./chunks/keygen-SPPX33TR.mjs") },
  policy: { summary: "write (init) or explain (show) a policy file", load: () => import("./chunks/policy-TNAUQW7G.mjs") },
  build: { summary: "make a statement over files, fleet keys or config", load: () => import("./chunks/build-OTGANETM.mjs") },
  sign: { summary: "organisation A's Sigstore keyless signature over a statement", load: () => import("./chunks/sign-KVJ733PR.mjs") },
  countersign: { summary: "organisation B's check-then-countersign step", load: () => import("./chunks/countersign-KW4JTT7T.mjs") },
  verify: { summary: "the gate: verify both signatures under a pinned policy", load: () => import("./chunks/verify-OL54HKFW.mjs") },
  "verify-bundle": { summary: "Sigstore conformance verification of a plain Sigstore bundle", load: () => import("./chunks/verify-bundle-KLSZCO5D.mjs") },
  serve: { summary: "organisation B's countersigning service with its transparency log", load: () => import("./chunks/serve-R3H52R5C.mjs") },
  audit: { summary: "check a countersigning service's log and list everything it signed", load: () => import("./chunks/audit-SUWCVMMN.mjs") },
  stack: { summary: "run the local Sigstore stack (Fulcio, Rekor, TSA, OIDC) on loopback", load: () => import("./chunks/stack-YTIE2YHX.mjs") },
  demo: { summary: "the whole flow on the local stack, with three rejections", load: () => import("./chunks/demo-NMUX5FN5.mjs") }
};
var USAGE = `usage: countersign <verb> [options]

verbs:
${Object.entries(VERBS).map(([name, v]) => `  ${name.padEnd(14)} ${v.summary}`).join("\n")}

Run 'countersign <verb> --help' for the verb's options.`;
async function main(argv) {
  const [verb, ...rest] = argv;
  if (verb === void 0 || verb === "--help" || verb === "-h" || verb === "help") {
    console.log(USAGE);
    return verb === void 0 ? 2 : 0;
  }
  const entry = VERBS[verb];
  if (!entry) {
    console.error(`countersign: unknown verb '${verb}' (verbs: ${Object.keys(VERBS).join(", ")}; see 'countersign --help')`);
    return 2;
  }
  const mod = await entry.load();
  return mod.run(rest);
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.exitCode = reportFatal(err);
  }
);
export {
  USAGE
};

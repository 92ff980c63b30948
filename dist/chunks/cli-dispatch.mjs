import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  reportFatal
} from "./shared-42d5d1df.mjs";
import {
  HELP_COMBINED
} from "./shared-25dfcc74.mjs";
import "./shared-c0077619.mjs";
import "./shared-2bfe6f66.mjs";

// package.json
var package_default = { name: "@countersign/cli", version: "0.1.0" };

// src/cli/dispatch.ts
var VERBS = {
  keygen: { summary: "make organisation B's Ed25519 countersigning key", load: () => import("./cli-keygen.mjs") },
  policy: { summary: "write (init), explain (show) or update a policy file", load: () => import("./cli-policy.mjs") },
  build: { summary: "make a statement over files, fleet keys or config", load: () => import("./cli-build.mjs") },
  sign: { summary: "organisation A's Sigstore keyless signature over a statement", load: () => import("./cli-sign.mjs") },
  countersign: { summary: "organisation B's check-then-countersign step", load: () => import("./cli-countersign.mjs") },
  verify: { summary: "the gate: verify both signatures under a pinned policy", load: () => import("./cli-verify.mjs") },
  "trusted-root": {
    summary: "fetch a Sigstore instance's trusted root through TUF",
    load: () => import("./cli-trusted-root.mjs")
  },
  "verify-bundle": {
    summary: "Sigstore conformance verification of a plain Sigstore bundle",
    load: () => import("./cli-verify-bundle.mjs")
  },
  serve: {
    summary: "organisation B's countersigning service with its transparency log",
    load: () => import("./cli-serve.mjs")
  },
  audit: {
    summary: "check a countersigning service's log and list everything it signed",
    load: () => import("./cli-audit.mjs")
  },
  witness: {
    summary: "a C2SP tlog-witness: cosign only consistent checkpoints of the logs it follows",
    load: () => import("./cli-witness.mjs")
  },
  stack: {
    summary: "run the local Sigstore stack (Fulcio, Rekor, TSA, OIDC) on loopback",
    load: () => import("./cli-stack.mjs")
  },
  demo: { summary: "the whole flow on the local stack, with three rejections", load: () => import("./cli-demo.mjs") }
};
var VERSION = package_default.version;
var USAGE = `usage: countersign <verb> [options]
       countersign help [<verb> [<subverb>]]
       countersign --version

verbs:
${Object.entries(VERBS).map(([name, v]) => `  ${name.padEnd(14)} ${v.summary}`).join("\n")}

Run 'countersign help <verb>' or 'countersign <verb> --help' for the verb's options
('countersign help policy init' for a subverb's). 'countersign --version' prints the version.`;
var HELP_WORDS = /* @__PURE__ */ new Set(["help", "--help", "-h"]);
function main(argv) {
  return route(argv).catch(reportFatal);
}
async function route(argv) {
  const [verb, ...rest] = argv;
  if (verb === void 0 || HELP_WORDS.has(verb)) {
    if (verb !== "help" && rest.length > 0) {
      console.error(`countersign: ${HELP_COMBINED} (see 'countersign --help')`);
      return 2;
    }
    if (verb === "help" && rest[0] !== void 0 && !HELP_WORDS.has(rest[0]))
      return dispatch(rest[0], [...rest.slice(1), "--help"], "help");
    console.log(USAGE);
    return verb === void 0 ? 2 : 0;
  }
  if (verb === "--version" || verb === "-V") {
    console.log(`countersign ${VERSION}`);
    return 0;
  }
  return dispatch(verb, rest);
}
async function dispatch(verb, argv, via) {
  const entry = Object.hasOwn(VERBS, verb) ? VERBS[verb] : void 0;
  if (!entry) {
    console.error(
      `countersign${via ? ` ${via}` : ""}: unknown verb '${verb}' (verbs: ${Object.keys(VERBS).join(", ")}; see 'countersign --help')`
    );
    return 2;
  }
  const mod = await entry.load();
  return mod.run(argv);
}
export {
  USAGE,
  VERBS,
  VERSION,
  main
};

// Shared by: cli-audit, cli-build, cli-countersign, cli-demo, cli-dispatch, cli-keygen, cli-policy, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-sign, cli-stack, cli-trusted-root, cli-verify, cli-verify-bundle, cli-witness (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  InputError
} from "./shared-c0077619.mjs";

// src/cli/args.ts
import { parseArgs } from "node:util";
var HELP_COMBINED = "--help cannot be combined with other arguments";
function parseVerbArgs(verb, argv, options, { positionals = true } = {}) {
  const fail = (problem) => {
    throw new InputError("usage", `${verb}: ${problem} (see 'countersign ${verb} --help')`);
  };
  const end = argv.indexOf("--");
  if (argv.length > 1 && (end === -1 ? argv : argv.slice(0, end)).some((a) => a === "--help" || a === "-h"))
    fail(HELP_COMBINED);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options,
      allowPositionals: positionals,
      strict: true,
      tokens: true
    });
  } catch (err) {
    const code = err.code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS"))
      fail(err.message.trim().replace(/\s*\n\s*/g, " "));
    throw err;
  }
  const seen = /* @__PURE__ */ new Set();
  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    if (token.name === "help" && argv.length !== 1) fail(HELP_COMBINED);
    if (options[token.name]?.multiple === true) continue;
    if (seen.has(token.name)) fail(`option --${token.name} given more than once`);
    seen.add(token.name);
  }
  const { values, positionals: rest } = parsed;
  return { values, positionals: rest };
}

export {
  HELP_COMBINED,
  parseVerbArgs
};

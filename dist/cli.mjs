#!/usr/bin/env node
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import "./chunks/shared-2bfe6f66.mjs";

// src/cli/node-version.ts
var MIN_NODE_MAJOR = 24;
function nodeVersionSupported(version) {
  const match = /^v?(\d+)(?:\.|$)/.exec(version);
  return match !== null && Number(match[1]) >= MIN_NODE_MAJOR;
}
function nodeVersionProblem(version, advice = `install Node.js ${MIN_NODE_MAJOR} or newer`) {
  if (nodeVersionSupported(version)) return void 0;
  return `countersign needs Node.js >= ${MIN_NODE_MAJOR} (this is ${version || "an unknown version"}): ${advice}`;
}

// src/cli/main.ts
var problem = nodeVersionProblem(process.versions.node);
if (problem !== void 0) {
  console.error(problem);
  process.exitCode = 2;
} else {
  const argv = process.argv.slice(2);
  import("./chunks/cli-dispatch.mjs").then((cli) => cli.main(argv)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(
        `countersign: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`
      );
      process.exitCode = 2;
    }
  );
}

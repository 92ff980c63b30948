#!/usr/bin/env node
// The countersign CLI: `countersign <verb> [args]`. This entry checks the Node.js version and
// nothing else before loading the dispatcher (src/cli/dispatch.ts) and, through it, one verb:
// on an older Node it says in one line what it needs and exits 2, instead of failing on a
// missing built-in (node:sqlite for `serve`) or on syntax, with a stack trace. So this file
// and node-version.ts import nothing else and use no recent syntax: in dist/cli.mjs they are
// the whole of what runs before the check.
// Exit codes: 0 success / verified, 1 rejected or pending, 2 could not run.
import { nodeVersionProblem } from './node-version.ts';

const problem = nodeVersionProblem(process.versions.node);
if (problem !== undefined) {
  console.error(problem);
  process.exitCode = 2;
} else {
  const argv = process.argv.slice(2);
  import('./dispatch.ts')
    .then((cli) => cli.main(argv))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (err: unknown) => {
        // Only a dispatcher that cannot load gets here (cli.main reports its own errors).
        console.error(
          `countersign: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
        process.exitCode = 2;
      },
    );
}

// Fails fast, with a clear message, when npm scripts run on a Node older than 24
// (the `node` devDependency puts Node 24 first on PATH for npm scripts). The rule itself is
// src/cli/node-version.ts, the one the CLI applies.
import { nodeVersionProblem } from '../src/cli/node-version.ts';

const problem = nodeVersionProblem(process.versions.node, 'run through npm scripts or npx after npm ci');
if (problem !== undefined) {
  console.error(problem);
  process.exit(2);
}

// The one Node.js version rule, for the CLI (src/cli/main.ts, checked before any verb module is
// loaded) and for the npm scripts (scripts/check-node.ts). Every verb needs the same Node: 24
// (type stripping for the sources, node:sqlite for `serve`, the crypto and fs APIs throughout);
// package.json "engines" says the same, and test/cli-basics.test.ts keeps the two in step.
//
// This module must load on any Node that can load an ES module: no imports, no recent syntax.

/** The oldest Node.js major version countersign runs on. */
export const MIN_NODE_MAJOR = 24;

/** Whether `version` (process.versions.node, "24.1.0", or with a leading "v") is new enough. */
export function nodeVersionSupported(version: string): boolean {
  const match = /^v?(\d+)(?:\.|$)/.exec(version);
  return match !== null && Number(match[1]) >= MIN_NODE_MAJOR;
}

/** undefined when `version` is new enough; otherwise the one line that says what is needed. */
export function nodeVersionProblem(
  version: string,
  advice = `install Node.js ${MIN_NODE_MAJOR} or newer`,
): string | undefined {
  if (nodeVersionSupported(version)) return undefined;
  return `countersign needs Node.js >= ${MIN_NODE_MAJOR} (this is ${version || 'an unknown version'}): ${advice}`;
}

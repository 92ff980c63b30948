// Fails fast, with a clear message, when npm scripts run on a Node older than 24
// (the `node` devDependency puts Node 24 first on PATH for npm scripts).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`countersign needs Node >= 24, found ${process.versions.node}: run through npm scripts or npx after npm ci`);
  process.exit(2);
}

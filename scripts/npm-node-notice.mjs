// The root package's `prepare` script: runs after `npm ci` / `npm install` in this repository
// (and before `npm pack`), never when a user installs a published package. When the Node that
// runs npm is older than the development tools need, it says so once, in words: .npmrc keeps
// npm's own engine warnings (an EBADENGINE block per devDependency that wants a newer Node)
// out of the install output, so this line stands in for them. Plain JavaScript, for any Node.
import { execFileSync } from 'node:child_process';

const MIN_NODE_MAJOR = 24; // package.json "engines" (test/repo/packaging.test.ts keeps them in step)

// npm puts node_modules/.bin, where the `node` devDependency is, first on PATH for scripts:
// the Node that runs npm is the one npm names in npm_node_execpath.
let version = process.versions.node;
if (process.env.npm_node_execpath) {
  try {
    version = execFileSync(process.env.npm_node_execpath, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
  } catch {
    // unreadable: judge the Node running this script
  }
}
if (Number(version.split('.')[0]) < MIN_NODE_MAJOR) {
  console.error(
    `countersign's development tools need Node >= ${MIN_NODE_MAJOR}; this npm runs on Node ${version}. ` +
      `npm ci installs Node ${MIN_NODE_MAJOR} as the \`node\` devDependency and the npm scripts use it (npm test, npm run build); ` +
      'run other tools through npx. (Engine warnings are hidden by .npmrc: npm ci --loglevel warn shows them.)',
  );
}

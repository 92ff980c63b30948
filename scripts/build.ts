// Builds dist/ (esbuild). dist/ is committed; CI rebuilds it and fails on any change.
//
// - The CLI (dist/cli.mjs): lazily loaded verbs split into chunks (dist/chunks/), so that
//   `countersign verify` does not load signing, the local stack or the demo at start-up.
// - The GitHub Action entry points (dist/action-*.mjs): one self-contained file each, no
//   shared chunks. The runner starts exactly one of them per step, from a checkout of the
//   action at a tag (build/action.yml, ..., and the composite action.yml reference them by
//   path), so a file that needs no sibling chunk is the simplest thing that cannot break:
//   no chunk can go missing or be renamed between a tag's action.yml and its dist/.
//
// - The client verifier `countersign/verify` (docs/client.md): dist/verify.mjs for Node, and
//   dist/verify.browser.mjs for browsers, where the few Node built-ins the verification path
//   uses (node:crypto, Buffer, util.isDeepStrictEqual) are replaced, at build time through
//   esbuild's alias and inject, by src/lib/platform/ on @noble/*. The Node build keeps OpenSSL.
//   Neither is minified: it is security code an app ships, kept readable; the app's own
//   bundler minifies it.
//
// `buildActions(outdir)` is exported so that the action tests build the entry points from the
// current sources into a scratch directory (test/harness/) instead of trusting dist/; the
// client tests do the same with `buildClientBrowser` (test/client-platform.test.ts, test/browser/).
import { build, type BuildOptions } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** dist/<name>.mjs -> source. The action.yml files name these files (docs/action.md). */
export const ACTION_ENTRIES: Record<string, string> = {
  'action-build': 'src/action/main-build.ts',
  'action-sign': 'src/action/main-sign.ts',
  'action-countersign': 'src/action/main-countersign.ts',
  'action-verify': 'src/action/main-verify.ts',
  'action-upload': 'src/action/main-upload.ts',
};

const common: BuildOptions = {
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require() for Node built-ins; give them one.
  banner: { js: "import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);" },
};

export async function buildCli(outdir: string): Promise<void> {
  await build({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir, chunkNames: 'chunks/[name]-[hash]', splitting: true });
}

export async function buildActions(outdir: string, root = process.cwd()): Promise<void> {
  const entryPoints = Object.fromEntries(Object.entries(ACTION_ENTRIES).map(([name, src]) => [name, `${root}/${src}`]));
  await build({ ...common, entryPoints, outdir, absWorkingDir: root, splitting: false });
}

export const CLIENT_ENTRY = 'src/lib/client/index.ts';

/** Node built-ins reached by the verification path -> their browser stand-ins (src/lib/platform/). */
export const BROWSER_ALIASES: Readonly<Record<string, string>> = {
  'node:crypto': 'src/lib/platform/node-crypto.ts',
  crypto: 'src/lib/platform/node-crypto.ts',
  'node:util': 'src/lib/platform/node-util.ts',
  util: 'src/lib/platform/node-util.ts',
  // Imported by modules shared with the CLI for functions the client never calls (reading
  // policy and key files): the stand-in throws, and the bundler drops it as unused.
  'node:fs/promises': 'src/lib/platform/unavailable.ts',
  'node:path': 'src/lib/platform/unavailable.ts',
};

/** The client for Node: self-contained, OpenSSL through node:crypto as in the CLI. */
export async function buildClientNode(outdir: string, root = process.cwd()): Promise<void> {
  await build({ ...common, entryPoints: { verify: `${root}/${CLIENT_ENTRY}` }, outdir, absWorkingDir: root, splitting: false });
}

/**
 * The client for browsers (and any ES2022 runtime): no import of any Node built-in, no global
 * added. `entryPoints` defaults to the client; tests add modules to build the same way.
 */
export async function buildClientBrowser(outdir: string, root = process.cwd(), entryPoints: Record<string, string> = { 'verify.browser': CLIENT_ENTRY }): Promise<void> {
  await build({
    entryPoints: Object.fromEntries(Object.entries(entryPoints).map(([name, src]) => [name, `${root}/${src}`])),
    outdir,
    absWorkingDir: root,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: false,
    format: 'esm',
    platform: 'browser',
    // BigInt (noble, the Ed25519 rule) needs ES2020; String#isWellFormed (subject names) needs a 2023+ engine.
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
    alias: Object.fromEntries(Object.entries(BROWSER_ALIASES).map(([name, src]) => [name, `${root}/${src}`])),
    // `Buffer`, bare or as globalThis.Buffer (protobuf-specs), is the module's own import.
    inject: [`${root}/src/lib/platform/buffer.ts`],
    define: { 'globalThis.Buffer': 'Buffer' },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await rm('dist', { recursive: true, force: true });
  await buildCli('dist');
  await buildActions('dist');
  await buildClientNode('dist');
  await buildClientBrowser('dist');
}

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
// - The client verifier, the npm package `@countersign/verify` (packages/verify/, docs/client.md),
//   into packages/verify/dist/: verify.mjs (ESM) and verify.cjs (CommonJS) for Node, and
//   verify.browser.mjs for browsers, where the few Node built-ins the verification path uses
//   (node:crypto, Buffer, util.isDeepStrictEqual) are replaced, at build time through esbuild's
//   alias and inject, by src/lib/platform/ on @noble/*. The Node builds keep OpenSSL. None is
//   minified: it is security code an app ships, kept readable; the app's own bundler minifies
//   it. verify.d.mts / verify.d.cts: its declarations, one bundled file (dts-bundle-generator)
//   that names no other package, the same text for `import` and `require`.
//
// The CLI package (`@countersign/cli`, the root package.json) publishes dist/cli.mjs and
// dist/chunks/ only; the action files are used from a checkout of the repository, not npm.
// Everything is bundled: neither package has a runtime dependency (test/packaging.test.ts).
//
// `buildActions(outdir)` is exported so that the action tests build the entry points from the
// current sources into a scratch directory (test/harness/) instead of trusting dist/; the
// client tests do the same with `buildClientBrowser` (test/client-platform.test.ts, test/browser/).
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist/<name>.mjs -> source. The action.yml files name these files (docs/action.md). */
export const ACTION_ENTRIES: Record<string, string> = {
  'action-build': 'src/action/main-build.ts',
  'action-sign': 'src/action/main-sign.ts',
  'action-countersign': 'src/action/main-countersign.ts',
  'action-verify': 'src/action/main-verify.ts',
  'action-upload': 'src/action/main-upload.ts',
};

/**
 * The CLI imports the repository's package.json for its version (src/cli/dispatch.ts): bundle
 * only the name and version, not the whole manifest (scripts, devDependencies), so that dist/
 * neither carries it nor changes when a devDependency does. Dependencies' own package.json
 * files load as usual.
 */
const manifestNameAndVersion: Plugin = {
  name: 'manifest-name-and-version',
  setup(b) {
    b.onLoad({ filter: /[\\/]package\.json$/ }, async (args) => {
      if (/[\\/]node_modules[\\/]/.test(args.path)) return undefined;
      const { name, version } = JSON.parse(await readFile(args.path, 'utf8')) as { name: string; version: string };
      return { contents: JSON.stringify({ name, version }), loader: 'json' };
    });
  },
};

const common: BuildOptions = {
  plugins: [manifestNameAndVersion],
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

/** Where `npm run build` writes the client package's files (packages/verify/package.json names them). */
export const CLIENT_DIST = 'packages/verify/dist';

/**
 * The oldest Node the client package supports (packages/verify/package.json "engines"; the
 * packaging test runs it on an older Node when one is installed): String#isWellFormed and
 * the node:crypto Ed25519 / X.509 APIs the verification path uses are all in Node 20.
 */
const CLIENT_NODE_TARGET = 'node20';

/** The client for Node, ESM and CommonJS: self-contained, OpenSSL through node:crypto as in the CLI. */
export async function buildClientNode(outdir: string, root = process.cwd()): Promise<void> {
  const entryPoints = { verify: `${root}/${CLIENT_ENTRY}` };
  await build({ ...common, entryPoints, outdir, absWorkingDir: root, splitting: false, target: CLIENT_NODE_TARGET });
  // CommonJS has require() and no import.meta: no banner.
  await build({ ...common, banner: {}, format: 'cjs', outExtension: { '.js': '.cjs' }, entryPoints, outdir, absWorkingDir: root, splitting: false, target: CLIENT_NODE_TARGET });
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

/**
 * The client's declarations: one file bundled from the sources' types by dts-bundle-generator,
 * written as verify.d.mts (for `import`) and verify.d.cts (for `require`). The one type it
 * would import from another package, @sigstore/verify's TrustMaterial (PinnedPolicy.trust,
 * made by pinPolicy and passed back), is bundled into the JavaScript, so the declarations name
 * it as an opaque local type instead: a consumer needs no other package, not even @types/node.
 */
export async function buildClientTypes(outdir: string, root = process.cwd()): Promise<void> {
  // Loaded here, not at the top: it loads the TypeScript compiler, which the tests that build
  // the other files from this module do not need.
  const { generateDtsBundle } = await import('dts-bundle-generator');
  const [generated] = generateDtsBundle(
    [{ filePath: join(root, CLIENT_ENTRY), libraries: { importedLibraries: ['@sigstore/verify'], allowedTypesLibraries: [] }, output: { noBanner: true, exportReferencedTypes: false } }],
    { preferredConfigPath: join(root, 'tsconfig.json') },
  );
  const sigstoreImport = "import { TrustMaterial } from '@sigstore/verify';\n";
  if (generated === undefined || !generated.startsWith(sigstoreImport)) throw new Error(`buildClientTypes: expected the declarations to start with ${JSON.stringify(sigstoreImport)}`);
  const text =
    '// Type declarations of @countersign/verify, generated by scripts/build.ts from src/lib/client/index.ts.\n' +
    '/**\n * Sigstore trust material built from the pinned trusted root (@sigstore/verify, bundled into\n' +
    ' * this package): an opaque value, made by `pinPolicy` and passed back to `verifyBundle`.\n */\n' +
    'declare const trustMaterialBrand: unique symbol;\n' +
    'interface TrustMaterial {\n\treadonly [trustMaterialBrand]: true;\n}\n' +
    generated.slice(sigstoreImport.length);
  const leftover = /^\s*(import|export \* from|\/\/\/ <reference)\b.*$/m.exec(text) ?? /\bfrom ['"]/.exec(text);
  if (leftover) throw new Error(`buildClientTypes: the declarations must name no other module, found: ${leftover[0]}`);
  await mkdir(outdir, { recursive: true });
  await writeFile(join(outdir, 'verify.d.mts'), text);
  await writeFile(join(outdir, 'verify.d.cts'), text);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await rm('dist', { recursive: true, force: true });
  await rm(CLIENT_DIST, { recursive: true, force: true });
  await buildCli('dist');
  await buildActions('dist');
  await buildClientNode(CLIENT_DIST);
  await buildClientBrowser(CLIENT_DIST);
  await buildClientTypes(CLIENT_DIST);
}

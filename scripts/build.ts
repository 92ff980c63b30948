// Builds dist/ (esbuild). dist/ is committed; CI rebuilds it and fails on any change.
//
// dist/ holds fixed file names only, no content hashes, so that a source change rewrites the
// few files whose code it changes and nothing else (BENCHMARKS.md §dist/):
//
// - The CLI (dist/cli.mjs): lazily loaded verbs split into chunks (dist/chunks/), so that
//   `countersign verify` does not load signing, the local stack or the demo at start-up. A
//   chunk that a dynamic import() loads is named after its source file (src/cli/verify.ts ->
//   chunks/cli-verify.mjs); a shared chunk (esbuild makes one for every set of those entry
//   points that share modules) after that set, as the hash of its sorted names
//   (chunks/shared-<8 hex>.mjs, whose first line lists them): neither name changes unless
//   the import graph does (`stableChunkNames`).
// - The GitHub Action (dist/action.mjs): every step in one self-contained bundle that loads a
//   step's modules only when that step runs, exporting `run(step)`; beside it one thin entry
//   point per step, dist/action-<step>.mjs (`import { run } from './action.mjs'; await
//   run('<step>')`), the files the runner starts (build/action.yml, ..., and the composite
//   action.yml name them). No chunk with a changing name: a tag's action.yml and its dist/
//   cannot disagree. The runner runs the action from a checkout: no node_modules.
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
// Everything is bundled: neither package has a runtime dependency (test/repo/packaging.test.ts),
// but for the CLI's one optional dependency, pkcs11js (keys in HSMs), which stays external.
//
// `buildActions(outdir)` is exported so that the action tests build the entry points from the
// current sources into a scratch directory (test/action/harness/) instead of trusting dist/; the
// client tests do the same with `buildClientBrowser` (test/lib/platform/platform.test.ts, test/client/browser/).
import { build, type BuildOptions, type BuildResult, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * dist/<name>.mjs -> source: the step entry points, each a thin file that runs its step from the
 * shared bundle dist/action.mjs. The action.yml files name these files (docs/action.md).
 */
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
  // The PKCS#11 binding (an optional dependency with a native addon: it cannot be bundled) is
  // imported at run time, and only when a key is a PKCS#11 URI (src/lib/basics/pkcs11/binding.ts).
  external: ['pkcs11js'],
  // Bundled CommonJS dependencies call require() for Node built-ins; give them one.
  banner: {
    js: "import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);",
  },
};

/** The shared bundle of the action's steps, dist/<ACTION_BUNDLE>.mjs. */
export const ACTION_BUNDLE = 'action';

export async function buildCli(outdir: string, root = process.cwd()): Promise<void> {
  const result = await build({
    ...common,
    entryPoints: { cli: `${root}/src/cli/main.ts` },
    outdir,
    absWorkingDir: root,
    splitting: true,
    // Renamed by stableChunkNames before anything is written.
    chunkNames: 'chunks/[name]-[hash]',
    write: false,
    metafile: true,
  });
  await writeOutputs(stableChunkNames(result, root));
}

/**
 * The files of a split build with esbuild's content-hashed chunk names replaced by names that
 * depend on the import graph only: a chunk that is the target of an import() gets its source
 * file's name (src/cli/verify.ts -> cli-verify, node_modules/p-map/index.js -> p-map); a shared
 * chunk (esbuild makes one per set of entry points reaching the same modules) gets the hash of
 * the sorted names of the entry points that import it, statically and transitively, and a first
 * line that lists them. Import specifiers are rewritten to match. Throws if two chunks would get
 * one name, or if an old name is left anywhere in the output.
 */
export function stableChunkNames(
  result: BuildResult<{ write: false; metafile: true }>,
  root: string,
): { path: string; text: string }[] {
  const outputs = Object.entries(result.metafile.outputs).map(([key, meta]) => ({ path: resolve(root, key), meta }));
  const byPath = new Map(outputs.map((o) => [o.path, o]));
  const entryName = new Map(
    outputs.flatMap(({ path, meta: { entryPoint } }) =>
      entryPoint !== undefined && basename(dirname(path)) === 'chunks' ? [[path, sourceName(entryPoint)] as const] : [],
    ),
  );
  // Every entry point (the top-level ones too) -> the shared chunks it imports statically, transitively.
  const users = new Map<string, string[]>();
  for (const entry of outputs.filter((o) => o.meta.entryPoint !== undefined)) {
    const name = entryName.get(entry.path) ?? basename(entry.path, '.mjs');
    const seen = new Set<string>();
    const visit = (path: string): void => {
      for (const imp of byPath.get(path)?.meta.imports ?? []) {
        const target = resolve(root, imp.path);
        if (imp.external || imp.kind !== 'import-statement' || seen.has(target) || !byPath.has(target)) continue;
        seen.add(target);
        visit(target);
      }
    };
    visit(entry.path);
    for (const chunk of seen)
      if (byPath.get(chunk)?.meta.entryPoint === undefined) users.set(chunk, [...(users.get(chunk) ?? []), name]);
  }
  const renames = new Map<string, string>(); // old basename -> new basename
  const headers = new Map<string, string>();
  for (const o of outputs) {
    if (basename(dirname(o.path)) !== 'chunks') continue;
    let name = entryName.get(o.path);
    if (name === undefined) {
      const sharedBy = (users.get(o.path) ?? []).sort();
      if (sharedBy.length === 0) throw new Error(`stableChunkNames: no entry point imports ${o.path}`);
      name = `shared-${createHash('sha256').update(sharedBy.join('\n')).digest('hex').slice(0, 8)}`;
      headers.set(o.path, `// Shared by: ${sharedBy.join(', ')} (scripts/build.ts stableChunkNames).\n`);
    }
    const renamed = `${name}.mjs`;
    if ([...renames.values()].includes(renamed)) throw new Error(`stableChunkNames: two chunks named ${renamed}`);
    renames.set(basename(o.path), renamed);
  }
  const escaped = [...renames.keys()].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const specifier = new RegExp(`(["'])(\\./(?:chunks/)?)(${escaped.join('|')})\\1`, 'g');
  const files = result.outputFiles.map((f) => {
    const renamed = renames.get(basename(f.path));
    const path =
      renamed !== undefined && basename(dirname(f.path)) === 'chunks' ? join(dirname(f.path), renamed) : f.path;
    const text =
      (headers.get(f.path) ?? '') +
      f.text.replace(
        specifier,
        (_, quote: string, dir: string, old: string) => `${quote}${dir}${renames.get(old) ?? old}${quote}`,
      );
    for (const old of renames.keys())
      if (old !== renames.get(old) && text.includes(old))
        throw new Error(`stableChunkNames: ${relative(root, path)} still names ${old}`);
    return { path, text };
  });
  if (new Set(files.map((f) => f.path)).size !== files.length)
    throw new Error('stableChunkNames: two output files with one name');
  return files;
}

/** A chunk's name from the source file it is built from: src/cli/verify.ts -> cli-verify. */
function sourceName(entryPoint: string): string {
  return entryPoint
    .replace(/\.[cm]?[jt]s$/, '')
    .replace(/\/index$/, '')
    .replace(/^(src|node_modules)\//, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+/, '');
}

async function writeOutputs(files: { path: string; text: string }[]): Promise<void> {
  for (const f of files) {
    await mkdir(dirname(f.path), { recursive: true });
    await writeFile(f.path, f.text);
  }
}

/**
 * For the action bundle: an ES module's `import ... from 'node:http'` (or https) becomes a lazy
 * require() of it, as CommonJS modules already have. Node 24's ESM view of node:http reads all
 * its exports, and the `WebSocket` getter among them loads Node's own undici and sets it as
 * the process's global fetch dispatcher; the undici bundled for @actions/* then sends through
 * that other undici, which rejects the upload step's request ("invalid content-length
 * header"). One bundle holds every step, so agent-base's import (an ES module, reached by the
 * sign step only) would otherwise run at the start of every step.
 */
const lazyHttpImports: Plugin = {
  name: 'lazy-http-imports',
  setup(b) {
    b.onResolve({ filter: /^(node:)?https?$/ }, (args) => {
      if (args.namespace === 'lazy-http') return { path: args.path, external: true };
      if (args.kind !== 'import-statement') return undefined;
      return { path: args.path.replace(/^node:/, ''), namespace: 'lazy-http' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-http' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/**
 * The action: dist/action.mjs, one self-contained bundle of every step, built from a generated
 * entry that import()s each step's source (ACTION_ENTRIES) on demand; esbuild inlines those
 * modules, so a step evaluates its own modules only. `run(step)` loads src/action/main-<step>.ts,
 * which runs its step when loaded, or, if it exports `run`, calls that. Beside it the thin entry
 * points dist/action-<step>.mjs.
 */
export async function buildActions(outdir: string, root = process.cwd()): Promise<void> {
  const steps = Object.entries(ACTION_ENTRIES).map(([name, src]) => [name.replace(/^action-/, ''), name, src] as const);
  for (const [step] of steps)
    if (!/^[a-z]+$/.test(step)) throw new Error(`buildActions: step name ${JSON.stringify(step)}`);
  const contents = [
    '// The steps of the countersign GitHub Action, each loaded when it runs (generated by scripts/build.ts).',
    'const STEPS = new Map([',
    ...steps.map(([step, , src]) => `  [${JSON.stringify(step)}, () => import(${JSON.stringify(`./${src}`)})],`),
    ']);',
    '',
    '/** Runs one step of the action: ' + steps.map(([step]) => step).join(', ') + '. */',
    'export async function run(step) {',
    '  const load = STEPS.get(step);',
    '  if (load === undefined) throw new Error(`countersign: no action step ${JSON.stringify(step)} (steps: ${[...STEPS.keys()].join(", ")})`);',
    '  const entry = await load();',
    '  if ("run" in entry && typeof entry.run === "function") await entry.run();',
    '}',
    '',
  ].join('\n');
  const { outExtension: _unused, ...options } = common;
  const outfile = join(outdir, `${ACTION_BUNDLE}.mjs`);
  await build({
    ...options,
    plugins: [...(options.plugins ?? []), lazyHttpImports],
    stdin: { contents, resolveDir: root, sourcefile: 'scripts/build.ts#action', loader: 'js' },
    outfile,
    absWorkingDir: root,
    splitting: false,
  });
  const eager = /^import [^;]*from ["'](node:)?http["']/m.exec(await readFile(outfile, 'utf8'));
  if (eager) throw new Error(`buildActions: ${outfile} imports node:http at load (${eager[0]}); see lazyHttpImports`);
  for (const [step, name] of steps) {
    await writeFile(
      join(outdir, `${name}.mjs`),
      `// The countersign ${step} step, the file the GitHub runner starts (runs.main of an action.yml, or\n` +
        `// a step of the composite action.yml). Generated by scripts/build.ts: the code is in ./${ACTION_BUNDLE}.mjs.\n` +
        `import { run } from './${ACTION_BUNDLE}.mjs';\n\nawait run('${step}');\n`,
    );
  }
}

export const CLIENT_ENTRY = 'src/client/index.ts';

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
  await build({
    ...common,
    banner: {},
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    entryPoints,
    outdir,
    absWorkingDir: root,
    splitting: false,
    target: CLIENT_NODE_TARGET,
  });
}

/**
 * The client for browsers (and any ES2022 runtime): no import of any Node built-in, no global
 * added. `entryPoints` defaults to the client; tests add modules to build the same way.
 */
export async function buildClientBrowser(
  outdir: string,
  root = process.cwd(),
  entryPoints: Record<string, string> = { 'verify.browser': CLIENT_ENTRY },
): Promise<void> {
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
    [
      {
        filePath: join(root, CLIENT_ENTRY),
        libraries: { importedLibraries: ['@sigstore/verify'], allowedTypesLibraries: [] },
        output: { noBanner: true, exportReferencedTypes: false },
      },
    ],
    { preferredConfigPath: join(root, 'tsconfig.json') },
  );
  const sigstoreImport = "import { TrustMaterial } from '@sigstore/verify';\n";
  if (generated === undefined || !generated.startsWith(sigstoreImport))
    throw new Error(`buildClientTypes: expected the declarations to start with ${JSON.stringify(sigstoreImport)}`);
  const text =
    '// Type declarations of @countersign/verify, generated by scripts/build.ts from src/client/index.ts.\n' +
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

// The two npm packages as a user gets them: `npm pack` of the root (@countersign/cli: the
// bundled CLI) and of packages/verify (@countersign/verify: the client verifier library), each
// tarball's file list and size, then both tarballs installed OFFLINE into a scratch project
// outside the repository (neither has a runtime dependency, so no registry is needed; the CLI's
// one optional dependency, pkcs11js for keys in HSMs, is skipped when it cannot be fetched), where
// the installed `countersign` bin runs, the library verifies the whole spec/vectors corpus
// from an ES module, from CommonJS and through the `browser` condition, on this Node and on an
// older one when the machine has one (the library's "engines"), and a strict TypeScript
// consumer compiles against the published declarations, as an ES module and as CommonJS.
// It tests the committed dist/ and packages/verify/dist/, what `npm publish` would ship
// (.ci/run checks separately that a rebuild does not change them).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync, realpathSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VECTORS = join(ROOT, 'spec/vectors');

interface Manifest {
  name: string;
  version: string;
  description?: string;
  private?: boolean;
  license?: string;
  type?: string;
  engines?: { node?: string };
  repository?: { type: string; url: string; directory?: string };
  publishConfig?: Record<string, unknown>;
  files?: string[];
  bin?: Record<string, string>;
  exports?: Record<string, unknown>;
  scripts?: Record<string, string>;
  workspaces?: string[];
  [field: string]: unknown;
}
const manifest = (dir: string) => JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Manifest;
const CLI_PKG = manifest('.');
const VERIFY_PKG = manifest('packages/verify');

/**
 * Bare specifiers the published files may import besides Node built-ins. `kerberos`: an
 * optional dynamic import, inside a try/catch, of the HTTP client bundled for `sign`
 * (proxy-agent-negotiate, for Negotiate proxy authentication only), not a dependency.
 * `pkcs11js`: the PKCS#11 binding, the CLI's one optional dependency (a native addon, so not
 * bundled: scripts/build.ts keeps it external), imported only when a key is a PKCS#11 URI.
 */
const OPTIONAL_IMPORTS = new Set(['kerberos', 'pkcs11js']);
/** The CLI's optional dependencies: exactly these (docs/keys.md); the client library has none. */
const CLI_OPTIONAL_DEPENDENCIES = ['pkcs11js'];

/** Caps on what a user downloads (today: CLI ~0.8 MB packed / 4 MB unpacked; verify ~0.25 / 1.2 MB). */
const CAPS = {
  '@countersign/cli': { packed: 1_500_000, unpacked: 8_000_000, files: 100 },
  '@countersign/verify': { packed: 500_000, unpacked: 2_000_000, files: 8 },
} as const;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface PackResult {
  name: string;
  version: string;
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

let work: string;
let env: NodeJS.ProcessEnv;
let consumer: string;
const packs = new Map<string, PackResult>();

/** Every child's environment: none of a parent `npm test`'s npm_* variables (npm reads npm_config_* as its own configuration), no test-runner context, an empty npm cache, this Node first on PATH. */
function childEnv(cache: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^npm_/i.test(k) && !['NODE_TEST_CONTEXT', 'NODE_OPTIONS', 'INIT_CWD'].includes(k)) out[k] = v;
  return {
    ...out,
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
    npm_config_cache: cache,
    npm_config_update_notifier: 'false',
  };
}

function run(file: string, args: string[], cwd: string, timeout = 60_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, env, timeout, maxBuffer: 32 << 20 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') {
        reject(new Error(err.message, { cause: err })); // not run at all (a run that exits non-zero is a result)
        return;
      }
      resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
    });
  });
}

const show = (r: Run) => `exit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;

/** npm's own script: the one running `npm test`, or the `npm` on PATH. */
function npmCli(): string {
  const own = process.env.npm_execpath;
  if (own && /npm-cli\.js$/.test(own)) return own;
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, 'npm'), constants.X_OK);
      return realpathSync(join(dir, 'npm'));
    } catch {
      // not here
    }
  }
  throw new Error('npm not found on PATH');
}

const npm = (args: string[], cwd: string) => run(process.execPath, [npmCli(), ...args], cwd, 120_000);

/** A real `node` binary older than this one and at least `minMajor` (e.g. the system Node 20), or undefined. */
function findOlderNode(minMajor: number): { path: string; version: string } | undefined {
  const current = Number(process.versions.node.split('.')[0]);
  for (const dir of new Set(
    [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin'].filter(Boolean),
  )) {
    try {
      const path = join(dir, 'node');
      accessSync(path, constants.X_OK);
      const version = execFileSync(path, ['-p', 'process.versions.node'], {
        encoding: 'utf8',
        timeout: 10_000,
        env,
      }).trim();
      const major = Number(version.split('.')[0]);
      if (major < current && major >= minMajor) return { path, version };
    } catch {
      // not there, or not a Node
    }
  }
  return undefined;
}

/** The bare module specifiers a published file and everything it imports (relative imports followed) reach, parsed by esbuild; plus the require("...") of bundled CommonJS code, which esbuild output calls through its own createRequire. */
async function bareImports(entry: string): Promise<Set<string>> {
  const found = new Set<string>();
  const record: Plugin = {
    name: 'record-bare-imports',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        found.add(args.path);
        return { path: args.path, external: true };
      });
    },
  };
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    platform: 'neutral',
    format: 'esm',
    logLevel: 'silent',
    metafile: true,
    plugins: [record],
  });
  for (const input of Object.keys(result.metafile.inputs)) {
    const text = readFileSync(join(ROOT, input), 'utf8');
    for (const m of text.matchAll(/\brequire\(\s*"([^"]+)"\s*\)/g)) found.add(m[1]!);
  }
  return found;
}

const isBuiltin = (s: string) => s.startsWith('node:') || builtinModules.includes(s);

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'countersign-packaging-'));
  env = childEnv(join(work, 'npm-cache'));
  await mkdir(join(work, 'npm-cache'));
  const out = join(work, 'tarballs');
  await mkdir(out);
  // `npm pack` as `npm publish` would pack (its `prepare` script runs too, as for publish).
  for (const args of [[], ['--workspace', 'packages/verify']]) {
    const r = await npm(['pack', '--json', '--pack-destination', out, ...args], ROOT);
    assert.equal(r.code, 0, show(r));
    const [result] = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as PackResult[];
    packs.set(result!.name, result!);
  }
  // A scratch project outside the repository; both tarballs installed with no registry.
  consumer = join(work, 'consumer');
  await mkdir(consumer);
  await writeFile(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2),
  );
  const tarballs = [...packs.values()].map((p) => join(out, p.filename));
  const r = await npm(['install', '--offline', '--no-audit', '--no-fund', ...tarballs], consumer);
  assert.equal(r.code, 0, show(r));
  await cp(join(VECTORS, 'happy-path'), join(consumer, 'happy-path'), { recursive: true });
  await cp(join(VECTORS, 'duplicate-json-key_fail'), join(consumer, 'duplicate-json-key_fail'), { recursive: true });
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

test("both package.json files are ready to publish: public, provenance, one repository, no runtime dependency but the CLI's optional pkcs11js, no install script", () => {
  for (const pkg of [CLI_PKG, VERIFY_PKG]) {
    assert.equal(pkg.private, undefined, `${pkg.name}: not private`);
    assert.equal(pkg.license, 'Apache-2.0', pkg.name);
    assert.equal(pkg.version, CLI_PKG.version, `${pkg.name}: the packages are versioned together (RELEASE.md)`);
    assert.deepEqual(pkg.publishConfig, { access: 'public', provenance: true }, pkg.name);
    assert.equal(pkg.repository?.url, CLI_PKG.repository?.url, `${pkg.name}: the same repository`);
    assert.match(pkg.repository?.url ?? '', /^git\+https:\/\/github\.com\/[^/]+\/countersign\.git$/, pkg.name);
    assert.ok(
      pkg.description && pkg.engines?.node && pkg.files && pkg.exports,
      `${pkg.name}: description, engines, files, exports`,
    );
    for (const field of ['dependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies'])
      assert.equal(pkg[field], undefined, `${pkg.name}: ${field}`);
    const optional = pkg.optionalDependencies as Record<string, string> | undefined;
    assert.deepEqual(
      Object.keys(optional ?? {}),
      pkg === CLI_PKG ? CLI_OPTIONAL_DEPENDENCIES : [],
      `${pkg.name}: optionalDependencies (the CLI: pkcs11js only, for keys in HSMs)`,
    );
    // Lifecycle scripts that would run on a user's install (prepare does not: it runs for a git or local install only).
    for (const script of ['preinstall', 'install', 'postinstall'])
      assert.equal(pkg.scripts?.[script], undefined, `${pkg.name}: ${script}`);
  }
  assert.equal(CLI_PKG.name, '@countersign/cli');
  assert.deepEqual(CLI_PKG.bin, { countersign: 'dist/cli.mjs' });
  assert.equal(CLI_PKG.engines?.node, '>=24');
  assert.equal(VERIFY_PKG.name, '@countersign/verify');
  assert.equal(VERIFY_PKG.repository?.directory, 'packages/verify');
  assert.deepEqual(CLI_PKG.workspaces, ['packages/verify']);
  for (const license of ['packages/verify/LICENSE'])
    assert.equal(
      readFileSync(join(ROOT, license), 'utf8'),
      readFileSync(join(ROOT, 'LICENSE'), 'utf8'),
      `${license} is the root LICENSE`,
    );
  // The development Node notice (scripts/npm-node-notice.mjs, the `prepare` script) states the root's engines.
  const notice = readFileSync(join(ROOT, 'scripts/npm-node-notice.mjs'), 'utf8');
  assert.equal(`>=${/const MIN_NODE_MAJOR = (\d+);/.exec(notice)?.[1]}`, CLI_PKG.engines?.node);
});

test('@countersign/cli tarball: the bundled CLI only (dist/cli.mjs, dist/chunks/), README, LICENSE', async (t) => {
  const p = packs.get('@countersign/cli')!;
  const paths = p.files.map((f) => f.path).sort();
  const chunks = (await readdir(join(ROOT, 'dist/chunks'))).map((f) => `dist/chunks/${f}`).sort();
  assert.deepEqual(paths, ['LICENSE', 'README.md', ...chunks, 'dist/cli.mjs', 'package.json'].sort());
  assert.deepEqual(
    paths.filter((f) =>
      /^(test|bench|spec|src|scripts|packages|examples|docs)\/|stryker|\.tgz$|^dist\/action[-.]/.test(f),
    ),
    [],
  );
  const caps = CAPS['@countersign/cli'];
  assert.ok(
    p.size <= caps.packed && p.unpackedSize <= caps.unpacked && p.entryCount <= caps.files,
    `packed ${p.size}, unpacked ${p.unpackedSize}, ${p.entryCount} files`,
  );
  t.diagnostic(`@countersign/cli: ${p.entryCount} files, ${p.size} bytes packed, ${p.unpackedSize} unpacked`);
});

test('@countersign/verify tarball: the three builds, the declarations, README, LICENSE', (t) => {
  const p = packs.get('@countersign/verify')!;
  const paths = p.files.map((f) => f.path).sort();
  assert.deepEqual(paths, [
    'LICENSE',
    'README.md',
    'dist/verify.browser.mjs',
    'dist/verify.cjs',
    'dist/verify.d.cts',
    'dist/verify.d.mts',
    'dist/verify.mjs',
    'package.json',
  ]);
  const caps = CAPS['@countersign/verify'];
  assert.ok(p.size <= caps.packed && p.unpackedSize <= caps.unpacked, `packed ${p.size}, unpacked ${p.unpackedSize}`);
  t.diagnostic(`@countersign/verify: ${p.entryCount} files, ${p.size} bytes packed, ${p.unpackedSize} unpacked`);
});

test('the published JavaScript imports Node built-ins only (so neither package has a runtime dependency)', async () => {
  for (const entry of ['dist/cli.mjs', 'packages/verify/dist/verify.mjs', 'packages/verify/dist/verify.cjs']) {
    const bare = [...(await bareImports(entry))].filter((s) => !isBuiltin(s) && !OPTIONAL_IMPORTS.has(s));
    assert.deepEqual(bare, [], entry);
  }
  assert.deepEqual(
    [...(await bareImports('packages/verify/dist/verify.browser.mjs'))],
    [],
    'the browser build imports nothing',
  );
  // And the installed scratch project holds exactly the two packages (and pkcs11js, optional,
  // only if npm could fetch it: offline with an empty cache, it is skipped).
  const installed = (await readdir(join(consumer, 'node_modules'))).filter((n) => !n.startsWith('.'));
  assert.deepEqual(
    installed.filter((n) => !CLI_OPTIONAL_DEPENDENCIES.includes(n)),
    ['@countersign'],
  );
  assert.deepEqual((await readdir(join(consumer, 'node_modules/@countersign'))).sort(), ['cli', 'verify']);
});

test('installed CLI, run from outside the repository: --version, keygen, verify (exit 0 verified, 1 rejected)', async () => {
  const bin = join(consumer, 'node_modules/.bin/countersign');
  const version = await run(bin, ['--version'], consumer);
  assert.deepEqual(version, { code: 0, stdout: `countersign ${CLI_PKG.version}\n`, stderr: '' });
  const help = await run(bin, ['--help'], consumer);
  assert.equal(help.code, 0, show(help));

  const keygen = await run(bin, ['keygen', '--out', 'k'], consumer);
  assert.equal(keygen.code, 0, show(keygen));
  assert.match(keygen.stdout, /^sha256:[0-9a-f]{64}\n$/);
  assert.match(readFileSync(join(consumer, 'k'), 'utf8'), /^-----BEGIN PRIVATE KEY-----\n/);
  assert.match(readFileSync(join(consumer, 'k.pub'), 'utf8'), /^-----BEGIN PUBLIC KEY-----\n/);

  // happy-path verifies until its statement expires (the CLI verifies at the clock); after
  // that the very same run must reject it for that reason only.
  const happy = await run(
    bin,
    ['verify', 'happy-path/bundle.json', '--policy', 'happy-path/policy.json', '--json'],
    consumer,
  );
  const report = JSON.parse(happy.stdout) as {
    outcome: string;
    failure?: { code: string };
    statement?: { expiresAt: string };
  };
  if (report.statement && Date.now() >= Date.parse(report.statement.expiresAt)) {
    assert.deepEqual([happy.code, report.failure?.code], [1, 'statement-expired'], show(happy));
  } else {
    assert.deepEqual([happy.code, report.outcome], [0, 'verified'], show(happy));
  }
  const fail = await run(
    bin,
    ['verify', 'duplicate-json-key_fail/bundle.json', '--policy', 'duplicate-json-key_fail/policy.json'],
    consumer,
  );
  assert.equal(fail.code, 1, show(fail));
  assert.match(fail.stdout, /REJECTED.*\n.*\[duplicate-key\]/);
});

/** Runs every spec/vectors case through the library `lib` (as a client app would, test/helpers/client-vectors.ts), written for any Node >= 20 and loaded from CommonJS and from ES modules alike. */
const VECTOR_RUNNER = String.raw`
const { readdirSync, readFileSync } = require('node:fs');
const { join, relative, sep } = require('node:path');
module.exports = async function runVectors(lib, dir) {
  const problems = [];
  let count = 0;
  for (const name of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const d = join(dir, name);
    const files = readdirSync(d);
    const read = (f) => new Uint8Array(readFileSync(join(d, f)));
    const expected = JSON.parse(readFileSync(join(d, 'expected.json'), 'utf8'));
    const now = new Date(expected.verifyAt);
    let policy = read('policy.json');
    let state = files.includes('state.json') ? read('state.json') : null;
    let verdict;
    if (files.includes('rotations')) {
      const rotations = readdirSync(join(d, 'rotations')).sort((a, b) => parseInt(a, 10) - parseInt(b, 10)).map((f) => ({ name: f, bytes: read(join('rotations', f)) }));
      const followed = await lib.followPolicyRotations({ policy, rotations, state, now });
      if (followed.outcome === 'rejected') verdict = { outcome: 'rejected', check: 'rotation', code: followed.failure.code };
      else if (followed.outcome === 'error') verdict = { outcome: 'error', check: null, code: followed.error.code };
      else { policy = followed.policy; state = followed.newState; }
    }
    if (!verdict) {
      const base = join(d, 'artifacts');
      const artifacts = files.includes('artifacts')
        ? readdirSync(base, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath || e.path, e.name)).sort()
            .map((p) => ({ name: relative(base, p).split(sep).join('/'), bytes: new Uint8Array(readFileSync(p)) }))
        : undefined;
      const input = { bundle: read('bundle.json'), policy, state, now };
      if (!files.includes('rotations')) input.trustedRoot = read('trusted_root.json');
      if (artifacts) input.artifacts = artifacts;
      // The stream asked about under a policy of several (spec/vectors/README.md, issue 13 F8).
      if (JSON.parse(new TextDecoder().decode(policy)).streams.length > 1) input.expect = { stream: name.startsWith('rotation') && !files.includes('rotations') ? 'acme/app:policy' : 'acme/app:stable' };
      const { report } = await lib.verifyBundle(input);
      const decided = report.failure || report.checks.find((c) => c.result === 'pending');
      verdict = { outcome: report.outcome, check: decided ? decided.check : null, code: decided ? decided.code : null };
    }
    count++;
    const want = { outcome: expected.outcome, check: expected.check, code: expected.code };
    if (JSON.stringify(verdict) !== JSON.stringify(want)) problems.push(name + ': ' + JSON.stringify(verdict) + ', expected ' + JSON.stringify(want));
  }
  return { count, problems };
};
`;

test('installed library: import, require and the browser condition resolve to their builds and verify every spec/vectors case (this Node and an older one)', async (t) => {
  await writeFile(join(consumer, 'run-vectors.cjs'), VECTOR_RUNNER);
  await writeFile(
    join(consumer, 'esm.mjs'),
    `import { createRequire } from 'node:module';
import * as lib from '@countersign/verify';
const runVectors = createRequire(import.meta.url)('./run-vectors.cjs');
const result = await runVectors(lib, process.argv[2]);
console.log(JSON.stringify({ resolved: import.meta.resolve('@countersign/verify'), checks: lib.CHECKS.length, ...result }));
`,
  );
  await writeFile(
    join(consumer, 'cjs.cjs'),
    `const lib = require('@countersign/verify');
require('./run-vectors.cjs')(lib, process.argv[2]).then((result) => {
  console.log(JSON.stringify({ resolved: require.resolve('@countersign/verify'), checks: lib.CHECKS.length, ...result }));
});
`,
  );
  const cases = (await readdir(VECTORS, { withFileTypes: true })).filter((e) => e.isDirectory()).length;
  const installed = join(consumer, 'node_modules/@countersign/verify/dist');
  const runs: [string, string[], string][] = [
    [process.execPath, ['esm.mjs'], 'verify.mjs'],
    [process.execPath, ['cjs.cjs'], 'verify.cjs'],
    [process.execPath, ['--conditions=browser', 'esm.mjs'], 'verify.browser.mjs'],
  ];
  const older = findOlderNode(Number(/^>=(\d+)$/.exec(VERIFY_PKG.engines?.node ?? '')?.[1]));
  if (older) {
    t.diagnostic(`older Node: ${older.path} ${older.version}`);
    runs.push([older.path, ['esm.mjs'], 'verify.mjs'], [older.path, ['cjs.cjs'], 'verify.cjs']);
  } else {
    t.diagnostic(
      `no Node older than ${process.versions.node} and within the library's engines (${VERIFY_PKG.engines?.node}) found: the library ran on this Node only`,
    );
  }
  await Promise.all(
    runs.map(async ([node, args, file]) => {
      const r = await run(node, [...args, VECTORS], consumer);
      const label = `${node} ${args.join(' ')}`;
      assert.equal(r.code, 0, `${label}: ${show(r)}`);
      const out = JSON.parse(r.stdout) as { resolved: string; checks: number; count: number; problems: string[] };
      assert.equal(out.resolved.replace(/^file:\/\//, ''), join(installed, file), label);
      assert.equal(out.checks, 6, label);
      assert.equal(out.count, cases, label);
      assert.deepEqual(out.problems, [], label);
    }),
  );
});

test('installed library: a strict TypeScript consumer (nodenext, ES module and CommonJS) compiles against the published declarations', async () => {
  const body = (imports: string) => `${imports}

export async function check(bundle: Uint8Array, policyBytes: Uint8Array, app: Uint8Array): Promise<string> {
  const pinned: PinnedPolicy = pinPolicy(policyBytes);
  const input: VerifyBundleInput = { bundle, policy: pinned, state: null, now: new Date() };
  const result: VerifyBundleResult = await verifyBundle(input);
  const { report, newState, error } = result;
  const outcome: Outcome = report.outcome;
  const names: CheckName[] = CHECKS.map((c) => c.name);
  const threshold: number = pinned.policy.threshold;
  if (outcome === 'verified' && isVerifiedSubject(result, { name: 'app.bin', bytes: app })) return newState ?? '';
  if (outcome === 'error') return \`\${error?.code}: \${error?.message} \${names.length} \${threshold}\`;
  const walk = await followPolicyRotations({ policy: policyBytes, rotations: [], now: new Date() });
  if (walk.outcome === 'rejected') return walk.failure.code;
  // The declarations are real types, not any: each line below must be an error.
  // @ts-expect-error the trust material is opaque
  const trust: string = pinned.trust;
  // @ts-expect-error an unknown input field
  await verifyBundle({ bundle, policy: pinned, nowAt: new Date() });
  // @ts-expect-error outcome is a union of literals
  const wrong: Outcome = 'accepted';
  void trust;
  void wrong;
  return report.failure?.code ?? \`\${STATE_MEDIA_TYPE} \${MAX_ROTATIONS}\`;
}

export function codeOf(err: unknown): string | undefined {
  return err instanceof PolicyError || err instanceof InputError || err instanceof VerificationError ? err.code : undefined;
}
`;
  const names =
    'CHECKS, InputError, MAX_ROTATIONS, PolicyError, STATE_MEDIA_TYPE, VerificationError, followPolicyRotations, isVerifiedSubject, pinPolicy, verifyBundle';
  const types = 'type CheckName, type Outcome, type PinnedPolicy, type VerifyBundleInput, type VerifyBundleResult';
  await writeFile(join(consumer, 'consumer.mts'), body(`import { ${names}, ${types} } from '@countersign/verify';`));
  await writeFile(
    join(consumer, 'consumer.cts'),
    body(
      `import { ${names}, ${types} } from '@countersign/verify';\nimport lib = require('@countersign/verify');\nexport const viaRequire: typeof lib.verifyBundle = lib.verifyBundle;`,
    ),
  );
  await writeFile(
    join(consumer, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', noEmit: true },
        files: ['consumer.mts', 'consumer.cts'],
      },
      null,
      2,
    ),
  );
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const r = await run(process.execPath, [tsc, '-p', 'tsconfig.json', '--traceResolution'], consumer);
  assert.equal(
    r.code,
    0,
    show({
      ...r,
      stdout: r.stdout
        .split('\n')
        .filter((l) => /error/.test(l))
        .join('\n'),
    }),
  );
  // Each file took the declarations of its own module kind.
  assert.match(
    r.stdout,
    /'@countersign\/verify' was successfully resolved to '[^']*\/consumer\/node_modules\/@countersign\/verify\/dist\/verify\.d\.mts'/,
  );
  assert.match(
    r.stdout,
    /'@countersign\/verify' was successfully resolved to '[^']*\/consumer\/node_modules\/@countersign\/verify\/dist\/verify\.d\.cts'/,
  );
});

// The browser build of the client verifier (scripts/build.ts buildClientBrowser: node:crypto,
// Buffer and util swapped for src/lib/platform/ on @noble/*), built from the current sources
// and run here in Node as a first proof (test/client/browser/ runs it in Chromium): it imports no
// Node built-in and adds no global; every spec/vectors case (rotations/ chains included)
// gives the CLI's verdict and the same new state and rotation walk as the Node build; the
// strict Ed25519 rule accepts and rejects exactly the Wycheproof and CCTV cases the Node
// build does. Also prints the bundle's size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { CLIENT_ENTRY, buildClientBrowser } from '../../scripts/build.ts';
import * as nodeClient from '../../src/client/index.ts';
import { verifyEd25519Strict } from '../../src/lib/basics/crypto/ed25519.ts';
import { loadClientVectors, mismatches, runClientCase, verdictOf } from '../helpers/client-vectors.ts';
import { ED25519_TALLY, loadEd25519Cases } from '../helpers/ed25519-cases.ts';

type ClientModule = typeof import('../../src/client/index.ts');
type Ed25519Module = typeof import('../../src/lib/basics/crypto/ed25519.ts');

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let client: ClientModule;
let ed25519: Ed25519Module;
let source: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'countersign-client-build-'));
  await buildClientBrowser(dir, ROOT, {
    'verify.browser': CLIENT_ENTRY,
    'ed25519.browser': 'src/lib/basics/crypto/ed25519.ts',
  });
  source = await readFile(join(dir, 'verify.browser.mjs'), 'utf8');
  client = (await import(pathToFileURL(join(dir, 'verify.browser.mjs')).href)) as ClientModule;
  ed25519 = (await import(pathToFileURL(join(dir, 'ed25519.browser.mjs')).href)) as Ed25519Module;
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the browser bundle imports nothing, requires nothing, and reaches for no Node global', () => {
  assert.doesNotMatch(source, /^\s*import\s/m, 'no static import: one self-contained module');
  assert.doesNotMatch(source, /\bimport\(/, 'no dynamic import');
  assert.doesNotMatch(source, /\brequire\(\s*["']/, 'no require() of a module (CommonJS deps are bundled)');
  assert.doesNotMatch(source, /["']node:/, 'no node: specifier');
  assert.doesNotMatch(
    source,
    /globalThis\.Buffer|\bprocess\.(env|platform|versions)/,
    'Buffer is the bundled shim, process is never read',
  );
  assert.doesNotMatch(source, /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon/, 'no network API');
  // The platform shims are in, OpenSSL's callers are not.
  assert.match(source, /src\/lib\/platform\/node-crypto\.ts/);
  assert.match(source, /src\/lib\/platform\/buffer\.ts/);
  assert.doesNotMatch(
    source,
    /src\/lib\/(sigstore\/sign|countersign\/(create|signer|countersign-bundle))\.ts/,
    'no signing code',
  );
});

test("every spec/vectors case through the browser bundle: the expected verdict, and the Node build's report and new state", async () => {
  const problems: string[] = [];
  const cases = loadClientVectors();
  assert.ok(
    cases.some((c) => c.rotations),
    'the cases with rotations/ run too',
  );
  for (const c of cases) {
    // Cases with rotations/ follow them first (followPolicyRotations), in each build.
    const browser = await runClientCase(client, c);
    const node = await runClientCase(nodeClient, c);
    problems.push(...mismatches(c.name, verdictOf(browser.report), c.expected));
    assert.deepEqual(
      browser.report,
      node.report,
      `${c.name}: the browser build's report differs from the Node build's`,
    );
    assert.equal(browser.newState, node.newState, c.name);
    assert.deepEqual(
      browser.followed,
      node.followed,
      `${c.name}: the browser build's rotation walk differs from the Node build's`,
    );
  }
  assert.deepEqual(problems, []);
});

test('strict Ed25519 in the browser build: Wycheproof and CCTV judged as the rule says, and as the Node (OpenSSL) build judges them', () => {
  const cases = loadEd25519Cases();
  const hex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));
  const problems: string[] = [];
  let accepted = 0;
  for (const c of cases) {
    const args = [hex(c.signature), hex(c.message), hex(c.publicKey)] as const;
    const browser = ed25519.verifyEd25519Strict(...args);
    if (browser !== c.expected)
      problems.push(
        `${c.label}: expected ${c.expected ? 'accept' : 'reject'}, the browser build says ${browser ? 'accept' : 'reject'}`,
      );
    if (browser !== verifyEd25519Strict(...args)) problems.push(`${c.label}: the browser and Node builds disagree`);
    if (browser) accepted++;
  }
  assert.deepEqual(problems, []);
  assert.deepEqual({ cases: cases.length, accepted }, ED25519_TALLY);
  // Signing is never reached by the client, but the module's own signer must still agree.
  const seed = new Uint8Array(32).fill(7);
  const message = new TextEncoder().encode('browser build');
  assert.equal(
    verifyEd25519Strict(ed25519.signEd25519(message, seed), message, ed25519.ed25519PublicKeyOf(seed)),
    true,
  );
});

test('bundle size (diagnostics): raw and gzip, as built and minified', async (t) => {
  const minified = await build({
    stdin: { contents: source, loader: 'js' },
    minify: true,
    write: false,
    format: 'esm',
    logLevel: 'silent',
  });
  const min = minified.outputFiles[0]!.contents;
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  t.diagnostic(
    `verify.browser.mjs: ${kib(source.length)} raw, ${kib(gzipSync(source).length)} gzip; minified ${kib(min.length)}, ${kib(gzipSync(min).length)} gzip`,
  );
  // A budget, so that a dependency pulled in by mistake shows up here (today ~445 KiB raw).
  assert.ok(source.length < 600 * 1024, `the browser bundle is ${kib(source.length)}, over the 600 KiB budget`);
});

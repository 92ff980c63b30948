// The client verifier in a real browser: the browser build (scripts/build.ts
// buildClientBrowser, from the current sources) and the spec/vectors corpus are served from a
// tiny node:http server on 127.0.0.1; headless Debian Chromium opens test/client/browser/page.ts,
// which verifies every case (a case with rotations/ follows them with followPolicyRotations
// first) and runs the Wycheproof and CCTV Ed25519 vectors through the browser build's strict
// rule, then posts the results back. Every case must give its expected verdict and exactly
// the Node build's report, new state and rotation walk.
//
// Without Chromium (`apt-get install chromium`) the test is skipped with a message, so that
// `npm test` runs everywhere; CI (.ci/run) installs it and sets COUNTERSIGN_BROWSER_TEST=required,
// which turns a missing browser into a failure instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { CLIENT_ENTRY, buildClientBrowser } from '../../../scripts/build.ts';
import * as nodeClient from '../../../src/client/index.ts';
import { verifyEd25519Strict } from '../../../src/lib/basics/crypto/ed25519.ts';
import type { VerificationReport } from '../../../src/lib/pipeline/report.ts';
import {
  expectedStreamOf,
  loadClientVectors,
  mismatches,
  runClientCase,
  verdictOf,
} from '../../helpers/client-vectors.ts';
import { ED25519_TALLY, loadEd25519Cases } from '../../helpers/ed25519-cases.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REQUIRED = process.env.COUNTERSIGN_BROWSER_TEST === 'required';
const MAX_RESULTS_BYTES = 16 * 1024 * 1024;
const BROWSER_TIMEOUT_MS = 90_000;
const SKIP =
  !existsSync(CHROMIUM) && !REQUIRED
    ? `no Chromium at ${CHROMIUM}: the browser test is skipped (install Debian's chromium, 'apt-get install chromium', or set CHROMIUM_PATH; CI requires it)`
    : false;

interface PageResults {
  error?: string;
  userAgent: string;
  globalsBefore: Record<string, string>;
  globalsAfter: Record<string, string>;
  vectors: {
    name: string;
    report: VerificationReport;
    newState: string | null;
    error: { code: string; message: string } | null;
    followed: unknown;
  }[];
  ed25519: boolean[];
  vectorsMs: number;
  ed25519Ms: number;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

test(
  'headless Chromium: every vector and every Ed25519 case through the browser build',
  { skip: SKIP, timeout: 180_000 },
  async (t) => {
    assert.ok(existsSync(CHROMIUM), `COUNTERSIGN_BROWSER_TEST=required, but there is no Chromium at ${CHROMIUM}`);
    const dir = await mkdtemp(join(tmpdir(), 'countersign-browser-'));
    const profile = join(dir, 'profile');
    const cases = loadClientVectors();
    const edCases = loadEd25519Cases();
    let browser: ReturnType<typeof spawn> | undefined;
    let stderr = '';
    const server = createServer();
    try {
      await buildClientBrowser(dir, ROOT, {
        'verify.browser': CLIENT_ENTRY,
        'ed25519.browser': 'src/lib/basics/crypto/ed25519.ts',
      });
      const page = (
        await transform(await readFile(join(ROOT, 'test/client/browser/page.ts'), 'utf8'), {
          loader: 'ts',
          format: 'esm',
        })
      ).code;
      const vectorsJson = JSON.stringify(
        cases.map((c) => ({
          name: c.name,
          verifyAt: c.expected.verifyAt,
          expectStream: expectedStreamOf(c),
          bundle: b64(c.bundle),
          policy: b64(c.policy),
          trustedRoot: b64(c.trustedRoot),
          ...(c.state ? { state: b64(c.state) } : {}),
          ...(c.artifacts ? { artifacts: c.artifacts.map((a) => ({ name: a.name, bytes: b64(a.bytes) })) } : {}),
          ...(c.rotations ? { rotations: c.rotations.map((r) => ({ name: r.name, bytes: b64(r.bytes) })) } : {}),
        })),
      );
      const edJson = JSON.stringify(
        edCases.map(({ publicKey, signature, message }) => ({ publicKey, signature, message })),
      );
      const files: Record<string, [string, string | Buffer]> = {
        '/': [
          'text/html',
          '<!doctype html><meta charset="utf-8"><title>countersign client</title><script type="module" src="/page.mjs"></script>',
        ],
        '/page.mjs': ['text/javascript', page],
        '/verify.browser.mjs': ['text/javascript', await readFile(join(dir, 'verify.browser.mjs'))],
        '/ed25519.browser.mjs': ['text/javascript', await readFile(join(dir, 'ed25519.browser.mjs'))],
        '/vectors.json': ['application/json', vectorsJson],
        '/ed25519.json': ['application/json', edJson],
      };

      const results = new Promise<PageResults>((resolve, reject) => {
        server.on('request', (req, res) => {
          if (req.method === 'POST' && req.url === '/results') {
            readBody(req).then((body) => {
              res.writeHead(204).end();
              resolve(JSON.parse(body) as PageResults);
            }, reject);
            return;
          }
          const file = req.method === 'GET' ? files[req.url ?? ''] : undefined;
          if (!file) return void res.writeHead(404).end();
          res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as { port: number };

      // Headless, with no way out: every host name but 127.0.0.1 fails to resolve.
      browser = spawn(
        CHROMIUM,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-dev-shm-usage',
          '--disable-breakpad',
          '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
          `--user-data-dir=${profile}`,
          `http://127.0.0.1:${port}/`,
        ],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
          detached: true,
          // Whatever Chromium writes (crash database, caches) stays in the temporary directory.
          env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') },
        },
      );
      browser.stderr!.on('data', (chunk: Buffer) => {
        if (stderr.length < 64 * 1024) stderr += chunk.toString();
      });
      const exited = new Promise<never>((_, reject) =>
        browser!.once('exit', (code) =>
          reject(new Error(`Chromium exited (${code}) before the page reported:\n${stderr}`)),
        ),
      );
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(`no results from the page within ${BROWSER_TIMEOUT_MS / 1000}s; Chromium said:\n${stderr}`),
            ),
          BROWSER_TIMEOUT_MS,
        );
      });
      const got = await Promise.race([results, exited, timeout]).finally(() => clearTimeout(timer));

      assert.equal(got.error, undefined, `the page failed: ${got.error}`);
      assert.match(got.userAgent, /HeadlessChrome|Chrome\//);
      assert.deepEqual(got.globalsBefore, { Buffer: 'undefined', process: 'undefined' }, 'a browser page, not Node');
      assert.deepEqual(got.globalsAfter, got.globalsBefore, 'the library adds no global');

      const problems: string[] = [];
      assert.deepEqual(
        got.vectors.map((v) => v.name),
        cases.map((c) => c.name),
      );
      for (const [i, c] of cases.entries()) {
        const inBrowser = got.vectors[i]!;
        problems.push(...mismatches(`${c.name} (Chromium)`, verdictOf(inBrowser.report), c.expected));
        const inNode = await runClientCase(nodeClient, c);
        assert.deepEqual(
          inBrowser.report,
          JSON.parse(JSON.stringify(inNode.report)),
          `${c.name}: Chromium's report differs from Node's`,
        );
        assert.equal(
          inBrowser.newState,
          inNode.newState ?? null,
          `${c.name}: Chromium's new state differs from Node's`,
        );
        assert.equal(inBrowser.error, null, c.name);
        // The walk as the page sends it back: the policy bytes as base64, the rest as JSON.
        const walk =
          inNode.followed && 'policy' in inNode.followed
            ? { ...inNode.followed, policy: b64(inNode.followed.policy) }
            : (inNode.followed ?? null);
        assert.deepEqual(
          inBrowser.followed,
          JSON.parse(JSON.stringify(walk)),
          `${c.name}: Chromium's rotation walk differs from Node's`,
        );
      }
      assert.deepEqual(problems, []);
      assert.ok(
        got.vectors.some((v) => v.followed !== null),
        'the cases with rotations/ ran in Chromium too',
      );

      assert.equal(got.ed25519.length, edCases.length);
      const edProblems: string[] = [];
      const hex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));
      edCases.forEach((c, i) => {
        if (got.ed25519[i] !== c.expected)
          edProblems.push(
            `${c.label}: expected ${c.expected ? 'accept' : 'reject'}, Chromium says ${got.ed25519[i] ? 'accept' : 'reject'}`,
          );
        if (got.ed25519[i] !== verifyEd25519Strict(hex(c.signature), hex(c.message), hex(c.publicKey)))
          edProblems.push(`${c.label}: Chromium and Node (OpenSSL) disagree`);
      });
      assert.deepEqual(edProblems, []);
      assert.deepEqual({ cases: got.ed25519.length, accepted: got.ed25519.filter(Boolean).length }, ED25519_TALLY);
      t.diagnostic(
        `${got.userAgent.match(/(HeadlessChrome|Chrome)\/[\d.]+/)?.[0]}: ${cases.length} vectors in ${Math.round(got.vectorsMs)} ms, ${got.ed25519.length} Ed25519 cases in ${Math.round(got.ed25519Ms)} ms`,
      );
    } finally {
      if (browser?.pid && browser.exitCode === null && browser.signalCode === null) {
        // SIGTERM lets Chromium stop (and reap) its helper processes; if it has not exited
        // after 5 s, SIGKILL the process group this test started (the browser and its helpers).
        const gone = new Promise((resolve) => browser!.once('exit', resolve));
        browser.kill('SIGTERM');
        let grace: NodeJS.Timeout | undefined;
        const stopped = await Promise.race([
          gone.then(() => true),
          new Promise((resolve) => (grace = setTimeout(resolve, 5000, false))),
        ]);
        clearTimeout(grace);
        if (!stopped) {
          process.kill(-browser.pid, 'SIGKILL');
          await gone;
        }
      }
      // Helpers of the browser (crash handler, utility processes) may outlive it for a moment and
      // still write into its profile: the whole group goes, and the removal retries (ENOTEMPTY).
      if (browser?.pid) {
        try {
          process.kill(-browser.pid, 'SIGKILL');
        } catch {
          // the group is gone already
        }
      }
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  },
);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_RESULTS_BYTES) throw new Error(`results over ${MAX_RESULTS_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// The page test/client/browser/chromium.test.ts opens in headless Chromium: it loads the browser
// build of the client verifier from the loopback server, runs every spec/vectors case and
// every Ed25519 vector through it, and posts the raw results back (the Node side judges
// them). A case with rotations/ is run as test/helpers/client-vectors.ts runClientCase runs
// it: followPolicyRotations from policy.json, then verifyBundle under the policy it returns. Compiled to JavaScript by the test (esbuild transform); never bundled with the library.
type ClientModule = typeof import('../../../src/client/index.ts');
type Ed25519Module = typeof import('../../../src/lib/basics/crypto/ed25519.ts');

interface VectorJson {
  name: string;
  verifyAt: string;
  /** The stream to expect when the policy allows more than one (test/helpers/client-vectors.ts expectedStreamOf). */
  expectStream: string;
  bundle: string;
  policy: string;
  trustedRoot: string;
  state?: string;
  artifacts?: { name: string; bytes: string }[];
  rotations?: { name: string; bytes: string }[];
}
interface Ed25519Json {
  publicKey: string;
  signature: string;
  message: string;
}

const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const toBase64 = (b: Uint8Array) => btoa(Array.from(b, (x) => String.fromCharCode(x)).join(''));
const fromHex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));

async function post(body: unknown): Promise<void> {
  await fetch('/results', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function main(): Promise<void> {
  // What the page's globals hold before and after loading the library: it must add none.
  const globalsBefore = {
    Buffer: typeof (globalThis as { Buffer?: unknown }).Buffer,
    process: typeof (globalThis as { process?: unknown }).process,
  };
  const lib = (await import(new URL('/verify.browser.mjs', location.href).href)) as ClientModule;
  const ed = (await import(new URL('/ed25519.browser.mjs', location.href).href)) as Ed25519Module;
  const globalsAfter = {
    Buffer: typeof (globalThis as { Buffer?: unknown }).Buffer,
    process: typeof (globalThis as { process?: unknown }).process,
  };

  const vectors = (await (await fetch('/vectors.json')).json()) as VectorJson[];
  const started = performance.now();
  const results = [];
  for (const v of vectors) {
    const now = new Date(v.verifyAt);
    let policy: Uint8Array = fromBase64(v.policy);
    let state: Uint8Array | string | null = v.state === undefined ? null : fromBase64(v.state);
    let followed = null;
    if (v.rotations) {
      const walk = await lib.followPolicyRotations({
        policy,
        rotations: v.rotations.map((r) => ({ name: r.name, bytes: fromBase64(r.bytes) })),
        state,
        now,
      });
      // The policy bytes as base64 for the trip back; everything else is JSON already.
      followed =
        walk.outcome === 'updated' || walk.outcome === 'unchanged' ? { ...walk, policy: toBase64(walk.policy) } : walk;
      if (walk.outcome === 'rejected') {
        const failure = { check: 'rotation', code: walk.failure.code, message: walk.failure.message };
        results.push({
          name: v.name,
          report: { outcome: 'rejected', checks: [], failure },
          newState: null,
          error: null,
          followed,
        });
        continue;
      }
      if (walk.outcome === 'error') {
        results.push({
          name: v.name,
          report: { outcome: 'error', checks: [] },
          newState: null,
          error: walk.error,
          followed,
        });
        continue;
      }
      policy = walk.policy;
      state = walk.newState;
    }
    const result = await lib.verifyBundle({
      bundle: fromBase64(v.bundle),
      policy,
      ...(v.rotations ? {} : { trustedRoot: fromBase64(v.trustedRoot) }),
      state,
      now,
      what: `${v.name}/bundle.json`,
      ...(v.artifacts ? { artifacts: v.artifacts.map((a) => ({ name: a.name, bytes: fromBase64(a.bytes) })) } : {}),
      // As runClientCase: the expected stream only under a policy of several.
      ...((JSON.parse(new TextDecoder().decode(policy)) as { streams: unknown[] }).streams.length > 1
        ? { expect: { stream: v.expectStream } }
        : {}),
    });
    results.push({
      name: v.name,
      report: result.report,
      newState: result.newState ?? null,
      error: result.error ?? null,
      followed,
    });
  }
  const vectorsMs = performance.now() - started;

  const edCases = (await (await fetch('/ed25519.json')).json()) as Ed25519Json[];
  const edStarted = performance.now();
  const ed25519 = edCases.map((c) =>
    ed.verifyEd25519Strict(fromHex(c.signature), fromHex(c.message), fromHex(c.publicKey)),
  );
  const ed25519Ms = performance.now() - edStarted;

  await post({
    userAgent: navigator.userAgent,
    globalsBefore,
    globalsAfter,
    vectors: results,
    ed25519,
    vectorsMs,
    ed25519Ms,
  });
}

main().catch((err: unknown) =>
  post({ error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) }),
);

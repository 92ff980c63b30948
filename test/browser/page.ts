// The page test/browser/chromium.test.ts opens in headless Chromium: it loads the browser
// build of the client verifier from the loopback server, runs every spec/vectors case and
// every Ed25519 vector through it, and posts the raw results back (the Node side judges
// them). Compiled to JavaScript by the test (esbuild transform); never bundled with the library.
type ClientModule = typeof import('../../src/lib/client/index.ts');
type Ed25519Module = typeof import('../../src/lib/countersign/ed25519.ts');

interface VectorJson {
  name: string;
  verifyAt: string;
  bundle: string;
  policy: string;
  trustedRoot: string;
  state?: string;
  artifacts?: { name: string; bytes: string }[];
}
interface Ed25519Json { publicKey: string; signature: string; message: string }

const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const fromHex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));

async function post(body: unknown): Promise<void> {
  await fetch('/results', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function main(): Promise<void> {
  // What the page's globals hold before and after loading the library: it must add none.
  const globalsBefore = { Buffer: typeof (globalThis as { Buffer?: unknown }).Buffer, process: typeof (globalThis as { process?: unknown }).process };
  const lib = (await import(new URL('/verify.browser.mjs', location.href).href)) as ClientModule;
  const ed = (await import(new URL('/ed25519.browser.mjs', location.href).href)) as Ed25519Module;
  const globalsAfter = { Buffer: typeof (globalThis as { Buffer?: unknown }).Buffer, process: typeof (globalThis as { process?: unknown }).process };

  const vectors = (await (await fetch('/vectors.json')).json()) as VectorJson[];
  const started = performance.now();
  const results = [];
  for (const v of vectors) {
    const result = await lib.verifyBundle({
      bundle: fromBase64(v.bundle),
      policy: fromBase64(v.policy),
      trustedRoot: fromBase64(v.trustedRoot),
      state: v.state === undefined ? null : fromBase64(v.state),
      now: new Date(v.verifyAt),
      what: `${v.name}/bundle.json`,
      ...(v.artifacts ? { artifacts: v.artifacts.map((a) => ({ name: a.name, bytes: fromBase64(a.bytes) })) } : {}),
    });
    results.push({ name: v.name, report: result.report, newState: result.newState ?? null, error: result.error ?? null });
  }
  const vectorsMs = performance.now() - started;

  const edCases = (await (await fetch('/ed25519.json')).json()) as Ed25519Json[];
  const edStarted = performance.now();
  const ed25519 = edCases.map((c) => ed.verifyEd25519Strict(fromHex(c.signature), fromHex(c.message), fromHex(c.publicKey)));
  const ed25519Ms = performance.now() - edStarted;

  await post({ userAgent: navigator.userAgent, globalsBefore, globalsAfter, vectors: results, ed25519, vectorsMs, ed25519Ms });
}

main().catch((err: unknown) => post({ error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) }));

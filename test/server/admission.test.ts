// Issue 15 F2/F6/F12: verification off the event loop, admission control and cacheable answers,
// on a real service (startService, loopback HTTP) over the local Sigstore stack:
//   - a foreign workflow's valid primary is refused from its certificate's identity before any
//     Sigstore verification (the request log says `stage: screened`, in well under a verification's time);
//   - beyond the queue, 503 overloaded with Retry-After, and /healthz answers meanwhile;
//   - a client over its rate gets 429 rate-limited with Retry-After; another client does not;
//   - immutable answers (entries, proofs for fixed sizes) are cacheable, the rest no-store;
//   - a worker that dies fails only its job and is replaced.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePrivateKeyPem } from '../../src/lib/basics/crypto/ed25519-keys.ts';
import { type RunningService, type ServiceOptions, startService } from '../../src/server/service.ts';
import { WorkerCrashError, WorkerPool } from '../../src/server/workers/pool.ts';
import { type Flow, startFlow } from '../../tools/flow.ts';

const STREAMS = Array.from({ length: 24 }, (_, i) => `admit/s${i}:stable`);
let flow: Flow;
const services: RunningService[] = [];
const dirs: string[] = [];

before(async () => {
  flow = await startFlow();
});
after(async () => {
  for (const s of services) await s.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  await flow?.close();
});

async function serve(
  o: Partial<ServiceOptions> = {},
): Promise<{ url: string; lines: Record<string, unknown>[]; service: RunningService }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'countersign-admission-'));
  dirs.push(dataDir);
  const b = flow.keys.b;
  const lines: Record<string, unknown>[] = [];
  const service = await startService({
    policy: flow.makePolicy({ streams: STREAMS }),
    signer: b.signer,
    logSigner: {
      name: 'countersign.test/admission',
      rawPublicKey: parsePrivateKeyPem(b.privateKeyPem, 'b key').publicKey,
      signer: b.signer,
    },
    logPublicKeyPem: b.publicKeyPem,
    dataDir,
    port: 0,
    requestLog: (line) => lines.push(line),
    ...o,
  });
  services.push(service);
  return { url: service.url, lines, service };
}

function post(url: string, body: Uint8Array, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/v1/countersign`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: new Uint8Array(body),
  });
}

test("a foreign workflow's valid primary is refused from its certificate before any Sigstore verification", async () => {
  const { url, lines } = await serve({ workers: 1 });
  const foreign = await flow.sign(flow.statement({ stream: 'admit/s0:stable', version: 1 }), {
    jobWorkflowRef: 'acme/app/.github/workflows/other.yml@refs/heads/main',
  });
  const valid = await flow.sign(flow.statement({ stream: 'admit/s0:stable', version: 1 }));
  const r = await post(url, foreign);
  assert.equal(r.status, 422);
  assert.equal(((await r.json()) as { code: string }).code, 'primary-identity');
  const ok = await post(url, valid);
  assert.equal(ok.status, 200);
  const refused = lines.find((l) => l.status === 422);
  const signed = lines.find((l) => l.status === 200);
  assert.equal(refused?.code, 'primary-identity');
  // Screened: no worker ran, and it cost far less than the verified request.
  assert.equal(signed?.stage, 'verified');
  assert.ok(Number(refused?.ms) < Number(signed?.ms), `${String(refused?.ms)} ms vs ${String(signed?.ms)} ms`);
  const metrics = await (await fetch(`${url}/metrics`)).text();
  assert.match(metrics, /^countersign_verification_workers 1$/m);
});

test('beyond the queue: 503 overloaded with Retry-After, while /healthz keeps answering', async () => {
  const { url } = await serve({ workers: 1, maxQueue: 1, rateLimit: { perSecond: 0, burst: 1 } });
  const primaries = await Promise.all(
    STREAMS.slice(0, 12).map((stream) => flow.sign(flow.statement({ stream, version: 1 }))),
  );
  const health: number[] = [];
  let done = false;
  const probe = (async () => {
    while (!done) {
      const t0 = performance.now();
      assert.equal((await fetch(`${url}/healthz`)).status, 200);
      health.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const answers = await Promise.all(primaries.map((p) => post(url, p)));
  done = true;
  await probe;
  const statuses = answers.map((a) => a.status);
  assert.ok(statuses.includes(200), statuses.join(','));
  assert.ok(statuses.includes(503), statuses.join(','));
  for (const a of answers.filter((x) => x.status === 503)) {
    assert.equal(a.headers.get('retry-after'), '1');
    assert.equal(((await a.json()) as { code: string }).code, 'overloaded');
  }
  assert.ok(health.length > 0);
  // Refused ones are not lost: sent again, they are countersigned.
  for (const [i, a] of answers.entries())
    if (a.status === 503) assert.equal((await post(url, primaries[i] as Uint8Array)).status, 200);
});

test('a client over its rate limit gets 429 rate-limited with Retry-After; another client is served', async () => {
  const { url } = await serve({ workers: 1, rateLimit: { perSecond: 1, burst: 2 }, clientHeader: 'X-Client' });
  const body = new TextEncoder().encode('{}');
  const greedy = [];
  for (let i = 0; i < 4; i++) greedy.push(await post(url, body, { 'x-client': 'greedy' }));
  assert.deepEqual(
    greedy.map((r) => r.status),
    [400, 400, 429, 429],
  );
  assert.equal(greedy[2]?.headers.get('retry-after'), '1');
  assert.equal(((await greedy[3]?.json()) as { code: string }).code, 'rate-limited');
  assert.equal((await post(url, body, { 'x-client': 'other' })).status, 400);
});

test('immutable answers are cacheable for good; the checkpoint, health, metrics and countersign answers are not', async () => {
  const { url } = await serve({ workers: 1 });
  for (const stream of STREAMS.slice(0, 3))
    assert.equal((await post(url, await flow.sign(flow.statement({ stream, version: 1 })))).status, 200);
  const cc = async (path: string) => (await fetch(`${url}${path}`)).headers.get('cache-control');
  const immutable = 'public, max-age=31536000, immutable';
  assert.equal(await cc('/v1/log/entries?start=0&end=2'), immutable);
  assert.equal(await cc('/v1/log/proof/inclusion?index=0&size=3'), immutable);
  assert.equal(await cc('/v1/log/proof/consistency?from=1&to=3'), immutable);
  // Open-ended: they follow the log's size.
  assert.equal(await cc('/v1/log/entries?start=0'), 'no-store');
  assert.equal(await cc('/v1/log/entries?start=0&end=9'), 'no-store');
  assert.equal(await cc('/v1/log/proof/inclusion?index=0'), 'no-store');
  assert.equal(await cc('/v1/log/proof/consistency?from=1'), 'no-store');
  for (const path of [
    '/v1/log/checkpoint',
    '/healthz',
    '/metrics',
    '/v1/log/key',
    '/v1/log/proof/inclusion?index=7&size=3',
  ])
    assert.equal(await cc(path), 'no-store', path);
  const answer = await post(url, await flow.sign(flow.statement({ stream: 'admit/s3:stable', version: 1 })));
  assert.equal(answer.headers.get('cache-control'), 'no-store');
});

test('a worker that dies fails only the job it was running, and is replaced', async () => {
  const pool = new WorkerPool<number | 'crash', number>({
    url: new URL('./fixtures/crash-worker.ts', import.meta.url),
    workerData: null,
    size: 1,
    maxQueue: 4,
  });
  try {
    const before = pool.run(1);
    const crash = pool.run('crash');
    const afterCrash = pool.run(2);
    assert.equal(await before, 2);
    await assert.rejects(crash as Promise<number>, WorkerCrashError);
    assert.equal(await afterCrash, 4, 'a queued job runs on the replacement');
    assert.equal(pool.crashes, 1);
    assert.equal(await pool.run(21), 42);
  } finally {
    await pool.close();
  }
});

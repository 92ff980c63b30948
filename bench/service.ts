// Benchmark of the countersigning service (issue #4; not a test): countersignatures per second
// from concurrent clients over loopback HTTP, with latency p50/p99, beside the cost of the
// Sigstore verification of one request alone, so that the service's own overhead (HTTP,
// signing, the Merkle tree, the durable SQLite commit) shows as a ratio.
//
//   node bench/service.ts [REQUESTS] [CONCURRENCY]      (or: import { benchService })
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ed25519PublicKeyOf } from '../src/lib/basics/crypto/ed25519.ts';
import { requestCountersignature } from '../src/lib/flows/countersign/service-client.ts';
import { runPipeline } from '../src/lib/pipeline/run.ts';
import { startService } from '../src/server/service.ts';
import { startFlow } from '../tools/flow.ts';

export interface ServiceBenchOptions {
  /** Countersigning requests, each for its own stream (default 100). */
  requests?: number;
  /** Concurrent clients (default 8). */
  concurrency?: number;
}

export async function benchService(options: ServiceBenchOptions = {}): Promise<Record<string, number>> {
  const requests = options.requests ?? 100;
  const concurrency = options.concurrency ?? 8;
  const flow = await startFlow();
  const dataDir = await mkdtemp(join(tmpdir(), 'countersign-bench-service-'));
  try {
    const streams = Array.from({ length: requests }, (_, i) => `bench/s${i}:stable`);
    const policy = flow.makePolicy({ streams });
    const primaries = await Promise.all(streams.map((stream) => flow.sign(flow.statement({ stream, version: 1 }))));

    // The Sigstore verification of each request alone (what countersignBundle runs first).
    const trust = flow.trust;
    const verifyStart = performance.now();
    for (const p of primaries) {
      const { report } = await runPipeline(p, { policy, trust, forCountersigning: true });
      if (report.outcome !== 'verified') throw new Error(`bench: primary did not verify: ${report.failure?.code}`);
    }
    const verifyOnlyMs = (performance.now() - verifyStart) / requests;

    const logKey = flow.makeKey('bench-log', 'Org B');
    const service = await startService({
      policy,
      trust,
      signer: flow.keys.b.signer,
      logSigner: { name: 'bench.invalid/log', rawPublicKey: ed25519PublicKeyOf(logKey.seed), signer: logKey.signer },
      logPublicKeyPem: logKey.publicKeyPem,
      dataDir,
      port: 0,
    });
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    try {
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < primaries.length) {
            const p = primaries[next++];
            if (!p) break;
            const t0 = performance.now();
            await requestCountersignature(service.url, p, { retries: 0 });
            latencies.push(performance.now() - t0);
          }
        }),
      );
    } finally {
      await service.close();
    }
    const wallMs = performance.now() - started;
    latencies.sort((a, b) => a - b);
    const pct = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
    const perRequestMs = wallMs / requests;
    return {
      'service.requests': requests,
      'service.concurrency': concurrency,
      'service.countersignaturesPerSecond': round(1000 / perRequestMs),
      'service.latencyP50Ms': round(pct(0.5)),
      'service.latencyP99Ms': round(pct(0.99)),
      'service.verifyOnlyMs': round(verifyOnlyMs),
      'service.verifyOnlyPerSecond': round(1000 / verifyOnlyMs),
      /** Service time per countersignature over verification alone (1.0 = no overhead). */
      'service.overheadRatio': round(perRequestMs / verifyOnlyMs),
    };
  } finally {
    await flow.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [requests, concurrency] = process.argv.slice(2).map(Number);
  const result = await benchService({ ...(requests ? { requests } : {}), ...(concurrency ? { concurrency } : {}) });
  for (const [name, value] of Object.entries(result)) console.log(`${name.padEnd(38)} ${value}`);
}

// Benchmark of the countersigning service (issue 15; not a test): `countersign serve` as its own
// process (worker threads, one per core), driven over loopback HTTP by 8, 32 and 128
// concurrent clients, each level on a fresh log with the same distinct valid primaries (one
// stream each). Beside it, in the same run, the bare Sigstore verification rate on one core
// (@sigstore/verify's Verifier on the same primaries, as bench/bare-verify.mjs does): the
// service's countersignatures per second at 32 clients over that rate is the figure with a
// target (>= 1.6 on 2 cores). Also: p50/p99 latency, the 503s beyond the admission limit
// (clients honour Retry-After and send again), /healthz p99 under each load (probed every 10
// ms), and the 429s of one client over its rate limit.
//
//   node bench/service.ts [REQUESTS]      (or: import { benchService } from bench/run.ts --only service)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { bundleFromJSON } from '@sigstore/bundle';
import { Verifier, toSignedEntity } from '@sigstore/verify';
import { buildPolicy } from '../src/lib/formats/policy/index.ts';
import { startFlow } from '../tools/flow.ts';
import type { Row } from './lib.ts';

const MAIN = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');

export interface ServiceBenchOptions {
  /** Distinct primaries countersigned at each level (default 300). */
  requests?: number;
  /** Client counts (default 8, 32, 128). */
  levels?: number[];
}

interface Served {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

function serve(args: string[]): Promise<Served> {
  const proc = spawn(process.execPath, [MAIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => {
    proc.once('exit', () => {
      resolve();
    });
  });
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
    let started = false;
    rl.on('line', (line) => {
      if (started) return;
      const event = JSON.parse(line) as { event?: string; url?: string };
      if (event.event === 'listening' && event.url) {
        started = true;
        resolve({
          url: event.url,
          proc,
          stop: async () => {
            proc.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    void exited.then(() => {
      if (!started) reject(new Error(`bench: serve exited before listening: ${stderr}`));
    });
  });
}

function pct(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const round = (n: number) => Math.round(n * 100) / 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchService(options: ServiceBenchOptions = {}): Promise<Row[]> {
  const requests = options.requests ?? 300;
  const levels = options.levels ?? [8, 32, 128];
  const flow = await startFlow();
  const dir = await mkdtemp(join(tmpdir(), 'countersign-bench-service-'));
  const rows: Row[] = [];
  try {
    const streams = Array.from({ length: requests }, (_, i) => `bench/s${i}:stable`);
    const primaries: Uint8Array[] = [];
    for (let i = 0; i < streams.length; i += 16)
      primaries.push(
        ...(await Promise.all(
          streams.slice(i, i + 16).map((stream) => flow.sign(flow.statement({ stream, version: 1 }))),
        )),
      );
    const logKey = flow.makeKey('bench-log', 'Org B');
    const keyFile = join(dir, 'b.key');
    const logKeyFile = join(dir, 'b-log.key');
    await writeFile(keyFile, flow.keys.b.privateKeyPem, { mode: 0o600 });
    await writeFile(logKeyFile, logKey.privateKeyPem, { mode: 0o600 });
    const policyFile = join(dir, 'policy.json');
    await writeFile(
      policyFile,
      JSON.stringify(
        buildPolicy({
          issuer: flow.stack.description.issuer,
          identity: flow.stack.description.identity,
          githubClaims: flow.stack.sourceRepository,
          trustedRoot: flow.trustedRoot,
          countersigners: [
            {
              name: flow.keys.b.name,
              organisation: flow.keys.b.organisation,
              publicKeyPem: flow.keys.b.publicKeyPem,
            },
          ],
          streams,
        }),
        null,
        2,
      ),
      { mode: 0o644 },
    );

    // Bare Sigstore verification on one core, @sigstore/verify as it comes (a worker does the same
    // checks and more, with the certificates' encodings computed once: certificate-encodings.ts).
    const verifier = new Verifier(flow.trust, {
      ctlogThreshold: flow.trust.ctlogs.length > 0 ? 1 : 0,
      tlogThreshold: 0,
      timestampThreshold: 1,
    });
    const policy = {
      subjectAlternativeName: flow.stack.description.identity,
      extensions: { issuer: flow.stack.description.issuer },
    };
    const bareStart = performance.now();
    for (const p of primaries) {
      const bundle = bundleFromJSON(JSON.parse(new TextDecoder().decode(p)));
      verifier.verify(toSignedEntity(bundle), policy);
    }
    const bareRate = (requests * 1000) / (performance.now() - bareStart);
    rows.push({
      group: 'service',
      name: 'bare Sigstore verification, one core',
      value: round(bareRate),
      unit: '/s',
      detail: `${requests} primaries, @sigstore/verify Verifier in-process`,
    });

    for (const clients of levels) {
      const dataDir = join(dir, `data-${clients}`);
      const server = await serve([
        '--key',
        keyFile,
        '--log-key',
        logKeyFile,
        '--origin',
        'bench.invalid/log',
        '--policy',
        policyFile,
        '--data',
        dataDir,
        '--listen',
        '127.0.0.1:0',
        '--client-header',
        'x-bench-client',
        '--rate-limit',
        '1000/2000',
      ]);
      try {
        const latencies: number[] = [];
        const health: number[] = [];
        const statuses = new Map<number, number>();
        let next = 0;
        const load = { done: false };
        const probe = (async () => {
          while (!load.done) {
            const t0 = performance.now();
            await (await fetch(`${server.url}/healthz`)).arrayBuffer();
            health.push(performance.now() - t0);
            await sleep(10);
          }
        })();
        const started = performance.now();
        await Promise.all(
          Array.from({ length: clients }, async (_, c) => {
            for (let i = next++; i < primaries.length; i = next++) {
              const t0 = performance.now();
              for (;;) {
                const res = await fetch(`${server.url}/v1/countersign`, {
                  method: 'POST',
                  headers: { 'content-type': 'application/json', 'x-bench-client': `c${c}` },
                  body: new Uint8Array(primaries[i] as Uint8Array),
                });
                await res.arrayBuffer();
                statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
                if (res.status !== 503 && res.status !== 429) break;
                await sleep(Number(res.headers.get('retry-after') ?? '1') * 1000);
              }
              latencies.push(performance.now() - t0);
            }
          }),
        );
        const wallMs = performance.now() - started;
        load.done = true;
        await probe;
        // One client over its limit: 60 requests at once under one client name.
        let limited = 0;
        if (clients === levels.at(-1)) {
          const answers = await Promise.all(
            Array.from({ length: 60 }, () =>
              fetch(`${server.url}/v1/countersign`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-bench-client': 'greedy' },
                body: new Uint8Array(primaries[0] as Uint8Array),
              }).then(async (r) => (await r.arrayBuffer(), r.status)),
            ),
          );
          limited = answers.filter((s) => s === 429).length;
        }
        latencies.sort((a, b) => a - b);
        health.sort((a, b) => a - b);
        const ok = statuses.get(200) ?? 0;
        const rate = (ok * 1000) / wallMs;
        const tag = `${clients} clients`;
        rows.push({
          group: 'service',
          name: `countersignatures/s, ${tag}`,
          value: round(rate),
          unit: '/s',
          detail: `${ok} countersigned in ${round(wallMs / 1000)} s; p50 ${round(pct(latencies, 0.5))} ms, p99 ${round(pct(latencies, 0.99))} ms (with retries after 503); statuses ${JSON.stringify(Object.fromEntries(statuses))}; workers ${availableParallelism()}`,
        });
        rows.push({
          group: 'service',
          name: `countersignatures/s over bare verification on one core, ${tag}`,
          value: round(rate / bareRate),
          unit: 'x',
          ...(clients === 32 ? { target: { op: '>=', value: 1.6 } } : {}),
          detail: `${round(rate)} / ${round(bareRate)}`,
        });
        rows.push({
          group: 'service',
          name: `/healthz p99 under load, ${tag}`,
          value: round(pct(health, 0.99)),
          unit: 'ms',
          target: { op: '<=', value: 50 },
          detail: `${health.length} probes, p50 ${round(pct(health, 0.5))} ms, max ${round(health.at(-1) ?? NaN)} ms`,
        });
        rows.push({
          group: 'service',
          name: `503 overloaded answers, ${tag}`,
          value: statuses.get(503) ?? 0,
          unit: '',
          ...(clients > 34 ? { target: { op: '>=', value: 1 } } : {}),
          detail: `admission limit: workers + 16 per worker queued (${availableParallelism() * 17} on this machine)`,
        });
        if (clients === levels.at(-1))
          rows.push({
            group: 'service',
            name: '429 rate-limited answers, one client sending 60 at once (limit 1000/s, burst 2000 per client)',
            value: limited,
            unit: '',
            detail: 'the bench limit is far above the load on purpose: this row shows none are refused wrongly',
          });
      } finally {
        await server.stop();
      }
    }
    return rows;
  } finally {
    await flow.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [requests] = process.argv.slice(2).map(Number);
  const result = await benchService(requests ? { requests } : {});
  for (const r of result)
    console.log(
      `${r.name.padEnd(80)} ${String(r.value).padStart(9)} ${r.unit}  ${r.target ? `(target ${r.target.op} ${r.target.value})` : ''}  ${r.detail}`,
    );
}

// Adversarial inputs (issue 13, findings 2 and 3; spec/ATTACKS.md "Issue 13 F2/F3"): for each
// family of hostile input at the caps, the time to reject it against the time to verify a
// genuine bundle, in the three verifiers users run: the CLI (a process, built from the current
// sources), the client library's Node build and its browser build (both built here from the
// current sources; the browser build runs in Node, as test/client/browser-build does). Then
// `countersign serve` (the same CLI build) takes hostile requests from several clients while
// another one asks /healthz: its latency says whether the service keeps answering.
// Targets: every family within 10x a genuine verification; /healthz p99 under 100 ms.
//
//   node bench/adversarial.ts [--quick] [--only=library,cli,service]   (npm run bench runs it: --only adversarial)
//
// Genuine bundles are made on the local Sigstore stack (tools/flow.ts); hostile ones are built
// from them the way an attacker would: "unsigned" means A's signature no longer matches (anyone
// can send it); "signed by A only" means A's real signature and no countersignature (the
// invariant's one-organisation attacker).
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCli, buildClientBrowser, buildClientNode } from '../scripts/build.ts';
import { sha256Hex } from '../src/lib/basics/crypto/sha256.ts';
import { MAX_COUNTERSIGNATURES } from '../src/lib/formats/bundle/bundle.ts';
import { buildPolicy, parsePolicy } from '../src/lib/formats/policy/index.ts';
import { MAX_POLICY_BYTES } from '../src/lib/formats/policy/types.ts';
import { buildStatement, serializeStatement } from '../src/lib/formats/statement/statement.ts';
import { MAX_ROTATIONS, MAX_ROTATION_CHAIN_BYTES } from '../src/lib/flows/rotation/chain.ts';
import { MAX_REQUEST_BYTES } from '../src/lib/formats/service/api.ts';
import { type Flow, STREAM, makeKey, primaryJson, readBundle, startFlow, writeBundle } from '../tools/flow.ts';
import { NODE, ROOT, type Row, fmt, median, timeProcess } from './lib.ts';

type Client = typeof import('../src/client/index.ts');

const MiB = 1024 * 1024;
/** The policy's default bundle cap (POLICY.md §3.9), which every family fills. */
const BUNDLE_CAP = 4 * MiB;
const RATIO_TARGET = 10;
const HEALTHZ_TARGET_MS = 100;

export interface AdversarialOptions {
  quick?: boolean;
  /** A CLI build to measure (default: one built here from the current sources). */
  cli?: string;
  /** What to measure (default: all). */
  parts?: readonly ('library' | 'cli' | 'service')[];
}

interface Family {
  name: string;
  /** The hostile bundle, at the bundle cap (the CLI and the library). */
  bytes: Uint8Array;
  /** The same attack within the service's request cap (1 MiB). */
  service: Uint8Array;
}

/** A rotation statement carrying `policy` as its new policy (subject digest matching, as the statement parser requires). */
function rotationStatementCarrying(policy: Uint8Array): Uint8Array {
  return serializeStatement(
    buildStatement({
      kind: 'authority-rotation',
      stream: STREAM,
      version: 2,
      issuedAt: new Date(),
      expiresIn: 30 * 86_400,
      subjects: [{ name: 'policy.json', digest: { sha256: sha256Hex(policy) } }],
      data: { policy: Buffer.from(policy).toString('base64') },
    }),
  );
}

/** `genuine` with its primary's payload replaced: A's signature no longer verifies. */
function unsignedWith(genuine: Uint8Array, statement: Uint8Array): Uint8Array {
  const bundle = readBundle(genuine);
  const p = primaryJson(genuine);
  return writeBundle({
    ...bundle,
    primary: { ...p, dsseEnvelope: { ...p.dsseEnvelope, payload: Buffer.from(statement).toString('base64') } },
  });
}

/**
 * The largest input `make(n)` that fits in `cap` bytes: its size is affine in n (copies of an
 * item, bytes of padding), measured at 1 and 2, then n lowered until it fits.
 */
function fill(cap: number, make: (n: number) => Uint8Array, max = Infinity): Uint8Array {
  const one = make(1).length;
  const step = Math.max(1, make(2).length - one);
  let n = Math.min(max, Math.max(1, Math.floor((cap - one) / step) + 1));
  let bytes = make(n);
  while (bytes.length > cap && n > 1) {
    n = Math.max(1, n - Math.ceil((bytes.length - cap) / step));
    bytes = make(n);
  }
  return bytes;
}

/** F2's policy: one 16 384-character key (V8 hashes longer keys by length alone), then an array to `size` bytes. */
function longKeyPolicy(size: number): Uint8Array {
  const head = `{"${'K'.repeat(16_384)}":[`;
  const n = Math.max(1, Math.floor((size - head.length - 2) / 2));
  return new TextEncoder().encode(`${head}${Array(n).fill('0').join(',')}]}`);
}

/** A policy that parses, at `size` bytes: 256 countersigners, 1000 streams, and a trusted root padded with copies of its authorities. */
function oversizedPolicy(flow: Flow, keys: ReturnType<typeof makeKey>[]): (size: number) => Uint8Array {
  const root = structuredClone(flow.trustedRoot) as { certificateAuthorities: unknown[] };
  const base = (cas: unknown[]) =>
    JSON.stringify(
      buildPolicy({
        version: 2,
        issuer: flow.stack.description.issuer,
        identity: flow.stack.description.identity,
        githubClaims: flow.stack.sourceRepository,
        trustedRoot: { ...root, certificateAuthorities: cas },
        countersigners: keys.map((k) => ({ name: k.name, organisation: k.organisation, publicKeyPem: k.publicKeyPem })),
        threshold: 1,
        streams: [STREAM, ...Array.from({ length: 999 }, (_, i) => `acme/app${i}:stable`)],
        kinds: ['binary-digest', 'authority-rotation'],
      }),
    );
  const one = root.certificateAuthorities[0];
  const each = JSON.stringify(one).length + 1;
  const empty = base([]).length;
  return (size) => new TextEncoder().encode(base(Array(Math.max(1, Math.floor((size - empty) / each))).fill(one)));
}

/** A rotation bundle (from `wrap`) carrying the largest policy from `policyOf` that fits in `cap` (and in the 1 MiB policy cap). */
function rotationFill(
  cap: number,
  policyOf: (size: number) => Uint8Array,
  wrap: (statement: Uint8Array) => Uint8Array,
): { bundle: Uint8Array; statement: Uint8Array } {
  const KiB = 1024;
  let statement: Uint8Array = new Uint8Array();
  const bundle = fill(
    cap,
    (n) => wrap((statement = rotationStatementCarrying(policyOf(n * KiB)))),
    Math.floor(MAX_POLICY_BYTES / KiB) - 1,
  );
  return { bundle, statement };
}

/** The primary's list (from `list`) filled with copies of its first item: `n` of them. */
function copies(genuine: Uint8Array, n: number, list: (p: Record<string, unknown>) => unknown[]): Uint8Array {
  const bundle = readBundle(genuine);
  const p = structuredClone(bundle.primary) as Record<string, unknown>;
  const items = list(p);
  const item = items[0];
  items.splice(0, items.length, ...Array.from({ length: n }, () => item));
  return writeBundle({ ...bundle, primary: p });
}

/** A statement with `n` (valid, sorted) subjects, in place of the genuine one. */
function manySubjects(genuine: Uint8Array, n: number): Uint8Array {
  const subjects = Array.from({ length: n }, (_, i) => ({
    name: `release/app-${String(i).padStart(8, '0')}`,
    digest: { sha256: sha256Hex(new TextEncoder().encode(String(i))) },
  }));
  return unsignedWith(
    genuine,
    serializeStatement(
      buildStatement({
        kind: 'binary-digest',
        stream: STREAM,
        version: 1,
        issuedAt: new Date(),
        expiresIn: 86_400,
        subjects,
      }),
    ),
  );
}

/** 32 countersignatures (the cap) by B's pinned key, with `size`-byte statements (24 KiB at most), 64 proof hashes and a 16 KiB checkpoint; none valid. */
function manyCountersignatures(genuine: Uint8Array, keyId: string, size: number): Uint8Array {
  const bundle = readBundle(genuine);
  const one = {
    keyId,
    statement: Buffer.alloc(Math.min(size, 24 * 1024), 0x61).toString('base64'),
    signature: Buffer.alloc(64, 1).toString('base64'),
    logProof: {
      logIndex: 0,
      treeSize: 2 ** 52,
      hashes: Array.from({ length: 64 }, (_, i) => Buffer.alloc(32, i).toString('base64')),
      checkpoint: 'x'.repeat(16 * 1024),
    },
  };
  return writeBundle({
    ...bundle,
    countersignatures: Array.from({ length: MAX_COUNTERSIGNATURES }, () => ({ ...one })),
  });
}

const text = (s: string) => new TextEncoder().encode(s);

/** A bundle whose one extra field is an object of `n` 16 384-character keys. */
function longKeyBundle(n: number): Uint8Array {
  const keys = Array.from({ length: n }, (_, i) => `"${String(i).padStart(16_384, 'K')}":0`);
  return text(
    `{"mediaType":"application/vnd.countersign.bundle.v1+json","x":{${keys.join(',')}},"primary":{},"countersignatures":[]}`,
  );
}

async function families(flow: Flow, genuine: Uint8Array, genuineTsa: Uint8Array, keyId: string): Promise<Family[]> {
  // Rekor on the stack caps uploads at 1 MiB: TSA only. One retry: a keep-alive connection the
  // stack closed just then (after 5 s idle) resets the first request on it.
  const signedByA = async (statement: Uint8Array) => {
    const sign = () => flow.sign(statement, { instance: flow.tsaOnly });
    return sign().catch(sign);
  };
  const timestamps = (p: Record<string, unknown>) =>
    (p.verificationMaterial as { timestampVerificationData: { rfc3161Timestamps: unknown[] } })
      .timestampVerificationData.rfc3161Timestamps;
  const tlog = (p: Record<string, unknown>) => (p.verificationMaterial as { tlogEntries: unknown[] }).tlogEntries;
  const keys = Array.from({ length: 256 }, (_, i) => makeKey(`k${i}`, `Org ${i}`));
  const oversized = oversizedPolicy(flow, keys);
  parsePolicy(oversized(64 * 1024), 'oversized policy'); // a valid policy: the attack is its size
  const unsigned = (statement: Uint8Array) => unsignedWith(genuine, statement);
  const list: [string, (cap: number) => Uint8Array | Promise<Uint8Array>][] = [
    [
      'long keys: rotation carrying a policy with a 16 384-character key (F2), unsigned',
      (cap) => rotationFill(cap, longKeyPolicy, unsigned).bundle,
    ],
    [
      'long keys: the same rotation, signed by A only',
      (cap) => signedByA(rotationFill(cap, longKeyPolicy, unsigned).statement),
    ],
    ['long keys: a bundle of 16 384-character keys', (cap) => fill(cap, longKeyBundle)],
    [
      'duplicated timestamps: the TSA token copied to the cap (F3)',
      (cap) => fill(cap, (n) => copies(genuineTsa, n, timestamps)),
    ],
    ['duplicated timestamps: 16 copies (the count cap)', () => copies(genuineTsa, 16, timestamps)],
    ['duplicated tlog entries: the Rekor entry copied to the cap', (cap) => fill(cap, (n) => copies(genuine, n, tlog))],
    ['deep nesting: a bundle of "[" to the cap', (cap) => text('['.repeat(cap))],
    [
      'huge arrays: countersignatures [0,0,...] to the cap',
      (cap) =>
        fill(cap, (n) =>
          text(
            `{"mediaType":"application/vnd.countersign.bundle.v1+json","primary":{},"countersignatures":[${Array(n).fill('0').join(',')}]}`,
          ),
        ),
    ],
    [
      'huge arrays: a statement with subjects to the cap, unsigned',
      (cap) => fill(cap, (n) => manySubjects(genuine, n)),
    ],
    [
      'many countersignatures: 32 by the pinned key, each at its caps, on a genuine primary',
      (cap) => fill(cap, (n) => manyCountersignatures(genuine, keyId, n * 256), 96),
    ],
    [
      'oversized policies: rotation carrying a valid policy at the cap, unsigned',
      (cap) => rotationFill(cap, oversized, unsigned).bundle,
    ],
    [
      'oversized policies: the same, signed by A only',
      (cap) => signedByA(rotationFill(cap, oversized, unsigned).statement),
    ],
  ];
  const out: Family[] = [];
  for (const [name, build] of list)
    out.push({ name, bytes: await build(BUNDLE_CAP), service: await build(MAX_REQUEST_BYTES) });
  return out;
}

/** "rejected: check/code", "pending-countersign" or "verified" (or "error: code"). */
function verdict(result: {
  report: { outcome: string; failure?: { check: string; code: string } };
  error?: { code: string };
}): string {
  if (result.error) return `error: ${result.error.code}`;
  const f = result.report.failure;
  return f ? `${result.report.outcome}: ${f.check}/${f.code}` : result.report.outcome;
}

/** Median milliseconds of `fn` over `runs` runs (after one warm-up), and the last result. */
async function timed<T>(runs: number, fn: () => Promise<T>): Promise<{ ms: number; last: T }> {
  let last = await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    ms.push(performance.now() - t);
  }
  return { ms: median(ms), last };
}

interface Serve {
  url: string;
  stop(): Promise<void>;
}

/** `countersign serve` from the CLI build, as a process, listening on a free loopback port. */
async function startServe(cli: string, args: string[]): Promise<Serve> {
  const proc = spawn(NODE, [cli, 'serve', ...args, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<void>((resolve) => {
    proc.once('exit', () => {
      resolve();
    });
  });
  return new Promise((resolve, reject) => {
    let started = false;
    createInterface({ input: proc.stdout }).on('line', (line) => {
      if (started) return;
      const event = JSON.parse(line) as { event?: string; url?: string };
      if (event.event === 'listening' && event.url) {
        started = true;
        resolve({
          url: event.url,
          stop: async () => {
            proc.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    void exited.then(() => {
      if (!started) reject(new Error(`serve exited before listening: ${stderr}`));
    });
  });
}

/**
 * /healthz latencies (ms), asked one after the other every `everyMs` for `seconds`, from a
 * process of its own (as a load balancer's probe): the bench process, busy sending the hostile
 * requests, would add its own delays.
 */
async function pollHealthz(url: string, everyMs: number, seconds: number): Promise<number[]> {
  const script = `
    const ms = [];
    const end = performance.now() + ${seconds * 1000};
    while (performance.now() < end) {
      const t = performance.now();
      const res = await fetch(${JSON.stringify(`${url}/healthz`)});
      await res.arrayBuffer();
      if (!res.ok) throw new Error('/healthz answered ' + res.status);
      ms.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, ${everyMs}));
    }
    console.log(JSON.stringify(ms));`;
  const r = await timeProcess(NODE, ['--input-type=module', '-e', script]);
  if (r.code !== 0) throw new Error(`bench: the /healthz probe failed: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout) as number[];
}

const pct = (values: number[], q: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

export async function benchAdversarial(options: AdversarialOptions = {}): Promise<Row[]> {
  const quick = options.quick === true;
  const parts = new Set(options.parts ?? ['library', 'cli', 'service']);
  const log = (line: string) => process.stderr.write(`[adversarial] ${line}\n`);
  const flow = await startFlow();
  const dir = await mkdtemp(join(tmpdir(), 'countersign-bench-adversarial-'));
  const rows: Row[] = [];
  try {
    log('building the CLI and the client (Node and browser) from the current sources...');
    const cli = options.cli ?? join(dir, 'cli', 'cli.mjs');
    if (!options.cli) await buildCli(join(dir, 'cli'), ROOT);
    await buildClientNode(join(dir, 'node'), ROOT);
    await buildClientBrowser(join(dir, 'browser'), ROOT);
    const builds: [string, Client][] = [
      ['Node build', (await import(pathToFileURL(join(dir, 'node', 'verify.mjs')).href)) as Client],
      ['browser build', (await import(pathToFileURL(join(dir, 'browser', 'verify.browser.mjs')).href)) as Client],
    ];

    log('signing genuine bundles on the local Sigstore stack...');
    const b = flow.keys.b;
    const policyText = JSON.stringify(
      buildPolicy({
        issuer: flow.stack.description.issuer,
        identity: flow.stack.description.identity,
        githubClaims: flow.stack.sourceRepository,
        trustedRoot: flow.trustedRoot,
        countersigners: [{ name: b.name, organisation: b.organisation, publicKeyPem: b.publicKeyPem }],
        streams: [STREAM],
        kinds: ['binary-digest', 'authority-rotation'],
      }),
      null,
      2,
    );
    const policy = parsePolicy(policyText, 'bench policy');
    const policyFile = join(dir, 'policy.json');
    await writeFile(policyFile, policyText);
    const genuine = await flow.countersign(await flow.sign(flow.statement({ version: 1 })), b, { policy });
    const genuineTsa = await flow.countersign(
      await flow.sign(flow.statement({ version: 1 }), { instance: flow.tsaOnly }),
      b,
      { policy },
    );
    const genuineFile = join(dir, 'genuine.json');
    await writeFile(genuineFile, genuine);

    log('building the hostile inputs...');
    const hostile = await families(flow, genuine, genuineTsa, b.keyId);
    await mkdir(join(dir, 'hostile'));
    const files = await Promise.all(
      hostile.map(async (f, i) => {
        const path = join(dir, 'hostile', `${i}.json`);
        await writeFile(path, f.bytes);
        return { ...f, path };
      }),
    );
    const [f2] = files; // the F2 rotation: 64 times, the chain
    if (!f2) throw new Error('bench: no hostile family');
    const libRuns = quick ? 2 : 7;
    const cliRuns = quick ? 1 : 3;
    const row = (
      family: string,
      surface: string,
      ms: number,
      genuineMs: number,
      outcome: string,
      bytes: number,
    ): Row => ({
      group: 'adversarial',
      name: `${family} [${surface}]`,
      value: ms / genuineMs,
      unit: 'x',
      target: { op: '<=', value: RATIO_TARGET },
      detail: `reject ${fmt(ms, 1)} ms (${outcome}) vs genuine verify ${fmt(genuineMs, 1)} ms; input ${fmt(bytes / 1024, 0)} KiB`,
    });

    // A chain at its caps: as many F2 rotations as the walk's byte cap admits (at most the link cap).
    const chainLinks = Math.min(MAX_ROTATIONS, Math.floor(MAX_ROTATION_CHAIN_BYTES / f2.bytes.length));
    const chainFamily = `rotation chain: ${chainLinks} links (the ${MAX_ROTATION_CHAIN_BYTES / 1024 / 1024} MiB cap), each the F2 rotation`;

    // The library builds: pinPolicy once (as an app does), verifyBundle per bundle.
    for (const [surface, client] of parts.has('library') ? builds : []) {
      log(`${surface}...`);
      const pinned = client.pinPolicy(policyText);
      const verify = (bundle: Uint8Array) => client.verifyBundle({ bundle, policy: pinned });
      const g = await timed(quick ? 5 : 30, () => verify(genuine));
      if (g.last.report.outcome !== 'verified')
        throw new Error(`bench: the genuine bundle did not verify in the ${surface}: ${verdict(g.last)}`);
      for (const f of hostile) {
        const r = await timed(libRuns, () => verify(f.bytes));
        rows.push(row(f.name, surface, r.ms, g.ms, verdict(r.last), f.bytes.length));
      }
      const chain = await timed(libRuns, () =>
        client.followPolicyRotations({
          policy: policyText,
          rotations: Array.from({ length: chainLinks }, () => f2.bytes),
        }),
      );
      const walked = chain.last.outcome === 'rejected' ? `rejected: ${chain.last.failure.code}` : chain.last.outcome;
      rows.push(row(chainFamily, surface, chain.ms, g.ms, walked, chainLinks * f2.bytes.length));
    }

    // The CLI: a process per verification, spawn to exit, as a user (or a gate script) waits.
    log('CLI...');
    const run = async (args: string[]) => {
      const r = await timeProcess(NODE, [cli, ...args]);
      if (r.code !== 0 && r.code !== 1)
        throw new Error(`bench: countersign ${args[0]} exited ${r.code}: ${r.stderr.trim()}`);
      return r;
    };
    const cliMs = async (args: string[]) => {
      await run(args);
      const ms: number[] = [];
      let out = '';
      for (let i = 0; i < cliRuns; i++) {
        const r = await run(args);
        ms.push(r.ms);
        out = r.stdout;
      }
      return { ms: median(ms), out };
    };
    const outcomeOf = (stdout: string) => {
      const report = JSON.parse(stdout) as { outcome: string; failure?: { check: string; code: string } };
      return verdict({ report });
    };
    const gCli = parts.has('cli')
      ? await cliMs(['verify', '--json', '--policy', policyFile, genuineFile])
      : { ms: NaN, out: '' };
    for (const f of parts.has('cli') ? files : []) {
      const r = await cliMs(['verify', '--json', '--policy', policyFile, f.path]);
      rows.push(row(f.name, 'CLI', r.ms, gCli.ms, outcomeOf(r.out), f.bytes.length));
    }
    const out = join(dir, 'updated.json');
    const update = [
      'policy',
      'update',
      '--current',
      policyFile,
      ...Array.from({ length: chainLinks }, () => ['--rotation', f2.path]).flat(),
      '--out',
      out,
    ];
    if (parts.has('cli'))
      rows.push(
        row(
          chainFamily,
          'CLI',
          (await cliMs(update)).ms,
          gCli.ms,
          'policy update refused',
          chainLinks * f2.bytes.length,
        ),
      );

    // B's service: hostile requests from 4 clients while a fifth asks /healthz every 20 ms.
    log('countersign serve under hostile requests...');
    const keyFile = join(dir, 'b.key');
    await writeFile(keyFile, b.privateKeyPem, { mode: 0o600 });
    const serve = parts.has('service')
      ? await startServe(cli, ['--key', keyFile, '--policy', policyFile, '--data', join(dir, 'data')])
      : undefined;
    if (!serve) return rows;
    try {
      const idle = await pollHealthz(serve.url, 20, quick ? 1 : 3);
      // Each family once, alone: how long the service takes to answer it.
      const post = async (body: Uint8Array) => {
        const t = performance.now();
        const res = await fetch(`${serve.url}/v1/countersign`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: new Uint8Array(body),
        });
        await res.arrayBuffer();
        return { status: res.status, ms: performance.now() - t };
      };
      const alone: { name: string; status: number; ms: number }[] = [];
      for (const f of hostile) await post(f.service); // warm-up: the first of each loads code lazily
      for (const f of hostile) alone.push({ name: f.name, ...(await post(f.service)) });
      alone.sort((x, y) => y.ms - x.ms);
      const slowest = alone
        .slice(0, 3)
        .map((a) => `${a.name}: ${a.status} in ${fmt(a.ms, 1)} ms`)
        .join('; ');
      const seconds = quick ? 3 : 15;
      const statuses = new Map<number, number>();
      let sent = 0;
      const deadline = performance.now() + seconds * 1000;
      const attack = Promise.all(
        Array.from({ length: 4 }, async (_, worker) => {
          for (let i = worker; performance.now() < deadline; i += 4) {
            const f = hostile[i % hostile.length] ?? f2;
            const { status } = await post(f.service);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            sent++;
          }
        }),
      );
      const loaded = await pollHealthz(serve.url, 20, seconds);
      await attack;
      const answered = [...statuses]
        .sort(([x], [y]) => x - y)
        .map(([s, n]) => `${n}x ${s}`)
        .join(', ');
      rows.push({
        group: 'adversarial',
        name: 'countersign serve: /healthz p99 while hostile requests arrive',
        value: pct(loaded, 0.99),
        unit: 'ms',
        target: { op: '<=', value: HEALTHZ_TARGET_MS },
        detail: `p50 ${fmt(pct(loaded, 0.5), 1)} ms, max ${fmt(Math.max(...loaded), 1)} ms over ${loaded.length} asks in ${seconds} s; ${sent} hostile requests from 4 clients (every family, within the 1 MiB request cap), answered ${answered}; idle p99 ${fmt(pct(idle, 0.99), 1)} ms; slowest alone: ${slowest}`,
      });
    } finally {
      await serve.stop();
    }
    return rows;
  } finally {
    await flow.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',') as AdversarialOptions['parts'];
  const rows = await benchAdversarial({ quick: process.argv.includes('--quick'), ...(only ? { parts: only } : {}) });
  for (const r of rows)
    console.log(
      `${r.value <= (r.target?.value ?? Infinity) ? 'ok    ' : 'MISSED'} ${fmt(r.value, 2).padStart(7)} ${r.unit.padEnd(2)}  ${r.name}\n         ${r.detail}`,
    );
}

// Shared helpers of the benchmark suite (npm run bench, bench/run.ts): the result row every
// sub-benchmark returns, timing and memory of child processes, medians, and a fixture that
// makes a real countersigned bundle on the local Sigstore stack (src/stack, loopback only).
import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serializeBundle } from '../src/lib/formats/bundle/bundle.ts';
import { buildStatement, serializeStatement } from '../src/lib/formats/statement/statement.ts';
import type { Kind, Subject } from '../src/lib/formats/core/types.ts';
import { countersignBundle } from '../src/lib/flows/countersign/countersign-bundle.ts';
import { generateCountersignerKey, parsePrivateKeyPem } from '../src/lib/basics/crypto/ed25519-keys.ts';
import { seedSigner } from '../src/lib/basics/crypto/signer.ts';
import { buildPolicy, parsePolicy, type Policy } from '../src/lib/formats/policy/index.ts';
import type { PolicyLimits } from '../src/lib/formats/policy/types.ts';
import { instanceFromStackDescription } from '../src/lib/formats/stack/description.ts';
import { signStatement } from '../src/lib/flows/sign/sign.ts';
import { startStack, type Stack } from '../src/stack/index.ts';

/**
 * One line of the results table. `ratio` is the measured figure compared with `target`
 * (`>=` or `<=`); rows without a target are reported only. A sub-benchmark in another file
 * (bench/service.ts: `benchService(): Promise<Row[]>`) returns the same rows.
 */
export interface Row {
  group: string;
  name: string;
  /** The measured figure, e.g. a ratio of medians, or a throughput. */
  value: number;
  unit: string;
  /** e.g. { op: '>=', value: 0.9 }. */
  target?: { op: '>=' | '<='; value: number };
  /** Medians and run counts behind the figure, for results.json and BENCHMARKS.md. */
  detail: string;
}

export const ROOT = new URL('..', import.meta.url).pathname;
/** The CLI measured: the bundled one users run (`--cli PATH` in run.ts measures another build). */
export const settings = { cli: join(ROOT, 'dist/cli.mjs') };
/** The Node 24 binary that runs this suite: children use the same one. */
export const NODE = process.execPath;

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function passes(row: Row): boolean | undefined {
  if (!row.target) return undefined;
  return row.target.op === '>=' ? row.value >= row.target.value : row.value <= row.target.value;
}

export interface ProcessRun {
  ms: number;
  /** Peak resident set size of the child in MiB (from GNU time), or NaN if unavailable. */
  maxRssMiB: number;
  code: number;
  stdout: string;
  stderr: string;
}

let gnuTime: string | undefined | null = null;
async function findGnuTime(): Promise<string | undefined> {
  if (gnuTime !== null) return gnuTime;
  try {
    await readFile('/usr/bin/time');
    gnuTime = '/usr/bin/time';
  } catch {
    gnuTime = undefined;
  }
  return gnuTime;
}

/**
 * Runs a command to completion and measures its wall time (spawn to exit, as a user waits) and,
 * with GNU time, its peak RSS. GNU time adds the same small constant to every command compared.
 */
export async function timeProcess(
  cmd: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; rssFile?: string } = {},
): Promise<ProcessRun> {
  const time = options.rssFile ? await findGnuTime() : undefined;
  const [file, argv] =
    time && options.rssFile ? [time, ['-f', '%M', '-o', options.rssFile, cmd, ...args]] : [cmd, args];
  const started = performance.now();
  const child = spawn(file, argv, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => {
      resolve(c ?? 1);
    });
  });
  const ms = performance.now() - started;
  let maxRssMiB = NaN;
  if (time && options.rssFile) {
    const text = await readFile(options.rssFile, 'utf8').catch(() => '');
    const kib = Number(text.trim().split('\n').pop());
    if (Number.isFinite(kib)) maxRssMiB = kib / 1024;
    await rm(options.rssFile, { force: true });
  }
  return { ms, maxRssMiB, code, stdout, stderr };
}

/** Runs `fn` until `budgetMs` is spent (at least `minRuns` times); returns each run's result. */
export async function repeatFor<T>(
  budgetMs: number,
  minRuns: number,
  maxRuns: number,
  fn: (i: number) => Promise<T>,
): Promise<T[]> {
  const out: T[] = [];
  const started = performance.now();
  while (out.length < maxRuns && (out.length < minRuns || performance.now() - started < budgetMs))
    out.push(await fn(out.length));
  return out;
}

export const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

export const STREAM = 'acme/app:stable';

/** A countersigned bundle made for real: local stack, keyless primary, one countersignature. */
export interface Fixture {
  dir: string;
  policy: Policy;
  policyPath: string;
  bundlePath: string;
  primaryPath: string;
  bundleBytes: Uint8Array;
  primaryBytes: Uint8Array;
  trustedRootPath: string;
  identity: string;
  issuer: string;
  statementBytes: Uint8Array;
}

export interface FixtureOptions {
  subjects?: Subject[];
  kind?: Kind;
  data?: Record<string, unknown>;
  limits?: Partial<PolicyLimits>;
  /** A running stack to reuse (default: one started and closed here). */
  stack?: Stack;
  /** Sign with Fulcio + the TSA only, no Rekor (GitHub's instance does this; the stack's Rekor caps uploads at 1 MiB). */
  tsaOnly?: boolean;
  /** Milliseconds taken by each step, filled in. */
  timings?: Record<string, number>;
}

export async function makeFixture(dir: string, options: FixtureOptions = {}): Promise<Fixture> {
  const stack = options.stack ?? (await startStack({ dir: join(dir, 'stack') }));
  const t = options.timings ?? {};
  const step = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await fn();
    t[name] = performance.now() - started;
    return value;
  };
  try {
    const d = stack.description;
    const trustedRoot = JSON.parse(await readFile(d.trustedRoot, 'utf8')) as Record<string, unknown>;
    const pair = generateCountersignerKey();
    const seed = parsePrivateKeyPem(pair.privateKeyPem, 'bench key').seed;
    const kind = options.kind ?? 'binary-digest';
    const policyJson = buildPolicy({
      issuer: d.issuer,
      identity: d.identity,
      githubClaims: stack.sourceRepository,
      trustedRoot,
      countersigners: [{ name: 'b-release', organisation: 'Org B', publicKeyPem: pair.publicKeyPem }],
      streams: [STREAM],
      kinds: [kind],
      ...(options.limits ? { limits: options.limits } : {}),
    });
    const policyText = JSON.stringify(policyJson);
    const policy = parsePolicy(policyText, 'bench policy');
    const subjects = options.subjects ?? [{ name: 'release/app-linux-amd64', digest: { sha256: 'ab'.repeat(32) } }];
    const statementBytes = await step('build', () =>
      serializeStatement(
        buildStatement({
          kind,
          stream: STREAM,
          version: 1,
          issuedAt: new Date(),
          expiresIn: 30 * 86_400,
          subjects,
          source: { repository: 'acme/app' },
          data: options.data ?? {},
        }),
      ),
    );
    const instance = instanceFromStackDescription(
      { ...d, ...(options.tsaOnly ? { useRekor: false } : {}) },
      'bench stack',
    );
    const primaryJson = await step('sign', () =>
      signStatement(statementBytes, { instance, identityToken: stack.mintToken({ audience: 'sigstore' }), retries: 0 }),
    );
    const primaryBytes = new TextEncoder().encode(`${JSON.stringify(primaryJson)}\n`);
    const countersigned = await step('countersign', () =>
      countersignBundle(primaryBytes, { policy, signer: seedSigner(seed, pair.keyId) }),
    );
    const bundleBytes = new TextEncoder().encode(serializeBundle(countersigned.bundle));
    const f: Fixture = {
      dir,
      policy,
      policyPath: join(dir, 'policy.json'),
      bundlePath: join(dir, 'release.countersigned.json'),
      primaryPath: join(dir, 'primary.sigstore.json'),
      trustedRootPath: join(dir, 'trusted_root.json'),
      bundleBytes,
      primaryBytes,
      identity: d.identity,
      issuer: d.issuer,
      statementBytes,
    };
    await writeFile(f.policyPath, policyText);
    await writeFile(f.bundlePath, bundleBytes);
    await writeFile(f.primaryPath, primaryBytes);
    await writeFile(f.trustedRootPath, JSON.stringify(trustedRoot));
    return f;
  } finally {
    if (!options.stack) await stack.close();
  }
}

// Resource guarantees (issue #6, spec/ATTACKS.md §12): oversized and hostile inputs are
// rejected cleanly, within the caps, with bounded time and peak memory. Each case runs in its
// own child process (peak RSS is per process and only ever grows), builds its input, then
// measures the verification step alone:
//   - a 100 MiB bundle file, read as `countersign verify` reads it;
//   - a 100 MiB bundle handed to the pipeline directly, under the largest policy cap (64 MiB);
//   - a statement with a million subjects (about 95 MB), through the statement parser with
//     the largest caps a policy can set, and a smaller one with more subjects than the cap;
//   - JSON nested 100 000 deep, as a bundle.
//
//   node bench/limits.ts            # all cases, a table
//   node bench/limits.ts --json     # the same as JSON
// bench/run.ts includes these through `benchLimits()`.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseStatement } from '../src/lib/formats/statement/statement.ts';
import { InputError, VerificationError } from '../src/lib/basics/errors/errors.ts';
import { parsePolicy, POLICY_LIMIT_RANGES, type Policy } from '../src/lib/formats/policy/index.ts';
import { runPipeline } from '../src/lib/pipeline/run.ts';
import { readBundleFile } from '../src/cli/io.ts';

const MiB = 1024 * 1024;

export interface LimitResult {
  case: string;
  /** What the verifier answered: a report's check and code, or a typed error's code. */
  result: string;
  /** Input size in bytes. */
  inputBytes: number;
  /** Wall time of the verification step alone. */
  ms: number;
  /** Resident set size after the input was built, before verification (MiB). */
  rssBeforeMiB: number;
  /** Peak resident set size of the whole process (MiB): input building included. */
  peakRssMiB: number;
}

interface Prepared {
  bytes: number;
  step: () => Promise<string>;
}

interface Case {
  name: string;
  /** Builds the input and returns the step to measure. */
  prepare: (dir: string) => Prepared | Promise<Prepared>;
}

function policyWithLimits(limits: Partial<Policy['limits']>): Policy {
  const url = new URL('../spec/vectors/happy-path/policy.json', import.meta.url);
  const policy = parsePolicy(readFileSync(url), 'spec/vectors/happy-path/policy.json');
  return { ...policy, limits: { ...policy.limits, ...limits } };
}

async function pipelineResult(bytes: Uint8Array, policy: Policy): Promise<string> {
  const { report } = await runPipeline(bytes, { policy, what: 'bench bundle' });
  return report.failure ? `${report.outcome}: ${report.failure.check}/${report.failure.code}` : report.outcome;
}

async function typed(step: () => unknown): Promise<string> {
  try {
    await step();
    return 'accepted';
  } catch (err) {
    if (err instanceof InputError || err instanceof VerificationError) return `error: ${err.code}`;
    throw err;
  }
}

/** A bundle-shaped JSON of `size` bytes: one huge string (the worst case for a scanner is a long token). */
function bigBundle(size: number): Uint8Array {
  const head = '{"mediaType":"application/vnd.countersign.bundle.v1+json","primary":{"x":"';
  const tail = '"},"countersignatures":[]}';
  const bytes = new Uint8Array(size).fill(0x61);
  bytes.set(new TextEncoder().encode(head));
  bytes.set(new TextEncoder().encode(tail), size - tail.length);
  return bytes;
}

/** A compact statement with `n` subjects (names of 7 digits). */
function statementWith(n: number): Uint8Array {
  const digest = 'a'.repeat(64);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`{"name":"${String(i).padStart(7, '0')}","digest":{"sha256":"${digest}"}}`);
  const text = `{"_type":"https://in-toto.io/Statement/v1","subject":[${parts.join(',')}],"predicateType":"https://countersign.dev/TrustStatement/v1","predicate":{"kind":"binary-digest","stream":"acme/app:stable","version":1,"issuedAt":"2026-01-01T00:00:00Z","expiresAt":"2026-01-02T00:00:00Z","source":{},"data":{}}}`;
  return new TextEncoder().encode(text);
}

const MAX_BUNDLE = POLICY_LIMIT_RANGES.maxBundleBytes[1];
const MAX_SUBJECTS = POLICY_LIMIT_RANGES.maxSubjects[1];

const CASES: Case[] = [
  {
    name: 'bundle file 100 MiB (verify CLI read)',
    prepare: async (dir) => {
      const path = join(dir, 'big.json');
      await writeFile(path, bigBundle(100 * MiB));
      return { bytes: 100 * MiB, step: () => typed(() => readBundleFile(path)) };
    },
  },
  {
    name: 'bundle 100 MiB in memory (pipeline, cap 64 MiB)',
    prepare: () => {
      const bytes = bigBundle(100 * MiB);
      return {
        bytes: bytes.length,
        step: () => pipelineResult(bytes, policyWithLimits({ maxBundleBytes: MAX_BUNDLE })),
      };
    },
  },
  {
    name: 'bundle 60 MiB, one long string (pipeline, cap 64 MiB)',
    prepare: () => {
      const bytes = bigBundle(60 * MiB);
      return {
        bytes: bytes.length,
        step: () => pipelineResult(bytes, policyWithLimits({ maxBundleBytes: MAX_BUNDLE })),
      };
    },
  },
  {
    name: 'statement with 1 000 000 subjects (caps: 64 MiB, 1 000 000 subjects)',
    prepare: () => {
      const bytes = statementWith(1_000_000);
      return {
        bytes: bytes.length,
        step: () =>
          typed(() => parseStatement(bytes, 'statement', { maxBytes: MAX_BUNDLE, maxSubjects: MAX_SUBJECTS })),
      };
    },
  },
  {
    name: 'statement with 600 000 subjects, 57 MB (caps: 64 MiB, 100 000 subjects)',
    prepare: () => {
      const bytes = statementWith(600_000);
      return {
        bytes: bytes.length,
        step: () => typed(() => parseStatement(bytes, 'statement', { maxBytes: MAX_BUNDLE, maxSubjects: 100_000 })),
      };
    },
  },
  {
    name: 'JSON nested 100 000 deep (pipeline)',
    prepare: () => {
      const bytes = new TextEncoder().encode(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
      return { bytes: bytes.length, step: () => pipelineResult(bytes, policyWithLimits({})) };
    },
  },
];

/** Runs one case in this process and returns its measurement. */
async function measure(name: string): Promise<LimitResult> {
  const c = CASES.find((x) => x.name === name);
  if (!c) throw new Error(`bench/limits: no case ${JSON.stringify(name)}`);
  const dir = await mkdtemp(join(tmpdir(), 'countersign-limits-'));
  try {
    const { bytes, step } = await c.prepare(dir);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const result = await step();
    const ms = performance.now() - started;
    return {
      case: name,
      result,
      inputBytes: bytes,
      ms: Math.round(ms * 10) / 10,
      rssBeforeMiB: Math.round(rssBefore / MiB),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every case, each in a fresh child process (so that each peak RSS is its own). */
export async function benchLimits(): Promise<LimitResult[]> {
  const self = fileURLToPath(import.meta.url);
  const results: LimitResult[] = [];
  for (const c of CASES) {
    const { stdout } = await promisify(execFile)(process.execPath, [self, '--case', c.name], {
      maxBuffer: MiB,
      timeout: 300_000,
    });
    results.push(JSON.parse(stdout) as LimitResult);
  }
  return results;
}

function table(results: LimitResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.case} | ${(r.inputBytes / MiB).toFixed(1)} MiB | ${r.result} | ${r.ms} ms | ${r.rssBeforeMiB} MiB | ${r.peakRssMiB} MiB |`,
  );
  return [
    '| case | input | result | time | RSS before | peak RSS |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--case');
  if (at !== -1) {
    console.log(JSON.stringify(await measure(process.argv[at + 1] ?? '')));
  } else {
    const results = await benchLimits();
    console.log(process.argv.includes('--json') ? JSON.stringify(results, null, 2) : table(results));
  }
}

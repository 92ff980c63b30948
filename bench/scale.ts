// Scale (issue #7): a fleet-key statement with 100 000 keys against one with 10 000, and a
// release of 10 000 files against one of 1 000: build and verify time must grow linearly
// (the large case at most 12x the small one for 10x the items); peak memory is reported.
// Each measurement runs in its own child process (`node bench/scale.ts CASE N DIR`), so
// that its peak RSS is its own: it starts a local stack, builds the statement, signs it
// (Fulcio + TSA: the stack's Rekor caps uploads at 1 MiB), countersigns and verifies, and
// prints its timings as JSON.
//
// The caps: a 100 000-key statement is about 14 MB and its bundle about 19 MB, over the
// default policy limit maxBundleBytes (4 MiB), so the policy here sets it to 64 MiB (the
// largest a policy may); maxSubjects stays at its default of 100 000. The fleet-key list
// parser (parseFleetKeys, `build --kind fleet-key --keys`) caps a list at 1000 keys and
// 1 MiB, so the build measured here starts from parsed keys (fleetKeyStatementParts).
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fleetKeyStatementParts, type FleetKey } from '../src/lib/formats/statement/fleet-keys.ts';
import { collectSubjects } from '../src/lib/formats/subjects/index.ts';
import { runPipeline } from '../src/lib/pipeline/run.ts';
import { trustMaterialOf } from '../src/lib/checks/sigstore/trusted-root.ts';
import { type Row, NODE, fmt, makeFixture, median, timeProcess } from './lib.ts';

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const LIMITS = { maxBundleBytes: 64 * 1024 * 1024 };

interface ChildResult {
  buildMs: number;
  verifyMs: number;
  signMs: number;
  countersignMs: number;
  bundleBytes: number;
  maxRssMiB: number;
}

async function child(kind: 'fleet' | 'files', n: number, dir: string): Promise<ChildResult> {
  const work = await mkdtemp(join(tmpdir(), 'countersign-bench-scale-'));
  try {
    const timings: Record<string, number> = {};
    let verifyArtifacts: () => Promise<{ name: string; digest: { sha256: string } }[] | undefined> = () =>
      Promise.resolve(undefined);
    let fixture;
    if (kind === 'fleet') {
      const started = performance.now();
      const keys: FleetKey[] = Array.from({ length: n }, (_, i) => ({
        id: `hsm-${String(i).padStart(6, '0')}`,
        algorithm: 'ed25519',
        spki: new Uint8Array(Buffer.concat([ED25519_SPKI_PREFIX, randomBytes(32)])),
      }));
      const parts = fleetKeyStatementParts(keys);
      const partsMs = performance.now() - started;
      fixture = await makeFixture(work, {
        kind: 'fleet-key',
        subjects: parts.subjects,
        data: parts.data,
        limits: LIMITS,
        tsaOnly: true,
        timings,
      });
      timings.build = (timings.build ?? 0) + partsMs;
    } else {
      const started = performance.now();
      const subjects = await collectSubjects(['release'], { base: dir });
      const collectMs = performance.now() - started;
      fixture = await makeFixture(work, { subjects, limits: LIMITS, tsaOnly: true, timings });
      timings.build = (timings.build ?? 0) + collectMs;
      // The gate hashes the files again (countersign verify BUNDLE --policy P release/).
      verifyArtifacts = () => collectSubjects(['release'], { base: dir });
    }
    const trust = trustMaterialOf(fixture.policy);
    const started = performance.now();
    const artifacts = await verifyArtifacts();
    const { report } = await runPipeline(fixture.bundleBytes, {
      policy: fixture.policy,
      trust,
      ...(artifacts ? { artifacts } : {}),
    });
    const verifyMs = performance.now() - started;
    if (report.outcome !== 'verified')
      throw new Error(`bench scale: ${kind} ${n} did not verify: ${JSON.stringify(report.failure)}`);
    return {
      buildMs: timings.build,
      verifyMs,
      signMs: timings.sign ?? NaN,
      countersignMs: timings.countersign ?? NaN,
      bundleBytes: fixture.bundleBytes.byteLength,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function makeRelease(dir: string, n: number): Promise<void> {
  // 1 000 files per directory, 1 KiB each: the cost is per file, not per byte.
  for (let i = 0; i < n; i++) {
    const sub = join(dir, 'release', `d${Math.floor(i / 1000)}`);
    if (i % 1000 === 0) await mkdir(sub, { recursive: true });
    await writeFile(join(sub, `f${i}.bin`), randomBytes(1024));
  }
}

/** Runs the child for each size `runs` times and compares the medians. */
export async function benchScale(
  dir: string,
  runs: number,
  sizes: { fleet: [number, number]; files: [number, number] },
): Promise<Row[]> {
  const rows: Row[] = [];
  const releases: Record<number, string> = {};
  for (const n of sizes.files) {
    releases[n] = join(dir, `release-${n}`);
    await makeRelease(releases[n], n);
  }
  try {
    for (const kind of ['fleet', 'files'] as const) {
      const [small, large] = sizes[kind];
      const results: Record<number, ChildResult[]> = { [small]: [], [large]: [] };
      for (let i = 0; i < runs; i++) {
        for (const n of [small, large]) {
          const run = await timeProcess(NODE, [new URL(import.meta.url).pathname, kind, String(n), releases[n] ?? dir]);
          if (run.code !== 0)
            throw new Error(
              `bench scale: ${kind} ${n} exited ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`,
            );
          (results[n] as ChildResult[]).push(JSON.parse(run.stdout) as ChildResult);
        }
      }
      const med = (n: number, key: keyof ChildResult) => median((results[n] as ChildResult[]).map((r) => r[key]));
      const total = (n: number) => med(n, 'buildMs') + med(n, 'verifyMs');
      const what = kind === 'fleet' ? 'fleet-key statement' : 'release of files';
      const describe = (n: number) =>
        `${n}: build ${fmt(med(n, 'buildMs'), 0)} ms, verify ${fmt(med(n, 'verifyMs'), 0)} ms, sign ${fmt(med(n, 'signMs'), 0)} ms, countersign ${fmt(med(n, 'countersignMs'), 0)} ms, bundle ${fmt(med(n, 'bundleBytes') / 1024 / 1024, 1)} MiB, peak RSS ${fmt(Math.max(...(results[n] as ChildResult[]).map((r) => r.maxRssMiB)), 0)} MiB`;
      rows.push({
        group: 'scale',
        name: `${what}: (build + verify) time, ${large} / ${small} items`,
        value: total(large) / total(small),
        unit: 'x',
        target: { op: '<=', value: 12 * (large / small / 10) },
        detail: `${describe(small)}; ${describe(large)} (medians of ${runs} runs, each in its own process)`,
      });
      rows.push({
        group: 'scale',
        name: `${what}: peak RSS with ${large} items`,
        value: Math.max(...(results[large] as ChildResult[]).map((r) => r.maxRssMiB)),
        unit: 'MiB',
        detail: `whole process: local stack, build, sign, countersign and verify`,
      });
    }
  } finally {
    for (const path of Object.values(releases)) await rm(path, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.main) {
  const [kind, n, dir] = process.argv.slice(2);
  if ((kind !== 'fleet' && kind !== 'files') || !n || !dir) {
    console.error('usage: node bench/scale.ts fleet|files N DIR (a child of bench/run.ts)');
    process.exitCode = 2;
  } else {
    console.log(JSON.stringify(await child(kind, Number(n), dir)));
  }
}

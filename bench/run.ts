// `npm run bench`: the performance targets of issue #7, each measured side by side in the same
// run (ratios of medians, because absolute times drift on shared machines), printed as a
// table with the target beside each figure and written to bench/results.json. Exits 1 if a
// target is missed, 2 if a benchmark could not run. Local files and the local Sigstore stack
// only (loopback). BENCHMARKS.md records the latest figures.
//
//   node bench/run.ts [--quick] [--only verify,ed25519,cold,digests,scale,service,startup,limits,adversarial,sign-keys] [--cli PATH]
//
// --quick: small sizes and few runs, to check that the suite works (figures not meaningful).
// --cli: the CLI bundle to measure (default dist/cli.mjs, and for adversarial a fresh build of the
// current sources), e.g. a fresh build in a scratch directory.
import { execFileSync } from 'node:child_process';
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchAdversarial } from './adversarial.ts';
import { benchColdStart, distSizes } from './cold-start.ts';
import { benchDigests } from './digest.ts';
import { ROOT, type Fixture, type Row, fmt, makeFixture, passes, settings } from './lib.ts';
import { benchScale } from './scale.ts';
import { benchServiceStartup } from './service-startup.ts';
import { benchSignKeys } from './sign-keys.ts';
import { benchEd25519, benchVerify } from './verify.ts';

const GROUPS = [
  'verify',
  'ed25519',
  'cold',
  'digests',
  'scale',
  'service',
  'startup',
  'limits',
  'adversarial',
  'sign-keys',
] as const;
type Group = (typeof GROUPS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    cli: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});
if (values.help) {
  console.log(
    'usage: node bench/run.ts [--quick] [--only verify,ed25519,cold,digests,scale,service,startup,limits,adversarial,sign-keys] [--cli PATH (default dist/cli.mjs)]',
  );
  process.exit(0);
}
const only = new Set((values.only?.split(',') ?? GROUPS) as Group[]);
for (const g of only)
  if (!(GROUPS as readonly string[]).includes(g))
    throw new Error(`--only: unknown group ${g}; expected some of ${GROUPS.join(',')}`);
const quick = values.quick;
if (values.cli) settings.cli = resolve(values.cli);
const MiB = 1024 * 1024;

function machine(): Record<string, string | number> {
  const opensslVersion = (() => {
    try {
      return execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim();
    } catch {
      return 'not found';
    }
  })();
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Number((totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    nodeOpenssl: process.versions.openssl,
    openssl: opensslVersion,
    platform: `${process.platform} ${process.arch}`,
  };
}

async function importIfPresent<T>(relative: string): Promise<T | undefined> {
  const path = join(ROOT, relative);
  if (
    !(await access(path).then(
      () => true,
      () => false,
    ))
  )
    return undefined;
  return (await import(path)) as T;
}

/** Rows from another benchmark's result: Row[] as is; a list of cases or a record of figures as report-only rows. */
function foreignRows(group: string, result: unknown): Row[] {
  if (Array.isArray(result) && result.every((r) => typeof r === 'object' && r !== null && 'value' in r && 'group' in r))
    return result as Row[];
  if (Array.isArray(result)) {
    return result.map((r: Record<string, unknown>) => {
      const { case: name, ms, ...rest } = r;
      return {
        group,
        name: String(name),
        value: Number(ms),
        unit: 'ms',
        detail: Object.entries(rest)
          .map(([k, v]) => `${k} ${String(v)}`)
          .join(', '),
      };
    });
  }
  if (typeof result === 'object' && result !== null) {
    return Object.entries(result as Record<string, unknown>).map(([name, value]) => ({
      group,
      name,
      value: Number(value),
      unit: '',
      detail: '',
    }));
  }
  throw new Error(
    `${group}: unexpected result ${result === undefined ? 'undefined' : JSON.stringify(result).slice(0, 200)}`,
  );
}

const rows: Row[] = [];
const errors: string[] = [];
const started = Date.now();
const dir = await mkdtemp(join(tmpdir(), 'countersign-bench-'));
const log = (line: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`);

async function section(name: Group, fn: () => Promise<Row[]>): Promise<void> {
  if (!only.has(name)) return;
  log(`${name}...`);
  try {
    const got = await fn();
    rows.push(...got);
    for (const r of got)
      if (r.target) log(`  ${r.name}: ${fmt(r.value)} ${r.unit} (target ${r.target.op} ${r.target.value})`);
  } catch (err) {
    errors.push(`${name}: ${(err as Error).stack ?? String(err)}`);
    log(`  ${name} FAILED to run: ${(err as Error).message}`);
  }
}

try {
  const needsFixture = only.has('verify') || only.has('cold');
  if (needsFixture) log('making a countersigned bundle on the local Sigstore stack...');
  const fixture = needsFixture
    ? await makeFixture(await mkdir(join(dir, 'fixture')).then(() => join(dir, 'fixture')))
    : undefined;
  // Made whenever the verify or cold section runs.
  const made = (): Fixture => {
    if (!fixture) throw new Error('bench: no fixture');
    return fixture;
  };
  await section('verify', () => benchVerify(made(), quick ? 1500 : 20_000));
  await section('ed25519', () => Promise.resolve(benchEd25519(quick ? 800 : 8000)));
  await section('cold', async () => [...(await benchColdStart(made(), quick ? 3 : 11)), ...(await distSizes())]);
  await section('digests', () =>
    benchDigests(
      quick
        ? { dir, bigBytes: 64 * MiB, manyCount: 8, manyBytes: 16 * MiB, runs: 2 }
        : { dir, bigBytes: 1024 * MiB, manyCount: 8, manyBytes: 256 * MiB, runs: 5 },
    ),
  );
  await section('scale', () =>
    benchScale(
      dir,
      quick ? 1 : 3,
      quick ? { fleet: [1000, 10_000], files: [100, 1000] } : { fleet: [10_000, 100_000], files: [1000, 10_000] },
    ),
  );
  // Other engineers' benchmarks, included when their files are present: the countersigning
  // service (bench/service.ts, issue #4) and the resource caps (bench/limits.ts, issue #6).
  // Their figures are reported as they give them; their targets are checked by their own files.
  await section('service', async () => {
    const mod = await importIfPresent<{
      benchService?: (o?: { requests?: number; concurrency?: number }) => Promise<unknown>;
    }>('bench/service.ts');
    if (!mod) return [];
    if (typeof mod.benchService !== 'function') throw new Error('bench/service.ts does not export benchService()');
    return foreignRows('service', await mod.benchService(quick ? { requests: 20, concurrency: 4 } : {}));
  });
  // Start-up of the service's log with 1 000 000 entries: time and peak RSS (issue 15).
  await section('startup', () =>
    benchServiceStartup(quick ? { entries: 20_000, runs: 1 } : { entries: 1_000_000, runs: 3 }),
  );
  await section('limits', async () => {
    const mod = await importIfPresent<{ benchLimits?: () => Promise<unknown> }>('bench/limits.ts');
    if (!mod) return [];
    if (typeof mod.benchLimits !== 'function') throw new Error('bench/limits.ts does not export benchLimits()');
    return foreignRows('limits', await mod.benchLimits());
  });
  // Hostile inputs at the caps (issue 13 F2/F3): time to reject against a genuine verification,
  // in the CLI, the client's Node and browser builds; /healthz of `countersign serve` meanwhile.
  await section('adversarial', () => benchAdversarial({ quick, ...(values.cli ? { cli: settings.cli } : {}) }));
  // B's key in a PKCS#11 token (SoftHSM2) against a key file (issue 17); skipped without SoftHSM2.
  await section('sign-keys', () => benchSignKeys(quick ? 300 : 3000));
} finally {
  await rm(dir, { recursive: true, force: true });
}

// The table: group, figure, target, verdict.
const verdict = (r: Row) => (passes(r) === undefined ? '' : passes(r) ? 'ok' : 'MISSED');
const lines = rows.map((r) => [
  r.group,
  r.name,
  `${fmt(r.value, r.unit === 'x' ? 2 : r.unit === 'KiB' ? 1 : 0)} ${r.unit}`,
  r.target ? `${r.target.op} ${r.target.value}` : '',
  verdict(r),
]);
const widths = [0, 1, 2, 3].map((i) => Math.max(...lines.map((l) => (l[i] as string).length), 6));
const pad = (l: string[]) => l.map((c, i) => (i < 4 ? c.padEnd(widths[i] as number) : c)).join('  ');
console.log(pad(['group', 'figure', 'value', 'target', '']));
for (const l of lines) console.log(pad(l));
console.log('\ndetails:');
for (const r of rows) if (r.detail) console.log(`  ${r.name}: ${r.detail}`);
for (const e of errors) console.log(`\nERROR ${e}`);

const missed = rows.filter((r) => passes(r) === false);
const results = {
  date: new Date().toISOString(),
  quick,
  cli: settings.cli,
  machine: machine(),
  seconds: Math.round((Date.now() - started) / 1000),
  rows: rows.map((r) => ({ ...r, pass: passes(r) })),
  errors,
};
await writeFile(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `\n${rows.filter((r) => r.target).length - missed.length} of ${rows.filter((r) => r.target).length} targets met${missed.length ? `; MISSED: ${missed.map((r) => r.name).join('; ')}` : ''}${errors.length ? `; ${errors.length} benchmark(s) could not run` : ''}. ${results.seconds} s. bench/results.json written.`,
);
console.log(
  `machine: ${Object.entries(results.machine)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
process.exitCode = errors.length ? 2 : missed.length ? 1 : 0;

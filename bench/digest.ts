// Digests (issue #7): `countersign build` (dist/cli.mjs, a real process) against
// `openssl dgst -sha256` on the same files, side by side: one 1 GiB file (one core: the limit
// is SHA-256 itself), and 8 files of 256 MiB (openssl hashes them one after the other on one
// core; build hashes them in worker threads on every core). Peak RSS of build is measured by
// GNU time. The files are made in a temporary directory (random 16 MiB blocks, varied per
// block; written once, then read from the page cache by every run) and deleted afterwards.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { NODE, type Row, fmt, median, settings, timeProcess } from './lib.ts';

const MiB = 1024 * 1024;

export interface DigestOptions {
  dir: string;
  /** Size of the single large file (default 1 GiB). */
  bigBytes: number;
  /** Number and size of the files of the parallel case (default 8 x 256 MiB). */
  manyCount: number;
  manyBytes: number;
  runs: number;
}

/** Free bytes where `dir` lives (df), or undefined when df is not available. */
export function freeBytes(dir: string): number | undefined {
  try {
    const out = execFileSync('df', ['-Pk', dir], { encoding: 'utf8' });
    const kib = Number(out.trim().split('\n').pop()?.split(/\s+/)[3]);
    return Number.isFinite(kib) ? kib * 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function makeFile(path: string, bytes: number): Promise<void> {
  const block = randomBytes(16 * MiB);
  const handle = await open(path, 'wx', 0o600);
  try {
    for (let written = 0, n = 0; written < bytes; n++) {
      block.writeUInt32LE(n, 0); // every block differs
      const length = Math.min(block.length, bytes - written);
      await handle.write(block, 0, length);
      written += length;
    }
  } finally {
    await handle.close();
  }
}

export async function benchDigests(o: DigestOptions): Promise<Row[]> {
  const needed = o.bigBytes + o.manyCount * o.manyBytes;
  const free = freeBytes(o.dir);
  if (free !== undefined && free < needed + 1024 * MiB) {
    throw new Error(
      `bench digests: ${fmt(needed / MiB / 1024)} GiB of test files need more free space than the ${fmt(free / MiB / 1024)} GiB in ${o.dir} (keeping 1 GiB spare); use --quick`,
    );
  }
  const data = join(o.dir, 'digest-data');
  try {
    await rm(data, { recursive: true, force: true });
    await mkdir(data);
    await makeFile(join(data, 'big.bin'), o.bigBytes);
    const many: string[] = [];
    for (let i = 0; i < o.manyCount; i++) {
      const name = `part-${i}.bin`;
      await makeFile(join(data, name), o.manyBytes);
      many.push(name);
    }
    const openssl = (files: string[]) => timeProcess('openssl', ['dgst', '-sha256', ...files], { cwd: data });
    const build = (files: string[], out: string) =>
      timeProcess(
        NODE,
        [
          settings.cli,
          'build',
          '--kind',
          'binary-digest',
          '--stream',
          'acme/app:stable',
          '--version',
          '1',
          '--out',
          join(o.dir, out),
          ...files,
        ],
        {
          cwd: data,
          rssFile: join(o.dir, 'rss-build'),
        },
      );
    // The control: openssl on two cores (two processes, half the files each). It says what
    // parallelism the machine really offers during the run (other load shares the cores).
    const opensslTwoCores = async (files: string[]) => {
      const started = performance.now();
      const half = Math.ceil(files.length / 2);
      const runs = await Promise.all([openssl(files.slice(0, half)), openssl(files.slice(half))]);
      if (runs.some((r) => r.code !== 0)) throw new Error('bench digests: openssl failed');
      return performance.now() - started;
    };
    const compare = async (files: string[], label: string) => {
      const twoMs: number[] = [];
      const sslMs: number[] = [];
      const buildMs: number[] = [];
      const rss: number[] = [];
      for (let i = 0; i < o.runs + 1; i++) {
        const a = await openssl(files);
        if (a.code !== 0) throw new Error(`bench digests: openssl exited ${a.code}: ${a.stderr.trim()}`);
        await rm(join(o.dir, `${label}.statement.json`), { force: true });
        const b = await build(files, `${label}.statement.json`);
        if (b.code !== 0) throw new Error(`bench digests: countersign build exited ${b.code}: ${b.stderr.trim()}`);
        const two = files.length > 1 ? await opensslTwoCores(files) : NaN;
        // Round 0 fills the page cache for both; it is not counted.
        if (i > 0) {
          sslMs.push(a.ms);
          buildMs.push(b.ms);
          rss.push(b.maxRssMiB);
          twoMs.push(two);
        }
      }
      return {
        ssl: median(sslMs),
        build: median(buildMs),
        two: median(twoMs),
        rss: Math.max(...rss),
        runs: sslMs.length,
      };
    };
    const one = await compare(['big.bin'], 'big');
    const par = await compare(many, 'many');
    const gib = (b: number) => `${fmt(b / MiB / 1024, 2)} GiB`;
    const mbps = (bytes: number, ms: number) => `${fmt(bytes / MiB / (ms / 1000), 0)} MiB/s`;
    return [
      {
        group: 'digests',
        name: `build / openssl dgst -sha256 throughput, one ${gib(o.bigBytes)} file`,
        value: one.ssl / one.build,
        unit: 'x',
        target: { op: '>=', value: 0.9 },
        detail: `median build ${fmt(one.build, 0)} ms (${mbps(o.bigBytes, one.build)}, whole process) vs openssl ${fmt(one.ssl, 0)} ms (${mbps(o.bigBytes, one.ssl)}), ${one.runs} runs each`,
      },
      {
        group: 'digests',
        name: `build (worker threads) / single-core openssl, ${o.manyCount} x ${fmt(o.manyBytes / MiB, 0)} MiB`,
        value: par.ssl / par.build,
        unit: 'x',
        target: { op: '>=', value: 1.6 },
        detail: `median build ${fmt(par.build, 0)} ms (${mbps(o.manyCount * o.manyBytes, par.build)}) vs openssl ${fmt(par.ssl, 0)} ms (${mbps(o.manyCount * o.manyBytes, par.ssl)}), ${par.runs} runs each`,
      },
      {
        group: 'digests',
        name: `control: openssl in 2 processes / single-core openssl, ${o.manyCount} files`,
        value: par.ssl / par.two,
        unit: 'x',
        detail: `median ${fmt(par.two, 0)} ms: the parallel speed-up the machine offered during the run (2.0 on 2 idle cores); below 1.6 the target above cannot be met`,
      },
      {
        group: 'digests',
        name: 'build peak RSS (max over all runs)',
        value: Math.max(one.rss, par.rss),
        unit: 'MiB',
        target: { op: '<=', value: 100 },
        detail: `one file ${fmt(one.rss, 0)} MiB, ${o.manyCount} files ${fmt(par.rss, 0)} MiB (GNU time, maximum resident set size)`,
      },
    ];
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}

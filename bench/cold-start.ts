// Cold start (issue #7): `countersign verify` as a process, spawn to exit, against a minimal
// Node script that imports @sigstore/verify and verifies the same primary bundle
// (bench/bare-verify.mjs). Both the bundled CLI (dist/cli.mjs, what users run) and the
// sources (src/cli/main.ts, type-stripped at load) are measured; runs alternate so that drift
// on a shared machine hits all sides alike. Also reports the size of every dist/ file.
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Fixture, NODE, ROOT, type Row, fmt, median, settings, timeProcess } from './lib.ts';

export async function benchColdStart(f: Fixture, runs: number): Promise<Row[]> {
  const sides = {
    bare: [join(ROOT, 'bench/bare-verify.mjs'), f.primaryPath, f.trustedRootPath, f.identity, f.issuer],
    dist: [settings.cli, 'verify', f.bundlePath, '--policy', f.policyPath],
    src: [join(ROOT, 'src/cli/main.ts'), 'verify', f.bundlePath, '--policy', f.policyPath],
  };
  const ms: Record<keyof typeof sides, number[]> = { bare: [], dist: [], src: [] };
  const rss: Record<keyof typeof sides, number[]> = { bare: [], dist: [], src: [] };
  for (let i = 0; i < runs + 1; i++) {
    for (const side of Object.keys(sides) as (keyof typeof sides)[]) {
      const run = await timeProcess(NODE, sides[side], { rssFile: join(f.dir, `rss-${side}`) });
      if (run.code !== 0)
        throw new Error(`bench cold start: ${side} exited ${run.code}: ${run.stderr.trim() || run.stdout.trim()}`);
      // The first round only warms the page cache and the compile cache.
      if (i > 0) {
        ms[side].push(run.ms);
        rss[side].push(run.maxRssMiB);
      }
    }
  }
  const bare = median(ms.bare);
  const row = (side: 'dist' | 'src', name: string, target?: Row['target']): Row => ({
    group: 'cold start',
    name,
    value: median(ms[side]) / bare,
    unit: 'x',
    ...(target ? { target } : {}),
    detail: `median ${fmt(median(ms[side]), 1)} ms vs bare @sigstore/verify ${fmt(bare, 1)} ms (${runs} runs each); peak RSS ${fmt(median(rss[side]), 0)} vs ${fmt(median(rss.bare), 0)} MiB`,
  });
  return [
    row(
      'dist',
      `countersign verify (${settings.cli.startsWith(ROOT) ? settings.cli.slice(ROOT.length) : settings.cli}) / bare @sigstore/verify script`,
      { op: '<=', value: 1.3 },
    ),
    row('src', 'countersign verify (src/cli/main.ts) / bare script'),
  ];
}

/** Every file of the measured CLI build (dist/ by default), with its size: reported, no target. */
export async function distSizes(): Promise<Row[]> {
  const base = dirname(settings.cli);
  const rows: Row[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else
        rows.push({
          group: 'dist size',
          name: `dist/${path.slice(base.length + 1)}`,
          value: (await stat(path)).size / 1024,
          unit: 'KiB',
          detail: '',
        });
    }
  };
  await walk(base);
  rows.sort((a, b) => b.value - a.value);
  const total = rows.reduce((sum, r) => sum + r.value, 0);
  return [
    { group: 'dist size', name: `dist/ total (${rows.length} files)`, value: total, unit: 'KiB', detail: '' },
    ...rows,
  ];
}

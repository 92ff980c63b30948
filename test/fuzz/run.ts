// `npm run fuzz`: the fuzz properties of test/fuzz/*.test.ts with a larger budget and a fresh
// seed (printed first, so that a failure can be replayed with the same --seed).
//
//   npm run fuzz                         # scale 25, random seed
//   npm run fuzz -- --scale 100 --seed 42
//   npm run fuzz -- --file parsers       # one property file
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '25' },
    seed: { type: 'string' },
    file: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(
    "usage: npm run fuzz -- [--scale N] [--seed N] [--file NAME...]\n\nRuns test/fuzz/*.test.ts with every property's number of runs multiplied by N (default 25).",
  );
  process.exit(0);
}
const scale = Number(values.scale);
if (!Number.isFinite(scale) || scale <= 0) {
  console.error(`fuzz: --scale: expected a positive number, found ${JSON.stringify(values.scale)}`);
  process.exit(2);
}
const seed = values.seed ?? String(randomInt(0, 2 ** 31 - 1));
const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) => !values.file || values.file.some((name) => f.startsWith(name)))
  .map((f) => join(dir, f));
if (files.length === 0) {
  console.error(`fuzz: no property file matches ${JSON.stringify(values.file)}`);
  process.exit(2);
}
console.log(
  `fuzz: seed ${seed}, scale ${scale}, ${files.length} file(s); replay with: npm run fuzz -- --seed ${seed} --scale ${scale}`,
);
const started = Date.now();
const child = spawn(process.execPath, ['--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_SCALE: String(scale) },
});
child.on('exit', (code, signal) => {
  console.log(
    `fuzz: ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${seed}, scale ${scale})`,
  );
  process.exit(code ?? (signal ? 1 : 0));
});

// The fuzzing budget (spec/ATTACKS.md §Fuzzing). `npm test` runs every property with a FIXED
// seed and a small number of runs (the whole fuzz suite stays under about a minute on two
// cores); `npm run fuzz` (test/fuzz/run.ts) sets FUZZ_SCALE and FUZZ_SEED to run the same
// properties with a larger budget and a fresh seed, printed so that a failure can be replayed:
//   FUZZ_SEED=<seed> FUZZ_SCALE=1 node --test test/fuzz/<file>.test.ts
import type { Parameters } from 'fast-check';

/** The seed of `npm test`: fixed, so the suite is deterministic. */
export const DEFAULT_SEED = 0x5eed_6;

export function fuzzSeed(): number {
  const raw = process.env.FUZZ_SEED;
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`FUZZ_SEED: expected an integer, found ${JSON.stringify(raw)}`);
  return n;
}

/** Multiplies every property's number of runs (1 in `npm test`). */
export function fuzzScale(): number {
  const raw = process.env.FUZZ_SCALE;
  const n = raw === undefined || raw === '' ? 1 : Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`FUZZ_SCALE: expected a positive number, found ${JSON.stringify(raw)}`);
  return n;
}

/** fast-check parameters for a property with `runs` runs at scale 1. */
export function budget<T>(runs: number): Parameters<T> {
  return { seed: fuzzSeed(), numRuns: Math.max(1, Math.round(runs * fuzzScale())), endOnFailure: true };
}

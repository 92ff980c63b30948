// Evaluates one spec/vectors case folder (layout: spec/vectors/README.md). Shared by the
// generator's self-check (scripts/gen-vectors.ts) and test/lib/pipeline/vectors.test.ts, so both judge a
// case the same way.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { collectSubjects } from '../src/lib/formats/subjects/index.ts';
import { VerificationError } from '../src/lib/basics/errors/errors.ts';
import { parsePolicy } from '../src/lib/formats/policy/index.ts';
import { followRotations, policyDocument } from '../src/lib/flows/rotation/index.ts';
import { runPipeline } from '../src/lib/pipeline/run.ts';
import type { VerificationReport } from '../src/lib/pipeline/report.ts';
import { parseState } from '../src/lib/formats/state/state.ts';

export interface VectorExpected {
  outcome: 'verified' | 'rejected' | 'pending-countersign';
  check: string | null;
  code: string | null;
  verifyAt: string;
  description: string;
}

export interface VectorResult {
  report: VerificationReport;
  /** The deciding check: the first failure, or for a pending outcome the pending check. */
  decided: { check: string | null; code: string | null };
}

export async function evaluateVectorCase(dir: string, label: string, expected: VectorExpected): Promise<VectorResult> {
  const names = await readdir(dir);
  let policy = parsePolicy(await readFile(join(dir, 'policy.json')), `${label}/policy.json`);
  const state = names.includes('state.json')
    ? parseState(await readFile(join(dir, 'state.json')), `${label}/state.json`)
    : undefined;
  // rotations/: follow the chain from policy.json first, as `policy update` does
  // (spec/ROTATION.md §5); a refused rotation decides the case at the `rotation` step.
  if (names.includes('rotations')) {
    const files = (await readdir(join(dir, 'rotations'))).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
    const rotations = await Promise.all(
      files.map(async (f) => ({
        bytes: new Uint8Array(await readFile(join(dir, 'rotations', f))),
        what: `${label}/rotations/${f}`,
      })),
    );
    try {
      const walk = await followRotations(
        policyDocument(new Uint8Array(await readFile(join(dir, 'policy.json'))), `${label}/policy.json`),
        rotations,
        { now: new Date(expected.verifyAt), ...(state ? { state } : {}) },
      );
      policy = walk.result.policy;
    } catch (err) {
      if (!(err instanceof VerificationError)) throw err;
      const failure = {
        check: 'rotation' as VerificationReport['checks'][number]['check'],
        code: err.code,
        message: err.message,
      };
      return { report: { outcome: 'rejected', checks: [], failure }, decided: { check: 'rotation', code: err.code } };
    }
  }
  // Subject names are relative to artifacts/ itself (spec/vectors/README.md).
  const artifacts = names.includes('artifacts')
    ? await collectSubjects(['.'], { base: join(dir, 'artifacts') })
    : undefined;
  const bundle = new Uint8Array(await readFile(join(dir, 'bundle.json')));
  const { report } = await runPipeline(bundle, {
    policy,
    state,
    artifacts,
    now: new Date(expected.verifyAt),
    what: `${label}/bundle.json`,
  });
  const decided = report.failure ?? report.checks.find((c) => c.result === 'pending');
  return { report, decided: { check: decided?.check ?? null, code: decided?.code ?? null } };
}

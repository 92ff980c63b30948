// The spec/vectors cases as a client app would hold them: bytes in memory (no paths), with
// the same expectations as test/lib/pipeline/vectors.test.ts. Shared by the client library's tests in
// Node (test/client/verify.test.ts, test/client/browser-build.test.ts) and in Chromium (test/client/browser/).
// A case with rotations/ runs as an app pinned to policy.json would: followPolicyRotations
// first, then verifyBundle under the policy it returns (spec/vectors/README.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  FollowPolicyRotationsResult,
  VerifyBundleResult,
  followPolicyRotations,
  verifyBundle,
} from '../../src/client/index.ts';
import type { VerificationReport } from '../../src/lib/pipeline/report.ts';
import type { VectorExpected } from '../../tools/vector-case.ts';

export const VECTORS_DIR = fileURLToPath(new URL('../../spec/vectors/', import.meta.url));

export interface ClientVectorCase {
  name: string;
  expected: VectorExpected;
  bundle: Uint8Array;
  policy: Uint8Array;
  trustedRoot: Uint8Array;
  state?: Uint8Array;
  /** The files of artifacts/, named relative to it (spec/vectors/README.md). */
  artifacts?: { name: string; bytes: Uint8Array }[];
  /** The bundles of rotations/ in numeric order, named `<case>/rotations/<file>` as tools/vector-case.ts names them. */
  rotations?: { name: string; bytes: Uint8Array }[];
}

/** What the deciding check was, as tools/vector-case.ts reads it from a report. */
export interface Verdict {
  outcome: string;
  check: string | null;
  code: string | null;
  message?: string;
}

export function loadClientVectors(): ClientVectorCase[] {
  return readdirSync(VECTORS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const dir = join(VECTORS_DIR, name);
      const files = readdirSync(dir);
      const read = (f: string) => new Uint8Array(readFileSync(join(dir, f)));
      const c: ClientVectorCase = {
        name,
        expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as VectorExpected,
        bundle: read('bundle.json'),
        policy: read('policy.json'),
        trustedRoot: read('trusted_root.json'),
      };
      if (files.includes('state.json')) c.state = read('state.json');
      if (files.includes('artifacts')) c.artifacts = walk(join(dir, 'artifacts'));
      if (files.includes('rotations')) {
        c.rotations = readdirSync(join(dir, 'rotations'))
          .sort((a, b) => parseInt(a, 10) - parseInt(b, 10))
          .map((f) => ({ name: `${name}/rotations/${f}`, bytes: read(join('rotations', f)) }));
      }
      return c;
    });
}

function walk(base: string): { name: string; bytes: Uint8Array }[] {
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((path) => ({ name: relative(base, path).split(sep).join('/'), bytes: new Uint8Array(readFileSync(path)) }));
}

/** The two calls a case needs, from whichever build of the client is under test. */
export interface ClientLibrary {
  verifyBundle: typeof verifyBundle;
  followPolicyRotations: typeof followPolicyRotations;
}

export interface ClientCaseResult extends VerifyBundleResult {
  /** For a case with rotations/: what followPolicyRotations returned. */
  followed?: FollowPolicyRotationsResult;
}

/**
 * Runs a case as an app would: with rotations/, follow them from policy.json (at verifyAt,
 * with state.json) and verify the bundle under the policy returned, with the state returned;
 * a refused chain decides the case at the `rotation` step, reported exactly as
 * tools/vector-case.ts reports it (so the two reports can be compared whole).
 */
export async function runClientCase(lib: ClientLibrary, c: ClientVectorCase): Promise<ClientCaseResult> {
  const now = new Date(c.expected.verifyAt);
  let policy: Uint8Array = c.policy;
  let state: Uint8Array | string | null = c.state ?? null;
  let followed: FollowPolicyRotationsResult | undefined;
  if (c.rotations) {
    followed = await lib.followPolicyRotations({ policy: c.policy, rotations: c.rotations, state, now });
    if (followed.outcome === 'rejected') {
      const failure = {
        check: 'rotation' as VerificationReport['checks'][number]['check'],
        code: followed.failure.code,
        message: followed.failure.message,
      };
      return { report: { outcome: 'rejected', checks: [], failure }, followed };
    }
    if (followed.outcome === 'error')
      return { report: { outcome: 'error', checks: [] }, error: followed.error, followed };
    policy = followed.policy;
    state = followed.newState;
  }
  const result = await lib.verifyBundle({
    bundle: c.bundle,
    policy,
    // trusted_root.json is policy.json's root: after a rotation, the new policy embeds its own.
    ...(c.rotations ? {} : { trustedRoot: c.trustedRoot }),
    state,
    now,
    what: `${c.name}/bundle.json`,
    ...(c.artifacts ? { artifacts: c.artifacts } : {}),
    // The stream an app asks about when its policy allows more than one (spec/vectors/README.md);
    // under a policy of one stream, nothing is asked.
    ...(streamsOf(policy) > 1 ? { expect: { stream: expectedStreamOf(c) } } : {}),
  });
  return followed ? { ...result, followed } : result;
}

/**
 * The stream a verifier expects for a case's bundle.json (spec/vectors/README.md): a
 * `rotation*` case without rotations/ verifies an authority rotation itself (the rotation
 * statements' stream), every other case a release.
 */
export function expectedStreamOf(c: Pick<ClientVectorCase, 'name' | 'rotations'>): string {
  return c.name.startsWith('rotation') && !c.rotations ? 'acme/app:policy' : 'acme/app:stable';
}

function streamsOf(policy: Uint8Array): number {
  const { streams } = JSON.parse(new TextDecoder().decode(policy)) as { streams?: unknown };
  return Array.isArray(streams) ? streams.length : 0;
}

/** The verdict of a report: its outcome and the first failing (or the pending) check. */
export function verdictOf(report: {
  outcome: string;
  failure?: { check: string; code: string; message: string };
  checks: { check: string; result: string; code?: string; message: string }[];
}): Verdict {
  const decided = report.failure ?? report.checks.find((c) => c.result === 'pending');
  return {
    outcome: report.outcome,
    check: decided?.check ?? null,
    code: decided?.code ?? null,
    ...(decided ? { message: decided.message } : {}),
  };
}

/** Differences between a verdict and a case's expected.json, as readable lines (empty when it matches). */
export function mismatches(name: string, got: Verdict, expected: VectorExpected): string[] {
  const detail = got.message ? ` (${got.message})` : '';
  const out: string[] = [];
  if (got.outcome !== expected.outcome)
    out.push(`${name}: outcome ${got.outcome}, expected ${expected.outcome}${detail}`);
  if (got.check !== expected.check)
    out.push(`${name}: deciding check ${got.check}, expected ${expected.check}${detail}`);
  if (got.code !== expected.code) out.push(`${name}: code ${got.code}, expected ${expected.code}${detail}`);
  return out;
}

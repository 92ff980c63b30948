// The spec/vectors cases as a client app would hold them: bytes in memory (no paths), with
// the same expectations as test/vectors.test.ts. Shared by the client library's tests in
// Node (test/client.test.ts, test/client-browser-build.test.ts) and in Chromium (test/browser/).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VectorExpected } from './vector-case.ts';

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
}

/** What the deciding check was, as test/helpers/vector-case.ts reads it from a report. */
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
    // Cases with rotations/ follow a chain of authority rotations before verifying
    // (spec/ROTATION.md §5): not a single verifyBundle call, so left to the client's own
    // rotation API once it has one (test/vectors.test.ts covers them meanwhile).
    .filter((name) => !existsSync(join(VECTORS_DIR, name, 'rotations')))
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

/** The verdict of a report: its outcome and the first failing (or the pending) check. */
export function verdictOf(report: { outcome: string; failure?: { check: string; code: string; message: string }; checks: { check: string; result: string; code?: string; message: string }[] }): Verdict {
  const decided = report.failure ?? report.checks.find((c) => c.result === 'pending');
  return { outcome: report.outcome, check: decided?.check ?? null, code: decided?.code ?? null, ...(decided ? { message: decided.message } : {}) };
}

/** Differences between a verdict and a case's expected.json, as readable lines (empty when it matches). */
export function mismatches(name: string, got: Verdict, expected: VectorExpected): string[] {
  const detail = got.message ? ` (${got.message})` : '';
  const out: string[] = [];
  if (got.outcome !== expected.outcome) out.push(`${name}: outcome ${got.outcome}, expected ${expected.outcome}${detail}`);
  if (got.check !== expected.check) out.push(`${name}: deciding check ${got.check}, expected ${expected.check}${detail}`);
  if (got.code !== expected.code) out.push(`${name}: code ${got.code}, expected ${expected.code}${detail}`);
  return out;
}

// For a client that downloads one file of a release rather than all of them: the pipeline's
// subjects check (docs/design.md §4 step 6) wants every subject present, which is the gate's rule; a
// client that fetched only its own platform's binary asks instead whether that one file is a
// subject of a verified statement, by exact name and SHA-256.
//
// It takes the whole result of verifyBundle, not the report alone (issue 13 finding 8): the
// result says which stream (and kind) the bundle was checked against, and a statement of any
// other stream is never this app's release, whatever its report says.
import { InputError } from '../lib/basics/errors/errors.ts';
import type { VerifyBundleResult } from './verify.ts';
import { type ArtifactInput, digestOf } from './inputs.ts';

/**
 * True only if `result` (what verifyBundle returned) is "verified", its statement is of the
 * stream (and kind) the verification expected, and the statement lists a subject with exactly
 * this name and this SHA-256. Never throws: anything else, a malformed artifact included, is false.
 */
export function isVerifiedSubject(result: VerifyBundleResult, artifact: ArtifactInput): boolean {
  // Typed for the app, not trusted: JavaScript callers pass anything, and anything is false.
  const given: unknown = result;
  const file: unknown = artifact;
  if (!isObject(given) || !isObject(given.report) || given.report.outcome !== 'verified') return false;
  const { statement } = given.report;
  const { expected } = given;
  if (
    !isObject(statement) ||
    !Array.isArray(statement.subjects) ||
    !isObject(expected) ||
    typeof expected.stream !== 'string'
  )
    return false;
  if (statement.stream !== expected.stream || (expected.kind !== undefined && statement.kind !== expected.kind))
    return false;
  if (!isObject(file) || typeof file.name !== 'string') return false;
  let digest: string;
  try {
    digest = `sha256:${digestOf(file as ArtifactInput, 'artifact')}`;
  } catch (err) {
    if (err instanceof InputError) return false;
    throw err;
  }
  const { name } = file;
  return statement.subjects.some((s: unknown) => isObject(s) && s.name === name && s.digest === digest);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

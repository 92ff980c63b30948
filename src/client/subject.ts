// For a client that downloads one file of a release rather than all of them: the pipeline's
// subjects check (docs/design.md §4 step 6) wants every subject present, which is the gate's rule; a
// client that fetched only its own platform's binary asks instead whether that one file is a
// subject of a verified statement, by exact name and SHA-256.
import { InputError } from '../lib/basics/errors/errors.ts';
import type { VerificationReport } from '../lib/pipeline/report.ts';
import { type ArtifactInput, digestOf } from './inputs.ts';

/**
 * True only if the report's outcome is "verified" and its statement lists a subject with
 * exactly this name and this SHA-256. Throws InputError for a malformed artifact argument.
 */
export function isVerifiedSubject(report: VerificationReport, artifact: ArtifactInput): boolean {
  if (typeof artifact !== 'object' || artifact === null || typeof artifact.name !== 'string') throw new InputError('artifacts-malformed', 'artifact: expected { name, bytes } or { name, sha256 }');
  const digest = `sha256:${digestOf(artifact, 'artifact')}`;
  if (report.outcome !== 'verified' || !report.statement) return false;
  return report.statement.subjects.some((s) => s.name === artifact.name && s.digest === digest);
}

// "What to do next" on a blocked release: people read the job summary when the gate fails,
// so each failing check (and the most common codes, spec/FORMAT.md §9) gets a plain advice.
import type { VerificationReport } from '../lib/pipeline/report.ts';
import { type ErrorCode, isErrorCode } from '../lib/basics/errors/codes.ts';

const PRIMARY_IDENTITY =
  'The primary was signed by another workflow or ref than the policy pins. Sign from the pinned workflow (and ref), or update the policy through a rotation.';

const BY_CODE: Partial<Record<ErrorCode, string>> = {
  'countersignature-missing':
    "Organisation B has not countersigned this bundle yet. Send the primary to B (the countersign step with countersign-url, or B's own workflow, examples/workflows/countersigner.yml) and verify the bundle B returns.",
  'countersignature-unpinned-key':
    'A countersignature was made with a key the policy does not pin. Either B signed with the wrong key, or B rotated its key and the policy has not been updated yet (an authority-rotation bundle changes the policy). Do not add the key to the policy without B confirming it out of band.',
  'countersignature-binding':
    'A countersignature does not bind this bundle: it was made over another primary signature, statement, stream or version (a transplanted or stale countersignature). Ask B to countersign this very primary again.',
  'countersignature-signature':
    'A countersignature does not verify under its pinned key: the bundle was altered after B signed, or it was forged. Rebuild from the original files and ask B again.',
  'countersignature-threshold':
    'Too few distinct organisations countersigned. The policy requires more countersigners: collect the missing ones (see "missing" in the report).',
  'countersignature-key-expired':
    "The countersigner's key has expired in the policy. B must countersign with its current key; rotate the policy if B's key changed.",
  'countersignature-key-not-yet-valid':
    "The countersigner's key is not valid yet according to the policy. Check the key's validFrom, or wait.",
  'countersignature-time':
    "The countersignature's signing time is outside what the primary's timestamp allows (or in the future): check B's clock, and ask B to countersign again.",
  'countersignature-duplicate': 'The same key countersigned twice: a countersigner counts once. Remove the duplicate.',
  'primary-identity': PRIMARY_IDENTITY,
  'primary-issuer': 'The primary was signed with an OIDC token from another issuer than the policy pins.',
  'primary-claim':
    "A GitHub claim of the signing certificate (repository, owner, ref, runner environment) differs from the policy's pinned value.",
  'primary-source-repository':
    'The primary was signed by the pinned workflow, but run from another repository than the policy pins (a repository that calls the workflow as a reusable workflow, or a re-registered name). Sign from the pinned repository; never widen the pin to let the release through.',
  'statement-expired': 'The statement has expired. Build, sign and countersign a new one (a new version).',
  'statement-rollback':
    'This version is older than the last one accepted for the stream (a rollback). Publish a newer version; never re-publish an old bundle.',
  'statement-version-reused':
    'This version was already accepted for a different statement. Every new statement needs a new, higher version.',
  'statement-stream': "The stream is not allowed by the policy. Check the stream input, or the policy's streams.",
  'statement-kind': "The kind is not allowed by the policy. Check the kind input, or the policy's kinds.",
  'statement-stream-unexpected':
    'The bundle is of another stream than the one this step expects (its stream input): the wrong bundle, or an old release of another stream replayed. Verify a bundle of this stream.',
  'statement-kind-unexpected':
    'The bundle is of another kind than the one this step expects (its kind input). Verify a bundle of this kind.',
  'subject-digest':
    'A file differs from what was signed. Do not modify release files after the build step; rebuild and sign again if they had to change.',
  'subject-missing':
    'A signed file is missing from subject-path. Check the pattern, and that every release file is present.',
  'subject-unexpected-file':
    'A file matched by subject-path was not signed. Narrow subject-path to the release files, or sign them too.',
};

const BY_CHECK: Record<string, string> = {
  parse:
    "The bundle is malformed, of an unknown version, or over the policy's size limits. Make sure the bundle input is the file the countersign step wrote.",
  primary:
    "The Sigstore signature does not verify against the trusted root pinned in the policy. Check that the sigstore input (public-good or github) matches the policy's trustedRoot, and that the bundle was not altered.",
  'primary-identity': PRIMARY_IDENTITY,
  countersignatures: 'The countersignatures do not satisfy the policy. See the row above for the reason.',
  statement: 'The statement is not acceptable under the policy (kind, stream, time or version). See the row above.',
  subjects: 'The files do not match the signed subjects. See the row above.',
};

export function nextSteps(report: VerificationReport): string | undefined {
  if (report.outcome === 'verified') return undefined;
  const pending = report.checks.find((c) => c.result === 'pending');
  const code = report.failure?.code ?? pending?.code;
  const advice = isErrorCode(code) ? BY_CODE[code] : undefined;
  if (advice) return advice;
  const check = report.failure?.check;
  return (
    (check && BY_CHECK[check]) ||
    "Read the failing check above; the verify step's JSON report (output `report`) has every detail."
  );
}

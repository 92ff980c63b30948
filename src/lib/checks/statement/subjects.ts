// Check 6 of the pipeline (docs/design.md §4): when files are given, every file's name and digest is a
// subject of the statement, and every subject is among the files. Names compare exactly
// (they were normalised when the statement was built and when the files were collected).
import type { Subject } from '../../formats/core/types.ts';
import { VerificationError } from '../../basics/errors/errors.ts';

export function compareSubjects(subjects: readonly Subject[], artifacts: readonly Subject[]): void {
  const expected = new Map(subjects.map((s) => [s.name, s.digest.sha256]));
  const seen = new Set<string>();
  for (const a of artifacts) {
    const digest = expected.get(a.name);
    if (digest === undefined) {
      throw new VerificationError('subject-unexpected-file', `${a.name} is not a subject of the statement`, {
        expected: "one of the statement's subjects",
        found: a.name,
      });
    }
    if (digest !== a.digest.sha256) {
      throw new VerificationError('subject-digest', `${a.name}: the file's digest differs from the signed one`, {
        expected: `sha256:${digest}`,
        found: `sha256:${a.digest.sha256}`,
      });
    }
    seen.add(a.name);
  }
  const missing = subjects.filter((s) => !seen.has(s.name)).map((s) => s.name);
  if (missing.length > 0) {
    throw new VerificationError(
      'subject-missing',
      `${missing.length} subject(s) of the statement are not among the files: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`,
      {
        expected: `${subjects.length} file(s)`,
        found: `${artifacts.length} file(s)`,
      },
    );
  }
}

// Check 6, subjects (spec/FORMAT.md §7 step 6): the files at hand, when given, are exactly the
// statement's subjects (each file a subject with its digest, every subject present).
import type { Statement, Subject } from '../../formats/core/types.ts';
import { compareSubjects } from '../../checks/statement/subjects.ts';

export type SubjectsChecked = { readonly kind: 'not-checked' } | { readonly kind: 'matched'; readonly files: number };

/** Throws VerificationError (subject-*). */
export function subjects(statement: Statement, artifacts: readonly Subject[] | undefined): SubjectsChecked {
  if (!artifacts) return { kind: 'not-checked' };
  compareSubjects(statement.subject, artifacts);
  return { kind: 'matched', files: artifacts.length };
}

export function describeSubjects(checked: SubjectsChecked): string {
  return checked.kind === 'not-checked'
    ? 'no files given: not checked'
    : `${checked.files} file(s) match the statement's subjects`;
}

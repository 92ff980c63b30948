// Subjects from files: streaming SHA-256, the strict walk, and the subject-name rules.
export { collectSubjects, DEFAULT_MAX_FILES, type CollectOptions } from './collect-subjects.ts';
export { sha256File, HASH_BUFFER_BYTES, type ExpectedFile } from './hash-file.ts';
export { compareSubjectNames, subjectNameProblem, MAX_SUBJECT_NAME_LENGTH } from './subject-name.ts';

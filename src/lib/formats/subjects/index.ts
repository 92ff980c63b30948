// Subjects from files: streaming SHA-256 (worker threads for large files), the strict walk, and the subject-name rules.
export { collectSubjects, DEFAULT_MAX_FILES, WORKER_MIN_FILE_BYTES, type CollectOptions } from './collect.ts';
export { sha256File, HASH_BUFFER_BYTES, type ExpectedFile } from '../../basics/io/hash-file.ts';
export { HashPool, defaultHashThreads, HASH_WORKER_BUFFER_BYTES, MAX_HASH_THREADS } from '../../basics/io/hash-pool.ts';
export { compareSubjectNames, subjectNameProblem, MAX_SUBJECT_NAME_LENGTH } from './name.ts';

import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_FILES,
  HASH_WORKER_BUFFER_BYTES,
  HashPool,
  MAX_HASH_THREADS,
  WORKER_MIN_FILE_BYTES,
  collectSubjects,
  defaultHashThreads
} from "./shared-427b1b45.mjs";
import {
  HASH_BUFFER_BYTES,
  sha256File
} from "./shared-1393fa30.mjs";
import {
  MAX_SUBJECT_NAME_LENGTH,
  compareSubjectNames,
  subjectNameProblem
} from "./shared-39a15262.mjs";
import "./shared-e09a80f9.mjs";
import "./shared-c0077619.mjs";
import "./shared-2bfe6f66.mjs";
export {
  DEFAULT_MAX_FILES,
  HASH_BUFFER_BYTES,
  HASH_WORKER_BUFFER_BYTES,
  HashPool,
  MAX_HASH_THREADS,
  MAX_SUBJECT_NAME_LENGTH,
  WORKER_MIN_FILE_BYTES,
  collectSubjects,
  compareSubjectNames,
  defaultHashThreads,
  sha256File,
  subjectNameProblem
};

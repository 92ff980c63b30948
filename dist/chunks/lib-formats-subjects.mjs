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
} from "./shared-013b5e69.mjs";
import "./shared-1abd220a.mjs";
import "./shared-92dc4500.mjs";
import "./shared-18cfce56.mjs";
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

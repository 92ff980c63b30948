import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_FILES,
  HASH_WORKER_BUFFER_BYTES,
  HashPool,
  MAX_HASH_THREADS,
  WORKER_MIN_FILE_BYTES,
  collectSubjects,
  defaultHashThreads
} from "./chunk-YGSSWM2Y.mjs";
import {
  HASH_BUFFER_BYTES,
  sha256File
} from "./chunk-Y4VK3OO4.mjs";
import {
  MAX_SUBJECT_NAME_LENGTH,
  compareSubjectNames,
  subjectNameProblem
} from "./chunk-TJDL75NB.mjs";
import "./chunk-AKRWTDNC.mjs";
import "./chunk-6PP3T4LB.mjs";
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

// Shared by: cli-build, cli-countersign, cli-demo, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-sign, cli-verify, lib-formats-subjects (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);

// src/lib/formats/subjects/name.ts
var MAX_SUBJECT_NAME_LENGTH = 4096;
var CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
function subjectNameProblem(name) {
  if (name.length === 0) return "is empty";
  if (name.length > MAX_SUBJECT_NAME_LENGTH || Buffer.byteLength(name) > MAX_SUBJECT_NAME_LENGTH) {
    return `is longer than ${MAX_SUBJECT_NAME_LENGTH} bytes in UTF-8`;
  }
  if (!name.isWellFormed()) return "contains a lone UTF-16 surrogate";
  if (name.normalize("NFC") !== name) return "is not in Unicode normalisation form NFC";
  if (CONTROL.test(name)) return "contains a control character";
  if (name.startsWith("/")) return 'is absolute (starts with "/")';
  if (name.includes("\\")) return 'contains a backslash (only "/" separates path segments)';
  for (const segment of name.split("/")) {
    if (segment === "" || segment === "." || segment === "..") return `has an empty, "." or ".." path segment`;
  }
  return void 0;
}
function codePointRank(unit) {
  if (unit >= 57344) return unit - 2048;
  if (unit >= 55296) return unit + 8192;
  return unit;
}
function compareSubjectNames(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

export {
  MAX_SUBJECT_NAME_LENGTH,
  subjectNameProblem,
  compareSubjectNames
};

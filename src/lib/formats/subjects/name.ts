// Subject names: the rules a name must satisfy in a statement (spec/FORMAT.md, "subject"),
// shared by the walker that produces names and the parser that reads them, so that we never
// produce a statement we would refuse to read.

/** A subject name is at most this many bytes in UTF-8 (FORMAT §3; Linux PATH_MAX is 4096 bytes). */
export const MAX_SUBJECT_NAME_LENGTH = 4096;

// C0 controls, DEL and C1 controls: invisible in logs and terminals, so two names that look
// equal could differ. A newline in a name would also forge lines in a summary.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Returns why `name` is not a valid subject name, or undefined when it is valid.
 *
 * A subject name is a relative POSIX path: non-empty, at most 4096 bytes in UTF-8, well-formed
 * Unicode in NFC (UAX #15), no control characters, no backslash, no leading `/`, and no
 * empty, `.` or `..` segment between `/` separators. Fleet-key ids are names of this form too.
 */
export function subjectNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  // Bytes, as FORMAT §3 says, not UTF-16 code units: a verifier in Go or Rust counts bytes
  // (ATTACKS.md finding F4). The cheap length test first bounds the work for huge names.
  if (name.length > MAX_SUBJECT_NAME_LENGTH || Buffer.byteLength(name) > MAX_SUBJECT_NAME_LENGTH) {
    return `is longer than ${MAX_SUBJECT_NAME_LENGTH} bytes in UTF-8`;
  }
  if (!name.isWellFormed()) return 'contains a lone UTF-16 surrogate';
  if (name.normalize('NFC') !== name) return 'is not in Unicode normalisation form NFC';
  if (CONTROL.test(name)) return 'contains a control character';
  if (name.startsWith('/')) return 'is absolute (starts with "/")';
  // A backslash is an ordinary character in a POSIX file name, but a separator on Windows:
  // `release\..\..\x` would climb out of the base directory of a Windows client that writes
  // or looks up files by subject name (ATTACKS.md finding F3). Refused outright.
  if (name.includes('\\')) return 'contains a backslash (only "/" separates path segments)';
  for (const segment of name.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return `has an empty, "." or ".." path segment`;
  }
  return undefined;
}

// Maps UTF-16 code units so that comparing them orders strings by code point: surrogates
// (U+D800-U+DFFF, which encode code points above U+FFFF) move above U+E000-U+FFFF.
function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/**
 * The order of subjects in a statement: by the UTF-8 bytes of the name, which is the same as
 * Unicode code point order. This is NOT JavaScript's default string order (UTF-16 code
 * units), which differs for characters above U+FFFF; byte order is what Go, Rust and C
 * (memcmp) compare by default, so verifiers in other languages agree with us.
 */
export function compareSubjectNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

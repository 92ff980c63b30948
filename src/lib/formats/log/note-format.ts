// The parts of the C2SP signed-note format (https://c2sp.org/signed-note) that a document
// naming a log needs without verifying anything: the size cap of a note, the key-name rule and
// the signature lines. Signing and opening notes is checks/log/note.ts.
import { decodeCanonicalBase64 } from '../../basics/encoding/base64.ts';

export const MAX_NOTE_BYTES = 16 * 1024;

/** C2SP signed-note: key names are non-empty, without whitespace or '+'. */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && name.length <= 256 && !/[\s+]/u.test(name) && !/\p{Cc}/u.test(name);
}

/**
 * One signature line of a note, without its newline: `— <key name> <signature>`, the signature
 * in canonical padded base64 (basics/encoding/base64.ts) of at least 5 bytes (a 4-byte key
 * hash, then the signature). `line` or `encoding` says what is wrong.
 */
export function parseNoteSignatureLine(line: string): { name: string; blob: Uint8Array } | 'line' | 'encoding' {
  const m = /^— (\S+) ([A-Za-z0-9+/]+=*)$/u.exec(line);
  if (!m) return 'line';
  const [, name = '', encoded = ''] = m;
  const blob = decodeCanonicalBase64(encoded);
  return blob && blob.length >= 5 ? { name, blob } : 'encoding';
}

// The parts of the C2SP signed-note format (https://c2sp.org/signed-note) that a document
// naming a log needs without verifying anything: the size cap of a note and the key-name rule.
// Signing and opening notes is checks/log/note.ts.
export const MAX_NOTE_BYTES = 16 * 1024;

/** C2SP signed-note: key names are non-empty, without whitespace or '+'. */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && name.length <= 256 && !/[\s+]/u.test(name) && !/\p{Cc}/u.test(name);
}

// C2SP signed-note (https://c2sp.org/signed-note), Ed25519 signatures only (type 0x01): the
// envelope of transparency-log checkpoints, byte-compatible with golang.org/x/mod/sumdb/note.
//
//   <text, one or more lines, each ending in \n>
//   \n
//   — <key name> <base64(4-byte key hash || 64-byte Ed25519 signature over the text)>\n
//
// key hash = SHA-256(name || "\n" || 0x01 || raw public key)[0:4]. A note may carry
// signatures by other keys (witness cosignatures): they are ignored, never trusted.
import { createHash } from 'node:crypto';
import { equalBytes } from '../../basics/crypto/bytes.ts';
import { verifyEd25519Strict } from '../../basics/crypto/ed25519.ts';
import type { CountersignSigner } from '../../basics/crypto/signer.ts';
import { VerificationError } from '../../basics/errors/errors.ts';
import type { VerificationCode } from '../../basics/errors/codes.ts';
import { MAX_NOTE_BYTES, isValidKeyName, parseNoteSignatureLine } from '../../formats/log/note-format.ts';

const MAX_SIGNATURES = 100;
const ALG_ED25519 = 0x01;
const SIGNATURE_PREFIX = '— ';

/** Who signs a note: the key name (for checkpoints: the log's origin) and its Ed25519 key. */
export interface NoteSigner {
  name: string;
  rawPublicKey: Uint8Array;
  signer: CountersignSigner;
}

export interface NoteVerifier {
  name: string;
  rawPublicKey: Uint8Array;
}

export function noteKeyHash(name: string, rawPublicKey: Uint8Array): Uint8Array {
  const digest = createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ALG_ED25519]))
    .update(rawPublicKey)
    .digest();
  return new Uint8Array(digest.subarray(0, 4));
}

/** The verifier key string `<name>+<hex key hash>+<base64(0x01 || key)>` that Go's note package reads. */
export function verifierKey(name: string, rawPublicKey: Uint8Array): string {
  const hash = Buffer.from(noteKeyHash(name, rawPublicKey)).toString('hex');
  return `${name}+${hash}+${Buffer.concat([Buffer.from([ALG_ED25519]), rawPublicKey]).toString('base64')}`;
}

/** Parses a verifier key string (Ed25519 only); throws VerificationError('log-key-malformed'). */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(vkey.trim());
  const bad = (why: string): never => {
    throw new VerificationError('log-key-malformed', `log verifier key: ${why}`, {
      expected: '<name>+<8 hex>+<base64 of 0x01 and a 32-byte Ed25519 key>',
      found: vkey.slice(0, 120),
    });
  };
  if (!m) return bad('not of the form name+hash+key');
  const [, name = '', hash = '', key = ''] = m;
  const raw = Buffer.from(key, 'base64');
  if (raw.length !== 33 || raw[0] !== ALG_ED25519) return bad('not an Ed25519 (type 0x01) key');
  const rawPublicKey = new Uint8Array(raw.subarray(1));
  if (Buffer.from(noteKeyHash(name, rawPublicKey)).toString('hex') !== hash)
    return bad('the key hash does not match the name and key');
  return { name, rawPublicKey };
}

/** Signs `text` (which must end in a newline) and returns the whole note. */
export async function signNote(text: string, signer: NoteSigner): Promise<string> {
  checkText(text, 'note text');
  if (!isValidKeyName(signer.name)) throw new Error(`note signer: invalid key name ${JSON.stringify(signer.name)}`);
  const signature = await signer.signer.sign(new TextEncoder().encode(text));
  const blob = Buffer.concat([noteKeyHash(signer.name, signer.rawPublicKey), signature]).toString('base64');
  return `${text}\n${SIGNATURE_PREFIX}${signer.name} ${blob}\n`;
}

/**
 * Verifies a note against one trusted key and returns its text. Fails unless the note has a
 * valid signature by that key; a line claiming that key with a bad signature fails it too.
 */
export function openNote(note: string, verifier: NoteVerifier, what = 'note'): string {
  const fail = (why: string, code: VerificationCode = 'log-note-malformed'): never => {
    throw new VerificationError(code, `${what}: ${why}`);
  };
  if (typeof note !== 'string') return fail('expected text');
  if (Buffer.byteLength(note) > MAX_NOTE_BYTES) fail(`larger than ${MAX_NOTE_BYTES} bytes`);
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n'))
    return fail('expected text, a blank line and signature lines, each ending in a newline');
  const text = note.slice(0, split + 1);
  checkText(text, what);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) fail(`more than ${MAX_SIGNATURES} signatures`);
  const wantHash = Buffer.from(noteKeyHash(verifier.name, verifier.rawPublicKey));
  let verified = false;
  for (const line of lines) {
    const parsed = parseNoteSignatureLine(line);
    if (parsed === 'line') return fail(`malformed signature line ${JSON.stringify(line.slice(0, 80))}`);
    if (parsed === 'encoding') return fail('malformed signature encoding');
    const { name, blob } = parsed;
    if (name !== verifier.name || !equalBytes(blob.subarray(0, 4), wantHash)) continue; // another key's signature: ignored
    if (
      blob.length !== 4 + 64 ||
      !verifyEd25519Strict(blob.subarray(4), new TextEncoder().encode(text), verifier.rawPublicKey)
    ) {
      fail(`the signature by ${verifier.name} does not verify`, 'log-note-signature');
    }
    verified = true;
  }
  if (!verified)
    fail(`no signature by the pinned key ${verifier.name} (${wantHash.toString('hex')})`, 'log-note-signature');
  return text;
}

function checkText(text: string, what: string): void {
  if (text.length === 0 || !text.endsWith('\n'))
    throw new VerificationError('log-note-malformed', `${what}: the text must be non-empty and end in a newline`);
  // C2SP signed-note: no control characters but newlines; a blank line would end the text early.
  if (/[\p{Cc}]/u.test(text.replace(/\n/g, '')) || text.includes('\n\n') || text.startsWith('\n')) {
    throw new VerificationError(
      'log-note-malformed',
      `${what}: the text must not contain control characters or blank lines`,
    );
  }
}

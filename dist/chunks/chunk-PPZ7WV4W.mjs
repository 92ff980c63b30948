import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  verifyEd25519Strict
} from "./chunk-NTP22G6I.mjs";
import {
  VerificationError
} from "./chunk-AKRWTDNC.mjs";

// src/lib/log/note.ts
import { createHash } from "node:crypto";
var MAX_NOTE_BYTES = 16 * 1024;
var MAX_SIGNATURES = 100;
var ALG_ED25519 = 1;
var SIGNATURE_PREFIX = "\u2014 ";
function isValidKeyName(name) {
  return name.length > 0 && name.length <= 256 && !/[\s+]/u.test(name) && !new RegExp("\\p{Cc}", "u").test(name);
}
function noteKeyHash(name, rawPublicKey) {
  const digest = createHash("sha256").update(name, "utf8").update(Buffer.from([10, ALG_ED25519])).update(rawPublicKey).digest();
  return new Uint8Array(digest.subarray(0, 4));
}
function verifierKey(name, rawPublicKey) {
  const hash = Buffer.from(noteKeyHash(name, rawPublicKey)).toString("hex");
  return `${name}+${hash}+${Buffer.concat([Buffer.from([ALG_ED25519]), rawPublicKey]).toString("base64")}`;
}
function parseVerifierKey(vkey) {
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(vkey.trim());
  const bad = (why) => {
    throw new VerificationError("log-key-malformed", `log verifier key: ${why}`, { expected: "<name>+<8 hex>+<base64 of 0x01 and a 32-byte Ed25519 key>", found: vkey.slice(0, 120) });
  };
  if (!m) return bad("not of the form name+hash+key");
  const raw = Buffer.from(m[3], "base64");
  if (raw.length !== 33 || raw[0] !== ALG_ED25519) return bad("not an Ed25519 (type 0x01) key");
  const rawPublicKey = new Uint8Array(raw.subarray(1));
  if (Buffer.from(noteKeyHash(m[1], rawPublicKey)).toString("hex") !== m[2]) return bad("the key hash does not match the name and key");
  return { name: m[1], rawPublicKey };
}
async function signNote(text, signer) {
  checkText(text, "note text");
  if (!isValidKeyName(signer.name)) throw new Error(`note signer: invalid key name ${JSON.stringify(signer.name)}`);
  const signature = await signer.signer.sign(new TextEncoder().encode(text));
  const blob = Buffer.concat([noteKeyHash(signer.name, signer.rawPublicKey), signature]).toString("base64");
  return `${text}
${SIGNATURE_PREFIX}${signer.name} ${blob}
`;
}
function openNote(note, verifier, what = "note") {
  const fail = (why, code = "log-note-malformed") => {
    throw new VerificationError(code, `${what}: ${why}`);
  };
  if (typeof note !== "string") return fail("expected text");
  if (Buffer.byteLength(note) > MAX_NOTE_BYTES) fail(`larger than ${MAX_NOTE_BYTES} bytes`);
  const split = note.lastIndexOf("\n\n");
  if (split < 0 || !note.endsWith("\n")) return fail("expected text, a blank line and signature lines, each ending in a newline");
  const text = note.slice(0, split + 1);
  checkText(text, what);
  const lines = note.slice(split + 2, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) fail(`more than ${MAX_SIGNATURES} signatures`);
  const wantHash = Buffer.from(noteKeyHash(verifier.name, verifier.rawPublicKey));
  let verified = false;
  for (const line of lines) {
    const m = /^— (\S+) ([A-Za-z0-9+/]+=*)$/u.exec(line);
    if (!m) return fail(`malformed signature line ${JSON.stringify(line.slice(0, 80))}`);
    const blob = Buffer.from(m[2], "base64");
    if (blob.toString("base64") !== m[2] || blob.length < 5) return fail("malformed signature encoding");
    if (m[1] !== verifier.name || !blob.subarray(0, 4).equals(wantHash)) continue;
    if (blob.length !== 4 + 64 || !verifyEd25519Strict(new Uint8Array(blob.subarray(4)), new TextEncoder().encode(text), verifier.rawPublicKey)) {
      fail(`the signature by ${verifier.name} does not verify`, "log-note-signature");
    }
    verified = true;
  }
  if (!verified) fail(`no signature by the pinned key ${verifier.name} (${wantHash.toString("hex")})`, "log-note-signature");
  return text;
}
function checkText(text, what) {
  if (text.length === 0 || !text.endsWith("\n")) throw new VerificationError("log-note-malformed", `${what}: the text must be non-empty and end in a newline`);
  if (/[\p{Cc}]/u.test(text.replace(/\n/g, "")) || text.includes("\n\n") || text.startsWith("\n")) {
    throw new VerificationError("log-note-malformed", `${what}: the text must not contain control characters or blank lines`);
  }
}

export {
  MAX_NOTE_BYTES,
  isValidKeyName,
  verifierKey,
  parseVerifierKey,
  signNote,
  openNote
};

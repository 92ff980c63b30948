// Shared by: cli-audit, cli-build, cli-countersign, cli-demo, cli-policy-update, cli-serve, cli-verify, cli-witness, stack (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  HASH_SIZE,
  MAX_PROOF_HASHES
} from "./shared-5bacc2e4.mjs";
import {
  MAX_NOTE_BYTES,
  isValidKeyName,
  parseNoteSignatureLine
} from "./shared-a58ce1e9.mjs";
import {
  verifyEd25519Strict
} from "./shared-2b0dfa9f.mjs";
import {
  decodeCanonicalBase64,
  equalBytes
} from "./shared-84c2b3d1.mjs";
import {
  VerificationError
} from "./shared-c0077619.mjs";

// src/lib/checks/log/note.ts
import { createHash } from "node:crypto";
var MAX_SIGNATURES = 100;
var ALG_ED25519 = 1;
var SIGNATURE_PREFIX = "\u2014 ";
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
    throw new VerificationError("log-key-malformed", `log verifier key: ${why}`, {
      expected: "<name>+<8 hex>+<base64 of 0x01 and a 32-byte Ed25519 key>",
      found: vkey.slice(0, 120)
    });
  };
  if (!m) return bad("not of the form name+hash+key");
  const [, name = "", hash = "", key = ""] = m;
  const raw = Buffer.from(key, "base64");
  if (raw.length !== 33 || raw[0] !== ALG_ED25519) return bad("not an Ed25519 (type 0x01) key");
  const rawPublicKey = new Uint8Array(raw.subarray(1));
  if (Buffer.from(noteKeyHash(name, rawPublicKey)).toString("hex") !== hash)
    return bad("the key hash does not match the name and key");
  return { name, rawPublicKey };
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
  if (split < 0 || !note.endsWith("\n"))
    return fail("expected text, a blank line and signature lines, each ending in a newline");
  const text = note.slice(0, split + 1);
  checkText(text, what);
  const lines = note.slice(split + 2, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) fail(`more than ${MAX_SIGNATURES} signatures`);
  const wantHash = Buffer.from(noteKeyHash(verifier.name, verifier.rawPublicKey));
  let verified = false;
  for (const line of lines) {
    const parsed = parseNoteSignatureLine(line);
    if (parsed === "line") return fail(`malformed signature line ${JSON.stringify(line.slice(0, 80))}`);
    if (parsed === "encoding") return fail("malformed signature encoding");
    const { name, blob } = parsed;
    if (name !== verifier.name || !equalBytes(blob.subarray(0, 4), wantHash)) continue;
    if (blob.length !== 4 + 64 || !verifyEd25519Strict(blob.subarray(4), new TextEncoder().encode(text), verifier.rawPublicKey)) {
      fail(`the signature by ${verifier.name} does not verify`, "log-note-signature");
    }
    verified = true;
  }
  if (!verified)
    fail(`no signature by the pinned key ${verifier.name} (${wantHash.toString("hex")})`, "log-note-signature");
  return text;
}
function checkText(text, what) {
  if (text.length === 0 || !text.endsWith("\n"))
    throw new VerificationError("log-note-malformed", `${what}: the text must be non-empty and end in a newline`);
  if (/[\p{Cc}]/u.test(text.replace(/\n/g, "")) || text.includes("\n\n") || text.startsWith("\n")) {
    throw new VerificationError(
      "log-note-malformed",
      `${what}: the text must not contain control characters or blank lines`
    );
  }
}

// src/lib/checks/log/checkpoint.ts
var MAX_EXTENSIONS = 16;
function formatCheckpointText(checkpoint) {
  return `${checkpoint.origin}
${checkpoint.size}
${Buffer.from(checkpoint.root).toString("base64")}
`;
}
function parseCheckpointText(text, what = "checkpoint") {
  const fail = (why) => {
    throw new VerificationError("log-checkpoint-malformed", `${what}: ${why}`);
  };
  const lines = text.split("\n");
  if (lines.pop() !== "" || lines.length < 3)
    fail("expected origin, size and root hash lines, each ending in a newline");
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (!isValidKeyName(origin)) fail(`invalid origin line ${JSON.stringify(origin.slice(0, 80))}`);
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText)))
    fail(`expected a decimal tree size, found ${JSON.stringify(sizeText.slice(0, 40))}`);
  const root = decodeCanonicalBase64(rootText);
  if (root?.length !== HASH_SIZE)
    fail(`expected the base64 of a ${HASH_SIZE}-byte root hash, found ${JSON.stringify(rootText.slice(0, 60))}`);
  if (extensions.length > MAX_EXTENSIONS || extensions.some((e) => e.length === 0)) fail("malformed extension lines");
  return { origin, size: Number(sizeText), root: new Uint8Array(root), extensions };
}
async function signCheckpoint(checkpoint, signer) {
  return signNote(formatCheckpointText({ origin: signer.name, ...checkpoint }), signer);
}
function verifyCheckpoint(note, log, what = "checkpoint") {
  const text = openNote(note, log, what);
  const checkpoint = parseCheckpointText(text, what);
  if (checkpoint.origin !== log.name) {
    throw new VerificationError(
      "log-checkpoint-origin",
      `${what}: origin ${JSON.stringify(checkpoint.origin)} is not the pinned log's ${JSON.stringify(log.name)}`,
      {
        expected: log.name,
        found: checkpoint.origin
      }
    );
  }
  return checkpoint;
}

// src/lib/checks/log/merkle.ts
import { createHash as createHash2 } from "node:crypto";
var LEAF_PREFIX = Buffer.from([0]);
var NODE_PREFIX = Buffer.from([1]);
function leafHash(data) {
  return new Uint8Array(createHash2("sha256").update(LEAF_PREFIX).update(data).digest());
}
function nodeHash(left, right) {
  return new Uint8Array(createHash2("sha256").update(NODE_PREFIX).update(left).update(right).digest());
}
function emptyRoot() {
  return new Uint8Array(createHash2("sha256").digest());
}
function splitPoint(n) {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
function inclusionPath(index, size, mth) {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new RangeError(`inclusion proof: expected 0 <= index < size, found index ${index}, size ${size}`);
  }
  const path = [];
  const walk = (m, lo, hi) => {
    if (hi - lo <= 1) return;
    const k = splitPoint(hi - lo);
    if (m < k) {
      walk(m, lo, lo + k);
      path.push(mth(lo + k, hi));
    } else {
      walk(m - k, lo + k, hi);
      path.push(mth(lo, lo + k));
    }
  };
  walk(index, 0, size);
  return path;
}
function consistencyProof(from, to, mth) {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to) {
    throw new RangeError(`consistency proof: expected 0 <= from <= to, found from ${from}, to ${to}`);
  }
  if (from === 0 || from === to) return [];
  const proof = [];
  const sub = (m, lo, hi, complete) => {
    const n = hi - lo;
    if (m === n) {
      if (!complete) proof.push(mth(lo, hi));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, lo, lo + k, complete);
      proof.push(mth(lo + k, hi));
    } else {
      sub(m - k, lo + k, hi, false);
      proof.push(mth(lo, lo + k));
    }
  };
  sub(from, 0, to, true);
  return proof;
}
function rootFromInclusionProof(leaf, index, size, path) {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return void 0;
  if (path.length > MAX_PROOF_HASHES || path.some((p) => p.length !== HASH_SIZE)) return void 0;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return void 0;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      [fn, sn] = shiftWhileEven(fn, sn);
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 ? r : void 0;
}
function verifyInclusion(leaf, index, size, path, root) {
  const computed = rootFromInclusionProof(leaf, index, size, path);
  return computed !== void 0 && equalBytes(computed, root);
}
function verifyConsistency(from, to, fromRoot, toRoot, proof) {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to) return false;
  if (proof.length > MAX_PROOF_HASHES || proof.some((p) => p.length !== HASH_SIZE)) return false;
  if (from === to) return proof.length === 0 && equalBytes(fromRoot, toRoot);
  if (from === 0) return proof.length === 0;
  const [first, ...rest] = isPowerOfTwo(from) ? [fromRoot, ...proof] : proof;
  if (!first) return false;
  let fn = from - 1;
  let sn = to - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = first;
  let sr = first;
  for (const c of rest) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      [fn, sn] = shiftWhileEven(fn, sn);
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 && equalBytes(fr, fromRoot) && equalBytes(sr, toRoot);
}
function shiftWhileEven(fn, sn) {
  while (fn % 2 === 0 && fn !== 0) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  return [fn, sn];
}
function isPowerOfTwo(n) {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

export {
  noteKeyHash,
  verifierKey,
  parseVerifierKey,
  signNote,
  openNote,
  parseCheckpointText,
  signCheckpoint,
  verifyCheckpoint,
  leafHash,
  nodeHash,
  emptyRoot,
  splitPoint,
  inclusionPath,
  consistencyProof,
  verifyInclusion,
  verifyConsistency
};

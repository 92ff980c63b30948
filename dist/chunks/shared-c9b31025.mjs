// Shared by: cli-build, cli-countersign, cli-demo, cli-policy-update, cli-serve, cli-verify, cli-witness (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  cosignatureMessage,
  cosignerKeyHash,
  decodeCosignatureBlob,
  formatCosignatureLine
} from "./shared-4bd08542.mjs";
import {
  MAX_NOTE_BYTES,
  parseNoteSignatureLine
} from "./shared-a58ce1e9.mjs";
import {
  verifyEd25519Strict
} from "./shared-2b0dfa9f.mjs";
import {
  equalBytes
} from "./shared-84c2b3d1.mjs";
import {
  VerificationError
} from "./shared-c0077619.mjs";

// src/lib/checks/log/cosignature.ts
async function cosignCheckpoint(checkpointText, witness, timestamp) {
  const signature = await witness.signer.sign(cosignatureMessage(timestamp, checkpointText));
  return formatCosignatureLine(witness, timestamp, signature);
}
function splitNote(note, what) {
  const fail = (why) => {
    throw new VerificationError("log-note-malformed", `${what}: ${why}`);
  };
  if (Buffer.byteLength(note) > MAX_NOTE_BYTES) fail(`larger than ${MAX_NOTE_BYTES} bytes`);
  const split = note.lastIndexOf("\n\n");
  if (split < 0 || !note.endsWith("\n") || split + 2 >= note.length)
    fail("expected text, a blank line and signature lines, each ending in a newline");
  return { text: note.slice(0, split + 1), lines: note.slice(split + 2, -1).split("\n") };
}
function verifyCosignatures(note, witnesses, what) {
  const { text, lines } = splitNote(note, what);
  const hashes = witnesses.map((w) => ({ witness: w, hash: cosignerKeyHash(w.name, w.rawPublicKey) }));
  const found = /* @__PURE__ */ new Map();
  for (const line of lines) {
    const parsed = parseNoteSignatureLine(line);
    if (typeof parsed === "string")
      throw new VerificationError(
        "log-note-malformed",
        `${what}: malformed signature line ${JSON.stringify(line.slice(0, 80))}`
      );
    const match = hashes.find((h) => h.witness.name === parsed.name && equalBytes(parsed.blob.subarray(0, 4), h.hash));
    if (!match) continue;
    const blob = decodeCosignatureBlob(parsed.blob);
    if (!blob || !verifyEd25519Strict(blob.signature, cosignatureMessage(blob.timestamp, text), match.witness.rawPublicKey)) {
      throw new VerificationError(
        "log-witness-cosignature",
        `${what}: the cosignature by witness ${match.witness.name} does not verify`,
        { expected: `a valid cosignature/v1 by ${match.witness.name}`, found: "an invalid one" }
      );
    }
    const before = found.get(match.witness.name);
    if (!before || before.timestamp < blob.timestamp)
      found.set(match.witness.name, { name: match.witness.name, timestamp: blob.timestamp, line });
  }
  return [...found.values()];
}

export {
  cosignCheckpoint,
  splitNote,
  verifyCosignatures
};

// Shared by: cli-audit, cli-build, cli-countersign, cli-demo, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-verify, cli-witness, stack (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  MAX_NOTE_BYTES
} from "./shared-a58ce1e9.mjs";

// src/lib/formats/log/proof.ts
var HASH_SIZE = 32;
var MAX_PROOF_HASHES = 64;
function parseLogProof(s, value, path) {
  const o = s.object(value, path, ["logIndex", "treeSize", "hashes", "checkpoint"]);
  const integer = (v, at) => {
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0)
      s.fail(at, `expected a non-negative integer, found ${JSON.stringify(v)}`);
    return v;
  };
  const logIndex = integer(o.logIndex, `${path}.logIndex`);
  const treeSize = integer(o.treeSize, `${path}.treeSize`);
  if (logIndex >= treeSize)
    s.fail(`${path}.logIndex`, `expected an index below treeSize ${treeSize}, found ${logIndex}`);
  const hashes = s.array(o.hashes, `${path}.hashes`, MAX_PROOF_HASHES).map((h, i) => {
    const at = `${path}.hashes[${i}]`;
    const bytes = s.base64(h, at, 64);
    if (bytes.length !== HASH_SIZE) s.fail(at, `expected a ${HASH_SIZE}-byte hash, found ${bytes.length} bytes`);
    return h;
  });
  const checkpoint = s.string(o.checkpoint, `${path}.checkpoint`, void 0, MAX_NOTE_BYTES);
  return { logIndex, treeSize, hashes, checkpoint };
}

export {
  HASH_SIZE,
  MAX_PROOF_HASHES,
  parseLogProof
};

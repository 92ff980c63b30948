// Shared by: cli-audit, cli-build, cli-countersign, cli-demo, cli-policy-diff, cli-policy-update, cli-serve, cli-verify, cli-verify-bundle (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);

// src/lib/basics/crypto/bytes.ts
function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  let difference = 0;
  a.forEach((x, i) => {
    difference |= x ^ (b[i] ?? 256);
  });
  return difference === 0;
}

export {
  equalBytes
};

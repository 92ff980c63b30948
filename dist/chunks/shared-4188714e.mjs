// Shared by: cli-build, cli-countersign, cli-policy-update, cli-serve (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  VerificationError
} from "./shared-c0077619.mjs";

// src/lib/checks/countersignatures/signing-key.ts
function countersigningKeyFor(policy, keyId, rotation) {
  const find = (keys) => keys?.find((k) => k.keyId === keyId);
  const usual = find(policy.countersigners);
  if (usual) return usual;
  const fallback = find(policy.fallback?.countersigners);
  if (fallback && !rotation) {
    throw new VerificationError(
      "countersignature-fallback-not-rotation",
      `the signing key ${fallback.name} (${keyId}) is a fallback signer: it may countersign only an authority rotation`,
      {
        expected: "an authority-rotation bundle",
        found: "another kind of statement"
      }
    );
  }
  return fallback ?? (rotation ? find(rotation.policy.countersigners) ?? find(rotation.policy.fallback?.countersigners) : void 0);
}

export {
  countersigningKeyFor
};

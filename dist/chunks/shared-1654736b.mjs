// Shared by: cli-countersign, cli-demo, cli-serve (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  buildCountersignatureStatement,
  preAuthEncoding,
  serializeCountersignatureStatement
} from "./shared-98eab3f9.mjs";
import {
  COUNTERSIGNATURE_PAYLOAD_TYPE
} from "./shared-7a359f32.mjs";
import {
  signEd25519
} from "./shared-d96130d7.mjs";

// src/lib/formats/countersignature/create.ts
async function createCountersignature(input) {
  const statement = buildCountersignatureStatement({
    keyId: input.signer.keyId,
    primary: input.primary,
    stream: input.stream,
    version: input.version,
    signedAt: input.signedAt
  });
  const bytes = serializeCountersignatureStatement(statement);
  const signature = await input.signer.sign(preAuthEncoding(COUNTERSIGNATURE_PAYLOAD_TYPE, bytes));
  return {
    keyId: input.signer.keyId,
    statement: Buffer.from(bytes).toString("base64"),
    signature: Buffer.from(signature).toString("base64")
  };
}

// src/lib/basics/crypto/signer.ts
function seedSigner(seed, keyId) {
  return {
    keyId,
    // A rejected promise (not a throw) if signing fails, as from an async function.
    sign: (message) => Promise.resolve().then(() => signEd25519(message, seed))
  };
}

export {
  createCountersignature,
  seedSigner
};

import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  buildCountersignatureStatement,
  preAuthEncoding,
  serializeCountersignatureStatement
} from "./chunk-K5ORN4NG.mjs";
import {
  signEd25519
} from "./chunk-NTP22G6I.mjs";
import {
  COUNTERSIGNATURE_PAYLOAD_TYPE
} from "./chunk-BFEGAZ5M.mjs";

// src/lib/countersign/create.ts
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

// src/lib/countersign/signer.ts
function seedSigner(seed, keyId) {
  return {
    keyId,
    sign: async (message) => signEd25519(message, seed)
  };
}

export {
  createCountersignature,
  seedSigner
};

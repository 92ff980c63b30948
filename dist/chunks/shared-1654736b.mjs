// Shared by: cli-countersign, cli-demo, cli-serve (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  buildCountersignatureStatement,
  preAuthEncoding,
  serializeCountersignatureStatement
} from "./shared-98eab3f9.mjs";
import {
  COUNTERSIGNATURE_PAYLOAD_TYPE
} from "./shared-d5665511.mjs";

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

export {
  createCountersignature
};

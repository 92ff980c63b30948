// Shared by: cli-audit, cli-build, cli-countersign, cli-demo, cli-keygen, cli-policy, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-sign, cli-trusted-root, cli-verify, cli-witness, lib-basics-pkcs11-keygen, lib-basics-pkcs11-signer (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);

// src/lib/basics/crypto/sha256.ts
import { createHash } from "node:crypto";
function sha256Hex(data) {
  return createHash("sha256").update(data).digest("hex");
}

// src/lib/basics/crypto/describe-key.ts
function describeKey(key) {
  const type = key.asymmetricKeyType ?? "unknown";
  const details = key.asymmetricKeyDetails ?? {};
  if (type === "ec") {
    const curves = { prime256v1: "P-256", secp384r1: "P-384", secp521r1: "P-521" };
    const curve = details.namedCurve ?? "unknown-curve";
    return `an EC ${curves[curve] ?? curve} key`;
  }
  if (type === "rsa" || type === "rsa-pss") return `an ${type.toUpperCase()} ${details.modulusLength ?? "?"}-bit key`;
  const names = {
    ed448: "an Ed448 key",
    x25519: "an X25519 key",
    x448: "an X448 key",
    dsa: "a DSA key",
    dh: "a DH key"
  };
  return names[type] ?? `a key of type ${type}`;
}

export {
  sha256Hex,
  describeKey
};

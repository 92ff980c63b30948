// Shared by: cli-audit, cli-build, cli-countersign, cli-demo, cli-keygen, cli-policy, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-trusted-root, cli-verify, cli-witness, lib-basics-pkcs11-keygen, lib-basics-pkcs11-signer (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  ED25519_SPKI_PREFIX,
  ed25519PublicKeyOf,
  isPrimeOrderPoint
} from "./shared-2b0dfa9f.mjs";
import {
  describeKey,
  sha256Hex
} from "./shared-f3698323.mjs";
import {
  decodeCanonicalBase64,
  describe
} from "./shared-84c2b3d1.mjs";
import {
  InputError
} from "./shared-c0077619.mjs";

// src/lib/basics/crypto/ed25519-keys.ts
import { createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
var MAX_PUBLIC_KEY_PEM_BYTES = 4096;
var MAX_PRIVATE_KEY_PEM_BYTES = 8192;
var ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
function keyIdOf(rawPublicKey) {
  if (!(rawPublicKey instanceof Uint8Array) || rawPublicKey.length !== 32) {
    throw new InputError(
      "key-invalid",
      `key id: expected a raw 32-byte Ed25519 public key, found ${rawPublicKey instanceof Uint8Array ? `${rawPublicKey.length} bytes` : describe(rawPublicKey)}`
    );
  }
  return `sha256:${sha256Hex(rawPublicKey)}`;
}
function generateCountersignerKey() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519", {
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" }
  });
  const parsedPrivate = parsePrivateKeyPem(privateKey, "generated private key");
  const parsedPublic = parsePublicKeyPem(publicKey, "generated public key");
  if (!Buffer.from(parsedPublic).equals(parsedPrivate.publicKey)) {
    throw new Error("keygen: the generated public key does not match the private key");
  }
  parsedPrivate.seed.fill(0);
  return { privateKeyPem: privateKey, publicKeyPem: publicKey, keyId: parsedPrivate.keyId };
}
function parsePublicKeyPem(pem, what) {
  const der = decodeSinglePem(pem, what, "PUBLIC KEY", MAX_PUBLIC_KEY_PEM_BYTES);
  let key;
  try {
    key = createPublicKey({ key: der, format: "der", type: "spki" });
  } catch {
    throw new InputError(
      "key-encoding",
      `${what}: expected an Ed25519 SPKI public key, found DER that is not a SubjectPublicKeyInfo`
    );
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new InputError("key-algorithm", `${what}: expected an Ed25519 SPKI public key, found ${describeKey(key)}`);
  }
  if (der.length !== ED25519_SPKI_PREFIX.length + 32 || !der.subarray(0, ED25519_SPKI_PREFIX.length).equals(ED25519_SPKI_PREFIX)) {
    throw new InputError(
      "key-encoding",
      `${what}: expected the RFC 8410 DER encoding of an Ed25519 public key (44 bytes), found another encoding (${der.length} bytes)`
    );
  }
  const raw = new Uint8Array(der.subarray(ED25519_SPKI_PREFIX.length));
  if (!isPrimeOrderPoint(raw)) {
    throw new InputError(
      "key-invalid",
      `${what}: expected a canonical Ed25519 public key of prime order, found a non-canonical, small-order or mixed-order point that must not be pinned`
    );
  }
  return raw;
}
function parsePrivateKeyPem(pem, what) {
  const der = decodeSinglePem(pem, what, "PRIVATE KEY", MAX_PRIVATE_KEY_PEM_BYTES);
  try {
    let key;
    try {
      key = createPrivateKey({ key: der, format: "der", type: "pkcs8" });
    } catch {
      throw new InputError(
        "key-encoding",
        `${what}: expected an Ed25519 PKCS#8 private key, found DER that is not an unencrypted PKCS#8 key`
      );
    }
    if (key.asymmetricKeyType !== "ed25519") {
      throw new InputError(
        "key-algorithm",
        `${what}: expected an Ed25519 PKCS#8 private key, found ${describeKey(key)}`
      );
    }
    if (der.length !== ED25519_PKCS8_PREFIX.length + 32 || !der.subarray(0, ED25519_PKCS8_PREFIX.length).equals(ED25519_PKCS8_PREFIX)) {
      throw new InputError(
        "key-encoding",
        `${what}: expected the RFC 8410 PKCS#8 v1 encoding of an Ed25519 private key (48 bytes), found another encoding (${der.length} bytes)`
      );
    }
    const seed = new Uint8Array(der.subarray(ED25519_PKCS8_PREFIX.length));
    const publicKey = ed25519PublicKeyOf(seed);
    const opensslPublic = createPublicKey(key).export({ format: "der", type: "spki" }).subarray(ED25519_SPKI_PREFIX.length);
    if (!opensslPublic.equals(publicKey)) throw new Error(`${what}: noble and OpenSSL derive different public keys`);
    return { seed, publicKey, keyId: keyIdOf(publicKey) };
  } finally {
    der.fill(0);
  }
}
function decodeSinglePem(pem, what, label, maxBytes) {
  if (typeof pem !== "string") throw new InputError("key-pem", `${what}: expected PEM text, found ${describe(pem)}`);
  if (pem.length > maxBytes)
    throw new InputError(
      "key-too-large",
      `${what}: expected a key PEM of at most ${maxBytes} bytes, found ${pem.length}`
    );
  const labels = [...pem.matchAll(/-----BEGIN ([^\r\n-]*)-----/g)].map((m2) => m2[1]);
  if (labels.length === 0)
    throw new InputError("key-pem", `${what}: expected a PEM block "-----BEGIN ${label}-----", found no PEM block`);
  if (labels.length > 1)
    throw new InputError(
      "key-pem",
      `${what}: expected exactly one PEM block "${label}", found ${labels.length} (${labels.join(", ")})`
    );
  const found = labels[0];
  if (found === "ENCRYPTED PRIVATE KEY") {
    throw new InputError(
      "key-encrypted",
      `${what}: expected an unencrypted PKCS#8 "PRIVATE KEY", found an encrypted one; decrypt it (e.g. 'openssl pkey -in KEY -out NEW') and protect the file with mode 0600 or a secret store instead`
    );
  }
  if (found !== label) throw new InputError("key-pem", `${what}: expected a PEM block "${label}", found "${found}"`);
  const m = new RegExp(
    `^\\s*-----BEGIN ${label}-----\\r?\\n((?:[A-Za-z0-9+/=]+\\r?\\n)+)-----END ${label}-----\\s*$`
  ).exec(pem);
  if (!m)
    throw new InputError(
      "key-pem",
      `${what}: expected base64 lines between "-----BEGIN ${label}-----" and "-----END ${label}-----" and nothing but whitespace around them`
    );
  const body = m[1].replace(/\r?\n/g, "");
  const der = decodeCanonicalBase64(body);
  if (!der)
    throw new InputError("key-pem", `${what}: expected canonical base64 in the PEM block, found malformed base64`);
  return Buffer.from(der);
}

export {
  MAX_PRIVATE_KEY_PEM_BYTES,
  keyIdOf,
  generateCountersignerKey,
  parsePublicKeyPem,
  parsePrivateKeyPem
};

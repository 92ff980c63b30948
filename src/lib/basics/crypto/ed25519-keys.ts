// Countersigner keys (spec/ED25519.md §6): Ed25519 as PEM, SPKI public keys (RFC 8410 §4)
// and unencrypted PKCS#8 v1 private keys (RFC 8410 §7), each accepted only in its one DER
// encoding; key ids; key files with a size cap, a permission check for private keys, and
// atomic, never-overwriting writes.
//
// node:crypto identifies what a PEM holds (so a wrong key gets a message naming its
// algorithm); the exact-DER comparison then pins the encoding, and the public point must be
// canonical and of prime order, so that a pinned key can always verify under the strict rule.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { InputError } from '../errors/errors.ts';
import { describe } from '../json/shape.ts';
import { sha256Hex } from './sha256.ts';
import { decodeCanonicalBase64 } from '../encoding/base64.ts';
import { ED25519_SPKI_PREFIX, ed25519PublicKeyOf, isPrimeOrderPoint } from './ed25519.ts';
import { describeKey } from './describe-key.ts';

export const MAX_PUBLIC_KEY_PEM_BYTES = 4096;
export const MAX_PRIVATE_KEY_PEM_BYTES = 8192;

/** RFC 8410 §7: SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32) } }. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface CountersignerKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
  keyId: string;
}

export interface CountersignerPrivateKey {
  /** The 32-byte RFC 8032 private key. */
  seed: Uint8Array;
  /** The raw 32-byte public key derived from the seed. */
  publicKey: Uint8Array;
  keyId: string;
}

export interface CountersignerPublicKey {
  publicKey: Uint8Array;
  keyId: string;
}

/** The key id: `sha256:` + lowercase hex of SHA-256 over the raw 32-byte public key. */
export function keyIdOf(rawPublicKey: Uint8Array): string {
  if (!(rawPublicKey instanceof Uint8Array) || rawPublicKey.length !== 32) {
    throw new InputError(
      'key-invalid',
      `key id: expected a raw 32-byte Ed25519 public key, found ${rawPublicKey instanceof Uint8Array ? `${rawPublicKey.length} bytes` : describe(rawPublicKey)}`,
    );
  }
  return `sha256:${sha256Hex(rawPublicKey)}`;
}

/** A fresh key pair from the OS CSPRNG, checked by parsing both halves back. */
export function generateCountersignerKey(): CountersignerKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const parsedPrivate = parsePrivateKeyPem(privateKey, 'generated private key');
  const parsedPublic = parsePublicKeyPem(publicKey, 'generated public key');
  if (!Buffer.from(parsedPublic).equals(parsedPrivate.publicKey)) {
    throw new Error('keygen: the generated public key does not match the private key');
  }
  parsedPrivate.seed.fill(0);
  return { privateKeyPem: privateKey, publicKeyPem: publicKey, keyId: parsedPrivate.keyId };
}

/** The raw 32-byte key of exactly one Ed25519 `PUBLIC KEY` PEM block; InputError otherwise. */
export function parsePublicKeyPem(pem: string, what: string): Uint8Array {
  const der = decodeSinglePem(pem, what, 'PUBLIC KEY', MAX_PUBLIC_KEY_PEM_BYTES);
  let key: KeyObject;
  try {
    key = createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    throw new InputError(
      'key-encoding',
      `${what}: expected an Ed25519 SPKI public key, found DER that is not a SubjectPublicKeyInfo`,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new InputError('key-algorithm', `${what}: expected an Ed25519 SPKI public key, found ${describeKey(key)}`);
  }
  if (
    der.length !== ED25519_SPKI_PREFIX.length + 32 ||
    !der.subarray(0, ED25519_SPKI_PREFIX.length).equals(ED25519_SPKI_PREFIX)
  ) {
    throw new InputError(
      'key-encoding',
      `${what}: expected the RFC 8410 DER encoding of an Ed25519 public key (44 bytes), found another encoding (${der.length} bytes)`,
    );
  }
  const raw = new Uint8Array(der.subarray(ED25519_SPKI_PREFIX.length));
  if (!isPrimeOrderPoint(raw)) {
    throw new InputError(
      'key-invalid',
      `${what}: expected a canonical Ed25519 public key of prime order, found a non-canonical, small-order or mixed-order point that must not be pinned`,
    );
  }
  return raw;
}

/** Seed, public key and key id of exactly one unencrypted Ed25519 PKCS#8 `PRIVATE KEY` block. */
export function parsePrivateKeyPem(pem: string, what: string): CountersignerPrivateKey {
  const der = decodeSinglePem(pem, what, 'PRIVATE KEY', MAX_PRIVATE_KEY_PEM_BYTES);
  try {
    let key: KeyObject;
    try {
      key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    } catch {
      throw new InputError(
        'key-encoding',
        `${what}: expected an Ed25519 PKCS#8 private key, found DER that is not an unencrypted PKCS#8 key`,
      );
    }
    if (key.asymmetricKeyType !== 'ed25519') {
      throw new InputError(
        'key-algorithm',
        `${what}: expected an Ed25519 PKCS#8 private key, found ${describeKey(key)}`,
      );
    }
    if (
      der.length !== ED25519_PKCS8_PREFIX.length + 32 ||
      !der.subarray(0, ED25519_PKCS8_PREFIX.length).equals(ED25519_PKCS8_PREFIX)
    ) {
      throw new InputError(
        'key-encoding',
        `${what}: expected the RFC 8410 PKCS#8 v1 encoding of an Ed25519 private key (48 bytes), found another encoding (${der.length} bytes)`,
      );
    }
    const seed = new Uint8Array(der.subarray(ED25519_PKCS8_PREFIX.length));
    const publicKey = ed25519PublicKeyOf(seed);
    // Two derivations must agree (noble here, OpenSSL there) before the key is used to sign.
    const opensslPublic = createPublicKey(key)
      .export({ format: 'der', type: 'spki' })
      .subarray(ED25519_SPKI_PREFIX.length);
    if (!opensslPublic.equals(publicKey)) throw new Error(`${what}: noble and OpenSSL derive different public keys`);
    return { seed, publicKey, keyId: keyIdOf(publicKey) };
  } finally {
    der.fill(0); // best effort: do not leave a second copy of the seed around
  }
}

/** Exactly one PEM block with `label`, nothing but whitespace around it, canonical base64. */
function decodeSinglePem(pem: string, what: string, label: string, maxBytes: number): Buffer {
  if (typeof pem !== 'string') throw new InputError('key-pem', `${what}: expected PEM text, found ${describe(pem)}`);
  if (pem.length > maxBytes)
    throw new InputError(
      'key-too-large',
      `${what}: expected a key PEM of at most ${maxBytes} bytes, found ${pem.length}`,
    );
  const labels = [...pem.matchAll(/-----BEGIN ([^\r\n-]*)-----/g)].map((m) => m[1] as string);
  if (labels.length === 0)
    throw new InputError('key-pem', `${what}: expected a PEM block "-----BEGIN ${label}-----", found no PEM block`);
  if (labels.length > 1)
    throw new InputError(
      'key-pem',
      `${what}: expected exactly one PEM block "${label}", found ${labels.length} (${labels.join(', ')})`,
    );
  const found = labels[0] as string;
  if (found === 'ENCRYPTED PRIVATE KEY') {
    throw new InputError(
      'key-encrypted',
      `${what}: expected an unencrypted PKCS#8 "PRIVATE KEY", found an encrypted one; decrypt it (e.g. 'openssl pkey -in KEY -out NEW') and protect the file with mode 0600 or a secret store instead`,
    );
  }
  if (found !== label) throw new InputError('key-pem', `${what}: expected a PEM block "${label}", found "${found}"`);
  const m = new RegExp(
    `^\\s*-----BEGIN ${label}-----\\r?\\n((?:[A-Za-z0-9+/=]+\\r?\\n)+)-----END ${label}-----\\s*$`,
  ).exec(pem);
  if (!m)
    throw new InputError(
      'key-pem',
      `${what}: expected base64 lines between "-----BEGIN ${label}-----" and "-----END ${label}-----" and nothing but whitespace around them`,
    );
  const body = (m[1] as string).replace(/\r?\n/g, '');
  const der = decodeCanonicalBase64(body);
  if (!der)
    throw new InputError('key-pem', `${what}: expected canonical base64 in the PEM block, found malformed base64`);
  return Buffer.from(der);
}

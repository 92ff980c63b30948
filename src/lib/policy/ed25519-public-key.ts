// Pinned Ed25519 public keys as SPKI PEM (RFC 8410 §4, RFC 7468 §13), and their key ids.
// Private to the policy module for now: src/lib/countersign/keys.ts will have the shared
// `parsePublicKeyPem` / `keyIdOf`, and the two should be merged into one.
//
// Strict on purpose: the PEM must be exactly one "PUBLIC KEY" block whose DER is the one
// valid encoding of an Ed25519 SubjectPublicKeyInfo. node:crypto's createPublicKey alone
// would also accept a certificate or a private key (deriving its public half), which has
// no place in a policy file.
import { createHash, createPublicKey } from 'node:crypto';

/** SEQUENCE { SEQUENCE { OID 1.3.101.112 (id-Ed25519) } BIT STRING (0 unused bits, 32 bytes) }. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PEM = /^-----BEGIN PUBLIC KEY-----\r?\n((?:[A-Za-z0-9+/=]{1,76}\r?\n)+)-----END PUBLIC KEY-----\r?\n?$/;
const MAX_PEM_LENGTH = 1024;

/** Returns the raw 32-byte key, or throws an Error saying what is wrong (caller adds context). */
export function parseEd25519PublicKeyPem(pem: string): Uint8Array {
  if (pem.length > MAX_PEM_LENGTH) throw new Error(`expected an Ed25519 public key PEM of at most ${MAX_PEM_LENGTH} characters, found ${pem.length}`);
  const m = PEM.exec(pem);
  if (!m) throw new Error('expected one PEM block "-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----" and nothing else');
  const body = (m[1] as string).replace(/\r?\n/g, '');
  const der = Buffer.from(body, 'base64');
  if (der.toString('base64') !== body) throw new Error('expected canonical base64 in the PEM body');
  if (der.length !== ED25519_SPKI_PREFIX.length + 32 || !der.subarray(0, ED25519_SPKI_PREFIX.length).equals(ED25519_SPKI_PREFIX)) {
    throw new Error('expected an Ed25519 SubjectPublicKeyInfo (RFC 8410), found another key type or encoding');
  }
  // Cross-check with OpenSSL, which also rejects bytes it cannot load as an Ed25519 key.
  let x: string | undefined;
  try {
    const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(String(key.asymmetricKeyType));
    x = key.export({ format: 'jwk' }).x;
  } catch (err) {
    throw new Error(`not a usable Ed25519 public key (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  const raw = new Uint8Array(der.subarray(ED25519_SPKI_PREFIX.length));
  if (x !== Buffer.from(raw).toString('base64url')) throw new Error('the key does not round-trip through node:crypto');
  return raw;
}

/** The key id: `sha256:` + lowercase hex of sha256 over the raw 32-byte public key. */
export function ed25519KeyIdOf(rawPublicKey: Uint8Array): string {
  return `sha256:${createHash('sha256').update(rawPublicKey).digest('hex')}`;
}

// Organisation B's signing key behind a one-method interface (docs/design.md §8), so that an HSM or
// a cloud KMS can stand in for the key file without touching the countersigning logic.
import { type KeyObject, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { signEd25519 } from './ed25519.ts';

export interface CountersignSigner {
  /** `sha256:<hex>` of the raw Ed25519 public key. */
  readonly keyId: string;
  /** Returns the 64-byte Ed25519 signature of `message`. */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/** RFC 8410 PKCS#8 for an Ed25519 seed: this prefix, then the 32 bytes. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SELF_CHECK_MESSAGE = new TextEncoder().encode('countersign: signer self-check');

/**
 * A signer over an Ed25519 seed held in memory (a key file or an environment secret). Signs
 * with OpenSSL (node:crypto; deterministic RFC 8032, as the JavaScript signEd25519), about 50x
 * faster than JavaScript on the service's main thread, where every countersignature and
 * checkpoint is signed (issue 15). The seed is checked once here, through signEd25519 (its
 * length, and a signature that passes this project's strict verification); each signature is
 * then checked with OpenSSL before it is returned, so a fault never leaves as a signature.
 */
export function seedSigner(seed: Uint8Array, keyId: string): CountersignSigner {
  signEd25519(SELF_CHECK_MESSAGE, seed); // throws InputError for a seed of the wrong size
  const privateKey: KeyObject = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  return {
    keyId,
    // A rejected promise (not a throw) if signing fails, as from an async function.
    sign: (message) =>
      Promise.resolve().then(() => {
        const signature = new Uint8Array(sign(null, message, privateKey));
        if (!verify(null, message, publicKey, signature))
          throw new Error('Ed25519: the signature just made does not verify');
        return signature;
      }),
  };
}
